// Tests of the fast paths behind import throughput (docs/performance.md, "Import"): the
// first-character index of the vocabulary tables, the TSV reader's line splitting, the inline
// UTF-8 check of to_utf8, and the order of the import report now that forms are recognised
// while the rows are built.
#include <jixiao/detail/utf8.hpp>
#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>
#include <jixiao/vocabulary.hpp>

#include "core/spelling_index.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace io = jixiao::io;
namespace text = jixiao::detail::text;
namespace vocab = jixiao::vocabulary;

/// Every entry of `Table` that starts at `s[i]` is among the index's candidates of `i`, and the
/// candidates are in table order.
template <const auto& Table>
void expect_index_finds_every_match(std::string_view s) {
    for (std::size_t i = 0; i <= s.size(); ++i) {
        const auto candidates = text::index_of<Table>.candidates(s, i, s.size());
        for (std::size_t k = 1; k < candidates.size(); ++k) EXPECT_LT(candidates[k - 1], candidates[k]);
        for (std::size_t k = 0; k < std::size(Table); ++k) {
            const std::string_view spelling = text::spelling_of(Table[k]);
            if (i >= s.size() || s.substr(i).substr(0, spelling.size()) != spelling) continue;
            bool listed = false;
            for (const std::uint16_t c : candidates) listed = listed || c == k;
            EXPECT_TRUE(listed) << "entry " << k << " at " << i << " of " << s;
        }
    }
}

/// Text in which every spelling of `Table` occurs, at the start, after ASCII and after Chinese.
template <const auto& Table>
std::string text_with_every_spelling() {
    std::string s;
    for (const auto& entry : Table) {
        s += text::spelling_of(entry);
        s += "9";
        s += text::spelling_of(entry);
        s += "年";
    }
    return s;
}

template <const auto& Table>
void check_table() {
    const std::string all = text_with_every_spelling<Table>();
    expect_index_finds_every_match<Table>(all);
    for (const auto& entry : Table) expect_index_finds_every_match<Table>(text::spelling_of(entry));
}

TEST(spelling_index, lists_every_spelling_that_starts_at_a_position_in_table_order) {
    check_table<vocab::comparator_symbols>();
    check_table<vocab::comparator_prefix_words>();
    check_table<vocab::comparator_suffix_words>();
    check_table<vocab::range_separators>();
    check_table<vocab::sentence_punctuation>();
    check_table<vocab::month_part_words>();
    check_table<vocab::year_part_words>();
    check_table<vocab::half_year_words>();
    check_table<vocab::unit_spellings>();
    check_table<vocab::positive_labels>();
    check_table<vocab::negative_labels>();
    check_table<vocab::tier_met_labels>();
    check_table<vocab::tier_partly_met_labels>();
    check_table<vocab::tier_not_met_labels>();
    check_table<vocab::closing_labels>();
    check_table<vocab::funds_labels>();
    check_table<vocab::funds_row_prefixes>();
}

TEST(spelling_index, has_no_candidates_past_the_end) {
    EXPECT_TRUE(text::index_of<vocab::comparator_symbols>.candidates(">=", 2, 2).empty());
    EXPECT_TRUE(text::index_of<vocab::comparator_symbols>.candidates("", 0, 0).empty());
}

/// The rows of `s` split the simple way: lines end at \r\n, \n or \r; cells split on tabs; a
/// line of spaces only has no cells.
std::vector<std::vector<std::string>> reference_rows(std::string_view s) {
    std::vector<std::vector<std::string>> rows;
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t end = pos;
        while (end < s.size() && s[end] != '\n' && s[end] != '\r') ++end;
        const std::string_view line = s.substr(pos, end - pos);
        std::vector<std::string> cells;
        if (line.find_first_not_of(' ') != std::string_view::npos) {
            std::size_t start = 0;
            for (;;) {
                const std::size_t tab = line.find('\t', start);
                cells.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
                if (tab == std::string_view::npos) break;
                start = tab + 1;
            }
        }
        rows.push_back(cells);
        pos = end;
        if (pos < s.size()) pos += (s[pos] == '\r' && pos + 1 < s.size() && s[pos + 1] == '\n') ? 2U : 1U;
    }
    return rows;
}

TEST(grid_tsv_lines, mixed_line_ends_give_the_rows_of_a_plain_split) {
    std::string s;
    const std::string_view ends[] = {"\n", "\r", "\r\n", "\n\r", "\r\r", "\n\n"};
    for (std::size_t k = 0; k < 600; ++k) {
        s += "a" + std::to_string(k);
        for (std::size_t t = 0; t < k % 4; ++t) s += "\t" + std::string(k % 3, 'x');
        if (k % 7 == 0) s += "  ";
        s += ends[k % std::size(ends)];
    }
    s += "\t\t";  // a last line without its end, of tabs only
    const auto g = io::read_grid(s, io::grid_format::tsv);
    ASSERT_TRUE(g.has_value());
    const auto expected = reference_rows(s);
    ASSERT_EQ(g->rows.size(), expected.size());
    for (std::size_t r = 0; r < expected.size(); ++r) {
        ASSERT_EQ(g->rows[r].cells.size(), expected[r].size()) << "row " << r;
        EXPECT_EQ(g->rows[r].line, r + 1);
        for (std::size_t c = 0; c < expected[r].size(); ++c) {
            const io::cell& cell = g->rows[r].cells[c];
            EXPECT_EQ(cell.text, expected[r][c]);
            EXPECT_EQ(cell.column, c + 1);
            EXPECT_EQ(s.substr(cell.offset, cell.text.size()), cell.text);
        }
    }
}

