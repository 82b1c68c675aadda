// layouts.cpp — layout families as data: the built-in families (data/layouts/*.json, embedded
// at build time) and users' files, read with clear errors.
#include <jixiao/io/layouts.hpp>

#include "import/builtin_layouts.hpp"
#include "read/grid_internal.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <exception>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jixiao::io {

namespace {

using json = nlohmann::json;

constexpr std::size_t max_layout_bytes = 1u << 20;
constexpr std::size_t max_label_bytes = 256;

struct schema_error {
    std::string path, message;
};

/// Spaces removed: labels are compared without them (a label printed vertically matches).
std::string compact(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
    }
    return out;
}

std::string read_label(const json& j, const std::string& path) {
    if (!j.is_string()) throw schema_error{path, "must be a string"};
    const auto& s = j.get_ref<const std::string&>();
    if (s.empty() || s.size() > max_label_bytes) throw schema_error{path, "must hold 1 to 256 bytes"};
    if (detail::first_invalid_utf8(s) != std::string_view::npos) throw schema_error{path, "is not valid UTF-8"};
    return compact(s);
}

std::vector<std::string> read_list(const json& obj, const char* name) {
    std::vector<std::string> out;
    const auto it = obj.find(name);
    if (it == obj.end()) return out;
    const std::string path = std::string("/") + name;
    if (!it->is_array()) throw schema_error{path, "must be an array of strings"};
    for (std::size_t i = 0; i < it->size(); ++i) out.push_back(read_label((*it)[i], path + "/" + std::to_string(i)));
    return out;
}

std::vector<label_role> read_roles(const json& obj, const char* name, std::initializer_list<std::string_view> roles) {
    std::vector<label_role> out;
    const auto it = obj.find(name);
    if (it == obj.end()) return out;
    const std::string path = std::string("/") + name;
    if (!it->is_object()) throw schema_error{path, "must be an object: label -> role"};
    for (auto e = it->begin(); e != it->end(); ++e) {
        const std::string key_path = path + "/" + e.key();
        std::string role = read_label(e.value(), key_path);
        if (roles.size() != 0 && std::find(roles.begin(), roles.end(), role) == roles.end()) {
            std::string allowed;
            for (std::string_view r : roles) allowed += (allowed.empty() ? "" : ", ") + std::string(r);
            throw schema_error{key_path, "names the role \"" + role + "\"; roles here: " + allowed};
        }
        out.emplace_back(read_label(json(e.key()), key_path), std::move(role));
    }
    return out;
}

form_kind kind_from(const json& obj) {
    const auto it = obj.find("kind");
    if (it == obj.end()) return form_kind::project_self_evaluation;
    const std::string k = read_label(*it, "/kind");
    if (const auto kind = form_kind_from_string(k)) return *kind;
    throw schema_error{"/kind", "unknown kind \"" + k + "\""};
}

layout_family read_family(const json& obj, std::string_view source) {
    if (!obj.is_object()) throw schema_error{"", "a layout family is a JSON object"};
    static constexpr std::string_view known[] = {
        "id", "name_zh", "name_en", "kind", "rulebook", "seen_in", "titles", "header_fields", "funds_labels",
        "funds_columns", "funds_rows", "goal_labels", "indicator_columns", "total_labels", "section_weights",
        "department_markers", "declaration_markers", "level1_labels", "$schema", "notes"};
    for (auto e = obj.begin(); e != obj.end(); ++e) {
        if (std::find(std::begin(known), std::end(known), e.key()) == std::end(known)) {
            throw schema_error{"/" + e.key(), "is not a member of a layout family"};
        }
    }
    layout_family f;
    if (!obj.contains("id")) throw schema_error{"/id", "is required"};
    f.id = read_label(obj["id"], "/id");
    if (obj.contains("name_zh")) f.name_zh = obj["name_zh"].is_string() ? obj["name_zh"].get<std::string>() : throw schema_error{"/name_zh", "must be a string"};
    if (obj.contains("name_en")) f.name_en = obj["name_en"].is_string() ? obj["name_en"].get<std::string>() : throw schema_error{"/name_en", "must be a string"};
    f.kind = kind_from(obj);
    if (obj.contains("rulebook")) f.rulebook = read_label(obj["rulebook"], "/rulebook");
    f.titles = read_list(obj, "titles");
    f.header_fields = read_roles(obj, "header_fields", {"project_name", "department", "implementing_unit", "contact", "other"});
    f.funds_labels = read_list(obj, "funds_labels");
    f.funds_columns = read_roles(obj, "funds_columns",
                                 {"initial_budget", "full_year_budget", "executed", "weight", "execution_rate", "score", "extra"});
    f.funds_rows = read_roles(obj, "funds_rows", {"total", "current_appropriation", "prior_carryover", "other", "line"});
    f.goal_labels = read_roles(obj, "goal_labels", {"goal", "expected", "achieved"});
    f.indicator_columns = read_roles(obj, "indicator_columns",
                                     {"block", "level1", "level2", "name", "target", "nature", "target_value", "unit",
                                      "actual", "weight", "score", "deviation", "extra"});
    f.total_labels = read_list(obj, "total_labels");
    f.level1_labels = read_list(obj, "level1_labels");
    f.section_weights = read_roles(obj, "section_weights", {});
    f.department_markers = read_list(obj, "department_markers");
    f.declaration_markers = read_list(obj, "declaration_markers");
    f.source = std::string(source);
    return f;
}

}  // namespace

result<layout_family> parse_layout_family(std::string_view json_text, std::string_view source) {
    if (json_text.size() > max_layout_bytes) {
        return error{errc::limit_exceeded, max_layout_bytes, std::string(source), "a layout file holds at most 1 MiB"};
    }
    if (const std::size_t bad = detail::first_invalid_utf8(json_text); bad != std::string_view::npos) {
        return error{errc::invalid_utf8, bad, std::string(source), "the layout file is not valid UTF-8"};
    }
    json j = json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (j.is_discarded()) return error{errc::json_syntax, 0, std::string(source), "the layout file is not well-formed JSON"};
    try {
        return read_family(j, source);
    } catch (const schema_error& e) {
        return error{errc::json_schema, 0, std::string(source) + (e.path.empty() ? "" : ":" + e.path),
                     "layout family: " + (e.path.empty() ? "" : e.path + " ") + e.message};
    } catch (const std::exception& e) {
        return error{errc::json_schema, 0, std::string(source), std::string("layout family: ") + e.what()};
    }
}

result<layout_family> load_layout_file(const std::filesystem::path& path) {
    result<std::string> text = read_file(path, max_layout_bytes);
    if (!text.has_value()) return text.error();
    return parse_layout_family(*text, path.string());
}

const std::vector<layout_family>& builtin_layouts() {
    static const std::vector<layout_family> families = [] {
        std::vector<layout_family> out;
        for (std::size_t i = 0; i < jixiao::detail::builtin_layout_count; ++i) {
            const auto& t = jixiao::detail::builtin_layout_texts[i];
            result<layout_family> f = parse_layout_family(t.json, "built-in " + std::string(t.name) + ".json");
            // The build checks every built-in family (tests/cpp/import/layouts_test.cpp); a broken
            // one is a programmer error.
            JIXIAO_EXPECTS(f.has_value());
            f->source = "built-in";
            out.push_back(std::move(*f));
        }
        std::sort(out.begin(), out.end(), [](const layout_family& a, const layout_family& b) { return a.id < b.id; });
        return out;
    }();
    return families;
}

}  // namespace jixiao::io
