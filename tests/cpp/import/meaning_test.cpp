// The recognizer by meaning (docs/import.md, "Layout families"): forms of other localities in
// every text shape (pipe tables, one cell per line with pipe rows, cells joined by spaces, cells
// run together), the layout families as data, and forms of other kinds refused by name.
// The fixtures in tests/data/import/families/ were written for these tests in each layout.
#include <jixiao/io/import.hpp>
#include <jixiao/io/layouts.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace io = jixiao::io;
using jixiao::category;
using jixiao::errc;
using jixiao::form;
using jixiao::funds_column;
using jixiao::funds_row;
using jixiao::money_unit;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(JIXIAO_TEST_DATA_DIR) + "/import/families/" + name, std::ios::binary);
    EXPECT_TRUE(in.good()) << name;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

io::import_result import_ok(const std::string& name) {
    io::import_options o;
    o.source_name = name;
    auto r = io::import_text(fixture(name), o);
    EXPECT_TRUE(r.has_value()) << name << ": " << (r.has_value() ? "" : r.error().describe());
    return r.has_value() ? *r : io::import_result{};
}

struct expected_indicator {
    std::string_view name, target, actual, weight, score;
};

void expect_indicators(const form& f, const std::vector<expected_indicator>& want) {
    ASSERT_EQ(f.indicators.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        const auto& ind = f.indicators[i];
        EXPECT_EQ(ind.name, want[i].name) << i;
        EXPECT_EQ(ind.target.text, want[i].target) << ind.name;
        EXPECT_EQ(ind.actual.text, want[i].actual) << ind.name;
        EXPECT_EQ(ind.weight.text, want[i].weight) << ind.name;
        EXPECT_EQ(ind.score.text, want[i].score) << ind.name;
    }
}

std::string total_cell(const form& f, funds_column c) { return f.money.at(funds_row::total, c).text; }

bool every_cell_accounted_for(const io::import_result& r) {
    std::size_t unmapped = 0;
    for (const auto& n : r.report.notes) unmapped += n.kind == io::note_kind::unmapped ? 1 : 0;
    return r.report.cells_mapped <= r.report.cells_total &&
           (r.report.cells_mapped == r.report.cells_total || unmapped > 0);
}

}  // namespace

TEST(import_by_meaning, reads_a_pipe_table_with_core_marks_sub_rows_and_the_unit_in_the_next_cell) {
    const auto r = import_ok("transfer-pipe.txt");
    ASSERT_EQ(r.forms.size(), 1u);
    const form& f = r.forms[0];
    EXPECT_EQ(f.title, "绩效目标自评表");
    EXPECT_EQ(f.year, 2024);
    EXPECT_EQ(f.project_name, "东湖村饮水安全巩固提升工程");
    EXPECT_EQ(f.department, "县水利局");
    EXPECT_EQ(f.implementing_unit, "东湖镇人民政府");
    EXPECT_EQ(f.money.unit, money_unit::ten_thousand_yuan);  // `资金情况 | (万元)`
    EXPECT_EQ(total_cell(f, funds_column::full_year_budget), "120.5");
    EXPECT_EQ(total_cell(f, funds_column::executed), "118.3");
    EXPECT_EQ(f.money.execution_rate.text, "98.17%");
    EXPECT_EQ(f.money.score.text, "9.82");
    EXPECT_EQ(f.annual_goal.expected, "巩固提升3个村的饮水安全");
    expect_indicators(f, {{"★新建改造供水管网长度", "≥12公里", "12.6公里", "20", "20"},
                          {"其中主管网长度", "4公里", "4.2公里", "", ""},  // 其中: no weight of its own
                          {"工程验收合格率", "100%", "100%", "15", "15"},
                          {"工程完工时间", "2024年11月底前", "2024年11月", "15", "15"},
                          {"受益人口数量", "≥2000人", "2100人", "30", "30"},
                          {"受益群众满意度", "≥90%", "95%", "10", "10"}});
    EXPECT_EQ(f.indicators[0].level1, category::output);
    EXPECT_EQ(f.indicators[0].level1_text, "产出指标");  // printed spaced out, with (50分)
    EXPECT_EQ(f.indicators[5].level1, category::satisfaction);
    EXPECT_EQ(f.total_weight.text, "100");
    EXPECT_EQ(f.total_score.text, "99.82");
    EXPECT_TRUE(every_cell_accounted_for(r));
}

TEST(import_by_meaning, reads_one_cell_per_line_with_rows_of_pipes) {
    const auto r = import_ok("transfer-lines.txt");
    ASSERT_EQ(r.forms.size(), 1u);
    const form& f = r.forms[0];
    EXPECT_EQ(f.project_name, "农村低保资金");
    EXPECT_EQ(total_cell(f, funds_column::full_year_budget), "56");
    EXPECT_EQ(f.money.weight.text, "10");
    expect_indicators(f, {{"★低保发放人数(按月平均)", ">=1200人", "1180人", "25", "24.58"},
                          {"低保标准", ">=600元/人*月", "620元/人*月", "25", "25"},
                          {"困难群众基本生活保障率", "100%", "100%", "30", "30"},
                          {"受助对象满意度", ">=90%", "93%", "10", "10"}});
    EXPECT_EQ(f.indicators[0].deviation_note, "动态管理,人数有进有出");
    EXPECT_EQ(f.indicators[3].level1, category::satisfaction);
}

TEST(import_by_meaning, reads_cells_joined_by_spaces_on_one_line) {
    const auto r = import_ok("national-space-joined.txt");
    ASSERT_EQ(r.forms.size(), 1u);
    const form& f = r.forms[0];
    EXPECT_EQ(f.project_name, "老年人健康体检");
    EXPECT_EQ(f.money.unit, money_unit::ten_thousand_yuan);
    EXPECT_EQ(total_cell(f, funds_column::initial_budget), "80");
    EXPECT_EQ(total_cell(f, funds_column::executed), "76");
    EXPECT_EQ(f.money.execution_rate.text, "95%");
    expect_indicators(f, {{"指标1:老年人体检人数", "8000人", "7600人", "20", "19"},
                          {"指标2:体检报告发放率", "100%", "100%", "20", "20"},
                          {"指标3:体检结果录入率", "≥95%", "98%", "10", "10"},
                          {"指标4:慢性病早发现人数", "≥200人", "260人", "30", "30"},
                          {"指标5:体检对象满意度", "≥90%", "96%", "10", "10"}});
    EXPECT_EQ(f.total_score.text, "98.5");
    EXPECT_FALSE(r.report.reader_notes.empty());  // says it read by meaning and split cells
}

TEST(import_by_meaning, reads_cells_run_together_and_splits_figures_only_where_the_arithmetic_allows_one_reading) {
    const auto r = import_ok("county-run-together.txt");
    ASSERT_EQ(r.forms.size(), 1u);
    const form& f = r.forms[0];
    EXPECT_EQ(f.year, 2022);
    EXPECT_EQ(f.department, "示例县农业农村局");
    EXPECT_EQ(f.implementing_unit, "示例县种子站");
    expect_indicators(f, {{"种子储备到位率", "100%", "100%", "", ""},
                          {"种子发芽率达标率", "95%", "97%", "", ""},
                          {"储备资金拨付及时率", "100%", "100%", "", ""}});
    // `50.0050.00100%`: 50.00 | 50.00 | 100% is the only split in which the rate is B / A
    EXPECT_EQ(total_cell(f, funds_column::full_year_budget), "50.00");
    EXPECT_EQ(total_cell(f, funds_column::executed), "50.00");
    EXPECT_EQ(f.money.execution_rate.text, "100%");
    const bool noted = std::any_of(r.report.notes.begin(), r.report.notes.end(), [](const io::import_note& n) {
        return n.code == "figures_split_by_arithmetic" && n.text.find("50.0050.00100%") != std::string::npos;
    });
    EXPECT_TRUE(noted);

    // `1111100%` reads as 1 | 11 | 1100% and as 11 | 11 | 100%: nothing is guessed, the text is reported
    std::string text = fixture("county-run-together.txt");
    const std::size_t at = text.find("50.0050.00100%");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, std::string("50.0050.00100%").size(), "1111100%");
    io::import_options o;
    auto ambiguous = io::import_text(text, o);
    ASSERT_TRUE(ambiguous.has_value());
    EXPECT_EQ(total_cell(ambiguous->forms.at(0), funds_column::full_year_budget), "");
    const bool reported = std::any_of(ambiguous->report.notes.begin(), ambiguous->report.notes.end(), [](const io::import_note& n) {
        return n.kind == io::note_kind::unmapped && n.text.find("1111100%") != std::string::npos;
    });
    EXPECT_TRUE(reported);
}

