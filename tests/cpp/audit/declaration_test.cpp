// Tests of the kind-aware audit and the declaration checks (issue 20, point 3): a clean
// declaration gives nothing (the self-evaluation checks about actuals, scores, totals and
// execution do not run on it), and each declaration.* check fires on one planted fault and not on
// the clean form.
#include <jixiao/audit.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace jixiao;

const rulebook& book() {
    static const rulebook b = builtin_rulebook(default_rulebook_name).value_or_throw();
    return b;
}

indicator target_line(category c1, subcategory c2, std::string name, std::string_view target) {
    indicator ind;
    ind.level1 = c1;
    ind.level2 = c2;
    ind.level1_text = std::string(chinese_name(c1));
    ind.level2_text = std::string(chinese_name(c2));
    ind.name = std::move(name);
    ind.target = read_value_cell(target);
    return ind;
}

/// A clean project declaration: 100 requested = 80 appropriation + 20 other; every block, a cost
/// indicator, measurable targets with units. No actual, weight or score.
form clean_declaration() {
    form f;
    f.kind = form_kind::project_declaration;
    f.title = "项目支出绩效目标申报表";
    f.year = 2024;
    f.project_name = "测试项目";
    f.department = "测试部门";
    f.implementing_unit = "测试单位";
    f.money.at(funds_row::total, funds_column::initial_budget) = read_number_cell("100.00");
    f.money.at(funds_row::current_appropriation, funds_column::initial_budget) = read_number_cell("80.00");
    f.money.at(funds_row::other, funds_column::initial_budget) = read_number_cell("20");
    f.annual_goal.expected = "举办培训班12期，培训学员100人以上。";
    f.indicators.push_back(target_line(category::output, subcategory::quantity, "培训人数", ">=100人"));
    f.indicators.push_back(target_line(category::output, subcategory::quality, "考核合格率", ">=95%"));
    f.indicators.push_back(target_line(category::output, subcategory::timeliness, "培训完成时间", "11月底"));
    f.indicators.push_back(target_line(category::cost, subcategory::economic_cost, "人均培训成本", "<=500元"));
    f.indicators.push_back(target_line(category::effect, subcategory::social_benefit, "学员业务水平", "提升"));
    f.indicators.push_back(target_line(category::satisfaction, subcategory::service_satisfaction, "学员满意度", ">=90%"));
    return f;
}

std::vector<finding> with_code(const std::vector<finding>& fs, std::string_view code) {
    std::vector<finding> out;
    for (const finding& x : fs) {
        if (x.code == code) out.push_back(x);
    }
    return out;
}

bool has(const std::vector<finding>& fs, std::string_view code) { return !with_code(fs, code).empty(); }

std::string codes(const std::vector<finding>& fs) {
    std::string s;
    for (const finding& x : fs) s += x.code + (x.indicator ? "#" + std::to_string(*x.indicator) : "") + " ";
    return s;
}

/// The findings of a declaration whose indicator `i` has target `target` (and name `name`).
std::vector<finding> with_target(std::size_t i, std::string_view target, std::string name = {}) {
    form f = clean_declaration();
    f.indicators[i].target = read_value_cell(target);
    if (!name.empty()) f.indicators[i].name = std::move(name);
    return audit(f, book());
}

}  // namespace

// ---- which checks run --------------------------------------------------------------------------

TEST(audit_kinds, a_clean_declaration_has_no_findings) {
    const auto fs = audit(clean_declaration(), book());
    EXPECT_TRUE(fs.empty()) << codes(fs);
}

TEST(audit_kinds, the_same_form_as_a_self_evaluation_is_audited_for_actuals_and_scores) {
    form f = clean_declaration();
    f.kind = form_kind::project_self_evaluation;
    const auto fs = audit(f, book());
    EXPECT_EQ(with_code(fs, "hygiene.required_empty").size(), 1U + 6U * 3U) << codes(fs);  // 全年预算数; actual, weight, score
    EXPECT_FALSE(has(fs, "declaration.level1_missing"));
    f.kind = form_kind::department_self_evaluation;  // department forms keep the self-evaluation checks
    EXPECT_TRUE(has(audit(f, book()), "hygiene.required_empty"));
    f.kind = form_kind::transfer_self_evaluation;
    EXPECT_TRUE(has(audit(f, book()), "hygiene.required_empty"));
}

