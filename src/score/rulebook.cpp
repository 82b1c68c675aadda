// rulebook.cpp — loading, validating and writing rulebooks; the built-ins.
//
// JSON is read through nlohmann's SAX interface so that a JSON fraction (0.30) reaches us as its
// text and becomes an exact decimal; it never passes through binary floating point. Objects are
// checked key by key: an unknown key, a missing key, a wrong type or a value out of range is an
// errc::rulebook_invalid whose `where` is the JSON path of the field.
#include <jixiao/rulebook.hpp>
#include <jixiao/detail/utf8.hpp>  // replace_invalid (issue 9)

#include "score/builtin_rulebooks.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <sstream>
#include <utility>

namespace jixiao {

namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view format_name = "jixiao-rulebook";
constexpr int format_version = 1;
constexpr int max_extends_depth = 8;
constexpr int max_places = 10;
/// Deepest nesting of arrays and objects read (a rulebook needs about 5). Robustness fix (issue 9,
/// found by tests/data/bad/rulebook-deep.json under ASan): without it, 100,000 nested arrays
/// overflowed the stack in the recursive copy of the JSON tree.
constexpr std::size_t max_json_depth = 32;

// ---------------------------------------------------------------------------------------------
// JSON reading: a SAX handler that builds an ordered_json tree, keeps every JSON fraction as its
// source text (a string), and rejects duplicate keys.

class exact_builder {
public:
    explicit exact_builder(json& root) : root_(root) {}

    bool null() { return put(json(nullptr)); }
    bool boolean(bool v) { return put(json(v)); }
    bool number_integer(json::number_integer_t v) { return put(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
    // The binary value is ignored on purpose: the text is exact.
    bool number_float(json::number_float_t /*binary*/, const json::string_t& text) { return put(json(text)); }
    bool string(json::string_t& v) { return put(json(std::move(v))); }
    bool binary(json::binary_t& /*unused*/) { return put(json(nullptr)); }
    bool start_object(std::size_t /*size*/) {
        if (too_deep()) return false;
        enter();
        json* obj = place(json::object());
        stack_.push_back(obj);
        return true;
    }
    bool key(json::string_t& k) {
        json& obj = *stack_.back();
        if (obj.contains(k)) {
            duplicate_ = path() + "." + k;
            return false;
        }
        key_ = std::move(k);
        return true;
    }
    bool end_object() {
        stack_.pop_back();
        segments_.pop_back();
        return true;
    }
    bool start_array(std::size_t /*size*/) {
        if (too_deep()) return false;
        enter();
        json* arr = place(json::array());
        stack_.push_back(arr);
        return true;
    }
    bool end_array() {
        stack_.pop_back();
        segments_.pop_back();
        return true;
    }
    bool parse_error(std::size_t position, const std::string& /*token*/, const nlohmann::detail::exception& ex) {
        error_offset_ = position;
        // Robustness fix (issue 9): nlohmann quotes the bytes it read; keep the message UTF-8.
        error_message_ = detail::utf8::replace_invalid(ex.what());
        failed_ = true;
        return false;
    }

    [[nodiscard]] bool failed() const noexcept { return failed_; }
    [[nodiscard]] std::size_t error_offset() const noexcept { return error_offset_; }
    [[nodiscard]] const std::string& error_message() const noexcept { return error_message_; }
    [[nodiscard]] const std::string& duplicate() const noexcept { return duplicate_; }
    [[nodiscard]] const std::string& too_deep_at() const noexcept { return too_deep_at_; }

private:
    json& root_;
    std::vector<json*> stack_;
    std::string key_;
    bool failed_ = false;
    std::size_t error_offset_ = 0;
    std::string error_message_;
    std::string duplicate_;
    std::string too_deep_at_;            ///< JSON path where nesting passed max_json_depth
    std::vector<std::string> segments_;  ///< JSON path of the open containers

    bool too_deep() {
        if (stack_.size() < max_json_depth) return false;
        too_deep_at_ = path();
        return true;
    }

    void enter() {
        if (stack_.empty()) {
            segments_.emplace_back("$");
        } else if (stack_.back()->is_array()) {
            segments_.push_back("[" + std::to_string(stack_.back()->size()) + "]");
        } else {
            segments_.push_back("." + key_);
        }
    }
    json* place(json v) {
        if (stack_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        json& parent = *stack_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(v));
            return &parent.back();
        }
        json& slot = parent[key_];
        slot = std::move(v);
        return &slot;
    }
    bool put(json v) {
        place(std::move(v));
        return true;
    }
    [[nodiscard]] std::string path() const {
        std::string out;
        for (const std::string& s : segments_) out += s;
        return out;
    }
};

result<json> parse_exact_json(std::string_view text) {
    json root;
    exact_builder builder(root);
    bool ok = json::sax_parse(text.begin(), text.end(), &builder);
    if (!ok) {
        if (!builder.duplicate().empty()) {
            return error{errc::rulebook_invalid, 0, builder.duplicate(), "duplicate key"};
        }
        if (!builder.too_deep_at().empty()) {
            return error{errc::limit_exceeded, 0, builder.too_deep_at(),
                         "arrays and objects nested deeper than " + std::to_string(max_json_depth) + " levels"};
        }
        return error{errc::json_syntax, builder.error_offset() > 0 ? builder.error_offset() - 1 : 0, "$",
                     builder.failed() ? builder.error_message() : "malformed JSON"};
    }
    return root;
}

// ---------------------------------------------------------------------------------------------
// Typed, path-aware reading of the tree.

error invalid(const std::string& where, std::string message) {
    return error{errc::rulebook_invalid, 0, where, std::move(message)};
}

std::string_view type_name(const json& v) {
    if (v.is_object()) return "an object";
    if (v.is_array()) return "an array";
    if (v.is_string()) return "a string";
    if (v.is_boolean()) return "a boolean";
    if (v.is_number()) return "a number";
    if (v.is_null()) return "null";
    return "a value";
}

/// Reads the fields of one JSON object; remembers the first problem.
class object_reader {
public:
    object_reader(const json& obj, std::string path, std::optional<error>& problem)
        : obj_(obj), path_(std::move(path)), problem_(problem) {
        if (!problem_ && !obj_.is_object()) {
            problem_ = invalid(path_, "must be an object, found " + std::string(type_name(obj_)));
        }
    }

