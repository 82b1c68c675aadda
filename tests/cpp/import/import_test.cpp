// The form recognizer (docs/import.md): the Songjiang sample in every grid shape gives the eight
// hand-checked golden forms with every repair listed; damaged and hostile inputs give forms plus
// a report or a clear error; every non-empty input cell is in a form or in the report.
#include <jixiao/io/import.hpp>
#include <jixiao/json.hpp>
#include <jixiao/vocabulary.hpp>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace io = jixiao::io;
using jixiao::errc;
using jixiao::form;
using io::note_kind;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string sample(const std::string& name) { return slurp(std::string(JIXIAO_SAMPLES_DIR) + "/" + name); }
std::string data(const std::string& name) { return slurp(std::string(JIXIAO_TEST_DATA_DIR) + "/" + name); }

/// The form without source locations (the golden files leave `where` at its default).
form without_locations(form f) {
    f.where = {};
    for (auto& ind : f.indicators) ind.where = {};
    return f;
}

form golden(int k) {
    auto f = jixiao::read_form_json(data("forms/songjiang-2023-" + std::to_string(k) + ".json"));
    EXPECT_TRUE(f.has_value()) << (f.has_value() ? "" : f.error().describe());
    return f.has_value() ? *f : form{};
}

std::size_t count_notes(const io::import_report& r, std::string_view code) {
    return static_cast<std::size_t>(std::count_if(r.notes.begin(), r.notes.end(), [&](const io::import_note& n) { return n.code == code; }));
}

std::vector<std::string> note_texts(const io::import_report& r, std::string_view code) {
    std::vector<std::string> out;
    for (const auto& n : r.notes) {
        if (n.code == code) out.push_back(n.text);
    }
    return out;
}

/// Removes spaces, for comparing cell text with form text.
std::string squeeze(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        if (s.substr(i, 3) == "\xE3\x80\x80") { i += 2; continue; }
        out += c;
    }
    return out;
}

/// Everything a form holds as text, spaces removed, HTML tags removed.
std::string form_text(const form& f) {
    std::string t = f.title + "|" + f.project_name + "|" + f.department + "|" + f.implementing_unit + "|" +
                    f.annual_goal.expected + "|" + f.annual_goal.achieved + "|" + f.total_weight.text + "|" +
                    f.total_score.text + "|" + f.reported_grade + "|" + f.notes + "|";
    if (f.year) t += std::to_string(*f.year) + "|";
    for (const auto& row : f.money.amounts)
        for (const auto& c : row) t += c.text + "|";
    for (const auto& row : f.money.source_scoring)
        for (const auto& c : row) t += c.text + "|";
    t += f.money.weight.text + "|" + f.money.execution_rate.text + "|" + f.money.score.text + "|";
    for (const auto& ind : f.indicators) {
        t += ind.level1_text + "|" + ind.level2_text + "|" + ind.name + "|" + ind.target.text + "|" + ind.actual.text +
             "|" + ind.weight.text + "|" + ind.score.text + "|" + ind.deviation_note + "|";
        for (const auto& e : ind.extra) t += e.label + "|" + e.text + "|";
    }
    return squeeze(t);
}

std::string strip_tags(std::string_view s) {
    std::string out;
    bool in_tag = false;
    for (char c : s) {
        if (c == '<') in_tag = true;
        else if (c == '>') in_tag = false;
        else if (!in_tag) out += c;
    }
    return out;
}

bool is_label(std::string_view key) {
    using namespace jixiao::vocabulary;
    auto in = [&](const auto& table) {
        for (const auto& e : table)
            if (e.spelling == key) return true;
        return false;
    };
    if (in(header_field_labels) || in(funds_column_labels) || in(funds_row_labels) || in(goal_labels) ||
        in(indicator_column_labels) || in(total_labels) || in(closing_labels))
        return true;
    for (auto p : funds_row_prefixes) {
        if (!key.starts_with(p)) continue;
        const std::string_view rest = key.substr(p.size());
        for (const auto& e : funds_row_labels)
            if (e.spelling == rest) return true;
    }
    for (auto l : funds_labels)
        if (key.starts_with(l)) return true;
    return false;
}

}  // namespace

