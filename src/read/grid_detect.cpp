// grid_detect.cpp — choosing a reader from the content, and the read_grid entry points.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <jixiao/detail/utf8.hpp>

#include "read/grid_internal.hpp"

namespace jixiao::io {
namespace {

namespace utf8 = jixiao::detail::utf8;

constexpr std::size_t detection_sample = 64u << 10;

/// True when `text` holds the tag `<name` (any case) followed by white space, '>' or '/'.
bool has_tag(std::string_view text, std::string_view name) noexcept {
    std::size_t i = 0;
    while ((i = text.find('<', i)) != std::string_view::npos) {
        ++i;
        std::size_t k = 0;
        while (k < name.size() && i + k < text.size() && detail::ascii_lower(text[i + k]) == name[k]) ++k;
        if (k == name.size() && i + k < text.size()) {
            const char next = text[i + k];
            if (next == '>' || next == '/' || next == ' ' || next == '\t' || next == '\n' || next == '\r') return true;
        }
    }
    return false;
}

/// A comma between a digit and exactly three digits (`215,457.60`, `1,234,567`): a thousands
/// separator of a number printed outside quotes, which says nothing about CSV.
bool is_thousands_separator(std::string_view s, std::size_t i) noexcept {
    const auto digit = [&](std::size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
    if (!(i > 0 && digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4))) return false;
    // the number it is in stands alone (a blank, a line start or another comma of the number
    // before it): `2023-01-01,100` is a date and a field, not a number
    std::size_t b = i;
    while (b > 0 && (digit(b - 1) || s[b - 1] == ',' || s[b - 1] == '.')) --b;
    return b == 0 || s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\n' || s[b - 1] == '\r' || s[b - 1] == '"';
}

bool is_pipe_row(std::string_view line) noexcept {
    std::size_t b = 0;
    std::size_t e = line.size();
    while (b < e && (line[b] == ' ' || line[b] == '\t')) ++b;
    while (e > b && (line[e - 1] == ' ' || line[e - 1] == '\t')) --e;
    return e - b >= 2 && line[b] == '|' && line[e - 1] == '|';
}

result<grid> read_text(std::string_view text, grid_format format, const read_options& options,
                       std::vector<std::string> notes, detail::row_sink* sink) {
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        return error{errc::invalid_utf8, nul, {},
                     "NUL byte at byte " + std::to_string(nul) + ": binary data, not text"};
    }
    result<grid> g = [&]() -> result<grid> {
        switch (format) {
        case grid_format::tsv: return detail::read_tsv(text, options, sink);
        case grid_format::pipe: return detail::read_pipe(text, options, sink);
        case grid_format::cell_per_line: return detail::read_cell_per_line(text, options, sink);
        case grid_format::csv: return detail::read_csv(text, options, sink);
        case grid_format::html: return detail::read_html(text, options);
        case grid_format::pdf:
        case grid_format::image: break;  // not text formats: read_binary_document
        case grid_format::xlsx:
        case grid_format::docx: break;  // read_office takes them, before the text is checked
        }
        return error{errc::unknown_format, 0, {}, "not a grid format"};
    }();
    if (!g) return g;
    notes.insert(notes.end(), std::make_move_iterator(g->notes.begin()), std::make_move_iterator(g->notes.end()));
    g->notes = std::move(notes);
    return g;
}

/// Checks the size of `bytes`; when they are not UTF-8 already (or carry a BOM) puts their
/// conversion in `converted` (nothing to convert or note otherwise).
std::optional<error> check_utf8(std::string_view bytes, const read_options& options,
                                std::vector<std::string>& notes, std::optional<std::string>& converted) {
    if (bytes.size() > options.max_bytes) {
        return error{errc::limit_exceeded, options.max_bytes, {},
                     "the input holds " + std::to_string(bytes.size()) + " bytes, more than the limit of " +
                         std::to_string(options.max_bytes) + " bytes"};
    }
    if (!utf8::has_bom(bytes) && detail::first_invalid_utf8(bytes) == std::string_view::npos) return std::nullopt;
    auto text = detail::to_utf8_noted(bytes, &notes);
    if (!text) return text.error();
    if (text->size() > options.max_bytes) {
        return error{errc::limit_exceeded, options.max_bytes, {},
                     "the input converted to UTF-8 holds " + std::to_string(text->size()) +
                         " bytes, more than the limit of " + std::to_string(options.max_bytes) + " bytes"};
    }
    converted = std::move(*text);
    return std::nullopt;
}

}  // namespace

