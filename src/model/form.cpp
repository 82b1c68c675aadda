// form.cpp — reading reported cells, the names and spellings of indicator categories, place_text.
#include <jixiao/form.hpp>
#include <jixiao/vocabulary.hpp>

#include "core/text_blanks.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace jixiao {
namespace {

using detail::text::equals_without_blanks;
using detail::text::trim;

using vocabulary::is_not_applicable_mark;

constexpr std::array category_ids{
    std::pair{category::unknown, std::string_view{"unknown"}},
    std::pair{category::output, std::string_view{"output"}},
    std::pair{category::cost, std::string_view{"cost"}},
    std::pair{category::effect, std::string_view{"effect"}},
    std::pair{category::satisfaction, std::string_view{"satisfaction"}},
};

constexpr std::array subcategory_ids{
    std::pair{subcategory::unknown, std::string_view{"unknown"}},
    std::pair{subcategory::quantity, std::string_view{"quantity"}},
    std::pair{subcategory::quality, std::string_view{"quality"}},
    std::pair{subcategory::timeliness, std::string_view{"timeliness"}},
    std::pair{subcategory::cost, std::string_view{"cost"}},
    std::pair{subcategory::economic_cost, std::string_view{"economic_cost"}},
    std::pair{subcategory::social_cost, std::string_view{"social_cost"}},
    std::pair{subcategory::ecological_cost, std::string_view{"ecological_cost"}},
    std::pair{subcategory::economic_benefit, std::string_view{"economic_benefit"}},
    std::pair{subcategory::social_benefit, std::string_view{"social_benefit"}},
    std::pair{subcategory::ecological_benefit, std::string_view{"ecological_benefit"}},
    std::pair{subcategory::sustainability, std::string_view{"sustainability"}},
    std::pair{subcategory::service_satisfaction, std::string_view{"service_satisfaction"}},
};

constexpr std::array form_kind_names{
    std::pair{form_kind::project_self_evaluation, std::string_view{"project_self_evaluation"}},
    std::pair{form_kind::transfer_self_evaluation, std::string_view{"transfer_self_evaluation"}},
    std::pair{form_kind::department_self_evaluation, std::string_view{"department_self_evaluation"}},
    std::pair{form_kind::project_declaration, std::string_view{"project_declaration"}},
    std::pair{form_kind::department_declaration, std::string_view{"department_declaration"}},
    std::pair{form_kind::rubric_evaluation, std::string_view{"rubric_evaluation"}},
    std::pair{form_kind::other, std::string_view{"other"}},
};

constexpr std::array form_kind_chinese{
    std::pair{form_kind::project_self_evaluation, std::string_view{"项目支出绩效自评表"}},
    std::pair{form_kind::transfer_self_evaluation, std::string_view{"转移支付（专项资金）绩效目标自评表"}},
    std::pair{form_kind::department_self_evaluation, std::string_view{"部门整体支出绩效自评表"}},
    std::pair{form_kind::project_declaration, std::string_view{"项目支出绩效目标申报表"}},
    std::pair{form_kind::department_declaration, std::string_view{"部门整体支出绩效目标申报表"}},
    std::pair{form_kind::rubric_evaluation, std::string_view{"评分表（按评分标准打分）"}},
    std::pair{form_kind::other, std::string_view{"其他表"}},
};

template <class Table, class Enum>
std::string_view id_of(const Table& table, Enum e) noexcept {
    for (const auto& [value, id] : table) {
        if (value == e) return id;
    }
    return "unknown";
}

template <class Enum, class Table>
std::optional<Enum> enum_of(const Table& table, std::string_view id) noexcept {
    for (const auto& [value, name] : table) {
        if (name == id) return value;
    }
    return std::nullopt;
}

template <class Names>
std::string_view chinese_of(const Names& names, std::string_view id) noexcept {
    for (const auto& entry : names) {
        if (entry.id == id) return entry.spelling;
    }
    return {};
}

/// The states every reported cell shares: a blank cell is missing, a mark such as `—` is not
/// applicable. Sets `out.text` and, for those two, `out.state`; returns whether one applied.
template <class T>
bool read_blank_or_not_applicable(std::string_view text, std::string_view body, reported<T>& out) {
    out.text = std::string(text);
    if (body.empty()) {
        out.state = cell_state::missing;
        return true;
    }
    if (is_not_applicable_mark(body)) {
        out.state = cell_state::not_applicable;
        return true;
    }
    return false;
}

}  // namespace