TEST(import_by_meaning, joins_the_pages_of_a_document_site_and_drops_their_numbers) {
    // a document site prints each page as one run-together line starting `1、`, `2、`, `3、`; the
    // pages break inside values (`12次1` | `2、2次` is 12次, `≥95%9` | `3、7%` is 97%)
    const auto r = import_ok("county-site-pages.txt");
    ASSERT_EQ(r.forms.size(), 1u);
    const form& f = r.forms[0];
    EXPECT_EQ(f.project_name, "农村饮水安全维修养护");  // 负责人及电话 ends the name
    EXPECT_EQ(f.department, "示例县水利局");
    // `120.5120.5100%`: 120.512 | 0.510 | 0% holds too, but only 100% is exactly B / A
    EXPECT_EQ(total_cell(f, funds_column::full_year_budget), "120.5");
    EXPECT_EQ(total_cell(f, funds_column::executed), "120.5");
    EXPECT_EQ(f.money.execution_rate.text, "100%");
    expect_indicators(f, {{"维修供水工 程处数", "≥40处", "42处", "", ""},
                          {"水质检测次数", "12次", "12次", "", ""},
                          {"维修工程验收合 格率", "100%", "100%", "", ""},
                          {"水源地巡查覆盖率", "100%", "100%", "", ""},
                          {"维修任务按时完 成率", "≥95%", "98%", "", ""},
                          {"农村集中供水率", "≥90%", "92%", "", ""},
                          // rows run together with no unit between: `…发生数0起0起停水投诉件数00`
                          {"供水安全事故发生数", "0起", "0起", "", ""},
                          {"停水投诉件数", "0", "0", "", ""},
                          {"供水设施完好率", "≥95%", "97%", "", ""},
                          {"用水户满意度", "≥90%", "95%", "", ""}});
    // labels spaced by the cell wraps (`质量 指标`, `社会 效益 指标`) are read where they stand
    EXPECT_EQ(f.indicators[2].level2, jixiao::subcategory::quality);
    EXPECT_EQ(f.indicators[4].level2, jixiao::subcategory::timeliness);
    EXPECT_EQ(f.indicators[5].level1, category::effect);
    // every page number is a repair at its own line, and every cell is accounted for
    std::vector<std::pair<std::string, std::size_t>> pages;
    for (const io::import_note& n : r.report.notes) {
        if (n.code == "page_number_dropped") pages.emplace_back(n.text, n.where.line);
    }
    EXPECT_EQ(pages, (std::vector<std::pair<std::string, std::size_t>>{{"1、", 3}, {"2、", 4}, {"3、", 5}}));
    EXPECT_TRUE(every_cell_accounted_for(r));
    // the run-together funds figures were read, not reported
    for (const io::import_note& n : r.report.notes) {
        if (n.kind == io::note_kind::unmapped && n.text.find("120.5") != std::string::npos) ADD_FAILURE() << n.text;
    }
}

TEST(import_by_meaning, a_title_cited_in_a_document_sites_blurb_starts_no_form) {
    // `《…自评表单位名称….docx》由会员分享…《…自评表单位名称….docx(2页珍藏版)》`: the labels inside the
    // file name split the blurb, but the titles in it are citations of the document
    std::string text = fixture("exec20-run-together.txt");
    text = "2023年度项目自评表单位名称示例区农业农村局.docx\n"
           "《2023年度项目自评表单位名称示例区农业农村局.docx》由会员分享,可在线阅读,更多相关《2023年度项目自评表单位名称示例区农业农村局.docx(2页珍藏版)》请在示例文库上搜索。\n" +
           text.substr(text.find('\n') + 1);
    io::import_options o;
    auto r = io::import_text(text, o);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 1u);
    EXPECT_EQ(r->forms[0].project_name, "高标准农田建设管护");
    EXPECT_EQ(r->forms[0].indicators.size(), 4u);
}

TEST(import_by_meaning, a_scrambled_vertical_label_and_figures_no_rule_splits_are_reported_not_read) {
    // `…实际完成值(B)得分出标产指数量指标…`: 得分 (two characters) is read as the header's last
    // column because it follows another of its labels; 出标产指 (a vertical 产出指标 scrambled)
    // stands between the header and a level label: no indicator. `受益农户数1201` may be
    // 1 | 201, 12 | 01 …: the name is read, the figures are reported
    const auto r = import_ok("exec20-scrambled.txt");
    ASSERT_EQ(r.forms.size(), 1u);
    const form& f = r.forms[0];
    expect_indicators(f, {{"管护农田面积", "≥5000亩", "5200亩", "", "20"},
                          {"管护设施完好率", "≥95%", "97%", "", "20"},
                          {"亩均粮食增产", "≥50公斤", "55公斤", "", "10"},
                          {"受益农户数", "", "", "", ""},
                          {"农户满意度", "≥90%", "94%", "", "20"}});
    std::vector<std::string> reported;
    for (const io::import_note& n : r.report.notes) {
        if (n.kind == io::note_kind::unmapped) reported.push_back(n.text);
    }
    EXPECT_NE(std::find(reported.begin(), reported.end(), "出标产指"), reported.end());
    EXPECT_NE(std::find(reported.begin(), reported.end(), "1201"), reported.end());
}

TEST(import_by_meaning, numbered_paragraphs_are_not_pages) {
    // short lines numbered 1、2、 (notes under a form) are text, not a document site's pages
    std::string text = fixture("county-run-together.txt");
    text += "\n1、本表资金为县级专项资金。\n2、指标完成情况以年终统计为准。\n";
    io::import_options o;
    auto r = io::import_text(text, o);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    for (const io::import_note& n : r->report.notes) EXPECT_NE(n.code, "page_number_dropped") << n.text;
    const bool kept = std::any_of(r->report.notes.begin(), r->report.notes.end(), [](const io::import_note& n) {
        return n.text.find("2、指标完成情况") != std::string::npos;
    });
    EXPECT_TRUE(kept);  // in the report as printed, number and all
}

TEST(import_by_meaning, sub_rows_under_side_by_side_pairs_take_the_column_of_their_pair) {
    // 预算数 30.00 到位数 28.00 执行数 27.00 90.00, then 其中:财政资金 printed once per pair
    const auto r = import_ok("hebei-paired-funds.txt");
    ASSERT_EQ(r.forms.size(), 1u);
    const form& f = r.forms[0];
    EXPECT_EQ(total_cell(f, funds_column::full_year_budget), "30.00");
    EXPECT_EQ(total_cell(f, funds_column::executed), "27.00");
    EXPECT_EQ(f.money.execution_rate.text, "90.00");
    EXPECT_EQ(f.money.at(funds_row::current_appropriation, funds_column::full_year_budget).text, "25.00");
    EXPECT_EQ(f.money.at(funds_row::current_appropriation, funds_column::executed).text, "23.00");
    EXPECT_EQ(f.money.scoring_at(funds_row::current_appropriation, jixiao::funds_score_column::execution_rate).text, "");
    EXPECT_EQ(f.money.at(funds_row::other, funds_column::full_year_budget).text, "5.00");
    EXPECT_EQ(f.money.at(funds_row::other, funds_column::executed).text, "4.00");
    // 到位数 has no field in the form: its figures are in the report, never in another column
    std::vector<std::string> unmapped;
    for (const io::import_note& n : r.report.notes) {
        if (n.kind == io::note_kind::unmapped && (n.where.line == 4 || n.where.line == 5 || n.where.line == 6)) unmapped.push_back(n.text);
    }
    EXPECT_EQ(unmapped, (std::vector<std::string>{"到位数", "28.00", "24.00", "4.00"}));
}

