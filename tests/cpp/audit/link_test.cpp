// Tests of the link check (issue 20, point 4): a declaration and the self-evaluation of the same
// project; each planted change (target changed, lowered to the actual, indicator dropped, added)
// is found, an unchanged pair gives nothing, pairing needs the same unit, name and year; a
// department form's 项目支出 line against the executed funds of its project forms.
#include <jixiao/audit.hpp>
#include <jixiao/portfolio.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace jixiao;

indicator line(category c1, subcategory c2, std::string name, std::string_view target, std::string_view actual = {}) {
    indicator ind;
    ind.level1 = c1;
    ind.level2 = c2;
    ind.level1_text = std::string(chinese_name(c1));
    ind.level2_text = std::string(chinese_name(c2));
    ind.name = std::move(name);
    ind.target = read_value_cell(target);
    ind.actual = read_value_cell(actual);
    return ind;
}

form header(form_kind kind) {
    form f;
    f.kind = kind;
    f.year = 2023;
    f.project_name = "职工培训项目";
    f.department = "测试部门";
    f.implementing_unit = "测试单位";
    return f;
}

form declaration() {
    form f = header(form_kind::project_declaration);
    f.money.at(funds_row::total, funds_column::initial_budget) = read_number_cell("100");
    f.indicators = {
        line(category::output, subcategory::quantity, "培训人数", ">=100人"),
        line(category::output, subcategory::quality, "考核合格率", ">=95%"),
        line(category::output, subcategory::timeliness, "培训完成时间", "11月底"),
        line(category::cost, subcategory::economic_cost, "人均培训成本", "<=500元"),
        line(category::effect, subcategory::social_benefit, "学员业务水平", "提升"),
        line(category::satisfaction, subcategory::service_satisfaction, "学员满意度", ">=90%"),
    };
    return f;
}

/// The self-evaluation of the declared project, targets as declared (spelled differently where a
/// form would: ≥ for >=, 万元 for 元), every target met.
form self_evaluation() {
    form f = header(form_kind::project_self_evaluation);
    f.indicators = {
        line(category::output, subcategory::quantity, "培训人数", "≥100人", "120人"),
        line(category::output, subcategory::quality, "考核合格率", ">=95%", "96%"),
        line(category::output, subcategory::timeliness, "培训完成时间", "11月底", "11月底"),
        line(category::cost, subcategory::economic_cost, "人均培训成本", "<=0.05万元", "450元"),
        line(category::effect, subcategory::social_benefit, "学员业务水平", "提升", "提升"),
        line(category::satisfaction, subcategory::service_satisfaction, "学员满意度", ">=90%", "95%"),
    };
    return f;
}

std::vector<link_finding> with_code(const std::vector<link_finding>& fs, std::string_view code) {
    std::vector<link_finding> out;
    for (const link_finding& x : fs) {
        if (x.what.code == code) out.push_back(x);
    }
    return out;
}

std::string codes(const std::vector<link_finding>& fs) {
    std::string s;
    for (const link_finding& x : fs) {
        s += std::to_string(x.form) + ":" + x.what.code + (x.what.indicator ? "#" + std::to_string(*x.what.indicator) : "") + " ";
    }
    return s;
}

std::vector<link_finding> check(const form& d, const form& s) {
    const std::vector<form> forms{d, s};
    return link_check(forms);
}

}  // namespace

TEST(link_check, an_unchanged_pair_gives_nothing) {
    const auto fs = check(declaration(), self_evaluation());
    EXPECT_TRUE(fs.empty()) << codes(fs);
}

