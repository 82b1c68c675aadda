// jixiao/detail/decimal_impl.hpp — inline definitions of jixiao::decimal (parser, rounding,
// text, division). Included at the end of <jixiao/decimal.hpp>; do not include directly.
#pragma once

#include <jixiao/decimal.hpp>

namespace jixiao {
namespace detail::dec {

/// What one character of a number is. Full-width forms (U+FF10..U+FF19 digits, U+FF0E point,
/// U+FF0C comma, U+FF0B plus, U+FF0D minus, U+FF25/U+FF45 E/e) count as their ASCII twins.
enum class char_kind { digit, point, comma, plus, minus, exponent, blank, other };

struct char_info {
    char_kind kind = char_kind::other;
    int digit = 0;        // for digits
    std::size_t size = 1; // bytes
};

[[nodiscard]] constexpr char_info classify(std::string_view s, std::size_t i) noexcept {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c >= '0' && c <= '9') return {char_kind::digit, c - '0', 1};
    switch (c) {
    case '.': return {char_kind::point, 0, 1};
    case ',': return {char_kind::comma, 0, 1};
    case '+': return {char_kind::plus, 0, 1};
    case '-': return {char_kind::minus, 0, 1};
    case 'e':
    case 'E': return {char_kind::exponent, 0, 1};
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\v':
    case '\f': return {char_kind::blank, 0, 1};
    default: break;
    }
    std::size_t left = s.size() - i;
    if (c == 0xC2 && left >= 2 && byte(i + 1) == 0xA0) return {char_kind::blank, 0, 2};  // U+00A0
    if (c == 0xE3 && left >= 3 && byte(i + 1) == 0x80 && byte(i + 2) == 0x80) {
        return {char_kind::blank, 0, 3};  // U+3000 ideographic space
    }
    if (c == 0xE2 && left >= 3 && byte(i + 1) == 0x88 && byte(i + 2) == 0x92) {
        return {char_kind::minus, 0, 3};  // U+2212 minus sign
    }
    if (c == 0xEF && left >= 3) {
        unsigned char b1 = byte(i + 1);
        unsigned char b2 = byte(i + 2);
        if (b1 == 0xBC) {
            if (b2 >= 0x90 && b2 <= 0x99) return {char_kind::digit, b2 - 0x90, 3};
            switch (b2) {
            case 0x8E: return {char_kind::point, 0, 3};
            case 0x8C: return {char_kind::comma, 0, 3};
            case 0x8B: return {char_kind::plus, 0, 3};
            case 0x8D: return {char_kind::minus, 0, 3};
            case 0xA5: return {char_kind::exponent, 0, 3};
            default: break;
            }
        } else if (b1 == 0xBD && b2 == 0x85) {
            return {char_kind::exponent, 0, 3};
        }
    }
    return {char_kind::other, 0, 1};
}

[[nodiscard]] inline error parse_error(errc code, std::size_t offset, std::string message) {
    return error{code, offset, {}, std::move(message)};
}

/// The error `parse` returns when memory runs out (it never throws).
[[nodiscard]] inline error error_out_of_memory() noexcept {
    return error{errc::limit_exceeded, 0, {}, {}};
}

}  // namespace detail::dec