TEST(import_by_meaning, a_header_run_on_one_line_takes_the_figures_after_it_even_after_a_pair) {
    // `年初预算 数 12 … 全年预算数 全年执行数 分值 执行率 得分 15 14.25 10 95% 9.5 15 14.25 — 95% —`
    const auto r = import_ok("national-joined-funds.txt");
    ASSERT_EQ(r.forms.size(), 1u);
    const form& f = r.forms[0];
    EXPECT_EQ(total_cell(f, funds_column::initial_budget), "12");  // printed by its label
    EXPECT_EQ(total_cell(f, funds_column::full_year_budget), "15");
    EXPECT_EQ(total_cell(f, funds_column::executed), "14.25");
    EXPECT_EQ(f.money.weight.text, "10");
    EXPECT_EQ(f.money.execution_rate.text, "95%");
    EXPECT_EQ(f.money.score.text, "9.5");
    // the figures of the next row on the same line are reported, not placed
    std::size_t reported = 0;
    for (const io::import_note& n : r.report.notes) reported += n.kind == io::note_kind::unmapped && n.where.line == 1 ? 1 : 0;
    EXPECT_EQ(reported, 5u);
    expect_indicators(f, {{"补助村卫生室数", "≥30个", "32个", "50", "50"}, {"村民满意度", "≥90%", "93%", "40", "40"}});
}

TEST(import_by_meaning, keeps_the_scoring_criteria_of_a_pdf_dump_out_of_the_indicators) {
    // the Hubei form dumped from a PDF: 分值 / 自评分 before the first row, 复核分 / 评价标准及依据
    // after it, the criteria prose between the rows, 项目管理 10 分 printed after its first row
    const auto r = import_ok("hubei-criteria-joined.txt");
    ASSERT_EQ(r.forms.size(), 1u);
    const form& f = r.forms[0];
    EXPECT_EQ(f.layout, "hubei");
    EXPECT_EQ(f.total_score.text, "92");
    expect_indicators(f, {{"决策依据", "", "", "3", "3"},
                          {"资金管理", "", "", "4", "3"},
                          {"组织实施", "", "", "6", "6"},
                          {"目标申报", "", "", "5", "4"}});  // `— 2 —` before it is a page number
    // 项目决策 3 分 is full after 决策依据 (3): the next rows belong to 项目管理, printed later
    EXPECT_EQ(f.indicators[0].level1_text, "项目决策");
    for (std::size_t k = 1; k < 4; ++k) EXPECT_EQ(f.indicators[k].level1_text, "项目管理") << k;
    const bool relabelled = std::any_of(r.report.notes.begin(), r.report.notes.end(), [](const io::import_note& n) {
        return n.code == "label_from_points" && n.indicator == std::optional<std::size_t>(1);
    });
    EXPECT_TRUE(relabelled);
    // the criteria, as printed (commas and all), in each row's 评价标准 cell
    ASSERT_FALSE(f.indicators[2].extra.empty());
    EXPECT_EQ(f.indicators[2].extra.back().label, "评价标准");
    EXPECT_EQ(f.indicators[2].extra.back().text, "1、有实施方案 3 分; 2、按计划实施 3 分,滞后扣 1 分。");
    EXPECT_EQ(f.indicators[3].extra.back().text, "目标不规范扣 0.5 分,扣完为止。");
    const bool page = std::any_of(r.report.notes.begin(), r.report.notes.end(), [](const io::import_note& n) {
        return n.code == "page_number_dropped" && n.text == "— 2 —" && n.where.line == 4;
    });
    EXPECT_TRUE(page);

    // without a criteria column (备注 is none), a name with a comma or a leading figure stays a name
    std::string text = fixture("national-space-joined.txt");
    text.replace(text.find("分值 得分 产出指标"), std::string("分值 得分 产出指标").size(), "分值 得分 备注 产出指标");
    text.replace(text.find("指标2:体检报告发放率"), std::string("指标2:体检报告发放率").size(), "1.5万份体检报告发放率,回收率");
    auto plain = io::import_text(text, io::import_options{});
    ASSERT_TRUE(plain.has_value()) << plain.error().describe();
    ASSERT_EQ(plain->forms.at(0).indicators.size(), 5u);
    EXPECT_EQ(plain->forms[0].indicators[1].name, "1.5万份体检报告发放率,回收率");
    EXPECT_EQ(plain->forms[0].indicators[1].score.text, "20");
}

TEST(import_by_meaning, a_sub_header_that_names_weight_and_score_again_holds_them) {
    // 自评得分 over 单项指标得分 | 权重占比(%) | 单项指标折算得分: the weight is 权重占比, the score the
    // 折算得分; the score out of 100 and the text under 指标分值 stay in labelled extra cells
    const auto r = import_ok("hebei-two-level.txt");
    ASSERT_EQ(r.forms.size(), 1u);
    const form& f = r.forms[0];
    expect_indicators(f, {{"签约居民人数", ">= 35 %(百分比)", "36%", "50.00", "50.00"},
                          {"签约居民满意度", ">= 90 %(百分比)", "88%", "40.00", "36.00"}});
    const auto& extra = f.indicators[1].extra;
    auto has = [&](std::string_view label, std::string_view text) {
        return std::any_of(extra.begin(), extra.end(), [&](const jixiao::extra_cell& e) { return e.label == label && e.text == text; });
    };
    EXPECT_TRUE(has("指标分值", "抽样调查的满意程度"));
    EXPECT_TRUE(has("单项指标完成情况", "未完成"));
    EXPECT_TRUE(has("自评得分", "90.00"));
    // without a sub-header, 指标分值 is the weight (hebei-lines.txt)
    const auto plain = import_ok("hebei-lines.txt");
    EXPECT_EQ(plain.forms.at(0).indicators.at(0).weight.text, "40.00");
}

TEST(import_by_meaning, funds_sources_printed_as_columns_leave_budget_and_executed_to_the_rate) {
    // 中央 | 省、地 | 本级 | 其他 | 合计 | 执行数 | 执行率 with 120 | 120 | 114 | 95%: 合计 is the
    // Hubei form's budget column (a total row elsewhere), and of the amounts the budget and the
    // executed amount are the pair whose ratio is the rate (114 / 120 = 95%)
    const auto r = import_ok("hubei-sources-pipe.txt");
    ASSERT_EQ(r.forms.size(), 1u);
    const form& f = r.forms[0];
    EXPECT_EQ(f.layout, "hubei");
    EXPECT_EQ(total_cell(f, funds_column::full_year_budget), "120");
    EXPECT_EQ(total_cell(f, funds_column::executed), "114");
    EXPECT_EQ(f.money.execution_rate.text, "95%");
    std::size_t reported = 0;
    for (const io::import_note& n : r.report.notes) reported += n.kind == io::note_kind::unmapped && n.where.line == 4 ? 1 : 0;
    EXPECT_EQ(reported, 1u);  // the 本级 figure: no field of its own
    EXPECT_EQ(f.total_score.text, "90");
    ASSERT_EQ(f.indicators.size(), 3u);
    EXPECT_EQ(f.indicators[1].weight.text, "10");
    EXPECT_EQ(f.indicators[1].score.text, "8");
    // in a form of another family 合计 stays the total row of the funds block
    std::string text = fixture("transfer-pipe.txt");
    text.replace(text.find("年度资金总额"), std::string("年度资金总额").size(), "合计");
    auto transfer = io::import_text(text, io::import_options{});
    ASSERT_TRUE(transfer.has_value()) << transfer.error().describe();
    const form& t = transfer->forms.at(0);
    EXPECT_EQ(total_cell(t, funds_column::full_year_budget), "120.5");
    EXPECT_EQ(total_cell(t, funds_column::executed), "118.3");
    EXPECT_EQ(t.money.score.text, "9.82");
}

