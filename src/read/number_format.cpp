// number_format.cpp — xlsx numbers as exact decimal text, and Excel number formats applied to
// them (`0.00`, `0.00%`, `#,##0.00`, `0.00"万元"`, General, dates), without binary floating point.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <jixiao/decimal.hpp>

#include "read/office_internal.hpp"

namespace jixiao::io::detail {

namespace {

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

/// Whether `s` holds the word General (any case) at `i`.
bool general_at(std::string_view s, std::size_t i) noexcept {
    constexpr std::string_view word = "general";
    if (s.size() - i < word.size()) return false;
    for (std::size_t j = 0; j < word.size(); ++j) {
        if (lower(s[i + j]) != word[j]) return false;
    }
    return true;
}

/// The sections of a format code, split at `;` outside quotes, brackets and escapes.
std::vector<std::string_view> split_sections(std::string_view code) {
    std::vector<std::string_view> out;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') {
            const std::size_t close = code.find('"', i + 1);
            i = close == std::string_view::npos ? code.size() : close;
        } else if (c == '[') {
            const std::size_t close = code.find(']', i + 1);
            i = close == std::string_view::npos ? code.size() : close;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else if (c == ';') {
            out.push_back(code.substr(begin, i - begin));
            begin = i + 1;
        }
    }
    out.push_back(code.substr(std::min(begin, code.size())));
    return out;
}

/// What a section holds, outside quotes and brackets.
struct section_kind {
    bool general = false;
    bool date = false;       // y, d, or m/h/s: a date or time
    bool has_day = false;    // y or d (a calendar date, not a time of day only)
    bool scientific = false;
    bool fraction = false;
    bool text = false;       // '@'
    bool placeholders = false;
};

section_kind classify(std::string_view s) {
    section_kind k;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"') {
            const std::size_t close = s.find('"', i + 1);
            i = close == std::string_view::npos ? s.size() : close;
            continue;
        }
        if (c == '\\' || c == '_' || c == '*') {
            ++i;
            continue;
        }
        if (c == '[') {
            const std::size_t close = s.find(']', i + 1);
            const std::string_view inside = s.substr(i + 1, (close == std::string_view::npos ? s.size() : close) - i - 1);
            if (!inside.empty() && (lower(inside[0]) == 'h' || lower(inside[0]) == 'm' || lower(inside[0]) == 's')) {
                k.date = true;  // [h], [mm], [ss]: elapsed time
            }
            i = close == std::string_view::npos ? s.size() : close;
            continue;
        }
        const char l = lower(c);
        if (general_at(s, i)) {
            k.general = true;
            i += 6;
            continue;
        }
        if (l == 'e' && i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '-')) {
            k.scientific = true;
            ++i;
            continue;
        }
        if (l == 'y' || l == 'd') k.date = k.has_day = true;
        else if (l == 'm' || l == 'h' || l == 's') k.date = true;
        else if (c == '@') k.text = true;
        else if (c == '0' || c == '#' || c == '?') k.placeholders = true;
        else if (c == '/') k.fraction = true;
    }
    if (k.date) k.fraction = false;  // '/' is a date separator there
    return k;
}

