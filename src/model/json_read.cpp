// json_read.cpp — the canonical JSON of forms read back (docs/json-format.md; the writer is
// json_write.cpp).
//
// Reading is two steps: a SAX pass builds the DOM while enforcing the bounds (nesting depth,
// no fractional JSON numbers, no duplicate members) and reporting syntax errors with their byte
// offset; then the DOM is interpreted against the format, with a JSON Pointer to every value
// so that a schema violation says exactly where it is.
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

// ---- the SAX pass: DOM, bounds, syntax errors ----------------------------------------------

std::string escape_pointer_token(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (char c : token) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

/// Builds the DOM; refuses nesting beyond `json_limits::max_depth`, JSON numbers with a
/// fraction or an exponent, and duplicate member names.
class dom_builder {
public:
    explicit dom_builder(json& root) : root_(root) {}

    bool null() { return put(nullptr) != nullptr; }
    bool boolean(bool v) { return put(v) != nullptr; }
    bool number_integer(json::number_integer_t v) { return put(v) != nullptr; }
    bool number_unsigned(json::number_unsigned_t v) { return put(v) != nullptr; }
    bool number_float(json::number_float_t /*unused*/, const std::string& spelling) {
        failure_ = error{errc::json_schema, 0, next_path(),
                         "the JSON number " + spelling +
                             " has a fraction or an exponent: numbers travel as strings (\"" +
                             spelling + "\")"};
        return false;
    }
    bool string(std::string& v) { return put(std::move(v)) != nullptr; }
    bool binary(json::binary_t& /*unused*/) {
        failure_ = error{errc::json_syntax, 0, next_path(), "binary values are not JSON"};
        return false;
    }
    bool start_object(std::size_t /*unused*/) { return open(json::object()); }
    bool key(std::string& name) {
        frame& top = stack_.back();
        // The members read so far are in the object already (a value is put right after its key).
        if (top.container->contains(name)) {
            failure_ = error{errc::json_schema, 0, path_of_stack() + "/" + escape_pointer_token(name),
                             "duplicate member \"" + name + "\""};
            return false;
        }
        top.key = name;
        return true;
    }
    bool end_object() {
        stack_.pop_back();
        return true;
    }
    bool start_array(std::size_t /*unused*/) { return open(json::array()); }
    bool end_array() {
        stack_.pop_back();
        return true;
    }
    bool parse_error(std::size_t position, const std::string& /*last_token*/,
                     const nlohmann::detail::exception& ex) {
        std::string message = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 5: ..." -> "parse error ..."
        if (auto close = message.find("] "); message.starts_with("[json.exception") && close != std::string::npos) {
            message.erase(0, close + 2);
        }
        // Robustness fix (issue 9): nlohmann quotes the bytes it read ("last read: '\xFF'"); an
        // error message must be UTF-8 (it reaches Python exceptions and JSON output).
        failure_ = error{errc::json_syntax, position > 0 ? position - 1 : 0, {},
                         detail::utf8::replace_invalid(message)};
        return false;
    }

    [[nodiscard]] const std::optional<error>& failure() const noexcept { return failure_; }

private:
    struct frame {
        json* container = nullptr;
        std::size_t next_index = 0;  // arrays
        std::string key;             // objects: the current member
    };

    /// JSON Pointer of the containers on the stack, each at its current member / element.
    [[nodiscard]] std::string path_of_stack() const {
        std::string out;
        for (std::size_t i = 0; i < stack_.size(); ++i) {
            const frame& f = stack_[i];
            if (i + 1 == stack_.size()) {
                // The innermost container itself.
                break;
            }
            out += '/';
            out += f.container->is_array() ? std::to_string(f.next_index - 1) : escape_pointer_token(f.key);
        }
        return out;
    }

    /// JSON Pointer of the value about to be put.
    [[nodiscard]] std::string next_path() const {
        if (stack_.empty()) return {};
        const frame& top = stack_.back();
        return path_of_stack() + "/" +
               (top.container->is_array() ? std::to_string(top.next_index) : escape_pointer_token(top.key));
    }

    json* put(json value) {
        if (stack_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        frame& top = stack_.back();
        if (top.container->is_array()) {
            top.container->push_back(std::move(value));
            ++top.next_index;
            return &top.container->back();
        }
        json& slot = (*top.container)[top.key];
        slot = std::move(value);
        return &slot;
    }

    bool open(json container) {
        if (stack_.size() >= json_limits::max_depth) {
            failure_ = error{errc::limit_exceeded, 0, next_path(),
                             "arrays and objects nested deeper than " +
                                 std::to_string(json_limits::max_depth) + " levels"};
            return false;
        }
        json* slot = put(std::move(container));
        stack_.push_back(frame{slot, 0, {}});
        return true;
    }

    json& root_;
    std::vector<frame> stack_;
    std::optional<error> failure_;
};

result<json> parse_document(std::string_view text) {
    if (text.size() > json_limits::max_bytes) {
        return error{errc::limit_exceeded, json_limits::max_bytes, {},
                     "a JSON document of " + std::to_string(text.size()) + " bytes is above the limit of " +
                         std::to_string(json_limits::max_bytes) + " bytes"};
    }
    json root;
    dom_builder builder(root);
    bool ok = false;
    try {
        ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true);
    } catch (const std::exception& ex) {  // allocation failure or an unexpected library error
        return error{errc::json_syntax, 0, {}, std::string("JSON could not be read: ") + ex.what()};
    }
    if (!ok) {
        if (builder.failure()) return *builder.failure();
        return error{errc::json_syntax, 0, {}, "malformed JSON"};
    }
    return root;
}

// ---- interpreting the DOM ------------------------------------------------------------------

/// A schema violation, thrown inside the interpreter and turned into an `error` at the top.
struct schema_failure {
    error problem;
};

[[noreturn]] void fail(const std::string& path, std::string message, errc code = errc::json_schema) {
    throw schema_failure{error{code, 0, path, std::move(message)}};
}

std::string child(const std::string& path, std::string_view key) {
    return path + "/" + escape_pointer_token(key);
}
std::string child(const std::string& path, std::size_t index) { return path + "/" + std::to_string(index); }

std::string_view type_name(const json& j) {
    if (j.is_number()) return "a JSON number";
    if (j.is_string()) return "a string";
    if (j.is_object()) return "an object";
    if (j.is_array()) return "an array";
    if (j.is_boolean()) return "a boolean";
    return "null";
}

void expect_object(const json& j, const std::string& path, std::string_view what) {
    if (!j.is_object()) fail(path, "expected " + std::string(what) + " (an object), found " + std::string(type_name(j)));
}

/// Refuses members other than `allowed` (and `$comment`).
void check_members(const json& j, const std::string& path, std::initializer_list<std::string_view> allowed) {
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& name = it.key();
        if (name == "$comment") continue;
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            std::string list;
            for (std::string_view a : allowed) {
                if (!list.empty()) list += ", ";
                list += a;
            }
            fail(child(path, name), "unknown member \"" + name + "\" (expected one of: " + list + ")");
        }
    }
}