namespace {

/// Nothing lost: every non-empty input cell is in a form field, is a label of the form, or is
/// named (by its position) in a note of the report; and the report's counts agree.
void expect_nothing_lost(const io::grid& g, const io::import_result& r) {
    std::set<std::pair<std::size_t, std::size_t>> noted;  // (grid row, column)
    for (const auto& n : r.report.notes) noted.insert({n.where.row, n.where.column});
    std::string all;
    for (const auto& f : r.forms) all += form_text(f);
    std::size_t total = 0;
    for (std::size_t i = 0; i < g.rows.size(); ++i) {
        for (const auto& c : g.rows[i].cells) {
            const std::string key = squeeze(c.text);
            if (key.empty() || c.from_span) continue;
            ++total;
            if (noted.count({i + 1, c.column}) != 0) continue;
            std::string k = key;
            if (k.ends_with("\xEF\xBC\x9A")) k.resize(k.size() - 3);
            if (is_label(k)) continue;
            const std::string content = squeeze(strip_tags(c.text));
            bool year = false;
            for (const auto& f : r.forms)
                if (f.year && key.find(std::to_string(*f.year)) != std::string::npos) year = true;
            EXPECT_TRUE(year || all.find(content) != std::string::npos)
                << "cell lost: row " << i + 1 << " column " << c.column << ": " << c.text;
        }
    }
    EXPECT_EQ(r.report.cells_total, total);
    std::set<std::pair<std::size_t, std::size_t>> noted_cells;
    for (const auto& n : r.report.notes) {
        if (n.kind == note_kind::unmapped || n.code == "page_number_dropped" || n.code == "split_label_dropped")
            noted_cells.insert({n.where.row, n.where.column});
    }
    EXPECT_EQ(r.report.cells_mapped + noted_cells.size(), r.report.cells_total);
}

struct shape {
    const char* file;
    io::grid_format format;
};

class import_sample : public ::testing::TestWithParam<shape> {};

}  // namespace

TEST_P(import_sample, gives_the_eight_golden_forms) {
    const std::string bytes = sample(GetParam().file);
    ASSERT_FALSE(bytes.empty());
    io::import_options options;
    options.source_name = GetParam().file;
    const auto r = io::import_text(bytes, options);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    EXPECT_EQ(r->report.format, GetParam().format);
    ASSERT_EQ(r->forms.size(), 8u);
    for (int k = 1; k <= 8; ++k) {
        const form actual = without_locations(r->forms[static_cast<std::size_t>(k - 1)]);
        const form expected = golden(k);
        EXPECT_EQ(actual, expected) << "form " << k << " differs:\n" << jixiao::write_json(actual);
    }
}

TEST_P(import_sample, keeps_every_cell_in_a_form_or_in_the_report) {
    const std::string bytes = sample(GetParam().file);
    const auto g = io::read_grid(bytes);
    ASSERT_TRUE(g.has_value());
    const auto r = io::recognize(*g);
    ASSERT_TRUE(r.has_value());
    expect_nothing_lost(*g, *r);
    EXPECT_EQ(count_notes(r->report, "cell_unmapped"), 0u);
}

