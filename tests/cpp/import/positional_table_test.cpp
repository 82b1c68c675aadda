// The indicator table of the positional recognizer: the header map (positional_header.cpp), the
// alignment of one row (positional_align.cpp), the table's rows across page breaks
// (positional_table.cpp) and the levels the rows inherit (positional_levels.cpp).
#include <jixiao/form.hpp>
#include <jixiao/io/import.hpp>

#include "import/positional_test_support.hpp"

#include <cstddef>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

using positional_test::document;
namespace io = jixiao::io;
namespace pos = jixiao::io::detail::positional;
using jixiao::category;
using jixiao::form;
using jixiao::subcategory;
using pos::col_role;

constexpr std::string_view header_row = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n";

std::vector<pos::header_col> header_of(document& d, std::size_t row = 0) {
    std::vector<pos::header_col> header;
    (void)pos::read_indicator_header(d.ctx, d.rows, row, d.rows.size(), header);
    return header;
}

std::vector<const pos::wcell*> cells_of(const pos::wrow& r) {
    std::vector<const pos::wcell*> out;
    for (const pos::wcell& c : r.cells) out.push_back(&c);
    return out;
}

/// An aligned row with the given labels, name and weight (for the levels).
pos::raw_indicator raw(std::vector<const pos::wcell*> labels, std::string name, std::string_view weight,
                       bool break_before = false) {
    pos::raw_indicator r;
    r.labels = std::move(labels);
    r.name = std::move(name);
    r.weight = weight;
    r.has_weight = true;
    r.break_before = break_before;
    return r;
}

}  // namespace

// ---- header ----

TEST(positional_header, maps_each_column_to_its_role) {
    document d("绩效\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t指标解释\t自定义栏目\n");
    const auto header = header_of(d);
    ASSERT_EQ(header.size(), 9U) << "the fragment 绩效 of the vertical label is no column";
    EXPECT_EQ(d.count("split_label_dropped"), 1U);
    const std::vector<col_role> want{col_role::level1, col_role::level2, col_role::name, col_role::target,
                                     col_role::actual, col_role::weight, col_role::score, col_role::extra,
                                     col_role::extra};
    for (std::size_t k = 0; k < want.size(); ++k) {
        EXPECT_EQ(header[k].role, want[k]) << header[k].label;
        EXPECT_EQ(header[k].column, k + 2) << header[k].label;
    }
    EXPECT_EQ(header[8].label, "自定义栏目") << "an unknown label is an extra column, as printed";
}

TEST(positional_header, merges_a_row_of_sub_labels_and_splits_the_target) {
    document d(
        "一级指标\t二级指标\t三级指标\t年度指标值\t\t\t实际完成值\t分值\t得分\n"
        "\t\t\t指标性质\t指标值\t度量单位\n"
        "产出指标\n");
    std::vector<pos::header_col> header;
    const std::size_t next = pos::read_indicator_header(d.ctx, d.rows, 0, d.rows.size(), header);
    EXPECT_EQ(next, 2U) << "the sub-label row is part of the header";
    ASSERT_EQ(header.size(), 9U);
    EXPECT_EQ(header[3].role, col_role::nature) << "the sub-label replaces the label above it";
    EXPECT_EQ(header[4].role, col_role::target_value) << "指标值 is the value part of a split target";
    EXPECT_EQ(header[5].role, col_role::unit);
    EXPECT_EQ(header[6].role, col_role::actual);
}

// ---- align ----

TEST(positional_align, tells_values_from_names) {
    for (std::string_view v : {"=7个", ">=80%", "≥90%", "<=700元/人次", "100%", "及时", "提升", "达成年度指标", "—"}) {
        EXPECT_TRUE(pos::looks_like_value(v)) << v;
    }
    for (std::string_view n : {"系统开发模块数量", "用户满意度", ""}) EXPECT_FALSE(pos::looks_like_value(n)) << n;
}

