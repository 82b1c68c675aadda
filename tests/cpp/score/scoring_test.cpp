// The scoring engine: the eight published sample forms, the worked cases of issue 4, every
// built-in variant, and the engine's behaviour where the rules leave judgement.
#include <jixiao/json.hpp>
#include <jixiao/rulebook.hpp>
#include <jixiao/scoring.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace jixiao;
using namespace jixiao::literals;

namespace {

const std::filesystem::path test_data(JIXIAO_TEST_DATA_DIR);

rulebook builtin(std::string_view name) { return builtin_rulebook(name).value_or_throw(); }
const rulebook& mof() {
    static const rulebook book = builtin("mof-2020");
    return book;
}

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A form with a funds row and no indicators.
form make_form(std::string_view budget, std::string_view executed, std::string_view weight = "10",
               std::string_view reported = "10") {
    form f;
    f.money.at(funds_row::total, funds_column::full_year_budget) = read_number_cell(budget);
    f.money.at(funds_row::total, funds_column::executed) = read_number_cell(executed);
    f.money.weight = read_number_cell(weight);
    f.money.score = read_number_cell(reported);
    return f;
}

indicator make_indicator(std::string_view target, std::string_view actual, std::string_view weight,
                         std::string_view reported = "", std::string note = {}) {
    indicator i;
    i.level1 = category::output;
    i.name = "indicator";
    i.target = read_value_cell(target);
    i.actual = read_value_cell(actual);
    i.weight = read_number_cell(weight);
    i.score = read_number_cell(reported);
    i.deviation_note = std::move(note);
    return i;
}

/// Scores one indicator (inside a form with a 100/100 funds row) under `book`.
score_line one(const indicator& ind, const rulebook& book = mof()) {
    form f = make_form("100", "100");
    f.indicators.push_back(ind);
    scorecard card = score(f, book);
    return card.indicators.at(0);
}

std::string str(const std::optional<decimal>& d) { return d ? d->to_string() : std::string("none"); }

}  // namespace

// ---------------------------------------------------------------------------------------------
// The eight sample forms (tests/data/forms/songjiang-2023-N.json) score as published.

TEST(scoring_samples, the_eight_published_forms_score_100_with_every_line_traced) {
    int read = 0;
    for (int n = 1; n <= 8; ++n) {
        std::filesystem::path p = test_data / "forms" / ("songjiang-2023-" + std::to_string(n) + ".json");
        ASSERT_TRUE(std::filesystem::exists(p)) << p;
        auto f = read_form_json(read_text(p));
        ASSERT_TRUE(f.has_value()) << p << ": " << f.error().describe();
        ++read;
        scorecard card = score(*f, mof());
        SCOPED_TRACE(p.filename().string());
        EXPECT_EQ(card.rulebook_id, "mof-2020");
        EXPECT_EQ(card.computed_total, "100"_dec);
        EXPECT_TRUE(card.total_complete);
        ASSERT_TRUE(card.reported_total.has_value());
        EXPECT_EQ(*card.total_difference, "0"_dec);
        ASSERT_TRUE(card.execution_rate_percent.has_value());
        EXPECT_EQ(card.execution_rate_percent->to_string(), "100.00");
        EXPECT_EQ(str(card.execution.computed), "10.00");
        EXPECT_EQ(card.execution.status, line_status::computed);
        EXPECT_EQ(*card.execution.difference, "0"_dec);
        EXPECT_FALSE(card.execution.trace.empty());
        EXPECT_FALSE(card.execution.trace.citation.empty());
        EXPECT_EQ(card.computed_grade, mof().grades.front().name);
        EXPECT_EQ(card.weight_total, "100"_dec);
        ASSERT_EQ(card.indicators.size(), f->indicators.size());
        for (const score_line& line : card.indicators) {
            const indicator& ind = f->indicators[line.index];
            SCOPED_TRACE(ind.name + " " + ind.target.text + " / " + ind.actual.text);
            EXPECT_NE(line.status, line_status::not_scorable) << to_string(line.reason);
            EXPECT_NE(line.status, line_status::out_of_band);
            ASSERT_TRUE(line.counted.has_value()) << to_string(line.reason);
            EXPECT_EQ(*line.counted, *ind.score.value);
            if (line.computed) {
                EXPECT_EQ(*line.difference, "0"_dec);
            }
            EXPECT_FALSE(line.trace.rule.empty());
            EXPECT_FALSE(line.trace.formula.empty());
            EXPECT_FALSE(line.trace.rounding.empty());
            EXPECT_FALSE(line.trace.citation.empty());
            EXPECT_FALSE(line.trace.inputs.empty());
        }
    }
    EXPECT_EQ(read, 8);
}