/// Days since 1970-01-01 -> "yyyy-mm-dd" (H. Hinnant's civil_from_days).
std::string iso_date(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t y = yoe + era * 400;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    auto two = [](std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    return std::to_string(y) + "-" + two(m) + "-" + two(d);
}

/// The serial date number `d` as an ISO date, or empty when it is not a whole day in range.
std::string serial_to_date(const decimal& d, bool date1904) {
    if (!d.is_integer()) return {};
    const auto v = d.to_int64();
    if (!v || *v < 0 || *v > 2958465) return {};
    if (date1904) return iso_date(*v - 24107);
    if (*v == 0 || *v == 60) return {};  // 1900-01-00 and the 1900-02-29 that never was
    return iso_date(*v < 60 ? *v - 25568 : *v - 25569);
}

/// Groups the digits of `digits` by three with ','.
std::string group_thousands(std::string_view digits) {
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

/// Applies one numeric section to |value| (the sign is handled by the caller).
std::string apply_section(std::string_view s, const decimal& value, const std::string& general_text) {
    std::string prefix;
    std::string suffix;
    bool seen_placeholder = false;
    bool in_fraction = false;
    bool thousands = false;
    int int_min = 0;
    int frac_min = 0;
    int frac_max = 0;
    int percent = 0;
    int scale_thousands = 0;
    auto literal = [&](std::string_view text) {
        if (!seen_placeholder) prefix.append(text);
        else suffix.append(text);
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"') {
            const std::size_t close = s.find('"', i + 1);
            const std::size_t end = close == std::string_view::npos ? s.size() : close;
            literal(s.substr(i + 1, end - i - 1));
            i = end;
        } else if (c == '\\') {
            if (i + 1 < s.size()) {
                // One character (a whole UTF-8 sequence).
                std::size_t len = 1;
                while (i + 1 + len < s.size() && (static_cast<unsigned char>(s[i + 1 + len]) & 0xC0) == 0x80) ++len;
                literal(s.substr(i + 1, len));
                i += len;
            }
        } else if (c == '_') {
            literal(" ");
            ++i;
        } else if (c == '*') {
            ++i;
        } else if (c == '[') {
            const std::size_t close = s.find(']', i + 1);
            const std::size_t end = close == std::string_view::npos ? s.size() : close;
            const std::string_view inside = s.substr(i + 1, end - i - 1);
            if (inside.starts_with("$")) {
                const std::size_t dash = inside.find('-');
                literal(inside.substr(1, (dash == std::string_view::npos ? inside.size() : dash) - 1));
            }
            i = end;
        } else if (c == '0' || c == '#' || c == '?') {
            seen_placeholder = true;
            if (in_fraction) {
                ++frac_max;
                if (c == '0') frac_min = frac_max;
            } else if (c == '0') {
                ++int_min;
            }
        } else if (c == '.') {
            if (!in_fraction) {
                in_fraction = true;
                seen_placeholder = true;
            } else {
                literal(".");
            }
        } else if (c == ',') {
            const bool before_placeholder = i + 1 < s.size() && (s[i + 1] == '0' || s[i + 1] == '#' || s[i + 1] == '?');
            if (seen_placeholder && !in_fraction && before_placeholder) thousands = true;
            else if (seen_placeholder) ++scale_thousands;
            else literal(",");
        } else if (c == '%') {
            ++percent;
            literal("%");
        } else if (general_at(s, i)) {
            literal(general_text);
            i += 6;
        } else if (c == '@') {
            literal(general_text);
        } else {
            literal(s.substr(i, 1));
        }
    }
    if (!seen_placeholder) return prefix + suffix;
    const decimal shown = value.times_power_of_ten(2 * percent - 3 * scale_thousands)
                              .round(frac_max, rounding::half_away_from_zero);
    std::string digits = shown.abs().to_string();
    std::string int_part = digits;
    std::string frac_part;
    if (const std::size_t point = digits.find('.'); point != std::string::npos) {
        int_part = digits.substr(0, point);
        frac_part = digits.substr(point + 1);
    }
    while (static_cast<int>(frac_part.size()) > frac_min && !frac_part.empty() && frac_part.back() == '0') {
        frac_part.pop_back();
    }
    if (int_part == "0" && int_min == 0) int_part.clear();
    while (static_cast<int>(int_part.size()) < int_min) int_part.insert(0, "0");
    if (thousands) int_part = group_thousands(int_part);
    std::string out = prefix + int_part;
    if (frac_max > 0 && (!frac_part.empty() || frac_min > 0)) out += "." + frac_part;
    else if (frac_max > 0 && frac_part.empty()) out += ".";  // `0.##` of 5 shows `5.` in Excel
    return out + suffix;
}

}  // namespace