TEST_P(import_sample, lists_the_repairs) {
    const auto r = io::import_text(sample(GetParam().file));
    ASSERT_TRUE(r.has_value());
    const auto& rep = r->report;
    // The two page numbers, in forms 4 and 6.
    EXPECT_EQ(note_texts(rep, "page_number_dropped"), (std::vector<std::string>{"-7", "-4"}));
    const auto pages = rep.notes_for(3);
    EXPECT_TRUE(std::any_of(pages.begin(), pages.end(), [](const auto& n) { return n.code == "page_number_dropped"; }));
    // The two names cut by a page break, and the name wrapped into two cells.
    EXPECT_EQ(note_texts(rep, "row_joined"),
              (std::vector<std::string>{"重点绩效评价报告优良率", "小微企业会计培训完成时间"}));
    EXPECT_EQ(count_notes(rep, "name_cells_joined"), 1u);
    // Goal text with <p> tags: form 1 (two cells) and form 5 (two cells).
    EXPECT_EQ(count_notes(rep, "html_tags_stripped"), 4u);
    // The 总分 row of form 2 is broken into rows of one cell in the PDF text.
    EXPECT_EQ(count_notes(rep, "total_row_joined"), 2u);
    // Labels taken across a page break, in the text; HTML draws that merged cell over its rows
    // (the rowspan says so), and nothing is guessed.
    const bool drawn = GetParam().format == io::grid_format::html;
    EXPECT_EQ(note_texts(rep, "label_from_next_page"),
              drawn ? std::vector<std::string>{} : std::vector<std::string>{"集中收储及时率"});
    EXPECT_EQ(count_notes(rep, "label_from_below"), 10u);  // forms 5 and 6, five rows each
    // Notes about one indicator name it: the index of that indicator in its form.
    std::size_t about_indicators = 0;
    for (const auto& n : rep.notes) {
        if (n.code != "row_joined" && n.code != "label_from_below" && n.code != "label_from_next_page") continue;
        ++about_indicators;
        ASSERT_TRUE(n.form.has_value() && n.indicator.has_value()) << n.code << ": " << n.text;
        const auto& ind = r->forms.at(*n.form).indicators.at(*n.indicator);
        if (n.code == "label_from_below") {
            EXPECT_EQ(ind.level1_text, n.text);
        } else {
            EXPECT_EQ(ind.name, n.text) << n.code;
        }
        if (n.code == "row_joined") {
            EXPECT_GT(n.where.row, ind.where.row);  // the continuation, after the row it completes
        } else {
            EXPECT_EQ(n.where, ind.where) << n.code;
        }
    }
    EXPECT_EQ(about_indicators, drawn ? 12u : 13u);
    // So do the repairs of the cells of an indicator row: the repaired text is in that indicator.
    const auto without_blanks = [](std::string t) {
        std::erase(t, ' ');
        std::erase(t, '\n');
        return t;
    };
    std::size_t cell_repairs = 0;
    for (const auto& n : rep.notes) {
        if (n.code != "line_break_removed" && n.code != "name_cells_joined") continue;
        ++cell_repairs;
        ASSERT_TRUE(n.form.has_value() && n.indicator.has_value()) << n.code << ": " << n.text;
        const auto& ind = r->forms.at(*n.form).indicators.at(*n.indicator);
        EXPECT_EQ(n.where.row, ind.where.row) << n.text;
        const std::string repaired = without_blanks(n.text);
        bool found = false;
        for (const std::string* field : {&ind.name, &ind.target.text, &ind.actual.text, &ind.deviation_note}) {
            found = found || without_blanks(*field).find(repaired) != std::string::npos;
        }
        EXPECT_TRUE(found) << n.text << " is not in indicator " << *n.indicator << " (" << ind.name << ")";
    }
    EXPECT_EQ(cell_repairs, 13u);  // 12 wrapped cells and one name in two cells
    // Wrapped cells: `<=700元/人 次`, `投诉处理决定、信访回 复的公平公正性` ...
    const auto wrapped = note_texts(rep, "line_break_removed");
    EXPECT_NE(std::find(wrapped.begin(), wrapped.end(), "<=700元/人 次"), wrapped.end());
    EXPECT_NE(std::find(wrapped.begin(), wrapped.end(), "投诉处理决定、信访回 复的公平公正性"), wrapped.end());
    // Nothing is reported missing in these complete forms.
    EXPECT_EQ(count_notes(rep, "no_total_row"), 0u);
    EXPECT_EQ(count_notes(rep, "no_funds_block"), 0u);
    for (const auto& n : rep.notes) EXPECT_NE(n.kind, note_kind::unmapped) << n.message << ": " << n.text;
}

INSTANTIATE_TEST_SUITE_P(
    every_shape, import_sample,
    ::testing::Values(shape{"songjiang-2023.txt", io::grid_format::tsv},
                      shape{"songjiang-2023.pipe.txt", io::grid_format::pipe},
                      shape{"songjiang-2023.lines.txt", io::grid_format::cell_per_line},
                      shape{"songjiang-2023.csv", io::grid_format::csv},
                      shape{"songjiang-2023.gb18030.csv", io::grid_format::csv},
                      shape{"songjiang-2023.html", io::grid_format::html}),
    [](const auto& param_info) {
        std::string n = param_info.param.file;
        for (char& c : n)
            if (c == '.' || c == '-') c = '_';
        return n;
    });

TEST(import_sample_original, reads_the_shared_sample_file) {
    // The published sample sits in shared/ beside the checkout (not part of the repository).
    const std::string original =
        slurp(std::string(JIXIAO_SOURCE_DIR) + "/../shared/samples/songjiang-2023-project-self-evaluations.txt");
    if (original.empty()) GTEST_SKIP() << "shared sample not present beside the checkout";
    EXPECT_EQ(original, sample("songjiang-2023.txt"));
}