TEST(audit_kinds, a_declaration_skips_actual_score_total_and_execution_checks) {
    form f = clean_declaration();
    // What would be errors and warnings on a self-evaluation: weights summing to 30, a score above
    // its weight, a reported total and grade that do not match, executed beyond budget, a copied goal.
    f.indicators[0].weight = read_number_cell("10");
    f.indicators[0].score = read_number_cell("12");
    f.indicators[0].actual = read_value_cell(">=100人");
    f.total_score = read_number_cell("90");
    f.reported_grade = "差";
    f.money.at(funds_row::total, funds_column::full_year_budget) = read_number_cell("100");
    f.money.at(funds_row::total, funds_column::executed) = read_number_cell("120");
    f.annual_goal.achieved = f.annual_goal.expected;
    const auto fs = audit(f, book());
    EXPECT_TRUE(fs.empty()) << codes(fs);
}

TEST(audit_kinds, a_declaration_still_gets_hygiene_and_printed_funds_arithmetic) {
    form f = clean_declaration();
    f.project_name.clear();
    f.money.at(funds_row::total, funds_column::initial_budget) = read_number_cell("-100");
    f.money.at(funds_row::total, funds_column::full_year_budget) = read_number_cell("100");
    f.money.at(funds_row::current_appropriation, funds_column::full_year_budget) = read_number_cell("90");
    f.indicators[0].target = read_value_cell(">=1.2.3%");
    f.indicators[1].level1 = category::unknown;
    f.indicators[1].level1_text = "其他指标";
    const auto fs = audit(f, book());
    EXPECT_TRUE(has(fs, "hygiene.required_empty")) << codes(fs);
    EXPECT_TRUE(has(fs, "funds.negative_amount")) << codes(fs);
    EXPECT_TRUE(has(fs, "hygiene.unparsed_value")) << codes(fs);
    EXPECT_TRUE(has(fs, "hygiene.unknown_category")) << codes(fs);
    const auto src = with_code(fs, "funds.sources_mismatch");
    ASSERT_EQ(src.size(), 1U) << codes(fs);  // the 全年预算数 column; 年初预算数 is the funds requested
    EXPECT_EQ(src[0].field, "full_year_budget");
    // A blank requested amount is the required field of a declaration.
    form blank = clean_declaration();
    blank.money.at(funds_row::total, funds_column::initial_budget) = read_number_cell("");
    const auto req = with_code(audit(blank, book()), "hygiene.required_empty");
    ASSERT_EQ(req.size(), 1U);
    EXPECT_EQ(req[0].field, "initial_budget");
}

TEST(audit_kinds, a_department_declaration_gets_the_declaration_checks) {
    form f = clean_declaration();
    f.kind = form_kind::department_declaration;
    EXPECT_TRUE(audit(f, book()).empty());
    f.indicators[4].target = read_value_cell("较好");
    EXPECT_TRUE(has(audit(f, book()), "declaration.vague_target"));
}

// ---- declaration checks --------------------------------------------------------------------------

TEST(audit_declaration, a_target_without_number_or_scale_is_not_measurable) {
    auto fs = with_target(4, "按照上级要求认真组织实施");
    auto hits = with_code(fs, "declaration.target_not_measurable");
    ASSERT_EQ(hits.size(), 1U) << codes(fs);
    EXPECT_EQ(hits[0].indicator, 4U);
    EXPECT_EQ(hits[0].evidence_value("target"), "按照上级要求认真组织实施");
    EXPECT_NE(hits[0].message_zh.find("既没有数值"), std::string::npos) << hits[0].message_zh;
    // a word for a rate
    hits = with_code(with_target(1, "及时", "巡检及时率"), "declaration.target_not_measurable");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_NE(hits[0].message_en.find("measured by a number"), std::string::npos) << hits[0].message_en;
    // not applicable
    EXPECT_TRUE(has(with_target(4, "—"), "declaration.target_not_measurable"));
    // measurable: a number, a time point, a known label for a name that is not a count, a tier
    EXPECT_FALSE(has(with_target(1, ">=95%"), "declaration.target_not_measurable"));
    EXPECT_FALSE(has(with_target(2, "12月上旬"), "declaration.target_not_measurable"));
    EXPECT_FALSE(has(with_target(4, "及时", "培训完成及时性"), "declaration.target_not_measurable"));
    EXPECT_FALSE(has(with_target(4, "达成年度指标"), "declaration.target_not_measurable"));
}

