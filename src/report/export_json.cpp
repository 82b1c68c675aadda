// export_json.cpp — JSON of scorecards, evaluations and portfolios (docs/cli.md).
//
// Numbers are written as strings (`"9.80"`), like the canonical form format, so that nothing is
// lost to binary floating point. The form inside an evaluation is the canonical form JSON
// (`write_json`) and the findings are `findings_to_json`, embedded unchanged.
#include <jixiao/io/export.hpp>
#include <jixiao/io/export_stream.hpp>
#include <jixiao/json.hpp>

#include "report/export_internal.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace jixiao::io {

namespace {

using ordered_json = nlohmann::ordered_json;

ordered_json optional_number(const std::optional<decimal>& d) {
    if (!d) return nullptr;
    return d->to_string();
}

ordered_json cell_json(const reported<decimal>& cell) {
    ordered_json out;
    out["text"] = cell.text;
    out["state"] = cell.state == cell_state::value            ? "value"
                   : cell.state == cell_state::missing        ? "missing"
                   : cell.state == cell_state::not_applicable ? "not_applicable"
                                                              : "invalid";
    out["value"] = optional_number(cell.value);
    return out;
}

ordered_json ratio_json(const std::optional<exact_ratio>& r) {
    if (!r) return nullptr;
    ordered_json out;
    out["numerator"] = r->numerator.to_string();
    out["denominator"] = r->denominator.to_string();
    if (auto p = divide(r->numerator * decimal(100), r->denominator, 2, rounding::half_away_from_zero)) {
        out["percent"] = p->to_string();
    }
    return out;
}

ordered_json line_json(const score_line& line, const form& f) {
    ordered_json out;
    if (line.is_execution()) {
        out["line"] = "execution";
    } else {
        out["line"] = line.index + 1;  // the indicator's 1-based number
    }
    out["name"] = detail::line_name(f, line);
    out["weight"] = optional_number(line.weight);
    out["computed"] = optional_number(line.computed);
    out["reported"] = cell_json(line.reported_score);
    out["difference"] = optional_number(line.difference);
    out["counted"] = optional_number(line.counted);
    out["status"] = std::string(to_string(line.status));
    out["reason"] = std::string(to_string(line.reason));
    out["reason_text"] = std::string(describe(line.reason));
    out["outcome"] = std::string(to_string(line.result));
    out["deviation"] = ratio_json(line.deviation);
    out["over_achieved"] = line.over_achieved;
    if (line.band) {
        ordered_json band;
        band["tier"] = std::string(to_string(line.band->tier));
        band["lower"] = line.band->lower.to_string();
        band["upper"] = line.band->upper.to_string();
        band["upper_inclusive"] = line.band->upper_inclusive;
        out["band"] = band;
    } else {
        out["band"] = nullptr;
    }
    if (line.trace.empty()) {
        out["trace"] = nullptr;
    } else {
        ordered_json trace;
        trace["rule"] = line.trace.rule;
        ordered_json inputs = ordered_json::object();
        for (const auto& [name, value] : line.trace.inputs) inputs[name] = value;
        trace["inputs"] = inputs;
        trace["formula"] = line.trace.formula;
        trace["rounding"] = line.trace.rounding;
        trace["citation"] = line.trace.citation;
        out["trace"] = trace;
    }
    return out;
}

ordered_json scorecard_object(const scorecard& card, const form& f) {
    ordered_json out;
    out["format"] = "jixiao.scorecard";
    out["version"] = 1;
    ordered_json book;
    book["id"] = card.rulebook_id;
    book["version"] = card.rulebook_version;
    out["rulebook"] = book;
    out["project_name"] = f.project_name;
    out["kind"] = std::string(to_string(card.kind));
    out["execution_rate"] = ratio_json(card.execution_rate);
    out["execution_rate_percent"] = optional_number(card.execution_rate_percent);
    out["weight_total"] = card.weight_total.to_string();
    out["computed_total"] = card.computed_total.to_string();
    out["total_complete"] = card.total_complete;
    if (!card.scorable) {  // an empty shell or a declaration: no total, no grade
        out["scorable"] = false;
        out["not_scored"] = std::string(to_string(card.unscored));
        out["not_scored_text"] = detail::unscored_text(card.unscored);
    }
    out["reported_total"] = cell_json(card.reported_total);
    out["total_difference"] = optional_number(card.total_difference);
    out["computed_grade"] = card.computed_grade;
    out["execution"] = line_json(card.execution, f);
    ordered_json lines = ordered_json::array();
    for (const score_line& line : card.indicators) lines.push_back(line_json(line, f));
    out["indicators"] = lines;
    return out;
}

ordered_json summary_json(const form_summary& s) {
    ordered_json out;
    out["errors"] = s.errors;
    out["warnings"] = s.warnings;
    out["notices"] = s.notices;
    out["trust"] = std::string(to_string(s.trust));
    return out;
}

ordered_json evaluation_object(const evaluation& e) {
    ordered_json out;
    out["format"] = "jixiao.evaluation";
    out["version"] = 1;
    out["source"] = e.source;
    out["form"] = ordered_json::parse(write_json(e.subject, -1));
    out["scorecard"] = scorecard_object(e.card, e.subject);
    out["findings"] = ordered_json::parse(findings_to_json(std::span<const finding>(e.findings), -1));
    out["summary"] = summary_json(summarize(std::span<const finding>(e.findings)));
    return out;
}

/// The kinds of a portfolio or group, side by side.
ordered_json kinds_json(const std::vector<kind_summary>& kinds) {
    ordered_json out = ordered_json::array();
    for (const kind_summary& k : kinds) {
        ordered_json item;
        item["kind"] = std::string(to_string(k.kind));
        item["kind_zh"] = std::string(chinese_name(k.kind));
        item["forms"] = k.forms;
        item["scored"] = k.scored;
        item["computed_total_sum"] = k.computed_total_sum.to_string();
        item["computed_total_mean"] = optional_number(k.computed_total_mean);
        item["initial_budget_sum"] = k.initial_budget_sum.to_string();
        item["budget_sum"] = k.budget_sum.to_string();
        item["executed_sum"] = k.executed_sum.to_string();
        out.push_back(item);
    }
    return out;
}

/// One line of `forms_summary`.
ordered_json entry_object(const portfolio_entry& e) {
    ordered_json item;
    item["index"] = e.index + 1;  // 1-based, as every report numbers forms
    item["source"] = e.source;
    item["project_name"] = e.project_name;
    item["department"] = e.department;
    item["implementing_unit"] = e.implementing_unit;
    item["kind"] = std::string(to_string(e.kind));
    item["reported_total"] = optional_number(e.reported_total);
    // An unscored form (declaration, empty shell) has no total: null and the reason.
    item["computed_total"] = e.scored ? ordered_json(e.computed_total.to_string()) : ordered_json(nullptr);
    if (!e.scored) item["not_scored"] = std::string(to_string(e.unscored));
    item["total_complete"] = e.total_complete;
    item["computed_grade"] = e.computed_grade;
    item["reported_grade"] = e.reported_grade;
    item["execution_rate_percent"] = optional_number(e.execution_rate_percent);
    item["summary"] = summary_json(e.counts);
    return item;
}

constexpr std::string_view entries_marker_text = "@jixiao:forms_summary@";

/// The portfolio as JSON; `entries_marker`: its `forms_summary` list (when not empty) as one
/// marker string, for write_document to write the entries one at a time.
ordered_json portfolio_object(const portfolio& p, bool entries_marker = false) {
    ordered_json out;
    out["format"] = "jixiao.portfolio";
    out["version"] = 1;
    ordered_json book;
    book["id"] = p.rulebook_id;
    book["version"] = p.rulebook_version;
    out["rulebook"] = book;
    out["forms"] = p.forms;
    out["computed_total_sum"] = p.computed_total_sum.to_string();
    out["computed_total_mean"] = optional_number(p.computed_total_mean);
    out["budget_sum"] = p.budget_sum.to_string();
    out["executed_sum"] = p.executed_sum.to_string();
    out["kinds"] = kinds_json(p.kinds);
    ordered_json grades = ordered_json::array();
    for (const grade_count& g : p.grades) {
        ordered_json item;
        item["grade"] = g.grade;
        item["computed"] = g.computed;
        item["reported"] = g.reported;
        grades.push_back(item);
    }
    out["grades"] = grades;
    ordered_json rates = ordered_json::array();
    for (const rate_bucket& b : p.execution_rates) {
        ordered_json item;
        item["bucket"] = b.label;
        item["forms"] = b.forms;
        rates.push_back(item);
    }
    out["execution_rates"] = rates;
    ordered_json severities;
    severities["error"] = p.findings.errors;
    severities["warning"] = p.findings.warnings;
    severities["notice"] = p.findings.notices;
    out["findings_by_severity"] = severities;
    ordered_json trust;
    for (std::size_t t = 0; t < p.findings.forms_by_trust.size(); ++t) {
        trust[std::string(to_string(static_cast<trust_level>(t)))] = p.findings.forms_by_trust[t];
    }
    out["forms_by_trust"] = trust;
    ordered_json codes = ordered_json::array();
    for (const code_count& c : p.findings_by_code) {
        ordered_json item;
        item["code"] = c.code;
        item["severity"] = std::string(to_string(c.level));
        item["title_en"] = c.title_en;
        item["title_zh"] = c.title_zh;
        item["findings"] = c.findings;
        item["forms"] = c.forms;
        codes.push_back(item);
    }
    out["findings_by_code"] = codes;
    ordered_json entries = ordered_json::array();
    if (entries_marker && !p.entries.empty()) {
        entries.push_back(std::string(entries_marker_text));  // written one by one (write_document)
    } else {
        for (const portfolio_entry& e : p.entries) entries.push_back(entry_object(e));
    }
    out["forms_summary"] = entries;
    if (p.grouped_by) {  // only with summary --by
        ordered_json groups = ordered_json::array();
        for (const portfolio_group& g : p.groups) {
            ordered_json item;
            item["key"] = g.key;
            item["forms"] = g.forms;
            item["scorable"] = g.scorable;
            item["computed_total_sum"] = g.computed_total_sum.to_string();
            item["computed_total_mean"] = optional_number(g.computed_total_mean);
            item["budget_sum"] = g.budget_sum.to_string();
            item["executed_sum"] = g.executed_sum.to_string();
            item["execution_rate_percent"] = optional_number(g.execution_rate_percent);
            ordered_json by_grade = ordered_json::object();
            for (std::size_t k = 0; k < g.grades.size() && k < p.grades.size(); ++k) by_grade[p.grades[k].grade] = g.grades[k];
            item["grades"] = by_grade;
            item["findings_by_severity"] = {{"error", g.errors}, {"warning", g.warnings}, {"notice", g.notices}};
            item["kinds"] = kinds_json(g.kinds);
            groups.push_back(item);
        }
        out["grouped_by"] = std::string(to_string(*p.grouped_by));
        out["groups"] = groups;
    }
    if (!p.files_not_read.empty()) {  // only when a file of the batch could not be read
        ordered_json unread = ordered_json::array();
        for (const unread_file& u : p.files_not_read) unread.push_back({{"source", u.source}, {"reason", u.reason}});
        out["files_not_read"] = unread;
    }
    return out;
}

std::string dump(const ordered_json& j, int indent) {
    // Invalid UTF-8 in user text is replaced, never a throw.
    return j.dump(indent < 0 ? -1 : indent, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace

std::string scorecard_to_json(const scorecard& card, const form& f, int indent) {
    return dump(scorecard_object(card, f), indent);
}

std::string evaluation_to_json(const evaluation& e, int indent) { return dump(evaluation_object(e), indent); }

namespace {

constexpr std::string_view item_marker = "@jixiao:evaluations@";

ordered_json evaluations_document(const portfolio& p, ordered_json list, bool entries_marker = false) {
    ordered_json out;
    out["format"] = "jixiao.evaluations";
    out["version"] = 1;
    ordered_json book;
    book["id"] = p.rulebook_id;
    book["version"] = p.rulebook_version;
    out["rulebook"] = book;
    out["portfolio"] = portfolio_object(p, entries_marker);
    out["evaluations"] = std::move(list);
    return out;
}

/// A value as it prints `depth` levels deep in a document: its lines indented that much more.
std::string nested_text(const ordered_json& j, int indent, std::size_t depth) {
    std::string text = dump(j, indent);
    if (indent <= 0) return text;
    const std::string pad(static_cast<std::size_t>(indent) * depth, ' ');
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        out += c;
        if (c == '\n') out += pad;  // strings never hold a raw line feed (escaped)
    }
    return out;
}

/// One item of the evaluations list (depth 2).
std::string item_text(const evaluation& e, int indent) { return nested_text(evaluation_object(e), indent, 2); }

/// What separates two items of a list `depth` levels deep.
std::string item_separator(int indent, std::size_t depth = 2) {
    return indent < 0 ? std::string(",") : ",\n" + std::string(static_cast<std::size_t>(std::max(indent, 0)) * depth, ' ');
}

/// Writes the evaluations document of `p` to `out`: the portfolio's entries one at a time, then
/// `count` evaluations written by `body` (the separators included).
void write_document(std::ostream& out, const portfolio& p, int indent, std::size_t count,
                    const std::function<void(std::ostream&)>& body) {
    if (count == 0 && p.entries.empty()) {
        out << dump(evaluations_document(p, ordered_json::array()), indent);
        return;
    }
    ordered_json list = ordered_json::array();
    if (count > 0) list.push_back(std::string(item_marker));
    const std::string frame = dump(evaluations_document(p, std::move(list), true), indent);
    std::string_view rest = frame;
    if (!p.entries.empty()) {
        const std::string quoted = "\"" + std::string(entries_marker_text) + "\"";
        const std::size_t at = rest.find(quoted);
        out << rest.substr(0, at);
        for (std::size_t i = 0; i < p.entries.size(); ++i) {
            if (i > 0) out << item_separator(indent, 3);
            out << nested_text(entry_object(p.entries[i]), indent, 3);
        }
        rest.remove_prefix(at + quoted.size());
    }
    if (count > 0) {
        const std::string quoted = "\"" + std::string(item_marker) + "\"";
        const std::size_t at = rest.rfind(quoted);
        out << rest.substr(0, at);
        body(out);
        rest.remove_prefix(at + quoted.size());
    }
    out << rest;
}

}  // namespace

std::string evaluations_to_json(std::span<const evaluation> evaluations, const portfolio& p, int indent) {
    std::ostringstream out;
    write_document(out, p, indent, evaluations.size(), [&](std::ostream& o) {
        for (std::size_t i = 0; i < evaluations.size(); ++i) {
            if (i > 0) o << item_separator(indent);
            o << item_text(evaluations[i], indent);
        }
    });
    return std::move(out).str();
}

std::string evaluations_json_writer::render(const evaluation& e, std::size_t index) const {
    return index > 0 ? item_separator(indent_) + item_text(e, indent_) : item_text(e, indent_);
}

void evaluations_json_writer::take(std::string_view text, const evaluation&) { body_.write(text); }

std::optional<error> evaluations_json_writer::finish(const portfolio& p) {
    std::optional<error> failed;
    write_document(out_, p, indent_, added(), [&](std::ostream& o) { failed = body_.copy_to(o); });
    if (failed) return failed;
    if (!out_) return error{errc::io_error, 0, {}, "writing the JSON document failed"};
    return std::nullopt;
}

std::string scorecards_to_json(std::span<const evaluation> evaluations, int indent) {
    ordered_json out;
    out["format"] = "jixiao.scorecards";
    out["version"] = 1;
    ordered_json list = ordered_json::array();
    for (const evaluation& e : evaluations) {
        ordered_json item = scorecard_object(e.card, e.subject);
        item.erase("format");
        item.erase("version");
        ordered_json with_source;
        with_source["source"] = e.source;
        for (auto it = item.begin(); it != item.end(); ++it) with_source[it.key()] = it.value();
        list.push_back(with_source);
    }
    out["scorecards"] = list;
    return dump(out, indent);
}

std::string portfolio_to_json(const portfolio& p, int indent) { return dump(portfolio_object(p), indent); }

}  // namespace jixiao::io
