// Tests of the audit (issue 6): one minimal form per check that triggers it and one that does
// not; the eight Songjiang sample forms against the findings a reviewer lists for them
// (tests/data/audit/songjiang-2023-expected-findings.json); similarity, sorting, summaries,
// JSON and the catalogue.
#include <jixiao/audit.hpp>
#include <jixiao/json.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace jixiao;

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const rulebook& book() {
    static const rulebook b = builtin_rulebook(default_rulebook_name).value_or_throw();
    return b;
}

indicator make_indicator(category c1, subcategory c2, std::string name, std::string_view target,
                         std::string_view actual, std::string_view weight, std::string_view score) {
    indicator ind;
    ind.level1 = c1;
    ind.level2 = c2;
    ind.level1_text = std::string(chinese_name(c1));
    ind.level2_text = std::string(chinese_name(c2));
    ind.name = std::move(name);
    ind.target = read_value_cell(target);
    ind.actual = read_value_cell(actual);
    ind.weight = read_number_cell(weight);
    ind.score = read_number_cell(score);
    return ind;
}

/// A clean form: nothing to find. Funds 100 of 100; 产出 50, 效益 30, 满意度 10, funds 10.
form clean_form() {
    form f;
    f.title = "财政项目支出绩效自评表";
    f.year = 2023;
    f.project_name = "测试项目";
    f.department = "测试部门";
    f.implementing_unit = "测试单位";
    auto set = [&](funds_row r, funds_column c, std::string_view t) { f.money.at(r, c) = read_number_cell(t); };
    set(funds_row::total, funds_column::initial_budget, "100");
    set(funds_row::total, funds_column::full_year_budget, "100");
    set(funds_row::total, funds_column::executed, "100");
    set(funds_row::current_appropriation, funds_column::initial_budget, "100");
    set(funds_row::current_appropriation, funds_column::full_year_budget, "100");
    set(funds_row::prior_carryover, funds_column::initial_budget, "0");
    set(funds_row::prior_carryover, funds_column::full_year_budget, "0");
    set(funds_row::other, funds_column::initial_budget, "0");
    set(funds_row::other, funds_column::full_year_budget, "0");
    f.money.weight = read_number_cell("10");
    f.money.execution_rate = read_number_cell("100.00%", true);
    f.money.score = read_number_cell("10");
    f.annual_goal.expected = "举办培训班，提升学员业务水平。";
    f.annual_goal.achieved = "全年共举办培训12期，参训120人，考核合格率98%。";
    f.indicators.push_back(make_indicator(category::output, subcategory::quantity, "培训人数", ">=100人", "120人", "50", "50"));
    f.indicators.push_back(make_indicator(category::effect, subcategory::social_benefit, "服务质量", "提升", "提升", "30", "30"));
    f.indicators.push_back(make_indicator(category::satisfaction, subcategory::service_satisfaction, "学员满意度", ">=90%", "95%", "10", "10"));
    f.total_weight = read_number_cell("100");
    f.total_score = read_number_cell("100");
    return f;
}

std::vector<finding> run(const form& f, std::span<const io::import_note> notes = {}) {
    return audit(f, score(f, book()), book(), notes);
}

/// Copies of the findings with `code` (copies: the argument is often a temporary).
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

}  // namespace

// ---- the baseline ----------------------------------------------------------------------------

TEST(audit, clean_form_has_no_findings) {
    auto fs = run(clean_form());
    EXPECT_TRUE(fs.empty()) << codes(fs);
    EXPECT_EQ(summarize(fs).trust, trust_level::trusted);
}

// ---- arithmetic ------------------------------------------------------------------------------

TEST(audit_arithmetic, sources_not_adding_up_to_the_total_are_an_error) {
    form f = clean_form();
    f.money.at(funds_row::current_appropriation, funds_column::full_year_budget) = read_number_cell("90");
    auto fs = run(f);
    auto hits = with_code(fs, "funds.sources_mismatch");
    ASSERT_EQ(hits.size(), 1U) << codes(fs);
    EXPECT_EQ(hits[0].level, severity::error);
    EXPECT_EQ(hits[0].field, "full_year_budget");
    EXPECT_EQ(hits[0].evidence_value("sum"), "90");
    EXPECT_EQ(hits[0].evidence_value("difference"), "10");
    EXPECT_NE(hits[0].message_zh.find("全年预算数"), std::string::npos);
    EXPECT_NE(hits[0].message_en.find("100"), std::string::npos);
}

TEST(audit_arithmetic, sources_adding_up_across_rows_are_fine) {
    form f = clean_form();
    f.money.at(funds_row::current_appropriation, funds_column::full_year_budget) = read_number_cell("60");
    f.money.at(funds_row::prior_carryover, funds_column::full_year_budget) = read_number_cell("40.00");
    EXPECT_FALSE(has(run(f), "funds.sources_mismatch"));
    // Blank sources (the 全年执行数 column of the samples) are not checked.
    EXPECT_FALSE(has(run(clean_form()), "funds.sources_mismatch"));
}

TEST(audit_arithmetic, executed_beyond_budget_is_flagged) {
    form f = clean_form();
    f.money.at(funds_row::total, funds_column::executed) = read_number_cell("110");
    auto hits = with_code(run(f), "funds.executed_exceeds_budget");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].evidence_value("rate"), "110.00");
    f.money.at(funds_row::total, funds_column::executed) = read_number_cell("100.00");
    EXPECT_FALSE(has(run(f), "funds.executed_exceeds_budget"));
}

