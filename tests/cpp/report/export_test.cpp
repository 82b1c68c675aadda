// export_test.cpp — exporters and portfolio: escaping (HTML, CSV, Markdown), JSON shapes, CSV
// row counts, the HTML report's content, the portfolio's distributions.
#include <jixiao/io/export.hpp>
#include <jixiao/json.hpp>
#include <jixiao/portfolio.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace jixiao;

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<form> golden_forms() {
    std::vector<form> forms;
    for (int i = 1; i <= 8; ++i) {
        const std::string path = std::string(JIXIAO_TEST_DATA_DIR) + "/forms/songjiang-2023-" + std::to_string(i) + ".json";
        auto f = read_form_json(read_text(path));
        EXPECT_TRUE(f.has_value()) << path;
        if (f) forms.push_back(*f);
    }
    return forms;
}

std::vector<evaluation> golden_evaluations(const rulebook& book) {
    std::vector<evaluation> out;
    for (form& f : golden_forms()) out.push_back(evaluate(std::move(f), book, "golden"));
    return out;
}

/// Rows of an RFC 4180 document (quoted fields may hold CR LF).
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            row.push_back(field);
            field.clear();
            rows.push_back(row);
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.empty() || !row.empty()) {
        row.push_back(field);
        rows.push_back(row);
    }
    return rows;
}

std::size_t count_of(std::string_view haystack, std::string_view needle) {
    std::size_t n = 0;
    for (std::size_t pos = haystack.find(needle); pos != std::string_view::npos; pos = haystack.find(needle, pos + 1)) ++n;
    return n;
}

const rulebook& default_book() {
    static const rulebook book = builtin_rulebook("mof-2020").value_or_throw();
    return book;
}

}  // namespace

