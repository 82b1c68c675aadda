// grid_tsv.cpp — tab-separated text: one row per line, cells split on tabs.
#include <string>
#include <string_view>

#include "grid_internal.hpp"

namespace jixiao::io::detail {

result<grid> read_tsv(std::string_view text, const read_options& options) {
    grid_builder builder(grid_format::tsv, options);
    std::size_t pos = 0;
    std::size_t line = 1;
    while (pos < text.size()) {
        const line_span l = next_line(text, pos);
        builder.begin_row(line);
        const std::string_view content = text.substr(l.begin, l.end - l.begin);
        // An empty line, or one of spaces only, is a row without cells (a page break in PDF text).
        if (!is_blank(content) || content.find('\t') != std::string_view::npos) {
            std::size_t start = 0;
            std::size_t column = 1;
            for (;;) {
                const std::size_t tab = content.find('\t', start);
                const std::size_t end = tab == std::string_view::npos ? content.size() : tab;
                cell c;
                c.text.assign(content.substr(start, end - start));
                c.line = line;
                c.column = column;
                c.offset = l.begin + start;
                if (auto e = builder.add_cell(std::move(c))) return *e;
                if (tab == std::string_view::npos) break;
                start = tab + 1;
                ++column;
            }
        }
        pos = l.next;
        ++line;
    }
    return std::move(builder).take();
}

}  // namespace jixiao::io::detail
