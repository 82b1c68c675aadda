// grid_pipe.cpp — pipe-delimited table text: `| a | b |` (markdown-like).
#include <string>
#include <string_view>
#include <optional>
#include <utility>

#include "read/grid_internal.hpp"

namespace jixiao::io::detail {
namespace {

struct segment {
    std::size_t begin = 0;  // offsets into the line content
    std::size_t end = 0;
};

constexpr bool is_pad(char c) noexcept { return c == ' ' || c == '\t'; }

/// The segment without its padding.
segment trim(std::string_view content, segment s) noexcept {
    while (s.begin < s.end && is_pad(content[s.begin])) ++s.begin;
    while (s.end > s.begin && is_pad(content[s.end - 1])) --s.end;
    return s;
}

/// True at a '|' that is not escaped as `\|`.
bool is_pipe_at(std::string_view content, std::size_t i) noexcept {
    return content[i] == '|' && (i == 0 || content[i - 1] != '\\');
}

/// Calls `fn(segment)` for each cell of the table line `content[begin, end)` (outer pipes removed).
template <class Fn>
void for_each_segment(std::string_view content, std::size_t begin, std::size_t end, Fn&& fn) {
    std::size_t start = begin;
    for (std::size_t i = begin; i <= end; ++i) {
        if (i == end || is_pipe_at(content, i)) {
            if (!fn(trim(content, {start, i}))) return;
            start = i + 1;
        }
    }
}

/// One cell of a delimiter row such as `|---|:--:|`: optional ':', dashes, optional ':'.
bool is_separator_cell(std::string_view content, segment s) noexcept {
    std::size_t i = s.begin;
    if (i < s.end && content[i] == ':') ++i;
    const std::size_t dashes = i;
    while (i < s.end && content[i] == '-') ++i;
    if (i == dashes) return false;
    if (i < s.end && content[i] == ':') ++i;
    return i == s.end;
}

/// The text of a segment with `\|` unescaped.
std::string unescape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '|') continue;
        out += text[i];
    }
    return out;
}

}  // namespace

result<grid> read_pipe(std::string_view text, const read_options& options, row_sink* sink) {
    grid_builder builder(grid_format::pipe, options, sink);
    std::size_t pos = 0;
    std::size_t line = 1;
    std::size_t separators = 0;
    for (; pos < text.size(); ++line) {
        const line_span l = next_line(text, pos);
        pos = l.next;
        const std::string_view content = text.substr(l.begin, l.end - l.begin);
        const segment whole = trim(content, {0, content.size()});
        bool has_pipe = false;
        for (std::size_t i = whole.begin; i < whole.end && !has_pipe; ++i) has_pipe = is_pipe_at(content, i);

        const auto add = [&](segment s) {
            cell c;
            c.text = unescape(content.substr(s.begin, s.end - s.begin));
            c.line = line;
            c.offset = l.begin + s.begin;
            std::optional<error> e = builder.add_cell(std::move(c));
            return e;
        };
        if (whole.begin == whole.end) {  // blank line: a row without cells
            builder.begin_row(line);
            continue;
        }
        if (!has_pipe) {  // a line of text outside the table: one cell
            builder.begin_row(line);
            if (auto e = add(whole)) return *e;
            continue;
        }
        std::size_t begin = whole.begin;
        std::size_t end = whole.end;
        if (content[begin] == '|') ++begin;                      // leading pipe
        if (end > begin && is_pipe_at(content, end - 1)) --end;  // trailing pipe
        builder.begin_row(line);
        if (begin == end) continue;  // a lone `|` or `||`: no cells
        bool separator = true;
        for_each_segment(content, begin, end, [&](segment s) {
            separator = is_separator_cell(content, s);
            return separator;
        });
        if (separator) {
            ++separators;
            builder.drop_row();
            continue;
        }
        std::optional<error> failure;
        for_each_segment(content, begin, end, [&](segment s) {
            failure = add(s);
            return !failure;
        });
        if (failure) return *failure;
    }
    if (separators > 0) {
        builder.note("skipped " + std::to_string(separators) + " separator row" +
                     (separators == 1 ? "" : "s") + " (|---|)");
    }
    return std::move(builder).take();
}

}  // namespace jixiao::io::detail
