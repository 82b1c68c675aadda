// The rubric grammar (rubric.hpp): rule texts that read as rules, with their bands, and texts
// that must not (a judgement, a count of events, a part the grammar does not know).
#include <jixiao/rubric.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace jixiao;

namespace {

decimal d(std::string_view s) { return decimal::from_string(s); }

}  // namespace

TEST(rubric_rule, linear_deduction_from_a_full_score_bound) {
    auto r = parse_rubric_rule("完成率达到100%得满分，每降低1%扣0.5分");
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->bands.size(), 1u);
    ASSERT_TRUE(r->bands[0].lower.has_value());
    EXPECT_EQ(r->bands[0].lower->number, d("100"));
    EXPECT_TRUE(r->bands[0].lower->inclusive);
    EXPECT_FALSE(r->bands[0].upper.has_value());
    EXPECT_FALSE(r->bands[0].points.has_value());  // 得满分: the weight
    ASSERT_TRUE(r->deduction.has_value());
    EXPECT_TRUE(r->deduction->shortfall);
    EXPECT_EQ(r->deduction->step.number, d("1"));
    EXPECT_EQ(r->deduction->points, d("0.5"));
}

TEST(rubric_rule, percentage_points_and_a_bare_full_score_number) {
    // `100%得满分` with a shortfall deduction reads as at least 100%.
    auto r = parse_rubric_rule("执行率100%得满分；每下降1个百分点扣1分，扣完为止。");
    ASSERT_TRUE(r.has_value());
    ASSERT_TRUE(r->deduction.has_value());
    EXPECT_TRUE(r->bands[0].lower.has_value());
    EXPECT_FALSE(r->bands[0].upper.has_value());
    ASSERT_TRUE(r->deduction->step.in.has_value());
    EXPECT_EQ(r->deduction->step.in->symbol(), "%");
}

TEST(rubric_rule, bands_with_comparators_ranges_and_chains) {
    auto r = parse_rubric_rule("满意度≥95%得10分；90%≤满意度<95%得8分；80%-90%得5分；低于80%不得分");
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->bands.size(), 4u);
    EXPECT_EQ(*r->bands[0].points, d("10"));
    EXPECT_EQ(r->bands[0].lower->number, d("95"));
    EXPECT_TRUE(r->bands[1].lower->inclusive);
    EXPECT_FALSE(r->bands[1].upper->inclusive);
    EXPECT_EQ(r->bands[2].lower->number, d("80"));  // a range is [lower, upper)
    EXPECT_FALSE(r->bands[2].upper->inclusive);
    EXPECT_FALSE(r->bands[3].lower.has_value());
    EXPECT_FALSE(r->bands[3].upper->inclusive);  // 低于: strictly below
    EXPECT_EQ(*r->bands[3].points, d("0"));
    EXPECT_FALSE(r->deduction.has_value());
}

TEST(rubric_rule, suffix_words_and_inclusive_marks) {
    auto r = parse_rubric_rule("合格率95%（含）以上得满分，90%以下扣3分");
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->bands.size(), 2u);
    EXPECT_TRUE(r->bands[0].lower->inclusive);
    EXPECT_TRUE(r->bands[1].upper->inclusive);  // 以下 includes the number
    EXPECT_TRUE(r->bands[1].deduct);
    EXPECT_EQ(*r->bands[1].points, d("3"));
}

TEST(rubric_rule, completion_rules) {
    auto both = parse_rubric_rule("按时完成得满分，未完成不得分");
    ASSERT_TRUE(both.has_value());
    ASSERT_EQ(both->bands.size(), 2u);
    EXPECT_EQ(both->bands[0].condition, rubric_condition::met);
    EXPECT_EQ(both->bands[1].condition, rubric_condition::not_met);
    auto failure_only = parse_rubric_rule("未完成不得分");
    ASSERT_TRUE(failure_only.has_value());
    EXPECT_EQ(failure_only->bands[0].condition, rubric_condition::not_met);
}

TEST(rubric_rule, excess_deduction_for_lower_is_better) {
    auto r = parse_rubric_rule("工期30天以内得满分，每延迟1天扣2分");
    ASSERT_TRUE(r.has_value());
    ASSERT_TRUE(r->deduction.has_value());
    EXPECT_FALSE(r->deduction->shortfall);
    ASSERT_TRUE(r->bands[0].upper.has_value());
    EXPECT_EQ(r->bands[0].upper->number, d("30"));
}

TEST(rubric_rule, texts_that_are_no_rule) {
    const std::vector<std::string> texts{
        "根据完成情况酌情扣分",                                   // a judgement
        "视情况打分",                                             // a judgement
        "每发现一处问题扣1分",                                    // a count of events the form does not record
        "有项目年度工作计划或有上级文件或审批报告计2分，没有不得分",  // the existence of a document
        "1、单位财务管理制度1分；2、项目管理制度1分",             // a checklist
        "完成率≥95%得满分，其他酌情",                             // one clause unknown: the whole text is no rule
        "每降低1%扣0.5分",                                        // a deduction without a full-score bound
        "满意度95%左右得满分",                                    // an approximate bound
        "完成得满分，完成率低于90%不得分",                        // completion and bounds mixed
        "",
    };
    for (const std::string& t : texts) EXPECT_FALSE(parse_rubric_rule(t).has_value()) << t;
}

TEST(rubric_rule, rule_cell_by_label) {
    indicator ind;
    ind.extra = {{"指标解释", "x"}, {"评分 细则", "≥95%得满分"}};
    const extra_cell* c = rubric_rule_cell(ind);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->text, "≥95%得满分");
    ind.extra = {{"指标解释", "x"}};
    EXPECT_EQ(rubric_rule_cell(ind), nullptr);
}

TEST(rubric_rule, every_cut_of_a_rule_is_read_or_refused_without_harm) {
    // Untrusted text: every prefix of every rule (cut inside UTF-8 sequences too), and the
    // rules with stray bytes, either parse or do not; a full rule keeps parsing.
    const std::vector<std::string> rules{
        "满意度≥95%得10分；90%≤满意度<95%得8分；80%-90%得5分；低于80%不得分",
        "执行率达到100%得满分，每降低1个百分点扣0.5分，扣完为止",
        "工期30天以内得满分，每延迟1天扣2分",
        "按时完成得满分，未完成不得分",
    };
    for (const std::string& r : rules) {
        ASSERT_TRUE(parse_rubric_rule(r).has_value()) << r;
        for (std::size_t n = 0; n <= r.size(); ++n) {
            (void)parse_rubric_rule(std::string_view(r).substr(0, n));
            std::string noisy = r;
            noisy.insert(n, "\xFF\xEF\xBC");
            (void)parse_rubric_rule(noisy);
        }
    }
    EXPECT_FALSE(parse_rubric_rule(std::string(20000, '9') + "%得满分").has_value());  // too many digits
}