TEST(audit_arithmetic, execution_rate_is_compared_at_the_reported_precision) {
    form f = clean_form();
    f.money.execution_rate = read_number_cell("95.00%", true);
    auto hits = with_code(run(f), "funds.execution_rate_mismatch");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].evidence_value("computed"), "100.00");
    // 86.18...% reported as 86%: right at the form's own precision.
    f.money.at(funds_row::total, funds_column::executed) = read_number_cell("86.18");
    f.money.execution_rate = read_number_cell("86%", true);
    f.money.score = read_number_cell("8.62");
    f.total_score = read_number_cell("98.62");
    EXPECT_FALSE(has(run(f), "funds.execution_rate_mismatch"));
    f.money.execution_rate = read_number_cell("86.20%", true);
    EXPECT_TRUE(has(run(f), "funds.execution_rate_mismatch"));
}

TEST(audit_arithmetic, execution_score_differing_from_the_rule_is_an_error) {
    form f = clean_form();
    f.money.at(funds_row::total, funds_column::executed) = read_number_cell("86.18");
    f.money.execution_rate = read_number_cell("86.18%", true);
    f.money.score = read_number_cell("10");
    auto hits = with_code(run(f), "funds.execution_score_mismatch");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].evidence_value("computed"), "8.62");  // 10 x 86.18 / 100 = 8.618
    f.money.score = read_number_cell("8.62");
    EXPECT_FALSE(has(run(f), "funds.execution_score_mismatch"));
}

TEST(audit_arithmetic, indicator_score_differing_from_the_computed_score_is_an_error) {
    form f = clean_form();
    f.indicators[2].actual = read_value_cell("85%");  // 10 x 85 / 90 = 9.444...
    auto hits = with_code(run(f), "indicator.score_mismatch");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].indicator, 2U);
    EXPECT_EQ(hits[0].evidence_value("computed"), "9.44");
    EXPECT_EQ(hits[0].evidence_value("reported"), "10");
    f.indicators[2].score = read_number_cell("9.44");
    f.indicators[2].deviation_note = "部分学员未参评";
    f.total_score = read_number_cell("99.44");
    EXPECT_FALSE(has(run(f), "indicator.score_mismatch"));
}

TEST(audit_arithmetic, score_above_weight_or_negative_is_an_error) {
    form f = clean_form();
    f.indicators[0].score = read_number_cell("55");
    auto hits = with_code(run(f), "score.out_of_range");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].indicator, 0U);
    f.indicators[0].score = read_number_cell("-1");
    EXPECT_TRUE(has(run(f), "score.out_of_range"));
    f.money.score = read_number_cell("11");
    EXPECT_EQ(with_code(run(f), "score.out_of_range").size(), 2U);
    EXPECT_FALSE(has(run(clean_form()), "score.out_of_range"));
}

TEST(audit_arithmetic, indicator_weights_must_sum_to_90_and_all_to_100) {
    form f = clean_form();
    f.indicators[0].weight = read_number_cell("45");
    f.indicators[0].score = read_number_cell("45");
    auto hits = with_code(run(f), "weights.sum_mismatch");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].field, "indicators");
    EXPECT_EQ(hits[0].evidence_value("sum"), "85");
    form g = clean_form();
    g.money.weight = read_number_cell("15");
    hits = with_code(run(g), "weights.sum_mismatch");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].field, "total");
    EXPECT_EQ(hits[0].evidence_value("sum"), "105");
    EXPECT_FALSE(has(run(clean_form()), "weights.sum_mismatch"));
}

TEST(audit_arithmetic, reported_total_weight_must_match_the_weights) {
    form f = clean_form();
    f.total_weight = read_number_cell("90");
    auto hits = with_code(run(f), "total.weight_mismatch");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].evidence_value("sum"), "100");
    EXPECT_FALSE(has(run(clean_form()), "total.weight_mismatch"));
}

TEST(audit_arithmetic, reported_total_must_be_the_sum_of_the_scores) {
    form f = clean_form();
    f.total_score = read_number_cell("98");
    auto fs = run(f);
    auto hits = with_code(fs, "total.sum_mismatch");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].evidence_value("sum"), "100");
    EXPECT_EQ(hits[0].evidence_value("difference"), "-2");
    EXPECT_TRUE(has(fs, "total.computed_mismatch"));
    EXPECT_FALSE(has(run(clean_form()), "total.sum_mismatch"));
}

TEST(audit_arithmetic, reported_total_differing_from_the_recomputed_total_is_a_warning) {
    form f = clean_form();
    f.indicators[2].actual = read_value_cell("85%");  // computes to 9.44, reported 10
    auto fs = run(f);
    auto hits = with_code(fs, "total.computed_mismatch");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].level, severity::warning);
    EXPECT_EQ(hits[0].evidence_value("computed"), "99.44");
    EXPECT_FALSE(has(fs, "total.sum_mismatch"));  // the reported numbers add up
    EXPECT_FALSE(has(run(clean_form()), "total.computed_mismatch"));
}

TEST(audit_arithmetic, reported_grade_must_match_the_total) {
    form f = clean_form();
    f.reported_grade = "良";
    auto hits = with_code(run(f), "total.grade_mismatch");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].evidence_value("expected"), "优");
    f.reported_grade = "优";
    EXPECT_FALSE(has(run(f), "total.grade_mismatch"));
}

// ---- rule fit --------------------------------------------------------------------------------