const json* member(const json& j, std::string_view name) {
    auto it = j.find(name);
    return it == j.end() ? nullptr : &*it;
}
json* member(json& j, std::string_view name) { return const_cast<json*>(member(std::as_const(j), name)); }

std::string read_string(const json& j, const std::string& path) {
    if (j.is_number()) fail(path, "expected a string, found a JSON number: numbers travel as strings");
    if (!j.is_string()) fail(path, "expected a string, found " + std::string(type_name(j)));
    return j.get<std::string>();
}

void read_string_member(const json& obj, std::string_view name, const std::string& path, std::string& out) {
    if (const json* m = member(obj, name)) out = read_string(*m, child(path, name));
}

long long read_integer(const json& j, const std::string& path, long long min, long long max) {
    if (j.is_number_unsigned()) {
        const auto v = j.get<json::number_unsigned_t>();
        if (v > static_cast<json::number_unsigned_t>(max)) {
            fail(path, "integer " + std::to_string(v) + " out of range [" + std::to_string(min) + ", " +
                           std::to_string(max) + "]");
        }
        const auto s = static_cast<long long>(v);
        if (s < min) fail(path, "integer out of range");
        return s;
    }
    if (j.is_number_integer()) {
        const auto v = j.get<json::number_integer_t>();
        if (v < min || v > max) {
            fail(path, "integer " + std::to_string(v) + " out of range [" + std::to_string(min) + ", " +
                           std::to_string(max) + "]");
        }
        return static_cast<long long>(v);
    }
    fail(path, "expected an integer, found " + std::string(type_name(j)));
}

std::size_t read_size(const json& j, const std::string& path) {
    return static_cast<std::size_t>(read_integer(j, path, 0, std::numeric_limits<long long>::max()));
}

