// The portfolio across kinds: declarations in no grade count and no mean, the kinds side by
// side per budget unit, and every exporter saying "not scored: a declaration" instead of a 0.
// Fixtures: tests/data/forms/kinds/*.json.
#include <jixiao/io/export.hpp>
#include <jixiao/json.hpp>
#include <jixiao/portfolio.hpp>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
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
    return forms->front();
}

const rulebook& mof() {
    static const rulebook book = builtin_rulebook("mof-2020").value_or_throw();
    return book;
}

/// The five forms: a unit's department form, project form, its declaration, a rubric form of a
/// school under it, and a project form of another unit. Each scored by its kind's rulebook.
std::vector<evaluation> batch() {
    std::vector<form> forms{fixture("department-2023.json"), fixture("project-2023.json"),
                            fixture("declaration-2024.json"), fixture("rubric-2023.json"), fixture("project-2023.json")};
    forms[4].project_name = "另一项目";
    forms[4].department = "上海市示例区卫生健康委员会";
    forms[4].implementing_unit = "上海市示例区卫生健康委员会";
    std::vector<evaluation> out;
    for (form& f : forms) {
        const rulebook book = builtin_rulebook(rulebook_name_for(f.kind)).value_or_throw();
        out.push_back(evaluate(std::move(f), book, "kinds"));
    }
    return out;
}

const kind_summary* find_kind(const std::vector<kind_summary>& kinds, form_kind k) {
    auto it = std::find_if(kinds.begin(), kinds.end(), [&](const kind_summary& x) { return x.kind == k; });
    return it == kinds.end() ? nullptr : &*it;
}

}  // namespace

TEST(kinds_portfolio, declarations_stay_out_of_grades_rates_and_means) {
    const auto evals = batch();
    const portfolio p = summarize(evals, mof());
    std::size_t graded = 0;
    std::size_t reported = 0;
    for (const grade_count& g : p.grades) {
        graded += g.computed;
        reported += g.reported;
    }
    EXPECT_EQ(graded, 4u);  // five forms, one a declaration
    EXPECT_EQ(reported, 4u);
    std::size_t in_buckets = 0;
    for (const rate_bucket& b : p.execution_rates) in_buckets += b.forms;
    EXPECT_EQ(in_buckets, 4u);
    // Mean over the four scored forms: (98.70 + 98.44 + 83.00 + 98.44) / 4 = 94.645 -> 94.65.
    EXPECT_EQ(p.computed_total_sum, d("378.58"));
    EXPECT_EQ(*p.computed_total_mean, d("94.65"));
    const portfolio_entry& decl = p.entries[2];
    EXPECT_EQ(decl.kind, form_kind::project_declaration);
    EXPECT_FALSE(decl.scored);
    EXPECT_EQ(decl.unscored, unscored_reason::declaration);
    EXPECT_TRUE(decl.computed_grade.empty());
    EXPECT_EQ(p.entries[0].kind, form_kind::department_self_evaluation);
    EXPECT_TRUE(p.entries[0].scored);
}

TEST(kinds_portfolio, kinds_counted_with_their_funds) {
    const portfolio p = summarize(batch(), mof());
    ASSERT_EQ(p.kinds.size(), 4u);
    EXPECT_EQ(p.kinds[0].kind, form_kind::project_self_evaluation);  // in the order of form_kind
    EXPECT_EQ(p.kinds[0].forms, 2u);
    EXPECT_EQ(*p.kinds[0].computed_total_mean, d("98.44"));
    const kind_summary* decl = find_kind(p.kinds, form_kind::project_declaration);
    ASSERT_NE(decl, nullptr);
    EXPECT_EQ(decl->forms, 1u);
    EXPECT_EQ(decl->scored, 0u);
    EXPECT_FALSE(decl->computed_total_mean.has_value());
    EXPECT_EQ(decl->initial_budget_sum, d("600000"));  // the funds requested
    const kind_summary* dept = find_kind(p.kinds, form_kind::department_self_evaluation);
    ASSERT_NE(dept, nullptr);
    EXPECT_EQ(dept->budget_sum, d("20000000"));  // 2000.00 万元
    EXPECT_EQ(*dept->computed_total_mean, d("98.70"));
}

TEST(kinds_portfolio, budget_unit_puts_the_kinds_side_by_side) {
    const auto evals = batch();
    portfolio p = summarize(evals, mof());
    p.grouped_by = group_by::budget_unit;
    p.groups = group_portfolio(evals, p, group_by::budget_unit);
    ASSERT_EQ(p.groups.size(), 2u);
    const portfolio_group& edu = p.groups[1];  // sorted by name: 卫生健康委员会 < 教育局 by bytes
    const portfolio_group& other = p.groups[0];
    ASSERT_EQ(edu.key, "上海市示例区教育局");
    EXPECT_EQ(edu.forms, 4u);  // the school's rubric form joins its 主管部门's department form
    EXPECT_EQ(edu.scorable, 3u);
    ASSERT_EQ(edu.kinds.size(), 4u);
    EXPECT_EQ(find_kind(edu.kinds, form_kind::department_self_evaluation)->forms, 1u);
    EXPECT_EQ(find_kind(edu.kinds, form_kind::project_self_evaluation)->forms, 1u);
    EXPECT_EQ(find_kind(edu.kinds, form_kind::project_declaration)->forms, 1u);
    EXPECT_EQ(find_kind(edu.kinds, form_kind::rubric_evaluation)->forms, 1u);
    std::size_t graded = 0;
    for (std::size_t n : edu.grades) graded += n;
    EXPECT_EQ(graded, 3u);
    EXPECT_EQ(other.forms, 1u);
    ASSERT_EQ(other.kinds.size(), 1u);
    EXPECT_EQ(group_by_from_string("预算单位"), group_by::budget_unit);
    EXPECT_EQ(group_by_from_string("budget_unit"), group_by::budget_unit);
    EXPECT_EQ(to_string(group_by::budget_unit), "budget_unit");
}

