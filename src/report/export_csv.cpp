// export_csv.cpp — CSV of scorecards (one row per scored line), findings (one row per finding)
// and portfolios (one row per form). RFC 4180: CRLF line ends, every field through `csv_field`
// (quoted when needed, formula-neutralised). Columns are documented in docs/cli.md.
#include <jixiao/io/export.hpp>
#include <jixiao/detail/utf8.hpp>

#include "report/export_internal.hpp"

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::io {

namespace {

void append_row(std::string& out, const std::vector<std::string>& fields) {
    bool first = true;
    for (const std::string& f : fields) {
        if (!first) out += ',';
        first = false;
        out += csv_field(f);
    }
    out += "\r\n";
}

std::string start(const csv_options& options) {
    return options.bom ? std::string(jixiao::detail::utf8::bom) : std::string();
}

std::string bool_text(bool b) { return b ? "true" : "false"; }

std::string index_text(std::size_t i) { return std::to_string(i + 1); }

/// The `source_line` cell: the line number, or `p. 3` for a PDF (whose running row numbers mean
/// nothing on paper); empty when unknown.
std::string source_line(const source_location& w) {
    if (w.page != 0) return place_text(w);
    return w.line != 0 ? std::to_string(w.line) : std::string();
}

}  // namespace

std::string scorecards_to_csv(std::span<const evaluation> evaluations, const csv_options& options) {
    std::string out = start(options);
    append_row(out, {"source", "form", "project_name", "line", "level1", "level2", "indicator", "target",
                     "actual", "weight", "reported_score", "computed_score", "difference", "counted",
                     "status", "reason", "outcome", "deviation_percent", "over_achieved",
                     "deviation_note", "rulebook"});
    for (std::size_t i = 0; i < evaluations.size(); ++i) {
        const evaluation& e = evaluations[i];
        const form& f = e.subject;
        auto write_line = [&](const score_line& line) {
            std::vector<std::string> row{e.source, index_text(i), f.project_name};
            if (line.is_execution()) {
                row.insert(row.end(), {"execution", "", "", std::string(vocabulary::report::execution_line),
                                       f.money.at(funds_row::total, funds_column::full_year_budget).text,
                                       f.money.at(funds_row::total, funds_column::executed).text});
            } else {
                const indicator* ind = line.index < f.indicators.size() ? &f.indicators[line.index] : nullptr;
                row.push_back(index_text(line.index));
                row.push_back(ind ? ind->level1_text : "");
                row.push_back(ind ? ind->level2_text : "");
                row.push_back(ind ? ind->name : "");
                row.push_back(ind ? ind->target.text : "");
                row.push_back(ind ? ind->actual.text : "");
            }
            row.push_back(detail::number_text(line.weight));
            row.push_back(line.reported_score.text);
            row.push_back(detail::number_text(line.computed));
            row.push_back(detail::number_text(line.difference));
            row.push_back(detail::number_text(line.counted));
            row.push_back(std::string(to_string(line.status)));
            row.push_back(std::string(to_string(line.reason)));
            row.push_back(std::string(to_string(line.result)));
            row.push_back(detail::number_text(detail::deviation_percent(line)));
            row.push_back(bool_text(line.over_achieved));
            row.push_back(line.is_execution() || line.index >= f.indicators.size()
                              ? std::string()
                              : f.indicators[line.index].deviation_note);
            row.push_back(e.card.rulebook_id);
            append_row(out, row);
        };
        write_line(e.card.execution);
        for (const score_line& line : e.card.indicators) write_line(line);
    }
    return out;
}

std::string findings_to_csv(std::span<const evaluation> evaluations, const csv_options& options) {
    std::string out = start(options);
    append_row(out, {"source", "form", "project_name", "code", "severity", "block", "indicator",
                     "indicator_name", "field", "source_line", "message_zh", "message_en", "evidence"});
    for (std::size_t i = 0; i < evaluations.size(); ++i) {
        const evaluation& e = evaluations[i];
        for (const finding& fd : e.findings) {
            std::string evidence;
            for (const auto& [key, value] : fd.evidence) {
                if (!evidence.empty()) evidence += "; ";
                evidence += key;
                evidence += '=';
                evidence += value;
            }
            std::string indicator_name;
            if (fd.indicator && *fd.indicator < e.subject.indicators.size()) {
                indicator_name = e.subject.indicators[*fd.indicator].name;
            }
            append_row(out, {e.source, index_text(i), e.subject.project_name, fd.code,
                             std::string(to_string(fd.level)), fd.block,
                             fd.indicator ? index_text(*fd.indicator) : std::string(), indicator_name,
                             fd.field, source_line(fd.where),
                             fd.message_zh, fd.message_en, evidence});
        }
    }
    return out;
}

std::string portfolio_to_csv(const portfolio& p, const csv_options& options) {
    std::string out = start(options);
    append_row(out, {"form", "source", "project_name", "department", "reported_total", "computed_total",
                     "total_complete", "reported_grade", "computed_grade", "execution_rate_percent",
                     "errors", "warnings", "notices", "trust"});
    for (const portfolio_entry& e : p.entries) {
        append_row(out, {index_text(e.index), e.source, e.project_name, e.department,
                         detail::number_text(e.reported_total), e.computed_total.to_string(),
                         bool_text(e.total_complete), e.reported_grade, e.computed_grade,
                         detail::number_text(e.execution_rate_percent), std::to_string(e.counts.errors),
                         std::to_string(e.counts.warnings), std::to_string(e.counts.notices),
                         std::string(to_string(e.counts.trust))});
    }
    return out;
}

std::string portfolio_groups_to_csv(const portfolio& p, const csv_options& options) {
    std::string out = start(options);
    std::vector<std::string> header{p.grouped_by ? std::string(to_string(*p.grouped_by)) : std::string("group"), "forms",
                                    "scorable", "computed_total_mean", "budget_sum", "executed_sum",
                                    "execution_rate_percent"};
    for (const grade_count& g : p.grades) header.push_back("grade_" + (g.grade.empty() ? std::string("none") : g.grade));
    for (const char* h : {"errors", "warnings", "notices"}) header.emplace_back(h);
    append_row(out, header);
    for (const portfolio_group& g : p.groups) {
        std::vector<std::string> row{g.key, std::to_string(g.forms), std::to_string(g.scorable),
                                     detail::number_text(g.computed_total_mean), g.budget_sum.to_string(),
                                     g.executed_sum.to_string(), detail::number_text(g.execution_rate_percent)};
        for (std::size_t n : g.grades) row.push_back(std::to_string(n));
        row.push_back(std::to_string(g.errors));
        row.push_back(std::to_string(g.warnings));
        row.push_back(std::to_string(g.notices));
        append_row(out, row);
    }
    return out;
}

}  // namespace jixiao::io