TEST(export_escape_html, escapes_markup_and_quotes) {
    EXPECT_EQ(io::escape_html("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
    EXPECT_EQ(io::escape_html("a & \"b\" 'c'"), "a &amp; &quot;b&quot; &#39;c&#39;");
    EXPECT_EQ(io::escape_html("项目名称"), "项目名称");
}

TEST(export_escape_html, replaces_invalid_utf8_and_drops_controls) {
    EXPECT_EQ(io::escape_html(std::string("a\xFF" "b")), "a\xEF\xBF\xBD" "b");
    EXPECT_EQ(io::escape_html(std::string("a\x01\x1B" "b\n")), "ab\n");
}

TEST(export_csv_field, neutralises_formula_injection) {
    EXPECT_EQ(io::csv_field("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    EXPECT_EQ(io::csv_field("+cmd"), "\"'+cmd\"");
    EXPECT_EQ(io::csv_field("-1+2"), "\"'-1+2\"");
    EXPECT_EQ(io::csv_field("@SUM(A1)"), "\"'@SUM(A1)\"");
    EXPECT_EQ(io::csv_field("\tx"), "\"'\tx\"");
    EXPECT_EQ(io::csv_field("\rx"), "\"'\rx\"");
    EXPECT_EQ(io::csv_field("＝1+1"), "\"'＝1+1\"");  // full-width equals sign
}

TEST(export_csv_field, keeps_plain_numbers_and_quotes_per_rfc4180) {
    EXPECT_EQ(io::csv_field("-0.50"), "-0.50");
    EXPECT_EQ(io::csv_field("+3"), "+3");
    EXPECT_EQ(io::csv_field("524760.00"), "524760.00");
    EXPECT_EQ(io::csv_field(">=80%"), ">=80%");
    EXPECT_EQ(io::csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(io::csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(io::csv_field("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(io::csv_field(""), "");
}

TEST(export_portfolio, execution_rate_buckets_are_exact_at_the_boundaries) {
    auto ratio = [](const char* num, const char* den) {
        return std::optional<exact_ratio>(exact_ratio{decimal::from_string(num), decimal::from_string(den)});
    };
    EXPECT_EQ(execution_rate_bucket(std::nullopt), 7u);
    EXPECT_EQ(execution_rate_bucket(ratio("5999", "10000")), 0u);
    EXPECT_EQ(execution_rate_bucket(ratio("60", "100")), 1u);
    EXPECT_EQ(execution_rate_bucket(ratio("89.99", "100")), 2u);
    EXPECT_EQ(execution_rate_bucket(ratio("94.99", "100")), 3u);
    EXPECT_EQ(execution_rate_bucket(ratio("95", "100")), 4u);
    EXPECT_EQ(execution_rate_bucket(ratio("524760", "524760.00")), 5u);
    EXPECT_EQ(execution_rate_bucket(ratio("100.01", "100")), 6u);
}

TEST(export_portfolio, counts_add_up_over_the_golden_forms) {
    const auto evaluations = golden_evaluations(default_book());
    ASSERT_EQ(evaluations.size(), 8u);
    const portfolio p = summarize(evaluations, default_book());
    EXPECT_EQ(p.forms, 8u);
    EXPECT_EQ(p.entries.size(), 8u);
    std::size_t computed = 0;
    std::size_t reported = 0;
    for (const grade_count& g : p.grades) {
        computed += g.computed;
        reported += g.reported;
    }
    EXPECT_EQ(computed, 8u);
    EXPECT_EQ(reported, 8u);
    std::size_t bucketed = 0;
    for (const rate_bucket& b : p.execution_rates) bucketed += b.forms;
    EXPECT_EQ(bucketed, 8u);
    std::size_t findings = 0;
    std::size_t by_code = 0;
    for (const evaluation& e : evaluations) findings += e.findings.size();
    for (const code_count& c : p.findings_by_code) {
        by_code += c.findings;
        EXPECT_LE(c.forms, 8u);
        EXPECT_FALSE(c.title_en.empty()) << c.code;
    }
    EXPECT_EQ(by_code, findings);
    EXPECT_EQ(p.findings.errors + p.findings.warnings + p.findings.notices, findings);
    // The sum of the computed totals, recomputed here from the scorecards.
    decimal sum;
    for (const evaluation& e : evaluations) sum += e.card.computed_total;
    EXPECT_EQ(p.computed_total_sum, sum);
}

TEST(batch_check, a_form_given_twice_is_flagged_on_its_second_copy_only) {
    std::vector<evaluation> batch = golden_evaluations(default_book());
    for (evaluation& e : batch) e.source = "a.txt";
    std::vector<evaluation> again = golden_evaluations(default_book());
    for (evaluation& e : again) e.source = "b.txt";
    batch.push_back(again[2]);  // the third form, filed again from another file
    batch.push_back(again[5]);
    batch.back().subject.indicators[0].actual.text += "0";  // a changed figure: not the same form
    EXPECT_EQ(flag_duplicate_forms(batch), 1u);
    std::size_t flagged = 0;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        for (const finding& f : batch[i].findings) {
            if (f.code != "batch.duplicate_form") continue;
            ++flagged;
            EXPECT_EQ(i, 8u);
            EXPECT_EQ(f.level, severity::warning);
            EXPECT_EQ(f.evidence_value("first_source"), "a.txt");
            EXPECT_EQ(f.evidence_value("first_form"), "3");
            EXPECT_NE(f.message_zh.find("a.txt 第 3 张表"), std::string::npos) << f.message_zh;
        }
    }
    EXPECT_EQ(flagged, 1u);
    // Still sorted as audit sorts: the warning comes before every notice.
    const auto& fs = batch[8].findings;
    EXPECT_TRUE(std::is_sorted(fs.begin(), fs.end(), [](const finding& a, const finding& b) {
        return static_cast<int>(a.level) < static_cast<int>(b.level);
    }));
    const portfolio p = summarize(batch, default_book());
    EXPECT_EQ(p.forms, 10u);  // both copies still count
    EXPECT_TRUE(p.files_not_read.empty());
}

TEST(export_json, the_portfolio_lists_files_not_read_only_when_there_are_some) {
    const auto evaluations = golden_evaluations(default_book());
    portfolio p = summarize(evaluations, default_book());
    EXPECT_EQ(io::portfolio_to_json(p).find("files_not_read"), std::string::npos);
    p.files_not_read.push_back(unread_file{"b.txt", "b.txt: no form found"});
    const auto j = nlohmann::json::parse(io::portfolio_to_json(p));
    ASSERT_EQ(j["files_not_read"].size(), 1u);
    EXPECT_EQ(j["files_not_read"][0]["source"], "b.txt");
    EXPECT_NE(io::html_report(evaluations, p).find("files-not-read"), std::string::npos);
    EXPECT_NE(io::portfolio_to_markdown(evaluations, p).find("Files not read"), std::string::npos);
}

TEST(export_json, evaluation_embeds_the_canonical_form_and_the_audit_findings) {
    const auto evaluations = golden_evaluations(default_book());
    const evaluation& e = evaluations.front();
    const auto doc = nlohmann::json::parse(io::evaluation_to_json(e));
    EXPECT_EQ(doc["format"], "jixiao.evaluation");
    EXPECT_EQ(doc["form"], nlohmann::json::parse(write_json(e.subject)));
    EXPECT_EQ(doc["findings"], nlohmann::json::parse(findings_to_json(std::span<const finding>(e.findings))));
    EXPECT_EQ(doc["scorecard"]["indicators"].size(), e.subject.indicators.size());
    EXPECT_EQ(doc["scorecard"]["computed_total"], e.card.computed_total.to_string());
    // The form round-trips through the evaluation document.
    auto back = read_form_json(doc["form"].dump());
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, e.subject);
}

TEST(export_json, numbers_are_strings_never_json_numbers) {
    const auto evaluations = golden_evaluations(default_book());
    const auto doc = nlohmann::json::parse(io::scorecards_to_json(evaluations));
    ASSERT_EQ(doc["scorecards"].size(), 8u);
    for (const auto& card : doc["scorecards"]) {
        EXPECT_TRUE(card["computed_total"].is_string());
        for (const auto& line : card["indicators"]) {
            EXPECT_TRUE(line["weight"].is_string() || line["weight"].is_null());
            EXPECT_TRUE(line["computed"].is_string() || line["computed"].is_null());
        }
    }
    const portfolio p = summarize(evaluations, default_book());
    const auto all = nlohmann::json::parse(io::evaluations_to_json(evaluations, p));
    EXPECT_EQ(all["evaluations"].size(), 8u);
    EXPECT_EQ(all["portfolio"]["forms"], 8);
}

TEST(export_csv, one_row_per_line_and_per_finding) {
    const auto evaluations = golden_evaluations(default_book());
    std::size_t lines = 0;
    std::size_t findings = 0;
    for (const evaluation& e : evaluations) {
        lines += 1 + e.subject.indicators.size();
        findings += e.findings.size();
    }
    const auto scores = parse_csv(io::scorecards_to_csv(evaluations));
    ASSERT_EQ(scores.size(), 1 + lines);
    for (const auto& row : scores) EXPECT_EQ(row.size(), scores.front().size());
    EXPECT_EQ(scores[0][0], "source");
    EXPECT_EQ(scores[1][3], "execution");
    const auto found = parse_csv(io::findings_to_csv(evaluations));
    EXPECT_EQ(found.size(), 1 + findings);
    const portfolio p = summarize(evaluations, default_book());
    EXPECT_EQ(parse_csv(io::portfolio_to_csv(p)).size(), 9u);
}

TEST(export_csv, bom_only_when_asked) {
    const auto evaluations = golden_evaluations(default_book());
    EXPECT_TRUE(io::findings_to_csv(evaluations, {.bom = true}).starts_with("\xEF\xBB\xBF"));
    EXPECT_FALSE(io::findings_to_csv(evaluations).starts_with("\xEF\xBB\xBF"));
}

TEST(export_injection, hostile_project_name_and_cells_are_neutralised_everywhere) {
    auto forms = golden_forms();
    ASSERT_FALSE(forms.empty());
    form f = forms.front();
    f.project_name = "<script>alert(1)</script>";
    f.department = "=HYPERLINK(\"http://x\",\"y\")";
    f.indicators.front().name = "<img src=x onerror=alert(2)>|**bold**";
    f.indicators.front().deviation_note = "\" onmouseover=\"alert(3)";
    const evaluation e = evaluate(f, default_book(), "<b>source</b>");
    const std::vector<evaluation> batch{e};
    const portfolio p = summarize(batch, default_book());

    const std::string html = io::html_report(batch, p);
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_EQ(html.find("<img src=x"), std::string::npos);
    EXPECT_EQ(html.find("<b>source"), std::string::npos);
    EXPECT_EQ(html.find("\" onmouseover=\""), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_EQ(count_of(html, "<script>"), 1u);  // the report's own counting script only
    const std::string page = io::html_form(e);
    EXPECT_EQ(page.find("<script>alert"), std::string::npos);
    EXPECT_EQ(count_of(page, "<script>"), 1u);

    const std::string csv = io::scorecards_to_csv(batch) + io::findings_to_csv(batch) + io::portfolio_to_csv(p);
    EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
    EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), std::string::npos);
    for (const auto& row : parse_csv(csv)) {
        for (const std::string& cell : row) {
            if (cell.empty()) continue;
            const char c = cell.front();
            EXPECT_FALSE(c == '=' || c == '@' || c == '\t' || c == '\r') << cell;
        }
    }

    const std::string md = io::to_markdown(e);
    EXPECT_EQ(md.find("<script>"), std::string::npos);
    EXPECT_EQ(md.find("<img"), std::string::npos);
    EXPECT_NE(md.find("&lt;script&gt;"), std::string::npos);
    EXPECT_NE(md.find("\\|\\*\\*bold\\*\\*"), std::string::npos);
}

TEST(export_html, report_shows_every_form_score_and_finding) {
    const auto evaluations = golden_evaluations(default_book());
    const portfolio p = summarize(evaluations, default_book());
    const std::string html = io::html_report(evaluations, p);
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
    EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
    EXPECT_EQ(count_of(html, "<section class=\"form\""), evaluations.size());
    EXPECT_EQ(count_of(html, "<svg"), 3u);
    EXPECT_EQ(html.find("src=\"http"), std::string::npos);  // nothing loads from a network
    for (const evaluation& e : evaluations) {
        EXPECT_NE(html.find(io::escape_html(e.subject.project_name)), std::string::npos);
        EXPECT_NE(html.find(e.card.computed_total.to_string()), std::string::npos);
        for (const finding& fd : e.findings) {
            EXPECT_NE(html.find("data-code=\"" + fd.code + "\""), std::string::npos) << fd.code;
            EXPECT_NE(html.find(io::escape_html(fd.message_zh)), std::string::npos) << fd.code;
        }
    }
    std::size_t findings = 0;
    for (const evaluation& e : evaluations) findings += e.findings.size();
    EXPECT_EQ(count_of(html, "<li class=\""), findings);
}

TEST(export_html, differences_are_highlighted) {
    auto forms = golden_forms();
    ASSERT_FALSE(forms.empty());
    form f = forms.front();
    // Report a lower score than a met indicator earns: the computed cell must be marked.
    indicator& ind = f.indicators.front();
    ASSERT_TRUE(ind.weight.value.has_value());
    ind.score = read_number_cell("1");
    const evaluation e = evaluate(f, default_book());
    const score_line& line = e.card.indicators.front();
    ASSERT_TRUE(line.difference.has_value());
    ASSERT_FALSE(line.difference->is_zero());
    const std::string html = io::html_form(e);
    EXPECT_NE(html.find("calc bad"), std::string::npos);
    EXPECT_NE(html.find("Δ +" + line.difference->to_string()), std::string::npos);
    const std::string md = io::to_markdown(e);
    EXPECT_NE(md.find("(Δ +" + line.difference->to_string() + ")"), std::string::npos);
}

TEST(portfolio_groups, by_department_grade_and_file_add_up_to_the_portfolio) {
    std::vector<evaluation> batch = golden_evaluations(default_book());
    for (std::size_t i = 0; i < batch.size(); ++i) batch[i].source = i < 5 ? "a.txt" : "b.txt";
    batch[7].subject.department = "另一个局";
    const portfolio p = summarize(batch, default_book());
    const auto by_file = group_portfolio(batch, p, group_by::file);
    ASSERT_EQ(by_file.size(), 2U);
    EXPECT_EQ(by_file[0].key, "a.txt");
    EXPECT_EQ(by_file[0].forms, 5U);
    EXPECT_EQ(by_file[1].forms, 3U);
    EXPECT_EQ(by_file[0].budget_sum + by_file[1].budget_sum, p.budget_sum);
    EXPECT_EQ(by_file[0].computed_total_sum + by_file[1].computed_total_sum, p.computed_total_sum);
    const auto by_department = group_portfolio(batch, p, group_by::department);
    ASSERT_EQ(by_department.size(), 2U);
    EXPECT_EQ(by_department[0].key < by_department[1].key, true);  // sorted by name
    std::size_t errors = 0;
    for (const auto& g : by_department) errors += g.errors;
    EXPECT_EQ(errors, p.findings.errors);
    const auto by_grade = group_portfolio(batch, p, group_by::grade);
    ASSERT_EQ(by_grade.size(), p.grades.size());  // every grade of the rulebook, in order
    EXPECT_EQ(by_grade[0].key, p.grades[0].grade);
    EXPECT_EQ(by_grade[0].forms, p.grades[0].computed);
    EXPECT_FALSE(by_grade[1].computed_total_mean.has_value());  // an empty group has no mean
    EXPECT_EQ(group_by_from_string("主管部门"), group_by::department);
    EXPECT_EQ(group_by_from_string("unit"), group_by::implementing_unit);
    EXPECT_FALSE(group_by_from_string("county").has_value());
}
