// The first stages of the positional recognizer (src/import/positional_internal.hpp): what each
// cell is (positional_labels.cpp), the working rows (positional_rows.cpp) and the forms found in
// the rows, with every cell accounted for (positional_segment.cpp).
#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>

#include "import/positional_recognizer.hpp"
#include "import/positional_test_support.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

using positional_test::document;
namespace io = jixiao::io;
namespace pos = jixiao::io::detail::positional;
using jixiao::category;
using jixiao::subcategory;

pos::wcell classified(std::string_view text, std::string_view key) {
    pos::wcell c;
    c.text = text;
    c.key = key;
    pos::classify(c);
    return c;
}

}  // namespace

// ---- labels ----

TEST(positional_labels, names_the_role_of_each_label_once) {
    const pos::wcell name = classified("项目名称", "项目名称");
    EXPECT_TRUE(name.is(pos::bit_header_field | pos::bit_any_label));
    EXPECT_EQ(name.header_role(), "project_name");

    const pos::wcell total = classified("年度资金总额", "年度资金总额");
    EXPECT_EQ(total.funds_row_role, "total");
    const pos::wcell current = classified("其中：当年财政拨款", "其中：当年财政拨款");
    EXPECT_EQ(current.funds_row_role, "current_appropriation") << "the 其中： prefix is removed first";

    const pos::wcell output = classified("产出指标", "产出指标");
    EXPECT_TRUE(output.is(pos::bit_category));
    EXPECT_EQ(output.cat, category::output);
    const pos::wcell quantity = classified("数量指标", "数量指标");
    EXPECT_TRUE(quantity.is(pos::bit_subcategory));
    EXPECT_EQ(quantity.sub, subcategory::quantity);

    const pos::wcell third = classified("三级指标", "三级指标");
    EXPECT_TRUE(third.is(pos::bit_indicator_column));
    EXPECT_EQ(third.indicator, pos::col_role::name);
}

TEST(positional_labels, tells_content_from_labels) {
    const pos::wcell number = classified("524,760", "524,760");
    EXPECT_TRUE(number.is(pos::bit_plain_number));
    EXPECT_FALSE(number.is(pos::bit_any_label));
    EXPECT_TRUE(classified("—", "—").is(pos::bit_not_applicable));
    const pos::wcell name = classified("系统开发模块数量", "系统开发模块数量");
    EXPECT_EQ(name.bits, 0U) << "an indicator name is no label";
    EXPECT_EQ(name.label, nullptr);
}

TEST(positional_labels, reads_a_grade_label_with_its_value_in_one_cell) {
    const pos::wcell exact = classified("评价等级", "评价等级");
    EXPECT_TRUE(exact.is(pos::bit_closing_exact));
    EXPECT_EQ(exact.closing_role, "grade");
    const pos::wcell with_value = classified("评价等级：优", "评价等级：优");
    EXPECT_TRUE(with_value.is(pos::bit_closing));
    EXPECT_FALSE(with_value.is(pos::bit_closing_exact));
    EXPECT_EQ(with_value.closing_role, "grade");
}

TEST(positional_labels, marks_fragments_of_vertical_labels) {
    EXPECT_TRUE(classified("绩效", "绩效").is(pos::bit_indicator_fragment));
    EXPECT_FALSE(classified("绩效指标", "绩效指标").is(pos::bit_indicator_fragment)) << "the whole label is no fragment";
    EXPECT_TRUE(classified("年度总体", "年度总体").is(pos::bit_goal_or_fragment));
}

TEST(positional_labels, finds_the_year_after_four_digits_only) {
    EXPECT_EQ(pos::find_year("(2023年度)"), 2023);
    EXPECT_EQ(pos::find_year("（2024年）"), 2024);
    EXPECT_EQ(pos::find_year("12023年"), std::nullopt) << "five digits are no year";
    EXPECT_EQ(pos::find_year("1989年"), std::nullopt) << "out of range";
    EXPECT_EQ(pos::find_year("2023"), std::nullopt) << "no year mark";
}

