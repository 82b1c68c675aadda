// json_ids.hpp (internal) — the stable English ids of the enums in the canonical JSON of forms,
// shared by the writer (json_write.cpp) and the reader (json_read.cpp).
#pragma once

#include <jixiao/error.hpp>
#include <jixiao/form.hpp>
#include <jixiao/unit.hpp>
#include <jixiao/value.hpp>

#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace jixiao::json_ids {

// ---- stable English ids of the enums -------------------------------------------------------

template <class Enum>
using id_table = std::initializer_list<std::pair<Enum, std::string_view>>;

inline const id_table<cell_state> cell_state_ids = {
    {cell_state::missing, "missing"},
    {cell_state::not_applicable, "not_applicable"},
    {cell_state::value, "value"},
    {cell_state::invalid, "invalid"},
};
inline const id_table<money_unit> money_unit_ids = {
    {money_unit::yuan, "yuan"},
    {money_unit::ten_thousand_yuan, "ten_thousand_yuan"},
};
inline const id_table<value_kind> value_kind_ids = {
    {value_kind::empty, "empty"},           {value_kind::not_applicable, "not_applicable"},
    {value_kind::quantity, "quantity"},     {value_kind::range, "range"},
    {value_kind::time_point, "time_point"}, {value_kind::qualitative, "qualitative"},
    {value_kind::text, "text"},
};
inline const id_table<comparator> comparator_ids = {
    {comparator::none, "none"},
    {comparator::equal, "equal"},
    {comparator::greater_equal, "greater_equal"},
    {comparator::greater, "greater"},
    {comparator::less_equal, "less_equal"},
    {comparator::less, "less"},
    {comparator::approximately, "approximately"},
};
inline const id_table<period_part> period_part_ids = {
    {period_part::whole, "whole"}, {period_part::early, "early"}, {period_part::middle, "middle"},
    {period_part::late, "late"},   {period_part::end, "end"},     {period_part::before_end, "before_end"},
};
inline const id_table<qualitative_kind> qualitative_kind_ids = {
    {qualitative_kind::tier_met, "tier_met"},
    {qualitative_kind::tier_partly_met, "tier_partly_met"},
    {qualitative_kind::tier_not_met, "tier_not_met"},
    {qualitative_kind::positive, "positive"},
    {qualitative_kind::negative, "negative"},
    {qualitative_kind::other, "other"},
};
inline const id_table<dimension> dimension_ids = {
    {dimension::dimensionless, "dimensionless"}, {dimension::money, "money"},
    {dimension::count, "count"},                 {dimension::time, "time"},
    {dimension::opaque, "opaque"},               {dimension::physical, "physical"},
};

inline constexpr std::array<std::string_view, 4> funds_row_ids{"total", "current_appropriation",
                                                        "prior_carryover", "other"};
inline constexpr std::array<std::string_view, 3> funds_column_ids{"initial_budget", "full_year_budget",
                                                           "executed"};
inline constexpr std::array<std::string_view, 3> funds_score_ids{"weight", "execution_rate", "score"};

template <class Enum>
inline std::string_view id_of(const id_table<Enum>& table, Enum e) {
    for (const auto& [value, id] : table) {
        if (value == e) return id;
    }
    return "unknown";
}

/// The errc named `name` (the names of `to_string(errc)`); the code groups are scanned.
inline std::optional<errc> errc_from_string(std::string_view name) {
    constexpr std::array<int, 5> group_starts{1, 100, 200, 300, 400};
    for (int start : group_starts) {
        for (int code = start; code < start + 100; ++code) {
            const auto candidate = static_cast<errc>(code);
            if (to_string(candidate) == name) return candidate;
        }
    }
    return std::nullopt;
}


/// The unit written as `symbol` (a table unit, else an opaque one): writer and reader agree.
inline unit unit_from_symbol(const std::string& symbol) {
    if (symbol.empty()) return unit();
    if (auto found = find_unit(symbol)) return *found;
    return unit::opaque(symbol);
}

}  // namespace jixiao::json_ids
