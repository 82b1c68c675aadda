#include <string>

#include <gtest/gtest.h>

#include "support/grid_test_support.hpp"

using jixiao::io::grid_format;
using grid_test::read;
using grid_test::texts;
using rows_t = std::vector<std::vector<std::string>>;

TEST(grid_html, reads_rows_and_cells_of_a_table) {
    const auto g = read("<table><tr><th>一级指标</th><td>二级指标</td></tr>\n<tr><td>a</td><td></td></tr></table>",
                        grid_format::html);
    EXPECT_EQ(g.format, grid_format::html);
    EXPECT_EQ(texts(g), (rows_t{{"一级指标", "二级指标"}, {"a", ""}}));
}

TEST(grid_html, records_the_line_and_offset_of_the_cell_tag) {
    const std::string html = "<table>\n<tr>\n  <td>x</td><td>y</td>\n</tr>\n</table>";
    const auto g = read(html, grid_format::html);
    ASSERT_EQ(g.rows.size(), 1u);
    EXPECT_EQ(g.rows[0].line, 2u);
    const auto& c = g.rows[0].cells;
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].line, 3u);
    EXPECT_EQ(c[0].offset, html.find("<td>x"));
    EXPECT_EQ(c[1].offset, html.find("<td>y"));
    EXPECT_EQ(c[1].column, 2u);
}

TEST(grid_html, fills_positions_covered_by_rowspan_and_colspan_with_marked_copies) {
    const auto g = read("<table>"
                        "<tr><td rowspan=\"3\">产出指标</td><td colspan=2>数量指标</td><td>z</td></tr>"
                        "<tr><td>b</td><td>c</td></tr>"
                        "<tr><td>d</td></tr>"
                        "</table>",
                        grid_format::html);
    EXPECT_EQ(texts(g), (rows_t{{"产出指标", "数量指标", "数量指标", "z"},
                                {"产出指标", "b", "c"},
                                {"产出指标", "d"}}));
    const auto& r0 = g.rows[0].cells;
    EXPECT_EQ(r0[0].row_span, 3u);
    EXPECT_FALSE(r0[0].from_span);
    EXPECT_EQ(r0[1].col_span, 2u);
    EXPECT_TRUE(r0[2].from_span);
    EXPECT_EQ(r0[2].column, 3u);
    EXPECT_EQ(r0[3].column, 4u);
    const auto& r1 = g.rows[1].cells;
    EXPECT_TRUE(r1[0].from_span);
    EXPECT_EQ(r1[0].offset, r0[0].offset);  // a copy points at the original
    EXPECT_EQ(r1[0].column, 1u);
    EXPECT_EQ(r1[1].column, 2u);
    EXPECT_FALSE(r1[1].from_span);
    EXPECT_TRUE(g.rows[2].cells[0].from_span);
}

TEST(grid_html, places_a_rowspan_copy_after_earlier_cells_of_its_row) {
    const auto g = read("<table><tr><td>a</td><td rowspan=2>b</td></tr><tr><td>c</td></tr></table>", grid_format::html);
    EXPECT_EQ(texts(g), (rows_t{{"a", "b"}, {"c", "b"}}));
    EXPECT_TRUE(g.rows[1].cells[1].from_span);
    EXPECT_EQ(g.rows[1].cells[1].column, 2u);
}

TEST(grid_html, decodes_entities) {
    const auto g = read("<table><tr><td>&lt;=700元&amp;&quot;&#39;&#x4E2D;&#25991;&gt;</td><td>&nbsp;</td>"
                        "<td>&unknown; & &#xD800;</td></tr></table>",
                        grid_format::html);
    EXPECT_EQ(texts(g), (rows_t{{"<=700元&\"'中文>", "", "&unknown; & \xEF\xBF\xBD"}}));
}

TEST(grid_html, strips_tags_but_turns_br_and_paragraphs_into_line_breaks) {
    const auto g = read("<table><tr><td><p>目标一</p> <p>目标<b>二</b></p></td><td>a<br>b<BR/>c</td>"
                        "<td>  x \n  y  </td></tr></table>",
                        grid_format::html);
    EXPECT_EQ(texts(g), (rows_t{{"目标一\n目标二", "a\nb\nc", "x y"}}));
}

TEST(grid_html, tolerates_missing_end_tags_and_uppercase_tags) {
    const auto g = read("<TABLE><TR><TD>a<TD>b<TR><TD>c</TABLE>", grid_format::html);
    EXPECT_EQ(texts(g), (rows_t{{"a", "b"}, {"c"}}));
}

TEST(grid_html, concatenates_tables_and_keeps_text_outside_them_as_rows) {
    const auto g = read("<html><head><title>page</title><style>td{}</style></head><body>"
                        "<h3>财政项目支出绩效自评表</h3><table><tr><td>a</td></tr></table>"
                        "<!-- <table><tr><td>no</td></tr></table> -->"
                        "<table><caption>第二张</caption><tbody><tr><td>b</td></tr></tbody></table></body></html>",
                        grid_format::html);
    EXPECT_EQ(texts(g), (rows_t{{"财政项目支出绩效自评表"}, {"a"}, {"第二张"}, {"b"}}));
    bool title_noted = false;
    for (const auto& n : g.notes) title_noted = title_noted || n.find("<title>") != std::string::npos;
    EXPECT_TRUE(title_noted);
}

TEST(grid_html, flattens_a_nested_table_into_its_cell) {
    const auto g = read("<table><tr><td>x<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table></td>"
                        "<td>y</td></tr></table>",
                        grid_format::html);
    EXPECT_EQ(texts(g), (rows_t{{"x\n1 2\n3", "y"}}));
    EXPECT_FALSE(g.notes.empty());
}

TEST(grid_html, survives_deep_nesting_and_unclosed_markup) {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<table><tr><td>";
    deep += "core";
    const auto g = read(deep, grid_format::html);
    ASSERT_EQ(g.rows.size(), 1u);
    EXPECT_NE(g.rows[0].cells[0].text.find("core"), std::string::npos);

    const auto h = read("<table><tr><td>a</td><td title=\"unclosed>b", grid_format::html);
    EXPECT_EQ(texts(h), (rows_t{{"a"}}));
    EXPECT_FALSE(h.notes.empty());
}

TEST(grid_html, clamps_huge_spans_and_stops_at_the_cell_limit) {
    jixiao::io::read_options options;
    options.max_cells = 100;
    const auto r = jixiao::io::read_grid("<table><tr><td colspan=99999999>a</td></tr></table>", grid_format::html, options);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, jixiao::errc::limit_exceeded);

    const auto g = read("<table><tr><td colspan=99999999 rowspan=0>a</td></tr><tr></tr></table>", grid_format::html);
    ASSERT_EQ(g.rows.size(), 2u);
    EXPECT_EQ(g.rows[0].cells.size(), 1000u);  // colspan is at most 1000, as in HTML
    EXPECT_EQ(g.rows[1].cells.size(), 1000u);  // rowspan=0 reaches to the end of the table
    EXPECT_TRUE(g.rows[1].cells[999].from_span);
}
