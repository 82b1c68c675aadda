// jixiao/detail/utf8.hpp — UTF-8 validation, decoding and encoding (internal, reusable).
//
// Synopsis:
//   struct decoded                     one code point and its length in bytes (0 = invalid)
//   decode(text, pos)                  decodes the code point starting at `pos` (strict RFC 3629:
//                                      no overlongs, no surrogates, nothing above U+10FFFF)
//   first_invalid(text)                byte offset of the first invalid sequence, or npos
//   is_valid(text)                     first_invalid(text) == npos
//   append(out, code_point)            appends the UTF-8 encoding (U+FFFD for invalid values)
//   count_multibyte(text, end)         how many valid multi-byte characters precede `end`
//   has_bom(text)                      text starts with EF BB BF
//   replace_invalid(text)              copy with each invalid byte replaced by U+FFFD (issue 9)
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace jixiao::detail::utf8 {

inline constexpr std::string_view bom = "\xEF\xBB\xBF";
inline constexpr char32_t replacement_character = 0xFFFD;

/// One decoded code point; `length == 0` means the bytes at that place are not UTF-8.
struct decoded {
    char32_t code_point = 0;
    std::size_t length = 0;
};

[[nodiscard]] constexpr unsigned char byte_at(std::string_view text, std::size_t pos) noexcept {
    return static_cast<unsigned char>(text[pos]);
}

[[nodiscard]] constexpr bool is_continuation(unsigned char b) noexcept { return (b & 0xC0u) == 0x80u; }

/// Decodes the code point starting at `pos` (precondition: `pos < text.size()`).
[[nodiscard]] constexpr decoded decode(std::string_view text, std::size_t pos) noexcept {
    const unsigned char b0 = byte_at(text, pos);
    if (b0 < 0x80u) return {static_cast<char32_t>(b0), 1};
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (b0 >= 0xC2u && b0 <= 0xDFu) {
        length = 2; cp = b0 & 0x1Fu; min = 0x80;
    } else if (b0 >= 0xE0u && b0 <= 0xEFu) {
        length = 3; cp = b0 & 0x0Fu; min = 0x800;
    } else if (b0 >= 0xF0u && b0 <= 0xF4u) {
        length = 4; cp = b0 & 0x07u; min = 0x10000;
    } else {
        return {};
    }
    if (text.size() - pos < length) return {};
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned char b = byte_at(text, pos + k);
        if (!is_continuation(b)) return {};
        cp = static_cast<char32_t>((cp << 6) | (b & 0x3Fu));
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
    return {cp, length};
}

/// Byte offset of the first byte that does not start a valid UTF-8 sequence, or npos.
[[nodiscard]] inline std::size_t first_invalid(std::string_view text) noexcept {
    std::size_t pos = 0;
    const std::size_t size = text.size();
    while (pos < size) {
        // Fast path: eight ASCII bytes at a time.
        if (size - pos >= 8) {
            std::uint64_t chunk = 0;
            std::memcpy(&chunk, text.data() + pos, 8);
            if ((chunk & 0x8080808080808080ull) == 0) {
                pos += 8;
                continue;
            }
        }
        if (byte_at(text, pos) < 0x80u) {
            ++pos;
            continue;
        }
        const decoded d = decode(text, pos);
        if (d.length == 0) return pos;
        pos += d.length;
    }
    return std::string_view::npos;
}

/// True when every byte of `text` belongs to a valid UTF-8 sequence.
[[nodiscard]] inline bool is_valid(std::string_view text) noexcept {
    return first_invalid(text) == std::string_view::npos;
}

/// Number of valid multi-byte characters in `text[0, end)` (stops at the first invalid byte).
[[nodiscard]] inline std::size_t count_multibyte(std::string_view text, std::size_t end) noexcept {
    std::size_t count = 0;
    std::size_t pos = 0;
    if (end > text.size()) end = text.size();
    while (pos < end) {
        if (byte_at(text, pos) < 0x80u) {
            ++pos;
            continue;
        }
        const decoded d = decode(text, pos);
        if (d.length == 0) break;
        ++count;
        pos += d.length;
    }
    return count;
}

/// Appends the UTF-8 encoding of `cp`; surrogates and values above U+10FFFF become U+FFFD.
inline void append(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = replacement_character;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0u | (cp >> 6));
        out += static_cast<char>(0x80u | (cp & 0x3Fu));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0u | (cp >> 12));
        out += static_cast<char>(0x80u | ((cp >> 6) & 0x3Fu));
        out += static_cast<char>(0x80u | (cp & 0x3Fu));
    } else {
        out += static_cast<char>(0xF0u | (cp >> 18));
        out += static_cast<char>(0x80u | ((cp >> 12) & 0x3Fu));
        out += static_cast<char>(0x80u | ((cp >> 6) & 0x3Fu));
        out += static_cast<char>(0x80u | (cp & 0x3Fu));
    }
}

/// True when `text` starts with the UTF-8 byte order mark.
[[nodiscard]] constexpr bool has_bom(std::string_view text) noexcept { return text.starts_with(bom); }

/// `text` with each byte that does not belong to a valid sequence replaced by U+FFFD (added for
/// issue 9: error messages that quote input bytes, e.g. nlohmann's "last read: ...", must be UTF-8).
[[nodiscard]] inline std::string replace_invalid(std::string_view text) {
    if (is_valid(text)) return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    std::size_t pos = 0;
    while (pos < text.size()) {
        const decoded d = decode(text, pos);
        if (d.length == 0) {
            append(out, replacement_character);
            ++pos;
        } else {
            out.append(text.substr(pos, d.length));
            pos += d.length;
        }
    }
    return out;
}

}  // namespace jixiao::detail::utf8