TEST(grid_tsv_lines, a_text_with_lone_carriage_returns_reads_every_line) {
    std::string s;
    for (int k = 0; k < 20000; ++k) s += "x\ty\r";  // old Mac line ends: no \n at all
    const auto g = io::read_grid(s, io::grid_format::tsv);
    ASSERT_TRUE(g.has_value());
    ASSERT_EQ(g->rows.size(), 20000u);
    EXPECT_EQ(g->rows.back().cells.size(), 2u);
    EXPECT_EQ(g->rows.back().cells[1].offset, s.size() - 2);
}

TEST(to_utf8_check, agrees_with_the_reference_validator_on_three_byte_sequences) {
    // Four valid Chinese characters first: an invalid byte after them is an error, not GB18030.
    const std::string prefix = "自评绩效";
    const unsigned char seconds[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
    for (unsigned lead = 0xE0; lead <= 0xEF; ++lead) {
        for (const unsigned char b1 : seconds) {
            for (const unsigned char b2 : seconds) {
                std::string s = prefix;
                s += static_cast<char>(lead);
                s += static_cast<char>(b1);
                s += static_cast<char>(b2);
                s += "ab";
                const std::size_t bad = jixiao::detail::utf8::first_invalid(s);
                const auto r = io::to_utf8(s);
                if (bad == std::string_view::npos) {
                    ASSERT_TRUE(r.has_value());
                    EXPECT_EQ(*r, s);
                } else {
                    ASSERT_FALSE(r.has_value()) << lead << " " << int{b1} << " " << int{b2};
                    EXPECT_EQ(r.error().offset, bad);
                }
            }
        }
        // A sequence cut by the end of the text.
        std::string cut = prefix;
        cut += static_cast<char>(lead);
        cut += '\x80';
        const auto r = io::to_utf8(cut);
        ASSERT_FALSE(r.has_value());
        EXPECT_EQ(r.error().offset, prefix.size());
    }
}

/// A small form: title, year, project name, the funds and an indicator table with a total.
std::string small_form(std::string_view name, bool with_title) {
    std::string t;
    if (with_title) t += "财政项目支出绩效自评表\n";
    t += "(2023 年度)\n";
    t += "项目名称\t" + std::string(name) + "\n";
    t += "杂项\t随便\n";  // nothing places these two cells
    t += "项目资金 (元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n";
    t += "\t年度资金总额\t100\t100\t100\t10\t100.00%\t10\n";
    t += "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n";
    t += "产出指标\t数量指标\t模块数量\t=7个\t=7个\t90\t90\t\n";
    t += "-3-\n";
    t += "\t总分\t\t\t\t\t100\t100\t\n";
    return t;
}

TEST(import_report_order, page_numbers_come_first_and_unplaced_cells_last_in_row_order) {
    const std::string doc = "前言\t说明\n" + small_form("甲", true) + "-9-\n" + small_form("乙", false);
    const auto r = io::import_text(doc);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 2u);
    EXPECT_EQ(r->forms[0].project_name, "甲");
    EXPECT_EQ(r->forms[1].project_name, "乙");
    EXPECT_EQ(r->forms[1].year, 2023);  // the year row above 项目名称 starts the second form
    const auto& notes = r->report.notes;
    std::size_t k = 0;
    std::vector<std::optional<std::size_t>> page_forms;
    for (; k < notes.size() && notes[k].code == "page_number_dropped"; ++k) page_forms.push_back(notes[k].form);
    EXPECT_EQ(page_forms, (std::vector<std::optional<std::size_t>>{0, 0, 1}));
    std::size_t first_unmapped = notes.size();
    for (std::size_t j = k; j < notes.size(); ++j) {
        EXPECT_NE(notes[j].code, "page_number_dropped");
        if (notes[j].code == "cell_unmapped" && first_unmapped == notes.size()) first_unmapped = j;
    }
    ASSERT_LT(first_unmapped, notes.size());
    std::vector<std::string> unmapped;
    std::size_t last_row = 0;
    for (std::size_t j = first_unmapped; j < notes.size(); ++j) {
        ASSERT_EQ(notes[j].code, "cell_unmapped");
        EXPECT_GE(notes[j].where.row, last_row);
        last_row = notes[j].where.row;
        unmapped.push_back(notes[j].text);
    }
    EXPECT_EQ(unmapped, (std::vector<std::string>{"前言", "说明", "杂项", "随便", "杂项", "随便"}));
    EXPECT_FALSE(notes[first_unmapped].form.has_value());  // before every form
    EXPECT_EQ(notes.back().form, 1u);
    // Nothing lost: every non-empty cell is mapped or in the report.
    std::size_t noted_cells = 0;
    for (const auto& n : notes) noted_cells += n.text.empty() ? 0U : 1U;
    EXPECT_LE(r->report.cells_mapped + page_forms.size() + unmapped.size(), r->report.cells_total);
    EXPECT_GT(noted_cells, 0u);
}

}  // namespace
