// The blocks of one form in the positional recognizer: the dispatch of rows to their blocks
// (positional_blocks.cpp), the funds block (positional_funds.cpp), the goal block
// (positional_goal.cpp) and the closing rows (positional_closing.cpp).
#include <jixiao/form.hpp>
#include <jixiao/io/import.hpp>

#include "import/positional_test_support.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

using positional_test::document;
namespace io = jixiao::io;
namespace pos = jixiao::io::detail::positional;
using jixiao::form;
using jixiao::funds_column;
using jixiao::funds_row;
using jixiao::funds_score_column;
using jixiao::money_unit;

bool has(const std::vector<std::string>& codes, std::string_view code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

constexpr std::string_view funds_header = "项目资金 (元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n";

std::string amount(const form& f, funds_row r, funds_column c) { return f.money.at(r, c).text; }
std::string scoring(const form& f, funds_score_column c) { return f.money.scoring_at(funds_row::total, c).text; }

}  // namespace

// ---- blocks ----

TEST(positional_blocks, reads_title_year_and_header_fields) {
    document d(
        "财政项目支出绩效自评表\n(2023 年度)\n项目名称\t网络信息 系统开发\n"
        "主管部门\t上海市松江区财政局\t\t\t实施单位\t上海市松江区财政局\n");
    const form f = d.read_form();
    EXPECT_EQ(f.title, "财政项目支出绩效自评表");
    EXPECT_EQ(f.year, 2023);
    EXPECT_EQ(f.project_name, "网络信息系统开发") << "a wrapped value is unwrapped";
    EXPECT_EQ(f.department, "上海市松江区财政局");
    EXPECT_EQ(f.implementing_unit, "上海市松江区财政局");
    EXPECT_EQ(d.count("line_break_removed"), 1U);
    EXPECT_EQ(d.open_cells(), 0U);
}

TEST(positional_blocks, a_label_followed_by_a_label_has_no_value) {
    document d("财政项目支出绩效自评表\n主管部门\t实施单位\t某某单位\n");
    const form f = d.read_form();
    EXPECT_EQ(f.department, "");
    EXPECT_EQ(f.implementing_unit, "某某单位");
}

TEST(positional_blocks, warns_about_each_missing_block) {
    document d("财政项目支出绩效自评表\n");
    const form f = d.read_form();
    EXPECT_TRUE(f.project_name.empty());
    const auto codes = d.codes();
    for (const char* code : {"no_project_name", "no_year", "no_funds_block", "no_goal_block", "no_indicator_table",
                             "no_total_row"}) {
        EXPECT_TRUE(has(codes, code)) << code;
    }
    EXPECT_FALSE(has(codes, "no_title"));
}

TEST(positional_blocks, a_form_without_title_says_so) {
    document d("项目名称\t甲项目\n");
    const form f = d.read_form();
    EXPECT_EQ(f.project_name, "甲项目");
    ASSERT_FALSE(d.report.notes.empty());
    EXPECT_EQ(d.report.notes.front().code, "no_title");
}

TEST(positional_blocks, leaves_rows_no_block_takes_open) {
    document d("财政项目支出绩效自评表\n随便写的一行\t另一格\n");
    (void)d.read_form();
    EXPECT_EQ(d.open_cells(), 2U) << "listed as unmapped when the form is accounted for";
}

// ---- funds ----

TEST(positional_funds, reads_rows_that_line_up_with_the_header_by_column) {
    document d(std::string(funds_header) +
               "\t年度资金总额\t548760.00\t524760.00\t524,760\t10\t100.00%\t10\n"
               "\t其中：当年财政拨款\t548760\t524760\t\t—\t\t\n");
    const form f = d.read_form();
    EXPECT_EQ(f.money.unit, money_unit::yuan);
    EXPECT_EQ(amount(f, funds_row::total, funds_column::initial_budget), "548760.00");
    EXPECT_EQ(amount(f, funds_row::total, funds_column::full_year_budget), "524760.00");
    EXPECT_EQ(amount(f, funds_row::total, funds_column::executed), "524,760");
    EXPECT_EQ(scoring(f, funds_score_column::weight), "10");
    EXPECT_EQ(scoring(f, funds_score_column::execution_rate), "100.00%");
    EXPECT_EQ(scoring(f, funds_score_column::score), "10");
    EXPECT_EQ(amount(f, funds_row::current_appropriation, funds_column::full_year_budget), "524760");
    EXPECT_EQ(d.count("funds_aligned_by_meaning"), 0U);
    EXPECT_EQ(d.open_cells(), 0U);
}

TEST(positional_funds, places_a_shifted_row_by_meaning) {
    // The empty 全年执行数 cell was dropped: the weight, rate and score moved left.
    document d(std::string(funds_header) + "\t年度资金总额\t548760\t524760\t10\t100.00%\t10\n");
    const form f = d.read_form();
    EXPECT_EQ(d.count("funds_aligned_by_meaning"), 1U);
    EXPECT_EQ(amount(f, funds_row::total, funds_column::initial_budget), "548760");
    EXPECT_EQ(amount(f, funds_row::total, funds_column::full_year_budget), "524760");
    EXPECT_EQ(amount(f, funds_row::total, funds_column::executed), "") << "no amount is left for it";
    EXPECT_EQ(scoring(f, funds_score_column::weight), "10") << "just before the rate";
    EXPECT_EQ(scoring(f, funds_score_column::execution_rate), "100.00%");
    EXPECT_EQ(scoring(f, funds_score_column::score), "10") << "just after the rate";
}