TEST(scoring_samples, restated_comparators_are_manual_and_measured_lines_are_computed) {
    auto f = read_form_json(read_text(test_data / "forms" / "songjiang-2023-3.json"));
    ASSERT_TRUE(f.has_value()) << f.error().describe();
    scorecard card = score(*f, mof());
    int computed = 0;
    int manual = 0;
    for (const score_line& line : card.indicators) {
        const indicator& ind = f->indicators[line.index];
        if (ind.target.text == "<=20人次") {  // actual 20人次: measured and met
            EXPECT_EQ(line.status, line_status::computed);
            EXPECT_EQ(line.reason, line_reason::target_met);
            EXPECT_EQ(str(line.computed), "7.00");
            ASSERT_TRUE(line.deviation.has_value());
            EXPECT_EQ(line.deviation->compare_to("0"_dec), std::strong_ordering::equal);
        }
        if (ind.target.text == "≤30个工作日") {  // actual ≤30个工作日: restates the target
            EXPECT_EQ(line.status, line_status::manual);
            EXPECT_EQ(line.reason, line_reason::restates_target);
            EXPECT_FALSE(line.computed.has_value());
        }
        computed += line.status == line_status::computed ? 1 : 0;
        manual += line.status == line_status::manual ? 1 : 0;
    }
    EXPECT_GE(computed, 5);
    EXPECT_GE(manual, 3);
}

TEST(scoring_samples, execution_rate_just_below_one_rounds_to_100_percent) {
    // Sample 5: 3,207,823 of 3207825.00.
    form f = make_form("3207825.00", "3,207,823");
    scorecard card = score(f, mof());
    EXPECT_EQ(card.execution_rate_percent->to_string(), "100.00");
    EXPECT_EQ(str(card.execution.computed), "10.00");
    EXPECT_EQ(card.execution.reason, line_reason::execution_rate);
    EXPECT_EQ(card.execution_rate->compare_to("1"_dec), std::strong_ordering::less);
}

// ---------------------------------------------------------------------------------------------
// Execution.

TEST(scoring_execution, rate_0_8618304_is_86_18_percent_and_8_62_points) {
    scorecard card = score(make_form("10000000", "8618304", "10", "8.62"), mof());
    EXPECT_EQ(card.execution_rate_percent->to_string(), "86.18");
    EXPECT_EQ(str(card.execution.computed), "8.62");
    EXPECT_EQ(*card.execution.difference, "0"_dec);
    EXPECT_EQ(card.execution_rate->rounded(7, rounding::half_away_from_zero), "0.8618304"_dec);
    EXPECT_EQ(card.execution.trace.rule, "execution.rate");
    EXPECT_NE(card.execution.trace.formula.find("8618304"), std::string::npos);
}

TEST(scoring_execution, the_20_80_rulebook_gives_a_form_without_its_own_weight_20_points_of_execution) {
    form f = make_form("200", "190", "10", "19");
    f.money.weight = read_number_cell("");  // 预算执行情况(20分): the weight is in the header only
    scorecard card = score(f, builtin("exec20-80"));
    EXPECT_EQ(*card.execution.weight, "20"_dec);
    EXPECT_EQ(str(card.execution.computed), "19.00");  // 20 x 95%
    EXPECT_EQ(str(score(f, mof()).execution.computed), "9.50");  // the default's 10 points
}

TEST(scoring_execution, an_empty_shell_is_not_scorable_and_gets_no_grade) {
    form shell;
    shell.project_name = "只有封面";
    scorecard card = score(shell, mof());
    EXPECT_FALSE(card.scorable);
    EXPECT_EQ(card.computed_grade, "");  // never "差" for a form with nothing read
    EXPECT_FALSE(card.total_complete);
    form funds_only = make_form("100", "100", "10", "10");
    EXPECT_TRUE(score(funds_only, mof()).scorable);  // one funds figure is something to score
    EXPECT_FALSE(score(funds_only, mof()).computed_grade.empty());
}