TEST(positional_align, aligns_a_row_that_agrees_with_its_header_by_position) {
    document d(std::string(header_row) + "产出指标\t数量指标\t系统开发 模块数量\t=7个\t=7个\t7\t7\t无偏差\n");
    const auto header = header_of(d);
    pos::raw_indicator out;
    ASSERT_TRUE(pos::align_positional(d.ctx, d.row(1), header, out));
    ASSERT_EQ(out.labels.size(), 2U);
    EXPECT_EQ(out.labels[0]->text, "产出指标");
    EXPECT_EQ(out.name, "系统开发模块数量");
    EXPECT_EQ(out.target, "=7个");
    EXPECT_EQ(out.actual, "=7个");
    EXPECT_EQ(out.weight, "7");
    EXPECT_EQ(out.score, "7");
    EXPECT_EQ(out.deviation, "无偏差");
    EXPECT_TRUE(out.has_values());
}

TEST(positional_align, refuses_a_row_that_does_not_agree_with_its_header) {
    document d(std::string(header_row) +
               "\t\t=7个\t=7个\t7\t7\n"                  // a value under 三级指标 (the name was dropped)
               "\t\t名称\t=1\t\t甲\t1\n"                   // text under 分值 after a missing cell
               "\t\t名称\t=1\t1\t1\t1\t\t多出来的一格\n"  // a cell outside every column
               "\t数量指标\t名称\t=1\t1\t1\t1\n"          // agrees
               "\t\t名称\t=1\t1\t甲\t1\n");              // text under 分值, nothing missing before it
    const auto header = header_of(d);
    for (std::size_t i = 1; i <= 3; ++i) {
        pos::raw_indicator out;
        EXPECT_FALSE(pos::align_positional(d.ctx, d.row(i), header, out)) << "row " << i;
        EXPECT_EQ(d.row(i).cells.front().fate, pos::cell_fate::open) << "nothing mapped";
    }
    pos::raw_indicator out;
    EXPECT_TRUE(pos::align_positional(d.ctx, d.row(4), header, out));
    // A 分值 that is no number stays in its column when the row's meaning is certain: it is
    // reported as not a number (cell.not_a_number), never moved into the name.
    pos::raw_indicator certain;
    ASSERT_TRUE(pos::align_positional(d.ctx, d.row(5), header, certain));
    EXPECT_EQ(certain.name, "名称");
    EXPECT_EQ(certain.weight, "甲");
    EXPECT_EQ(certain.score, "1");
}

TEST(positional_align, never_aligns_one_cell_per_line_text_by_position) {
    document d(std::string(header_row) + "\t\t名称\t=1\t1\t1\t1\n");
    pos::recognition_context lines(io::grid_format::cell_per_line, d.source, d.report);
    pos::raw_indicator out;
    EXPECT_FALSE(pos::align_positional(lines, d.row(1), header_of(d), out));
}

TEST(positional_align, places_a_shifted_row_by_meaning) {
    // The empty cells were dropped: everything after the 二级 label moved left.
    document d(std::string(header_row) + "数量指标\t系统开发模块数量\t=7个\t=7个\t7\t6\t人手不足\n");
    const auto header = header_of(d);
    pos::raw_indicator out;
    pos::align_by_meaning(d.ctx, cells_of(d.row(1)), header, out);
    ASSERT_EQ(out.labels.size(), 1U);
    EXPECT_EQ(out.labels[0]->sub, subcategory::quantity);
    EXPECT_EQ(out.name, "系统开发模块数量");
    EXPECT_EQ(out.target, "=7个");
    EXPECT_EQ(out.actual, "=7个");
    EXPECT_EQ(out.weight, "7") << "the rightmost two adjacent numbers are 分值 and 得分";
    EXPECT_EQ(out.score, "6");
    EXPECT_EQ(out.deviation, "人手不足") << "the cell after 得分";
}