TEST(link_check, a_changed_target_is_reported_on_the_self_evaluation) {
    form s = self_evaluation();
    s.indicators[2].target = read_value_cell("12月底");
    s.indicators[2].actual = read_value_cell("12月底");
    const auto fs = check(declaration(), s);
    ASSERT_EQ(fs.size(), 1U) << codes(fs);
    EXPECT_EQ(fs[0].form, 1U);
    EXPECT_EQ(fs[0].what.code, "link.target_changed");
    EXPECT_EQ(fs[0].what.level, severity::warning);
    EXPECT_EQ(fs[0].what.indicator, 2U);
    EXPECT_EQ(fs[0].what.evidence_value("declared"), "11月底");
    EXPECT_EQ(fs[0].what.evidence_value("target"), "12月底");
    EXPECT_EQ(fs[0].what.evidence_value("declaration_form"), "1");
    EXPECT_NE(fs[0].what.message_zh.find("“11月底”"), std::string::npos) << fs[0].what.message_zh;
    // A raised target met by the actual is a change too, not a lowering.
    form raised = self_evaluation();
    raised.indicators[5].target = read_value_cell(">=85%");
    const auto r = check(declaration(), raised);
    ASSERT_EQ(r.size(), 1U) << codes(r);
    EXPECT_EQ(r[0].what.code, "link.target_changed");  // 95% meets both 85% and the declared 90%
}

TEST(link_check, a_target_lowered_to_what_was_achieved_is_an_error) {
    form s = self_evaluation();
    s.indicators[1].target = read_value_cell(">=85%");
    s.indicators[1].actual = read_value_cell("85%");
    s.indicators[3].target = read_value_cell("<=600元");  // a cost cap raised above the declared 500
    s.indicators[3].actual = read_value_cell("580元");
    const auto fs = check(declaration(), s);
    const auto hits = with_code(fs, "link.target_lowered_to_actual");
    ASSERT_EQ(hits.size(), 2U) << codes(fs);
    EXPECT_EQ(fs.size(), 2U) << codes(fs);  // not also link.target_changed
    EXPECT_EQ(hits[0].what.level, severity::error);
    EXPECT_EQ(hits[0].what.indicator, 1U);
    EXPECT_EQ(hits[0].what.evidence_value("declared"), ">=95%");
    EXPECT_EQ(hits[0].what.evidence_value("actual"), "85%");
    EXPECT_EQ(hits[0].what.evidence_value("actual_equals_target"), "true");
    EXPECT_EQ(hits[1].what.indicator, 3U);
    EXPECT_EQ(hits[1].what.evidence_value("actual_equals_target"), "false");
    // Lowered, but the actual meets the declared target anyway: a change, not a lowering to it.
    form met = self_evaluation();
    met.indicators[1].target = read_value_cell(">=85%");
    const auto m = check(declaration(), met);
    ASSERT_EQ(m.size(), 1U);
    EXPECT_EQ(m[0].what.code, "link.target_changed");
    // Lowered and still missed: a change.
    met.indicators[1].actual = read_value_cell("80%");
    EXPECT_EQ(check(declaration(), met)[0].what.code, "link.target_changed");
}

TEST(link_check, dropped_and_added_indicators_are_reported) {
    form s = self_evaluation();
    s.indicators.erase(s.indicators.begin() + 4);  // 学员业务水平 dropped
    s.indicators.push_back(line(category::output, subcategory::quantity, "开设课程门数", "=12门", "12门"));
    const auto fs = check(declaration(), s);
    const auto dropped = with_code(fs, "link.indicator_dropped");
    ASSERT_EQ(dropped.size(), 1U) << codes(fs);
    EXPECT_EQ(dropped[0].form, 1U);
    EXPECT_FALSE(dropped[0].what.indicator.has_value());
    EXPECT_EQ(dropped[0].what.evidence_value("declared_name"), "学员业务水平");
    EXPECT_NE(dropped[0].what.message_zh.find("学员业务水平"), std::string::npos);
    const auto added = with_code(fs, "link.indicator_added");
    ASSERT_EQ(added.size(), 1U) << codes(fs);
    EXPECT_EQ(added[0].what.indicator, 5U);
    EXPECT_EQ(added[0].what.evidence_value("indicator_name"), "开设课程门数");
    EXPECT_EQ(fs.size(), 2U) << codes(fs);
    // A declaration whose indicator table was not read: nothing dropped or added.
    form unread = declaration();
    unread.indicators.clear();
    EXPECT_TRUE(check(unread, s).empty()) << codes(check(unread, s));
}