// number     = blanks, [ sign ], mantissa, [ exponent ], blanks ;
// mantissa   = integer-part, [ point, { digit } ] | point, digit, { digit } ;
// integer-part = digit, { digit } | group1, { comma, digit, digit, digit } ;
// exponent   = ( "e" | "E" ), [ sign ], digit, { digit } ;
inline result<decimal> decimal::parse(std::string_view text) noexcept {
    using detail::dec::char_kind;
    using detail::dec::classify;
    using detail::dec::parse_error;
    try {
        const std::size_t n = text.size();
        std::size_t i = 0;
        // blanks
        while (i < n) {
            auto c = classify(text, i);
            if (c.kind != char_kind::blank) break;
            i += c.size;
        }
        if (i == n) return parse_error(errc::empty_number, 0, "no number: the text is empty or blank");
        // [ sign ]
        bool negative = false;
        {
            auto c = classify(text, i);
            if (c.kind == char_kind::plus || c.kind == char_kind::minus) {
                negative = c.kind == char_kind::minus;
                i += c.size;
            }
        }
        const std::size_t mantissa_start = i;
        // mantissa
        std::int64_t small_acc = 0;
        bool use_big = false;
        std::string big_digits;  // all digits once the machine integer would overflow
        int digits = 0;
        int int_digits = 0;
        int frac_digits = 0;
        bool seen_point = false;
        bool seen_comma = false;
        int group_digits = 0;  // digits since the last comma
        std::size_t last_comma = 0;
        bool has_exponent = false;
        std::size_t exponent_marker = 0;
        auto check_last_group = [&]() -> bool { return !seen_comma || group_digits == 3; };
        while (i < n) {
            auto c = classify(text, i);
            if (c.kind == char_kind::digit) {
                if (digits == max_parse_digits) {
                    return parse_error(errc::too_many_digits, i,
                                       "more than " + std::to_string(max_parse_digits) + " digits");
                }
                ++digits;
                if (seen_point) {
                    ++frac_digits;
                } else {
                    ++int_digits;
                    ++group_digits;
                }
                if (!use_big) {
                    if (small_acc <= (detail::dec::small_max - c.digit) / 10) {
                        small_acc = small_acc * 10 + c.digit;
                    } else {
                        use_big = true;
                        big_digits = std::to_string(small_acc);
                        big_digits += static_cast<char>('0' + c.digit);
                    }
                } else {
                    big_digits += static_cast<char>('0' + c.digit);
                }
                i += c.size;
                continue;
            }
            if (c.kind == char_kind::comma) {
                if (seen_point) {
                    return parse_error(errc::misplaced_separator, i, "thousands separator after the decimal point");
                }
                if (int_digits == 0) {
                    return parse_error(errc::misplaced_separator, i, "thousands separator before any digit");
                }
                if (seen_comma && group_digits != 3) {
                    return parse_error(errc::misplaced_separator, last_comma,
                                       "a thousands separator must be followed by exactly 3 digits");
                }
                if (!seen_comma && int_digits > 3) {
                    return parse_error(errc::misplaced_separator, i,
                                       "at most 3 digits before the first thousands separator");
                }
                seen_comma = true;
                last_comma = i;
                group_digits = 0;
                i += c.size;
                continue;
            }
            if (c.kind == char_kind::point) {
                if (seen_point) return parse_error(errc::multiple_points, i, "a second decimal point");
                if (!check_last_group()) {
                    return parse_error(errc::misplaced_separator, last_comma,
                                       "a thousands separator must be followed by exactly 3 digits");
                }
                seen_point = true;
                i += c.size;
                continue;
            }
            if (c.kind == char_kind::plus || c.kind == char_kind::minus) {
                return parse_error(errc::misplaced_sign, i, "a sign may only start the number");
            }
            if (c.kind == char_kind::exponent) {
                has_exponent = true;
                exponent_marker = i;
                i += c.size;
                break;
            }
            if (c.kind == char_kind::blank) break;
            return parse_error(errc::invalid_character, i, "a character that has no place in a number");
        }
        if (digits == 0) {
            return parse_error(errc::empty_number, mantissa_start, "no digits in the number");
        }
        if (!check_last_group()) {
            return parse_error(errc::misplaced_separator, last_comma,
                               "a thousands separator must be followed by exactly 3 digits");
        }
        // [ exponent ]
        long long exponent = 0;
        if (has_exponent) {
            bool exponent_negative = false;
            if (i < n) {
                auto c = classify(text, i);
                if (c.kind == char_kind::plus || c.kind == char_kind::minus) {
                    exponent_negative = c.kind == char_kind::minus;
                    i += c.size;
                }
            }
            int exponent_digits = 0;
            bool out_of_range = false;
            while (i < n) {
                auto c = classify(text, i);
                if (c.kind == char_kind::digit) {
                    ++exponent_digits;
                    if (!out_of_range) {
                        exponent = exponent * 10 + c.digit;
                        if (exponent > max_exponent) out_of_range = true;
                    }
                    i += c.size;
                    continue;
                }
                if (c.kind == char_kind::blank) break;
                if (c.kind == char_kind::plus || c.kind == char_kind::minus) {
                    return parse_error(errc::misplaced_sign, i, "a sign inside the exponent");
                }
                return parse_error(errc::invalid_character, i, "a character that has no place in an exponent");
            }
            if (exponent_digits == 0) {
                return parse_error(errc::empty_number, i, "the exponent has no digits");
            }
            if (out_of_range) {
                return parse_error(errc::exponent_out_of_range, exponent_marker,
                                   "exponent beyond +/-" + std::to_string(max_exponent));
            }
            if (exponent_negative) exponent = -exponent;
        }
        // blanks
        while (i < n) {
            auto c = classify(text, i);
            if (c.kind != char_kind::blank) {
                return parse_error(errc::invalid_character, i, "text after the number");
            }
            i += c.size;
        }
        long long scale = frac_digits - exponent;
        if (!use_big) {
            std::int64_t c = negative ? -small_acc : small_acc;
            if (scale >= 0) return small(c, static_cast<int>(scale));
            if (detail::dec::mul_pow10(c, -scale)) return small(c, 0);
            return from_parts(integer(c), static_cast<int>(scale));
        }
        integer c(big_digits);
        if (negative) c = -c;
        return from_parts(std::move(c), static_cast<int>(scale));
    } catch (...) {
        return detail::dec::error_out_of_memory();
    }
}

