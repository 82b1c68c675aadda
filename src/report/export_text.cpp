// export_text.cpp — escaping for HTML, CSV and Markdown (the safety of every exporter).
#include <jixiao/io/export.hpp>

#include <jixiao/detail/utf8.hpp>

#include "report/export_internal.hpp"

#include <string>
#include <string_view>

namespace jixiao::io {

namespace {

/// Calls `emit(code_point, bytes)` for each character of `text`; an invalid byte is passed as
/// U+FFFD with its one byte.
template <class Emit>
void for_each_char(std::string_view text, Emit emit) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto d = jixiao::detail::utf8::decode(text, pos);
        if (d.length == 0) {
            emit(jixiao::detail::utf8::replacement_character, std::string_view("\xEF\xBF\xBD"));
            pos += 1;
        } else {
            emit(d.code_point, text.substr(pos, d.length));
            pos += d.length;
        }
    }
}

/// Control characters that have no place in text output (C0 except tab, LF, CR; DEL; C1).
bool is_dropped_control(char32_t cp) noexcept {
    return (cp < 0x20 && cp != U'\t' && cp != U'\n' && cp != U'\r') || cp == 0x7F ||
           (cp >= 0x80 && cp < 0xA0);
}

/// A plain signed decimal number (`-0.50`, `+3`, `12.5`): a spreadsheet reads it as a number,
/// never as a formula, so it is not neutralised.
bool is_plain_number(std::string_view text) noexcept {
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    std::size_t digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') { ++i; ++digits; }
    if (digits == 0) return false;
    if (i < text.size() && text[i] == '.') {
        ++i;
        std::size_t fraction = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') { ++i; ++fraction; }
        if (fraction == 0) return false;
    }
    return i == text.size();
}

}  // namespace

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for_each_char(text, [&](char32_t cp, std::string_view bytes) {
        switch (cp) {
        case U'&': out += "&amp;"; break;
        case U'<': out += "&lt;"; break;
        case U'>': out += "&gt;"; break;
        case U'"': out += "&quot;"; break;
        case U'\'': out += "&#39;"; break;
        case U'\r': break;
        default:
            if (!is_dropped_control(cp)) out += bytes;
        }
    });
    return out;
}

std::string csv_field(std::string_view text) {
    std::string body;
    body.reserve(text.size() + 2);
    bool neutralise = false;
    if (!text.empty()) {
        const char c = text.front();
        neutralise = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        if (neutralise && is_plain_number(text)) neutralise = false;
    }
    // Full-width lookalikes (＝ ＋ － ＠) are also run as formulas by some spreadsheets.
    for (std::string_view lookalike : {"\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D", "\xEF\xBC\xA0"}) {
        if (text.starts_with(lookalike)) neutralise = true;
    }
    if (neutralise) body += '\'';
    bool quote = neutralise;
    for_each_char(text, [&](char32_t cp, std::string_view bytes) {
        if (cp == U',' || cp == U'"' || cp == U'\n' || cp == U'\r' || cp == U';') quote = true;
        if (cp == U'"') {
            body += "\"\"";
        } else {
            body += bytes;
        }
    });
    if (!quote) return body;
    return "\"" + body + "\"";
}

namespace detail {

std::string escape_markdown(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    bool last_was_break = false;
    for_each_char(text, [&](char32_t cp, std::string_view bytes) {
        if (cp == U'\n') {
            if (!last_was_break) out += "<br>";
            last_was_break = true;
            return;
        }
        last_was_break = false;
        switch (cp) {
        case U'&': out += "&amp;"; return;
        case U'<': out += "&lt;"; return;
        case U'>': out += "&gt;"; return;
        case U'\r': return;
        case U'\\': case U'`': case U'*': case U'_': case U'[': case U']': case U'|': case U'#':
        case U'!': case U'~': case U'{': case U'}': case U'(': case U')':
            out += '\\';
            out += bytes;
            return;
        default:
            if (!is_dropped_control(cp)) out += bytes;
        }
    });
    return out;
}

}  // namespace detail

}  // namespace jixiao::io