TEST(audit_rule_fit, level1_weights_away_from_the_guidance_are_a_notice) {
    form f = clean_form();
    f.indicators[0].weight = read_number_cell("55");
    f.indicators[0].score = read_number_cell("55");
    f.indicators[1].weight = read_number_cell("25");
    f.indicators[1].score = read_number_cell("25");
    auto hits = with_code(run(f), "rule.level1_weight");
    ASSERT_EQ(hits.size(), 2U);
    EXPECT_EQ(hits[0].level, severity::notice);
    EXPECT_EQ(hits[0].field, "effect");  // sorted by field
    EXPECT_EQ(hits[0].evidence_value("weight"), "25");
    EXPECT_EQ(hits[1].field, "output");
    EXPECT_EQ(hits[1].evidence_value("guidance"), "50");
    EXPECT_FALSE(has(run(clean_form()), "rule.level1_weight"));
}

TEST(audit_rule_fit, cost_counts_inside_output_by_default) {
    form f = clean_form();
    f.indicators[0].weight = read_number_cell("40");
    f.indicators[0].score = read_number_cell("40");
    f.indicators.insert(f.indicators.begin() + 1,
                        make_indicator(category::cost, subcategory::economic_cost, "人均培训成本", "<=80元/人",
                                       "75元/人", "10", "10"));
    auto fs = run(f);
    EXPECT_FALSE(has(fs, "rule.level1_weight")) << codes(fs);
}

TEST(audit_rule_fit, a_form_without_satisfaction_indicator_is_warned) {
    form f = clean_form();
    f.indicators.pop_back();
    f.indicators[0].weight = read_number_cell("60");
    f.indicators[0].score = read_number_cell("60");
    auto fs = run(f);
    EXPECT_TRUE(has(fs, "rule.no_satisfaction"));
    EXPECT_FALSE(has(run(clean_form()), "rule.no_satisfaction"));
}

TEST(audit_rule_fit, a_rulebook_without_level1_guidance_compares_no_level1_weight) {
    // Sichuan: 产出 60 + 效益 30 and no satisfaction indicator is what the unit chose
    form f = clean_form();
    f.indicators.pop_back();
    f.indicators[0].weight = read_number_cell("60");
    f.indicators[0].score = read_number_cell("60");
    const rulebook sichuan = builtin_rulebook("sichuan-10-90").value_or_throw();
    const auto fs = audit(f, score(f, sichuan), sichuan);
    EXPECT_FALSE(has(fs, "rule.level1_weight")) << codes(fs);
    EXPECT_FALSE(has(fs, "rule.no_satisfaction")) << codes(fs);
    EXPECT_TRUE(has(run(f), "rule.no_satisfaction"));  // the default still asks for one
}

TEST(audit_hygiene, an_empty_shell_is_a_warning_that_it_cannot_be_scored) {
    form shell;
    shell.project_name = "只有封面";
    shell.department = "某局";
    const auto hits = with_code(run(shell), "hygiene.not_scorable");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].level, severity::warning);
    EXPECT_FALSE(has(run(clean_form()), "hygiene.not_scorable"));
}

TEST(audit_rule_fit, tier_score_outside_its_band_is_an_error) {
    form f = clean_form();
    f.indicators[1].actual = read_value_cell("部分达成年度指标并具有一定效果");  // [18, 24) of 30
    f.indicators[1].score = read_number_cell("30");
    auto hits = with_code(run(f), "rule.tier_out_of_band");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].evidence_value("band"), "[18.00, 24.00)");
    f.indicators[1].score = read_number_cell("20");
    f.indicators[1].deviation_note = "部分完成";
    EXPECT_FALSE(has(run(f), "rule.tier_out_of_band"));
}

TEST(audit_rule_fit, target_and_actual_in_incompatible_units_are_an_error) {
    form f = clean_form();
    f.indicators[2].target = read_value_cell(">=90");
    auto hits = with_code(run(f), "rule.units_incompatible");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].evidence_value("actual_unit"), "%");
    EXPECT_FALSE(has(run(f), "rule.target_unit_missing"));  // said once, by the units check
    EXPECT_FALSE(has(run(clean_form()), "rule.units_incompatible"));
    form g = clean_form();  // across scales of one dimension is fine: 万元 vs 元
    g.indicators[0] = make_indicator(category::output, subcategory::cost, "培训费用", "<=3.5万元", "35000元", "50", "50");
    EXPECT_FALSE(has(run(g), "rule.units_incompatible"));
}

TEST(audit_rule_fit, quantitative_target_without_unit_is_warned) {
    form f = clean_form();
    f.indicators[0].target = read_value_cell(">=100");
    f.indicators[0].actual = read_value_cell("120");
    auto hits = with_code(run(f), "rule.target_unit_missing");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].indicator, 0U);
    f.indicators[0].target = read_value_cell("接近0");  // zero needs no unit
    f.indicators[0].actual = read_value_cell("0");
    EXPECT_FALSE(has(run(f), "rule.target_unit_missing"));
}

TEST(audit_rule_fit, quantitative_target_without_number_is_warned) {
    form f = clean_form();
    f.indicators[2].target = read_value_cell("达到%");  // read as free text: no number
    auto hits = with_code(run(f), "rule.target_number_missing");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].evidence_value("target"), "达到%");
    f.indicators[2].target = read_value_cell("≥%");  // the parser rejects it: a hygiene finding
    auto fs = run(f);
    EXPECT_FALSE(has(fs, "rule.target_number_missing"));
    EXPECT_TRUE(has(fs, "hygiene.unparsed_value")) << codes(fs);
    f.indicators[2].target = read_value_cell("满意");
    EXPECT_FALSE(has(run(f), "rule.target_number_missing"));
}