// ---------------------------------------------------------------------------------------------
// Other layouts: 部门预算项目支出绩效自评表 with 指标性质 / 指标值 / 度量单位, 万元, 权重, 评价等级
// ---------------------------------------------------------------------------------------------

TEST(import_layouts, reads_split_target_columns_extra_columns_and_ten_thousand_yuan) {
    const auto r = io::import_text(data("import/budget-department-extra-columns.csv"));
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 1u);
    const auto expected = jixiao::read_form_json(data("import/budget-department-extra-columns.expected.json"));
    ASSERT_TRUE(expected.has_value()) << expected.error().describe();
    const form f = without_locations(r->forms[0]);
    EXPECT_EQ(f, *expected) << jixiao::write_json(f);
    EXPECT_EQ(f.money.unit, jixiao::money_unit::ten_thousand_yuan);
    ASSERT_EQ(f.indicators.size(), 7u);
    EXPECT_EQ(f.indicators[0].target.text, "≥12000人次");  // 指标性质 + 指标值 + 度量单位
    EXPECT_EQ(f.indicators[3].level1, jixiao::category::cost);  // 成本指标 above 经济成本指标
    EXPECT_EQ(f.reported_grade, "优");
    const auto g = io::read_grid(data("import/budget-department-extra-columns.csv"));
    ASSERT_TRUE(g.has_value());
    expect_nothing_lost(*g, *r);
}

TEST(import_layouts, maps_shuffled_extra_columns_by_their_labels) {
    const auto plain = io::import_text(data("import/budget-department-extra-columns.csv"));
    const auto shuffled = io::import_text(data("import/budget-department-shuffled-columns.csv"));
    ASSERT_TRUE(plain.has_value());
    ASSERT_TRUE(shuffled.has_value()) << shuffled.error().describe();
    ASSERT_EQ(shuffled->forms.size(), 1u);
    EXPECT_EQ(without_locations(shuffled->forms[0]), without_locations(plain->forms[0]))
        << jixiao::write_json(without_locations(shuffled->forms[0]));
}

// ---------------------------------------------------------------------------------------------
// Damaged and hostile inputs
// ---------------------------------------------------------------------------------------------

namespace {

/// The tsv sample's lines.
std::vector<std::string> sample_lines() {
    std::vector<std::string> out;
    std::istringstream in(sample("songjiang-2023.txt"));
    std::string line;
    while (std::getline(in, line)) out.push_back(line);
    return out;
}

std::string join_lines(const std::vector<std::string>& lines, std::size_t begin, std::size_t end) {
    std::string out;
    for (std::size_t i = begin; i < end && i < lines.size(); ++i) out += lines[i] + "\n";
    return out;
}

}  // namespace

TEST(import_damaged, a_truncated_last_form_is_kept_with_a_warning) {
    const auto lines = sample_lines();
    // Cut form 8 after its funds block (the sample's line 212 is form 8's goal label row).
    const auto r = io::import_text(join_lines(lines, 0, 211));
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->forms.size(), 8u);
    for (int k = 1; k <= 7; ++k) EXPECT_EQ(without_locations(r->forms[static_cast<std::size_t>(k - 1)]), golden(k));
    const auto notes = r->report.notes_for(7);
    auto has = [&](std::string_view code) {
        return std::any_of(notes.begin(), notes.end(), [&](const auto& n) { return n.code == code && n.kind == note_kind::warning; });
    };
    EXPECT_TRUE(has("no_total_row"));
    EXPECT_TRUE(has("no_goal_block"));
    EXPECT_TRUE(has("no_indicator_table"));
    EXPECT_EQ(r->forms[7].project_name, "网络信息系统运行与维护");
    EXPECT_EQ(r->forms[7].money.at(jixiao::funds_row::total, jixiao::funds_column::executed).text, "7,439,315.3");
}

TEST(import_damaged, a_form_cut_inside_its_indicator_table_keeps_the_rows_read) {
    const auto lines = sample_lines();
    const auto r = io::import_text(join_lines(lines, 0, 20));  // form 1 up to the page break
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->forms.size(), 1u);
    EXPECT_EQ(r->forms[0].indicators.size(), 5u);
    EXPECT_EQ(count_notes(r->report, "no_total_row"), 1u);
    EXPECT_EQ(r->report.notes.back().message, "no 总分 row: the form looks truncated");
}

