// unit.cpp — the unit table lookup, composite units, exact comparison and conversion.
#include <jixiao/unit.hpp>
#include <jixiao/vocabulary.hpp>

#include "core/unit_internal.hpp"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace jixiao {

namespace {

/// Dimension of a key: the family before ':' (see vocabulary.hpp, units section).
dimension dimension_of_key(std::string_view key) noexcept {
    const std::string_view family = key.substr(0, key.find_first_of(":/"));
    if (family.empty() || family == "percent") return dimension::dimensionless;
    if (family == "money") return dimension::money;
    if (family == "count") return dimension::count;
    if (family == "time") return dimension::time;
    if (family == "opaque") return dimension::opaque;
    return dimension::physical;
}

/// The definitions of the table's units, in vocabulary::unit_spellings order; built once and
/// never freed (units may be destroyed during static destruction).
const detail::unit_data* table_data() {
    static const detail::unit_data* const data = [] {
        auto* out = new detail::unit_data[std::size(vocabulary::unit_spellings)];
        for (std::size_t k = 0; k < std::size(vocabulary::unit_spellings); ++k) {
            const auto& entry = vocabulary::unit_spellings[k];
            out[k].dim = dimension_of_key(entry.key);
            out[k].key = std::string(entry.key);
            out[k].scale = decimal::from_string(entry.scale);
            out[k].symbol = std::string(entry.symbol);
            out[k].immortal = true;
        }
        return out;
    }();
    return data;
}

std::size_t index_of(const vocabulary::unit_spelling& entry) noexcept {
    return static_cast<std::size_t>(&entry - std::begin(vocabulary::unit_spellings));
}

/// The unit of a table entry (sharing the table's definition).
unit from_entry(const vocabulary::unit_spelling& entry) noexcept { return unit::of_table(index_of(entry)); }

std::span<const std::uint16_t> candidates_at(std::string_view text, std::size_t pos, std::size_t end) noexcept {
    return detail::text::index_of<vocabulary::unit_spellings>.candidates(text, pos, end);
}

/// Table entry whose spelling is exactly `spelling`.
const vocabulary::unit_spelling* find_entry(std::string_view spelling) noexcept {
    for (const std::uint16_t k : candidates_at(spelling, 0, spelling.size())) {
        const auto& entry = vocabulary::unit_spellings[k];
        if (entry.spelling == spelling) return &entry;
    }
    return nullptr;
}

/// Longest table spelling at `pos` (exactly, or with blanks inside when `spaced`).
std::optional<detail::unit_match> longest_simple(std::string_view text, std::size_t pos, std::size_t end,
                                                 bool spaced) {
    const vocabulary::unit_spelling* best = nullptr;
    std::size_t best_end = pos;
    std::size_t best_length = 0;
    for (const std::uint16_t k : candidates_at(text, pos, end)) {
        const auto& entry = vocabulary::unit_spellings[k];
        std::optional<std::size_t> e;
        if (spaced) {
            e = detail::text::match_spaced(text, pos, end, entry.spelling);
        } else if (detail::text::starts_with_at(text, pos, end, entry.spelling)) {
            e = pos + entry.spelling.size();
        }
        if (e && entry.spelling.size() > best_length) {
            best = &entry;
            best_end = *e;
            best_length = entry.spelling.size();
        }
    }
    if (best == nullptr) return std::nullopt;
    return detail::unit_match{from_entry(*best), best_end};
}

/// The end of a per-separator (`/`, `／`) at `pos`, or nothing.
std::optional<std::size_t> match_per(std::string_view text, std::size_t pos, std::size_t end) noexcept {
    for (std::string_view slash : vocabulary::unit_per_separators) {
        if (detail::text::starts_with_at(text, pos, end, slash)) return pos + slash.size();
    }
    return std::nullopt;
}

/// A spelling with every blank removed.
std::string without_blanks(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t blank = detail::text::blank_at(s, i);
        if (blank > 0) {
            i += blank;
            continue;
        }
        out += s[i];
        ++i;
    }
    return out;
}

}  // namespace

std::string_view to_string(dimension d) noexcept {
    switch (d) {
    case dimension::dimensionless: return "dimensionless";
    case dimension::money: return "money";
    case dimension::count: return "count";
    case dimension::time: return "time";
    case dimension::opaque: return "opaque";
    case dimension::physical: return "physical";
    }
    return "unknown";
}

namespace detail {

const unit_data* plain_unit_data() noexcept {
    static const unit_data* const data = [] {
        auto* out = new unit_data;
        out->scale = decimal(1);
        out->immortal = true;
        return out;
    }();
    return data;
}

}  // namespace detail