TEST(scoring_execution, rate_9034_of_20000_is_45_17_percent_and_4_52_points) {
    scorecard card = score(make_form("20000", "9034", "10", "4.5"), mof());
    EXPECT_EQ(card.execution_rate_percent->to_string(), "45.17");
    EXPECT_EQ(str(card.execution.computed), "4.52");
    EXPECT_EQ(*card.execution.difference, "0.02"_dec);
}

TEST(scoring_execution, ties_at_half_a_cent_round_away_from_zero) {
    // 9033 / 20000 = 0.45165 -> 45.17%; 10 x 0.45165 = 4.5165 -> 4.52.
    scorecard a = score(make_form("20000", "9033"), mof());
    EXPECT_EQ(a.execution_rate_percent->to_string(), "45.17");
    EXPECT_EQ(str(a.execution.computed), "4.52");
    // 10 x 198.9 / 200 = 9.945 exactly -> 9.95 (half-even would give 9.94).
    scorecard b = score(make_form("200", "198.9"), mof());
    EXPECT_EQ(str(b.execution.computed), "9.95");
    EXPECT_EQ(b.execution_rate_percent->to_string(), "99.45");
    rulebook even = mof();
    even.rounding_at.mode = rounding::half_even;
    EXPECT_EQ(str(score(make_form("200", "198.9"), even).execution.computed), "9.94");
}

TEST(scoring_execution, zero_budget_gives_rate_0_and_score_0) {
    scorecard card = score(make_form("0", "0", "10", "0"), mof());
    EXPECT_EQ(card.execution.status, line_status::computed);
    EXPECT_EQ(card.execution.reason, line_reason::zero_budget);
    EXPECT_EQ(card.execution_rate_percent->to_string(), "0.00");
    EXPECT_EQ(str(card.execution.computed), "0.00");
}

TEST(scoring_execution, over_execution_is_capped_by_default_and_not_by_the_uncapped_variant) {
    form f = make_form("100", "110");
    scorecard capped = score(f, mof());
    EXPECT_EQ(str(capped.execution.computed), "10.00");
    EXPECT_EQ(capped.execution.reason, line_reason::execution_capped);
    EXPECT_EQ(capped.execution_rate_percent->to_string(), "110.00");
    scorecard uncapped = score(f, builtin("mof-2020-uncapped"));
    EXPECT_EQ(str(uncapped.execution.computed), "11.00");
    EXPECT_EQ(uncapped.execution.reason, line_reason::execution_rate);
}

TEST(scoring_execution, missing_or_negative_amounts_are_not_scorable) {
    scorecard no_budget = score(make_form("", "100"), mof());
    EXPECT_EQ(no_budget.execution.status, line_status::not_scorable);
    EXPECT_EQ(no_budget.execution.reason, line_reason::missing_budget);
    EXPECT_FALSE(no_budget.total_complete);
    scorecard no_exec = score(make_form("100", ""), mof());
    EXPECT_EQ(no_exec.execution.reason, line_reason::missing_executed);
    scorecard negative_budget = score(make_form("-100", "5"), mof());
    EXPECT_EQ(negative_budget.execution.reason, line_reason::invalid_budget);
    scorecard negative_exec = score(make_form("100", "-5", "10", "0"), mof());
    EXPECT_EQ(str(negative_exec.execution.computed), "0.00");
}

TEST(scoring_execution, missing_weight_falls_back_on_the_rulebook_default) {
    scorecard card = score(make_form("100", "50", ""), mof());
    EXPECT_EQ(str(card.execution.computed), "5.00");
    EXPECT_EQ(*card.execution.weight, "10"_dec);
}

// ---------------------------------------------------------------------------------------------
// Quantitative indicators.

TEST(scoring_quantitative, higher_is_better_at_98_percent_of_target_with_weight_10_scores_9_80) {
    score_line line = one(make_indicator(">=100%", "98%", "10", "9.8"));
    EXPECT_EQ(line.status, line_status::computed);
    EXPECT_EQ(line.reason, line_reason::higher_ratio);
    EXPECT_EQ(line.result, outcome::not_met);
    EXPECT_EQ(str(line.computed), "9.80");
    EXPECT_EQ(*line.difference, "0"_dec);
    EXPECT_EQ(line.trace.rule, "quantitative.higher");
    EXPECT_NE(line.trace.formula.find("98"), std::string::npos);
    EXPECT_NE(line.trace.formula.find("9.80"), std::string::npos);
}