TEST(positional_align, joins_a_name_wrapped_into_two_cells) {
    document d(std::string(header_row) + "系统开发\t模块数量\t=7个\t=7个\t7\t7\n");
    pos::raw_indicator out;
    pos::align_by_meaning(d.ctx, cells_of(d.row(1)), header_of(d), out);
    EXPECT_EQ(out.name, "系统开发模块数量");
    EXPECT_EQ(out.target, "=7个");
    EXPECT_EQ(d.count("name_cells_joined"), 1U);
}

TEST(positional_align, a_level_2_label_ends_the_labels_even_when_the_name_reads_like_one) {
    document d(std::string(header_row) + "满意度指标\t服务对象满意度指标\t服务对象满意度\t>=80%\t90%\t10\t10\n");
    pos::raw_indicator out;
    pos::align_by_meaning(d.ctx, cells_of(d.row(1)), header_of(d), out);
    EXPECT_EQ(out.labels.size(), 2U);
    EXPECT_EQ(out.name, "服务对象满意度");
    EXPECT_EQ(out.target, ">=80%");
}

// ---- table ----

TEST(positional_table, reads_rows_to_the_total_and_drops_the_vertical_label) {
    document d(std::string(header_row) +
               "产出指标\t数量指标\t系统开发模块数量\t=7个\t=7个\t7\t7\t\n"
               "\t质量指标\t软件测试完成率\t=100%\t100%\t7\t7\t\n"
               "\n"
               "绩效指标\t\t系统验收结果\t=100%\t100%\t5\t5\t\n"
               "\t总分\t\t\t\t100\t100\t\n"
               "评价等级\t优\n");
    form f;
    bool saw_total = false;
    const std::size_t last = pos::read_table(d.ctx, d.rows, 0, d.rows.size(), f, saw_total);
    EXPECT_TRUE(saw_total);
    EXPECT_EQ(last, 5U) << "the 总分 row; the grade row is the next block's";
    EXPECT_EQ(f.total_score.text, "100");
    ASSERT_EQ(f.indicators.size(), 3U);
    EXPECT_EQ(f.indicators[2].name, "系统验收结果");
    EXPECT_EQ(f.indicators[2].level2, subcategory::quality) << "the merged 二级 cell continues after the page break";
    EXPECT_EQ(d.count("split_label_dropped"), 1U);
}

TEST(positional_table, joins_a_row_cut_by_a_page_break) {
    document d(std::string(header_row) +
               "产出指标\t数量指标\t很长的指标名称的前半\t\t\t\t\t\n"
               "\n"
               "\t\t后半部分\t=7个\t=7个\t7\t7\t\n");
    form f;
    bool saw_total = false;
    (void)pos::read_table(d.ctx, d.rows, 0, d.rows.size(), f, saw_total);
    EXPECT_FALSE(saw_total);
    ASSERT_EQ(f.indicators.size(), 1U);
    EXPECT_EQ(f.indicators[0].name, "很长的指标名称的前半后半部分");
    EXPECT_EQ(f.indicators[0].level1, category::output) << "the labels of the first part are kept";
    EXPECT_EQ(f.indicators[0].target.text, "=7个");
    const io::import_note* n = d.find("row_joined");
    ASSERT_NE(n, nullptr);
    EXPECT_EQ(n->indicator, 0U);
    EXPECT_EQ(n->text, "很长的指标名称的前半后半部分");
}

TEST(positional_table, skips_the_header_repeated_on_a_new_page) {
    document d(std::string(header_row) + "产出指标\t数量指标\t甲\t=1\t1\t5\t5\t\n\n" + std::string(header_row) +
               "\t\t乙\t=1\t1\t5\t5\t\n");
    form f;
    bool saw_total = false;
    (void)pos::read_table(d.ctx, d.rows, 0, d.rows.size(), f, saw_total);
    ASSERT_EQ(f.indicators.size(), 2U);
    EXPECT_EQ(f.indicators[1].name, "乙");
    EXPECT_EQ(f.indicators[1].level2, subcategory::quantity);
    EXPECT_EQ(d.count("header_repeated"), 1U);
}