TEST(import_damaged, missing_blocks_are_warned_and_the_rest_is_read) {
    auto lines = sample_lines();
    // Form 1 without its goal block (lines 12-13) and without its title (line 3).
    std::vector<std::string> cut;
    for (std::size_t i = 0; i < 31; ++i) {
        if (i == 2 || i == 11 || i == 12) continue;
        cut.push_back(lines[i]);
    }
    const auto r = io::import_text(join_lines(cut, 0, cut.size()));
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 1u);
    form expected = golden(1);
    expected.title.clear();
    expected.annual_goal = {};
    EXPECT_EQ(without_locations(r->forms[0]), expected);
    EXPECT_EQ(count_notes(r->report, "no_goal_block"), 1u);
    EXPECT_EQ(count_notes(r->report, "no_title"), 1u);
}

TEST(import_damaged, page_numbers_in_every_spelling_are_dropped) {
    for (std::string_view page : {"-7", "-12-", "—3—", "- 3 -", "第 1 页", "第2页 共8页"}) {
        std::string text = sample("songjiang-2023.txt");
        const std::string at = "\t上年结转资金\t0\t0\t";
        const auto pos = text.find(at);
        ASSERT_NE(pos, std::string::npos);
        text.insert(pos + at.size(), page);
        const auto r = io::import_text(text);
        ASSERT_TRUE(r.has_value());
        EXPECT_EQ(note_texts(r->report, "page_number_dropped"), (std::vector<std::string>{std::string(page), "-7", "-4"}));
        EXPECT_EQ(without_locations(r->forms[0]), golden(1)) << page;
    }
}

TEST(import_damaged, an_empty_or_blank_document_has_no_form) {
    for (std::string_view text : {"", "\n\n   \n", "\t\t\n"}) {
        const auto r = io::import_text(text);
        ASSERT_FALSE(r.has_value());
        EXPECT_EQ(r.error().code, errc::no_form_found);
    }
}

TEST(import_damaged, text_without_a_form_is_no_form_found_not_an_empty_success) {
    const auto r = io::import_text("姓名\t年龄\n张三\t30\n李四\t40\n");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::no_form_found);
    EXPECT_NE(r.error().message.find("no form found"), std::string::npos);
}

TEST(import_damaged, binary_garbage_gives_a_clear_error_and_never_crashes) {
    std::string garbage;
    unsigned state = 12345;
    for (int i = 0; i < 200000; ++i) {
        state = state * 1103515245u + 12345u;
        garbage += static_cast<char>((state >> 16) & 0xFF);
    }
    const auto r = io::import_text(garbage);
    ASSERT_FALSE(r.has_value());
    EXPECT_FALSE(r.error().message.empty());
    // Garbage inside a real document is reported, not fatal.
    const auto lines = sample_lines();
    std::string mixed = join_lines(lines, 0, 31) + "\x01\x02\tabc\t\x7f\n";
    const auto m = io::import_text(mixed);
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->forms.size(), 1u);
    EXPECT_GE(count_notes(m->report, "cell_unmapped"), 1u);
}

TEST(import_damaged, a_sample_shuffled_row_by_row_never_crashes_and_loses_nothing) {
    auto lines = sample_lines();
    // Deterministic shuffles of the rows: the recognizer must stay total.
    unsigned state = 7;
    for (int round = 0; round < 20; ++round) {
        for (std::size_t i = lines.size(); i > 1; --i) {
            state = state * 1103515245u + 12345u;
            std::swap(lines[i - 1], lines[(state >> 8) % i]);
        }
        const std::string text = join_lines(lines, 0, lines.size());
        const auto g = io::read_grid(text, io::grid_format::tsv);
        ASSERT_TRUE(g.has_value());
        const auto r = io::recognize(*g);
        if (!r.has_value()) {
            EXPECT_EQ(r.error().code, errc::no_form_found);
            continue;
        }
        std::set<std::pair<std::size_t, std::size_t>> noted;
        for (const auto& n : r->report.notes) {
            if (n.kind == note_kind::unmapped || n.code == "page_number_dropped" || n.code == "split_label_dropped")
                noted.insert({n.where.row, n.where.column});
        }
        EXPECT_EQ(r->report.cells_mapped + noted.size(), r->report.cells_total);
    }
}