TEST(audit_declaration, a_number_without_the_unit_its_name_implies_is_warned) {
    auto fs = with_target(1, ">=95");
    auto hits = with_code(fs, "declaration.target_unit_missing");
    ASSERT_EQ(hits.size(), 1U) << codes(fs);
    EXPECT_EQ(hits[0].evidence_value("ending"), "率");
    EXPECT_EQ(hits[0].evidence_value("unit"), "%");
    EXPECT_FALSE(has(fs, "rule.target_unit_missing")) << codes(fs);  // reported once, by the declaration check
    hits = with_code(with_target(0, "=100"), "declaration.target_unit_missing");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].evidence_value("unit"), "人");
    hits = with_code(with_target(0, "<=16", "绩效评价数量"), "declaration.target_unit_missing");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].evidence_value("unit"), "");
    EXPECT_NE(hits[0].message_zh.find("计量单位"), std::string::npos) << hits[0].message_zh;
    // A name that implies no unit: the general rule.target_unit_missing, not this one.
    fs = with_target(4, ">=90", "综合评价");
    EXPECT_FALSE(has(fs, "declaration.target_unit_missing")) << codes(fs);
    EXPECT_TRUE(has(fs, "rule.target_unit_missing")) << codes(fs);
    EXPECT_FALSE(has(with_target(1, ">=95%"), "declaration.target_unit_missing"));
    EXPECT_FALSE(has(with_target(0, "=0", "事故次数"), "declaration.target_unit_missing"));  // zero needs none
    EXPECT_EQ(unit_hint_for("财政资金使用效率"), nullptr);
    ASSERT_NE(unit_hint_for(" 服务对象满意度 "), nullptr);
    EXPECT_EQ(unit_hint_for("服务对象满意度")->unit, "%");
}

TEST(audit_declaration, a_target_repeating_the_indicator_name_is_warned) {
    auto fs = with_target(0, "培训人数");
    auto hits = with_code(fs, "declaration.target_copies_name");
    ASSERT_EQ(hits.size(), 1U) << codes(fs);
    EXPECT_EQ(hits[0].evidence_value("similarity"), "100.00");
    EXPECT_FALSE(has(fs, "declaration.target_not_measurable")) << codes(fs);  // one finding per target
    EXPECT_TRUE(has(with_target(0, "培训 人数"), "declaration.target_copies_name"));
    EXPECT_TRUE(has(with_target(3, "人均培训成本"), "declaration.target_copies_name"));
    EXPECT_FALSE(has(with_target(0, ">=100人"), "declaration.target_copies_name"));
    EXPECT_FALSE(has(with_target(0, "培训人数100人"), "declaration.target_copies_name"));  // holds a number
}

TEST(audit_declaration, vague_targets_without_a_number_are_warned) {
    for (std::string_view t : {"有效提升", "较好", "明显改善", "进一步提高群众满意度", "逐步完善"}) {
        auto fs = with_target(4, t);
        auto hits = with_code(fs, "declaration.vague_target");
        ASSERT_EQ(hits.size(), 1U) << t << ": " << codes(fs);
        EXPECT_NE(t.find(hits[0].evidence_value("word")), std::string_view::npos) << t;
        EXPECT_FALSE(has(fs, "declaration.target_not_measurable")) << t;
    }
    EXPECT_EQ(with_code(with_target(4, "进一步提高群众满意度"), "declaration.vague_target")[0].evidence_value("word"),
              "进一步提高");
    EXPECT_FALSE(has(with_target(4, "满意度进一步提高到95%"), "declaration.vague_target"));  // a number to check
    EXPECT_FALSE(has(with_target(4, "提升"), "declaration.vague_target"));
    // On a self-evaluation, declaration checks do not run.
    form f = clean_declaration();
    f.kind = form_kind::project_self_evaluation;
    f.indicators[4].target = read_value_cell("有效提升");
    EXPECT_FALSE(has(audit(f, book()), "declaration.vague_target"));
    EXPECT_GE(vague_target_words().size(), 10U);
}