template <class Enum>
Enum read_enum(const json& j, const std::string& path, const id_table<Enum>& table, std::string_view what) {
    const std::string id = read_string(j, path);
    for (const auto& [value, name] : table) {
        if (name == id) return value;
    }
    std::string list;
    for (const auto& entry : table) {
        if (!list.empty()) list += ", ";
        list += entry.second;
    }
    fail(path, "unknown " + std::string(what) + " \"" + id + "\" (expected one of: " + list + ")");
}

decimal read_decimal(const json& j, const std::string& path) {
    const std::string text = read_string(j, path);
    result<decimal> d = decimal::parse(text);
    if (!d.has_value()) fail(path, "\"" + text + "\" is not a decimal number: " + d.error().message);
    return std::move(*d);
}

error read_error(const json& j, const std::string& path) {
    expect_object(j, path, "an error");
    check_members(j, path, {"code", "offset", "where", "message"});
    error out;
    const json* code = member(j, "code");
    if (code == nullptr) fail(path, "an error needs a \"code\"");
    const std::string code_name = read_string(*code, child(path, "code"));
    auto parsed = errc_from_string(code_name);
    if (!parsed) fail(child(path, "code"), "unknown error code \"" + code_name + "\"");
    out.code = *parsed;
    if (const json* m = member(j, "offset")) out.offset = read_size(*m, child(path, "offset"));
    read_string_member(j, "where", path, out.where);
    read_string_member(j, "message", path, out.message);
    return out;
}

unit read_unit(const json& j, const std::string& path) {
    if (j.is_string()) return unit_from_symbol(j.get<std::string>());
    expect_object(j, path, "a unit (a symbol string or an object)");
    check_members(j, path, {"symbol", "dimension", "key", "scale"});
    std::string symbol;
    std::string key;
    read_string_member(j, "symbol", path, symbol);
    read_string_member(j, "key", path, key);
    dimension dim = dimension::dimensionless;
    if (const json* m = member(j, "dimension")) dim = read_enum(*m, child(path, "dimension"), dimension_ids, "dimension");
    decimal scale(1);
    if (const json* m = member(j, "scale")) scale = read_decimal(*m, child(path, "scale"));
    return unit(dim, std::move(key), std::move(scale), std::move(symbol));
}

quantity read_quantity(const json& obj, const std::string& path, quantity out) {
    if (const json* m = member(obj, "number")) out.number = read_decimal(*m, child(path, "number"));
    if (const json* m = member(obj, "unit")) out.in = read_unit(*m, child(path, "unit"));
    return out;
}

value_expr read_value_expr(const json& j, const std::string& path, const std::string& cell_text) {
    expect_object(j, path, "a parsed value");
    check_members(j, path, {"kind", "text", "op", "number", "unit", "upper", "when", "quality", "label", "subject"});
    value_expr out;
    out.text = cell_text;
    if (const json* m = member(j, "kind")) out.kind = read_enum(*m, child(path, "kind"), value_kind_ids, "value kind");
    read_string_member(j, "text", path, out.text);
    if (const json* m = member(j, "op")) out.op = read_enum(*m, child(path, "op"), comparator_ids, "comparator");
    out.amount = read_quantity(j, path, out.amount);
    if (const json* m = member(j, "upper")) {
        const std::string upper_path = child(path, "upper");
        expect_object(*m, upper_path, "an upper end");
        check_members(*m, upper_path, {"number", "unit"});
        out.upper = read_quantity(*m, upper_path, out.upper);
    }
    if (const json* m = member(j, "when")) {
        const std::string when_path = child(path, "when");
        expect_object(*m, when_path, "a time point");
        check_members(*m, when_path, {"year", "month", "part"});
        if (const json* y = member(*m, "year")) {
            out.when.year = static_cast<int>(read_integer(*y, child(when_path, "year"), -9999, 9999));
        }
        if (const json* mo = member(*m, "month")) {
            out.when.month = static_cast<int>(read_integer(*mo, child(when_path, "month"), 1, 12));
        }
        if (const json* p = member(*m, "part")) {
            out.when.part = read_enum(*p, child(when_path, "part"), period_part_ids, "period part");
        }
    }
    if (const json* m = member(j, "quality")) {
        out.quality = read_enum(*m, child(path, "quality"), qualitative_kind_ids, "qualitative kind");
    }
    read_string_member(j, "label", path, out.label);
    read_string_member(j, "subject", path, out.subject);
    return out;
}