TEST(positional_funds, takes_the_money_unit_from_the_header) {
    document wan("项目资金（万元）\t\t年初预算数\t全年预算数\n");
    EXPECT_EQ(wan.read_form().money.unit, money_unit::ten_thousand_yuan);
    EXPECT_EQ(wan.count("money_unit_assumed"), 0U);

    document none("项目资金\t\t年初预算数\t全年预算数\n");
    EXPECT_EQ(none.read_form().money.unit, money_unit::yuan);
    EXPECT_EQ(none.count("money_unit_assumed"), 1U);
}

TEST(positional_funds, warns_about_a_repeated_row_and_keeps_the_later_one) {
    document d(std::string(funds_header) + "\t上年结转资金\t1\t2\t\t\t\t\n\t上年结转资金\t3\t4\t\t\t\t\n");
    const form f = d.read_form();
    EXPECT_EQ(d.count("funds_row_repeated"), 1U);
    EXPECT_EQ(amount(f, funds_row::prior_carryover, funds_column::initial_budget), "3");
}

TEST(positional_funds, lists_the_cells_before_the_row_label) {
    document d(std::string(funds_header) + "多余\t年度资金总额\t1\t2\t3\t10\t100%\t10\n");
    (void)d.read_form();
    const io::import_note* n = d.find("cell_unmapped");
    ASSERT_NE(n, nullptr);
    EXPECT_EQ(n->text, "多余");
    EXPECT_EQ(n->message, "a cell before the funds row label");
}

// ---- goal ----

TEST(positional_goal, places_the_texts_under_their_header_columns) {
    document d(
        "年度总体目标\t预期目标\t\t\t实际完成情况\n"
        "\t<p>建立平台</p><p>实现数据交互</p>\t\t\t已完成\n"
        "\t\t\t\t并已验收\n");
    const form f = d.read_form();
    EXPECT_EQ(f.annual_goal.expected, "建立平台\n实现数据交互") << "<p> paragraphs joined by line breaks";
    EXPECT_EQ(f.annual_goal.achieved, "已完成\n并已验收") << "one text in a row goes to the nearest header column";
    EXPECT_EQ(d.count("html_tags_stripped"), 1U);
    EXPECT_EQ(d.count("goal_text_joined"), 1U);
    EXPECT_EQ(d.count("no_goal_block"), 0U);
}

TEST(positional_goal, a_third_text_in_a_row_is_unmapped) {
    document d("年度总体目标\n甲\t乙\t丙\n");
    const form f = d.read_form();
    EXPECT_EQ(f.annual_goal.expected, "甲");
    EXPECT_EQ(f.annual_goal.achieved, "乙");
    const io::import_note* n = d.find("cell_unmapped");
    ASSERT_NE(n, nullptr);
    EXPECT_EQ(n->text, "丙");
}

TEST(positional_goal, drops_fragments_of_the_vertical_label) {
    // 年度总体目标 printed vertically, cut in two: both pieces are dropped, not read as goal text.
    document d("年度总体\t预期目标\t实际完成情况\n目标\t甲\t乙\n");
    EXPECT_TRUE(pos::has_goal_label(d.row(0)));
    const form f = d.read_form();
    EXPECT_EQ(d.count("split_label_dropped"), 2U);
    EXPECT_EQ(f.annual_goal.expected, "甲");
    EXPECT_EQ(f.annual_goal.achieved, "乙");
}

// ---- closing ----

TEST(positional_closing, reads_the_total_row_and_a_grade_in_it) {
    document d("\t总分\t\t\t\t\t100\t95.5\t优\n");
    const form f = d.read_form();
    EXPECT_EQ(f.total_weight.text, "100");
    EXPECT_EQ(f.total_score.text, "95.5");
    EXPECT_EQ(f.reported_grade, "优");
    EXPECT_EQ(d.count("no_total_row"), 0U);
}

TEST(positional_closing, joins_total_numbers_on_rows_of_their_own) {
    document d("总分\n100\n\n98\n");
    const form f = d.read_form();
    EXPECT_EQ(f.total_weight.text, "100");
    EXPECT_EQ(f.total_score.text, "98");
    EXPECT_EQ(d.count("total_row_joined"), 2U);
    EXPECT_EQ(d.open_cells(), 0U);
}

TEST(positional_closing, one_number_is_the_total_score) {
    document d("总分\t\t88\n");
    const form f = d.read_form();
    EXPECT_EQ(f.total_score.text, "88");
    EXPECT_EQ(f.total_weight.text, "");
    EXPECT_EQ(d.count("total_incomplete"), 1U);
}

TEST(positional_closing, reads_grade_and_notes_after_their_labels) {
    document d("评价等级：良\n其他需要说明事项\t第一点\t第二点\n");
    const form f = d.read_form();
    EXPECT_EQ(f.reported_grade, "良") << "the value in the label's cell";
    EXPECT_EQ(f.notes, "第一点\n第二点");
    EXPECT_EQ(d.open_cells(), 0U);
}
