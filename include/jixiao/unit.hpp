// jixiao/unit.hpp — units with a dimension and an exact scale, and quantities.
//
// Synopsis:
//   enum class dimension   money, count (of a named thing), time, dimensionless, opaque, physical
//   to_string(dimension)   stable English name (`"money"`)
//   class unit             one unit: dimension key + exact scale to its base + canonical symbol;
//                          composite units (元/人次) are a numerator over a denominator;
//                          one pointer to a shared immutable definition (detail::unit_data)
//   find_unit(spelling)    the unit table (vocabulary.hpp) lookup, tolerant of stray spaces
//   struct quantity        an exact number in a unit
//   compare(a, b)          exact comparison across scales of one dimension (3.50万元 == 35000元);
//                          std::nullopt when the dimensions differ
//
// Like mp-units, but at run time: 元 and 人次 are different dimensions; % is dimensionless with
// scale 1/100; comparing different dimensions is never a silent conversion.
#pragma once

#include <jixiao/decimal.hpp>
#include <jixiao/error.hpp>

#include <atomic>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace jixiao {

/// What a unit measures.
enum class dimension {
    dimensionless,  ///< plain numbers, % (1/100), ‰ (1/1000)
    money,          ///< 元 and its multiples
    count,          ///< counts of a named thing (个, 家, 人次, ...): each thing is its own dimension
    time,           ///< durations and calendar units (日, 工作日, 月, 小时, ...)
    opaque,         ///< a spelling not in the table: compares only with itself
    physical,       ///< physical measures: length (米), area (平方米, 亩), mass (吨), volume
};

/// Stable English name of a dimension: `"dimensionless"`, `"money"`, `"count"`, `"time"`,
/// `"opaque"`, `"physical"`.
[[nodiscard]] std::string_view to_string(dimension d) noexcept;

namespace detail {

/// What a `unit` points to: its definition, immutable once built. The units of the table and
/// the plain number are built once and never freed (`immortal`); any other (an opaque spelling,
/// a composite, one read from JSON) is counted and freed with its last `unit`.
struct unit_data {
    dimension dim = dimension::dimensionless;
    std::string key;
    decimal scale;
    std::string symbol;
    bool immortal = false;
    mutable std::atomic<std::uint32_t> references{1};
};

/// The definition of the plain number (dimensionless, scale 1, no symbol).
[[nodiscard]] const unit_data* plain_unit_data() noexcept;

}  // namespace detail

/// A unit: a dimension key, an exact scale to the base unit of that key, and its spelling.
/// Composite units (`元/人次`) combine a numerator and a denominator into one key.
///
/// A `unit` is one pointer to a shared, immutable definition: the units of the table are never
/// copied or counted, so a quantity is 32 bytes and a form stays compact. Copies are cheap and
/// safe across threads (other units are reference counted atomically).
class unit {
public:
    /// Dimensionless, scale 1, no symbol.
    unit() noexcept : data_(detail::plain_unit_data()) {}
    /// A unit not in the table, kept verbatim; it compares only with the same spelling.
    [[nodiscard]] static unit opaque(std::string spelling);
    /// The unit of `vocabulary::unit_spellings[index]` (precondition: index < its size); shares
    /// the table's definition.
    [[nodiscard]] static unit of_table(std::size_t index) noexcept;
    /// Builds a unit directly; a unit equal to one of the table shares the table's definition.
    unit(dimension dim, std::string key, decimal scale, std::string symbol);

    /// Shares the definition of `other`.
    unit(const unit& other) noexcept : data_(other.data_) { retain(); }
    /// Takes the definition of `other`, which becomes the plain number.
    unit(unit&& other) noexcept : data_(std::exchange(other.data_, detail::plain_unit_data())) {}
    /// Shares the definition of `other`.
    unit& operator=(const unit& other) noexcept {
        if (data_ != other.data_) {
            other.retain();
            release();
            data_ = other.data_;
        }
        return *this;
    }
    /// Takes the definition of `other` (which gets this one's).
    unit& operator=(unit&& other) noexcept {
        std::swap(data_, other.data_);
        return *this;
    }
    /// Releases the definition (freed with its last unit unless it is the table's).
    ~unit() { release(); }

