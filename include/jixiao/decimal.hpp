// jixiao/decimal.hpp — the exact decimal number type of the library.
//
// Synopsis:
//   enum class rounding          the seven rounding modes (half_away_from_zero = 四舍五入)
//   class decimal                exact value = coefficient * 10^-scale, scale >= 0
//     parse / from_string        real-world spellings (`1,675,799.58`, `１２３．４５`, `1e5`)
//     + - *  == <=>  hash        exact; equality is by value (1.50 == 1.5)
//     round / round_significant  quantize to N places / N significant digits
//     to_string / format         plain text (parse reads it back up to 10,000 digits), thousands,
//                                percent
//   struct format_spec           options of decimal::format
//   divide / divide_significant  division, always with a target and a rounding mode
//   to_string(rounding), rounding_from_string
//   literals::operator""_dec     "1.50"_dec
//
// The grammar, bounds and rounding table are in docs/decimal.md. There is no binary floating
// point anywhere: a decimal is built from text or from integers only.
#pragma once

#include <jixiao/error.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace jixiao {

/// How a value is rounded when digits are dropped.
enum class rounding {
    half_away_from_zero,  ///< 四舍五入: ties away from zero (2.5 -> 3, -2.5 -> -3); the default
    half_even,            ///< ties to the even neighbour (banker's rounding: 2.5 -> 2, 3.5 -> 4)
    half_down,            ///< ties toward zero (2.5 -> 2, -2.5 -> -2)
    up,                   ///< away from zero (2.1 -> 3, -2.1 -> -3)
    down,                 ///< toward zero, truncation (2.9 -> 2, -2.9 -> -2)
    ceiling,              ///< toward +infinity (2.1 -> 3, -2.9 -> -2)
    floor,                ///< toward -infinity (2.9 -> 2, -2.1 -> -3)
};

/// Stable name of a rounding mode, e.g. `"half_away_from_zero"`.
[[nodiscard]] constexpr std::string_view to_string(rounding mode) noexcept {
    switch (mode) {
    case rounding::half_away_from_zero: return "half_away_from_zero";
    case rounding::half_even: return "half_even";
    case rounding::half_down: return "half_down";
    case rounding::up: return "up";
    case rounding::down: return "down";
    case rounding::ceiling: return "ceiling";
    case rounding::floor: return "floor";
    }
    return "unknown";
}

/// The rounding mode named `name` (the names of `to_string(rounding)`), or nothing.
[[nodiscard]] constexpr std::optional<rounding> rounding_from_string(std::string_view name) noexcept {
    constexpr std::array all{rounding::half_away_from_zero, rounding::half_even, rounding::half_down,
                             rounding::up,      rounding::down,      rounding::ceiling,
                             rounding::floor};
    for (rounding mode : all) {
        if (to_string(mode) == name) return mode;
    }
    return std::nullopt;
}

/// Options of `decimal::format`.
struct format_spec {
    std::optional<int> places;                       ///< round to this many places (else keep)
    rounding mode = rounding::half_away_from_zero;   ///< how to round when `places` is set
    bool thousands = false;                          ///< group the integer part: 1,675,799.58
    bool percent = false;  ///< show value*100 followed by '%': 0.8618304 -> "86.18%" (places 2)
};