TEST(link_check, a_department_declaration_pairs_with_the_department_self_evaluation) {
    form plan = header(form_kind::department_declaration);
    plan.project_name = "测试单位";
    plan.indicators = {line(category::output, subcategory::quantity, "培训人数", ">=100人")};
    form done = header(form_kind::department_self_evaluation);
    done.project_name = "测试单位";
    done.indicators = {line(category::output, subcategory::quantity, "培训人数", ">=90人", "90人")};
    const auto fs = check(plan, done);
    ASSERT_EQ(fs.size(), 1U) << codes(fs);
    EXPECT_EQ(fs[0].what.code, "link.target_lowered_to_actual");
    // a project declaration of the same name is not its declaration
    plan.kind = form_kind::project_declaration;
    EXPECT_TRUE(check(plan, done).empty());
}

TEST(link_check, names_match_after_normalisation_then_by_similarity) {
    form s = self_evaluation();
    s.indicators[0].name = "培训 人数";       // spacing
    s.indicators[1].name = "学员考核合格率";  // similarity 8/10 = 0.80
    EXPECT_TRUE(check(declaration(), s).empty()) << codes(check(declaration(), s));
    s.indicators[1].name = "考核通过率";  // 1 bigram of 4 in common: 2/8, dropped and added
    const auto fs = check(declaration(), s);
    EXPECT_EQ(with_code(fs, "link.indicator_dropped").size(), 1U) << codes(fs);
    EXPECT_EQ(with_code(fs, "link.indicator_added").size(), 1U) << codes(fs);
    link_options strict;
    strict.name_similarity = decimal{1};
    s.indicators[1].name = "学员考核合格率";
    const std::vector<form> forms{declaration(), s};
    EXPECT_EQ(with_code(link_check(forms, strict), "link.indicator_dropped").size(), 1U);
}

TEST(link_check, pairing_needs_the_same_unit_project_and_year) {
    form s = self_evaluation();
    s.indicators[2].target = read_value_cell("12月底");  // a change that shows when paired
    EXPECT_EQ(check(declaration(), s).size(), 1U);
    form other_year = s;
    other_year.year = 2024;
    EXPECT_TRUE(check(declaration(), other_year).empty());
    form other_unit = s;
    other_unit.implementing_unit = "另一单位";
    EXPECT_TRUE(check(declaration(), other_unit).empty());
    form other_project = s;
    other_project.project_name = "另一项目";
    EXPECT_TRUE(check(declaration(), other_project).empty());
    form spaced = s;  // full-width spacing and brackets are not a different name
    spaced.project_name = "职工\u3000培训项目";
    spaced.implementing_unit.clear();  // no unit printed: the 主管部门 decides
    EXPECT_EQ(check(declaration(), spaced).size(), 1U);
    // Two self-evaluations of one project: no declaration, no pair.
    form not_declared = declaration();
    not_declared.kind = form_kind::project_self_evaluation;
    EXPECT_TRUE(check(not_declared, s).empty()) << codes(check(not_declared, s));
}

TEST(link_check, two_declarations_for_one_project_compare_the_first_and_say_so) {
    form s = self_evaluation();
    s.indicators[2].target = read_value_cell("12月底");
    form d2 = declaration();
    d2.where.file = "b.txt";
    form d1 = declaration();
    d1.where.file = "a.txt";
    const std::vector<form> forms{d1, s, d2};
    const auto fs = link_check(forms);
    const auto several = with_code(fs, "link.several_declarations");
    ASSERT_EQ(several.size(), 1U) << codes(fs);
    EXPECT_EQ(several[0].form, 1U);
    EXPECT_EQ(several[0].what.evidence_value("count"), "2");
    EXPECT_EQ(several[0].what.evidence_value("declaration_source"), "a.txt");
    EXPECT_EQ(several[0].what.evidence_value("others"), "b.txt #1");
    const auto changed = with_code(fs, "link.target_changed");
    ASSERT_EQ(changed.size(), 1U);
    EXPECT_EQ(changed[0].what.evidence_value("declaration_source"), "a.txt");
}