    /// Every key must be one of `allowed`.
    void only(std::initializer_list<std::string_view> allowed) {
        if (problem_ || !obj_.is_object()) return;
        for (const auto& item : obj_.items()) {
            if (std::find(allowed.begin(), allowed.end(), std::string_view(item.key())) == allowed.end()) {
                problem_ = invalid(at(item.key()), "unknown field");
                return;
            }
        }
    }

    [[nodiscard]] std::string at(std::string_view key) const { return path_ + "." + std::string(key); }

    const json* field(std::string_view key, bool required = true) {
        if (problem_ || !obj_.is_object()) return nullptr;
        auto it = obj_.find(std::string(key));
        if (it == obj_.end()) {
            if (required) problem_ = invalid(at(key), "missing required field");
            return nullptr;
        }
        return &*it;
    }

    std::string text(std::string_view key, bool required = true, bool non_empty = false) {
        const json* v = field(key, required);
        if (!v) return {};
        if (!v->is_string()) {
            problem_ = invalid(at(key), "must be a string, found " + std::string(type_name(*v)));
            return {};
        }
        std::string s = v->get<std::string>();
        if (non_empty && s.empty()) problem_ = invalid(at(key), "must not be empty");
        return s;
    }

    bool flag(std::string_view key) {
        const json* v = field(key);
        if (!v) return false;
        if (!v->is_boolean()) {
            problem_ = invalid(at(key), "must be true or false, found " + std::string(type_name(*v)));
            return false;
        }
        return v->get<bool>();
    }

