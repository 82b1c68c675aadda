// pdf_reader_test.cpp — the PDF reader on PDFs printed at test time (tests/pdf/make_pdfs.py: the
// bundled sample as ruled tables and as borderless tables, prose before forms, an image-only
// scan, encrypted and broken files). The ruled sample must give the eight golden forms.
#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>
#include <jixiao/io/pdf.hpp>
#include <jixiao/json.hpp>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace io = jixiao::io;
using jixiao::errc;
using jixiao::form;

namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// A PDF made by the fixture; skips the test with a message when it could not be made (no
/// chromium or no qpdf on this machine).
#define PDF_FILE(var, name)                                                                        \
    const std::filesystem::path var##_path = std::filesystem::path(JIXIAO_PDF_FILES_DIR) / (name); \
    if (!std::filesystem::exists(var##_path)) GTEST_SKIP() << var##_path << " was not made (see make_pdfs.py output)"; \
    const std::string var = slurp(var##_path)

class pdf_reader : public ::testing::Test {
protected:
    static void SetUpTestSuite() { jixiao::pdf::register_reader(); }
};

form golden(int k) {
    auto f = jixiao::read_form_json(slurp(std::string(JIXIAO_TEST_DATA_DIR) + "/forms/songjiang-2023-" + std::to_string(k) + ".json"));
    EXPECT_TRUE(f.has_value()) << (f.has_value() ? "" : f.error().describe());
    return f.has_value() ? *f : form{};
}

form without_locations(form f) {
    f.where = {};
    for (auto& ind : f.indicators) ind.where = {};
    return f;
}

std::string without_spaces(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
}

/// The form with the spaces of its goal texts removed: a line wrap at a space between a Latin
/// and a Chinese character (`(2) 建立` wrapped after `(2)`) cannot be seen in a PDF
/// (docs/readers.md), and the sample's long goals wrap at such places.
form goal_spaces_removed(form f) {
    f.annual_goal.expected = without_spaces(f.annual_goal.expected);
    f.annual_goal.achieved = without_spaces(f.annual_goal.achieved);
    return f;
}

io::import_options locked_options() {
    io::import_options o;
    o.source_name = "locked.pdf";
    return o;
}

bool has_note(const io::grid& g, const std::string& part) {
    return std::any_of(g.notes.begin(), g.notes.end(), [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

/// Every indicator's name, target, actual, weight and score and every funds cell of `a` and `b` agree.
void expect_same_indicators_and_funds(const form& a, const form& b, const std::string& what) {
    EXPECT_EQ(a.project_name, b.project_name) << what;
    EXPECT_EQ(a.money, b.money) << what << ": funds of " << b.project_name;
    ASSERT_EQ(a.indicators.size(), b.indicators.size()) << what << ": " << b.project_name;
    for (std::size_t i = 0; i < a.indicators.size(); ++i) {
        const auto& x = a.indicators[i];
        const auto& y = b.indicators[i];
        EXPECT_EQ(x.name, y.name) << what << ": indicator " << i;
        EXPECT_EQ(x.target, y.target) << what << ": " << y.name;
        EXPECT_EQ(x.actual, y.actual) << what << ": " << y.name;
        EXPECT_EQ(x.weight, y.weight) << what << ": " << y.name;
        EXPECT_EQ(x.score, y.score) << what << ": " << y.name;
        EXPECT_EQ(x.level1, y.level1) << what << ": " << y.name;
        EXPECT_EQ(x.level2, y.level2) << what << ": " << y.name;
    }
    EXPECT_EQ(a.total_score, b.total_score) << what;
}

std::vector<std::string> row_texts(const io::row& r) {
    std::vector<std::string> out;
    for (const io::cell& c : r.cells) out.push_back((c.from_span ? "^" : "") + c.text);
    return out;
}

TEST_F(pdf_reader, hand_made_pdf_with_stroked_lines_gives_its_table_in_integer_units) {
    PDF_FILE(bytes, "hand-made.pdf");
    const auto g = io::read_grid(bytes);
    ASSERT_TRUE(g.has_value()) << g.error().describe();
    ASSERT_EQ(g->rows.size(), 4u);
    EXPECT_EQ(row_texts(g->rows[0]), (std::vector<std::string>{"Performance self-evaluation"}));
    EXPECT_EQ(row_texts(g->rows[1]), (std::vector<std::string>{"Indicator", "Target", "Actual"}));
    EXPECT_EQ(row_texts(g->rows[2]), (std::vector<std::string>{"Output", "=7", "7"}));
    EXPECT_EQ(row_texts(g->rows[3]), (std::vector<std::string>{"^Output", ">=90%", "95%"}));
    const io::cell& output = g->rows[2].cells[0];
    EXPECT_EQ(output.row_span, 2u);
    EXPECT_EQ(output.page, 1u);
    // Lines at x 50 / 150 pt and y 680 / 640 pt (from the bottom of a 792 pt page): 1/100 pt from the top.
    EXPECT_EQ(output.bounds, (io::box{5000, 11200, 15000, 15200}));
    EXPECT_EQ(g->rows[1].cells[2].bounds, (io::box{25000, 9200, 35000, 11200}));
    EXPECT_EQ(g->rows[2].line, 3u);
    // The lone square drawn beside the table holds no text: not a table.
    EXPECT_TRUE(has_note(*g, "page 1: 1 table from ruling lines (8 cells, 8 of 10 words); 1 rows of text outside tables"))
        << g->notes.at(1);
}

TEST_F(pdf_reader, ruled_sample_imports_to_the_eight_golden_forms) {
    PDF_FILE(bytes, "songjiang-ruled.pdf");
    const auto r = io::import_text(bytes);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    EXPECT_EQ(r->report.format, io::grid_format::pdf);
    ASSERT_EQ(r->forms.size(), 8u);
    for (int k = 1; k <= 8; ++k) {
        const form actual = without_locations(r->forms[static_cast<std::size_t>(k - 1)]);
        const form expected = golden(k);
        EXPECT_EQ(goal_spaces_removed(actual), goal_spaces_removed(expected))
            << "form " << k << " differs:\n" << jixiao::write_json(actual);
    }
}

TEST_F(pdf_reader, ruled_sample_cells_carry_their_page_and_box) {
    PDF_FILE(bytes, "songjiang-ruled.pdf");
    const auto g = io::read_grid(bytes);
    ASSERT_TRUE(g.has_value()) << g.error().describe();
    EXPECT_EQ(g->format, io::grid_format::pdf);
    EXPECT_TRUE(has_note(*g, "format detected from the content: pdf"));
    EXPECT_TRUE(has_note(*g, "page 1: 1 table from ruling lines")) << g->notes.at(1);
    std::size_t last_page = 0;
    std::size_t cells = 0;
    std::size_t spans = 0;
    for (const io::row& row : g->rows) {
        for (const io::cell& c : row.cells) {
            ++cells;
            EXPECT_GE(c.page, last_page);
            last_page = c.page;
            EXPECT_GE(c.page, 1u);
            EXPECT_LT(c.bounds.x0, c.bounds.x1) << c.text;
            EXPECT_LT(c.bounds.y0, c.bounds.y1) << c.text;
            EXPECT_EQ(c.line, row.line);
            if (c.row_span > 1) ++spans;
        }
    }
    EXPECT_GT(cells, 500u);
    EXPECT_GT(spans, 8u);  // the merged 一级指标 / 二级指标 labels
    EXPECT_GE(last_page, 3u);
    // A merged label: the copies below it say so.
    const auto copy = std::find_if(g->rows.begin(), g->rows.end(), [](const io::row& r) {
        return std::any_of(r.cells.begin(), r.cells.end(), [](const io::cell& c) { return c.from_span && c.text == "产出指标"; });
    });
    EXPECT_NE(copy, g->rows.end());
}

TEST_F(pdf_reader, ruled_sample_forms_and_notes_cite_the_page_of_their_cells) {
    PDF_FILE(bytes, "songjiang-ruled.pdf");
    const auto g = io::read_grid(bytes);
    ASSERT_TRUE(g.has_value()) << g.error().describe();
    const auto r = io::recognize(*g);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 8u);
    // The page of grid row `row` (1-based): that of its first cell (0 for a row without cells).
    const auto page_of = [&](std::size_t row) -> std::size_t {
        const io::row& gr = g->rows.at(row - 1);
        return gr.cells.empty() ? 0 : gr.cells.front().page;
    };
    std::size_t last = 0;
    for (const form& f : r->forms) {
        EXPECT_EQ(f.where.page, page_of(f.where.row)) << f.project_name;
        EXPECT_GE(f.where.page, last == 0 ? 1 : last) << f.project_name;
        last = f.where.page;
        for (const auto& ind : f.indicators) {
            EXPECT_EQ(ind.where.page, page_of(ind.where.row)) << ind.name;
            EXPECT_GE(ind.where.page, f.where.page) << ind.name;
        }
    }
    EXPECT_GE(last, 5u);  // eight forms over a dozen pages
    for (const io::import_note& n : r->report.notes) {
        if (n.where.row != 0) {
            EXPECT_GE(n.where.page, 1u) << n.code << " " << n.text;
        }
    }
    EXPECT_EQ(jixiao::place_text(r->forms.back().where), "p. " + std::to_string(last));
}

TEST_F(pdf_reader, borderless_sample_gives_the_same_indicators_and_funds_by_alignment) {
    PDF_FILE(bytes, "songjiang-plain.pdf");
    const auto g = io::read_grid(bytes);
    ASSERT_TRUE(g.has_value()) << g.error().describe();
    EXPECT_TRUE(has_note(*g, "page 1: no table with ruling lines"));
    EXPECT_TRUE(has_note(*g, "split into cells by alignment"));
    const auto r = io::recognize(*g);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 8u);
    for (int k = 1; k <= 8; ++k) {
        expect_same_indicators_and_funds(r->forms[static_cast<std::size_t>(k - 1)], golden(k), "borderless form " + std::to_string(k));
    }
}

TEST_F(pdf_reader, finds_the_forms_after_pages_of_unrelated_prose) {
    PDF_FILE(bytes, "prose-then-forms.pdf");
    const auto g = io::read_grid(bytes);
    ASSERT_TRUE(g.has_value()) << g.error().describe();
    const auto r = io::recognize(*g);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 2u);
    expect_same_indicators_and_funds(r->forms[0], golden(1), "after prose");
    expect_same_indicators_and_funds(r->forms[1], golden(2), "after prose");
    // The form starts on a later page than the prose.
    std::size_t title_page = 0;
    for (const io::row& row : g->rows)
        for (const io::cell& c : row.cells)
            if (title_page == 0 && c.text == "财政项目支出绩效自评表") title_page = c.page;
    EXPECT_GE(title_page, 2u);
    EXPECT_TRUE(has_note(*g, "page 1: no table with ruling lines"));
}

TEST_F(pdf_reader, drops_the_header_row_repeated_on_each_page_of_a_long_table) {
    PDF_FILE(bytes, "long-table.pdf");
    const auto g = io::read_grid(bytes);
    ASSERT_TRUE(g.has_value()) << g.error().describe();
    std::size_t headers = 0;
    std::vector<std::string> numbers;
    std::size_t last_page = 0;
    for (const io::row& r : g->rows) {
        if (r.cells.empty()) continue;
        last_page = std::max(last_page, r.cells.front().page);
        if (r.cells.front().text == "序号") ++headers;
        else if (r.cells.size() == 3) numbers.push_back(r.cells.front().text);
    }
    ASSERT_GE(last_page, 3u);
    EXPECT_EQ(headers, 1u);  // printed on every page, read once
    ASSERT_EQ(numbers.size(), 150u);
    for (std::size_t k = 0; k < numbers.size(); ++k) EXPECT_EQ(numbers[k], std::to_string(k + 1));
    const auto dropped = std::count_if(g->notes.begin(), g->notes.end(), [](const std::string& n) {
        return n.find("header row repeated from page") != std::string::npos;
    });
    EXPECT_EQ(static_cast<std::size_t>(dropped), last_page - 1);
}

TEST_F(pdf_reader, opens_a_pdf_encrypted_with_an_owner_password_only) {
    PDF_FILE(bytes, "encrypted-owner.pdf");
    const auto g = io::read_grid(bytes);
    ASSERT_TRUE(g.has_value()) << g.error().describe();
    EXPECT_TRUE(has_note(*g, "encrypted PDF opened without a password"));
    const auto r = io::recognize(*g);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->forms.size(), 8u);
}

TEST_F(pdf_reader, a_pdf_that_needs_a_user_password_is_a_clear_error) {
    PDF_FILE(bytes, "encrypted-user.pdf");
    const auto r = io::import_text(bytes, locked_options());
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::password_required);
    EXPECT_EQ(r.error().where, "locked.pdf");
    EXPECT_NE(r.error().message.find("password"), std::string::npos);
}

TEST_F(pdf_reader, a_scan_without_text_points_to_ocr) {
    PDF_FILE(bytes, "image-only.pdf");
    const auto g = io::read_grid(bytes);
    ASSERT_FALSE(g.has_value());
    EXPECT_EQ(g.error().code, errc::no_text_layer);
    // jixiao_pdf_tests registers no OCR reader: the message says what the build lacks.
    EXPECT_EQ(g.error().message,
              "scanned PDF: no text layer on pages 1-2; this build reads no scans (built without Tesseract: jixiao::ocr, "
              "see README)");
}

TEST_F(pdf_reader, a_broken_pdf_is_a_clear_error) {
    PDF_FILE(bytes, "broken.pdf");
    const auto g = io::read_grid(bytes);
    ASSERT_FALSE(g.has_value());
    EXPECT_EQ(g.error().code, errc::invalid_document);
    const auto r = io::import_text(bytes);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::invalid_document);
}