TEST(import_damaged, a_50_mb_document_imports_in_bounded_time) {
    const std::string one = sample("songjiang-2023.txt");
    std::string big;
    big.reserve(51u << 20);
    std::size_t copies = 0;
    while (big.size() < (50u << 20)) {
        big += one;
        ++copies;
    }
    const auto r = io::import_text(big);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    EXPECT_EQ(r->forms.size(), 8 * copies);
    EXPECT_EQ(without_locations(r->forms.back()), golden(8));
    EXPECT_EQ(count_notes(r->report, "page_number_dropped"), 2 * copies);
}

TEST(import_api, import_file_names_the_source_and_reports_missing_files) {
    const auto r = io::import_file(std::string(JIXIAO_SAMPLES_DIR) + "/songjiang-2023.html");
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->report.source, "songjiang-2023.html");
    EXPECT_EQ(r->forms[0].where.file, "songjiang-2023.html");
    const auto missing = io::import_file("/nonexistent/forms.txt");
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().code, errc::io_error);
}

TEST(import_api, an_explicit_reader_is_used_as_given) {
    io::import_options options;
    options.format = io::grid_format::tsv;
    const auto r = io::import_text(sample("songjiang-2023.txt"), options);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->report.format, io::grid_format::tsv);
    EXPECT_EQ(io::to_string(note_kind::repair), "repair");
    EXPECT_EQ(io::to_string(note_kind::unmapped), "unmapped");
    EXPECT_EQ(io::to_string(note_kind::warning), "warning");
}

/// An indicator header without a 三级指标 column (一级 / 二级 / 分值 only) once made the positional
/// aligner dereference a missing column; such rows are aligned by meaning instead.
TEST(import_damaged, an_indicator_header_without_a_name_column_is_read_by_meaning) {
    const std::string text =
        "财政项目支出绩效自评表\n(2023 年度)\n项目名称\t测试项目\n"
        "一级指标\t二级指标\t分值\n产出指标\t数量指标\t5\n总分\t\t100\n";
    const auto g = io::read_grid(text);
    ASSERT_TRUE(g.has_value());
    const auto r = io::recognize(*g);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 1U);
    EXPECT_EQ(r->forms[0].project_name, "测试项目");
    expect_nothing_lost(*g, *r);
}

TEST(import_damaged, a_weight_that_is_no_number_stays_in_its_column_and_is_not_a_repair) {
    // Form 1's 系统使用覆盖率 and 软件测试完成率 rows (lines 18 and 19), weights `七分` and `seven`.
    auto lines = sample_lines();
    auto set_cell = [&](std::size_t line, std::size_t column, const std::string& text) {
        std::vector<std::string> cells;
        std::string cell;
        for (char ch : lines[line - 1] + "\t") {
            if (ch == '\t') {
                cells.push_back(cell);
                cell.clear();
            } else {
                cell += ch;
            }
        }
        cells[column - 1] = text;
        std::string joined;
        for (std::size_t k = 0; k < cells.size(); ++k) joined += (k ? "\t" : "") + cells[k];
        lines[line - 1] = joined;
    };
    ASSERT_NE(lines[17].find("系统使用覆盖率"), std::string::npos) << lines[17];
    set_cell(18, 6, "七分");
    set_cell(19, 6, "seven");
    const auto r = io::import_text(join_lines(lines, 0, lines.size()));
    ASSERT_TRUE(r.has_value());
    const auto& inds = r->forms[0].indicators;
    const auto it = std::find_if(inds.begin(), inds.end(), [](const auto& i) { return i.name == "系统使用覆盖率"; });
    ASSERT_NE(it, inds.end());
    EXPECT_EQ(it->weight.text, "七分");
    EXPECT_EQ(it->weight.state, jixiao::cell_state::invalid);
    EXPECT_EQ(it->score.text, "7");
    EXPECT_EQ(it->target.text, "=100%");
    EXPECT_EQ(it->actual.text, "100%");
    EXPECT_EQ(std::next(it)->name, "软件测试完成率");
    EXPECT_EQ(std::next(it)->weight.text, "seven");
    for (const auto& n : r->report.notes_for(0)) EXPECT_NE(n.code, "name_cells_joined") << n.message;
}