TEST(kinds_portfolio, budget_unit_without_a_department_form_is_the_implementing_unit) {
    std::vector<evaluation> evals;
    form f = fixture("rubric-2023.json");
    evals.push_back(evaluate(f, builtin_rulebook("rubric-2020").value_or_throw()));
    const portfolio p = summarize(evals, mof());
    const auto groups = group_portfolio(evals, p, group_by::budget_unit);
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0].key, "上海市示例区第一中学");
}

TEST(kinds_portfolio, exporters_say_not_scored_for_a_declaration) {
    const auto evals = batch();
    portfolio p = summarize(evals, mof());
    p.grouped_by = group_by::budget_unit;
    p.groups = group_portfolio(evals, p, group_by::budget_unit);

    const auto json = nlohmann::json::parse(io::portfolio_to_json(p));
    ASSERT_EQ(json["forms_summary"].size(), 5u);
    EXPECT_EQ(json["forms_summary"][2]["kind"], "project_declaration");
    EXPECT_TRUE(json["forms_summary"][2]["computed_total"].is_null());
    EXPECT_EQ(json["forms_summary"][2]["not_scored"], "declaration");
    EXPECT_EQ(json["forms_summary"][0]["computed_total"], "98.70");
    EXPECT_EQ(json["kinds"].size(), 4u);
    EXPECT_EQ(json["groups"][1]["kinds"].size(), 4u);

    const auto card = nlohmann::json::parse(io::scorecard_to_json(evals[2].card, evals[2].subject));
    EXPECT_EQ(card["kind"], "project_declaration");
    EXPECT_EQ(card["scorable"], false);
    EXPECT_EQ(card["not_scored"], "declaration");
    EXPECT_EQ(card["computed_grade"], "");

    const std::string md = io::portfolio_to_markdown(evals, p);
    EXPECT_NE(md.find("not scored: a declaration · 目标申报表不评分"), std::string::npos);
    EXPECT_NE(md.find("Kinds side by side"), std::string::npos);
    const std::string html = io::html_report(evals, p);
    EXPECT_NE(html.find("not scored: a declaration · 目标申报表不评分"), std::string::npos);
    EXPECT_NE(html.find("data-kind=\"project_declaration\""), std::string::npos);
    EXPECT_NE(html.find("id=\"group-kinds\""), std::string::npos);
    EXPECT_NE(html.find("按预算单位"), std::string::npos);

    const std::string csv = io::portfolio_to_csv(p);
    EXPECT_NE(csv.find("kind"), std::string::npos);
    EXPECT_NE(csv.find("project_declaration"), std::string::npos);
    const std::string groups_csv = io::portfolio_groups_to_csv(p);
    EXPECT_NE(groups_csv.find("forms_project_declaration"), std::string::npos);
    EXPECT_NE(groups_csv.find("budget_unit"), std::string::npos);

    // The one-form Markdown of the declaration: no 0 and no grade in its total row.
    const std::string one = io::to_markdown(evals[2]);
    EXPECT_NE(one.find("**not scored: a declaration · 目标申报表不评分**"), std::string::npos);
    EXPECT_EQ(one.find("| 0 |"), std::string::npos);
}

TEST(kinds_portfolio, a_declaration_is_audited_for_its_funds_only) {
    form f = fixture("declaration-2024.json");
    const evaluation e = evaluate(f, mof());
    for (const finding& fd : e.findings) {
        EXPECT_NE(fd.code.rfind("total.", 0), 0u) << fd.code;
        EXPECT_NE(fd.code.rfind("indicator.", 0), 0u) << fd.code;
        EXPECT_NE(fd.code, "hygiene.required_empty") << fd.message_en;
    }
    // Its funds are still checked: sources that do not add up to the funds requested.
    f.money.at(funds_row::current_appropriation, funds_column::initial_budget) = read_number_cell("100000");
    f.money.at(funds_row::prior_carryover, funds_column::initial_budget) = read_number_cell("0");
    f.money.at(funds_row::other, funds_column::initial_budget) = read_number_cell("0");
    const evaluation bad = evaluate(f, mof());
    EXPECT_TRUE(std::any_of(bad.findings.begin(), bad.findings.end(),
                            [](const finding& x) { return x.code == "declaration.funds_requested_mismatch"; }));
}
