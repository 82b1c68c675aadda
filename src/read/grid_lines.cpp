// grid_lines.cpp — one cell per line, rows separated by blank lines.
#include <string>
#include <string_view>

#include "read/grid_internal.hpp"

namespace jixiao::io::detail {

result<grid> read_cell_per_line(std::string_view text, const read_options& options, row_sink* sink) {
    grid_builder builder(grid_format::cell_per_line, options, sink);
    std::size_t pos = 0;
    std::size_t line = 1;
    bool in_row = false;
    while (pos < text.size()) {
        const line_span l = next_line(text, pos);
        const std::string_view content = text.substr(l.begin, l.end - l.begin);
        if (is_blank(content)) {
            in_row = false;  // a blank line (or several) ends the row
        } else {
            if (!in_row) {
                builder.begin_row(line);
                in_row = true;
            }
            cell c;
            c.text.assign(content);
            c.line = line;
            c.offset = l.begin;
            if (auto e = builder.add_cell(std::move(c))) return *e;
        }
        pos = l.next;
        ++line;
    }
    return std::move(builder).take();
}

}  // namespace jixiao::io::detail