inline decimal decimal::round(int places, rounding mode) const {
    if (places >= scale_) {
        long long pad = static_cast<long long>(places) - scale_;
        if (!big_) {
            std::int64_t c = small_;
            if (detail::dec::mul_pow10(c, pad)) return small(c, places);
        }
        return make(coefficient() * detail::dec::pow10_big(pad), places);
    }
    // drop k digits
    long long k = static_cast<long long>(scale_) - places;
    int out_scale = std::max(places, 0);
    long long unpad = places < 0 ? -static_cast<long long>(places) : 0;
    if (!big_ && k <= 18) {
        std::int64_t q = detail::dec::div_round(small_, detail::dec::pow10[static_cast<std::size_t>(k)], mode);
        if (detail::dec::mul_pow10(q, unpad)) return small(q, out_scale);
        return make(integer(q) * detail::dec::pow10_big(unpad), out_scale);
    }
    integer c = coefficient();
    int nd = big_ ? detail::dec::digit_count(c) : detail::dec::digit_count(small_);
    integer q;
    if (k > nd + 1) {
        // |c| < 10^(k-1) <= half of 10^k: the quotient is 0 and the remainder below half.
        bool negative = c.sign() < 0;
        bool away = detail::dec::rounds_away(mode, negative, false, -1, !c.is_zero());
        q = away ? integer(negative ? -1 : 1) : integer(0);
    } else {
        q = detail::dec::div_round(c, detail::dec::pow10_big(k), mode);
    }
    if (unpad > 0) q *= detail::dec::pow10_big(unpad);
    return make(std::move(q), out_scale);
}

namespace detail::dec {
/// Position of the leading digit: floor(log10 |v|) for v != 0 (the "adjusted exponent").
[[nodiscard]] inline long long adjusted(const decimal& v) {
    auto c = v.coefficient();
    return static_cast<long long>(digit_count(c)) - 1 - v.scale();
}
}  // namespace detail::dec

inline decimal decimal::round_significant(int digits, rounding mode) const {
    JIXIAO_EXPECTS(digits >= 1);
    if (is_zero()) return round(digits - 1, mode);
    long long adj = detail::dec::adjusted(*this);
    long long places = digits - 1 - adj;
    decimal r = round(static_cast<int>(places), mode);
    if (places > 0 && detail::dec::adjusted(r) > adj) r = r.round(static_cast<int>(places - 1), mode);
    return r;
}

inline decimal decimal::normalized() const {
    if (scale_ == 0) return *this;
    if (is_zero()) return decimal();
    if (!big_) {
        std::int64_t c = small_;
        int s = scale_;
        while (s > 0 && c % 10 == 0) {
            c /= 10;
            --s;
        }
        return small(c, s);
    }
    integer c = *big_;
    int s = scale_;
    integer q;
    integer r;
    while (s > 0) {
        boost::multiprecision::divide_qr(c, integer(10), q, r);
        if (!r.is_zero()) break;
        c = q;
        --s;
    }
    return make(std::move(c), s);
}

inline decimal decimal::times_power_of_ten(int exponent) const {
    long long scale = static_cast<long long>(scale_) - exponent;
    check_scale(scale);
    if (scale >= 0) {
        decimal out = *this;
        out.scale_ = static_cast<int>(scale);
        return out;
    }
    if (!big_) {
        std::int64_t c = small_;
        if (detail::dec::mul_pow10(c, -scale)) return small(c, 0);
    }
    return make(coefficient() * detail::dec::pow10_big(-scale), 0);
}

inline std::optional<std::int64_t> decimal::to_int64() const {
    decimal n = normalized();
    if (n.scale_ != 0 || n.big_) return std::nullopt;
    return n.small_;
}

inline std::string decimal::to_string() const {
    std::string digits;
    bool negative = false;
    if (!big_) {
        char buf[24];
        std::uint64_t u = small_ < 0 ? static_cast<std::uint64_t>(-small_) : static_cast<std::uint64_t>(small_);
        auto res = std::to_chars(buf, buf + sizeof buf, u);
        digits.assign(buf, res.ptr);
        negative = small_ < 0;
    } else {
        negative = big_->sign() < 0;
        digits = negative ? integer(-*big_).str() : big_->str();
    }
    std::string out;
    out.reserve(digits.size() + static_cast<std::size_t>(scale_) + 3);
    if (negative) out += '-';
    auto scale = static_cast<std::size_t>(scale_);
    if (scale == 0) {
        out += digits;
    } else if (digits.size() > scale) {
        out.append(digits, 0, digits.size() - scale);
        out += '.';
        out.append(digits, digits.size() - scale, std::string::npos);
    } else {
        out += "0.";
        out.append(scale - digits.size(), '0');
        out += digits;
    }
    return out;
}