TEST(scoring_quantitative, lower_is_better_10_percent_over_with_weight_6_scores_5_40) {
    score_line line = one(make_indicator("<=700元/人次", "770元/人次", "6", "6"));
    EXPECT_EQ(line.reason, line_reason::lower_linear_excess);
    EXPECT_EQ(str(line.computed), "5.40");
    EXPECT_EQ(*line.difference, "-0.60"_dec);
    EXPECT_EQ(line.trace.rule, "quantitative.lower.linear_excess");
    // The reverse formula: 6 x 700 / 770 = 5.4545... -> 5.45.
    score_line ratio = one(make_indicator("<=700元/人次", "770元/人次", "6", "6"), builtin("mof-2020-ratio"));
    EXPECT_EQ(ratio.reason, line_reason::lower_ratio);
    EXPECT_EQ(str(ratio.computed), "5.45");
}

TEST(scoring_quantitative, linear_excess_is_floored_at_zero) {
    score_line line = one(make_indicator("<=100元", "250元", "6"));
    EXPECT_EQ(str(line.computed), "0.00");
}

TEST(scoring_quantitative, met_targets_score_the_full_weight) {
    EXPECT_EQ(str(one(make_indicator("=7个", "=7个", "7")).computed), "7.00");
    EXPECT_EQ(str(one(make_indicator("=100%", "100%", "7")).computed), "7.00");
    EXPECT_EQ(str(one(make_indicator("<=3次", "3次", "7")).computed), "7.00");
    EXPECT_EQ(str(one(make_indicator(">=15户", "16户", "7")).computed), "7.00");
    // `=` is scored as `>=`: above the target is met.
    EXPECT_EQ(str(one(make_indicator("=7个", "8个", "7")).computed), "7.00");
    EXPECT_EQ(str(one(make_indicator("=7个", "6个", "7")).computed), "6.00");
}

TEST(scoring_quantitative, strict_comparators_are_strict) {
    score_line gt = one(make_indicator(">90%", "90%", "10"));
    EXPECT_EQ(gt.result, outcome::not_met);
    EXPECT_EQ(str(gt.computed), "10.00");  // the formula gives 10 x 90 / 90
    score_line lt = one(make_indicator("<5次", "5次", "10"));
    EXPECT_EQ(lt.result, outcome::not_met);
    EXPECT_EQ(lt.reason, line_reason::lower_linear_excess);
}

TEST(scoring_quantitative, money_in_wan_yuan_compares_exactly_with_yuan) {
    score_line met = one(make_indicator("<=3.50万元", "35000元", "10"));
    EXPECT_EQ(met.result, outcome::met);
    EXPECT_EQ(str(met.computed), "10.00");
    // 1 - (36000 - 35000) / 35000 = 34/35 -> 10 x 34 / 35 = 9.714... -> 9.71.
    score_line over = one(make_indicator("<=3.50万元", "36000元", "10"));
    EXPECT_EQ(str(over.computed), "9.71");
}

TEST(scoring_quantitative, zero_targets) {
    score_line eq_met = one(make_indicator("=0次", "0次", "5"));
    EXPECT_EQ(eq_met.result, outcome::met);
    EXPECT_EQ(str(eq_met.computed), "5.00");
    EXPECT_FALSE(eq_met.deviation.has_value());
    score_line eq_not = one(make_indicator("=0次", "2次", "5", "3"));
    EXPECT_EQ(eq_not.status, line_status::manual);
    EXPECT_EQ(eq_not.reason, line_reason::zero_target_not_met);
    EXPECT_EQ(str(eq_not.counted), "3");
    EXPECT_EQ(str(one(make_indicator("<=0次", "0次", "5")).computed), "5.00");
    EXPECT_EQ(one(make_indicator("<=0次", "1次", "5")).reason, line_reason::zero_target_not_met);
}