namespace {

form department(std::string_view project_line_executed) {
    form f = header(form_kind::department_self_evaluation);
    f.project_name = "测试单位";
    f.implementing_unit.clear();
    funds_line basic;
    basic.label = "其中：基本支出";
    basic.at(funds_column::executed) = read_number_cell("700");
    funds_line projects;
    projects.label = "项目支出";
    projects.at(funds_column::executed) = read_number_cell(project_line_executed);
    f.money.breakdown = {basic, projects};
    return f;
}

form project(std::string name, std::string_view executed, money_unit unit = money_unit::yuan) {
    form f = header(form_kind::project_self_evaluation);
    f.project_name = std::move(name);
    f.money.unit = unit;
    f.money.at(funds_row::total, funds_column::executed) = read_number_cell(executed);
    return f;
}

}  // namespace

TEST(link_check, department_project_spending_against_its_project_forms) {
    // 100 元 + 0.015 万元 (= 150 元) = 250 元 against 300 元
    form other = project("别处项目", "1000");
    other.implementing_unit = "另一单位";
    const std::vector<form> forms{project("项目甲", "100"), department("300"),
                                  project("项目乙", "0.015", money_unit::ten_thousand_yuan), other};
    const auto fs = link_check(forms);
    ASSERT_EQ(fs.size(), 1U) << codes(fs);
    EXPECT_EQ(fs[0].form, 1U);
    EXPECT_EQ(fs[0].what.code, "link.department_project_funds");
    EXPECT_EQ(fs[0].what.block, "funds");
    EXPECT_EQ(fs[0].what.evidence_value("department_amount"), "300");
    EXPECT_EQ(decimal::from_string(fs[0].what.evidence_value("project_sum")), decimal{250});
    EXPECT_EQ(decimal::from_string(fs[0].what.evidence_value("difference")), decimal{50});
    EXPECT_EQ(fs[0].what.evidence_value("projects"), "2");
    EXPECT_EQ(fs[0].what.evidence_value("project_names"), "项目甲、项目乙");
    const std::vector<form> equal{project("项目甲", "100"), department("250"),
                                  project("项目乙", "0.015", money_unit::ten_thousand_yuan)};
    EXPECT_TRUE(link_check(equal).empty()) << codes(link_check(equal));
    const std::vector<form> alone{department("300")};
    EXPECT_TRUE(link_check(alone).empty());
}

TEST(link_check, flag_linked_forms_adds_the_findings_to_the_right_evaluation) {
    const rulebook book = builtin_rulebook(default_rulebook_name).value_or_throw();
    form s = self_evaluation();
    s.indicators[1].target = read_value_cell(">=85%");
    s.indicators[1].actual = read_value_cell("85%");
    std::vector<evaluation> batch{evaluate(declaration(), book, "plan.json"), evaluate(s, book, "report.json")};
    const std::size_t before0 = batch[0].findings.size();
    EXPECT_EQ(flag_linked_forms(batch), 1U);
    EXPECT_EQ(batch[0].findings.size(), before0);
    std::size_t hits = 0;
    for (const finding& f : batch[1].findings) {
        if (f.code != "link.target_lowered_to_actual") continue;
        ++hits;
        EXPECT_EQ(f.evidence_value("declaration_source"), "plan.json");
    }
    EXPECT_EQ(hits, 1U);
    EXPECT_EQ(batch[1].findings.front().level, severity::error);  // sorted again: errors first
}