TEST(import_by_meaning, two_names_printed_before_their_values_get_their_own_values) {
    // `指标1:… 指标2:… 8000人 7600人 20 19 100% 100% 20 20`: the dump printed both names first
    const auto r = import_ok("national-two-rows-joined.txt");
    ASSERT_EQ(r.forms.size(), 1u);
    const std::vector<expected_indicator> want{{"指标1:老年人体检人数", "8000人", "7600人", "20", "19"},
                                               {"指标2:体检报告发放率", "100%", "100%", "20", "20"},
                                               {"指标3:体检结果录入率", "≥95%", "98%", "10", "10"},
                                               {"指标4:慢性病早发现人数", "≥200人", "260人", "30", "30"},
                                               {"指标5:体检对象满意度", "≥90%", "96%", "10", "10"}};
    expect_indicators(r.forms[0], want);
    const bool noted = std::any_of(r.report.notes.begin(), r.report.notes.end(), [](const io::import_note& n) {
        return n.code == "values_of_two_rows" && n.indicator == std::optional<std::size_t>(1);
    });
    EXPECT_TRUE(noted);
    // across a level label too: 指标3 keeps 产出指标, 指标4 takes 效益指标
    std::string text = fixture("national-space-joined.txt");
    const std::string from = "指标3:体检结果录入率 ≥95% 98% 10 10 效益指标 社会效益指标 指标4:慢性病早发现人数 ≥200人 260人 30 30";
    const std::string to = "指标3:体检结果录入率 效益指标 社会效益指标 指标4:慢性病早发现人数 ≥95% 98% 10 10 ≥200人 260人 30 30";
    ASSERT_NE(text.find(from), std::string::npos);
    text.replace(text.find(from), from.size(), to);
    auto across = io::import_text(text, io::import_options{});
    ASSERT_TRUE(across.has_value()) << across.error().describe();
    expect_indicators(across->forms.at(0), want);
    EXPECT_EQ(across->forms[0].indicators[2].level1, category::output);
    EXPECT_EQ(across->forms[0].indicators[3].level1, category::effect);
    // a row whose values are missing keeps none when no second group follows
    const auto plain = import_ok("national-space-joined.txt");
    for (const io::import_note& n : plain.report.notes) EXPECT_NE(n.code, "values_of_two_rows");
}

TEST(import_by_meaning, reads_the_hebei_layout_with_labels_beside_their_figures) {
    const auto r = import_ok("hebei-lines.txt");
    ASSERT_EQ(r.forms.size(), 1u);
    const form& f = r.forms[0];
    EXPECT_EQ(f.project_name, "困难残疾人生活补贴");
    EXPECT_EQ(f.implementing_unit, "示例县民政局");
    EXPECT_EQ(f.money.unit, money_unit::ten_thousand_yuan);  // 金额单位: 万元
    EXPECT_EQ(total_cell(f, funds_column::full_year_budget), "48.6");
    EXPECT_EQ(total_cell(f, funds_column::executed), "47.2");
    EXPECT_EQ(f.money.execution_rate.text, "97.12");
    expect_indicators(f, {{"补贴发放人数", "≥800人", "812人", "40.00", "40.00"},
                          {"残疾人生活水平改善率", "≥90%", "92%", "40.00", "40.00"},
                          // a name spelled like a level-2 label, a target printed in pieces
                          {"服务对象满意度", ">= 90 %(百分比)", "95%", "20.00", "20.00"}});
    EXPECT_EQ(f.indicators[2].level1, category::satisfaction);
}

/// The Sichuan 部门预算项目支出绩效自评表 read in one shape; every shape gives the same funds.
form sichuan_form(const std::string& name, const io::import_result& r) {
    EXPECT_EQ(r.forms.size(), 1u) << name;  // the tail of a form before the title is no form
    if (r.forms.empty()) return {};
    const form& f = r.forms[0];
    EXPECT_EQ(f.title, "部门预算项目支出绩效自评表(2024年度)") << name;
    EXPECT_EQ(f.year, 2024) << name;
    EXPECT_EQ(f.project_name, "51012224T000012345678-2024年城乡环境卫生保洁经费") << name;
    EXPECT_EQ(f.department, "某县住房和城乡建设局") << name;
    EXPECT_EQ(f.implementing_unit, "某县环境卫生服务中心") << name;
    EXPECT_EQ(f.money.unit, money_unit::ten_thousand_yuan) << name;  // 年度预算数(万元)
    EXPECT_EQ(total_cell(f, funds_column::initial_budget), "80.00") << name;     // 年初预算
    EXPECT_EQ(total_cell(f, funds_column::full_year_budget), "86.50") << name;   // 调整后预算数
    EXPECT_EQ(total_cell(f, funds_column::executed), "84.20") << name;           // 预算执行数
    EXPECT_EQ(f.money.execution_rate.text, "97.34%") << name;
    EXPECT_EQ(f.money.weight.text, "10") << name;                                // 权重
    EXPECT_EQ(f.money.score.text, "9.73") << name;
    EXPECT_EQ(f.money.at(funds_row::current_appropriation, funds_column::executed).text, "84.20") << name;  // 其中:财政资金
    EXPECT_EQ(f.total_weight.text, "100") << name;
    return f;
}

TEST(import_by_meaning, reads_the_sichuan_layout_with_targets_in_three_columns_in_every_shape) {
    for (const char* name : {"sichuan-pipe.txt", "sichuan-lines.txt"}) {
        const auto r = import_ok(name);
        const form f = sichuan_form(name, r);
        // 指标性质 | 指标值 | 度量单位 folded back into one value; 定性 is no part of the value
        expect_indicators(f, {{"清扫保洁面积", "≥120万平方米", "120", "30", "30"},
                              {"垃圾清运及时率", "=100%", "100", "20", "20"},
                              {"保洁作业成本", "≤86.5万元", "84.2", "10", "10"},
                              {"城区环境卫生改善", "明显改善", "明显改善", "20", "18"},
                              {"群众满意度", "≥90%", "92", "10", "10"}});
        if (f.indicators.size() != 5) continue;
        EXPECT_EQ(f.indicators[2].level1, category::cost) << name;
        EXPECT_EQ(f.indicators[3].deviation_note, "个别路段有反弹") << name;  // 未完成原因分析
        EXPECT_EQ(f.indicators[4].level1, category::satisfaction) << name;
        EXPECT_EQ(f.annual_goal.expected, "保障城区道路清扫保洁，垃圾日产日清。") << name;  // 项目年度目标
        EXPECT_EQ(f.total_score.text, "97.73") << name;
        const bool folded = std::any_of(r.report.notes.begin(), r.report.notes.end(),
                                        [](const io::import_note& n) { return n.code == "target_folded"; });
        EXPECT_TRUE(folded) << name;
        EXPECT_TRUE(every_cell_accounted_for(r)) << name;
    }
}