namespace detail::dec {

using i64 = std::int64_t;
/// Small coefficients live in [-small_max, small_max] (INT64_MIN is excluded so that negation
/// never overflows).
inline constexpr i64 small_max = std::numeric_limits<i64>::max();

inline constexpr std::array<i64, 19> pow10 = {
    1LL,
    10LL,
    100LL,
    1000LL,
    10000LL,
    100000LL,
    1000000LL,
    10000000LL,
    100000000LL,
    1000000000LL,
    10000000000LL,
    100000000000LL,
    1000000000000LL,
    10000000000000LL,
    100000000000000LL,
    1000000000000000LL,
    10000000000000000LL,
    100000000000000000LL,
    1000000000000000000LL,
};

/// v * 10^n without overflow, or false.
[[nodiscard]] inline bool mul_pow10(i64& v, long long n) noexcept {
    if (v == 0 || n == 0) return true;
    if (n < 0 || n > 18) return false;
    i64 out = 0;
    if (__builtin_mul_overflow(v, pow10[static_cast<std::size_t>(n)], &out) || out == INT64_MIN) return false;
    v = out;
    return true;
}

/// Number of decimal digits of |v| (1 for 0).
[[nodiscard]] inline int digit_count(i64 v) noexcept {
    auto u = v < 0 ? static_cast<std::uint64_t>(-(v + 1)) + 1U : static_cast<std::uint64_t>(v);
    int n = 1;
    while (u >= 10U) {
        u /= 10U;
        ++n;
    }
    return n;
}

/// Whether a quotient whose magnitude is `q`, with a dropped remainder, moves one unit away
/// from zero. `half` is the sign of (2*|remainder| - divisor); `inexact` says the remainder is
/// not zero.
[[nodiscard]] constexpr bool rounds_away(rounding mode, bool negative, bool q_odd, int half,
                                         bool inexact) noexcept {
    if (!inexact) return false;
    switch (mode) {
    case rounding::half_away_from_zero: return half >= 0;
    case rounding::half_even: return half > 0 || (half == 0 && q_odd);
    case rounding::half_down: return half > 0;
    case rounding::up: return true;
    case rounding::down: return false;
    case rounding::ceiling: return !negative;
    case rounding::floor: return negative;
    }
    return false;
}

/// num / den rounded by `mode`; den > 0.
[[nodiscard]] inline i64 div_round(i64 num, i64 den, rounding mode) noexcept {
    i64 q = num / den;
    i64 r = num % den;
    if (r == 0) return q;
    i64 ar = r < 0 ? -r : r;
    i64 rest = den - ar;
    int half = ar > rest ? 1 : (ar == rest ? 0 : -1);
    bool negative = num < 0;
    if (rounds_away(mode, negative, (q & 1) != 0, half, true)) q += negative ? -1 : 1;
    return q;
}

using integer = boost::multiprecision::cpp_int;

template <class T>
inline constexpr bool is_bool_or_character =
    std::is_same_v<T, bool> || std::is_same_v<T, char> || std::is_same_v<T, wchar_t> ||
    std::is_same_v<T, char8_t> || std::is_same_v<T, char16_t> || std::is_same_v<T, char32_t>;

[[nodiscard]] inline integer pow10_big(long long n) {
    if (n <= 18) return integer(pow10[static_cast<std::size_t>(n)]);
    return boost::multiprecision::pow(integer(10), static_cast<unsigned>(n));
}

/// num / den rounded by `mode`; den > 0.
[[nodiscard]] inline integer div_round(const integer& num, const integer& den, rounding mode) {
    integer q;
    integer r;
    boost::multiprecision::divide_qr(num, den, q, r);
    if (r.is_zero()) return q;
    if (r.sign() < 0) r = -r;
    r <<= 1;
    int half = r.compare(den);
    half = half > 0 ? 1 : (half < 0 ? -1 : 0);
    bool negative = num.sign() < 0;
    if (rounds_away(mode, negative, boost::multiprecision::bit_test(q, 0), half, true)) {
        if (negative) {
            --q;
        } else {
            ++q;
        }
    }
    return q;
}

[[nodiscard]] inline int digit_count(const integer& v) {
    if (v.is_zero()) return 1;
    // msb gives floor(log2); estimate then correct with one comparison.
    integer a = v.sign() < 0 ? integer(-v) : v;
    auto bits = boost::multiprecision::msb(a);  // floor(log2 a)
    // digits = floor(log10 a) + 1; log10(2) ~= 0.30102999566
    long long guess = static_cast<long long>((static_cast<unsigned long long>(bits) * 30103ULL) / 100000ULL);
    // guess <= floor(log10 a) <= guess + 1
    if (a >= pow10_big(guess + 1)) ++guess;
    return static_cast<int>(guess + 1);
}

/// The owner of a decimal's big coefficient: `std::unique_ptr`'s semantics, with the null check
/// inline and the deletion out of line. Most decimals never have a big coefficient, and a
/// decimal is created and destroyed in every step of scoring, so its destructor must stay a test
/// of one pointer.
class big_ptr {
public:
    big_ptr() noexcept = default;
    big_ptr(std::unique_ptr<integer> p) noexcept : p_(p.release()) {}  // NOLINT: converts like unique_ptr
    big_ptr(const big_ptr&) = delete;
    big_ptr& operator=(const big_ptr&) = delete;
    big_ptr(big_ptr&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
    big_ptr& operator=(big_ptr&& o) noexcept {
        if (this != &o) {
            reset();
            p_ = std::exchange(o.p_, nullptr);
        }
        return *this;
    }
    big_ptr& operator=(std::unique_ptr<integer> p) noexcept {
        reset();
        p_ = p.release();
        return *this;
    }
    ~big_ptr() {
        if (p_ != nullptr) [[unlikely]] destroy(p_);
    }
    void reset() noexcept {
        if (p_ != nullptr) destroy(std::exchange(p_, nullptr));
    }
    explicit operator bool() const noexcept { return p_ != nullptr; }
    integer& operator*() const noexcept { return *p_; }
    integer* operator->() const noexcept { return p_; }

private:
    [[gnu::noinline]] static void destroy(integer* p) noexcept { delete p; }
    integer* p_ = nullptr;
};

}  // namespace detail::dec

/// An exact decimal number: `coefficient * 10^-scale` with `scale >= 0` (a positive exponent
/// in the text is folded into the coefficient). The scale is kept: `1.50` has scale 2 and
/// prints as `1.50`, yet `1.50 == 1.5`. Negative zero does not exist: `-0.00` is `0.00`.
///
/// Money-sized values (|coefficient| < 2^63) are held in a machine integer; larger ones move
/// to a `boost::multiprecision::cpp_int` transparently, so nothing ever overflows silently.
class decimal {
public:
    /// The arbitrary-precision integer type of coefficients.
    using integer = boost::multiprecision::cpp_int;