TEST(audit_rule_fit, quantity_target_set_as_upper_bound_is_a_notice) {
    form f = clean_form();
    f.indicators[0].target = read_value_cell("<=800人");
    f.indicators[0].actual = read_value_cell("750人");
    auto hits = with_code(run(f), "rule.quantity_upper_bound");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].level, severity::notice);
    form g = clean_form();  // a cost with <= is what a cost target looks like
    g.indicators[0] = make_indicator(category::output, subcategory::cost, "培训费用", "<=80元/人", "75元/人", "50", "50");
    EXPECT_FALSE(has(run(g), "rule.quantity_upper_bound"));
}

// ---- evidence quality ------------------------------------------------------------------------

TEST(audit_evidence, actual_restating_the_target_is_warned) {
    form f = clean_form();
    f.indicators[2].actual = read_value_cell(">=90%");
    auto fs = run(f);
    auto hits = with_code(fs, "evidence.actual_restates_target");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].indicator, 2U);
    EXPECT_FALSE(has(fs, "evidence.actual_is_bound"));
    f.indicators[2].actual = read_value_cell("≥90％");  // other spellings, same promise
    EXPECT_TRUE(has(run(f), "evidence.actual_restates_target"));
    f.indicators[0].target = read_value_cell("=120人");  // `=` actual: the measurement itself
    f.indicators[0].actual = read_value_cell("=120人");
    f.indicators[2].actual = read_value_cell("95%");
    EXPECT_FALSE(has(run(f), "evidence.actual_restates_target"));
}

TEST(audit_evidence, actual_that_is_a_bound_is_warned) {
    form f = clean_form();
    f.indicators[2].actual = read_value_cell(">=95%");
    auto fs = run(f);
    EXPECT_TRUE(has(fs, "evidence.actual_is_bound"));
    EXPECT_FALSE(has(fs, "evidence.actual_restates_target"));
    EXPECT_FALSE(has(run(clean_form()), "evidence.actual_is_bound"));
}

TEST(audit_evidence, words_for_a_numeric_target_are_a_notice) {
    form f = clean_form();
    f.indicators[2].actual = read_value_cell("满意");
    EXPECT_TRUE(has(run(f), "evidence.actual_not_measured"));
    EXPECT_FALSE(has(run(clean_form()), "evidence.actual_not_measured"));
}

TEST(text_similarity, is_the_exact_bigram_dice_coefficient) {
    // ab bc cd vs ab bc ce: 2 common of 3 + 3 -> 4/6
    EXPECT_EQ(text_similarity("abcd", "abce"), (exact_ratio{decimal{4}, decimal{6}}));
    EXPECT_EQ(text_similarity("完成目标", "完成 目标"), (exact_ratio{decimal{1}, decimal{1}}));  // spaces ignored
    EXPECT_EQ(text_similarity("", ""), (exact_ratio{decimal{1}, decimal{1}}));
    EXPECT_EQ(text_similarity("a", ""), (exact_ratio{decimal{0}, decimal{1}}));
    EXPECT_EQ(text_similarity("a", "a"), (exact_ratio{decimal{1}, decimal{1}}));
    // repeated bigrams count as often as in both: aaa = {aa, aa}, aa = {aa} -> 2 x 1 / 3
    EXPECT_EQ(text_similarity("aaa", "aa"), (exact_ratio{decimal{2}, decimal{3}}));
}

TEST(text_similarity, is_bounded_on_long_texts) {
    std::string a(200000, 'a');
    std::string b(200000, 'b');
    exact_ratio r = text_similarity(a, b);
    EXPECT_EQ(r.denominator, decimal{2 * (similarity_max_chars - 1)});
    EXPECT_TRUE(r.numerator.is_zero());
}

TEST(audit_evidence, achieved_goal_copying_the_expected_goal_is_warned_with_its_similarity) {
    form f = clean_form();
    f.annual_goal.achieved = f.annual_goal.expected;
    auto hits = with_code(run(f), "evidence.goal_copied");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].evidence_value("similarity"), "100.00");
    EXPECT_EQ(hits[0].evidence_value("identical"), "true");
    f.annual_goal.expected = "abcdefghijklmnopqrstu";  // 20 bigrams
    f.annual_goal.achieved = "abcdefghijklmnopqrstv";  // 19 common: 38 / 40 = 95%
    hits = with_code(run(f), "evidence.goal_copied");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].evidence_value("similarity"), "95.00");
    EXPECT_EQ(hits[0].evidence_value("identical"), "false");
    EXPECT_FALSE(has(run(clean_form()), "evidence.goal_copied"));
}

TEST(audit_evidence, score_below_weight_needs_a_deviation_note) {
    form f = clean_form();
    f.indicators[2].actual = read_value_cell("85%");
    f.indicators[2].score = read_number_cell("9.44");
    f.total_score = read_number_cell("99.44");
    auto fs = run(f);
    ASSERT_EQ(with_code(fs, "evidence.shortfall_unexplained").size(), 1U) << codes(fs);
    f.indicators[2].deviation_note = "满意度调查样本偏少，下年改进";
    EXPECT_FALSE(has(run(f), "evidence.shortfall_unexplained"));
}