std::string_view to_string(form_kind k) noexcept {
    const std::string_view id = id_of(form_kind_names, k);
    return id == "unknown" ? std::string_view{"other"} : id;
}

std::optional<form_kind> form_kind_from_string(std::string_view id) noexcept {
    return enum_of<form_kind>(form_kind_names, id);
}

std::string_view chinese_name(form_kind k) noexcept {
    for (const auto& [value, name] : form_kind_chinese) {
        if (value == k) return name;
    }
    return "其他表";
}

reported<decimal> read_number_cell(std::string_view text, bool percent) {
    reported<decimal> out;
    std::size_t leading = 0;
    std::string_view body = trim(text, leading);
    if (read_blank_or_not_applicable(text, body, out)) return out;
    if (percent) {
        if (body.ends_with("%")) {
            body.remove_suffix(1);
        } else if (body.ends_with("\xEF\xBC\x85")) {  // U+FF05 full-width percent sign
            body.remove_suffix(3);
        }
        std::size_t inner = 0;
        std::string_view rest = trim(body, inner);  // `100 %`: the space before the sign
        body = body.substr(0, rest.size());
    }
    result<decimal> number = decimal::parse(body);
    if (number.has_value()) {
        out.state = cell_state::value;
        out.value = std::move(*number);
    } else {
        error problem = number.error();
        problem.offset += leading;
        out.state = cell_state::invalid;
        out.problem = std::move(problem);
    }
    return out;
}

reported<value_expr> read_value_cell(std::string_view text) {
    reported<value_expr> out;
    if (read_blank_or_not_applicable(text, trim(text), out)) return out;
    result<value_expr> parsed = parse_value(text);
    if (!parsed.has_value()) {
        out.state = cell_state::invalid;
        out.problem = parsed.error();
        return out;
    }
    switch (parsed->kind) {
    case value_kind::empty: out.state = cell_state::missing; break;
    case value_kind::not_applicable: out.state = cell_state::not_applicable; break;
    default:
        out.state = cell_state::value;
        out.value = std::move(*parsed);
        break;
    }
    return out;
}

std::string_view to_string(category c) noexcept { return id_of(category_ids, c); }
std::string_view to_string(subcategory s) noexcept { return id_of(subcategory_ids, s); }

std::string_view chinese_name(category c) noexcept {
    return chinese_of(vocabulary::category_names, to_string(c));
}
std::string_view chinese_name(subcategory s) noexcept {
    return chinese_of(vocabulary::subcategory_names, to_string(s));
}

std::optional<category> category_from_string(std::string_view id) noexcept {
    return enum_of<category>(category_ids, id);
}
std::optional<subcategory> subcategory_from_string(std::string_view id) noexcept {
    return enum_of<subcategory>(subcategory_ids, id);
}

category classify_category(std::string_view label) noexcept {
    for (const auto& entry : vocabulary::category_spellings) {
        if (equals_without_blanks(label, entry.spelling)) return category_from_string(entry.id).value_or(category::unknown);
    }
    return category::unknown;
}

subcategory classify_subcategory(std::string_view label) noexcept {
    for (const auto& entry : vocabulary::subcategory_spellings) {
        if (equals_without_blanks(label, entry.spelling)) {
            return subcategory_from_string(entry.id).value_or(subcategory::unknown);
        }
    }
    return subcategory::unknown;
}

std::string place_text(const source_location& where) {
    if (where.page != 0) return "p. " + std::to_string(where.page);
    if (where.line != 0) return "line " + std::to_string(where.line);
    return {};
}

bool is_empty_shell(const form& f) noexcept {
    if (!f.indicators.empty()) return false;
    for (const auto& row : f.money.amounts) {
        for (const auto& c : row) {
            if (c.state == cell_state::value) return false;
        }
    }
    return !f.money.execution_rate.has_value() && !f.money.score.has_value();
}

}  // namespace jixiao
