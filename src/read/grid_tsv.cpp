// grid_tsv.cpp — tab-separated text: one row per line, cells split on tabs.
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "read/grid_internal.hpp"

namespace jixiao::io::detail {

namespace {

/// Finds the next occurrence of one byte with memchr and remembers it, so that a search is
/// repeated only once the reading position has passed the last hit (every byte of the text
/// is scanned at most once per searched byte, whatever the line endings).
class next_byte {
public:
    next_byte(std::string_view text, char byte) : text_(text), byte_(byte) {}

    /// Offset of the first `byte` at or after `pos`, or text.size().
    [[nodiscard]] std::size_t at_or_after(std::size_t pos) {
        if (found_ < pos || !valid_) {
            const void* hit = pos < text_.size() ? std::memchr(text_.data() + pos, byte_, text_.size() - pos) : nullptr;
            found_ = hit != nullptr ? static_cast<std::size_t>(static_cast<const char*>(hit) - text_.data()) : text_.size();
            valid_ = true;
        }
        return found_;
    }

private:
    std::string_view text_;
    char byte_;
    std::size_t found_ = 0;
    bool valid_ = false;
};

}  // namespace

result<grid> read_tsv(std::string_view text, const read_options& options, row_sink* sink) {
    grid_builder builder(grid_format::tsv, options, sink);
    if (!builder.streaming()) {
        // One row per line: count the line feeds once (a hint only; `\r` alone also ends a line).
        next_byte line_feeds(text, '\n');
        std::size_t lines = 1;
        for (std::size_t p = line_feeds.at_or_after(0); p < text.size(); p = line_feeds.at_or_after(p + 1)) ++lines;
        builder.reserve_rows(lines);
    }
    next_byte newline(text, '\n');
    next_byte carriage_return(text, '\r');
    std::vector<std::size_t> tabs;  // tab offsets of the current line
    std::size_t pos = 0;
    std::size_t line = 1;
    while (pos < text.size()) {
        // The line [pos, end): up to the first \n or \r (as next_line).
        const std::size_t end = std::min(newline.at_or_after(pos), carriage_return.at_or_after(pos));
        std::size_t next = end;
        if (next < text.size()) {
            if (text[next] == '\r' && next + 1 < text.size() && text[next + 1] == '\n') next += 2;
            else next += 1;
        }
        builder.begin_row(line);
        const std::string_view content = text.substr(pos, end - pos);
        tabs.clear();
        for (std::size_t from = 0; from < content.size();) {
            const void* tab = std::memchr(content.data() + from, '\t', content.size() - from);
            if (tab == nullptr) break;
            const auto at = static_cast<std::size_t>(static_cast<const char*>(tab) - content.data());
            tabs.push_back(at);
            from = at + 1;
        }
        // An empty line, or one of spaces only, is a row without cells (a page break in PDF text).
        if (!tabs.empty() || !is_blank(content)) {
            builder.reserve_cells(tabs.size() + 1);
            std::size_t start = 0;
            for (std::size_t k = 0; k <= tabs.size(); ++k) {
                const std::size_t cell_end = k < tabs.size() ? tabs[k] : content.size();
                if (auto e = builder.add_cell(content.substr(start, cell_end - start), line, k + 1, pos + start)) return *e;
                start = cell_end + 1;
            }
        }
        pos = next;
        ++line;
    }
    return std::move(builder).take();
}

}  // namespace jixiao::io::detail