/// A reported cell. With only `text`, the text is parsed (`derive`); otherwise the explicit
/// state, value and error are kept.
template <class T, class Derive, class ReadValue>
reported<T> read_cell(const json& j, const std::string& path, Derive derive, ReadValue read_value) {
    if (j.is_string() || j.is_number()) {
        fail(path, std::string("expected a cell object such as {\"text\": \"") +
                       (j.is_string() ? j.get<std::string>() : j.dump()) + "\"}, found " + std::string(type_name(j)));
    }
    expect_object(j, path, "a cell");
    check_members(j, path, {"text", "state", "value", "error"});
    std::string text;
    read_string_member(j, "text", path, text);
    const json* state_json = member(j, "state");
    const json* value_json = member(j, "value");
    const json* error_json = member(j, "error");
    if (state_json == nullptr && value_json == nullptr && error_json == nullptr) return derive(text);

    reported<T> out;
    out.text = std::move(text);
    if (state_json != nullptr) {
        out.state = read_enum(*state_json, child(path, "state"), cell_state_ids, "cell state");
    } else {
        out.state = value_json != nullptr ? cell_state::value : cell_state::invalid;
    }
    if (value_json != nullptr) out.value = read_value(*value_json, child(path, "value"), out.text);
    if (error_json != nullptr) out.problem = read_error(*error_json, child(path, "error"));
    const std::string state_name(id_of(cell_state_ids, out.state));
    if (out.state == cell_state::value && !out.value) fail(path, "a cell in state \"value\" needs a \"value\"");
    if (out.state != cell_state::value && out.value) {
        fail(child(path, "value"), "a cell in state \"" + state_name + "\" has no \"value\"");
    }
    if (out.state == cell_state::invalid && !out.problem) fail(path, "a cell in state \"invalid\" needs an \"error\"");
    if (out.state != cell_state::invalid && out.problem) {
        fail(child(path, "error"), "a cell in state \"" + state_name + "\" has no \"error\"");
    }
    return out;
}

reported<decimal> read_number(const json& obj, std::string_view name, const std::string& path, bool percent = false) {
    const json* m = member(obj, name);
    if (m == nullptr) return {};
    return read_cell<decimal>(
        *m, child(path, name), [percent](const std::string& text) { return read_number_cell(text, percent); },
        [](const json& v, const std::string& p, const std::string& /*text*/) { return read_decimal(v, p); });
}

reported<value_expr> read_value(const json& obj, std::string_view name, const std::string& path) {
    const json* m = member(obj, name);
    if (m == nullptr) return {};
    return read_cell<value_expr>(
        *m, child(path, name), [](const std::string& text) { return read_value_cell(text); },
        [](const json& v, const std::string& p, const std::string& text) { return read_value_expr(v, p, text); });
}

source_location read_location(const json& j, const std::string& path) {
    expect_object(j, path, "a source location");
    check_members(j, path, {"file", "line", "row", "column", "page"});
    source_location out;
    read_string_member(j, "file", path, out.file);
    if (const json* m = member(j, "line")) out.line = read_size(*m, child(path, "line"));
    if (const json* m = member(j, "row")) out.row = read_size(*m, child(path, "row"));
    if (const json* m = member(j, "column")) out.column = read_size(*m, child(path, "column"));
    if (const json* m = member(j, "page")) out.page = read_size(*m, child(path, "page"));
    return out;
}

indicator read_indicator(const json& j, const std::string& path) {
    expect_object(j, path, "an indicator");
    check_members(j, path, {"level1", "level2", "level1_text", "level2_text", "name", "target", "actual", "weight",
                            "score", "deviation_note", "extra", "where"});
    indicator out;
    if (const json* m = member(j, "level1")) {
        const std::string id = read_string(*m, child(path, "level1"));
        auto c = category_from_string(id);
        if (!c) fail(child(path, "level1"), "unknown category \"" + id + "\" (expected output, cost, effect, satisfaction or unknown)");
        out.level1 = *c;
    }
    if (const json* m = member(j, "level2")) {
        const std::string id = read_string(*m, child(path, "level2"));
        auto s = subcategory_from_string(id);
        if (!s) fail(child(path, "level2"), "unknown subcategory \"" + id + "\"");
        out.level2 = *s;
    }
    read_string_member(j, "level1_text", path, out.level1_text);
    read_string_member(j, "level2_text", path, out.level2_text);
    read_string_member(j, "name", path, out.name);
    out.target = read_value(j, "target", path);
    out.actual = read_value(j, "actual", path);
    out.weight = read_number(j, "weight", path);
    out.score = read_number(j, "score", path);
    read_string_member(j, "deviation_note", path, out.deviation_note);
    if (const json* m = member(j, "extra")) {
        const std::string extra_path = child(path, "extra");
        if (!m->is_array()) fail(extra_path, "expected an array of extra cells, found " + std::string(type_name(*m)));
        for (std::size_t i = 0; i < m->size(); ++i) {
            const std::string cell_path = child(extra_path, i);
            const json& e = (*m)[i];
            expect_object(e, cell_path, "an extra cell");
            check_members(e, cell_path, {"label", "text"});
            extra_cell cell;
            read_string_member(e, "label", cell_path, cell.label);
            read_string_member(e, "text", cell_path, cell.text);
            out.extra.push_back(std::move(cell));
        }
    }
    if (const json* m = member(j, "where")) out.where = read_location(*m, child(path, "where"));
    return out;
}