TEST(scoring_quantitative, negative_and_missing_values) {
    score_line neg_actual = one(make_indicator(">=80%", "-5%", "10", "0"));
    EXPECT_EQ(str(neg_actual.computed), "0.00");
    score_line neg_target = one(make_indicator(">=-5%", "-8%", "10", "4"));
    EXPECT_EQ(neg_target.status, line_status::manual);
    EXPECT_EQ(neg_target.reason, line_reason::negative_target);
    score_line neg_weight = one(make_indicator(">=80%", "90%", "-3", "0"));
    EXPECT_EQ(neg_weight.status, line_status::not_scorable);
    EXPECT_EQ(neg_weight.reason, line_reason::invalid_weight);
    score_line no_weight = one(make_indicator(">=80%", "90%", "", "5"));
    EXPECT_EQ(no_weight.reason, line_reason::missing_weight);
    score_line no_actual = one(make_indicator(">=80%", "", "10", "5"));
    EXPECT_EQ(no_actual.status, line_status::not_scorable);
    EXPECT_EQ(no_actual.reason, line_reason::missing_actual);
    EXPECT_FALSE(no_actual.counted.has_value());
    score_line no_target = one(make_indicator("", "90%", "10", "5"));
    EXPECT_EQ(no_target.reason, line_reason::missing_target);
    score_line no_reported = one(make_indicator(">=80%", "90%", "10"));
    EXPECT_EQ(str(no_reported.computed), "10.00");
    EXPECT_FALSE(no_reported.difference.has_value());

    form f = make_form("100", "100");
    f.indicators.push_back(make_indicator(">=80%", "", "90", "90"));
    scorecard card = score(f, mof());
    EXPECT_FALSE(card.total_complete);
    EXPECT_EQ(card.computed_total, "10.00"_dec);
}

TEST(scoring_quantitative, actuals_that_restate_the_target_are_manual) {
    score_line same = one(make_indicator(">=80%", ">=80%", "10", "10"));
    EXPECT_EQ(same.status, line_status::manual);
    EXPECT_EQ(same.reason, line_reason::restates_target);
    EXPECT_EQ(str(same.counted), "10");
    EXPECT_FALSE(same.computed.has_value());
    score_line bound = one(make_indicator(">=80%", ">=95%", "10", "10"));
    EXPECT_EQ(bound.reason, line_reason::actual_is_bound);
    // A manual score above the weight is not valid for the line: nothing is counted.
    score_line too_high = one(make_indicator(">=80%", ">=80%", "10", "12"));
    EXPECT_FALSE(too_high.counted.has_value());
}

TEST(scoring_quantitative, different_dimensions_are_not_scorable) {
    score_line line = one(make_indicator(">=90%", "20人次", "10", "10"));
    EXPECT_EQ(line.status, line_status::not_scorable);
    EXPECT_EQ(line.reason, line_reason::incompatible_units);
}

TEST(scoring_quantitative, ties_at_half_a_cent) {
    // 10 x 198.9 / 200 = 9.945 -> 9.95 half away from zero.
    EXPECT_EQ(str(one(make_indicator(">=200次", "198.9次", "10")).computed), "9.95");
    // 1 x 0.5 / 100 = 0.005 -> 0.01.
    EXPECT_EQ(str(one(make_indicator(">=100次", "0.5次", "1")).computed), "0.01");
}

TEST(scoring_quantitative, deviation_is_exact_and_flags_over_achievement_at_the_threshold) {
    score_line at = one(make_indicator(">=100次", "130次", "10"));
    ASSERT_TRUE(at.deviation.has_value());
    EXPECT_EQ(*at.deviation, (exact_ratio{"30"_dec, "100"_dec}));
    EXPECT_TRUE(at.over_achieved);
    EXPECT_EQ(str(at.computed), "10.00");  // a finding, not a deduction, by default
    EXPECT_FALSE(one(make_indicator(">=100次", "129次", "10")).over_achieved);
    score_line lower = one(make_indicator("<=100元", "70元", "10"));
    EXPECT_TRUE(lower.over_achieved);
    EXPECT_EQ(lower.deviation->rounded(2, rounding::half_away_from_zero), "-0.30"_dec);
    EXPECT_FALSE(one(make_indicator("<=100元", "71元", "10")).over_achieved);
    // Thirds stay exact: 1/3 is below 0.34 and above 0.33.
    score_line third = one(make_indicator(">=3次", "4次", "10"));
    EXPECT_EQ(third.deviation->compare_to("0.34"_dec), std::strong_ordering::less);
    EXPECT_EQ(third.deviation->compare_to("0.33"_dec), std::strong_ordering::greater);
}