    /// Canonical spelling: `"万元"`, `"%"`, `"元/人次"`; empty for a plain number.
    [[nodiscard]] const std::string& symbol() const noexcept { return data_->symbol; }
    /// The dimension key: units with equal keys are commensurable (`"money"`,
    /// `"count:人次"`, `"money/count:人次"`, `"opaque:xyz"`, `""` for dimensionless).
    [[nodiscard]] const std::string& key() const noexcept { return data_->key; }
    /// Dimension of the numerator.
    [[nodiscard]] dimension dim() const noexcept { return data_->dim; }
    /// Exact factor to the base unit of the key: 万元 -> 10000, % -> 0.01.
    [[nodiscard]] const decimal& scale() const noexcept { return data_->scale; }
    /// Whether this is a ratio (%, ‰).
    [[nodiscard]] bool is_dimensionless() const noexcept { return dim() == dimension::dimensionless; }
    /// Whether the spelling is not in the unit table.
    [[nodiscard]] bool is_opaque() const noexcept { return dim() == dimension::opaque; }
    /// Whether `a` and `b` share one definition (then they are equal; equal units need not share).
    [[nodiscard]] friend bool same_definition(const unit& a, const unit& b) noexcept { return a.data_ == b.data_; }

    /// Same dimension, key, scale and symbol.
    friend bool operator==(const unit& a, const unit& b) noexcept {
        return a.data_ == b.data_ || (a.dim() == b.dim() && a.key() == b.key() && a.scale() == b.scale() &&
                                      a.symbol() == b.symbol());
    }

private:
    explicit unit(const detail::unit_data* data) noexcept : data_(data) {}

    void retain() const noexcept {
        if (!data_->immortal) data_->references.fetch_add(1, std::memory_order_relaxed);
    }
    void release() const noexcept {
        if (!data_->immortal && data_->references.fetch_sub(1, std::memory_order_acq_rel) == 1) destroy(data_);
    }
    static void destroy(const detail::unit_data* data) noexcept;

    const detail::unit_data* data_;
};

/// The quotient unit `a/b` (e.g. 元 / 人次): key `"money/count:人次"`, scale
/// scale(a)/scale(b) when that quotient is a finite decimal; otherwise (元/周: 1/10080) the
/// denominator is not converted and the key names its symbol (`"money/周"`), scale(a).
/// A composite with an opaque part is opaque as a whole.
[[nodiscard]] unit per(const unit& numerator, const unit& denominator);

/// True when values in `a` and `b` can be compared (same dimension key).
[[nodiscard]] inline bool commensurable(const unit& a, const unit& b) noexcept {
    return same_definition(a, b) || a.key() == b.key();
}

/// Looks a spelling up in the unit table (`万元`, `％`, `元/ 次`, `元/人 次`): spaces inside are
/// ignored; a composite `a/b` is looked up part by part. std::nullopt when not in the table.
[[nodiscard]] std::optional<unit> find_unit(std::string_view spelling);

/// An exact number in a unit.
struct quantity {
    /// The number as written (its scale kept).
    decimal number;
    unit in;  ///< the unit (`unit` is the type name, so the member is called `in`)

    /// Value in the base unit of its dimension (`3.50万元` -> `35000`).
    [[nodiscard]] decimal in_base() const { return number * in.scale(); }
    /// Canonical spelling: number as written (scale kept) followed by the symbol: `3.50万元`.
    [[nodiscard]] std::string to_string() const { return number.to_string() + in.symbol(); }

    /// Same number (value equality) and same unit. For cross-scale equality use `compare`.
    friend bool operator==(const quantity&, const quantity&) = default;
};

/// Exact comparison across scales of one dimension; std::nullopt when not commensurable.
[[nodiscard]] std::optional<std::strong_ordering> compare(const quantity& a, const quantity& b);

/// `a` converted to unit `to` exactly (the number is normalised: trailing zeros dropped);
/// errc::incompatible_units when the keys differ, errc::inexact_conversion when the result is
/// not a finite decimal (1 分钟 in 小时 is 1/60).
[[nodiscard]] result<quantity> convert(const quantity& a, const unit& to);

}  // namespace jixiao