TEST_F(pdf_reader, truncated_pdfs_give_a_grid_or_a_clear_error) {
    PDF_FILE(bytes, "songjiang-ruled.pdf");
    for (const std::size_t keep : {std::size_t{6}, std::size_t{100}, bytes.size() / 3, bytes.size() - 100}) {
        const auto g = io::read_grid(std::string_view(bytes).substr(0, keep));
        if (g.has_value()) {
            EXPECT_EQ(g->format, io::grid_format::pdf);
            continue;
        }
        const errc c = g.error().code;
        EXPECT_TRUE(c == errc::invalid_document || c == errc::no_text_layer) << keep << ": " << g.error().describe();
    }
}

TEST_F(pdf_reader, limits_on_pages_cells_and_bytes_hold) {
    PDF_FILE(bytes, "songjiang-ruled.pdf");
    io::read_options pages;
    pages.max_pages = 1;
    auto g = io::read_grid(bytes, pages);
    ASSERT_FALSE(g.has_value());
    EXPECT_EQ(g.error().code, errc::limit_exceeded);
    EXPECT_NE(g.error().message.find("pages"), std::string::npos);
    io::read_options cells;
    cells.max_cells = 50;
    g = io::read_grid(bytes, cells);
    ASSERT_FALSE(g.has_value());
    EXPECT_EQ(g.error().code, errc::limit_exceeded);
    io::read_options size;
    size.max_bytes = 1000;
    g = io::read_grid(bytes, size);
    ASSERT_FALSE(g.has_value());
    EXPECT_EQ(g.error().code, errc::limit_exceeded);
}

TEST_F(pdf_reader, without_a_registered_reader_the_core_says_how_to_get_one) {
    PDF_FILE(bytes, "broken.pdf");
    io::register_reader(io::grid_format::pdf, nullptr);
    const auto g = io::read_grid(bytes);
    jixiao::pdf::register_reader();
    ASSERT_FALSE(g.has_value());
    EXPECT_EQ(g.error().code, errc::reader_unavailable);
    EXPECT_EQ(g.error().message, "a PDF file: this build has no PDF reader (built without poppler; see README)");
}

TEST_F(pdf_reader, an_explicit_pdf_format_reads_non_pdf_bytes_as_a_broken_pdf) {
    const auto g = io::read_grid("项目名称\t网络\n", io::grid_format::pdf);
    ASSERT_FALSE(g.has_value());
    EXPECT_EQ(g.error().code, errc::invalid_document);
}

}  // namespace