TEST(scoring_quantitative, optional_over_achievement_deduction_applies_only_without_a_note) {
    rulebook book = mof();
    book.over_achievement.deduction = over_achievement_deduction::fraction_of_weight;
    book.over_achievement.fraction = "0.1"_dec;
    score_line bare = one(make_indicator(">=100次", "150次", "10"), book);
    EXPECT_EQ(bare.reason, line_reason::over_achievement_deducted);
    EXPECT_EQ(str(bare.computed), "9.00");
    score_line noted = one(make_indicator(">=100次", "150次", "10", "", "需求增加"), book);
    EXPECT_EQ(str(noted.computed), "10.00");
}

// ---------------------------------------------------------------------------------------------
// Qualitative indicators, time points and ranges.

TEST(scoring_qualitative, tier_bounds_for_weight_7_are_5_60_and_4_20) {
    score_line met = one(make_indicator("提升", "达成年度指标", "7", "5.6"));
    ASSERT_TRUE(met.band.has_value());
    EXPECT_EQ(met.band->lower.to_string(), "5.60");
    EXPECT_EQ(met.band->upper.to_string(), "7.00");
    EXPECT_TRUE(met.band->upper_inclusive);
    EXPECT_EQ(met.status, line_status::validated_in_band);
    EXPECT_EQ(str(met.counted), "5.6");
    EXPECT_FALSE(met.computed.has_value());
    EXPECT_EQ(met.trace.rule, "qualitative.tier");
    EXPECT_EQ(one(make_indicator("提升", "达成年度指标", "7", "5.59")).status, line_status::out_of_band);

    score_line partly = one(make_indicator("提升", "部分达成年度指标并具有一定效果", "7", "4.2"));
    EXPECT_EQ(partly.band->lower.to_string(), "4.20");
    EXPECT_EQ(partly.band->upper.to_string(), "5.60");
    EXPECT_EQ(partly.status, line_status::validated_in_band);
    score_line partly_top = one(make_indicator("提升", "部分达成年度指标并具有一定效果", "7", "5.6"));
    EXPECT_EQ(partly_top.status, line_status::out_of_band);
    EXPECT_FALSE(partly_top.counted.has_value());

    score_line poor = one(make_indicator("提升", "未达成年度指标且效果较差", "7", "4.19"));
    EXPECT_EQ(poor.band->lower.to_string(), "0.00");
    EXPECT_EQ(poor.status, line_status::validated_in_band);
    score_line unreported = one(make_indicator("提升", "未达成年度指标且效果较差", "7"));
    EXPECT_EQ(unreported.reason, line_reason::missing_reported_score);
}

TEST(scoring_qualitative, tier_bounds_round_half_away_from_zero) {
    // 6.25 x 0.6 = 3.75 (exact), 6.25 x 0.8 = 5; 3.3 x 0.6 = 1.98; 0.05 x 0.9 would be a tie.
    score_line line = one(make_indicator("提升", "部分达成年度指标并具有一定效果", "6.25", "3.75"));
    EXPECT_EQ(line.band->lower.to_string(), "3.75");
    rulebook book = mof();
    book.qualitative.tiers[0].lower = "0.9"_dec;
    score_line tie = one(make_indicator("提升", "达成年度指标", "0.05", "0.05"), book);
    EXPECT_EQ(tie.band->lower.to_string(), "0.05");  // 0.045 -> 0.05
}

TEST(scoring_qualitative, an_actual_equal_to_a_met_label_scores_the_full_weight) {
    score_line line = one(make_indicator("及时", "及时", "5", "5"));
    EXPECT_EQ(line.status, line_status::computed);
    EXPECT_EQ(line.reason, line_reason::qualitative_equal_label);
    EXPECT_EQ(str(line.computed), "5.00");
    ASSERT_TRUE(line.band.has_value());
    EXPECT_EQ(line.band->lower.to_string(), "4.00");
    EXPECT_EQ(line.trace.rule, "qualitative.equal_label");
    score_line other = one(make_indicator("提升", "不及时", "5", "2"));
    EXPECT_EQ(other.status, line_status::manual);
    EXPECT_EQ(str(other.counted), "2");
}

