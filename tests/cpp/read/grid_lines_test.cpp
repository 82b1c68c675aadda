#include <string>

#include <gtest/gtest.h>

#include "support/grid_test_support.hpp"

using jixiao::io::grid_format;
using grid_test::read;
using grid_test::texts;
using rows_t = std::vector<std::vector<std::string>>;

TEST(grid_cell_per_line, reads_one_cell_per_line_and_rows_between_blank_lines) {
    const auto g = read("项目名称\n政府采购管理\n\n\n主管部门\n  \n上海\n", grid_format::cell_per_line);
    EXPECT_EQ(g.format, grid_format::cell_per_line);
    EXPECT_EQ(texts(g), (rows_t{{"项目名称", "政府采购管理"}, {"主管部门"}, {"上海"}}));
}

TEST(grid_cell_per_line, records_line_column_and_offset) {
    const auto g = read("\r\na\r\nbc\r\n\r\nd", grid_format::cell_per_line);
    ASSERT_EQ(g.rows.size(), 2u);
    EXPECT_EQ(g.rows[0].line, 2u);
    const auto& c = g.rows[0].cells;
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[1].text, "bc");
    EXPECT_EQ(c[1].line, 3u);
    EXPECT_EQ(c[1].column, 2u);
    EXPECT_EQ(c[1].offset, 5u);
    EXPECT_EQ(g.rows[1].cells[0].line, 5u);
    EXPECT_EQ(g.rows[1].cells[0].offset, 11u);
}

TEST(grid_cell_per_line, keeps_the_text_of_a_line_as_it_is) {
    const auto g = read(" <=700元/人 次 \n", grid_format::cell_per_line);
    EXPECT_EQ(texts(g), (rows_t{{" <=700元/人 次 "}}));
}
