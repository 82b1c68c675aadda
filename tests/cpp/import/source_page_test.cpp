// Pages in source locations: a cell's page (io::cell::page, set by the PDF reader) reaches every
// location both recognizers make (forms, indicators, report notes). The grids here are text
// grids given pages by hand (rows 1-9 on page 1, 10-18 on page 2, ...), so the test needs no
// PDF; tests/pdf/ checks the same on PDFs printed at test time.
#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>

#include <cctype>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace io = jixiao::io;
using jixiao::source_location;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in.good()) << path;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

constexpr std::size_t rows_per_page = 9;

/// The page given to grid row `row` (1-based) of a grid with cells: 0 for a row without cells.
std::size_t page_of(const io::grid& g, std::size_t row) {
    if (row == 0 || row > g.rows.size() || g.rows[row - 1].cells.empty()) return 0;
    return (row - 1) / rows_per_page + 1;
}

io::grid paged(io::grid g) {
    for (std::size_t r = 0; r < g.rows.size(); ++r) {
        for (io::cell& c : g.rows[r].cells) c.page = page_of(g, r + 1);
    }
    return g;
}

/// Every location of the result, with what it is (for the messages).
std::vector<std::pair<std::string, source_location*>> locations(io::import_result& r) {
    std::vector<std::pair<std::string, source_location*>> out;
    for (std::size_t i = 0; i < r.forms.size(); ++i) {
        out.emplace_back("form " + std::to_string(i + 1), &r.forms[i].where);
        for (auto& ind : r.forms[i].indicators) out.emplace_back("indicator " + ind.name, &ind.where);
    }
    for (auto& n : r.report.notes) out.emplace_back("note " + n.code + " `" + n.text + "`", &n.where);
    return out;
}

io::import_result recognized(const io::grid& g, const std::string& name) {
    io::import_options o;
    o.source_name = name;
    auto r = io::recognize(g, o);
    EXPECT_TRUE(r.has_value()) << name << ": " << (r.has_value() ? "" : r.error().describe());
    return r.has_value() ? *r : io::import_result{};
}

class source_page : public ::testing::TestWithParam<std::string> {};

TEST_P(source_page, every_location_carries_the_page_of_its_cell_and_nothing_else_changes) {
    const std::string path = GetParam();
    const std::string name = path.substr(path.rfind('/') + 1);
    const std::string bytes = slurp(path);
    auto g = io::read_grid(bytes);
    // Text without a table structure (a PDF dump): read line by line, as import_text does.
    if (!g.has_value() && g.error().code == jixiao::errc::unknown_format) g = io::read_grid(bytes, io::grid_format::cell_per_line);
    ASSERT_TRUE(g.has_value()) << g.error().describe();
    const io::grid with_pages = paged(*g);
    io::import_result plain = recognized(*g, name);
    io::import_result result = recognized(with_pages, name);
    ASSERT_FALSE(result.forms.empty()) << name;

    std::size_t pages_seen = 0, last_form_page = 0;
    for (auto& [what, w] : locations(result)) {
        if (w->row == 0) {
            EXPECT_EQ(w->page, 0u) << what;  // nowhere in particular
            continue;
        }
        EXPECT_EQ(w->page, page_of(with_pages, w->row)) << what << " at row " << w->row;
        if (w->page != 0) ++pages_seen;
    }
    EXPECT_GT(pages_seen, 0u);
    for (const auto& f : result.forms) {
        EXPECT_GE(f.where.page, last_form_page) << f.project_name;  // forms in document order
        last_form_page = f.where.page;
    }
    if (result.forms.size() > 1) {
        EXPECT_GT(result.forms.back().where.page, result.forms.front().where.page);
    }

    // Without the pages, the result is the one of the grid without pages.
    for (auto& [what, w] : locations(result)) w->page = 0;
    EXPECT_EQ(result.forms, plain.forms) << name;
    EXPECT_EQ(result.report.notes, plain.report.notes) << name;
}

INSTANTIATE_TEST_SUITE_P(
    positional_and_by_meaning, source_page,
    ::testing::Values(std::string(JIXIAO_SAMPLES_DIR) + "/songjiang-2023.txt",
                      std::string(JIXIAO_SAMPLES_DIR) + "/songjiang-2023.html",
                      std::string(JIXIAO_SAMPLES_DIR) + "/songjiang-2023.lines.txt",
                      std::string(JIXIAO_TEST_DATA_DIR) + "/import/families/hebei-lines.txt",
                      std::string(JIXIAO_TEST_DATA_DIR) + "/import/families/sichuan-pipe.txt",
                      std::string(JIXIAO_TEST_DATA_DIR) + "/import/families/sichuan-pdf.txt",
                      std::string(JIXIAO_TEST_DATA_DIR) + "/import/families/county-run-together.txt",
                      std::string(JIXIAO_TEST_DATA_DIR) + "/import/families/transfer-lines.txt"),
    [](const ::testing::TestParamInfo<std::string>& param) {
        std::string n = param.param.substr(param.param.rfind('/') + 1);
        for (char& c : n) {
            if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
        }
        return n;
    });

TEST(source_page, a_place_is_a_page_for_a_pdf_and_a_line_for_text) {
    EXPECT_EQ(jixiao::place_text(source_location{"a.pdf", 40, 40, 2, 3}), "p. 3");
    EXPECT_EQ(jixiao::place_text(source_location{"a.txt", 12, 12, 2}), "line 12");
    EXPECT_EQ(jixiao::place_text(source_location{}), "");
}

}  // namespace