TEST(positional_labels, knows_the_level_1_of_each_level_2) {
    EXPECT_EQ(pos::parent_of(subcategory::quality), category::output);
    EXPECT_EQ(pos::parent_of(subcategory::cost), category::output);
    EXPECT_EQ(pos::parent_of(subcategory::economic_cost), category::cost);
    EXPECT_EQ(pos::parent_of(subcategory::sustainability), category::effect);
    EXPECT_EQ(pos::parent_of(subcategory::service_satisfaction), category::satisfaction);
    EXPECT_EQ(pos::parent_of(subcategory::unknown), category::unknown);
}

// ---- rows ----

TEST(positional_rows, keeps_non_empty_cells_with_their_keys_and_positions) {
    document d("项目名称：\t\t 年度 指标值 \n\n");
    ASSERT_EQ(d.rows.size(), 2U);
    const pos::wrow& r = d.row(0);
    ASSERT_EQ(r.cells.size(), 2U) << "the empty cell is no input cell";
    EXPECT_EQ(r.cells[0].key, "项目名称") << "a trailing colon is not part of the key";
    EXPECT_EQ(r.cells[0].column, 1U);
    EXPECT_EQ(r.cells[1].text, "年度 指标值") << "trimmed";
    EXPECT_EQ(r.cells[1].key, "年度指标值") << "spaces removed";
    EXPECT_EQ(r.cells[1].column, 3U);
    EXPECT_TRUE(r.cells[1].is(pos::bit_has_space));
    EXPECT_EQ(r.cells[1].indicator, pos::col_role::target);
    EXPECT_TRUE(d.row(1).cells.empty());
    EXPECT_TRUE(d.row(1).blank);
    EXPECT_EQ(d.rows.cells_read(), 2U);
}

TEST(positional_rows, drops_page_numbers_into_the_report) {
    document d("产出指标\t数量指标\n-7-\n");
    EXPECT_TRUE(d.row(1).cells.empty());
    EXPECT_FALSE(d.row(1).blank) << "a row of page numbers is no page break";
    ASSERT_EQ(d.rows.page_notes().size(), 1U);
    EXPECT_EQ(d.rows.page_notes()[0].code, "page_number_dropped");
    EXPECT_EQ(d.rows.page_notes()[0].text, "-7-");
    EXPECT_EQ(d.rows.page_notes()[0].where.row, 2U);
    EXPECT_EQ(d.rows.cells_read(), 3U) << "a page number is a cell read";
}

TEST(positional_rows, marks_title_rows_and_their_year) {
    document d("财政项目支出绩效自评表\t(2023年度)\n项目名称\t财政项目支出绩效自评表\n");
    EXPECT_TRUE(d.cell(0, 0).is(pos::bit_title));
    EXPECT_TRUE(d.cell(0, 1).is(pos::bit_year_mark));
    EXPECT_TRUE(pos::is_title_row(d.row(0)));
    EXPECT_FALSE(d.cell(1, 1).is(pos::bit_title)) << "only a row's first cell can be a title";
    EXPECT_FALSE(pos::is_title_row(d.row(1)));
}

TEST(positional_rows, releasing_rows_keeps_the_later_rows_intact) {
    document d("甲\t乙\n丙\n丁\t戊\t己\n");
    d.rows.release(2);
    EXPECT_EQ(d.rows.base(), 2U);
    EXPECT_EQ(d.rows.size(), 3U);
    ASSERT_EQ(d.row(2).cells.size(), 3U);
    EXPECT_EQ(d.cell(2, 0).text, "丁");
    EXPECT_EQ(d.cell(2, 2).text, "己");
    EXPECT_EQ(d.cell(2, 2).grid_row, 2U);
    d.rows.release(3);
    EXPECT_EQ(d.rows.base(), 3U);
}

// ---- segment ----

namespace {

io::import_result segmented(std::string_view text) {
    io::import_options options;
    options.source_name = "segment.txt";
    auto g = io::read_grid(text, io::grid_format::tsv);
    EXPECT_TRUE(g.has_value());
    pos::positional_recognizer r(io::grid_format::tsv, options);
    for (const io::row& row : g->rows) r.add_row(row);
    auto out = r.finish({});
    EXPECT_TRUE(out.has_value()) << (out.has_value() ? "" : out.error().describe());
    return out.has_value() ? std::move(*out) : io::import_result{};
}

}  // namespace

