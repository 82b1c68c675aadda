#include <string>

#include <gtest/gtest.h>

#include "support/grid_test_support.hpp"

using jixiao::io::grid_format;
using grid_test::read;
using grid_test::texts;
using rows_t = std::vector<std::vector<std::string>>;

TEST(grid_csv, reads_quoted_fields_with_doubled_quotes_delimiters_and_newlines) {
    const auto g = read("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"line1\nline2\",,x\r\n", grid_format::csv);
    EXPECT_EQ(g.format, grid_format::csv);
    EXPECT_EQ(texts(g), (rows_t{{"a", "b,c", "say \"hi\""}, {"line1\nline2", "", "x"}}));
}

TEST(grid_csv, records_line_column_and_offset_including_after_a_quoted_newline) {
    const auto g = read("\"p\nq\",r\ns,\"t\"", grid_format::csv);
    ASSERT_EQ(g.rows.size(), 2u);
    const auto& c = g.rows[0].cells;
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].line, 1u);
    EXPECT_EQ(c[0].offset, 0u);
    EXPECT_EQ(c[1].line, 2u);  // the record started on line 1, this field on line 2
    EXPECT_EQ(c[1].offset, 6u);
    EXPECT_EQ(c[1].column, 2u);
    EXPECT_EQ(g.rows[1].line, 3u);
    EXPECT_EQ(g.rows[1].cells[1].offset, 10u);  // the opening quote
    EXPECT_EQ(g.rows[1].cells[1].text, "t");
}

TEST(grid_csv, keeps_empty_trailing_fields_and_blank_lines) {
    const auto g = read("a,,\n\nb,\n", grid_format::csv);
    EXPECT_EQ(texts(g), (rows_t{{"a", "", ""}, {}, {"b", ""}}));
}

TEST(grid_csv, uses_semicolons_when_they_are_clearly_the_delimiter) {
    const auto g = read("名称;金额\n采购;1,5\n培训;2,0\n", grid_format::csv);
    EXPECT_EQ(texts(g), (rows_t{{"名称", "金额"}, {"采购", "1,5"}, {"培训", "2,0"}}));
    ASSERT_FALSE(g.notes.empty());
    EXPECT_NE(g.notes.back().find("';'"), std::string::npos);
}

TEST(grid_csv, keeps_commas_as_the_delimiter_when_semicolons_are_only_in_text) {
    const auto g = read("a,b;c,d\ne,f,g\n", grid_format::csv);
    EXPECT_EQ(texts(g), (rows_t{{"a", "b;c", "d"}, {"e", "f", "g"}}));
}

TEST(grid_csv, reads_an_unclosed_quote_to_the_end_and_notes_it) {
    const auto g = read("a,\"b\nc", grid_format::csv);
    EXPECT_EQ(texts(g), (rows_t{{"a", "b\nc"}}));
    ASSERT_EQ(g.notes.size(), 1u);
    EXPECT_NE(g.notes[0].find("not closed"), std::string::npos);
}

TEST(grid_csv, keeps_text_after_a_closing_quote_and_quotes_inside_unquoted_fields) {
    const auto g = read("\"a\"b,c\"d\n", grid_format::csv);
    EXPECT_EQ(texts(g), (rows_t{{"ab", "c\"d"}}));
    EXPECT_FALSE(g.notes.empty());
}

TEST(grid_csv, reads_utf8_with_a_byte_order_mark) {
    const auto g = read(grid_test::data_file("grid/small.utf8.csv").insert(0, "\xEF\xBB\xBF"), grid_format::csv);
    EXPECT_EQ(texts(g), (rows_t{{"项目名称", "金额 (万元)"}, {"政府采购管理", "1,200.50"}, {"满意度 ≥90%", "指标"}}));
}

TEST(grid_csv, reads_gb18030_converted_with_iconv_like_the_utf8_original) {
    // small.gb18030.csv was made with `iconv -f UTF-8 -t GB18030 small.utf8.csv`.
    const auto utf8 = read(grid_test::data_file("grid/small.utf8.csv"), grid_format::csv);
    const auto gb = read(grid_test::data_file("grid/small.gb18030.csv"), grid_format::csv);
    EXPECT_EQ(texts(gb), texts(utf8));
    EXPECT_EQ(texts(gb)[0][0], "项目名称");
    ASSERT_FALSE(gb.notes.empty());
    EXPECT_NE(gb.notes[0].find("GB18030"), std::string::npos);
}