TEST(audit_evidence, over_achievement_at_the_threshold_needs_an_explanation) {
    form f = clean_form();
    f.indicators[0].actual = read_value_cell("130人");  // (130 - 100) / 100 = 0.30: at the threshold
    auto hits = with_code(run(f), "evidence.over_achievement_unexplained");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].evidence_value("deviation"), "30.00");
    f.indicators[0].actual = read_value_cell("129人");
    EXPECT_FALSE(has(run(f), "evidence.over_achievement_unexplained"));
    f.indicators[0].actual = read_value_cell("200人");
    f.indicators[0].deviation_note = "报名人数超出预期";
    EXPECT_FALSE(has(run(f), "evidence.over_achievement_unexplained"));
}

TEST(audit_evidence, full_marks_with_restated_actuals_or_low_execution_are_unsupported) {
    form f = clean_form();
    f.indicators[2].actual = read_value_cell(">=90%");
    auto hits = with_code(run(f), "evidence.full_marks_unsupported");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].evidence_value("restated"), "1");
    form g = clean_form();
    g.money.at(funds_row::total, funds_column::executed) = read_number_cell("90");
    g.money.execution_rate = read_number_cell("90.00%", true);
    g.money.score = read_number_cell("9");
    g.total_score = read_number_cell("99");
    hits = with_code(run(g), "evidence.full_marks_unsupported");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].evidence_value("execution_rate"), "90.00");
    EXPECT_FALSE(has(run(clean_form()), "evidence.full_marks_unsupported"));
}

TEST(audit_evidence, vague_target_for_a_measurable_indicator_is_a_notice) {
    form f = clean_form();
    f.indicators[1].name = "巡检及时率";
    f.indicators[1].target = read_value_cell("及时");
    f.indicators[1].actual = read_value_cell("及时");
    auto hits = with_code(run(f), "evidence.vague_target");
    ASSERT_EQ(hits.size(), 1U);
    f.indicators[1].name = "财政资金使用效率";  // efficiency: a judgement, not a rate
    EXPECT_FALSE(has(run(f), "evidence.vague_target"));
    f.indicators[1].name = "培训完成及时性";
    EXPECT_FALSE(has(run(f), "evidence.vague_target"));
}

// ---- hygiene ---------------------------------------------------------------------------------

TEST(audit_hygiene, empty_required_fields_are_errors) {
    form f = clean_form();
    f.project_name = " ";
    f.money.at(funds_row::total, funds_column::full_year_budget) = read_number_cell("");
    f.indicators[0].target = read_value_cell("");
    f.indicators[1].weight = read_number_cell("");
    auto hits = with_code(run(f), "hygiene.required_empty");
    std::set<std::string> fields;
    for (const finding& h : hits) fields.insert(h.field);
    EXPECT_EQ(fields, (std::set<std::string>{"project_name", "full_year_budget", "target", "weight"}));
    for (const finding& h : hits) EXPECT_EQ(h.level, severity::error);
    EXPECT_FALSE(has(run(clean_form()), "hygiene.required_empty"));
}

TEST(audit_hygiene, unreadable_cells_are_reported_with_their_text) {
    form f = clean_form();
    f.indicators[0].target = read_value_cell(">= 98 %(百分比)");
    auto hits = with_code(run(f), "hygiene.unparsed_value");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].evidence_value("text"), ">= 98 %(百分比)");
    EXPECT_EQ(hits[0].indicator, 0U);
    EXPECT_FALSE(hits[0].evidence_value("error_zh").empty());
    EXPECT_FALSE(has(run(clean_form()), "hygiene.unparsed_value"));
}

TEST(audit_hygiene, a_number_cell_holding_no_number_is_named_not_a_number_never_empty) {
    form f = clean_form();
    f.indicators[0].score = read_number_cell("5O");
    f.indicators[1].weight = read_number_cell("七分");
    f.money.at(funds_row::total, funds_column::executed) = read_number_cell("seven");
    const auto fs = run(f);
    const auto hits = with_code(fs, "cell.not_a_number");
    ASSERT_EQ(hits.size(), 3U) << codes(fs);
    for (const finding& h : hits) EXPECT_EQ(h.level, severity::error);
    std::set<std::string> texts;
    for (const finding& h : hits) texts.insert(std::string(h.evidence_value("text")));
    EXPECT_EQ(texts, (std::set<std::string>{"5O", "七分", "seven"}));
    EXPECT_NE(hits[0].message_zh.find("应为数字"), std::string::npos) << hits[0].message_zh;
    EXPECT_FALSE(has(fs, "hygiene.required_empty")) << codes(fs);
    EXPECT_FALSE(has(fs, "hygiene.unparsed_value")) << codes(fs);
    EXPECT_FALSE(has(run(clean_form()), "cell.not_a_number"));
}

TEST(audit_hygiene, unknown_level1_category_is_a_notice) {
    form f = clean_form();
    f.indicators[1].level1 = category::unknown;
    f.indicators[1].level1_text = "其他指标";
    EXPECT_TRUE(has(run(f), "hygiene.unknown_category"));
    EXPECT_FALSE(has(run(clean_form()), "hygiene.unknown_category"));
}

