#include <string>

#include <gtest/gtest.h>

#include "grid_test_support.hpp"

using jixiao::errc;
using jixiao::io::detect_format;
using jixiao::io::grid_format;
using jixiao::io::read_grid;

TEST(grid_detect, tells_each_kind_from_its_content) {
    EXPECT_EQ(detect_format("a\tb\nc\td\n"), grid_format::tsv);
    EXPECT_EQ(detect_format("| a | b |\n|---|---|\n| c | d |\n"), grid_format::pipe);
    EXPECT_EQ(detect_format("a,b\n\"c\nd\",e\n"), grid_format::csv);
    EXPECT_EQ(detect_format("a;b\nc;d\n"), grid_format::csv);
    EXPECT_EQ(detect_format("项目名称\n政府采购管理\n\n主管部门\n"), grid_format::cell_per_line);
    EXPECT_EQ(detect_format("<TABLE><tr><td>a</td></tr></TABLE>"), grid_format::html);
    EXPECT_EQ(detect_format("<tr><td>a</td></tr>"), grid_format::html);
    EXPECT_EQ(detect_format("\xEF\xBB\xBF" "a\tb\n"), grid_format::tsv);
}

TEST(grid_detect, is_not_fooled_by_html_paragraphs_inside_tab_separated_cells) {
    EXPECT_EQ(detect_format("年度总体目标\t预期目标\n\t<p>目标</p>\t<p>完成</p>\n"), grid_format::tsv);
}

TEST(grid_detect, cannot_tell_empty_blank_binary_or_structureless_text) {
    EXPECT_EQ(detect_format(""), std::nullopt);
    EXPECT_EQ(detect_format(" \n\n \r\n"), std::nullopt);
    EXPECT_EQ(detect_format(std::string("a\tb\0c", 5)), std::nullopt);
    EXPECT_EQ(detect_format("\x01\x02\x03\x04xyz\x05\x06"), std::nullopt);
    EXPECT_EQ(detect_format("just one line of text"), std::nullopt);
}

TEST(grid_detect, read_grid_without_a_format_reads_with_the_detected_reader) {
    auto r = read_grid("x\ty\n");
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    EXPECT_EQ(r->format, grid_format::tsv);
    EXPECT_EQ(r->rows.at(0).cells.at(1).text, "y");
    EXPECT_NE(r->notes.back().find("tsv"), std::string::npos);
}

TEST(grid_detect, read_grid_reports_unknown_format_for_empty_input) {
    auto r = read_grid("");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::unknown_format);
}

TEST(grid_format_names, round_trip_through_strings) {
    for (auto f : {grid_format::tsv, grid_format::pipe, grid_format::cell_per_line, grid_format::csv, grid_format::html,
                   grid_format::xlsx, grid_format::docx}) {
        EXPECT_EQ(jixiao::io::from_string(jixiao::io::to_string(f)), f);
    }
    EXPECT_EQ(jixiao::io::from_string("lines"), grid_format::cell_per_line);
    EXPECT_EQ(jixiao::io::from_string("xls"), std::nullopt);
}