funds read_funds(const json& j, const std::string& path) {
    expect_object(j, path, "a funds block");
    check_members(j, path, {"unit", "rows", "breakdown"});
    funds out;
    if (const json* m = member(j, "unit")) out.unit = read_enum(*m, child(path, "unit"), money_unit_ids, "money unit");
    if (const json* m = member(j, "breakdown")) {
        const std::string list_path = child(path, "breakdown");
        if (!m->is_array()) fail(list_path, "expected an array of funds lines, found " + std::string(type_name(*m)));
        for (std::size_t i = 0; i < m->size(); ++i) {
            const std::string line_path = child(list_path, i);
            const json& l = (*m)[i];
            expect_object(l, line_path, "a funds line");
            check_members(l, line_path, {"label", "initial_budget", "full_year_budget", "executed"});
            funds_line line;
            read_string_member(l, "label", line_path, line.label);
            for (std::size_t c = 0; c < funds_column_ids.size(); ++c) {
                line.at(static_cast<funds_column>(c)) = read_number(l, funds_column_ids[c], line_path);
            }
            out.breakdown.push_back(std::move(line));
        }
    }
    const json* rows = member(j, "rows");
    if (rows == nullptr) return out;
    const std::string rows_path = child(path, "rows");
    expect_object(*rows, rows_path, "the funds rows");
    check_members(*rows, rows_path, {"total", "current_appropriation", "prior_carryover", "other"});
    for (std::size_t r = 0; r < funds_row_ids.size(); ++r) {
        const json* row = member(*rows, funds_row_ids[r]);
        if (row == nullptr) continue;
        const std::string row_path = child(rows_path, funds_row_ids[r]);
        expect_object(*row, row_path, "a funds row");
        check_members(*row, row_path,
                      {"initial_budget", "full_year_budget", "executed", "weight", "execution_rate", "score"});
        const auto row_id = static_cast<funds_row>(r);
        for (std::size_t c = 0; c < funds_column_ids.size(); ++c) {
            out.at(row_id, static_cast<funds_column>(c)) = read_number(*row, funds_column_ids[c], row_path);
        }
        for (std::size_t c = 0; c < funds_score_ids.size(); ++c) {
            const auto column = static_cast<funds_score_column>(c);
            out.scoring_at(row_id, column) =
                read_number(*row, funds_score_ids[c], row_path, column == funds_score_column::execution_rate);
        }
    }
    return out;
}