TEST(audit_hygiene, import_notes_become_import_findings) {
    std::vector<io::import_note> notes(4);
    notes[0].kind = io::note_kind::repair;
    notes[0].code = "removed_wrap_space";
    notes[0].text = "<=700元/人 次";
    notes[0].where.row = 12;
    notes[1].kind = io::note_kind::unmapped;
    notes[1].code = "unmapped_cell";
    notes[1].text = "-7";
    notes[1].indicator = 1;
    notes[2].kind = io::note_kind::warning;
    notes[2].code = "no_total_row";
    notes[2].indicator = 99;  // out of range: dropped from the location, the note is kept
    notes[2].where.row = 40;
    notes[3].kind = io::note_kind::warning;
    notes[3].code = "money_unit_assumed";
    notes[3].indicator = 2;
    notes[3].where.row = 5;
    auto fs = run(clean_form(), notes);
    ASSERT_EQ(fs.size(), 4U) << codes(fs);
    // The warnings first (severity), then the notices; within a severity, findings without an
    // indicator before those with one, then by indicator index: not the input order.
    EXPECT_EQ(fs[0].code, "import.warning");
    EXPECT_EQ(fs[0].level, severity::warning);
    EXPECT_EQ(fs[0].field, "no_total_row");
    EXPECT_FALSE(fs[0].indicator.has_value());
    EXPECT_EQ(fs[0].where.row, 40U);
    EXPECT_EQ(fs[1].code, "import.warning");
    EXPECT_EQ(fs[1].level, severity::warning);
    EXPECT_EQ(fs[1].field, "money_unit_assumed");
    EXPECT_EQ(fs[1].indicator, 2U);
    EXPECT_EQ(fs[2].code, "import.repair");
    EXPECT_EQ(fs[3].code, "import.unmapped");
    auto repair = with_code(fs, "import.repair");
    ASSERT_EQ(repair.size(), 1U);
    EXPECT_EQ(repair[0].level, severity::notice);
    EXPECT_EQ(repair[0].where.row, 12U);
    EXPECT_EQ(repair[0].evidence_value("text"), "<=700元/人 次");
    EXPECT_EQ(repair[0].evidence_value("note_code"), "removed_wrap_space");
    EXPECT_EQ(repair[0].block, "import");
    EXPECT_FALSE(repair[0].indicator.has_value());
    auto unmapped = with_code(fs, "import.unmapped");
    ASSERT_EQ(unmapped.size(), 1U);
    EXPECT_EQ(unmapped[0].level, severity::notice);
    EXPECT_EQ(unmapped[0].indicator, 1U);
    EXPECT_EQ(unmapped[0].evidence_value("text"), "-7");
    EXPECT_TRUE(run(clean_form(), {}).empty());
}

// ---- order, summaries, JSON, catalogue --------------------------------------------------------

TEST(audit, findings_sort_by_severity_then_location) {
    form f = clean_form();
    f.indicators[2].actual = read_value_cell(">=90%");          // warning, indicator 2
    f.indicators[0].target = read_value_cell("<=800人");        // notice, indicator 0
    f.indicators[0].actual = read_value_cell("800人");
    f.money.at(funds_row::current_appropriation, funds_column::full_year_budget) = read_number_cell("90");  // error
    auto fs = run(f);
    ASSERT_GE(fs.size(), 4U);
    for (std::size_t i = 1; i < fs.size(); ++i) EXPECT_LE(fs[i - 1].level, fs[i].level) << codes(fs);
    EXPECT_EQ(fs.front().code, "funds.sources_mismatch");
    EXPECT_EQ(fs.back().code, "rule.quantity_upper_bound");
    EXPECT_EQ(fs[1].code, "evidence.full_marks_unsupported");  // block form before indicators
    EXPECT_EQ(fs[2].code, "evidence.actual_restates_target");
}

TEST(audit, trust_level_follows_the_most_severe_finding) {
    std::vector<finding> fs(2);
    fs[0].level = severity::notice;
    fs[1].level = severity::notice;
    EXPECT_EQ(summarize(fs).trust, trust_level::trusted);
    fs[1].level = severity::warning;
    EXPECT_EQ(summarize(fs).trust, trust_level::review);
    fs[0].level = severity::error;
    form_summary s = summarize(fs);
    EXPECT_EQ(s.trust, trust_level::untrusted);
    EXPECT_EQ(s.errors, 1U);
    EXPECT_EQ(s.warnings, 1U);
    EXPECT_EQ(s.notices, 0U);
}

TEST(audit, findings_serialise_to_json) {
    form f = clean_form();
    f.indicators[2].actual = read_value_cell(">=90%");
    auto fs = run(f);
    auto j = nlohmann::json::parse(findings_to_json(fs));
    EXPECT_EQ(j["format"], "jixiao.findings");
    EXPECT_EQ(j["summary"]["trust"], "review");
    ASSERT_EQ(j["findings"].size(), fs.size());
    EXPECT_EQ(j["findings"][1]["code"], "evidence.actual_restates_target");
    EXPECT_EQ(j["findings"][1]["indicator"], 3);  // the 1-based number of indicators[2]
    EXPECT_EQ(j["findings"][1]["evidence"]["actual"], ">=90%");
    EXPECT_EQ(j["findings"][1]["message_zh"], fs[1].message_zh);
    EXPECT_TRUE(j["findings"][0]["indicator"].is_null());
    EXPECT_EQ(nlohmann::json::parse(findings_to_json(fs, -1)), j);
}

TEST(audit, catalogue_codes_are_unique_and_messages_complete) {
    std::set<std::string_view> seen;
    for (const check_info& c : check_catalogue()) {
        EXPECT_TRUE(seen.insert(c.code).second) << c.code;
        EXPECT_FALSE(c.title_zh.empty() || c.title_en.empty() || c.description.empty()) << c.code;
        EXPECT_FALSE(c.message_zh.empty() || c.message_en.empty()) << c.code;
        EXPECT_EQ(find_check(c.code), &c);
    }
    EXPECT_EQ(find_check("no.such_code"), nullptr);
    EXPECT_GE(seen.size(), 30U);
}

