#include <string>

#include <gtest/gtest.h>

#include "support/grid_test_support.hpp"

using jixiao::io::grid_format;
using grid_test::read;
using grid_test::texts;
using rows_t = std::vector<std::vector<std::string>>;

TEST(grid_tsv, splits_rows_on_lines_and_cells_on_tabs_keeping_empty_cells) {
    const auto g = read("a\tb\t\tc\n\td\t\n", grid_format::tsv);
    EXPECT_EQ(g.format, grid_format::tsv);
    EXPECT_EQ(texts(g), (rows_t{{"a", "b", "", "c"}, {"", "d", ""}}));
}

TEST(grid_tsv, records_line_column_and_byte_offset_of_each_cell) {
    // "项目" is 6 bytes of UTF-8.
    const auto g = read("项目\tx\n\n  \ty", grid_format::tsv);
    ASSERT_EQ(g.rows.size(), 3u);
    const auto& c = g.rows[0].cells;
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].line, 1u);
    EXPECT_EQ(c[0].column, 1u);
    EXPECT_EQ(c[0].offset, 0u);
    EXPECT_EQ(c[1].column, 2u);
    EXPECT_EQ(c[1].offset, 7u);
    EXPECT_EQ(g.rows[1].line, 2u);
    EXPECT_TRUE(g.rows[1].cells.empty());
    ASSERT_EQ(g.rows[2].cells.size(), 2u);
    EXPECT_EQ(g.rows[2].line, 3u);
    EXPECT_EQ(g.rows[2].cells[0].text, "  ");
    EXPECT_EQ(g.rows[2].cells[1].offset, 13u);
    EXPECT_EQ(g.rows[2].cells[1].line, 3u);
    EXPECT_FALSE(g.rows[2].cells[1].from_span);
    EXPECT_EQ(g.rows[2].cells[1].row_span, 1u);
}

TEST(grid_tsv, keeps_blank_lines_as_rows_without_cells) {
    const auto g = read("\n\na\n\nb\n", grid_format::tsv);
    EXPECT_EQ(texts(g), (rows_t{{}, {}, {"a"}, {}, {"b"}}));
    EXPECT_EQ(g.rows[4].line, 5u);
}

TEST(grid_tsv, reads_crlf_and_lone_cr_line_ends) {
    const auto g = read("a\tb\r\nc\rd\n", grid_format::tsv);
    EXPECT_EQ(texts(g), (rows_t{{"a", "b"}, {"c"}, {"d"}}));
    EXPECT_EQ(g.rows[1].line, 2u);
    EXPECT_EQ(g.rows[1].cells[0].offset, 5u);
    EXPECT_EQ(g.rows[2].line, 3u);
    EXPECT_EQ(g.rows[2].cells[0].offset, 7u);
}

TEST(grid_tsv, strips_a_byte_order_mark_and_notes_it) {
    const auto g = read("\xEF\xBB\xBFx\ty", grid_format::tsv);
    EXPECT_EQ(texts(g), (rows_t{{"x", "y"}}));
    EXPECT_EQ(g.rows[0].cells[1].offset, 2u);  // offsets count from the byte after the BOM
    ASSERT_FALSE(g.notes.empty());
    EXPECT_NE(g.notes[0].find("byte order mark"), std::string::npos);
}

TEST(grid_tsv, reads_empty_input_as_no_rows) {
    EXPECT_TRUE(read("", grid_format::tsv).rows.empty());
}

TEST(grid_tsv, reads_the_sample_with_its_page_break_rows) {
    const auto g = read(grid_test::sample_file("songjiang-2023.txt"), grid_format::tsv);
    EXPECT_EQ(g.rows.size(), 234u);  // 233 line ends (`wc -l`) and a last line without one
    ASSERT_GE(g.rows.size(), 3u);
    EXPECT_TRUE(g.rows[0].cells.empty());
    ASSERT_EQ(g.rows[2].cells.size(), 8u);
    EXPECT_EQ(g.rows[2].cells[0].text, "财政项目支出绩效自评表");
    EXPECT_EQ(g.rows[2].line, 3u);
    EXPECT_EQ(g.rows[2].cells[0].offset, 2u);
}