    /// Most digits (before and after the point) `parse` accepts.
    static constexpr int max_parse_digits = 10000;
    /// Largest |exponent| `parse` accepts in `1e5` / `1E-3` spellings.
    static constexpr int max_exponent = 10000;

    /// Zero with scale 0.
    decimal() noexcept = default;

    /// The integer `v`, scale 0 (not `bool`, not character types: `decimal('5')` would be 53).
    template <std::integral I>
        requires(!detail::dec::is_bool_or_character<std::remove_cv_t<I>>)
    explicit decimal(I v) {
        if constexpr (std::is_signed_v<I>) {
            if (static_cast<long long>(v) == std::numeric_limits<long long>::min()) {
                set_big(integer(static_cast<long long>(v)));
            } else {
                small_ = static_cast<std::int64_t>(v);
            }
        } else {
            if (static_cast<unsigned long long>(v) > static_cast<unsigned long long>(detail::dec::small_max)) {
                set_big(integer(static_cast<unsigned long long>(v)));
            } else {
                small_ = static_cast<std::int64_t>(v);
            }
        }
    }

    // Binary floating point cannot hold most decimal fractions (0.1 is 0.1000000000000000055...),
    // so a decimal made from a double would carry that error into every sum and score. Build
    // decimals from text (`parse`, `"0.1"_dec`) or from integers instead.
    decimal(double) = delete;
    decimal(float) = delete;
    decimal(long double) = delete;

    /// Copy (keeps the scale).
    decimal(const decimal& o) : small_(o.small_), scale_(o.scale_) {
        if (o.big_) big_ = std::make_unique<integer>(*o.big_);
    }
    /// Move.
    decimal(decimal&& o) noexcept = default;
    /// Copy assignment (keeps the scale).
    decimal& operator=(const decimal& o) {
        if (this != &o) {
            small_ = o.small_;
            scale_ = o.scale_;
            big_ = o.big_ ? std::make_unique<integer>(*o.big_) : std::unique_ptr<integer>();
        }
        return *this;
    }
    /// Move assignment.
    decimal& operator=(decimal&& o) noexcept = default;
    ~decimal() = default;

    /// Parses a number as written in forms (see docs/decimal.md); never throws.
    static result<decimal> parse(std::string_view text) noexcept;
    /// Like `parse`, but throws `jixiao::exception` (for literals and tests).
    static decimal from_string(std::string_view text) { return parse(text).value_or_throw(); }
    /// `coefficient * 10^-scale`; a negative scale is folded into the coefficient.
    static decimal from_parts(integer coefficient, int scale) {
        if (scale < 0) {
            coefficient *= detail::dec::pow10_big(-static_cast<long long>(scale));
            scale = 0;
        }
        return make(std::move(coefficient), scale);
    }

    /// The coefficient: value = coefficient * 10^-scale.
    [[nodiscard]] integer coefficient() const { return big_ ? *big_ : integer(small_); }
    /// Number of digits after the point (always >= 0).
    [[nodiscard]] int scale() const noexcept { return scale_; }
    /// -1, 0 or 1.
    [[nodiscard]] int sign() const noexcept {
        if (big_) return big_->sign();
        return small_ < 0 ? -1 : (small_ > 0 ? 1 : 0);
    }
    /// Whether the value is zero (at any scale).
    [[nodiscard]] bool is_zero() const noexcept { return sign() == 0; }
    /// Whether the value is below zero.
    [[nodiscard]] bool is_negative() const noexcept { return sign() < 0; }
    /// Whether the value is a whole number (`3.00` is).
    [[nodiscard]] bool is_integer() const {
        if (scale_ == 0) return true;
        if (!big_) {
            if (scale_ > 18) return small_ == 0;
            return small_ % detail::dec::pow10[static_cast<std::size_t>(scale_)] == 0;
        }
        integer r = *big_ % detail::dec::pow10_big(scale_);
        return r.is_zero();
    }
    /// |value|, same scale.
    [[nodiscard]] decimal abs() const { return is_negative() ? -*this : *this; }

