#include <string>

#include <gtest/gtest.h>

#include "support/grid_test_support.hpp"

using jixiao::io::grid_format;
using grid_test::read;
using grid_test::texts;
using rows_t = std::vector<std::vector<std::string>>;

TEST(grid_pipe, trims_cell_padding_and_outer_pipes) {
    const auto g = read("| 项目名称 |  政府采购管理 | |\n|a|b|\n", grid_format::pipe);
    EXPECT_EQ(g.format, grid_format::pipe);
    EXPECT_EQ(texts(g), (rows_t{{"项目名称", "政府采购管理", ""}, {"a", "b"}}));
}

TEST(grid_pipe, records_positions_of_cell_text) {
    const auto g = read("x\n| ab | c |\n", grid_format::pipe);
    ASSERT_EQ(g.rows.size(), 2u);
    const auto& c = g.rows[1].cells;
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].line, 2u);
    EXPECT_EQ(c[0].column, 1u);
    EXPECT_EQ(c[0].offset, 4u);  // "x\n| " is 4 bytes
    EXPECT_EQ(c[1].column, 2u);
    EXPECT_EQ(c[1].offset, 9u);
}

TEST(grid_pipe, skips_separator_rows_and_counts_them_in_notes) {
    const auto g = read("| a | b |\n|---|:--:|\n| c | d |\n| --- | ---: |\n", grid_format::pipe);
    EXPECT_EQ(texts(g), (rows_t{{"a", "b"}, {"c", "d"}}));
    ASSERT_EQ(g.notes.size(), 1u);
    EXPECT_NE(g.notes[0].find("2 separator rows"), std::string::npos);
    EXPECT_EQ(g.rows[1].line, 3u);
}

TEST(grid_pipe, reads_lines_without_pipes_as_single_cell_rows_and_blank_lines_as_empty_rows) {
    const auto g = read("  财政项目支出绩效自评表  \n\n| a |\n", grid_format::pipe);
    EXPECT_EQ(texts(g), (rows_t{{"财政项目支出绩效自评表"}, {}, {"a"}}));
    EXPECT_EQ(g.rows[0].cells[0].offset, 2u);
}

TEST(grid_pipe, unescapes_escaped_pipes_and_accepts_rows_without_outer_pipes) {
    const auto g = read("a \\| b | c\r\n", grid_format::pipe);
    EXPECT_EQ(texts(g), (rows_t{{"a | b", "c"}}));
}

TEST(grid_pipe, does_not_take_a_dash_value_for_a_separator_row_when_other_cells_hold_text) {
    const auto g = read("| — | - | x |\n", grid_format::pipe);
    EXPECT_EQ(texts(g), (rows_t{{"—", "-", "x"}}));
}