TEST(import_by_meaning, reads_a_sichuan_pdf_dump_with_labels_names_and_targets_run_together) {
    // `产出指标数量指标清扫保洁面积≥120万平方米 120 30 30 质量指标…`, `合计100 100`
    const auto r = import_ok("sichuan-pdf.txt");
    const form f = sichuan_form("sichuan-pdf.txt", r);
    expect_indicators(f, {{"清扫保洁面积", "≥120万平方米", "120", "30", "30"},
                          {"垃圾清运及时率", "=100%", "100", "20", "20"},
                          {"保洁作业成本", "≤86.5万元", "84.2", "10", "10"},
                          {"群众环境卫生投诉下降率", "≥10%", "12", "20", "20"},
                          {"群众满意度", "≥90%", "92", "10", "10"}});
    if (f.indicators.size() == 5) {
        EXPECT_EQ(f.indicators[1].level2_text, "质量指标");
        EXPECT_EQ(f.indicators[3].level1, category::effect);
    }
    EXPECT_EQ(f.total_score.text, "100");
}

/// Replaces every `from` in `text` with `to`.
std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

/// The figures and categories of two readings of one form agree (their printed texts may not).
void expect_same_figures(const form& a, const form& b) {
    ASSERT_EQ(a.indicators.size(), b.indicators.size());
    for (std::size_t i = 0; i < a.indicators.size(); ++i) {
        EXPECT_EQ(a.indicators[i].level1, b.indicators[i].level1) << i;
        EXPECT_EQ(a.indicators[i].level2, b.indicators[i].level2) << i;
        EXPECT_EQ(a.indicators[i].target.text, b.indicators[i].target.text) << i;
        EXPECT_EQ(a.indicators[i].actual.text, b.indicators[i].actual.text) << i;
        EXPECT_EQ(a.indicators[i].weight.text, b.indicators[i].weight.text) << i;
        EXPECT_EQ(a.indicators[i].score.text, b.indicators[i].score.text) << i;
    }
    EXPECT_EQ(a.money, b.money);
    EXPECT_EQ(a.total_score.text, b.total_score.text);
}

bool has_reader_note(const io::import_result& r, std::string_view part) {
    return std::any_of(r.report.reader_notes.begin(), r.report.reader_notes.end(),
                       [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

TEST(import_by_meaning, pinyin_glosses_are_ignored_in_labels_and_kept_in_the_text) {
    const auto plain = import_ok("transfer-pipe.txt");
    // a mirror site's text: 项(xiàng)目名称, 执(zhí)行率, 指标(biāo)
    std::string glossed = replace_all(fixture("transfer-pipe.txt"), "项", "项(xiàng)");
    glossed = replace_all(glossed, "执", "执(zhí)");
    glossed = replace_all(glossed, "标", "标(biāo)");
    auto r = io::import_text(glossed);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 1u);
    const form& f = r->forms[0];
    EXPECT_EQ(f.title, "绩效目标(biāo)自评表");  // printed as it is
    EXPECT_EQ(f.project_name, "东湖村饮水安全巩固提升工程");
    expect_same_figures(f, plain.forms.at(0));
    EXPECT_TRUE(has_reader_note(*r, "pinyin glosses"));
}

TEST(import_by_meaning, traditional_characters_are_read_as_labels_and_kept_as_printed) {
    if (!io::folds_traditional_characters()) GTEST_SKIP() << "built without OpenCC";
    const auto plain = import_ok("transfer-pipe.txt");
    const auto r = import_ok("transfer-traditional-glossed.txt");  // 項(xiàng)目名稱, 執(zhí)行率, 績(jì)效
    ASSERT_EQ(r.forms.size(), 1u);
    const form& f = r.forms[0];
    EXPECT_EQ(f.project_name, "東湖村飲水安全鞏固提升工程");  // the printed text, never converted
    EXPECT_EQ(f.department, "縣水利局");
    EXPECT_EQ(f.indicators.at(2).name, "工程驗收合格率");
    EXPECT_EQ(f.indicators.at(0).level1_text, "產出指標");
    expect_same_figures(f, plain.forms.at(0));
    EXPECT_TRUE(has_reader_note(r, "traditional characters"));
    EXPECT_TRUE(every_cell_accounted_for(r));
}

TEST(import_by_meaning, a_form_in_yuan_takes_its_unit_from_the_next_cell_and_reads_thousands_exactly) {
    const auto r = import_ok("national-yuan-pipe.txt");  // | 项目资金 | （元） | 年初预算数 | …
    ASSERT_EQ(r.forms.size(), 1u);
    const form& f = r.forms[0];
    EXPECT_EQ(f.money.unit, money_unit::yuan);
    const auto& budget = f.money.at(funds_row::total, funds_column::full_year_budget);
    EXPECT_EQ(budget.text, "1,350,000.00");  // as printed
    ASSERT_TRUE(budget.value.has_value());
    EXPECT_EQ(budget.value->to_string(), "1350000.00");  // exactly, scale kept
    expect_indicators(f, {{"免费开放文化站数量", "12个", "12个", "25", "25"},
                          {"年开放时间", "≥1500小时", "1620小时", "25", "25"},
                          {"群众文化活动参与人次", "≥30000人次", "28500人次", "30", "28.5"},
                          {"群众满意度", "≥90%", "93%", "10", "10"}});
    EXPECT_EQ(f.total_score.text, "98.00");

    // laid out like the national template, the positional recognizer read it; by meaning (what
    // happens when the caller gives layout families) the figures are the same
    io::import_options by_meaning;
    by_meaning.layouts = io::builtin_layouts();
    auto m = io::import_text(fixture("national-yuan-pipe.txt"), by_meaning);
    ASSERT_TRUE(m.has_value()) << m.error().describe();
    ASSERT_EQ(m->forms.size(), 1u);
    EXPECT_EQ(m->forms[0].money.unit, money_unit::yuan);
    expect_same_figures(m->forms[0], f);
}

TEST(import_by_meaning, reads_the_20_80_family_in_a_table_and_run_together_with_no_separator) {
    for (const char* name : {"exec20-pipe.txt", "exec20-run-together.txt"}) {
        const auto r = import_ok(name);
        ASSERT_EQ(r.forms.size(), 1u) << name;
        const form& f = r.forms[0];
        EXPECT_EQ(f.layout, "hubei") << name;  // scored by exec20-80 unless --rulebook says otherwise
        EXPECT_EQ(f.project_name, "高标准农田建设管护") << name;
        EXPECT_EQ(total_cell(f, funds_column::full_year_budget), "85.00") << name;  // 预算数(A)
        EXPECT_EQ(total_cell(f, funds_column::executed), "80.75") << name;
        EXPECT_EQ(f.money.execution_rate.text, "95%") << name;
        EXPECT_EQ(f.money.score.text, "19") << name;  // 得分(20分*执行率)
        EXPECT_EQ(f.total_score.text, "99") << name;  // `总分99` run together too
        // no 分值 column: the weight of an indicator is not printed, only its 得分
        const std::vector<expected_indicator> table{{"管护农田面积", "≥5000亩", "5200亩", "", "20"},
                                                    {"管护设施完好率", "≥95%", "97%", "", "20"},
                                                    {"管护任务完成时间", "2023年12月底前", "2023年12月", "", "10"},
                                                    {"亩均粮食增产", "≥50公斤", "55公斤", "", "10"},
                                                    {"农户满意度", "≥90%", "94%", "", "20"}};
        if (std::string_view(name) == "exec20-pipe.txt") {
            expect_indicators(f, table);
            continue;
        }
        // `管护农田面积≥5000亩5200亩20`: name and values split where units end each figure; the
        // time row (`…时间2023年12月底前2023年12月10`) has no such boundaries: reported, not guessed
        expect_indicators(f, {table[0], table[1], table[3], table[4]});
        const bool reported = std::any_of(r.report.notes.begin(), r.report.notes.end(), [](const io::import_note& n) {
            return n.kind == io::note_kind::unmapped && n.text.find("管护任务完成时间") != std::string::npos;
        });
        EXPECT_TRUE(reported);
    }
}

TEST(import_by_meaning, reads_a_department_wide_form_as_its_kind) {
    auto r = io::import_text(fixture("dept-overall.txt"));
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 1u);
    const form& f = r->forms[0];
    EXPECT_EQ(f.kind, jixiao::form_kind::department_self_evaluation);
    EXPECT_EQ(f.layout, "department");
    EXPECT_EQ(f.project_name, "示例县教育局");  // 部门名称: the subject of a department form
    EXPECT_EQ(f.year, 2023);
    EXPECT_EQ(total_cell(f, funds_column::initial_budget), "1200.5");
    EXPECT_EQ(total_cell(f, funds_column::full_year_budget), "1350.2");
    EXPECT_EQ(total_cell(f, funds_column::executed), "1300.1");
    EXPECT_EQ(f.money.weight.text, "10");
    EXPECT_EQ(f.money.execution_rate.text, "96.29%");
    EXPECT_EQ(f.money.score.text, "9.63");
}

TEST(import_by_meaning, reads_a_declaration_that_the_positional_layout_would_take_for_a_project_form) {
    auto r = io::import_text(fixture("declaration.txt"));
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 1u);
    const form& f = r->forms[0];
    EXPECT_EQ(f.kind, jixiao::form_kind::project_declaration);
    EXPECT_EQ(f.layout, "declaration");
    EXPECT_EQ(f.project_name, "示例项目");
    EXPECT_EQ(f.department, "示例局");
    EXPECT_EQ(total_cell(f, funds_column::initial_budget), "100");  // the funds requested
    EXPECT_TRUE(f.indicators.empty());
}