    /// Quantize: exactly `max(places, 0)` decimal places (pads zeros when the value has
    /// fewer); `places < 0` rounds to tens (-1), hundreds (-2), ...
    [[nodiscard]] decimal round(int places, rounding mode) const;
    /// Rounds to `digits` (>= 1) significant digits; the result shows exactly `digits`
    /// significant digits when the scale allows it (0.8618 -> 0.862, 1.5 -> 1.50 for 3; 7439315.30
    /// -> 7440000 for 3). Zero becomes zero with scale `digits - 1`.
    [[nodiscard]] decimal round_significant(int digits, rounding mode) const;
    /// Trailing zeros of the fraction stripped: 1.50 -> 1.5, 2.000 -> 2, 100 -> 100.
    [[nodiscard]] decimal normalized() const;
    /// The exact value `*this * 10^exponent` (the point moved): 3.5 with 4 -> 35000 (万元 -> 元).
    [[nodiscard]] decimal times_power_of_ten(int exponent) const;
    /// Same value and same scale (1.5 is not identical to 1.50).
    [[nodiscard]] bool identical(const decimal& o) const noexcept {
        if (scale_ != o.scale_) return false;
        if (!big_ && !o.big_) return small_ == o.small_;
        if (big_ && o.big_) return *big_ == *o.big_;
        return false;  // canonical form: a value that fits a machine integer is never big
    }
    /// The value as an int64, if it is a whole number that fits.
    [[nodiscard]] std::optional<std::int64_t> to_int64() const;
    /// Plain text with the scale kept: "1675799.58", "0.00", "-7". `parse` reads it back to
    /// the same value and scale when it has at most `max_parse_digits` digits.
    [[nodiscard]] std::string to_string() const;
    /// Text per `spec`: fixed places, thousands separators, percent.
    [[nodiscard]] std::string format(const format_spec& spec) const;
    /// Equal values hash equal (1.5 and 1.50).
    [[nodiscard]] std::size_t hash() const noexcept;

    /// The value, negated (scale kept).
    [[nodiscard]] decimal operator-() const {
        decimal out;
        out.scale_ = scale_;
        if (big_) {
            out.set_big(-*big_);
        } else {
            out.small_ = -small_;
        }
        return out;
    }
    /// The value itself.
    [[nodiscard]] decimal operator+() const { return *this; }

    /// Exact sum; scale = max of the scales.
    friend decimal operator+(const decimal& a, const decimal& b) { return add(a, b, false); }
    /// Exact difference; scale = max of the scales.
    friend decimal operator-(const decimal& a, const decimal& b) { return add(a, b, true); }
    /// Exact product; scale = sum of the scales.
    friend decimal operator*(const decimal& a, const decimal& b) {
        long long scale = static_cast<long long>(a.scale_) + b.scale_;
        check_scale(scale);
        if (!a.big_ && !b.big_) {
            std::int64_t p = 0;
            if (!__builtin_mul_overflow(a.small_, b.small_, &p) && p != INT64_MIN) {
                return small(p, static_cast<int>(scale));
            }
        }
        return make(a.coefficient() * b.coefficient(), static_cast<int>(scale));
    }
    /// Exact addition in place.
    decimal& operator+=(const decimal& o) { return *this = *this + o; }
    /// Exact subtraction in place.
    decimal& operator-=(const decimal& o) { return *this = *this - o; }
    /// Exact multiplication in place.
    decimal& operator*=(const decimal& o) { return *this = *this * o; }

    /// Value equality across scales: 1.50 == 1.5.
    friend bool operator==(const decimal& a, const decimal& b) noexcept { return compare(a, b) == 0; }
    /// Value order across scales.
    friend std::strong_ordering operator<=>(const decimal& a, const decimal& b) noexcept {
        int c = compare(a, b);
        return c < 0 ? std::strong_ordering::less
                     : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
    }
    /// Writes `to_string()`.
    friend std::ostream& operator<<(std::ostream& os, const decimal& d) { return os << d.to_string(); }

    /// Division to `places` decimal places (see the free function `divide`).
    friend result<decimal> divide(const decimal& dividend, const decimal& divisor, int places,
                                  rounding mode);

private:
    std::int64_t small_ = 0;          // the coefficient, when big_ is null
    int scale_ = 0;                   // >= 0
    detail::dec::big_ptr big_;        // the coefficient when it does not fit small_ (canonical)

