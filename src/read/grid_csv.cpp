// grid_csv.cpp — RFC 4180 comma-separated values (or semicolons when clearly used).
#include <string>
#include <string_view>

#include "read/grid_internal.hpp"

namespace jixiao::io::detail {
namespace {

constexpr bool is_newline(char c) noexcept { return c == '\n' || c == '\r'; }

/// Moves past one line terminator (\r\n, \n or \r) at `pos`, if any.
std::size_t skip_newline(std::string_view text, std::size_t pos) noexcept {
    if (pos < text.size() && text[pos] == '\r') {
        ++pos;
        if (pos < text.size() && text[pos] == '\n') ++pos;
    } else if (pos < text.size() && text[pos] == '\n') {
        ++pos;
    }
    return pos;
}

}  // namespace

char detect_csv_delimiter(std::string_view text) noexcept {
    constexpr std::size_t sample = 64u << 10;
    std::size_t commas = 0;
    std::size_t semicolons = 0;
    std::size_t lines = 0;
    std::size_t lines_with_semicolon = 0;
    bool quoted = false;
    bool line_has_content = false;
    bool line_has_semicolon = false;
    const std::size_t end = text.size() < sample ? text.size() : sample;
    const auto end_line = [&] {
        if (line_has_content) ++lines;
        if (line_has_semicolon) ++lines_with_semicolon;
        line_has_content = line_has_semicolon = false;
    };
    for (std::size_t i = 0; i < end; ++i) {
        const char c = text[i];
        if (c == '"') {
            quoted = !quoted;  // a doubled quote toggles twice: right for counting
        } else if (!quoted) {
            if (c == ',') ++commas;
            else if (c == ';') { ++semicolons; line_has_semicolon = true; }
            else if (is_newline(c)) { end_line(); continue; }
        }
        if (c != ' ' && c != '\t' && !is_newline(c)) line_has_content = true;
    }
    end_line();
    if (semicolons > commas && lines_with_semicolon * 2 >= lines) return ';';
    return ',';
}

result<grid> read_csv(std::string_view text, const read_options& options, row_sink* sink) {
    grid_builder builder(grid_format::csv, options, sink);
    const char delimiter = detect_csv_delimiter(text);
    if (delimiter == ';') builder.note("delimiter ';' (semicolons clearly used, commas not)");
    line_tracker lines(text);
    std::size_t stray_after_quote = 0;
    std::size_t pos = 0;
    const std::size_t size = text.size();
    while (pos < size) {
        const std::size_t record_line = lines.line_at(pos);
        builder.begin_row(record_line);
        if (is_newline(text[pos])) {  // an empty line: a row without cells
            pos = skip_newline(text, pos);
            continue;
        }
        std::size_t column = 1;
        for (;;) {
            cell c;
            c.offset = pos;
            c.line = lines.line_at(pos);
            c.column = column;
            if (pos < size && text[pos] == '"') {
                ++pos;
                for (;;) {
                    const std::size_t quote = text.find('"', pos);
                    if (quote == std::string_view::npos) {
                        c.text.append(text.substr(pos));
                        builder.note("a quoted field starting on line " + std::to_string(c.line) +
                                     " (byte " + std::to_string(c.offset) +
                                     ") is not closed: it runs to the end of the text");
                        pos = size;
                        break;
                    }
                    c.text.append(text.substr(pos, quote - pos));
                    if (quote + 1 < size && text[quote + 1] == '"') {
                        c.text += '"';
                        pos = quote + 2;
                        continue;
                    }
                    pos = quote + 1;
                    break;
                }
                // Text between the closing quote and the delimiter is kept (tolerant reading).
                const std::size_t stray = pos;
                while (pos < size && text[pos] != delimiter && !is_newline(text[pos])) ++pos;
                if (pos > stray) {
                    c.text.append(text.substr(stray, pos - stray));
                    ++stray_after_quote;
                }
            } else {
                const std::size_t start = pos;
                while (pos < size && text[pos] != delimiter && !is_newline(text[pos])) ++pos;
                c.text.assign(text.substr(start, pos - start));
            }
            if (auto e = builder.add_cell(std::move(c))) return *e;
            if (pos < size && text[pos] == delimiter) {
                ++pos;
                ++column;
                continue;
            }
            pos = skip_newline(text, pos);
            break;
        }
    }
    if (stray_after_quote > 0) {
        builder.note(std::to_string(stray_after_quote) +
                     " quoted field(s) had text after the closing quote; it was kept in the cell");
    }
    return std::move(builder).take();
}

}  // namespace jixiao::io::detail
