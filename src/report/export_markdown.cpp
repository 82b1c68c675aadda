// export_markdown.cpp — one form (or a portfolio) as GitHub-flavoured Markdown, in the official
// table layout with the computed score beside the reported one. Every input text goes through
// `escape_markdown` (no raw HTML from the input reaches a Markdown renderer).
#include <jixiao/io/export.hpp>

#include "report/export_internal.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace jixiao::io {

namespace {

namespace label = vocabulary::report;
using detail::escape_markdown;

std::string md(std::string_view text) { return escape_markdown(text); }

/// A code span: backticks inside become `'`, `|` is escaped (GFM tables), line breaks spaces.
std::string code(std::string_view text) {
    std::string out = "`";
    for (char c : text) {
        if (c == '`') {
            out += '\'';
        } else if (c == '|') {
            out += "\\|";
        } else if (c == '\n' || c == '\r') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out + "`";
}

/// The computed score of a line with its difference from the reported one, when they differ.
std::string computed_cell(const score_line& line) {
    if (!line.computed) return "—";
    std::string out = line.computed->to_string();
    if (detail::differs(line)) out = "**" + out + "** (Δ " + detail::signed_text(*line.difference) + ")";
    return out;
}

/// One row of a kinds table: the group, the kind, counts, mean and sums.
std::string kind_row(const std::string& group, const kind_summary& k) {
    std::string mean = k.computed_total_mean ? k.computed_total_mean->to_string()
                       : is_declaration(k.kind) ? std::string("not scored · 不评分")
                                                : std::string("—");
    return "| " + md(group) + " | " + md(detail::kind_text(k.kind)) + " | " + std::to_string(k.forms) + " | " +
           std::to_string(k.scored) + " | " + mean + " | " + k.initial_budget_sum.to_string() + " | " +
           k.budget_sum.to_string() + " | " + k.executed_sum.to_string() + " |\n";
}

void write_form(std::string& out, const evaluation& e, std::size_t index, int heading) {
    const form& f = e.subject;
    const std::string h(static_cast<std::size_t>(heading), '#');
    out += h + " " + std::to_string(index + 1) + ". " + md(detail::display_name(f, index)) + "\n\n";
    out += std::string(f.title.empty() ? label::form_title : std::string_view(f.title));
    if (f.year) out += "（" + std::to_string(*f.year) + " " + std::string(label::year_suffix) + "）";
    out += "\n\n";
    if (f.kind != form_kind::project_self_evaluation) out += "Kind · 表类: " + md(detail::kind_text(f.kind)) + "\n\n";
    if (!e.card.scorable) out += "**" + md(detail::unscored_text(e.card.unscored)) + "**\n\n";
    if (!e.source.empty()) {
        out += "Source: " + code(e.source);
        if (f.where.page != 0) out += ", " + place_text(f.where);  // a PDF: the page the form starts on
        out += " · rulebook " + code(e.card.rulebook_id) + "\n\n";
    }

    out += "| " + std::string(label::project_name) + " | " + md(f.project_name) + " | | |\n";
    out += "|---|---|---|---|\n";
    out += "| " + std::string(label::department) + " | " + md(f.department) + " | " +
           std::string(label::implementing_unit) + " | " + md(f.implementing_unit) + " |\n\n";

    // Funds block.
    out += h + "# " + std::string(label::funds) + "（" +
           std::string(f.money.unit == money_unit::yuan ? label::yuan : label::ten_thousand_yuan) + "）\n\n";
    out += "| | " + std::string(label::initial_budget) + " | " + std::string(label::full_year_budget) + " | " +
           std::string(label::executed) + " | " + std::string(label::weight) + " | " +
           std::string(label::execution_rate) + " | " + std::string(label::score) + " | " +
           std::string(label::computed_score) + " |\n";
    out += "|---|--:|--:|--:|--:|--:|--:|--:|\n";
    const std::string_view row_labels[] = {label::funds_total, label::current_appropriation,
                                           label::prior_carryover, label::other_funds};
    for (std::size_t r = 0; r < 4; ++r) {
        const auto row = static_cast<funds_row>(r);
        out += "| " + std::string(row_labels[r]);
        for (std::size_t c = 0; c < 3; ++c) out += " | " + md(f.money.at(row, static_cast<funds_column>(c)).text);
        for (std::size_t c = 0; c < 3; ++c) out += " | " + md(f.money.scoring_at(row, static_cast<funds_score_column>(c)).text);
        if (row == funds_row::total) {
            out += " | " + computed_cell(e.card.execution);
            if (e.card.execution_rate_percent) out += " (" + e.card.execution_rate_percent->to_string() + "%)";
        } else {
            out += " | ";
        }
        out += " |\n";
    }
    out += "\n";

    // Goal.
    out += h + "# " + std::string(label::annual_goal) + "\n\n";
    out += "**" + std::string(label::expected_goal) + "**: " + md(f.annual_goal.expected) + "\n\n";
    out += "**" + std::string(label::achieved_goal) + "**: " + md(f.annual_goal.achieved) + "\n\n";

    // Indicators.
    out += h + "# " + std::string(label::indicators) + "\n\n";
    out += "| " + std::string(label::level1) + " | " + std::string(label::level2) + " | " +
           std::string(label::level3) + " | " + std::string(label::target) + " | " + std::string(label::actual) +
           " | " + std::string(label::weight) + " | " + std::string(label::reported_score) + " | " +
           std::string(label::computed_score) + " | status | " + std::string(label::deviation_note) + " |\n";
    out += "|---|---|---|---|---|--:|--:|--:|---|---|\n";
    for (const score_line& line : e.card.indicators) {
        if (line.index >= f.indicators.size()) continue;
        const indicator& ind = f.indicators[line.index];
        out += "| " + md(ind.level1_text) + " | " + md(ind.level2_text) + " | " + md(ind.name) + " | " +
               md(ind.target.text) + " | " + md(ind.actual.text) + " | " + md(ind.weight.text) + " | " +
               md(ind.score.text) + " | " + computed_cell(line) + " | " + std::string(to_string(line.status)) +
               " | " + md(ind.deviation_note) + " |\n";
    }
    out += "| " + std::string(label::total) + " | | | | | " + md(f.total_weight.text) + " | " +
           md(f.total_score.text) + " | ";
    std::string total = md(detail::total_or_why(e.card));
    if (e.card.scorable && e.card.total_difference && !e.card.total_difference->is_zero()) {
        total = "**" + total + "** (Δ " + detail::signed_text(*e.card.total_difference) + ")";
    }
    out += total + " | " + md(e.card.computed_grade) + " | |\n\n";

    // Findings.
    const form_summary counts = summarize(std::span<const finding>(e.findings));
    out += h + "# " + std::string(label::findings) + " (" + std::to_string(e.findings.size()) + ": " +
           std::to_string(counts.errors) + " errors, " + std::to_string(counts.warnings) + " warnings, " +
           std::to_string(counts.notices) + " notices; " + std::string(to_string(counts.trust)) + ")\n\n";
    if (e.findings.empty()) out += "None.\n\n";
    for (const finding& fd : e.findings) {
        out += "- **" + std::string(to_string(fd.level)) + "** " + code(fd.code);
        if (fd.indicator && *fd.indicator < f.indicators.size()) {
            out += " — " + md(f.indicators[*fd.indicator].name);
        }
        // A PDF's page (`p. 3`); text sources are not cited by line here, as before.
        if (fd.where.page != 0) out += " (" + place_text(fd.where) + ")";
        out += ": " + md(fd.message_zh) + "<br>" + md(fd.message_en);
        if (!fd.evidence.empty()) {
            out += "<br>Evidence:";
            bool first = true;
            for (const auto& [key, value] : fd.evidence) {
                out += first ? " " : "; ";
                first = false;
                out += md(key) + " = " + md(value);
            }
        }
        out += "\n";
    }
    out += "\n";
}

}  // namespace

std::string to_markdown(const evaluation& e) {
    std::string out;
    write_form(out, e, 0, 1);
    return out;
}

std::string portfolio_to_markdown(std::span<const evaluation> evaluations, const portfolio& p) {
    std::string out = "# jixiao report: " + std::to_string(p.forms) + " forms\n\n";
    out += "Rulebook " + code(p.rulebook_id) + " " + md(p.rulebook_version) + ". Findings: " +
           std::to_string(p.findings.errors) + " errors, " + std::to_string(p.findings.warnings) + " warnings, " +
           std::to_string(p.findings.notices) + " notices.\n\n";
    if (!p.files_not_read.empty()) {
        out += "## Files not read · 未读取的文件\n\n| file | why |\n|---|---|\n";
        for (const unread_file& u : p.files_not_read) out += "| " + md(u.source) + " | " + md(u.reason) + " |\n";
        out += "\n";
    }
    out += "## " + std::string(label::portfolio) + "\n\n";
    out += "| # | " + std::string(label::project_name) + " | kind | " + std::string(label::reported_score) + " | " +
           std::string(label::computed_score) + " | " + std::string(label::grade) + " | " +
           std::string(label::execution_rate) + " | errors | warnings | notices | trust |\n";
    out += "|--:|---|---|--:|--:|---|--:|--:|--:|--:|---|\n";
    for (const portfolio_entry& e : p.entries) {
        out += "| " + std::to_string(e.index + 1) + " | " + md(e.project_name) + " | " + code(to_string(e.kind)) + " | " +
               detail::number_text(e.reported_total, "—") + " | " + md(detail::total_or_why(e)) + " | " +
               md(e.computed_grade) + " | " +
               (e.execution_rate_percent ? e.execution_rate_percent->to_string() + "%" : std::string("—")) +
               " | " + std::to_string(e.counts.errors) + " | " + std::to_string(e.counts.warnings) + " | " +
               std::to_string(e.counts.notices) + " | " + std::string(to_string(e.counts.trust)) + " |\n";
    }
    if (p.grouped_by) {
        out += "\n### By " + std::string(to_string(*p.grouped_by)) +
               "\n\n| group | forms | mean total | budget (元) | executed (元) | rate | errors | warnings | notices |\n"
               "|---|--:|--:|--:|--:|--:|--:|--:|--:|\n";
        for (const portfolio_group& g : p.groups) {
            out += "| " + md(g.key.empty() ? std::string("（未填）") : g.key) + " | " + std::to_string(g.forms) + " | " +
                   (g.computed_total_mean ? g.computed_total_mean->to_string() : std::string("—")) + " | " +
                   g.budget_sum.to_string() + " | " + g.executed_sum.to_string() + " | " +
                   (g.execution_rate_percent ? g.execution_rate_percent->to_string() + "%" : std::string("—")) + " | " +
                   std::to_string(g.errors) + " | " + std::to_string(g.warnings) + " | " + std::to_string(g.notices) + " |\n";
        }
        out += "\n#### Kinds side by side\n\n| group | kind | forms | scored | mean total | requested / initial (元) | budget (元) | executed (元) |\n"
               "|---|---|--:|--:|--:|--:|--:|--:|\n";
        for (const portfolio_group& g : p.groups) {
            for (const kind_summary& k : g.kinds) out += kind_row(g.key.empty() ? std::string("（未填）") : g.key, k);
        }
    }
    out += "\n### Kinds\n\n| | kind | forms | scored | mean total | requested / initial (元) | budget (元) | executed (元) |\n"
           "|---|---|--:|--:|--:|--:|--:|--:|\n";
    for (const kind_summary& k : p.kinds) out += kind_row("all", k);
    out += "\n### Grades\n\n| grade | computed | reported |\n|---|--:|--:|\n";
    for (const grade_count& g : p.grades) {
        out += "| " + (g.grade.empty() ? std::string("(none)") : md(g.grade)) + " | " + std::to_string(g.computed) +
               " | " + std::to_string(g.reported) + " |\n";
    }
    out += "\n### Execution rates\n\n| rate | forms |\n|---|--:|\n";
    for (const rate_bucket& b : p.execution_rates) out += "| " + md(b.label) + " | " + std::to_string(b.forms) + " |\n";
    out += "\n### Findings by code\n\n| code | severity | findings | forms | title |\n|---|---|--:|--:|---|\n";
    for (const code_count& c : p.findings_by_code) {
        out += "| " + code(c.code) + " | " + std::string(to_string(c.level)) + " | " + std::to_string(c.findings) +
               " | " + std::to_string(c.forms) + " | " + md(c.title_zh) + " / " + md(c.title_en) + " |\n";
    }
    out += "\n";
    for (std::size_t i = 0; i < evaluations.size(); ++i) write_form(out, evaluations[i], i, 2);
    return out;
}

}  // namespace jixiao::io