    static decimal small(std::int64_t c, int scale) noexcept {
        decimal d;
        d.small_ = c;
        d.scale_ = scale;
        return d;
    }
    /// Canonical: coefficients that fit a machine integer are kept small.
    static decimal make(integer c, int scale) {
        decimal d;
        d.scale_ = scale;
        d.set_big(std::move(c));
        return d;
    }
    void set_big(integer c) {
        if (c >= -detail::dec::small_max && c <= detail::dec::small_max) {
            small_ = c.convert_to<std::int64_t>();
            big_.reset();
        } else {
            small_ = 0;
            big_ = std::make_unique<integer>(std::move(c));
        }
    }
    static void check_scale(long long scale) {
        if (scale > std::numeric_limits<int>::max()) {
            throw exception(error{errc::limit_exceeded, 0, {}, "decimal scale beyond the int range"});
        }
    }
    /// Coefficient of `d` scaled to `scale` >= d.scale_.
    static integer aligned(const decimal& d, int scale) {
        integer c = d.coefficient();
        if (scale > d.scale_) c *= detail::dec::pow10_big(static_cast<long long>(scale) - d.scale_);
        return c;
    }
    static decimal add(const decimal& a, const decimal& b, bool subtract) {
        if (!a.big_ && !b.big_) {
            int scale = std::max(a.scale_, b.scale_);
            std::int64_t x = a.small_;
            std::int64_t y = b.small_;
            if (detail::dec::mul_pow10(x, static_cast<long long>(scale) - a.scale_) &&
                detail::dec::mul_pow10(y, static_cast<long long>(scale) - b.scale_)) {
                std::int64_t r = 0;
                bool overflow = subtract ? __builtin_sub_overflow(x, y, &r) : __builtin_add_overflow(x, y, &r);
                if (!overflow && r != INT64_MIN) return small(r, scale);
            }
        }
        return add_big(a, b, subtract);
    }
    /// `add` on `cpp_int` (kept out of line so that the machine-integer path inlines).
    [[gnu::noinline]] static decimal add_big(const decimal& a, const decimal& b, bool subtract) {
        int scale = std::max(a.scale_, b.scale_);
        integer x = aligned(a, scale);
        integer y = aligned(b, scale);
        return make(subtract ? integer(x - y) : integer(x + y), scale);
    }
    static int compare(const decimal& a, const decimal& b) noexcept {
        int sa = a.sign();
        int sb = b.sign();
        if (sa != sb) return sa < sb ? -1 : 1;
        if (sa == 0) return 0;
        if (!a.big_ && !b.big_) {
            int scale = std::max(a.scale_, b.scale_);
            std::int64_t x = a.small_;
            std::int64_t y = b.small_;
            if (detail::dec::mul_pow10(x, static_cast<long long>(scale) - a.scale_) &&
                detail::dec::mul_pow10(y, static_cast<long long>(scale) - b.scale_)) {
                return x < y ? -1 : (x > y ? 1 : 0);
            }
        }
        return compare_big(a, b);
    }
    /// `compare` on `cpp_int` (out of line, like add_big).
    [[gnu::noinline]] static int compare_big(const decimal& a, const decimal& b) noexcept {
        int scale = std::max(a.scale_, b.scale_);
        int c = aligned(a, scale).compare(aligned(b, scale));
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
};

/// `dividend / divisor` rounded to `places` decimal places by `mode` (places < 0 rounds to
/// tens, hundreds, ...); `errc::division_by_zero` when the divisor is zero.
[[nodiscard]] result<decimal> divide(const decimal& dividend, const decimal& divisor, int places,
                                     rounding mode);
/// `dividend / divisor` rounded to `digits` (>= 1) significant digits by `mode`, shown like
/// `round_significant`; `errc::division_by_zero` when the divisor is zero.
[[nodiscard]] result<decimal> divide_significant(const decimal& dividend, const decimal& divisor,
                                                 int digits, rounding mode);

namespace literals {
/// `"1.50"_dec`: a decimal literal; throws `jixiao::exception` on a malformed literal.
inline decimal operator""_dec(const char* text, std::size_t size) {
    return decimal::from_string(std::string_view(text, size));
}
}  // namespace literals

}  // namespace jixiao

/// Hashes by value: `1.5` and `1.50` hash equal.
template <>
struct std::hash<jixiao::decimal> {
    /// Hash of the value: equal values (`1.5`, `1.50`) hash equally.
    std::size_t operator()(const jixiao::decimal& d) const noexcept { return d.hash(); }
};

#include <jixiao/detail/decimal_impl.hpp>
