// page_layout_test.cpp — page geometry to cells, on pages built by hand (no PDF, no poppler).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "read/page_layout.hpp"

namespace {

using namespace jixiao::io::layout;
using jixiao::io::box;

constexpr std::int32_t pt = 100;  // 1/100 pt units

/// A word of `text` at (x, y) (top left, points), 10 pt type, `chars` characters of 10 pt.
word w(std::string text, std::int32_t x, std::int32_t y, std::int32_t chars) {
    return word{std::move(text), box{x * pt, y * pt, (x + 10 * chars) * pt, (y + 12) * pt}, 10 * pt};
}

segment h(std::int32_t x0, std::int32_t x1, std::int32_t y) { return segment{x0 * pt, y * pt, x1 * pt, y * pt}; }
segment v(std::int32_t x, std::int32_t y0, std::int32_t y1) { return segment{x * pt, y0 * pt, x * pt, y1 * pt}; }

/// A ruled table: columns at `xs`, rows at `ys`, every line drawn.
void rule(page_input& p, const std::vector<std::int32_t>& xs, const std::vector<std::int32_t>& ys) {
    for (auto y : ys) p.horizontals.push_back(h(xs.front(), xs.back(), y));
    for (auto x : xs) p.verticals.push_back(v(x, ys.front(), ys.back()));
}

std::vector<std::string> texts(const layout_row& r) {
    std::vector<std::string> out;
    for (const auto& c : r.cells) out.push_back((c.from_span ? "^" : "") + c.text);
    return out;
}

TEST(pdf_layout, ruled_table_gives_one_row_per_grid_row_and_a_cell_per_region) {
    page_input p;
    rule(p, {0, 100, 200, 300}, {0, 20, 40});
    p.words = {w("项目名称", 5, 4, 4), w("=7个", 105, 4, 3), w("7", 205, 4, 1), w("得分", 105, 24, 2)};
    const page_layout l = lay_out(p);
    ASSERT_EQ(l.rows.size(), 2u);
    EXPECT_EQ(texts(l.rows[0]), (std::vector<std::string>{"项目名称", "=7个", "7"}));
    EXPECT_EQ(texts(l.rows[1]), (std::vector<std::string>{"", "得分", ""}));  // enclosed empty cells kept
    EXPECT_EQ(l.rows[1].cells[1].column, 2u);
    EXPECT_EQ(l.rows[0].cells[0].bounds, (box{0, 0, 100 * pt, 20 * pt}));
    EXPECT_EQ(l.tables, 1u);
    EXPECT_EQ(l.table_cells, 6u);
    EXPECT_EQ(l.words_in_tables, 4u);
}

TEST(pdf_layout, merged_regions_become_spans_with_copies_in_the_covered_positions) {
    page_input p;
    // 3 columns x 3 rows; the first column's lower two rows are one cell (no line between them),
    // and the top row's last two columns are one cell.
    p.horizontals = {h(0, 300, 0), h(0, 300, 20), h(100, 300, 40), h(0, 300, 60)};
    p.verticals = {v(0, 0, 60), v(100, 0, 60), v(200, 20, 60), v(300, 0, 60)};
    p.words = {w("一级", 5, 4, 2), w("合并", 105, 4, 2), w("产出指标", 5, 34, 4), w("a", 105, 24, 1),
               w("b", 205, 24, 1), w("c", 105, 44, 1), w("d", 205, 44, 1)};
    const page_layout l = lay_out(p);
    ASSERT_EQ(l.rows.size(), 3u);
    EXPECT_EQ(texts(l.rows[0]), (std::vector<std::string>{"一级", "合并", "^合并"}));
    EXPECT_EQ(l.rows[0].cells[1].col_span, 2u);
    EXPECT_EQ(texts(l.rows[1]), (std::vector<std::string>{"产出指标", "a", "b"}));
    EXPECT_EQ(l.rows[1].cells[0].row_span, 2u);
    EXPECT_EQ(texts(l.rows[2]), (std::vector<std::string>{"^产出指标", "c", "d"}));
    EXPECT_EQ(l.rows[2].cells[0].column, 1u);
}

TEST(pdf_layout, wrapped_lines_in_a_cell_are_joined_without_a_space_in_chinese) {
    page_input p;
    rule(p, {0, 100, 200}, {0, 50});
    p.words = {w("系统开发模", 5, 4, 5), w("块数量", 5, 18, 3), w("ISO", 105, 4, 3), w("9001", 105, 18, 4)};
    const page_layout l = lay_out(p);
    ASSERT_EQ(l.rows.size(), 1u);
    EXPECT_EQ(texts(l.rows[0]), (std::vector<std::string>{"系统开发模块数量", "ISO 9001"}));
}

TEST(pdf_layout, words_on_one_line_keep_their_space) {
    page_input p;
    rule(p, {0, 200}, {0, 20});
    p.words = {w("年度", 5, 4, 2), w("总体", 29, 4, 2)};  // 4 pt gap: a space
    p.words.push_back(word{"(元)", box{49 * pt, 4 * pt, 70 * pt, 16 * pt}, 10 * pt});  // touching: no space
    const page_layout l = lay_out(p);
    ASSERT_EQ(l.rows.size(), 1u);
    EXPECT_EQ(texts(l.rows[0]), (std::vector<std::string>{"年度 总体(元)"}));
}

TEST(pdf_layout, double_borders_do_not_make_thin_columns) {
    page_input p;
    // Each cell drawn with its own border, 1.5 pt apart from its neighbour's (HTML border-spacing).
    rule(p, {0, 100}, {0, 20});
    rule(p, {101, 200}, {0, 20});
    p.horizontals.push_back(h(0, 200, 0));
    p.words = {w("甲", 5, 4, 1), w("乙", 105, 4, 1)};
    const page_layout l = lay_out(p);
    ASSERT_EQ(l.rows.size(), 1u);
    EXPECT_EQ(texts(l.rows[0]), (std::vector<std::string>{"甲", "乙"}));
}

TEST(pdf_layout, a_row_cut_by_the_page_end_keeps_its_text_in_the_table) {
    page_input p;
    // The last row has no bottom line: its verticals run on to the page end.
    p.horizontals = {h(0, 200, 0), h(0, 200, 20)};
    p.verticals = {v(0, 0, 80), v(100, 0, 80), v(200, 0, 80)};
    p.words = {w("预期目标", 5, 4, 4), w("实际", 105, 4, 2), w("建立全新", 5, 30, 4), w("的平台", 5, 50, 3)};
    const page_layout l = lay_out(p);
    ASSERT_EQ(l.rows.size(), 2u);
    EXPECT_EQ(l.words_in_tables, 4u);
    EXPECT_EQ(texts(l.rows[1]), (std::vector<std::string>{"建立全新的平台"}));  // the empty open cell is left out
}

TEST(pdf_layout, text_outside_tables_splits_into_cells_at_wide_gaps_only) {
    page_input p;
    p.words = {w("年度资金总额", 0, 0, 6), w("548760.00", 80, 0, 5), w("524760.00", 150, 0, 5),
               w("其中", 0, 20, 2), w("当年", 23, 20, 2)};  // a 3 pt gap: one cell
    const page_layout l = lay_out(p);
    ASSERT_EQ(l.rows.size(), 2u);
    EXPECT_EQ(texts(l.rows[0]), (std::vector<std::string>{"年度资金总额", "548760.00", "524760.00"}));
    EXPECT_EQ(texts(l.rows[1]), (std::vector<std::string>{"其中 当年"}));
    // Columns from the left edges of the cells on the page (0, 80, 150 pt).
    EXPECT_EQ(l.rows[0].cells[1].column, 2u);
    EXPECT_EQ(l.rows[0].cells[2].column, 3u);
    EXPECT_EQ(l.rows[1].cells[0].column, 1u);
    EXPECT_EQ(l.tables, 0u);
    EXPECT_EQ(l.text_rows, 2u);
    EXPECT_EQ(l.aligned_rows, 1u);
}

TEST(pdf_layout, text_cells_under_a_header_cell_share_its_column_across_empty_cells) {
    page_input p;
    p.words = {w("年初预算数", 100, 0, 5), w("全年预算数", 200, 0, 5), w("全年执行数", 300, 0, 5), w("分值", 400, 0, 2),
               w("当年财政拨款", 0, 20, 6), w("548760", 100, 20, 4), w("524760", 200, 20, 4), w("—", 400, 20, 1)};
    const page_layout l = lay_out(p);
    ASSERT_EQ(l.rows.size(), 2u);
    std::vector<std::size_t> columns;
    for (const auto& c : l.rows[1].cells) columns.push_back(c.column);
    EXPECT_EQ(columns, (std::vector<std::size_t>{1, 2, 3, 5}));  // — under 分值, not under 全年执行数
    EXPECT_EQ(l.rows[0].cells[3].column, 5u);
}

TEST(pdf_layout, reading_order_puts_titles_tables_and_notes_by_their_position) {
    page_input p;
    rule(p, {0, 100}, {40, 60});
    p.words = {w("注：单位为元", 0, 80, 6), w("财政项目支出绩效自评表", 0, 10, 11), w("项目名称", 5, 44, 4)};
    const page_layout l = lay_out(p);
    ASSERT_EQ(l.rows.size(), 3u);
    EXPECT_EQ(texts(l.rows[0]), (std::vector<std::string>{"财政项目支出绩效自评表"}));
    EXPECT_EQ(l.rows[0].table, 0u);
    EXPECT_EQ(texts(l.rows[1]), (std::vector<std::string>{"项目名称"}));
    EXPECT_EQ(l.rows[1].table, 1u);
    EXPECT_EQ(texts(l.rows[2]), (std::vector<std::string>{"注：单位为元"}));
}

TEST(pdf_layout, lines_of_mixed_fonts_share_a_row_by_their_centres) {
    page_input p;
    // A Latin word with a short box and a CJK word with a tall one, on the same baseline.
    p.words = {word{"(2023", box{0, 14 * pt, 25 * pt, 28 * pt}, 12 * pt},
               word{"年度", box{27 * pt, 12 * pt, 51 * pt, 36 * pt}, 12 * pt},
               word{"下一行", box{0, 32 * pt, 36 * pt, 56 * pt}, 12 * pt}};
    const page_layout l = lay_out(p);
    ASSERT_EQ(l.rows.size(), 2u);
    EXPECT_EQ(texts(l.rows[0]), (std::vector<std::string>{"(2023 年度"}));
}

TEST(pdf_layout, append_wrapped_line_adds_a_space_between_ascii_characters_only) {
    std::string s = "<=700元/人";
    append_wrapped_line(s, "次");
    EXPECT_EQ(s, "<=700元/人次");
    s = "</p>";
    append_wrapped_line(s, "<p>(1)");
    EXPECT_EQ(s, "</p> <p>(1)");
    s = "";
    append_wrapped_line(s, "a");
    EXPECT_EQ(s, "a");
    s = "Phase";
    append_wrapped_line(s, "2");
    EXPECT_EQ(s, "Phase 2");
}

TEST(pdf_layout, append_wrapped_line_joins_a_number_broken_by_a_narrow_cell_without_a_space) {
    std::string s = "1,675,799.5";
    append_wrapped_line(s, "8");
    EXPECT_EQ(s, "1,675,799.58");
    s = "100.00";
    append_wrapped_line(s, "%");
    EXPECT_EQ(s, "100.00%");
    s = ">=9";
    append_wrapped_line(s, "0%");
    EXPECT_EQ(s, ">=90%");
}

TEST(pdf_layout, a_cell_whose_last_line_is_full_may_run_on_and_one_whose_last_line_ends_short_does_not) {
    page_input p;
    rule(p, {0, 100, 200}, {0, 40});
    // Left: two lines, the last one up to the right line (the text may go on past the bottom
    // line); right: a second line that ends short.
    p.words = {w("一二三四五六七八九", 5, 4, 9), w("一二三四五六七八九", 5, 20, 9),
               w("一二三四五六七八九", 105, 4, 9), w("十", 105, 20, 1)};
    const page_layout l = lay_out(p);
    ASSERT_EQ(l.rows.size(), 1u);
    ASSERT_EQ(l.rows[0].cells.size(), 2u);
    EXPECT_TRUE(l.rows[0].cells[0].runs_on);
    EXPECT_FALSE(l.rows[0].cells[1].runs_on);
}

TEST(pdf_layout, a_word_across_the_bottom_line_of_a_table_belongs_to_the_cell_above_it) {
    // A spreadsheet printed its merged label centred over two pages: the word straddles the
    // last line of the table on this page.
    page_input p;
    rule(p, {0, 100, 200}, {0, 20, 60});
    p.words = {w("一级", 5, 4, 2), w("名称", 105, 4, 2), w("质量指标", 5, 54, 4), w("页脚", 5, 90, 2)};
    const page_layout l = lay_out(p);
    ASSERT_EQ(l.rows.size(), 3u);
    EXPECT_EQ(texts(l.rows[1]), (std::vector<std::string>{"质量指标", ""}));
    EXPECT_EQ(texts(l.rows[2]), (std::vector<std::string>{"页脚"}));
}

TEST(pdf_layout, a_page_whose_text_runs_down_it_is_read_turned_upright) {
    // A 200 x 100 landscape table shown on a 100 x 200 portrait page, turned a quarter clockwise:
    // the upright point (x, y) is shown at (100 - y, x).
    page_input upright;
    rule(upright, {0, 100, 200}, {0, 20, 40});
    upright.words = {w("项目名称", 5, 4, 4), w("=7个", 105, 4, 3), w("得分", 105, 24, 2)};
    upright.height = 100 * pt;
    page_input shown;
    const auto turn = [](box b) { return box{100 * pt - b.y1, b.x0, 100 * pt - b.y0, b.x1}; };
    for (const auto& s : upright.horizontals) {
        const box b = turn(box{s.x0, s.y0, s.x1, s.y1});
        shown.verticals.push_back(segment{b.x0, b.y0, b.x1, b.y1});
    }
    for (const auto& s : upright.verticals) {
        const box b = turn(box{s.x0, s.y0, s.x1, s.y1});
        shown.horizontals.push_back(segment{b.x0, b.y0, b.x1, b.y1});
    }
    for (const auto& wd : upright.words) shown.words.push_back(word{wd.text, turn(wd.bounds), wd.font_size});
    shown.height = 200 * pt;
    turn_upright(shown, 1, 100 * pt);
    EXPECT_EQ(shown.height, 100 * pt);
    ASSERT_EQ(shown.words.size(), 3u);
    EXPECT_EQ(shown.words[0].bounds, upright.words[0].bounds);
    const page_layout l = lay_out(shown);
    ASSERT_EQ(l.rows.size(), 2u);
    EXPECT_EQ(texts(l.rows[0]), (std::vector<std::string>{"项目名称", "=7个"}));
    EXPECT_EQ(texts(l.rows[1]), (std::vector<std::string>{"", "得分"}));
}

TEST(pdf_layout, an_empty_page_gives_no_rows) {
    const page_layout l = lay_out(page_input{});
    EXPECT_TRUE(l.rows.empty());
    EXPECT_EQ(l.words, 0u);
}

}  // namespace