TEST(scoring_timeliness, met_time_points_and_periods_score_the_weight_otherwise_manual) {
    score_line point = one(make_indicator("=11月底", "11月底", "5", "5"));
    EXPECT_EQ(point.status, line_status::computed);
    EXPECT_EQ(point.reason, line_reason::time_met);
    EXPECT_EQ(str(point.computed), "5.00");
    score_line period = one(make_indicator("9-11月", "9-11月", "4", "4"));
    EXPECT_EQ(period.status, line_status::computed);
    EXPECT_EQ(str(period.computed), "4.00");
    score_line late = one(make_indicator("=11月底", "12月底", "5", "3"));
    EXPECT_EQ(late.status, line_status::manual);
    EXPECT_EQ(late.reason, line_reason::time_not_met);
    EXPECT_EQ(str(late.counted), "3");
}

TEST(scoring_ranges, an_actual_within_a_range_is_met) {
    score_line in = one(make_indicator("80%-90%", "85%", "10", "10"));
    EXPECT_EQ(in.result, outcome::met);
    EXPECT_EQ(str(in.computed), "10.00");
    score_line out = one(make_indicator("80%-90%", "95%", "10", "8"));
    EXPECT_EQ(out.status, line_status::manual);
    EXPECT_EQ(str(out.counted), "8");
}

TEST(scoring_manual, free_text_is_manual_and_its_reported_score_counts) {
    score_line line = one(make_indicator("按计划推进各项工作并确保质量", "已按计划完成全部工作任务", "10", "9"));
    EXPECT_EQ(line.status, line_status::manual);
    EXPECT_EQ(line.reason, line_reason::not_comparable);
    EXPECT_EQ(str(line.counted), "9");
}

// ---------------------------------------------------------------------------------------------
// Variants, totals and grades.

TEST(scoring_variants, whole_points_round_each_score_and_each_tier_bound) {
    rulebook whole = builtin("mof-2020-whole-points");
    EXPECT_EQ(str(one(make_indicator(">=100%", "98%", "10"), whole).computed), "10");
    EXPECT_EQ(str(one(make_indicator("<=700元", "770元", "6"), whole).computed), "5");
    score_line tier = one(make_indicator("提升", "达成年度指标", "7", "6"), whole);
    EXPECT_EQ(tier.band->lower.to_string(), "6");  // 5.6 -> 6
    EXPECT_EQ(tier.status, line_status::validated_in_band);
    scorecard card = score(make_form("10000000", "8618304"), whole);
    EXPECT_EQ(str(card.execution.computed), "9");
    EXPECT_EQ(card.execution_rate_percent->to_string(), "86.18");  // the rate keeps its 2 places
}

TEST(scoring_variants, grade_bands_80_70_60) {
    form f = make_form("100", "100");
    f.indicators.push_back(make_indicator(">=100%", "83.3333%", "90", "75"));
    // 90 x 0.833333 = 74.99997 -> 75.00; total 85.00.
    scorecard a = score(f, mof());
    EXPECT_EQ(a.computed_total, "85"_dec);
    EXPECT_EQ(a.computed_grade, mof().grades[1].name);
    rulebook b = builtin("mof-2020-grades-80-70-60");
    scorecard c = score(f, b);
    EXPECT_EQ(c.computed_grade, b.grades[0].name);
}

TEST(scoring_variants, not_applicable_indicators_dropped_and_weights_rescaled) {
    form f = make_form("100", "100", "10", "10");
    f.indicators.push_back(make_indicator("=10个", "10个", "50", "50"));
    f.indicators.push_back(make_indicator("提升", "提升", "30", "30"));
    f.indicators.push_back(make_indicator("—", "—", "10", "—"));
    rulebook book = builtin("mof-2020-rescale-na");
    scorecard card = score(f, book);
    EXPECT_EQ(card.indicators[2].status, line_status::not_scorable);
    EXPECT_EQ(card.indicators[2].reason, line_reason::not_applicable_dropped);
    // 100 / 90 of each: 50 -> 55.56, 30 -> 33.33, execution 10 -> 11.11.
    EXPECT_EQ(str(card.indicators[0].computed), "55.56");
    EXPECT_EQ(str(card.indicators[1].computed), "33.33");
    EXPECT_EQ(str(card.execution.computed), "11.11");
    EXPECT_EQ(card.computed_total, "100"_dec);
    EXPECT_TRUE(card.total_complete);
    // Without the option the line is manual and the form totals 90 of 100 points.
    scorecard plain = score(f, mof());
    EXPECT_EQ(plain.indicators[2].status, line_status::manual);
    EXPECT_EQ(plain.indicators[2].reason, line_reason::not_applicable);
    EXPECT_EQ(plain.computed_total, "90"_dec);
}

