#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include <jixiao/io/import.hpp>

#include "support/grid_test_support.hpp"

namespace io = jixiao::io;

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

TEST(grid_detect, numbers_with_thousands_separators_do_not_make_text_csv) {
    // a PDF dump: cells joined by spaces, amounts printed with thousands separators
    const std::string dump =
        "项目资金 年初预算数 全年预算数 全年执行数\n"
        "年度资金总额 250,000.00 250,000.00 215,457.60\n"
        "其中:当年财政拨款 1,250,000.00 1,250,000.00 1,215,457.60\n"
        "上年结转资金 12,000 12,000 11,500\n";
    EXPECT_NE(detect_format(dump), grid_format::csv);
    // a real CSV keeps being one, thousands or not
    EXPECT_EQ(detect_format("项目名称,全年预算数\n示例,\"250,000.00\"\n其他,1,234\n"), grid_format::csv);
    EXPECT_EQ(detect_format("a,b,c\n1,2,3\n"), grid_format::csv);
}

TEST(grid_detect, commas_in_prose_do_not_make_text_csv) {
    // a PDF dump of scoring criteria: one or two commas to a line, in no pattern
    const std::string dump =
        "项目权重 评价内容 分值 自评分 项目决策 3 分 决策依据 3 3 有年度工作计划计 3 分,没有不得分。\n"
        "资金管理 4 3 2、资金使用合规 3 分; 3、有资金支付凭证 1 分。\n"
        "组织实施 6 6 2、按计划实施 3 分,滞后扣 1 分,扣完为止。\n";
    EXPECT_NE(detect_format(dump), grid_format::csv);
    EXPECT_NE(detect_format("示例县项目支出绩效自评表 项目名称 示例 指标2:发放率,回收率 100% 100% 20 20\n"), grid_format::csv);
    // a table of two columns keeps being CSV, and so does one with a ragged last row
    EXPECT_EQ(detect_format("项目名称,示例\n主管部门,示例局\n"), grid_format::csv);
    EXPECT_EQ(detect_format("a,b,c\n1,2,3\n4,5,6\n7,8\n"), grid_format::csv);
    // a ragged export (counts 2, 2, 2, 9, 4, 4) with the delimiter on every line
    EXPECT_EQ(detect_format(",,\n,,\n,,\n\"项目\",\"考核内容\",\"权数\",a,b,c,d,e,f\n1,2,3,4,5\n6,7,8,9,0\n"), grid_format::csv);
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
                   grid_format::pdf, grid_format::xlsx, grid_format::docx}) {
        EXPECT_EQ(jixiao::io::from_string(jixiao::io::to_string(f)), f);
    }
    EXPECT_EQ(jixiao::io::from_string("lines"), grid_format::cell_per_line);
    EXPECT_EQ(jixiao::io::from_string("xls"), std::nullopt);
}

// ---- documents read by a registered reader (PDF: the optional jixiao::pdf library) -------------

namespace {

io::import_options named(const std::string& name) {
    io::import_options o;
    o.source_name = name;
    return o;
}

jixiao::result<io::grid> fake_pdf_reader(std::string_view bytes, const io::read_options&) {
    io::grid g;
    g.format = io::grid_format::pdf;
    g.rows.push_back(io::row{{io::cell{std::string(bytes.substr(0, 8)), 1, 1}}, 1});
    g.notes.push_back("read by the fake reader");
    return g;
}

}  // namespace

TEST(grid_detect, pdf_magic_is_detected_before_any_text_check) {
    EXPECT_EQ(io::detect_format("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), io::grid_format::pdf);
    EXPECT_NE(io::detect_format("x %PDF-1.7\n"), io::grid_format::pdf);
    EXPECT_EQ(io::grid_format_from_string("pdf"), io::grid_format::pdf);
    EXPECT_EQ(io::to_string(io::grid_format::pdf), "pdf");
}

TEST(grid_detect, a_pdf_without_a_pdf_reader_says_so) {
    ASSERT_EQ(io::registered_reader(io::grid_format::pdf), nullptr);  // the core never links one
    const std::string pdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n";
    const auto g = io::read_grid(pdf);
    ASSERT_FALSE(g.has_value());
    EXPECT_EQ(g.error().code, errc::reader_unavailable);
    EXPECT_EQ(g.error().message, "a PDF file: this build has no PDF reader (built without poppler; see README)");
    const auto r = io::import_text(pdf, named("a.pdf"));
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::reader_unavailable);
    EXPECT_EQ(r.error().where, "a.pdf");
    // Asked for as tsv, the same bytes are read as text (here: converted from GB18030), not routed.
    const auto t = io::read_grid(pdf, io::grid_format::tsv);
    ASSERT_TRUE(t.has_value()) << t.error().describe();
    EXPECT_EQ(t->format, io::grid_format::tsv);
}

TEST(grid_detect, a_registered_reader_receives_pdf_bytes) {
    io::register_reader(io::grid_format::pdf, &fake_pdf_reader);
    EXPECT_EQ(io::registered_reader(io::grid_format::pdf), &fake_pdf_reader);
    const auto g = io::read_grid("%PDF-1.4 rest");
    const auto explicit_format = io::read_grid("not a pdf", io::grid_format::pdf);
    io::read_options small;
    small.max_bytes = 4;
    const auto too_big = io::read_grid("%PDF-1.4 rest", small);
    io::register_reader(io::grid_format::pdf, nullptr);
    ASSERT_TRUE(g.has_value());
    EXPECT_EQ(g->rows.at(0).cells.at(0).text, "%PDF-1.4");
    EXPECT_EQ(g->notes, (std::vector<std::string>{"format detected from the content: pdf", "read by the fake reader"}));
    ASSERT_TRUE(explicit_format.has_value());
    EXPECT_EQ(explicit_format->notes, (std::vector<std::string>{"read by the fake reader"}));
    ASSERT_FALSE(too_big.has_value());
    EXPECT_EQ(too_big.error().code, errc::limit_exceeded);
    EXPECT_EQ(io::registered_reader(io::grid_format::pdf), nullptr);
}