TEST(positional_table, a_row_of_labels_only_applies_to_the_rows_below) {
    // The labels of a merged block printed on a row of their own.
    document d(std::string(header_row) + "产出指标\t数量指标\t\t\t\t\t\t\n\t\t甲\t=1\t1\t5\t5\t\n");
    form f;
    bool saw_total = false;
    (void)pos::read_table(d.ctx, d.rows, 0, d.rows.size(), f, saw_total);
    ASSERT_EQ(f.indicators.size(), 1U) << "a label row is no indicator";
    EXPECT_EQ(f.indicators[0].name, "甲");
    EXPECT_EQ(f.indicators[0].level1, category::output);
    EXPECT_EQ(f.indicators[0].level2, subcategory::quantity);
    EXPECT_EQ(d.count("row_joined"), 0U) << "nothing to join: the label row has no name";
    EXPECT_EQ(d.open_cells(), 0U);
}

TEST(positional_table, keeps_a_name_without_values_and_says_so) {
    document d(std::string(header_row) + "产出指标\t数量指标\t只有名称\t\t\t\t\t\n\t\t有值\t=1\t1\t5\t5\t\n");
    form f;
    bool saw_total = false;
    (void)pos::read_table(d.ctx, d.rows, 0, d.rows.size(), f, saw_total);
    ASSERT_EQ(f.indicators.size(), 2U) << "no page break between them: not one row";
    EXPECT_EQ(f.indicators[0].name, "只有名称");
    const io::import_note* n = d.find("indicator_without_values");
    ASSERT_NE(n, nullptr);
    EXPECT_EQ(n->indicator, 0U);
    EXPECT_EQ(n->where.row, 2U);
}

// ---- levels ----

TEST(positional_levels, labels_apply_to_the_rows_below_until_the_next) {
    document d("产出指标\t数量指标\n效益指标\n");
    std::vector<pos::raw_indicator> raws;
    raws.push_back(raw({&d.cell(0, 0), &d.cell(0, 1)}, "甲", "5"));
    raws.push_back(raw({}, "乙", "5"));
    raws.push_back(raw({&d.cell(1, 0)}, "丙", "5"));
    form f;
    pos::finish_indicators(d.ctx, raws, f, false);
    ASSERT_EQ(f.indicators.size(), 3U);
    EXPECT_EQ(f.indicators[1].level1, category::output);
    EXPECT_EQ(f.indicators[1].level2, subcategory::quantity);
    EXPECT_EQ(f.indicators[1].level2_text, "数量指标");
    EXPECT_EQ(f.indicators[2].level1, category::effect);
    EXPECT_EQ(f.indicators[2].level2, subcategory::unknown) << "a new 一级 clears a 二级 not its own";
}

TEST(positional_levels, cost_is_a_level_2_under_output_unless_the_table_says_otherwise) {
    document d("产出指标\t成本指标\n成本指标\t经济成本指标\n");
    {
        std::vector<pos::raw_indicator> raws;
        raws.push_back(raw({&d.cell(0, 0), &d.cell(0, 1)}, "甲", "5"));
        form f;
        pos::finish_indicators(d.ctx, raws, f, false);
        EXPECT_EQ(f.indicators[0].level1, category::output);
        EXPECT_EQ(f.indicators[0].level2, subcategory::cost);
    }
    {
        std::vector<pos::raw_indicator> raws;
        raws.push_back(raw({&d.cell(1, 0), &d.cell(1, 1)}, "乙", "5"));
        form f;
        pos::finish_indicators(d.ctx, raws, f, false);
        EXPECT_EQ(f.indicators[0].level1, category::cost) << "a cost label follows it";
        EXPECT_EQ(f.indicators[0].level2, subcategory::economic_cost);
    }
}

