// Scoring by kind of form: the department rulebook, declarations (not scored, report only), the
// rubric form scored from each line's own 评分标准, and the choice of rulebook by kind. The
// fixtures are tests/data/forms/kinds/*.json (written for these tests).
#include <jixiao/json.hpp>
#include <jixiao/rulebook.hpp>
#include <jixiao/score_table.hpp>
#include <jixiao/scoring.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace jixiao;

namespace {

decimal d(std::string_view s) { return decimal::from_string(s); }

form fixture(const std::string& name) {
    std::ifstream in(std::filesystem::path(JIXIAO_TEST_DATA_DIR) / "forms" / "kinds" / name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    auto forms = read_forms_json(s.str());
    EXPECT_TRUE(forms.has_value()) << name;
    EXPECT_EQ(forms->size(), 1u);
    return forms->front();
}

rulebook builtin(std::string_view name) { return builtin_rulebook(name).value_or_throw(); }

indicator rubric_line(std::string_view actual, std::string_view weight, std::string_view reported, std::string rule,
                      std::string_view target = "") {
    indicator i;
    i.name = "line";
    i.target = read_value_cell(target);
    i.actual = read_value_cell(actual);
    i.weight = read_number_cell(weight);
    i.score = read_number_cell(reported);
    i.extra.push_back(extra_cell{"评分标准", std::move(rule)});
    return i;
}

score_line score_rubric(indicator ind) {
    form f;
    f.kind = form_kind::rubric_evaluation;
    f.indicators.push_back(std::move(ind));
    return score(f, builtin("rubric-2020")).indicators.at(0);
}

}  // namespace

TEST(kinds_rulebook, each_kind_names_its_rulebook) {
    EXPECT_EQ(rulebook_name_for(form_kind::department_self_evaluation), "department-2020");
    EXPECT_EQ(rulebook_name_for(form_kind::rubric_evaluation), "rubric-2020");
    EXPECT_EQ(rulebook_name_for(form_kind::project_self_evaluation), "mof-2020");
    EXPECT_EQ(rulebook_name_for(form_kind::transfer_self_evaluation), "mof-2020");
    EXPECT_EQ(kind_rulebook_name(form_kind::project_self_evaluation), "");
    EXPECT_EQ(kind_rulebook_name(form_kind::project_declaration), "");
    for (form_kind k : {form_kind::department_self_evaluation, form_kind::rubric_evaluation}) {
        EXPECT_TRUE(builtin_rulebook(rulebook_name_for(k)).has_value()) << to_string(k);
    }
}

TEST(kinds_rulebook, department_rulebook_is_execution_10_indicators_90) {
    const rulebook book = builtin("department-2020");
    EXPECT_EQ(book.id, "department-2020");
    EXPECT_EQ(book.execution.default_weight, d("10"));
    EXPECT_TRUE(book.execution.cap_at_weight);
    EXPECT_EQ(book.audit.indicator_weight, d("90"));
    EXPECT_EQ(book.audit.total_weight, d("100"));
    ASSERT_EQ(book.grades.size(), 4u);
    EXPECT_EQ(book.grade_for(d("90")), "优");
    EXPECT_EQ(book.grade_for(d("89.99")), "良");
    EXPECT_EQ(book.grade_for(d("80")), "良");
    EXPECT_EQ(book.grade_for(d("79.99")), "中");
    EXPECT_EQ(book.grade_for(d("59.99")), "差");
    EXPECT_FALSE(book.weights.output.has_value());  // the unit sets its level-1 weights
}

TEST(kinds_scoring, department_form_scores_like_the_funds_row_and_indicators) {
    const form f = fixture("department-2023.json");
    ASSERT_EQ(f.kind, form_kind::department_self_evaluation);
    const scorecard card = score(f);  // by kind: department-2020
    EXPECT_EQ(card.rulebook_id, "department-2020");
    EXPECT_EQ(card.kind, form_kind::department_self_evaluation);
    EXPECT_TRUE(card.scorable);
    EXPECT_EQ(card.unscored, unscored_reason::none);
    EXPECT_EQ(*card.execution.computed, d("9.50"));  // 10 x 1900 / 2000
    EXPECT_EQ(*card.execution_rate_percent, d("95.00"));
    EXPECT_EQ(*card.indicators[1].computed, d("19.60"));  // 20 x 98 / 100
    EXPECT_EQ(*card.indicators[3].computed, d("9.60"));   // 10 x (1 - 200 / 5000)
    EXPECT_EQ(card.computed_total, d("98.70"));
    EXPECT_TRUE(card.total_complete);
    EXPECT_EQ(card.computed_grade, "优");
    EXPECT_EQ(*card.total_difference, d("0"));
}

TEST(kinds_scoring, execution_above_budget_is_capped_on_a_department_form) {
    form f = fixture("department-2023.json");
    f.money.at(funds_row::total, funds_column::executed) = read_number_cell("2100.00");
    const scorecard card = score(f);
    EXPECT_EQ(card.execution.reason, line_reason::execution_capped);
    EXPECT_EQ(*card.execution.computed, d("10"));
}

TEST(kinds_scoring, declaration_is_not_scored_whatever_the_rulebook) {
    const form f = fixture("declaration-2024.json");
    ASSERT_TRUE(is_declaration(f.kind));
    for (const rulebook& book : {builtin("mof-2020"), builtin("department-2020")}) {
        const scorecard card = score(f, book);
        EXPECT_FALSE(card.scorable);
        EXPECT_EQ(card.unscored, unscored_reason::declaration);
        EXPECT_TRUE(card.computed_grade.empty());
        EXPECT_FALSE(card.total_complete);
        EXPECT_EQ(card.computed_total, d("0"));
        EXPECT_FALSE(card.total_difference.has_value());
        EXPECT_EQ(card.execution.reason, line_reason::not_scorable_kind);
        ASSERT_EQ(card.indicators.size(), f.indicators.size());
        for (const score_line& line : card.indicators) {
            EXPECT_EQ(line.status, line_status::not_scorable);
            EXPECT_EQ(line.reason, line_reason::not_scorable_kind);
            EXPECT_FALSE(line.computed.has_value());
            EXPECT_FALSE(line.counted.has_value());
        }
        EXPECT_EQ(not_scored_text(card), "not scored: a declaration");
        EXPECT_EQ(not_scored_text(card, true), "目标申报表不评分");
    }
}

TEST(kinds_scoring, department_declaration_is_not_scored_either) {
    form f = fixture("department-2023.json");
    f.kind = form_kind::department_declaration;
    const scorecard card = score(f);
    EXPECT_EQ(card.unscored, unscored_reason::declaration);
    EXPECT_TRUE(card.computed_grade.empty());
}

TEST(kinds_scoring, empty_shell_says_why) {
    form f;
    const scorecard card = score(f);
    EXPECT_EQ(card.unscored, unscored_reason::empty_shell);
    EXPECT_EQ(not_scored_text(card), "not scorable (no indicator, no funds figure)");
    form scored = fixture("project-2023.json");
    EXPECT_EQ(not_scored_text(score(scored)), "");
}

TEST(kinds_scoring, rubric_form_scored_from_its_own_rules) {
    const form f = fixture("rubric-2023.json");
    ASSERT_EQ(f.kind, form_kind::rubric_evaluation);
    const scorecard card = score(f);
    EXPECT_EQ(card.rulebook_id, "rubric-2020");
    // No 分值 for the funds: no execution line, and the total is still complete.
    EXPECT_EQ(card.execution.reason, line_reason::execution_not_in_form);
    EXPECT_FALSE(card.execution.weight.has_value());
    const auto& l = card.indicators;
    ASSERT_EQ(l.size(), 7u);
    EXPECT_EQ(l[0].reason, line_reason::as_reported);  // 有……计5分，没有不得分: no mechanical rule
    EXPECT_EQ(l[0].status, line_status::manual);
    EXPECT_EQ(*l[0].counted, d("5"));
    EXPECT_EQ(l[1].reason, line_reason::rubric_linear);  // 20 - 0.5 x (100 - 92) / 1
    EXPECT_EQ(*l[1].computed, d("16.00"));
    EXPECT_EQ(l[2].reason, line_reason::rubric_band);  // 96% >= 95%: 20
    EXPECT_EQ(*l[2].computed, d("20.00"));
    EXPECT_EQ(l[3].reason, line_reason::rubric_band);  // 91% in [90%, 95%): 6
    EXPECT_EQ(*l[3].computed, d("6.00"));
    EXPECT_EQ(*l[3].difference, d("-2"));
    EXPECT_EQ(l[4].reason, line_reason::rubric_completion);  // 12月底 by 12月底: met
    EXPECT_EQ(*l[4].computed, d("10.00"));
    EXPECT_EQ(l[5].reason, line_reason::rubric_linear);  // 20 - 1 x (90 - 88) / 1
    EXPECT_EQ(*l[5].computed, d("18.00"));
    EXPECT_EQ(l[6].reason, line_reason::as_reported);  // 酌情打分
    EXPECT_EQ(*l[6].counted, d("8"));
    EXPECT_EQ(card.computed_total, d("83.00"));
    EXPECT_TRUE(card.total_complete);
    EXPECT_EQ(card.weight_total, d("100"));
    EXPECT_EQ(card.computed_grade, "良");
    EXPECT_EQ(*card.total_difference, d("-2.00"));
}

TEST(kinds_scoring, rubric_trace_names_the_clause_used) {
    const scorecard card = score(fixture("rubric-2023.json"));
    const score_trace& band = card.indicators[3].trace;
    EXPECT_EQ(band.rule, "rubric.band");
    EXPECT_NE(band.formula.find("90%-95%得6分"), std::string::npos) << band.formula;
    EXPECT_NE(band.formula.find("clause 2 of 3"), std::string::npos) << band.formula;
    const score_trace& linear = card.indicators[1].trace;
    EXPECT_EQ(linear.rule, "rubric.linear");
    EXPECT_NE(linear.formula.find("每降低1个百分点扣0.5分"), std::string::npos) << linear.formula;
    EXPECT_NE(linear.formula.find("= 16.00"), std::string::npos) << linear.formula;
    bool has_rule_input = false;
    for (const auto& [name, text] : linear.inputs) has_rule_input = has_rule_input || (name == "rule" && text.find("执行率") != std::string::npos);
    EXPECT_TRUE(has_rule_input);
    EXPECT_EQ(card.indicators[0].trace.rule, "rubric.as_reported");
}

TEST(kinds_scoring, rubric_rules_on_their_own) {
    // Proportional deduction: 1.5 points short is 0.75 off.
    EXPECT_EQ(*score_rubric(rubric_line("98.5%", "10", "9", "达到100%得满分，每降低1%扣0.5分")).computed, d("9.25"));
    // Floored at 0.
    EXPECT_EQ(*score_rubric(rubric_line("50%", "10", "0", "达到100%得满分，每降低1%扣0.5分")).computed, d("0.00"));
    // The full band holds.
    EXPECT_EQ(*score_rubric(rubric_line("100%", "10", "10", "达到100%得满分，每降低1%扣0.5分")).computed, d("10.00"));
    // A lower band caps the deduction's range.
    EXPECT_EQ(*score_rubric(rubric_line("70%", "10", "0", "≥95%得满分，每降低1%扣0.2分，低于80%不得分")).computed, d("0.00"));
    EXPECT_EQ(*score_rubric(rubric_line("85%", "10", "8", "≥95%得满分，每降低1%扣0.2分，低于80%不得分")).computed, d("8.00"));
    // Excess: lower is better.
    EXPECT_EQ(*score_rubric(rubric_line("33天", "10", "4", "工期30天以内得满分，每延迟1天扣2分")).computed, d("4.00"));
    // A number without a unit takes the actual's.
    EXPECT_EQ(*score_rubric(rubric_line("96%", "10", "10", "满意度95以上得满分，90-95得6分")).computed, d("10.00"));
    // Completion not met.
    EXPECT_EQ(*score_rubric(rubric_line("80%", "5", "0", "完成得满分，未完成不得分", ">=90%")).computed, d("0.00"));
    // Only the failure priced: success keeps the weight.
    EXPECT_EQ(*score_rubric(rubric_line("95%", "5", "5", "未完成不得分", ">=90%")).computed, d("5.00"));
}

TEST(kinds_scoring, rubric_lines_kept_as_reported) {
    // No band holds and no deduction: as reported.
    score_line gap = score_rubric(rubric_line("85%", "10", "7", "≥95%得10分；90%-95%得8分"));
    EXPECT_EQ(gap.reason, line_reason::as_reported);
    EXPECT_EQ(*gap.counted, d("7"));
    // Units that do not compare: 元 against a percent.
    EXPECT_EQ(score_rubric(rubric_line("500元", "10", "10", "≥95%得满分")).reason, line_reason::as_reported);
    // A band worth more than the line.
    EXPECT_EQ(score_rubric(rubric_line("99%", "5", "5", "≥95%得10分")).reason, line_reason::as_reported);
    // No rule column.
    indicator bare = rubric_line("99%", "5", "5", "");
    bare.extra.clear();
    EXPECT_EQ(score_rubric(bare).reason, line_reason::as_reported);
    // An actual that is a bound, not a measurement.
    EXPECT_EQ(score_rubric(rubric_line(">=95%", "5", "5", "≥95%得满分")).reason, line_reason::as_reported);
    // As reported and out of [0, weight]: not counted, the total incomplete.
    form f;
    f.kind = form_kind::rubric_evaluation;
    f.indicators.push_back(rubric_line("", "5", "6", "酌情打分"));
    const scorecard card = score(f, builtin("rubric-2020"));
    EXPECT_FALSE(card.indicators[0].counted.has_value());
    EXPECT_FALSE(card.total_complete);
}

TEST(kinds_scoring, rubric_form_with_a_funds_weight_scores_its_execution) {
    form f = fixture("rubric-2023.json");
    f.money.weight = read_number_cell("10");
    const scorecard card = score(f);
    EXPECT_EQ(card.execution.reason, line_reason::execution_rate);
    EXPECT_EQ(*card.execution.computed, d("9.20"));  // 10 x 276000 / 300000
}

TEST(kinds_scoring, transfer_form_keeps_the_project_rules) {
    form f = fixture("project-2023.json");
    const scorecard project = score(f, builtin("mof-2020"));
    f.kind = form_kind::transfer_self_evaluation;
    const scorecard transfer = score(f);
    EXPECT_EQ(transfer.rulebook_id, "mof-2020");
    EXPECT_EQ(transfer.computed_total, project.computed_total);
    EXPECT_EQ(transfer.computed_total, d("98.44"));
    EXPECT_EQ(transfer.computed_grade, "优");
}

TEST(kinds_scoring, reused_card_equals_a_fresh_one_across_kinds) {
    scorecard card;
    for (const char* name : {"rubric-2023.json", "declaration-2024.json", "department-2023.json", "declaration-2024.json"}) {
        const form f = fixture(name);
        const rulebook book = builtin(rulebook_name_for(f.kind));
        score_into(f, book, card);
        EXPECT_EQ(card, score(f, book)) << name;
    }
}

TEST(kinds_scoring, score_table_marks_a_declaration_not_scored) {
    const std::vector<form> forms{fixture("project-2023.json"), fixture("declaration-2024.json")};
    const score_table table = tabulate(forms, builtin("mof-2020"));
    ASSERT_EQ(table.forms.size(), 2u);
    EXPECT_TRUE(table.forms[0].scored);
    EXPECT_EQ(table.forms[0].computed_total, d("98.44"));
    EXPECT_FALSE(table.forms[1].scored);
    EXPECT_TRUE(table.forms[1].grade.empty());
    EXPECT_EQ(table.rows[table.forms[1].first_row].reason, line_reason::not_scorable_kind);
}