TEST(scoring_totals, total_is_the_sum_of_rounded_parts) {
    form f = make_form("3", "2", "10", "6.67");  // 6.666... -> 6.67
    f.indicators.push_back(make_indicator(">=3次", "2次", "10", "6.67"));
    f.indicators.push_back(make_indicator(">=3次", "2次", "10", "6.67"));
    scorecard card = score(f, mof());
    EXPECT_EQ(card.computed_total, "20.01"_dec);
    EXPECT_EQ(card.weight_total, "30"_dec);
}

// ---------------------------------------------------------------------------------------------
// Rulebooks from files, traces, batch and threads.

TEST(scoring_rulebooks, a_file_copying_a_builtin_scores_identically) {
    rulebook copy = load_rulebook_file(test_data / "rulebooks" / "good-mof-2020-copy.json").value_or_throw();
    rulebook from_json = load_rulebook_json(to_json(builtin("mof-2020-ratio"))).value_or_throw();
    for (int n = 1; n <= 8; ++n) {
        auto f = read_form_json(read_text(test_data / "forms" / ("songjiang-2023-" + std::to_string(n) + ".json")));
        ASSERT_TRUE(f.has_value());
        f->indicators.push_back(make_indicator("<=700元", "770元", "6", "6"));
        scorecard a = score(*f, mof());
        scorecard b = score(*f, copy);
        EXPECT_EQ(b.rulebook_id, "mof-2020-copy");
        b.rulebook_id = a.rulebook_id;
        EXPECT_EQ(a, b);
        EXPECT_EQ(score(*f, builtin("mof-2020-ratio")), score(*f, from_json));
    }
}

TEST(scoring_traces, traces_off_leaves_them_empty_and_changes_no_number) {
    auto f = read_form_json(read_text(test_data / "forms" / "songjiang-2023-5.json")).value_or_throw();
    f.indicators.push_back(make_indicator(">=100%", "98%", "10", "9.8"));
    scorecard on = score(f, mof());
    scorecard off = score(f, mof(), score_options{false});
    EXPECT_TRUE(off.execution.trace.empty());
    for (score_line& line : on.indicators) {
        EXPECT_FALSE(line.trace.empty());
        line.trace = {};
    }
    for (const score_line& line : off.indicators) EXPECT_TRUE(line.trace.empty());
    on.execution.trace = {};
    EXPECT_EQ(on, off);
}

TEST(scoring_batch, batch_equals_one_by_one_and_threads_agree) {
    std::vector<form> forms;
    for (int n = 1; n <= 8; ++n) {
        forms.push_back(read_form_json(read_text(test_data / "forms" / ("songjiang-2023-" + std::to_string(n) + ".json")))
                            .value_or_throw());
    }
    std::vector<scorecard> batch = score_batch(forms, mof());
    ASSERT_EQ(batch.size(), forms.size());
    for (std::size_t i = 0; i < forms.size(); ++i) EXPECT_EQ(batch[i], score(forms[i], mof()));
    std::vector<scorecard> other;
    std::thread t([&] { other = score_batch(forms, mof()); });
    std::vector<scorecard> here = score_batch(forms, mof());
    t.join();
    EXPECT_EQ(other, here);
}

TEST(scoring_names, statuses_and_reasons_have_stable_names_and_descriptions) {
    EXPECT_EQ(to_string(line_status::validated_in_band), "validated_in_band");
    EXPECT_EQ(to_string(line_status::not_scorable), "not_scorable");
    EXPECT_EQ(to_string(line_reason::restates_target), "restates_target");
    for (int r = 0; r <= static_cast<int>(line_reason::missing_executed); ++r) {
        auto reason = static_cast<line_reason>(r);
        EXPECT_NE(to_string(reason), "unknown") << r;
        EXPECT_FALSE(describe(reason).empty()) << r;
    }
}