TEST(import_by_meaning, reads_the_lines_of_a_department_funds_block_beyond_its_rows) {
    // a department form one cell per line: `其中:基本支出:900.47` lines under the total
    const std::string text =
        "2023年度部门整体支出绩效自评表\n预算部门、单位名称\n示例乡人民政府\n年度预算申请\n(万元\n年初预算数\n全年预算数\n"
        "全年执行数\n分值\n执行率\n自评得分\n年度资金总额\n861.10\n2030.12\n2030.12\n10\n100%\n10\n"
        "按收入性质分:2030.12\n按支出性质分:1925.67\n其中:\n一般公共预算:1325.68\n其中:基本支出:900.47\n"
        "纳入专户管理的非税收入拨款:\n其他资金:585.62\n";
    auto r = io::import_text(text);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 1u);
    const form& f = r->forms[0];
    EXPECT_EQ(f.kind, jixiao::form_kind::department_self_evaluation);
    EXPECT_EQ(f.money.unit, money_unit::ten_thousand_yuan);  // `(万元` with its bracket cut
    EXPECT_EQ(f.money.score.text, "10");                      // 自评得分
    std::vector<std::pair<std::string, std::string>> lines;
    for (const jixiao::funds_line& l : f.money.breakdown) lines.emplace_back(l.label, l.at(funds_column::executed).text);
    EXPECT_EQ(lines, (std::vector<std::pair<std::string, std::string>>{{"按收入性质分", "2030.12"},
                                                                          {"按支出性质分", "1925.67"},
                                                                          {"其中:一般公共预算", "1325.68"},
                                                                          {"其中:基本支出", "900.47"},
                                                                          {"纳入专户管理的非税收入拨款", ""},
                                                                          {"其他资金", "585.62"}}));
    EXPECT_TRUE(every_cell_accounted_for(*r));
}

TEST(import_by_meaning, a_declaration_run_together_keeps_its_title_whole_and_reads_an_amount_with_its_unit) {
    // `项目绩效目标表` holds the level-1 label 项目绩效; `2021年度资金总额及构成` holds 年度资金总额
    const std::string text =
        "项目绩效目标表(2021年度)填报单位(盖章):示例镇人民政府 项目名称镇域内道路建设项目属性新增项目主管部门示例镇"
        "项目单位示例镇2021年度资金总额及构成总额10606.7522万元财政拨款:6923.3552万元\n";
    auto r = io::import_text(text);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 1u);
    const form& f = r->forms[0];
    EXPECT_EQ(f.kind, jixiao::form_kind::project_declaration);
    EXPECT_EQ(f.title, "项目绩效目标表");
    EXPECT_EQ(f.project_name, "镇域内道路建设");  // 项目属性 ends it (a header label jixiao keeps no field for)
    EXPECT_EQ(total_cell(f, funds_column::initial_budget), "10606.7522");
    EXPECT_EQ(f.money.unit, money_unit::ten_thousand_yuan);
    EXPECT_TRUE(std::any_of(r->report.notes.begin(), r->report.notes.end(),
                            [](const io::import_note& n) { return n.code == "funds_unit_in_amount"; }));
}

TEST(import_by_meaning, a_rubric_exported_without_a_title_starts_at_its_header) {
    const std::string text =
        "\"项目\",\"考核内容\",\"考核指标\",\"指标说明\",\"年度工作目标\",\"评分标准\",\"权数\",\"考评得分\"\n"
        "\"预算管理(60分)\",\"预算支出\",\"预算支出完成率\",\"反映预算支出完成情况\",\"1\",\"按完成比例计算得分\",\"20\",\"18\"\n"
        ",\"结转结余\",\"结转结余率\",\"反映结转结余控制\",\"0.09\",\"按完成比例计算得分\",\"20\",\"20\"\n";
    auto r = io::import_text(text);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 1u);
    const form& f = r->forms[0];
    EXPECT_EQ(f.kind, jixiao::form_kind::rubric_evaluation);
    EXPECT_EQ(f.layout, "rubric");
    ASSERT_EQ(f.indicators.size(), 2u);
    EXPECT_EQ(f.indicators[0].name, "预算支出完成率");
    EXPECT_EQ(f.indicators[0].level1_text, "预算管理");
    EXPECT_EQ(f.indicators[0].level2_text, "预算支出");
    EXPECT_EQ(f.indicators[0].target.text, "1");
    EXPECT_EQ(f.indicators[0].weight.text, "20");
    EXPECT_EQ(f.indicators[0].score.text, "18");
    EXPECT_EQ(f.indicators[1].level1_text, "预算管理");  // the merged cell above
    EXPECT_EQ(f.indicators[1].level2_text, "结转结余");
    EXPECT_EQ(f.indicators[1].target.text, "0.09");
}

TEST(import_by_meaning, a_rubric_whose_export_runs_its_rows_together_is_read_by_its_columns) {
    // a sheet saved as CSV by a site: the header and the first row on one line, the merged cells
    // (项目, 考核内容, 评分标准, 权数) left out of the rows below, explanations holding labels
    // (年初预算数, 实际完成) and formulas
    const std::string text =
        ", \"项目\",\"考核内容\",\"考核指标\",\"指标说明\",\"年度工作目标\",\"评分标准\",\"权数\",\"考评得分\" "
        "\"预算管理(60分)\",\"预算支出\",\"支出完成率\",\"支出完成率=本年支出完成数*100%/本年年初预算数,用以反映实际完成情况.\","
        "\"1\",\"按完成比例计算得分,满分为止.\",\"20\", ,\"结转结余\",\"结转结余率\",\"结转结余率=结转结余总额*100%/支出完成数,用以反映控制程度.\","
        "\"0.09\",\"二者择其一进行考核.\",\"20\", ,,\n"
        "\"结转结余变动率\",\"结转结余变动率=(本年结转结余-上年结转结余)*100%/上年结转结余,用以反映努力程度.\",\"-0.30\",,\n";
    auto r = io::import_text(text);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 1u);
    const form& f = r->forms[0];
    EXPECT_EQ(f.kind, jixiao::form_kind::rubric_evaluation);
    ASSERT_EQ(f.indicators.size(), 3u);
    const auto& a = f.indicators[0];
    EXPECT_EQ(a.level1_text, "预算管理");
    EXPECT_EQ(a.level2_text, "预算支出");
    EXPECT_EQ(a.name, "支出完成率");
    EXPECT_EQ(a.target.text, "1");
    EXPECT_EQ(a.weight.text, "20");
    ASSERT_EQ(a.extra.size(), 2u);
    EXPECT_EQ(a.extra[0].text, "支出完成率=本年支出完成数*100%/本年年初预算数,用以反映实际完成情况.");  // one cell, not split
    EXPECT_EQ(a.extra[1].text, "按完成比例计算得分,满分为止.");
    const auto& b = f.indicators[1];
    EXPECT_EQ(b.level1_text, "预算管理");  // merged over the rows below
    EXPECT_EQ(b.level2_text, "结转结余");
    EXPECT_EQ(b.name, "结转结余率");
    EXPECT_EQ(b.target.text, "0.09");
    EXPECT_EQ(b.weight.text, "20");
    const auto& c = f.indicators[2];
    EXPECT_EQ(c.level2_text, "结转结余");
    EXPECT_EQ(c.name, "结转结余变动率");
    EXPECT_EQ(c.target.text, "-0.30");  // the first figure is the target, the weight is the merged one above
    EXPECT_TRUE(c.weight.text.empty());
}

