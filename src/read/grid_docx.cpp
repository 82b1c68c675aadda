// grid_docx.cpp — Word documents (.docx, WordprocessingML): every table of the body in order,
// `gridSpan` / `vMerge` as spans with `from_span` copies (as the HTML reader), and the
// paragraphs outside tables as single-cell rows (the title above a form's table).
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "read/grid_internal.hpp"
#include "read/office_internal.hpp"

namespace jixiao::io::detail {

namespace {

constexpr std::size_t max_grid_span = 1000;  // as HTML's colspan

/// Elements whose content is not text of the document (deleted revisions, field codes,
/// properties, the fallback copy of alternate content).
bool skipped(std::string_view n) noexcept {
    return n == "del" || n == "moveFrom" || n == "delText" || n == "instrText" || n == "rPr" || n == "pPr" ||
           n == "tcPr" || n == "trPr" || n == "tblPr" || n == "tblGrid" || n == "sectPr" || n == "Fallback" ||
           n == "delInstrText" || n == "footnoteReference" || n == "endnoteReference" || n == "commentReference";
}

std::string trimmed(std::string s) {
    std::size_t b = 0;
    std::size_t e = s.size();
    auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    while (b < e && space(s[b])) ++b;
    while (e > b && space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

/// The text under `root`: `w:t`, `w:tab` (a tab), `w:br` / `w:cr` (a line break); paragraphs
/// inside it on their own lines; a table nested in it flattened (cells separated by a space,
/// rows by a line break). Iterative, with bounded depth.
struct text_collector {
    std::size_t nested_tables = 0;
    bool too_deep = false;

    std::string collect(const pugi::xml_node& root) {
        std::string out;
        bool pending_newline = false;
        bool pending_space = false;
        bool cell_start = false;  // a nested cell began and holds no text yet
        auto content = [&](std::string_view t) {
            if (t.empty()) return;
            cell_start = false;
            if (!out.empty()) {
                if (pending_newline) out += '\n';
                else if (pending_space) out += ' ';
            }
            pending_newline = pending_space = false;
            out.append(t);
        };
        struct frame {
            pugi::xml_node node;
            std::size_t depth;
        };
        std::vector<frame> stack;
        for (pugi::xml_node c = root.last_child(); c; c = c.previous_sibling()) stack.push_back({c, 1});
        while (!stack.empty()) {
            const frame f = stack.back();
            stack.pop_back();
            if (f.node.type() != pugi::node_element) continue;
            const std::string_view n = local_name(f.node);
            if (skipped(n)) continue;
            if (n == "t") {
                content(f.node.child_value());
                continue;
            }
            if (n == "tab" || n == "ptab") {
                content("\t");
                continue;
            }
            if (n == "br" || n == "cr") {
                if (!out.empty()) out += '\n';
                pending_newline = pending_space = false;
                continue;
            }
            if (n == "noBreakHyphen") {
                content("-");
                continue;
            }
            if (n == "p") {
                pending_newline = pending_newline || !cell_start;  // a cell's first paragraph follows the separator
            } else if (n == "tr") {
                pending_newline = true;
            } else if (n == "tc") {
                pending_space = pending_space || !pending_newline;
                cell_start = true;
            }
            if (n == "tbl") {
                ++nested_tables;
                pending_newline = true;
            }
            if (f.depth >= max_xml_depth) {
                too_deep = true;
                continue;
            }
            for (pugi::xml_node c = f.node.last_child(); c; c = c.previous_sibling()) {
                if (c.type() == pugi::node_element) stack.push_back({c, f.depth + 1});
            }
        }
        return out;
    }
};

/// The block-level children of `node`, with content controls (`w:sdt` -> `w:sdtContent`) and
/// custom XML wrappers opened (iteratively, bounded).
std::vector<pugi::xml_node> blocks(const pugi::xml_node& node) {
    std::vector<pugi::xml_node> out;
    struct frame {
        pugi::xml_node node;
        std::size_t depth;
    };
    std::vector<frame> stack;
    for (pugi::xml_node c = node.last_child(); c; c = c.previous_sibling()) stack.push_back({c, 0});
    while (!stack.empty()) {
        const frame f = stack.back();
        stack.pop_back();
        if (f.node.type() != pugi::node_element) continue;
        const std::string_view n = local_name(f.node);
        if (n == "sdt" || n == "customXml" || n == "sdtContent" || n == "smartTag") {
            if (f.depth >= max_xml_depth) continue;
            const pugi::xml_node inner = n == "sdt" ? child_named(f.node, "sdtContent") : f.node;
            if (!inner) continue;
            for (pugi::xml_node c = inner.last_child(); c; c = c.previous_sibling()) {
                if (c.type() == pugi::node_element) stack.push_back({c, f.depth + 1});
            }
            continue;
        }
        out.push_back(f.node);
    }
    return out;
}

std::size_t attribute_count(const pugi::xml_node& node, std::size_t max, std::size_t fallback) {
    const std::string_view v = attribute_named(node, "val").value();
    if (v.empty() || v.size() > 7) return fallback;
    std::size_t n = 0;
    for (const char c : v) {
        if (c < '0' || c > '9') return fallback;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return std::clamp<std::size_t>(n, 1, max);
}

enum class vmerge { none, restart, next };

struct table_cell {
    std::size_t column = 0;  // 0-based grid column
    std::size_t span = 1;
    vmerge merge = vmerge::none;
    std::string text;
    std::size_t offset = 0;
};

class docx_reader {
public:
    docx_reader(zip_archive& archive, const read_options& options)
        : archive_(archive), builder_(grid_format::docx, options) {}

    result<grid> run() {
        constexpr std::string_view part = "word/document.xml";
        auto doc = parse_xml_part(archive_, part);
        if (!doc) return doc.error();
        const pugi::xml_node body = child_named(child_named(**doc, "document"), "body");
        if (!body) return error{errc::corrupt_file, 0, {}, "the docx part word/document.xml has no <w:document><w:body>"};
        std::size_t tables = 0;
        for (const pugi::xml_node& b : blocks(body)) {
            const std::string_view n = local_name(b);
            if (n == "p") {
                std::string t = trimmed(text_.collect(b));
                if (t.empty()) continue;
                ++line_;
                builder_.begin_row(line_);
                cell c;
                c.text = std::move(t);
                c.line = line_;
                c.column = 1;
                c.offset = offset_of(b);
                if (auto e = builder_.add_cell(std::move(c))) return *e;
            } else if (n == "tbl") {
                ++tables;
                if (auto e = read_table(b)) return *e;
            }
        }
        builder_.note("read " + std::to_string(tables) + " table(s) of word/document.xml; a cell's line is its row's " +
                      "position in the document (paragraphs and table rows), its column the table grid column");
        if (text_.nested_tables > 0) {
            builder_.note(std::to_string(text_.nested_tables) +
                          " table(s) nested inside a cell were flattened into the cell text");
        }
        if (text_.too_deep) builder_.note("elements nested deeper than " + std::to_string(max_xml_depth) + " levels were not read");
        return std::move(builder_).take();
    }

private:
    static std::size_t offset_of(const pugi::xml_node& n) {
        const auto o = n.offset_debug();
        return o < 0 ? 0 : static_cast<std::size_t>(o);
    }

    std::optional<error> read_table(const pugi::xml_node& tbl) {
        std::vector<std::vector<table_cell>> rows;
        std::vector<std::size_t> lines;
        for (const pugi::xml_node& tr : blocks(tbl)) {
            if (local_name(tr) != "tr") continue;
            std::vector<table_cell> cells;
            std::size_t column = attribute_count(child_named(child_named(tr, "trPr"), "gridBefore"), max_grid_span, 0);
            for (const pugi::xml_node& tc : blocks(tr)) {
                if (local_name(tc) != "tc") continue;
                const pugi::xml_node pr = child_named(tc, "tcPr");
                table_cell c;
                c.column = column;
                c.span = attribute_count(child_named(pr, "gridSpan"), max_grid_span, 1);
                if (const pugi::xml_node vm = child_named(pr, "vMerge")) {
                    c.merge = std::string_view(attribute_named(vm, "val").value()) == "restart" ? vmerge::restart : vmerge::next;
                }
                // Paragraphs of the cell on their own lines (the HTML reader's <p> / <br>).
                c.text = trimmed(text_.collect(tc));
                c.offset = offset_of(tc);
                column += c.span;
                cells.push_back(std::move(c));
            }
            rows.push_back(std::move(cells));
            lines.push_back(++line_);
        }
        // Vertical merges: a `restart` cell spans the rows below that continue it in its column.
        struct origin {
            std::size_t row = 0;
            std::size_t index = 0;
        };
        std::vector<std::vector<std::size_t>> row_span(rows.size());
        std::vector<std::vector<std::optional<origin>>> source(rows.size());
        for (std::size_t r = 0; r < rows.size(); ++r) {
            row_span[r].assign(rows[r].size(), 1);
            source[r].assign(rows[r].size(), std::nullopt);
        }
        for (std::size_t r = 0; r < rows.size(); ++r) {
            for (std::size_t i = 0; i < rows[r].size(); ++i) {
                if (rows[r][i].merge != vmerge::next || r == 0) continue;
                // The cell above in the same grid column: a restart or a continuation of one.
                const std::size_t col = rows[r][i].column;
                const auto& above = rows[r - 1];
                // Cells of a row have increasing columns: a binary search, not a scan.
                const auto it = std::lower_bound(above.begin(), above.end(), col,
                                                 [](const table_cell& a, std::size_t c) { return a.column < c; });
                if (it == above.end() || it->column != col || it->merge == vmerge::none) continue;
                const auto k = static_cast<std::size_t>(it - above.begin());
                const origin o = source[r - 1][k] ? *source[r - 1][k] : origin{r - 1, k};
                if (rows[o.row][o.index].merge != vmerge::restart) continue;
                source[r][i] = o;
                ++row_span[o.row][o.index];
            }
        }
        for (std::size_t r = 0; r < rows.size(); ++r) {
            builder_.begin_row(lines[r]);
            std::size_t next = 0;
            for (std::size_t i = 0; i < rows[r].size(); ++i) {
                const table_cell& c = rows[r][i];
                for (; next < c.column; ++next) {  // gridBefore: empty cells keep the columns
                    if (auto e = builder_.add_cell(std::string_view(), lines[r], next + 1, c.offset)) return e;
                }
                const bool copy = source[r][i].has_value();
                const table_cell& from = copy ? rows[source[r][i]->row][source[r][i]->index] : c;
                for (std::size_t k = 0; k < c.span; ++k) {
                    cell out;
                    out.text = from.text;
                    out.line = copy ? lines[source[r][i]->row] : lines[r];
                    out.offset = from.offset;
                    out.column = c.column + k + 1;
                    if (!copy && k == 0) {
                        out.row_span = row_span[r][i];
                        out.col_span = c.span;
                    } else {
                        out.from_span = true;
                    }
                    if (auto e = builder_.add_cell(std::move(out))) return e;
                }
                next = c.column + c.span;
            }
        }
        return std::nullopt;
    }

    zip_archive& archive_;
    grid_builder builder_;
    text_collector text_;
    std::size_t line_ = 0;
};

}  // namespace

result<grid> read_docx(zip_archive& archive, const read_options& options) {
    return docx_reader(archive, options).run();
}

}  // namespace jixiao::io::detail