TEST(audit, every_catalogued_code_is_documented) {
    std::string doc = slurp(std::string(JIXIAO_SOURCE_DIR) + "/docs/checks.md");
    ASSERT_FALSE(doc.empty());
    for (const check_info& c : check_catalogue()) {
        EXPECT_NE(doc.find("`" + std::string(c.code) + "`"), std::string::npos) << c.code;
    }
}

// ---- the eight sample forms ------------------------------------------------------------------

TEST(audit_samples, songjiang_2023_forms_give_exactly_the_reviewers_findings) {
    auto expected = nlohmann::json::parse(
        slurp(std::string(JIXIAO_TEST_DATA_DIR) + "/audit/songjiang-2023-expected-findings.json"));
    ASSERT_EQ(expected["forms"].size(), 8U);
    const rulebook b = builtin_rulebook(expected["rulebook"].get<std::string>()).value_or_throw();
    std::vector<std::vector<finding>> all;
    for (const auto& ef : expected["forms"]) {
        const std::string file = ef["form"].get<std::string>();
        SCOPED_TRACE(file);
        auto f = read_form_json(slurp(std::string(JIXIAO_TEST_DATA_DIR) + "/forms/" + file));
        ASSERT_TRUE(f.has_value()) << f.error().describe();
        auto fs = audit(*f, score(*f, b), b);
        const auto& want = ef["findings"];
        ASSERT_EQ(fs.size(), want.size()) << codes(fs);
        for (std::size_t i = 0; i < fs.size(); ++i) {
            const auto& w = want[i];
            SCOPED_TRACE("finding " + std::to_string(i) + " " + w["code"].get<std::string>());
            EXPECT_EQ(fs[i].code, w["code"].get<std::string>());
            EXPECT_EQ(to_string(fs[i].level), w["severity"].get<std::string>());
            if (w["indicator"].is_null()) {
                EXPECT_FALSE(fs[i].indicator.has_value());
            } else {
                EXPECT_EQ(fs[i].indicator, w["indicator"].get<std::size_t>());
            }
            EXPECT_EQ(fs[i].field, w["field"].get<std::string>());
            for (const auto& [key, value] : w["evidence"].items()) {
                EXPECT_EQ(fs[i].evidence_value(key), value.get<std::string>()) << key;
            }
            EXPECT_EQ(fs[i].message_zh.find('{'), std::string::npos) << fs[i].message_zh;
            EXPECT_EQ(fs[i].message_en.find('{'), std::string::npos) << fs[i].message_en;
        }
        EXPECT_EQ(to_string(summarize(fs).trust), ef["trust"].get<std::string>());
        all.push_back(std::move(fs));
    }
    portfolio_summary p = summarize_portfolio(all);
    EXPECT_EQ(p.forms, 8U);
    EXPECT_EQ(p.forms_by_code["evidence.goal_copied"], 8U);
    EXPECT_EQ(p.forms_by_code["evidence.full_marks_unsupported"], 8U);
    EXPECT_EQ(p.forms_by_code["funds.sources_mismatch"], 1U);
    EXPECT_EQ(p.forms_by_trust[static_cast<std::size_t>(trust_level::untrusted)], 2U);
    EXPECT_EQ(p.forms_by_trust[static_cast<std::size_t>(trust_level::review)], 6U);
    std::size_t restated = 0;
    for (const auto& ef : expected["forms"]) {
        for (const auto& w : ef["findings"]) restated += w["code"] == "evidence.actual_restates_target" ? 1U : 0U;
    }
    EXPECT_EQ(p.findings_by_code["evidence.actual_restates_target"], restated);
    auto pj = nlohmann::json::parse(to_json(p));
    EXPECT_EQ(pj["codes"]["evidence.goal_copied"]["forms"], 8);
}

// ---- robustness --------------------------------------------------------------------------------

TEST(audit_robustness, damaged_sample_forms_never_throw_and_fill_every_message) {
    const char* damage[] = {"", "—", "abc", "-5", ">=", "999999999999999999999999", "0", "达成年度指标"};
    std::set<std::string> seen;
    for (int n = 1; n <= 8; ++n) {
        auto base = read_form_json(slurp(std::string(JIXIAO_TEST_DATA_DIR) + "/forms/songjiang-2023-" +
                                         std::to_string(n) + ".json"));
        ASSERT_TRUE(base.has_value());
        for (const char* d : damage) {
            form f = *base;
            for (std::size_t i = 0; i < f.indicators.size(); ++i) {
                indicator& ind = f.indicators[i];
                switch (i % 4) {
                case 0: ind.target = read_value_cell(d); break;
                case 1: ind.actual = read_value_cell(d); break;
                case 2: ind.weight = read_number_cell(d); break;
                default: ind.score = read_number_cell(d); break;
                }
            }
            f.money.at(funds_row::total, funds_column::full_year_budget) = read_number_cell(d);
            f.money.execution_rate = read_number_cell(d, true);
            f.total_score = read_number_cell(d);
            f.reported_grade = d;
            std::vector<finding> fs;
            ASSERT_NO_THROW(fs = audit(f, book())) << "form " << n << " damage " << d;
            for (const finding& x : fs) {
                seen.insert(x.code);
                EXPECT_NE(find_check(x.code), nullptr) << x.code;
                EXPECT_EQ(x.message_zh.find('{'), std::string::npos) << x.message_zh;
                EXPECT_EQ(x.message_en.find('{'), std::string::npos) << x.message_en;
            }
            EXPECT_FALSE(findings_to_json(fs).empty());
        }
    }
    EXPECT_GE(seen.size(), 10U);
}