TEST(import_by_meaning, a_declarations_rows_run_together_split_at_the_explanation_each_name_has) {
    // name, 绩效标准 (反映…) and target run together, row after row
    const std::string text =
        "示例市2024年市直部门预算项目支出绩效目标表项目名称示例大楼运行保障项目类别本级支出项目"
        "一级指标二级指标绩效标准当年预期实现值数量指标大楼维修次数反映大楼全年维修情况280次大楼巡查次数反映大楼巡检情况200次"
        "质量指标维修验收合格率反映大楼维修质量情况>92%\n";
    auto r = io::import_text(text);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 1u);
    const form& f = r->forms[0];
    EXPECT_EQ(f.kind, jixiao::form_kind::project_declaration);
    EXPECT_EQ(f.project_name, "示例大楼运行保障");
    ASSERT_EQ(f.indicators.size(), 3u);
    const std::vector<std::array<std::string, 4>> want{{"数量指标", "大楼维修次数", "280次", "反映大楼全年维修情况"},
                                                       {"数量指标", "大楼巡查次数", "200次", "反映大楼巡检情况"},
                                                       {"质量指标", "维修验收合格率", ">92%", "反映大楼维修质量情况"}};
    for (std::size_t k = 0; k < want.size(); ++k) {
        const auto& ind = f.indicators[k];
        EXPECT_EQ(ind.level2_text, want[k][0]);
        EXPECT_EQ(ind.name, want[k][1]);
        EXPECT_EQ(ind.target.text, want[k][2]);
        ASSERT_EQ(ind.extra.size(), 1u) << ind.name;
        EXPECT_EQ(ind.extra[0].label, "绩效标准");
        EXPECT_EQ(ind.extra[0].text, want[k][3]);
    }
}

TEST(import_by_meaning, a_department_declaration_dumped_from_a_pdf_keeps_its_labelled_total_and_lines) {
    // a figure before the labels taken for the total, then the labelled 合计; an amount to the
    // yuan split before its last digit; 基本支出 / 项目支出 as lines beyond the rows
    const std::string text =
        "部门整体支出绩效目标申报表 部门(单位)名称 示例市人民政府办公室 财政拨款 收入构成 支出构成 1234567 "
        "总体资金情况 单位:万元 当年金额 占比 其他资金 合计 968.191 8 100% 基本支出 724.2318 74.8% 项目支出 243.96 25.2%\n";
    auto r = io::import_text(text);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 1u);
    const form& f = r->forms[0];
    EXPECT_EQ(f.kind, jixiao::form_kind::department_declaration);
    EXPECT_EQ(f.project_name, "示例市人民政府办公室");
    EXPECT_EQ(f.money.unit, money_unit::ten_thousand_yuan);
    EXPECT_EQ(total_cell(f, funds_column::initial_budget), "968.1918");
    ASSERT_EQ(f.money.breakdown.size(), 2u);
    EXPECT_EQ(f.money.breakdown[0].label, "基本支出");
    EXPECT_EQ(f.money.breakdown[0].at(funds_column::initial_budget).text, "724.2318");
    EXPECT_EQ(f.money.breakdown[1].at(funds_column::initial_budget).text, "243.96");
    const auto has = [&](std::string_view code) {
        return std::any_of(r->report.notes.begin(), r->report.notes.end(), [&](const io::import_note& n) { return n.code == code; });
    };
    EXPECT_TRUE(has("amount_split_joined"));
    EXPECT_TRUE(has("funds_total_guess_replaced"));
    // the guessed figure is reported, not lost
    EXPECT_TRUE(std::any_of(r->report.notes.begin(), r->report.notes.end(), [](const io::import_note& n) {
        return n.kind == io::note_kind::unmapped && n.text == "1234567";
    }));
}

TEST(import_by_meaning, reads_a_fixture_of_each_kind_of_the_cycle) {
    {
        const auto r = import_ok("department-tsv.txt");
        ASSERT_EQ(r.forms.size(), 1u);
        const form& f = r.forms[0];
        EXPECT_EQ(f.kind, jixiao::form_kind::department_self_evaluation);
        EXPECT_EQ(f.project_name, "示例县农业农村局");
        EXPECT_EQ(total_cell(f, funds_column::executed), "1323.00");
        EXPECT_EQ(f.money.score.text, "9.8");
        ASSERT_EQ(f.money.breakdown.size(), 6u);
        EXPECT_EQ(f.money.breakdown[5].label, "项目支出");
        EXPECT_EQ(f.money.breakdown[5].at(funds_column::executed).text, "500.00");
        ASSERT_EQ(f.indicators.size(), 6u);
        EXPECT_EQ(f.indicators[2].score.text, "14.25");
        EXPECT_EQ(f.total_score.text, "98.05");
        EXPECT_TRUE(every_cell_accounted_for(r));
    }
    {
        const auto r = import_ok("declaration-tsv.txt");
        ASSERT_EQ(r.forms.size(), 1u);
        const form& f = r.forms[0];
        EXPECT_EQ(f.kind, jixiao::form_kind::project_declaration);
        EXPECT_EQ(f.implementing_unit, "示例县公路养护中心");
        EXPECT_EQ(total_cell(f, funds_column::initial_budget), "500.00");
        EXPECT_EQ(f.money.at(funds_row::current_appropriation, funds_column::initial_budget).text, "450.00");
        EXPECT_EQ(f.money.at(funds_row::other, funds_column::initial_budget).text, "50.00");
        EXPECT_EQ(f.annual_goal.expected, "完成农村公路养护300公里，路况优良率提高。");
        ASSERT_EQ(f.indicators.size(), 5u);
        EXPECT_EQ(f.indicators[2].name, "每公里养护成本");
        EXPECT_EQ(f.indicators[2].target.text, "≤1.6万元");
        EXPECT_TRUE(f.indicators[2].actual.text.empty());
        ASSERT_EQ(f.indicators[2].extra.size(), 1u);
        EXPECT_EQ(f.indicators[2].extra[0].label, "指标解释");
        EXPECT_TRUE(every_cell_accounted_for(r));
    }
    {
        const auto r = import_ok("rubric.csv");
        ASSERT_EQ(r.forms.size(), 1u);
        const form& f = r.forms[0];
        EXPECT_EQ(f.kind, jixiao::form_kind::rubric_evaluation);
        ASSERT_EQ(f.indicators.size(), 3u);
        EXPECT_EQ(f.indicators[0].level2_text, "预算执行");  // a funds word of the project form, a text here
        EXPECT_EQ(f.indicators[0].name, "预算执行率");
        EXPECT_EQ(f.indicators[1].level1_text, "预算管理");
        EXPECT_EQ(f.indicators[1].extra.at(1).text, "结转结余率低于10%得满分,每高1个百分点扣1分,扣完为止.");  // not split at 10%
        EXPECT_TRUE(f.indicators[1].actual.text.empty());
        EXPECT_EQ(f.indicators[2].level1_text, "资产管理");
        EXPECT_EQ(f.indicators[2].score.text, "20");
        EXPECT_TRUE(every_cell_accounted_for(r));
    }
}