form read_form(const json& j, const std::string& path) {
    expect_object(j, path, "a form");
    check_members(j, path, {"kind", "title", "year", "project_name", "department", "implementing_unit", "funds", "goal",
                            "indicators", "total_weight", "total_score", "reported_grade", "notes", "layout", "where"});
    form out;
    const json* kind = member(j, "kind");
    if (kind != nullptr) {
        const std::string id = read_string(*kind, child(path, "kind"));
        const auto k = form_kind_from_string(id);
        if (!k || *k == form_kind::other) {
            fail(child(path, "kind"), "unknown form kind \"" + id +
                                          "\" (expected project_self_evaluation, transfer_self_evaluation, "
                                          "department_self_evaluation, project_declaration, department_declaration "
                                          "or rubric_evaluation)");
        }
        out.kind = *k;
    }
    read_string_member(j, "title", path, out.title);
    if (const json* m = member(j, "year")) {
        if (!m->is_null()) out.year = static_cast<int>(read_integer(*m, child(path, "year"), -9999, 9999));
    }
    read_string_member(j, "project_name", path, out.project_name);
    read_string_member(j, "department", path, out.department);
    read_string_member(j, "implementing_unit", path, out.implementing_unit);
    if (const json* m = member(j, "funds")) out.money = read_funds(*m, child(path, "funds"));
    if (const json* m = member(j, "goal")) {
        const std::string goal_path = child(path, "goal");
        expect_object(*m, goal_path, "the annual goal");
        check_members(*m, goal_path, {"expected", "achieved"});
        read_string_member(*m, "expected", goal_path, out.annual_goal.expected);
        read_string_member(*m, "achieved", goal_path, out.annual_goal.achieved);
    }
    if (const json* m = member(j, "indicators")) {
        const std::string list_path = child(path, "indicators");
        if (!m->is_array()) fail(list_path, "expected an array of indicators, found " + std::string(type_name(*m)));
        out.indicators.reserve(m->size());
        for (std::size_t i = 0; i < m->size(); ++i) out.indicators.push_back(read_indicator((*m)[i], child(list_path, i)));
    }
    out.total_weight = read_number(j, "total_weight", path);
    out.total_score = read_number(j, "total_score", path);
    read_string_member(j, "reported_grade", path, out.reported_grade);
    read_string_member(j, "notes", path, out.notes);
    read_string_member(j, "layout", path, out.layout);
    // Without "kind" (every version-1 file): a form of the transfer family is a transfer-payment
    // self-evaluation, any other a project self-evaluation.
    if (kind == nullptr && out.layout == "transfer") out.kind = form_kind::transfer_self_evaluation;
    if (const json* m = member(j, "where")) out.where = read_location(*m, child(path, "where"));
    return out;
}

bool is_document(const json& root) {
    return root.is_object() && (root.contains("format") || root.contains("version") || root.contains("forms"));
}

std::vector<form> read_document(json& root) {
    check_members(root, "", {"$schema", "format", "version", "forms"});
    const json* format = member(root, "format");
    if (format == nullptr) fail("", "a document needs \"format\": \"" + std::string(json_format_name) + "\"");
    const std::string name = read_string(*format, "/format");
    if (name != json_format_name) {
        fail("/format", "unknown format \"" + name + "\" (expected \"" + std::string(json_format_name) + "\")");
    }
    const json* version = member(root, "version");
    if (version == nullptr) fail("", "a document needs a \"version\"");
    const long long v = read_integer(*version, "/version", std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    if (v < 1 || v > json_format_version) {  // version 1 files are read as they are (see read_form)
        fail("/version",
             "format version " + std::to_string(v) + " is not supported (this build reads version " +
                 std::to_string(json_format_version) + " and older)",
             errc::unsupported_version);
    }
    json* forms = member(root, "forms");
    if (forms == nullptr) fail("", "a document needs \"forms\"");
    if (!forms->is_array()) fail("/forms", "expected an array of forms, found " + std::string(type_name(*forms)));
    std::vector<form> out;
    out.reserve(forms->size());
    for (std::size_t i = 0; i < forms->size(); ++i) {
        out.push_back(read_form((*forms)[i], child("/forms", i)));
        (*forms)[i] = nullptr;  // its tree is freed now, while it is in the cache
    }
    return out;
}

result<std::vector<form>> read_all(std::string_view text, bool* was_document) {
    result<json> root = parse_document(text);
    if (!root.has_value()) return root.error();
    try {
        if (!root->is_object()) {
            fail("", "expected a form object or a \"" + std::string(json_format_name) + "\" document, found " +
                         std::string(type_name(*root)));
        }
        if (is_document(*root)) {
            *was_document = true;
            return read_document(*root);
        }
        *was_document = false;
        std::vector<form> out;
        out.push_back(read_form(*root, ""));
        return out;
    } catch (schema_failure& failure) {
        return std::move(failure.problem);
    }
}

}  // namespace

result<form> read_form_json(std::string_view text) {
    bool was_document = false;
    result<std::vector<form>> all = read_all(text, &was_document);
    if (!all.has_value()) return all.error();
    if (all->size() != 1) {
        return error{errc::json_schema, 0, "/forms",
                     "expected exactly one form, found " + std::to_string(all->size())};
    }
    return std::move(all->front());
}

result<std::vector<form>> read_forms_json(std::string_view text) {
    bool was_document = false;
    return read_all(text, &was_document);
}

}  // namespace jixiao
