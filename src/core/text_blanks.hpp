// src/core/text_blanks.hpp — the one definition of a blank in cell text (ASCII white space, U+00A0
// no-break space, U+3000 ideographic space) and the trimming built on it. Internal: shared by
// the value parser, the form model, the recognizer and the audit; not installed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace jixiao::detail::text {

/// Length in bytes of the blank at `i` (ASCII blanks, U+00A0, U+3000), or 0.
[[nodiscard]] inline std::size_t blank_at(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) return 0;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
    if (c == 0xC2 && s.substr(i, 2) == "\xC2\xA0") return 2;
    if (c == 0xE3 && s.substr(i, 3) == "\xE3\x80\x80") return 3;
    return 0;
}

/// First position at or after `i` that is not a blank (at most `end`).
[[nodiscard]] inline std::size_t skip_blanks(std::string_view s, std::size_t i, std::size_t end) noexcept {
    while (i < end) {
        const std::size_t n = blank_at(s, i);
        if (n == 0 || i + n > end) break;
        i += n;
    }
    return i;
}

/// Whether byte `c` may start a blank (ASCII white space, or the lead byte of U+00A0 / U+3000).
[[nodiscard]] constexpr bool may_start_blank(unsigned char c) noexcept {
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xC2 || c == 0xE3;
}

/// Whether byte `c` may end a blank (ASCII white space, or the last byte of U+00A0 / U+3000).
[[nodiscard]] constexpr bool may_end_blank(unsigned char c) noexcept {
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x80;
}

/// `s` without leading and trailing blanks; `leading` receives the bytes dropped in front.
[[nodiscard]] inline std::string_view trim(std::string_view s, std::size_t& leading) noexcept {
    // Most cells have nothing to trim: neither end can be part of a blank.
    if (s.empty() || (!may_start_blank(static_cast<unsigned char>(s.front())) &&
                      !may_end_blank(static_cast<unsigned char>(s.back())))) {
        leading = 0;
        return s;
    }
    const std::size_t begin = skip_blanks(s, 0, s.size());
    std::size_t end = s.size();
    while (end > begin) {
        // Step back over one trailing blank, if any (blanks are 1, 2 or 3 bytes long).
        std::size_t n = 0;
        for (std::size_t len = 1; len <= 3 && len <= end - begin; ++len) {
            if (blank_at(s, end - len) == len) {
                n = len;
                break;
            }
        }
        if (n == 0) break;
        end -= n;
    }
    leading = begin;
    return s.substr(begin, end - begin);
}

/// `s` without leading and trailing blanks.
[[nodiscard]] inline std::string_view trim(std::string_view s) noexcept {
    std::size_t leading = 0;
    return trim(s, leading);
}

/// Whether `s` holds a blank anywhere.
[[nodiscard]] inline bool has_blank(std::string_view s) noexcept {
    std::size_t i = 0;
    // Eight bytes at a time: skip a block in which no byte is below 0x21 (ASCII white space,
    // with the other control bytes) nor a lead byte of U+00A0 (0xC2) or U+3000 (0xE3).
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const auto has_zero_byte = [](std::uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t v = 0;
        std::memcpy(&v, s.data() + i, 8);
        const bool below_0x21 = ((v - ones * 0x21U) & ~v & highs) != 0;
        if (!below_0x21 && !has_zero_byte(v ^ (ones * 0xC2U)) && !has_zero_byte(v ^ (ones * 0xE3U))) continue;
        for (std::size_t k = i; k < i + 8; ++k)
            if (may_start_blank(static_cast<unsigned char>(s[k])) && blank_at(s, k) != 0) return true;
    }
    for (; i < s.size(); ++i)
        if (may_start_blank(static_cast<unsigned char>(s[i])) && blank_at(s, i) != 0) return true;
    return false;
}

/// Whether `s` with every blank removed equals `spelling` (compared in place: no copy).
[[nodiscard]] inline bool equals_without_blanks(std::string_view s, std::string_view spelling) noexcept {
    std::size_t j = 0;
    for (std::size_t pos = 0; pos < s.size();) {
        if (const std::size_t n = blank_at(s, pos); n != 0) {
            pos += n;
            continue;
        }
        if (j == spelling.size() || s[pos] != spelling[j]) return false;
        ++j;
        ++pos;
    }
    return j == spelling.size();
}

}  // namespace jixiao::detail::text
