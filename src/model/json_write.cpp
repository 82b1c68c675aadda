// json_write.cpp — forms written as the canonical JSON (docs/json-format.md); the reader is
// json_read.cpp, the enum ids both use are in json_ids.hpp.
#include <jixiao/json.hpp>
#include <jixiao/detail/utf8.hpp>  // replace_invalid (issue 9)
#include <jixiao/unit.hpp>
#include <jixiao/value.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/json_ids.hpp"

namespace jixiao {
namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;
using namespace json_ids;

// ---- writing -------------------------------------------------------------------------------

ordered_json write_error(const error& e) {
    ordered_json out;
    out["code"] = std::string(to_string(e.code));
    out["offset"] = e.offset;
    if (!e.where.empty()) out["where"] = e.where;
    out["message"] = e.message;
    return out;
}

/// The unit as the reader will rebuild it from a string (see `read_unit`).

ordered_json write_unit(const unit& u) {
    if (unit_from_symbol(u.symbol()) == u) return u.symbol();
    ordered_json out;
    out["symbol"] = u.symbol();
    out["dimension"] = std::string(id_of(dimension_ids, u.dim()));
    out["key"] = u.key();
    out["scale"] = u.scale().to_string();
    return out;
}

ordered_json write_value_expr(const value_expr& v, const std::string& cell_text) {
    const value_expr defaults;
    ordered_json out;
    out["kind"] = std::string(id_of(value_kind_ids, v.kind));
    if (v.text != cell_text) out["text"] = v.text;
    if (v.op != defaults.op) out["op"] = std::string(id_of(comparator_ids, v.op));
    const bool has_amount = v.kind == value_kind::quantity || v.kind == value_kind::range;
    if (has_amount || !(v.amount == defaults.amount) || !v.amount.number.identical(defaults.amount.number)) {
        out["number"] = v.amount.number.to_string();
        out["unit"] = write_unit(v.amount.in);
    }
    if (v.kind == value_kind::range || !(v.upper == defaults.upper) ||
        !v.upper.number.identical(defaults.upper.number)) {
        ordered_json upper;
        upper["number"] = v.upper.number.to_string();
        upper["unit"] = write_unit(v.upper.in);
        out["upper"] = std::move(upper);
    }
    if (v.kind == value_kind::time_point || !(v.when == defaults.when)) {
        ordered_json when;
        if (v.when.year) when["year"] = *v.when.year;
        if (v.when.month) when["month"] = *v.when.month;
        when["part"] = std::string(id_of(period_part_ids, v.when.part));
        out["when"] = std::move(when);
    }
    if (v.kind == value_kind::qualitative || v.quality != defaults.quality) {
        out["quality"] = std::string(id_of(qualitative_kind_ids, v.quality));
    }
    if (!v.label.empty()) out["label"] = v.label;
    if (!v.subject.empty()) out["subject"] = v.subject;
    return out;
}

template <class T>
ordered_json write_cell(const reported<T>& cell) {
    ordered_json out;
    out["text"] = cell.text;
    out["state"] = std::string(id_of(cell_state_ids, cell.state));
    if (cell.value) {
        if constexpr (std::is_same_v<T, decimal>) {
            out["value"] = cell.value->to_string();
        } else {
            out["value"] = write_value_expr(*cell.value, cell.text);
        }
    }
    if (cell.problem) out["error"] = write_error(*cell.problem);
    return out;
}

std::optional<ordered_json> write_location(const source_location& where) {
    if (where == source_location{}) return std::nullopt;
    ordered_json out;
    out["file"] = where.file;
    out["line"] = where.line;
    out["row"] = where.row;
    out["column"] = where.column;
    if (where.page != 0) out["page"] = where.page;  // paged sources only: text outputs stay as they were
    return out;
}

ordered_json write_indicator(const indicator& ind) {
    ordered_json out;
    out["level1"] = std::string(to_string(ind.level1));
    out["level2"] = std::string(to_string(ind.level2));
    out["level1_text"] = ind.level1_text;
    out["level2_text"] = ind.level2_text;
    out["name"] = ind.name;
    out["target"] = write_cell(ind.target);
    out["actual"] = write_cell(ind.actual);
    out["weight"] = write_cell(ind.weight);
    out["score"] = write_cell(ind.score);
    out["deviation_note"] = ind.deviation_note;
    if (!ind.extra.empty()) {
        ordered_json extra = ordered_json::array();
        for (const extra_cell& cell : ind.extra) {
            ordered_json e;
            e["label"] = cell.label;
            e["text"] = cell.text;
            extra.push_back(std::move(e));
        }
        out["extra"] = std::move(extra);
    }
    if (auto where = write_location(ind.where)) out["where"] = std::move(*where);
    return out;
}

ordered_json write_form(const form& f) {
    ordered_json out;
    if (f.kind != form_kind::project_self_evaluation) out["kind"] = std::string(to_string(f.kind));
    out["title"] = f.title;
    if (f.year) out["year"] = *f.year;
    out["project_name"] = f.project_name;
    out["department"] = f.department;
    out["implementing_unit"] = f.implementing_unit;

    ordered_json funds_json;
    funds_json["unit"] = std::string(id_of(money_unit_ids, f.money.unit));
    ordered_json rows;
    for (std::size_t r = 0; r < funds_row_ids.size(); ++r) {
        ordered_json row;
        const auto row_id = static_cast<funds_row>(r);
        for (std::size_t c = 0; c < funds_column_ids.size(); ++c) {
            row[std::string(funds_column_ids[c])] = write_cell(f.money.at(row_id, static_cast<funds_column>(c)));
        }
        for (std::size_t c = 0; c < funds_score_ids.size(); ++c) {
            row[std::string(funds_score_ids[c])] =
                write_cell(f.money.scoring_at(row_id, static_cast<funds_score_column>(c)));
        }
        rows[std::string(funds_row_ids[r])] = std::move(row);
    }
    funds_json["rows"] = std::move(rows);
    if (!f.money.breakdown.empty()) {  // absent on the project form
        ordered_json lines = ordered_json::array();
        for (const funds_line& line : f.money.breakdown) {
            ordered_json l;
            l["label"] = line.label;
            for (std::size_t c = 0; c < funds_column_ids.size(); ++c) {
                l[std::string(funds_column_ids[c])] = write_cell(line.at(static_cast<funds_column>(c)));
            }
            lines.push_back(std::move(l));
        }
        funds_json["breakdown"] = std::move(lines);
    }
    out["funds"] = std::move(funds_json);

    ordered_json goal_json;
    goal_json["expected"] = f.annual_goal.expected;
    goal_json["achieved"] = f.annual_goal.achieved;
    out["goal"] = std::move(goal_json);

    ordered_json indicators = ordered_json::array();
    for (const indicator& ind : f.indicators) indicators.push_back(write_indicator(ind));
    out["indicators"] = std::move(indicators);
    out["total_weight"] = write_cell(f.total_weight);
    out["total_score"] = write_cell(f.total_score);
    out["reported_grade"] = f.reported_grade;
    out["notes"] = f.notes;
    if (!f.layout.empty()) out["layout"] = f.layout;  // absent for the national template
    if (auto where = write_location(f.where)) out["where"] = std::move(*where);
    return out;
}

std::string dump(const ordered_json& j, int indent) {
    // Invalid UTF-8 in a model string (the importers validate, so this is a programming slip)
    // is written as U+FFFD rather than throwing.
    return j.dump(indent < 0 ? -1 : indent, ' ', false, ordered_json::error_handler_t::replace);
}


}  // namespace

std::string write_json(const form& f, int indent) { return dump(write_form(f), indent); }

std::string write_json(const std::vector<form>& forms, int indent) {
    ordered_json doc;
    doc["format"] = std::string(json_format_name);
    doc["version"] = json_format_version;
    ordered_json list = ordered_json::array();
    for (const form& f : forms) list.push_back(write_form(f));
    doc["forms"] = std::move(list);
    return dump(doc, indent);
}

}  // namespace jixiao