TEST(audit_declaration, funds_requested_must_equal_the_sum_of_the_sources) {
    form f = clean_declaration();
    f.money.at(funds_row::other, funds_column::initial_budget) = read_number_cell("19.99");
    auto fs = audit(f, book());
    auto hits = with_code(fs, "declaration.funds_requested_mismatch");
    ASSERT_EQ(hits.size(), 1U) << codes(fs);
    EXPECT_EQ(hits[0].level, severity::error);
    EXPECT_EQ(hits[0].evidence_value("requested"), "100.00");
    EXPECT_EQ(hits[0].evidence_value("sum"), "99.99");
    EXPECT_EQ(hits[0].evidence_value("difference"), "0.01");
    EXPECT_NE(hits[0].message_zh.find("相差 0.01"), std::string::npos) << hits[0].message_zh;
    EXPECT_FALSE(has(fs, "funds.sources_mismatch")) << codes(fs);  // not twice
    // exact: 80.00 + 19.995 + 0.005
    f.money.at(funds_row::other, funds_column::initial_budget) = read_number_cell("19.995");
    f.money.at(funds_row::prior_carryover, funds_column::initial_budget) = read_number_cell("0.005");
    EXPECT_FALSE(has(audit(f, book()), "declaration.funds_requested_mismatch"));
    // no source printed: nothing to compare
    form none = clean_declaration();
    none.money.at(funds_row::current_appropriation, funds_column::initial_budget) = read_number_cell("");
    none.money.at(funds_row::other, funds_column::initial_budget) = read_number_cell("");
    EXPECT_FALSE(has(audit(none, book()), "declaration.funds_requested_mismatch"));
}

TEST(audit_declaration, required_level1_blocks_must_have_an_indicator) {
    form f = clean_declaration();
    f.indicators.erase(f.indicators.begin() + 4, f.indicators.end());  // no 效益, no 满意度
    auto fs = audit(f, book());
    auto hits = with_code(fs, "declaration.level1_missing");
    ASSERT_EQ(hits.size(), 2U) << codes(fs);
    EXPECT_EQ(hits[0].field, "effect");
    EXPECT_EQ(hits[1].field, "satisfaction");
    EXPECT_NE(hits[0].message_zh.find("效益指标"), std::string::npos) << hits[0].message_zh;
    EXPECT_FALSE(has(fs, "rule.no_satisfaction")) << codes(fs);
    // A rulebook that gives satisfaction no weight does not ask for it.
    const rulebook sichuan = builtin_rulebook("sichuan-10-90").value_or_throw();
    hits = with_code(audit(f, sichuan), "declaration.level1_missing");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].field, "effect");
    // No output block: the cost block does not stand in for it.
    form no_output = clean_declaration();
    no_output.indicators.erase(no_output.indicators.begin(), no_output.indicators.begin() + 3);
    hits = with_code(audit(no_output, book()), "declaration.level1_missing");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].field, "output");
    // An unrecognised 一级指标 may hold the block: no block is called missing, nor the cost indicator.
    form unknown = f;
    unknown.indicators.erase(unknown.indicators.begin() + 3);  // the cost line too
    unknown.indicators[0].level1 = category::unknown;
    unknown.indicators[0].level1_text = "投入指标";
    const auto u = audit(unknown, book());
    EXPECT_FALSE(has(u, "declaration.level1_missing")) << codes(u);
    EXPECT_FALSE(has(u, "declaration.no_cost_indicator")) << codes(u);
    EXPECT_TRUE(has(u, "hygiene.unknown_category")) << codes(u);
}

TEST(audit_declaration, a_declaration_without_cost_indicator_is_warned) {
    form f = clean_declaration();
    f.indicators.erase(f.indicators.begin() + 3);
    auto fs = audit(f, book());
    ASSERT_EQ(with_code(fs, "declaration.no_cost_indicator").size(), 1U) << codes(fs);
    // a cost line under 产出 (二级 成本指标) counts
    f.indicators.push_back(target_line(category::output, subcategory::cost, "项目总成本", "<=100万元"));
    EXPECT_FALSE(has(audit(f, book()), "declaration.no_cost_indicator"));
}

TEST(audit_declaration, a_satisfaction_indicator_filed_as_output_is_warned) {
    form f = clean_declaration();
    f.indicators.push_back(target_line(category::output, subcategory::quality, "群众满意率", ">=90%"));
    auto fs = audit(f, book());
    auto hits = with_code(fs, "declaration.satisfaction_as_output");
    ASSERT_EQ(hits.size(), 1U) << codes(fs);
    EXPECT_EQ(hits[0].indicator, 6U);
    EXPECT_EQ(hits[0].evidence_value("level1_text"), "产出指标");
    EXPECT_FALSE(has(audit(clean_declaration(), book()), "declaration.satisfaction_as_output"));
}

TEST(audit_declaration, normalize_name_removes_spaces_and_full_width_forms) {
    EXPECT_EQ(normalize_name(" 培训\u3000人数（ＡＢ１） "), "培训人数(AB1)");
    EXPECT_EQ(normalize_name("a\xff" "b"), "a\xff" "b");  // invalid bytes kept
}