unit unit::of_table(std::size_t index) noexcept { return unit(table_data() + index); }

unit::unit(dimension dim, std::string key, decimal scale, std::string symbol) : data_(nullptr) {
    // A unit of the table (as read back from JSON or pickles) shares the table's definition:
    // the one whose spelling is the symbol, when it is that very unit (`％` is spelt like a table
    // entry but its canonical symbol is `%`: a unit with the symbol `％` is not the table's).
    if (const auto* entry = find_entry(symbol)) {
        const detail::unit_data* candidate = table_data() + index_of(*entry);
        if (candidate->dim == dim && candidate->key == key && candidate->scale == scale &&
            candidate->symbol == symbol) {
            data_ = candidate;
            return;
        }
    }
    if (dim == dimension::dimensionless && key.empty() && symbol.empty() && scale == decimal(1)) {
        data_ = detail::plain_unit_data();
        return;
    }
    auto* data = new detail::unit_data;
    data->dim = dim;
    data->key = std::move(key);
    data->scale = std::move(scale);
    data->symbol = std::move(symbol);
    data_ = data;
}

void unit::destroy(const detail::unit_data* data) noexcept { delete data; }

unit unit::opaque(std::string spelling) {
    std::string key = "opaque:" + spelling;
    return unit(dimension::opaque, std::move(key), decimal(1), std::move(spelling));
}

unit per(const unit& numerator, const unit& denominator) {
    std::string symbol = numerator.symbol() + "/" + denominator.symbol();
    if (numerator.is_opaque() || denominator.is_opaque()) return unit::opaque(std::move(symbol));
    // scale(a) / scale(b), kept only when it is a finite decimal (the table's scales are small
    // integers and powers of ten, so 40 places decide it).
    const decimal& a = numerator.scale();
    const decimal& b = denominator.scale();
    auto quotient = divide(a, b, a.scale() + 40, rounding::down);
    if (quotient && *quotient * b == a) {
        return unit(numerator.dim(), numerator.key() + "/" + denominator.key(), quotient->normalized(),
                    std::move(symbol));
    }
    return unit(numerator.dim(), numerator.key() + "/" + denominator.symbol(), a, std::move(symbol));
}

std::optional<unit> find_unit(std::string_view spelling) {
    const std::string compact = without_blanks(spelling);
    if (compact.empty()) return std::nullopt;
    const std::string_view s = compact;
    for (std::string_view slash : vocabulary::unit_per_separators) {
        const std::size_t at = s.find(slash);
        if (at == std::string_view::npos) continue;
        const auto* a = find_entry(s.substr(0, at));
        const auto* b = find_entry(s.substr(at + slash.size()));
        if (a == nullptr || b == nullptr) return std::nullopt;
        return per(from_entry(*a), from_entry(*b));
    }
    const auto* entry = find_entry(s);
    if (entry == nullptr) return std::nullopt;
    return from_entry(*entry);
}

std::optional<std::strong_ordering> compare(const quantity& a, const quantity& b) {
    if (!commensurable(a.in, b.in)) return std::nullopt;
    return a.in_base() <=> b.in_base();
}

result<quantity> convert(const quantity& a, const unit& to) {
    if (!commensurable(a.in, to)) {
        return error{errc::incompatible_units, 0, {},
                     "cannot convert " + a.to_string() + " to " +
                         (to.symbol().empty() ? std::string("a plain number") : to.symbol()) +
                         ": different dimensions (" +
                         (a.in.key().empty() ? std::string("plain number") : a.in.key()) + " vs " +
                         (to.key().empty() ? std::string("plain number") : to.key()) + ")"};
    }
    const decimal base = a.in_base();
    auto quotient = divide(base, to.scale(), base.scale() + 40, rounding::down);
    if (!quotient || !(*quotient * to.scale() == base)) {
        return error{errc::inexact_conversion, 0, {},
                     a.to_string() + " in " + to.symbol() + " is not a finite decimal"};
    }
    return quantity{quotient->normalized(), to};
}

namespace detail {

std::optional<unit_match> match_unit_at(std::string_view text, std::size_t pos, std::size_t end) {
    auto numerator = longest_simple(text, pos, end, false);
    if (!numerator) return std::nullopt;
    const std::size_t after = text::skip_blanks(text, numerator->end, end);
    if (auto slash_end = match_per(text, after, end)) {
        const std::size_t denominator_start = text::skip_blanks(text, *slash_end, end);
        if (auto denominator = longest_simple(text, denominator_start, end, true)) {
            return unit_match{per(numerator->found, denominator->found), denominator->end};
        }
    }
    return numerator;
}

}  // namespace detail

}  // namespace jixiao