TEST(import_by_meaning, a_label_with_a_note_to_whoever_fills_it_in_is_still_the_label) {
    // templates print how to fill a cell in brackets: (450字内), (如20190101), (盖章)
    const std::string text =
        "项目支出绩效目标申报表\n项目名称\t示例项目\n填报单位(盖章)\t示例局\n年度目标(450字内)\t完成示例任务。\n"
        "一级指标\t二级指标\t三级指标\t指标值(150字内)\n产出指标\t数量指标\t示例数量\t≥10个\n";
    auto r = io::import_text(text);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 1u);
    const form& f = r->forms[0];
    EXPECT_EQ(f.implementing_unit, "示例局");
    EXPECT_EQ(f.annual_goal.expected, "完成示例任务。");
    ASSERT_EQ(f.indicators.size(), 1u);
    EXPECT_EQ(f.indicators[0].target.text, "≥10个");
}

TEST(import_by_meaning, a_scoring_table_whose_levels_and_names_carry_their_points) {
    const std::string text =
        "2023年度部门整体支出绩效评价得分表\n一级指标\t二级指标\t三级指标\t得分\n"
        "部门决策(25分)\t目标任务(15分)\t相关性(5分)\t5\n明确性(5分)\t4.5\n预算编制(10分)\t测算依据(5分)\t2\n"
        "总分\t100\t92\n";
    auto r = io::import_text(text);
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    ASSERT_EQ(r->forms.size(), 1u);
    const form& f = r->forms[0];
    EXPECT_EQ(f.kind, jixiao::form_kind::rubric_evaluation);  // the rubric family's kind over the title's 部门整体
    ASSERT_EQ(f.indicators.size(), 3u);
    const std::vector<std::array<std::string, 5>> want{{"部门决策", "目标任务", "相关性", "5", "5"},
                                                       {"部门决策", "目标任务", "明确性", "5", "4.5"},
                                                       {"部门决策", "预算编制", "测算依据", "5", "2"}};
    for (std::size_t k = 0; k < want.size(); ++k) {
        const auto& ind = f.indicators[k];
        EXPECT_EQ(ind.level1_text, want[k][0]);
        EXPECT_EQ(ind.level2_text, want[k][1]);
        EXPECT_EQ(ind.name, want[k][2]);
        EXPECT_EQ(ind.weight.text, want[k][3]);
        EXPECT_EQ(ind.score.text, want[k][4]);
    }
    EXPECT_EQ(f.total_score.text, "92");
    const auto count = std::count_if(r->report.notes.begin(), r->report.notes.end(),
                                     [](const io::import_note& n) { return n.code == "weight_from_name_points"; });
    EXPECT_EQ(count, 3);
}

TEST(import_by_meaning, gives_the_same_forms_through_recognize_and_import_text) {
    for (const char* name : {"transfer-pipe.txt", "transfer-lines.txt", "national-space-joined.txt", "hebei-lines.txt",
                             "sichuan-pipe.txt", "sichuan-lines.txt", "sichuan-pdf.txt"}) {
        const std::string text = fixture(name);
        auto g = io::read_grid(text, io::grid_format::cell_per_line);
        ASSERT_TRUE(g.has_value());
        auto via_grid = io::recognize(*g);
        io::import_options o;
        o.format = io::grid_format::cell_per_line;
        auto via_text = io::import_text(text, o);
        ASSERT_TRUE(via_grid.has_value() && via_text.has_value()) << name;
        EXPECT_EQ(via_grid->forms, via_text->forms) << name;
    }
}

TEST(import_by_meaning, finishes_on_hostile_text) {
    // long runs of labels, pipes and figures without any form: an error or a result, never a hang
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "项目名称|分值|得分 100% 1 2 3 年度资金总额 一级指标 ";
    auto r = io::import_text(text);
    if (!r.has_value()) {
        EXPECT_EQ(r.error().code, errc::no_form_found);
    }
    std::string pipes(100000, '|');
    auto p = io::import_text(pipes + "\n" + pipes);
    EXPECT_FALSE(p.has_value());
}

TEST(layouts, every_builtin_family_reads_and_names_a_rulebook) {
    const auto& fams = io::builtin_layouts();
    ASSERT_GE(fams.size(), 5u);
    for (const auto& f : fams) {
        EXPECT_FALSE(f.id.empty());
        EXPECT_FALSE(f.name_zh.empty()) << f.id;
        // declarations are not scored: no rulebook; every other kind names the one of its kind
        if (f.kind != io::form_kind::other && !jixiao::is_declaration(f.kind)) {
            EXPECT_FALSE(f.rulebook.empty()) << f.id;
        }
        if (jixiao::is_declaration(f.kind)) {
            EXPECT_TRUE(f.rulebook.empty()) << f.id;
        }
        EXPECT_EQ(f.source, "built-in");
    }
    EXPECT_TRUE(std::any_of(fams.begin(), fams.end(), [](const io::layout_family& f) { return f.id == "national"; }));
}

TEST(layouts, a_users_family_teaches_the_recognizer_a_new_synonym) {
    // a made-up locality that calls the project name 工程名称 and the weight 满分值
    const std::string text = "工程项目绩效自评表\n工程名称\t示例水渠\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t满分值\t得分\n"
                             "产出指标\t数量指标\t水渠长度\t≥5公里\t5.2公里\t50\t50\n总分\t\t\t\t\t50\t50\n";
    io::import_options plain;
    auto before = io::import_text(text, plain);
    const bool named_before = before.has_value() && !before->forms.empty() && before->forms[0].project_name == "示例水渠";
    EXPECT_FALSE(named_before);

    const auto path = std::filesystem::temp_directory_path() / "jixiao-user-layout.json";
    {
        std::ofstream out(path);
        out << R"({"id": "example", "name_zh": "示例地区", "kind": "project_self_evaluation", "rulebook": "mof-2020",
                  "titles": ["工程项目绩效自评表"], "header_fields": {"工程名称": "project_name"},
                  "indicator_columns": {"满分值": "weight"}})";
    }
    auto fam = io::load_layout_file(path);
    ASSERT_TRUE(fam.has_value()) << fam.error().describe();
    io::import_options with = plain;
    with.layouts = io::builtin_layouts();
    with.layouts.push_back(*fam);
    auto after = io::import_text(text, with);
    ASSERT_TRUE(after.has_value()) << after.error().describe();
    ASSERT_EQ(after->forms.size(), 1u);
    EXPECT_EQ(after->forms[0].project_name, "示例水渠");
    ASSERT_EQ(after->forms[0].indicators.size(), 1u);
    EXPECT_EQ(after->forms[0].indicators[0].weight.text, "50");
    std::filesystem::remove(path);
}

TEST(layouts, a_broken_family_file_is_an_error_with_its_json_path) {
    auto bad_role = io::parse_layout_family(R"({"id": "x", "funds_columns": {"预算": "budget"}})", "x.json");
    ASSERT_FALSE(bad_role.has_value());
    EXPECT_EQ(bad_role.error().code, errc::json_schema);
    EXPECT_NE(bad_role.error().where.find("/funds_columns/"), std::string::npos) << bad_role.error().describe();
    auto unknown = io::parse_layout_family(R"({"id": "x", "colour": "red"})");
    ASSERT_FALSE(unknown.has_value());
    EXPECT_NE(unknown.error().message.find("/colour"), std::string::npos);
    auto syntax = io::parse_layout_family("{\"id\": ");
    ASSERT_FALSE(syntax.has_value());
    EXPECT_EQ(syntax.error().code, errc::json_syntax);
    auto missing = io::parse_layout_family(R"({"titles": []})");
    ASSERT_FALSE(missing.has_value());
    EXPECT_NE(missing.error().message.find("/id"), std::string::npos);
}