std::optional<std::string> xlsx_number_text(std::string_view v) {
    // -?digits(.digits)?([eE][+-]?digits)? — the xsd:double lexical form Excel writes (no INF/NaN).
    std::size_t i = 0;
    if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
    const std::size_t int_begin = i;
    while (i < v.size() && is_digit(v[i])) ++i;
    std::size_t digits = i - int_begin;
    if (i < v.size() && v[i] == '.') {
        ++i;
        const std::size_t frac_begin = i;
        while (i < v.size() && is_digit(v[i])) ++i;
        digits += i - frac_begin;
    }
    if (digits == 0) return std::nullopt;
    if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
        ++i;
        if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
        const std::size_t exp_begin = i;
        while (i < v.size() && is_digit(v[i])) ++i;
        if (i == exp_begin || i - exp_begin > 6) return std::nullopt;
    }
    if (i != v.size()) return std::nullopt;
    auto d = decimal::parse(v);
    if (!d) return std::nullopt;
    return d->to_string();
}

std::string_view builtin_number_format(unsigned id) noexcept {
    switch (id) {
    case 0: return "General";
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 9: return "0%";
    case 10: return "0.00%";
    case 11: return "0.00E+00";
    case 12: return "# ?/?";
    case 13: return "# ?\?/??";
    case 14: return "yyyy-mm-dd";
    case 15: return "d-mmm-yy";
    case 16: return "d-mmm";
    case 17: return "mmm-yy";
    case 18: return "h:mm AM/PM";
    case 19: return "h:mm:ss AM/PM";
    case 20: return "h:mm";
    case 21: return "h:mm:ss";
    case 22: return "yyyy-mm-dd h:mm";
    case 37: return "#,##0 ;(#,##0)";
    case 38: return "#,##0 ;[Red](#,##0)";
    case 39: return "#,##0.00;(#,##0.00)";
    case 40: return "#,##0.00;[Red](#,##0.00)";
    case 45: return "mm:ss";
    case 46: return "[h]:mm:ss";
    case 47: return "mm:ss.0";
    case 48: return "##0.0E+0";
    case 49: return "@";
    default: break;
    }
    // The East Asian built-in ids (27-36, 50-58) are date formats in the zh-CN locale.
    if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return "yyyy-mm-dd";
    return {};
}

std::string format_number(std::string_view number, std::string_view code, format_outcome* outcome, bool date1904) {
    format_outcome dummy{};
    format_outcome& how = outcome != nullptr ? *outcome : dummy;
    how = format_outcome::formatted;
    auto parsed = decimal::parse(number);
    if (!parsed) return std::string(number);
    const decimal d = std::move(*parsed);
    const std::string general_text = d.abs().to_string();
    const auto sections = split_sections(code);
    std::string_view section = sections.front();
    bool own_sign = false;  // the section shows the sign itself (the negative section)
    if (d.is_negative() && sections.size() >= 2) {
        section = sections[1];
        own_sign = true;
    } else if (d.is_zero() && sections.size() >= 3) {
        section = sections[2];
    }
    const section_kind k = classify(section);
    if (k.date) {
        if (k.has_day) {
            std::string date = serial_to_date(d, date1904);
            if (!date.empty()) {
                how = format_outcome::date;
                return date;
            }
        }
        how = format_outcome::date_kept;
        return d.to_string();
    }
    if (k.scientific || k.fraction) {
        how = format_outcome::unsupported;
        return d.to_string();
    }
    // General (or `@`, or only literals) shows the number as it is; a section of placeholders
    // formats it. An empty section (`0;;`) shows nothing, as in Excel.
    std::string body = apply_section(section, d.abs(), general_text);
    if (sections.size() == 1 && section.empty()) body = general_text;
    bool shows_nonzero = false;
    for (const char c : body) shows_nonzero = shows_nonzero || (c >= '1' && c <= '9');
    if (d.is_negative() && !own_sign && shows_nonzero) body.insert(0, "-");
    return body;
}

std::string cell_reference(std::size_t row, std::size_t column) {
    std::string letters;
    for (std::size_t c = column; c > 0; c = (c - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + static_cast<int>((c - 1) % 26)));
    }
    return letters + std::to_string(row);
}

}  // namespace jixiao::io::detail