TEST(positional_segment, starts_a_form_at_each_title_row) {
    const io::import_result r = segmented(
        "封面\n"
        "财政项目支出绩效自评表\n(2023年度)\n项目名称\t甲项目\n"
        "财政项目支出绩效自评表\n(2024年度)\n项目名称\t乙项目\n");
    ASSERT_EQ(r.forms.size(), 2U);
    EXPECT_EQ(r.forms[0].project_name, "甲项目");
    EXPECT_EQ(r.forms[0].year, 2023);
    EXPECT_EQ(r.forms[1].project_name, "乙项目");
    EXPECT_EQ(r.forms[1].year, 2024);
    EXPECT_EQ(r.forms[1].where.row, 5U);
    // The cell before the first form is listed, last, with no form.
    ASSERT_FALSE(r.report.notes.empty());
    const io::import_note& last = r.report.notes.back();
    EXPECT_EQ(last.text, "封面");
    EXPECT_EQ(last.message, "a cell outside every form");
    EXPECT_FALSE(last.form.has_value());
}

TEST(positional_segment, a_second_project_name_starts_a_form_without_title_at_its_year_row) {
    const io::import_result r = segmented(
        "财政项目支出绩效自评表\n项目名称\t甲项目\n(2024年度)\n项目名称\t乙项目\n");
    ASSERT_EQ(r.forms.size(), 2U);
    EXPECT_EQ(r.forms[1].project_name, "乙项目");
    EXPECT_EQ(r.forms[1].year, 2024) << "the year row just above belongs to the new form";
    EXPECT_EQ(r.forms[1].where.row, 3U);
    bool no_title = false;
    for (const io::import_note& n : r.report.notes) no_title = no_title || (n.code == "no_title" && n.form == 1U);
    EXPECT_TRUE(no_title);
}

TEST(positional_segment, accounts_for_every_cell_and_orders_the_report) {
    const io::import_result r = segmented(
        "财政项目支出绩效自评表\n项目名称\t甲项目\n-3-\n不知所云的一格\n");
    EXPECT_EQ(r.report.cells_total, 5U);
    EXPECT_EQ(r.report.cells_mapped, 3U) << "title, label, value";
    std::size_t unmapped = 0;
    for (const io::import_note& n : r.report.notes) unmapped += n.kind == io::note_kind::unmapped ? 1U : 0U;
    EXPECT_EQ(unmapped, 1U);
    ASSERT_GE(r.report.notes.size(), 3U);
    // Page numbers first (with the form they fall in), the form's notes, then the cells nothing placed.
    EXPECT_EQ(r.report.notes.front().code, "page_number_dropped");
    EXPECT_EQ(r.report.notes.front().form, 0U);
    EXPECT_EQ(r.report.notes.back().code, "cell_unmapped");
    EXPECT_EQ(r.report.notes.back().text, "不知所云的一格");
    EXPECT_EQ(r.report.notes.back().message, "a cell the recognizer could not place in the form");
}

TEST(positional_segment, releases_the_rows_of_each_finished_form) {
    io::import_options options;
    auto g = io::read_grid("财政项目支出绩效自评表\n项目名称\t甲\n财政项目支出绩效自评表\n项目名称\t乙\n",
                           io::grid_format::tsv);
    ASSERT_TRUE(g.has_value());
    pos::positional_recognizer r(io::grid_format::tsv, options);
    r.add_row(g->rows[0]);
    r.add_row(g->rows[1]);
    EXPECT_EQ(r.released(), 0U);
    EXPECT_EQ(r.forms_done(), 0U);
    r.add_row(g->rows[2]);  // the next title: the first form is read and its rows released
    EXPECT_EQ(r.forms_done(), 1U);
    EXPECT_EQ(r.released(), 2U);
    r.add_row(g->rows[3]);
    EXPECT_EQ(r.finish({})->forms.size(), 2U);
}

TEST(positional_segment, no_title_and_no_project_name_is_no_form) {
    io::import_options options;
    auto g = io::read_grid("甲\t乙\n丙\n", io::grid_format::tsv);
    ASSERT_TRUE(g.has_value());
    pos::positional_recognizer r(io::grid_format::tsv, options);
    for (const io::row& row : g->rows) r.add_row(row);
    const auto out = r.finish({});
    ASSERT_FALSE(out.has_value());
    EXPECT_EQ(out.error().code, jixiao::errc::no_form_found);
    EXPECT_NE(out.error().message.find("3 non-empty cells read"), std::string::npos) << out.error().message;
}
