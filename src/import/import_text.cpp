// import_text.cpp — text helpers of the import recognizer: spaces, labels, page numbers,
// wrapped cells and HTML paragraphs (see docs/import.md).
#include "import/import_internal.hpp"

#include <jixiao/decimal.hpp>
#include <jixiao/vocabulary.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace jixiao::io::detail {

std::string without_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t n = blank_at(s, pos);
        if (n != 0) {
            pos += n;
            continue;
        }
        out += s[pos];
        ++pos;
    }
    return out;
}

std::string label_key(std::string_view s) {
    std::string out = without_spaces(s);
    if (out.ends_with(":")) out.pop_back();
    else if (out.ends_with("\xEF\xBC\x9A")) out.resize(out.size() - 3);  // U+FF1A full-width colon
    return out;
}

namespace {
bool is_ascii_alnum(char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
}  // namespace

std::string unwrap(std::string_view s) {
    s = trim(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t n = blank_at(s, pos);
        if (n == 0) {
            out += s[pos];
            ++pos;
            continue;
        }
        std::size_t end = pos;
        while (end < s.size()) {
            const std::size_t m = blank_at(s, end);
            if (m == 0) break;
            end += m;
        }
        // Keep one space between two ASCII letters or digits (`ISO 9001`); drop the rest.
        if (!out.empty() && end < s.size() && is_ascii_alnum(out.back()) && is_ascii_alnum(s[end])) {
            out += ' ';
        }
        pos = end;
    }
    return out;
}

namespace {

char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ci(std::string_view s, std::size_t pos, std::string_view prefix) noexcept {
    if (s.size() - pos < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (ascii_lower(s[pos + i]) != prefix[i]) return false;
    }
    return true;
}

}  // namespace

std::string strip_html_paragraphs(std::string_view s, bool& changed) {
    changed = false;
    std::string out;
    std::string paragraph;
    out.reserve(s.size());
    auto flush = [&] {
        const std::string_view t = trim(paragraph);
        if (!t.empty()) {
            if (!out.empty()) out += '\n';
            out.append(t);
        }
        paragraph.clear();
    };
    for (std::size_t pos = 0; pos < s.size();) {
        if (s[pos] == '<') {
            // A tag: `<p>`, `</p>`, `<br>`, `<br/>`, `<span ...>` ... (only when it closes).
            const std::size_t close = s.find('>', pos);
            const bool tag_like = close != std::string_view::npos && pos + 1 < s.size() &&
                                  (s[pos + 1] == '/' || (ascii_lower(s[pos + 1]) >= 'a' && ascii_lower(s[pos + 1]) <= 'z'));
            if (tag_like && close - pos <= 200) {
                changed = true;
                const bool breaks = starts_with_ci(s, pos, "<p") || starts_with_ci(s, pos, "</p") ||
                                    starts_with_ci(s, pos, "<br") || starts_with_ci(s, pos, "<div") ||
                                    starts_with_ci(s, pos, "</div");
                if (breaks) flush();
                pos = close + 1;
                continue;
            }
        }
        paragraph += s[pos];
        ++pos;
    }
    flush();
    if (!changed) return std::string(trim(s));
    return out;
}

namespace {

/// Dash-like characters around page numbers: -, —, –, －.
std::size_t dash_length(std::string_view s, std::size_t pos) noexcept {
    if (pos >= s.size()) return 0;
    if (s[pos] == '-') return 1;
    const std::string_view rest = s.substr(pos);
    if (rest.starts_with("\xE2\x80\x94") || rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xEF\xBC\x8D")) return 3;
    return 0;
}

std::size_t skip_spaces(std::string_view s, std::size_t pos) noexcept {
    while (pos < s.size()) {
        const std::size_t n = blank_at(s, pos);
        if (n == 0) break;
        pos += n;
    }
    return pos;
}

std::size_t skip_digits(std::string_view s, std::size_t pos) noexcept {
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    return pos;
}

}  // namespace

bool is_page_number(std::string_view t) noexcept {
    if (t.empty() || t.size() > 40) return false;
    // `-7`, `-1-`, `—1—`, `- 3 -`: a dash, 1 to 3 digits, an optional closing dash.
    if (const std::size_t d = dash_length(t, 0); d != 0) {
        std::size_t pos = skip_spaces(t, d);
        const std::size_t digits_end = skip_digits(t, pos);
        if (digits_end == pos || digits_end - pos > 3 || t[pos] == '0') return false;
        pos = skip_spaces(t, digits_end);
        if (pos == t.size()) return true;
        const std::size_t d2 = dash_length(t, pos);
        return d2 != 0 && skip_spaces(t, pos + d2) == t.size();
    }
    // `第 1 页`, `第1页 共8页`, `第1页/共8页`.
    const std::string_view before = vocabulary::page_word_before;
    const std::string_view after = vocabulary::page_word_after;
    if (!t.starts_with(before)) return false;
    std::size_t pos = skip_spaces(t, before.size());
    std::size_t end = skip_digits(t, pos);
    if (end == pos) return false;
    pos = skip_spaces(t, end);
    if (t.substr(pos, after.size()) != after) return false;
    pos = skip_spaces(t, pos + after.size());
    if (pos == t.size()) return true;
    if (t[pos] == '/' || t[pos] == ',') pos = skip_spaces(t, pos + 1);
    const std::string_view total = vocabulary::page_word_total;
    if (t.substr(pos, total.size()) != total) return false;
    pos = skip_spaces(t, pos + total.size());
    end = skip_digits(t, pos);
    if (end == pos) return false;
    pos = skip_spaces(t, end);
    if (t.substr(pos, after.size()) != after) return false;
    return skip_spaces(t, pos + after.size()) == t.size();
}

bool is_plain_number(std::string_view t) noexcept {
    if (t.empty() || t.size() > 64) return false;
    const char c = t.front();
    if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.')) return false;
    return decimal::parse(t).has_value();
}

}  // namespace jixiao::io::detail