std::optional<grid_format> detect_format(std::string_view text) noexcept {
    if (detail::is_pdf(text)) return grid_format::pdf;
    if (detail::is_image(text)) return grid_format::image;
    if (detail::sniff_container(text) == detail::container_kind::zip) {
        // Part names are stored as they are in the ZIP headers.
        if (text.find("xl/workbook.xml") != std::string_view::npos) return grid_format::xlsx;
        if (text.find("word/document.xml") != std::string_view::npos) return grid_format::docx;
        return std::nullopt;
    }
    if (utf8::has_bom(text)) text.remove_prefix(utf8::bom.size());
    const std::string_view sample = text.substr(0, detection_sample);

    std::size_t controls = 0;
    for (const char c : sample) {
        const auto b = static_cast<unsigned char>(c);
        if (b == 0) return std::nullopt;
        if (b < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
    }
    if (controls * 100 > sample.size()) return std::nullopt;  // more than 1 %: binary

    if (has_tag(sample, "table") || (has_tag(sample, "tr") && (has_tag(sample, "td") || has_tag(sample, "th")))) {
        return grid_format::html;
    }

    std::size_t non_blank = 0;
    std::size_t with_tab = 0;
    std::size_t pipe_rows = 0;
    std::size_t blank_between = 0;
    std::size_t pos = 0;
    while (pos < sample.size()) {
        const detail::line_span l = detail::next_line(sample, pos);
        const std::string_view line = sample.substr(l.begin, l.end - l.begin);
        pos = l.next;
        if (detail::is_blank(line) && line.find('\t') == std::string_view::npos) {
            if (non_blank > 0) ++blank_between;
            continue;
        }
        ++non_blank;
        if (line.find('\t') != std::string_view::npos) ++with_tab;
        if (is_pipe_row(line)) ++pipe_rows;
    }
    if (non_blank == 0) return std::nullopt;
    if (pipe_rows * 2 >= non_blank) return grid_format::pipe;
    if (with_tab * 2 >= non_blank) return grid_format::tsv;

    // CSV: records (quoted newlines do not end one) that hold the delimiter outside quotes.
    const char delimiter = detail::detect_csv_delimiter(sample);
    std::size_t records = 0;
    std::size_t with_delimiter = 0;
    std::map<std::size_t, std::size_t> field_counts;  // delimiters of a record -> records
    bool quoted = false;
    bool has_content = false;
    std::size_t delimiters = 0;
    for (std::size_t i = 0; i <= sample.size(); ++i) {
        const char c = i < sample.size() ? sample[i] : '\n';
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
            if (has_content) ++records;
            if (delimiters > 0) {
                ++with_delimiter;
                ++field_counts[delimiters];
            }
            has_content = false;
            delimiters = 0;
            continue;
        } else if (!quoted && c == delimiter && !(delimiter == ',' && is_thousands_separator(sample, i))) {
            ++delimiters;  // `215,457.60` in a PDF dump is a number, not two cells
        }
        if (c != ' ' && c != '\t') has_content = true;
    }
    // A table's records hold the same number of fields; commas in prose (a PDF dump of
    // `…计 2 分,没有不得分。`) come one or two to a line, in no pattern.
    std::size_t most = 0;
    for (const auto& [count, n] : field_counts) most = std::max(most, n);
    const bool regular = most * 10 >= with_delimiter * 6;
    // and a form has rows: one line with a comma (a PDF dump on one line) is no CSV
    // (a ragged export, quoted line breaks and all, still has the delimiter on nearly every line)
    if (records >= 2 && with_delimiter * 2 >= records && (regular || with_delimiter * 10 >= records * 8)) return grid_format::csv;

    if (blank_between > 0 && non_blank >= 2) return grid_format::cell_per_line;
    return std::nullopt;
}

namespace detail {

result<prepared_text> prepare_text(std::string_view bytes, std::optional<grid_format> format,
                                   const read_options& options) {
    prepared_text out;
    out.original = bytes;
    if (auto e = check_utf8(bytes, options, out.notes, out.converted)) return *e;
    if (format) {
        out.format = *format;
        return out;
    }
    const auto detected = detect_format(out.text());
    if (!detected) {
        return error{errc::unknown_format, 0, {},
                     "cannot tell the format of the text (empty, binary, or no table structure); "
                     "choose a reader explicitly"};
    }
    out.format = *detected;
    out.notes.push_back("format detected from the content: " + std::string(to_string(*detected)));
    return out;
}

result<grid> read_prepared(const prepared_text& text, const read_options& options, row_sink* sink) {
    return read_text(text.text(), text.format, options, text.notes, sink);
}

}  // namespace detail

result<grid> read_grid(std::string_view bytes, grid_format format, const read_options& options) {
    if (detail::is_binary_document(bytes, format)) return detail::read_binary_document(bytes, format, options);
    if (auto office = detail::read_office(bytes, format, options)) return std::move(*office);
    auto text = detail::prepare_text(bytes, format, options);
    if (!text) return text.error();
    return detail::read_prepared(*text, options);
}

result<grid> read_grid(std::string_view bytes, const read_options& options) {
    if (detail::is_binary_document(bytes, std::nullopt)) return detail::read_binary_document(bytes, std::nullopt, options);
    if (auto office = detail::read_office(bytes, std::nullopt, options)) return std::move(*office);
    auto text = detail::prepare_text(bytes, std::nullopt, options);
    if (!text) return text.error();
    return detail::read_prepared(*text, options);
}

}  // namespace jixiao::io