    int integer(std::string_view key, int lo, int hi) {
        const json* v = field(key);
        if (!v) return lo;
        if (!v->is_number_integer()) {
            problem_ = invalid(at(key), "must be a whole number, found " + std::string(type_name(*v)));
            return lo;
        }
        auto n = v->get<long long>();
        if (n < lo || n > hi) {
            problem_ = invalid(at(key), "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
            return lo;
        }
        return static_cast<int>(n);
    }

    decimal number(std::string_view key, std::optional<decimal> lo = decimal{0},
                   std::optional<decimal> hi = std::nullopt) {
        const json* v = field(key);
        if (!v) return {};
        std::string spelled;
        if (v->is_string()) {
            spelled = v->get<std::string>();
        } else if (v->is_number_integer()) {
            spelled = v->is_number_unsigned() ? std::to_string(v->get<unsigned long long>())
                                              : std::to_string(v->get<long long>());
        } else {
            problem_ = invalid(at(key), "must be a decimal (a string such as \"0.30\" or a number), found " +
                                            std::string(type_name(*v)));
            return {};
        }
        auto d = decimal::parse(spelled);
        if (!d) {
            problem_ = invalid(at(key), "not a decimal: \"" + spelled + "\" (" + d.error().message + ")");
            return {};
        }
        if (lo && *d < *lo) {
            problem_ = invalid(at(key), "must be at least " + lo->to_string());
            return {};
        }
        if (hi && *d > *hi) {
            problem_ = invalid(at(key), "must be at most " + hi->to_string());
            return {};
        }
        return *d;
    }

    /// A decimal, or none when the key is absent or null.
    std::optional<decimal> optional_number(std::string_view key) {
        const json* v = field(key, false);
        if (v == nullptr || v->is_null()) return std::nullopt;
        return number(key);
    }

    /// One of `names` (enumerators spelled as in `to_string`).
    template <class E, std::size_t N>
    E choice(std::string_view key, const std::array<E, N>& values, auto&& name_of) {
        std::string s = text(key);
        if (problem_) return values[0];
        for (E e : values) {
            if (name_of(e) == s) return e;
        }
        std::string list;
        for (E e : values) {
            if (!list.empty()) list += ", ";
            list += '"';
            list += name_of(e);
            list += '"';
        }
        problem_ = invalid(at(key), "\"" + s + "\" is not one of " + list);
        return values[0];
    }

    const json& self() const { return obj_; }
    const std::string& path() const { return path_; }

private:
    const json& obj_;
    std::string path_;
    std::optional<error>& problem_;
};

constexpr std::array all_lower_formulas{lower_formula::linear_excess, lower_formula::ratio};
constexpr std::array all_deductions{over_achievement_deduction::off, over_achievement_deduction::fraction_of_weight};
constexpr std::array all_destinations{weight_destination::none, weight_destination::output,
                                      weight_destination::effect, weight_destination::proportional};
constexpr std::array all_roundings{rounding::half_away_from_zero, rounding::half_even, rounding::half_down,
                                   rounding::up, rounding::down, rounding::ceiling, rounding::floor};
constexpr std::array tier_kinds{qualitative_kind::tier_met, qualitative_kind::tier_partly_met,
                                qualitative_kind::tier_not_met};
constexpr std::array cost_homes{category::output, category::cost, category::effect};

std::string_view tier_name(qualitative_kind k) noexcept {
    switch (k) {
    case qualitative_kind::tier_met: return "tier_met";
    case qualitative_kind::tier_partly_met: return "tier_partly_met";
    case qualitative_kind::tier_not_met: return "tier_not_met";
    default: return "other";
    }
}

std::string_view category_name(category c) noexcept {
    switch (c) {
    case category::output: return "output";
    case category::cost: return "cost";
    case category::effect: return "effect";
    case category::satisfaction: return "satisfaction";
    case category::unknown: return "unknown";
    }
    return "unknown";
}

bool valid_id(std::string_view id) {
    if (id.empty() || id.size() > 100) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
}

result<rulebook> from_tree(const json& root) {
    std::optional<error> problem;
    rulebook book;
    object_reader top(root, "$", problem);
    top.only({"format", "format_version", "id", "version", "title", "description", "citations", "execution",
              "quantitative", "over_achievement", "qualitative", "timeliness", "rounding", "grades", "weights",
              "not_applicable", "audit"});
    std::string fmt = top.text("format");
    if (!problem && fmt != format_name) {
        problem = invalid("$.format", "must be \"" + std::string(format_name) + "\"");
    }
    if (!problem) {
        const json* v = top.field("format_version");
        if (v && (!v->is_number_integer() || v->get<long long>() != format_version)) {
            problem = error{errc::unsupported_version, 0, "$.format_version",
                            "this build reads rulebook format_version " + std::to_string(format_version)};
        }
    }
    book.id = top.text("id", true, true);
    if (!problem && !valid_id(book.id)) {
        problem = invalid("$.id", "must be 1-100 characters of a-z, 0-9, '-', '_', '.'");
    }
    book.version = top.text("version", true, true);
    book.title = top.text("title", true, true);
    book.description = top.text("description", false);

    if (const json* cites = top.field("citations", false)) {
        if (!cites->is_array()) {
            problem = invalid("$.citations", "must be an array");
        } else {
            std::size_t i = 0;
            for (const json& c : *cites) {
                object_reader r(c, "$.citations[" + std::to_string(i++) + "]", problem);
                r.only({"id", "text"});
                citation cite;
                cite.id = r.text("id", true, true);
                cite.text = r.text("text", true, true);
                book.citations.push_back(std::move(cite));
            }
        }
    }

    if (const json* s = top.field("execution")) {
        object_reader r(*s, "$.execution", problem);
        r.only({"default_weight", "cap_at_weight", "rate_places", "citation"});
        book.execution.default_weight = r.number("default_weight");
        book.execution.cap_at_weight = r.flag("cap_at_weight");
        book.execution.rate_places = r.integer("rate_places", 0, max_places);
        book.execution.citation = r.text("citation", false);
    }
    if (const json* s = top.field("quantitative")) {
        object_reader r(*s, "$.quantitative", problem);
        r.only({"lower", "citation"});
        book.quantitative.lower = r.choice("lower", all_lower_formulas, [](lower_formula f) { return to_string(f); });
        book.quantitative.citation = r.text("citation", false);
    }
    if (const json* s = top.field("over_achievement")) {
        object_reader r(*s, "$.over_achievement", problem);
        r.only({"deduction", "fraction", "citation"});
        book.over_achievement.deduction =
            r.choice("deduction", all_deductions, [](over_achievement_deduction d) { return to_string(d); });
        book.over_achievement.fraction = r.number("fraction", decimal{0}, decimal{1});
        book.over_achievement.citation = r.text("citation", false);
    }
    if (const json* s = top.field("qualitative")) {
        object_reader r(*s, "$.qualitative", problem);
        r.only({"tiers", "equal_label_counts_as_met", "citation"});
        if (const json* tiers = r.field("tiers")) {
            if (!tiers->is_array()) {
                problem = invalid("$.qualitative.tiers", "must be an array");
            } else {
                std::size_t i = 0;
                for (const json& t : *tiers) {
                    std::string path = "$.qualitative.tiers[" + std::to_string(i++) + "]";
                    object_reader tr(t, path, problem);
                    tr.only({"kind", "label", "lower", "upper", "upper_inclusive"});
                    qualitative_tier tier;
                    tier.kind = tr.choice("kind", tier_kinds, tier_name);
                    tier.label = tr.text("label", true, true);
                    tier.lower = tr.number("lower", decimal{0}, decimal{1});
                    tier.upper = tr.number("upper", decimal{0}, decimal{1});
                    tier.upper_inclusive = tr.flag("upper_inclusive");
                    if (!problem && tier.upper < tier.lower) {
                        problem = invalid(path + ".upper", "must not be below lower");
                    }
                    if (!problem && book.tier(tier.kind) != nullptr) {
                        problem = invalid(path + ".kind", "tier \"" + std::string(tier_name(tier.kind)) + "\" given twice");
                    }
                    book.qualitative.tiers.push_back(std::move(tier));
                }
                if (!problem && book.qualitative.tiers.empty()) {
                    problem = invalid("$.qualitative.tiers", "must list at least one tier");
                }
            }
        }
        book.qualitative.equal_label_counts_as_met = r.flag("equal_label_counts_as_met");
        book.qualitative.citation = r.text("citation", false);
    }
    if (const json* s = top.field("timeliness", false)) {
        object_reader r(*s, "$.timeliness", problem);
        r.only({"citation"});
        book.timeliness.citation = r.text("citation", false);
    }
    if (const json* s = top.field("rounding")) {
        object_reader r(*s, "$.rounding", problem);
        r.only({"places", "mode"});
        book.rounding_at.places = r.integer("places", 0, max_places);
        book.rounding_at.mode = r.choice("mode", all_roundings, [](rounding m) { return to_string(m); });
    }
    if (const json* s = top.field("grades")) {
        if (!s->is_array() || s->empty()) {
            if (!problem) problem = invalid("$.grades", "must be a non-empty array");
        } else {
            std::size_t i = 0;
            for (const json& g : *s) {
                std::string path = "$.grades[" + std::to_string(i++) + "]";
                object_reader gr(g, path, problem);
                gr.only({"name", "min"});
                grade_band band;
                band.name = gr.text("name", true, true);
                band.min = gr.number("min");
                if (!problem && !book.grades.empty() && !(band.min < book.grades.back().min)) {
                    problem = invalid(path + ".min", "grades must be listed highest first, each min below the one before");
                }
                book.grades.push_back(std::move(band));
            }
        }
    }
    if (const json* s = top.field("weights")) {
        object_reader r(*s, "$.weights", problem);
        r.only({"output", "effect", "satisfaction", "execution", "cost_counts_as", "missing_satisfaction"});
        // absent or null: no guidance for that level-1 category
        book.weights.output = r.optional_number("output");
        book.weights.effect = r.optional_number("effect");
        book.weights.satisfaction = r.optional_number("satisfaction");
        book.weights.execution = r.number("execution");
        book.weights.cost_counts_as = r.choice("cost_counts_as", cost_homes, category_name);
        if (const json* m = r.field("missing_satisfaction")) {
            object_reader mr(*m, "$.weights.missing_satisfaction", problem);
            mr.only({"move_to"});
            book.weights.missing_satisfaction_to =
                mr.choice("move_to", all_destinations, [](weight_destination d) { return to_string(d); });
        }
    }
    if (const json* s = top.field("not_applicable")) {
        object_reader r(*s, "$.not_applicable", problem);
        r.only({"drop_and_rescale"});
        book.not_applicable.drop_and_rescale = r.flag("drop_and_rescale");
    }
    if (const json* s = top.field("audit")) {
        object_reader r(*s, "$.audit", problem);
        r.only({"over_achievement_threshold", "goal_similarity_threshold", "score_tolerance", "total_weight",
                "indicator_weight"});
        book.audit.over_achievement_threshold = r.number("over_achievement_threshold");
        book.audit.goal_similarity_threshold = r.number("goal_similarity_threshold", decimal{0}, decimal{1});
        book.audit.score_tolerance = r.number("score_tolerance");
        book.audit.total_weight = r.number("total_weight");
        book.audit.indicator_weight = r.number("indicator_weight");
        if (!problem && book.audit.total_weight.is_zero()) {
            problem = invalid("$.audit.total_weight", "must be above 0");
        }
    }
    if (problem) return *problem;
    return book;
}

/// Parses `text` and resolves `extends` (a built-in name) by merge-patching onto the base.
result<json> resolve(std::string_view text, int depth) {
    auto tree = parse_exact_json(text);
    if (!tree) return tree.error();
    json& root = *tree;
    if (!root.is_object()) return invalid("$", "a rulebook must be a JSON object");
    auto ext = root.find("extends");
    if (ext == root.end()) return std::move(root);
    if (!ext->is_string()) return invalid("$.extends", "must be the name of a built-in rulebook");
    std::string base_name = ext->get<std::string>();
    if (depth >= max_extends_depth) return invalid("$.extends", "extends nests too deeply");
    std::string_view base_text = builtin_rulebook_source(base_name);
    if (base_text.empty()) {
        return error{errc::rulebook_not_found, 0, "$.extends", "no built-in rulebook named \"" + base_name + "\""};
    }
    auto base = resolve(base_text, depth + 1);
    if (!base) {
        error e = base.error();
        e.message = "in built-in \"" + base_name + "\": " + e.message;
        return e;
    }
    root.erase("extends");
    base->merge_patch(root);
    return std::move(*base);
}

}  // namespace

std::string_view to_string(lower_formula f) noexcept {
    switch (f) {
    case lower_formula::linear_excess: return "linear_excess";
    case lower_formula::ratio: return "ratio";
    }
    return "unknown";
}

std::string_view to_string(over_achievement_deduction d) noexcept {
    switch (d) {
    case over_achievement_deduction::off: return "off";
    case over_achievement_deduction::fraction_of_weight: return "fraction_of_weight";
    }
    return "unknown";
}

std::string_view to_string(weight_destination d) noexcept {
    switch (d) {
    case weight_destination::none: return "none";
    case weight_destination::output: return "output";
    case weight_destination::effect: return "effect";
    case weight_destination::proportional: return "proportional";
    }
    return "unknown";
}

result<rulebook> load_rulebook_json(std::string_view text) {
    auto tree = resolve(text, 0);
    if (!tree) return tree.error();
    return from_tree(*tree);
}

result<rulebook> load_rulebook_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return error{errc::io_error, 0, path.string(), "cannot open the rulebook file"};
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return error{errc::io_error, 0, path.string(), "cannot read the rulebook file"};
    auto book = load_rulebook_json(buffer.str());
    if (!book) {
        error e = book.error();
        e.where = path.string() + (e.where.empty() ? "" : ": " + e.where);
        return e;
    }
    return book;
}

std::string_view builtin_rulebook_source(std::string_view name) noexcept {
    for (std::size_t i = 0; i < detail::builtin_rulebook_count; ++i) {
        if (detail::builtin_rulebook_texts[i].name == name) return detail::builtin_rulebook_texts[i].json;
    }
    return {};
}

std::vector<std::string> builtin_rulebook_names() {
    std::vector<std::string> names;
    names.reserve(detail::builtin_rulebook_count);
    for (std::size_t i = 0; i < detail::builtin_rulebook_count; ++i) {
        names.emplace_back(detail::builtin_rulebook_texts[i].name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

result<rulebook> builtin_rulebook(std::string_view name) {
    std::string_view text = builtin_rulebook_source(name);
    if (text.empty()) {
        std::string known;
        for (const std::string& n : builtin_rulebook_names()) {
            if (!known.empty()) known += ", ";
            known += n;
        }
        return error{errc::rulebook_not_found, 0, std::string(name),
                     "no built-in rulebook named \"" + std::string(name) + "\" (built-ins: " + known + ")"};
    }
    auto book = load_rulebook_json(text);
    if (!book) {
        error e = book.error();
        e.where = "builtin " + std::string(name) + ": " + e.where;
        return e;
    }
    return book;
}

std::string to_json(const rulebook& book) {
    json j;
    j["format"] = format_name;
    j["format_version"] = format_version;
    j["id"] = book.id;
    j["version"] = book.version;
    j["title"] = book.title;
    j["description"] = book.description;
    j["citations"] = json::array();
    for (const citation& c : book.citations) j["citations"].push_back(json{{"id", c.id}, {"text", c.text}});
    j["execution"] = json{{"default_weight", book.execution.default_weight.to_string()},
                          {"cap_at_weight", book.execution.cap_at_weight},
                          {"rate_places", book.execution.rate_places},
                          {"citation", book.execution.citation}};
    j["quantitative"] = json{{"lower", to_string(book.quantitative.lower)}, {"citation", book.quantitative.citation}};
    j["over_achievement"] = json{{"deduction", to_string(book.over_achievement.deduction)},
                                 {"fraction", book.over_achievement.fraction.to_string()},
                                 {"citation", book.over_achievement.citation}};
    json tiers = json::array();
    for (const qualitative_tier& t : book.qualitative.tiers) {
        tiers.push_back(json{{"kind", tier_name(t.kind)},
                             {"label", t.label},
                             {"lower", t.lower.to_string()},
                             {"upper", t.upper.to_string()},
                             {"upper_inclusive", t.upper_inclusive}});
    }
    j["qualitative"] = json{{"tiers", std::move(tiers)},
                            {"equal_label_counts_as_met", book.qualitative.equal_label_counts_as_met},
                            {"citation", book.qualitative.citation}};
    j["timeliness"] = json{{"citation", book.timeliness.citation}};
    j["rounding"] = json{{"places", book.rounding_at.places}, {"mode", to_string(book.rounding_at.mode)}};
    j["grades"] = json::array();
    for (const grade_band& g : book.grades) j["grades"].push_back(json{{"name", g.name}, {"min", g.min.to_string()}});
    auto guidance = [](const std::optional<decimal>& w) { return w ? json(w->to_string()) : json(nullptr); };
    j["weights"] = json{{"output", guidance(book.weights.output)},
                        {"effect", guidance(book.weights.effect)},
                        {"satisfaction", guidance(book.weights.satisfaction)},
                        {"execution", book.weights.execution.to_string()},
                        {"cost_counts_as", category_name(book.weights.cost_counts_as)},
                        {"missing_satisfaction", json{{"move_to", to_string(book.weights.missing_satisfaction_to)}}}};
    j["not_applicable"] = json{{"drop_and_rescale", book.not_applicable.drop_and_rescale}};
    j["audit"] = json{{"over_achievement_threshold", book.audit.over_achievement_threshold.to_string()},
                      {"goal_similarity_threshold", book.audit.goal_similarity_threshold.to_string()},
                      {"score_tolerance", book.audit.score_tolerance.to_string()},
                      {"total_weight", book.audit.total_weight.to_string()},
                      {"indicator_weight", book.audit.indicator_weight.to_string()}};
    return j.dump(2) + "\n";
}

}  // namespace jixiao