inline std::string decimal::format(const format_spec& spec) const {
    decimal v = spec.percent ? times_power_of_ten(2) : *this;
    if (spec.places) v = v.round(*spec.places, spec.mode);
    std::string plain = v.to_string();
    if (spec.thousands) {
        std::size_t start = plain[0] == '-' ? 1 : 0;
        std::size_t point = plain.find('.');
        std::size_t end = point == std::string::npos ? plain.size() : point;
        std::string grouped(plain, 0, start);
        std::size_t len = end - start;
        for (std::size_t k = 0; k < len; ++k) {
            if (k != 0 && (len - k) % 3 == 0) grouped += ',';
            grouped += plain[start + k];
        }
        grouped.append(plain, end, std::string::npos);
        plain = std::move(grouped);
    }
    if (spec.percent) plain += '%';
    return plain;
}

inline std::size_t decimal::hash() const noexcept {
    try {
        decimal n = normalized();
        std::size_t h = n.big_ ? std::hash<integer>{}(*n.big_) : std::hash<std::int64_t>{}(n.small_);
        return h ^ (static_cast<std::size_t>(n.scale_) + static_cast<std::size_t>(0x9e3779b97f4a7c15ULL) + (h << 6) + (h >> 2));
    } catch (...) {
        return static_cast<std::size_t>(sign());
    }
}

inline result<decimal> divide(const decimal& dividend, const decimal& divisor, int places, rounding mode) {
    if (divisor.is_zero()) {
        return error{errc::division_by_zero, 0, {}, "division by zero"};
    }
    // q = dividend / divisor * 10^places = ca * 10^(sb - sa + places) / cb
    long long e = static_cast<long long>(divisor.scale_) - dividend.scale_ + places;
    int out_scale = std::max(places, 0);
    long long unpad = places < 0 ? -static_cast<long long>(places) : 0;
    if (!dividend.big_ && !divisor.big_) {
        std::int64_t num = dividend.small_;
        std::int64_t den = divisor.small_;
        if (den < 0) {
            num = -num;
            den = -den;
        }
        bool ok = true;
        if (e >= 0) {
            ok = detail::dec::mul_pow10(num, e);
        } else {
            ok = detail::dec::mul_pow10(den, -e);
        }
        if (ok) {
            std::int64_t q = detail::dec::div_round(num, den, mode);
            if (detail::dec::mul_pow10(q, unpad)) return decimal::small(q, out_scale);
            return decimal::make(decimal::integer(q) * detail::dec::pow10_big(unpad), out_scale);
        }
    }
    decimal::integer num = dividend.coefficient();
    decimal::integer den = divisor.coefficient();
    if (den.sign() < 0) {
        num = -num;
        den = -den;
    }
    if (e >= 0) {
        num *= detail::dec::pow10_big(e);
    } else {
        den *= detail::dec::pow10_big(-e);
    }
    decimal::integer q = detail::dec::div_round(num, den, mode);
    if (unpad > 0) q *= detail::dec::pow10_big(unpad);
    return decimal::make(std::move(q), out_scale);
}

inline result<decimal> divide_significant(const decimal& dividend, const decimal& divisor, int digits,
                                          rounding mode) {
    JIXIAO_EXPECTS(digits >= 1);
    if (divisor.is_zero()) {
        return error{errc::division_by_zero, 0, {}, "division by zero"};
    }
    if (dividend.is_zero()) return decimal().round(digits - 1, mode);
    // Leading digit of the quotient: adj(a) - adj(b), or one less when a's digits (as a
    // mantissa) are smaller than b's.
    using integer = decimal::integer;
    integer ca = abs(dividend.coefficient());
    integer cb = abs(divisor.coefficient());
    int na = detail::dec::digit_count(ca);
    int nb = detail::dec::digit_count(cb);
    int width = std::max(na, nb);
    integer ma = ca * detail::dec::pow10_big(width - na);
    integer mb = cb * detail::dec::pow10_big(width - nb);
    long long lead = detail::dec::adjusted(dividend) - detail::dec::adjusted(divisor);
    if (ma < mb) --lead;
    long long places = digits - 1 - lead;
    if (places > std::numeric_limits<int>::max() || places < std::numeric_limits<int>::min()) {
        return error{errc::limit_exceeded, 0, {}, "quotient beyond the decimal range"};
    }
    auto q = divide(dividend, divisor, static_cast<int>(places), mode);
    if (q && places > 0 && detail::dec::adjusted(*q) > lead) {
        // rounding carried into a new digit (9.996 -> 10.00): drop the extra zero exactly
        return q->round(static_cast<int>(places - 1), mode);
    }
    return q;
}

}  // namespace jixiao