TEST(positional_levels, rows_above_the_first_level_1_take_it_from_below) {
    document d("数量指标\n产出指标\t质量指标\n");
    std::vector<pos::raw_indicator> raws;
    raws.push_back(raw({&d.cell(0, 0)}, "甲", "5"));
    raws.push_back(raw({&d.cell(1, 0), &d.cell(1, 1)}, "乙", "5"));
    form f;
    pos::finish_indicators(d.ctx, raws, f, false);
    EXPECT_EQ(f.indicators[0].level1, category::output);
    EXPECT_EQ(f.indicators[0].level1_text, "产出指标");
    const io::import_note* n = d.find("label_from_below");
    ASSERT_NE(n, nullptr);
    EXPECT_EQ(n->indicator, 0U);
}

TEST(positional_levels, rows_before_a_page_break_that_weigh_like_the_next_block_take_its_label) {
    document d("产出指标\t数量指标\n质量指标\n");
    std::vector<pos::raw_indicator> raws;
    raws.push_back(raw({&d.cell(0, 0), &d.cell(0, 1)}, "甲", "5"));
    raws.push_back(raw({}, "乙", "3"));
    raws.push_back(raw({&d.cell(1, 0)}, "丙", "3", true));
    form f;
    pos::finish_indicators(d.ctx, raws, f, false);
    EXPECT_EQ(f.indicators[1].level2, subcategory::quality);
    const io::import_note* n = d.find("label_from_next_page");
    ASSERT_NE(n, nullptr);
    EXPECT_EQ(n->indicator, 1U);

    // The same rows weighing like the row above keep its label.
    std::vector<pos::raw_indicator> same;
    same.push_back(raw({&d.cell(0, 0), &d.cell(0, 1)}, "甲", "3"));
    same.push_back(raw({}, "乙", "3"));
    same.push_back(raw({&d.cell(1, 0)}, "丙", "3", true));
    form g;
    pos::finish_indicators(d.ctx, same, g, false);
    EXPECT_EQ(g.indicators[1].level2, subcategory::quantity);
}

TEST(positional_table, the_header_repeated_on_a_new_page_keeps_the_target_split_over_columns) {
    // 指标性质 | 指标值 | 度量单位: 指标值 is the number part of the target, on the first page and
    // after the header printed again on the next.
    const std::string header = "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t实际完成值\t分值\t得分\n";
    document d(header + "产出指标\t数量指标\t甲\t>=\t90\t%\t95%\t5\t5\n\n" + header + "\t\t乙\t>=\t80\t%\t85%\t5\t5\n");
    form f;
    bool saw_total = false;
    (void)pos::read_table(d.ctx, d.rows, 0, d.rows.size(), f, saw_total);
    ASSERT_EQ(f.indicators.size(), 2U);
    EXPECT_EQ(f.indicators[0].target.text, ">=90%");
    EXPECT_EQ(f.indicators[1].name, "乙");
    EXPECT_EQ(f.indicators[1].target.text, ">=80%") << "the value column is still the target's number";
    EXPECT_EQ(d.count("header_repeated"), 1U);
}

TEST(positional_table, a_two_row_header_repeated_on_a_new_page_keeps_the_target_split_over_columns) {
    const std::string header =
        "一级指标\t二级指标\t三级指标\t年度指标值\t\t\t实际完成值\t分值\t得分\n"
        "\t\t\t指标性质\t指标值\t度量单位\n";
    document d(header + "产出指标\t数量指标\t甲\t>=\t90\t%\t95%\t5\t5\n\n" + header + "\t\t乙\t>=\t80\t%\t85%\t5\t5\n");
    form f;
    bool saw_total = false;
    (void)pos::read_table(d.ctx, d.rows, 0, d.rows.size(), f, saw_total);
    ASSERT_EQ(f.indicators.size(), 2U) << "the repeated row of sub-labels is no indicator";
    EXPECT_EQ(f.indicators[0].target.text, ">=90%");
    EXPECT_EQ(f.indicators[1].name, "乙");
    EXPECT_EQ(f.indicators[1].target.text, ">=80%");
    EXPECT_EQ(d.open_cells(), 0U);
}