TEST(audit_arithmetic, a_negative_amount_is_an_error_naming_its_cell) {
    form f = clean_form();
    f.money.at(funds_row::total, funds_column::full_year_budget) = read_number_cell("-100");
    f.money.at(funds_row::other, funds_column::executed) = read_number_cell("-5");
    const auto hits = with_code(run(f), "funds.negative_amount");
    ASSERT_EQ(hits.size(), 2U) << codes(run(f));
    EXPECT_EQ(hits[0].level, severity::error);
    std::vector<std::string> fields{hits[0].field, hits[1].field};
    std::sort(fields.begin(), fields.end());
    EXPECT_EQ(fields, (std::vector<std::string>{"other.executed", "total.full_year_budget"}));
    EXPECT_FALSE(has(run(clean_form()), "funds.negative_amount"));
}

TEST(audit_arithmetic, a_total_without_one_of_its_lines_is_incomplete_and_still_compared_in_part) {
    form f = clean_form();
    f.money.at(funds_row::total, funds_column::full_year_budget) = read_number_cell("-100");  // execution not scorable
    f.total_score = read_number_cell("95");
    const auto fs = run(f);
    const auto hits = with_code(fs, "total.incomplete");
    ASSERT_EQ(hits.size(), 1U) << codes(fs);
    EXPECT_EQ(hits[0].level, severity::warning);
    // The indicators compute to 90, the execution line's reported score is 10: 100 against 95.
    EXPECT_EQ(hits[0].evidence_value("computed_partial"), "90.00");
    EXPECT_EQ(hits[0].evidence_value("comparable"), "100.00");
    EXPECT_EQ(hits[0].evidence_value("difference"), "5.00");
    EXPECT_NE(hits[0].message_zh.find("预算执行率"), std::string::npos) << hits[0].message_zh;
    EXPECT_NE(hits[0].message_zh.find("部分核对"), std::string::npos) << hits[0].message_zh;
    EXPECT_FALSE(has(fs, "total.computed_mismatch"));  // a full comparison needs every line
    // A line left out without a reported score: nothing to compare with, and it says so.
    f.money.score = reported<decimal>{};
    const auto again = with_code(run(f), "total.incomplete");
    ASSERT_EQ(again.size(), 1U);
    EXPECT_EQ(again[0].evidence_value("comparable"), "");
    EXPECT_NE(again[0].message_en.find("cannot be checked"), std::string::npos) << again[0].message_en;
    EXPECT_FALSE(has(run(clean_form()), "total.incomplete"));
}

namespace {

/// Latin words (two letters or more) of a Chinese template, outside `{placeholders}` and
/// `code spans`: what a Chinese reader would see in English.
std::vector<std::string> latin_words(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    bool in_placeholder = false;
    bool in_code = false;
    // Names of products and formats are names in Chinese text too.
    static const std::set<std::string> names{"Excel", "LibreOffice", "WPS", "PDF", "OCR"};
    auto flush = [&] {
        if (word.size() >= 2 && names.count(word) == 0) out.push_back(word);
        word.clear();
    };
    for (char ch : text) {
        if (ch == '{') in_placeholder = true;
        if (ch == '`') in_code = !in_code;
        const bool letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
        if (letter && !in_placeholder && !in_code) {
            word += ch;
        } else {
            flush();
        }
        if (ch == '}') in_placeholder = false;
    }
    flush();
    return out;
}

}  // namespace

TEST(audit_catalogue, every_chinese_message_and_title_is_chinese) {
    for (const check_info& c : check_catalogue()) {
        EXPECT_TRUE(latin_words(c.message_zh).empty()) << c.code << ": " << c.message_zh;
        EXPECT_TRUE(latin_words(c.title_zh).empty()) << c.code << ": " << c.title_zh;
    }
    for (std::string_view code : import_note_codes_with_zh()) {
        EXPECT_TRUE(latin_words(import_note_zh(code)).empty()) << code << ": " << import_note_zh(code);
    }
    EXPECT_EQ(latin_words("导入修复：{message_zh}（原文“{text}”）"), std::vector<std::string>{});
    EXPECT_EQ(latin_words("导入修复：HTML tags removed"), (std::vector<std::string>{"HTML", "tags", "removed"}));
}

TEST(audit_hygiene, an_import_note_is_reported_in_chinese) {
    io::import_note note;
    note.code = "html_tags_stripped";
    note.kind = io::note_kind::repair;
    note.message = "HTML tags removed from the goal text";
    note.text = "<p>目标</p>";
    const std::vector<io::import_note> notes{note};
    const auto hits = with_code(run(clean_form(), notes), "import.repair");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_TRUE(latin_words(hits[0].message_zh).empty()) << hits[0].message_zh;
    EXPECT_NE(hits[0].message_en.find("HTML tags removed"), std::string::npos);
    note.code = "some_future_note";
    const std::vector<io::import_note> unknown{note};
    const auto other = with_code(run(clean_form(), unknown), "import.repair");
    ASSERT_EQ(other.size(), 1U);
    EXPECT_NE(other[0].message_zh.find("导入说明（some_future_note）"), std::string::npos) << other[0].message_zh;
}
