// page_layout.cpp — page geometry to rows of cells (see page_layout.hpp and docs/readers.md).
#include "read/page_layout.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

namespace jixiao::io::layout {
namespace {

using i32 = std::int32_t;
using i64 = std::int64_t;

i32 mid(i32 a, i32 b) noexcept { return static_cast<i32>((static_cast<i64>(a) + b) / 2); }
i32 centre_x(const io::box& b) noexcept { return mid(b.x0, b.x1); }
i32 centre_y(const io::box& b) noexcept { return mid(b.y0, b.y1); }
i32 per_mille(i32 value, i32 permille) noexcept { return static_cast<i32>(static_cast<i64>(value) * permille / 1000); }

/// Sorted cluster representatives of `keys`: keys closer than `snap` to the previous one join it
/// (the representative is the first key of the cluster).
std::vector<i32> clusters(std::vector<i32> keys, i32 snap) {
    std::sort(keys.begin(), keys.end());
    std::vector<i32> out;
    for (const i32 k : keys) {
        if (out.empty() || k - out.back() > snap) out.push_back(k);
    }
    return out;
}

/// Index of the cluster nearest `key` (precondition: `reps` not empty).
std::size_t nearest(const std::vector<i32>& reps, i32 key) noexcept {
    const auto it = std::lower_bound(reps.begin(), reps.end(), key);
    if (it == reps.begin()) return 0;
    if (it == reps.end()) return reps.size() - 1;
    const auto i = static_cast<std::size_t>(it - reps.begin());
    return (static_cast<i64>(*it) - key) < (static_cast<i64>(key) - reps[i - 1]) ? i : i - 1;
}

/// Segments on (nearly) the same line that touch or overlap, merged into one; `horizontal`:
/// the key is y and the extent x (else the key is x and the extent y).
std::vector<segment> merge_segments(const std::vector<segment>& in, bool horizontal, i32 snap) {
    if (in.empty()) return {};
    auto key = [&](const segment& s) { return horizontal ? s.y0 : s.x0; };
    auto lo = [&](const segment& s) { return horizontal ? s.x0 : s.y0; };
    auto hi = [&](const segment& s) { return horizontal ? s.x1 : s.y1; };
    std::vector<i32> keys;
    keys.reserve(in.size());
    for (const segment& s : in) keys.push_back(key(s));
    const std::vector<i32> reps = clusters(std::move(keys), snap);
    // (cluster, lo, hi)
    std::vector<std::pair<std::size_t, std::pair<i32, i32>>> items;
    items.reserve(in.size());
    for (const segment& s : in) items.push_back({nearest(reps, key(s)), {lo(s), hi(s)}});
    std::sort(items.begin(), items.end());
    std::vector<segment> out;
    std::size_t current = reps.size();
    i32 a = 0;
    i32 b = 0;
    auto flush = [&] {
        if (current == reps.size()) return;
        const i32 k = reps[current];
        out.push_back(horizontal ? segment{a, k, b, k} : segment{k, a, k, b});
    };
    for (const auto& [cluster, range] : items) {
        if (cluster == current && range.first <= b + snap) {
            b = std::max(b, range.second);
            continue;
        }
        flush();
        current = cluster;
        a = range.first;
        b = range.second;
    }
    flush();
    return out;
}

/// Union-find over segment indices.
struct disjoint_sets {
    std::vector<std::size_t> parent;
    explicit disjoint_sets(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), std::size_t{0}); }
    std::size_t find(std::size_t i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
    void unite(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

/// Length of the overlap of [a0, a1] and [b0, b1] (0 when they do not overlap).
i32 overlap(i32 a0, i32 a1, i32 b0, i32 b1) noexcept { return std::max(0, std::min(a1, b1) - std::max(a0, b0)); }

/// A table found from ruling lines: its grid lines and, per elementary region, the cell that owns it.
struct table {
    std::vector<i32> xs;  ///< column boundaries, sorted
    std::vector<i32> ys;  ///< row boundaries, sorted
    struct region {
        std::size_t row = 0, column = 0, row_span = 1, col_span = 1;
        bool enclosed = false;
        std::vector<const word*> words;
    };
    std::vector<region> cells;
    bool open_above = false;  ///< the top boundary is the start of vertical lines, not a line
    bool open_below = false;  ///< the bottom boundary is the end of vertical lines, not a line
    std::vector<std::size_t> owner;  ///< (ys.size() - 1) x (xs.size() - 1) indices into cells
    [[nodiscard]] std::size_t columns() const noexcept { return xs.size() - 1; }
    [[nodiscard]] std::size_t rows() const noexcept { return ys.size() - 1; }
    [[nodiscard]] bool contains(i32 x, i32 y) const noexcept {
        return x >= xs.front() && x <= xs.back() && y >= ys.front() && y <= ys.back();
    }
    /// The cell at point (x, y) inside the table.
    [[nodiscard]] region& at(i32 x, i32 y) {
        auto index = [](const std::vector<i32>& v, i32 p) {
            auto i = static_cast<std::size_t>(std::upper_bound(v.begin(), v.end(), p) - v.begin());
            if (i == 0) i = 1;
            if (i >= v.size()) i = v.size() - 1;
            return i - 1;
        };
        return cells[owner[index(ys, y) * columns() + index(xs, x)]];
    }
};

/// Builds the table of one connected set of segments (nullopt-like: empty xs when it is not a table).
table make_table(const std::vector<const segment*>& hs, const std::vector<const segment*>& vs, i32 snap) {
    table t;
    // Boundaries: the lines' positions, plus the ends of the lines across them where those reach
    // beyond (a row cut by a page break has no bottom line; its verticals run on).
    std::vector<i32> keys;
    i32 left = vs.front()->x0, right = vs.front()->x0;
    for (const segment* s : vs) {
        left = std::min(left, s->x0);
        right = std::max(right, s->x0);
    }
    keys.clear();
    for (const segment* s : vs) keys.push_back(s->x0);
    for (const segment* s : hs) {
        if (s->x0 < left - snap) keys.push_back(s->x0);
        if (s->x1 > right + snap) keys.push_back(s->x1);
    }
    t.xs = clusters(std::move(keys), snap);
    keys.clear();
    i32 top = hs.front()->y0, bottom = hs.front()->y0;
    for (const segment* s : hs) {
        top = std::min(top, s->y0);
        bottom = std::max(bottom, s->y0);
    }
    for (const segment* s : hs) keys.push_back(s->y0);
    for (const segment* s : vs) {
        if (s->y0 < top - snap) {
            keys.push_back(s->y0);
            t.open_above = true;
        }
        if (s->y1 > bottom + snap) {
            keys.push_back(s->y1);
            t.open_below = true;
        }
    }
    t.ys = clusters(std::move(keys), snap);
    if (t.xs.size() < 2 || t.ys.size() < 2) {
        t.xs.clear();
        return t;
    }
    const std::size_t nc = t.columns();
    const std::size_t nr = t.rows();
    // vertical[k * nr + r]: a line on column boundary k along row r; horizontal[k * nc + c] likewise.
    std::vector<char> vertical(t.xs.size() * nr, 0);
    std::vector<char> horizontal(t.ys.size() * nc, 0);
    for (const segment* s : vs) {
        const std::size_t k = nearest(t.xs, s->x0);
        for (std::size_t r = 0; r < nr; ++r) {
            const i32 span = t.ys[r + 1] - t.ys[r];
            if (overlap(s->y0, s->y1, t.ys[r], t.ys[r + 1]) * 2 >= span) vertical[k * nr + r] = 1;
        }
    }
    for (const segment* s : hs) {
        const std::size_t k = nearest(t.ys, s->y0);
        for (std::size_t c = 0; c < nc; ++c) {
            const i32 span = t.xs[c + 1] - t.xs[c];
            if (overlap(s->x0, s->x1, t.xs[c], t.xs[c + 1]) * 2 >= span) horizontal[k * nc + c] = 1;
        }
    }
    const std::size_t none = static_cast<std::size_t>(-1);
    t.owner.assign(nr * nc, none);
    for (std::size_t r = 0; r < nr; ++r) {
        for (std::size_t c = 0; c < nc; ++c) {
            if (t.owner[r * nc + c] != none) continue;
            std::size_t cs = 1;
            while (c + cs < nc && vertical[(c + cs) * nr + r] == 0 && t.owner[r * nc + c + cs] == none) ++cs;
            std::size_t rs = 1;
            for (;;) {
                if (r + rs >= nr) break;
                bool open = true;
                for (std::size_t k = c; k < c + cs && open; ++k) {
                    open = horizontal[(r + rs) * nc + k] == 0 && t.owner[(r + rs) * nc + k] == none;
                }
                if (!open) break;
                ++rs;
            }
            table::region reg;
            reg.row = r;
            reg.column = c;
            reg.row_span = rs;
            reg.col_span = cs;
            reg.enclosed = vertical[c * nr + r] != 0 && vertical[(c + cs) * nr + r] != 0 &&
                           horizontal[r * nc + c] != 0 && horizontal[(r + rs) * nc + c] != 0;
            const std::size_t id = t.cells.size();
            t.cells.push_back(std::move(reg));
            for (std::size_t rr = r; rr < r + rs; ++rr)
                for (std::size_t cc = c; cc < c + cs; ++cc) t.owner[rr * nc + cc] = id;
        }
    }
    return t;
}

/// The words grouped into text lines (word centres within `same_line` of the line's first word),
/// top to bottom, each line left to right.
std::vector<std::vector<const word*>> text_lines(std::vector<const word*> words, i32 same_line_permille) {
    std::sort(words.begin(), words.end(), [](const word* a, const word* b) {
        const i32 ya = centre_y(a->bounds);
        const i32 yb = centre_y(b->bounds);
        return ya != yb ? ya < yb : a->bounds.x0 < b->bounds.x0;
    });
    std::vector<std::vector<const word*>> lines;
    i32 reference = 0;
    i32 reference_size = 0;
    for (const word* w : words) {
        const i32 y = centre_y(w->bounds);
        const i32 tolerance = per_mille(std::max(reference_size, w->font_size), same_line_permille);
        if (!lines.empty() && y - reference <= tolerance) {
            lines.back().push_back(w);
            continue;
        }
        lines.emplace_back().push_back(w);
        reference = y;
        reference_size = w->font_size;
    }
    for (auto& line : lines) {
        std::stable_sort(line.begin(), line.end(), [](const word* a, const word* b) { return a->bounds.x0 < b->bounds.x0; });
    }
    return lines;
}

/// The words of one line (left to right) as text: a space where the gap is wider than 0.12 em.
std::string line_text(const std::vector<const word*>& line, std::size_t first, std::size_t last) {
    std::string out;
    for (std::size_t i = first; i < last; ++i) {
        const word* w = line[i];
        if (i > first) {
            const word* p = line[i - 1];
            if (w->bounds.x0 - p->bounds.x1 > per_mille(std::max(p->font_size, w->font_size), 120)) out += ' ';
        }
        out += w->text;
    }
    return out;
}

/// The lowest OCR confidence of words [first, last) of a line, or -1 when none was read by OCR.
std::int16_t lowest_confidence(const std::vector<const word*>& line, std::size_t first, std::size_t last) {
    std::int16_t out = -1;
    for (std::size_t i = first; i < last; ++i) {
        const std::int16_t c = line[i]->confidence;
        if (c >= 0 && (out < 0 || c < out)) out = c;
    }
    return out;
}

io::box bounds_of(const std::vector<const word*>& line, std::size_t first, std::size_t last) {
    io::box b = line[first]->bounds;
    for (std::size_t i = first + 1; i < last; ++i) {
        b.x0 = std::min(b.x0, line[i]->bounds.x0);
        b.y0 = std::min(b.y0, line[i]->bounds.y0);
        b.x1 = std::max(b.x1, line[i]->bounds.x1);
        b.y1 = std::max(b.y1, line[i]->bounds.y1);
    }
    return b;
}

}  // namespace

void append_wrapped_line(std::string& text, const std::string& line) {
    if (line.empty()) return;
    if (!text.empty()) {
        const auto last = static_cast<unsigned char>(text.back());
        const auto first = static_cast<unsigned char>(line.front());
        // A space between two ASCII characters (a Latin text wrapped at the space between two
        // words), except inside a number: a figure or a percentage too wide for a narrow cell is
        // broken where the cell ends, not at a space (`1,675,799.5` + `8`, `100.00` + `%`).
        const auto in_number = [](unsigned char ch) {
            return std::isdigit(ch) != 0 || ch == '.' || ch == ',' || ch == '%';
        };
        if (last < 0x80 && first < 0x80 && last != ' ' && first != ' ' && !(in_number(last) && in_number(first))) {
            text += ' ';
        }
    }
    text += line;
}

void turn_upright(page_input& page, int rotation, std::int32_t width) {
    if (rotation != 1 && rotation != 2 && rotation != 3) return;
    const std::int32_t height = page.height;
    // The upright position of a point of the page as shown.
    const auto map = [&](std::int32_t x, std::int32_t y) -> std::pair<std::int32_t, std::int32_t> {
        switch (rotation) {
        case 1: return {y, width - x};   // text read top to bottom: turn a quarter to the left
        case 2: return {width - x, height - y};
        default: return {height - y, x};  // 3, text read bottom to top: turn a quarter to the right
        }
    };
    const auto map_box = [&](io::box& b) {
        const auto [ax, ay] = map(b.x0, b.y0);
        const auto [bx, by] = map(b.x1, b.y1);
        b = io::box{std::min(ax, bx), std::min(ay, by), std::max(ax, bx), std::max(ay, by)};
    };
    for (word& w : page.words) map_box(w.bounds);
    std::vector<segment> horizontals;
    std::vector<segment> verticals;
    for (const auto* from : {&page.horizontals, &page.verticals}) {
        for (const segment& s : *from) {
            io::box b{s.x0, s.y0, s.x1, s.y1};
            map_box(b);
            (b.y0 == b.y1 ? horizontals : verticals).push_back(segment{b.x0, b.y0, b.x1, b.y1});
        }
    }
    page.horizontals = std::move(horizontals);
    page.verticals = std::move(verticals);
    if (rotation != 2) page.height = width;
}

namespace {

/// The tables the ruling lines of a page make: sets of horizontal and vertical lines that
/// touch, at least two of each; sorted by their top.
std::vector<table> find_tables(const page_input& page, const layout_options& options) {
    const i32 snap = options.snap;
    const std::vector<segment> hs = merge_segments(page.horizontals, true, snap);
    const std::vector<segment> vs = merge_segments(page.verticals, false, snap);
    disjoint_sets sets(hs.size() + vs.size());
    for (std::size_t i = 0; i < hs.size(); ++i) {
        for (std::size_t j = 0; j < vs.size(); ++j) {
            const segment& h = hs[i];
            const segment& v = vs[j];
            if (v.x0 >= h.x0 - snap && v.x0 <= h.x1 + snap && h.y0 >= v.y0 - snap && h.y0 <= v.y1 + snap) {
                sets.unite(i, hs.size() + j);
            }
        }
    }
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < hs.size() + vs.size(); ++i) roots.push_back(sets.find(i));
    std::vector<std::size_t> distinct = roots;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    std::vector<table> tables;
    for (const std::size_t root : distinct) {
        std::vector<const segment*> th;
        std::vector<const segment*> tv;
        for (std::size_t i = 0; i < hs.size(); ++i)
            if (roots[i] == root) th.push_back(&hs[i]);
        for (std::size_t j = 0; j < vs.size(); ++j)
            if (roots[hs.size() + j] == root) tv.push_back(&vs[j]);
        if (th.size() < 2 || tv.size() < 2) continue;
        table t = make_table(th, tv, options.boundary_snap);
        if (!t.xs.empty()) tables.push_back(std::move(t));
    }
    std::sort(tables.begin(), tables.end(), [](const table& a, const table& b) { return a.ys.front() < b.ys.front(); });
    return tables;
}

}  // namespace

std::vector<io::box> cell_regions(const page_input& page, const layout_options& options) {
    std::vector<io::box> out;
    for (const table& t : find_tables(page, options)) {
        for (const table::region& reg : t.cells) {
            out.push_back(io::box{t.xs[reg.column], t.ys[reg.row], t.xs[reg.column + reg.col_span], t.ys[reg.row + reg.row_span]});
        }
    }
    return out;
}

std::vector<io::box> table_bounds(const page_input& page, const layout_options& options) {
    std::vector<io::box> out;
    for (const table& t : find_tables(page, options)) out.push_back(io::box{t.xs.front(), t.ys.front(), t.xs.back(), t.ys.back()});
    return out;
}

page_layout lay_out(page_input page, const layout_options& options) {
    page_layout out;
    out.words = page.words.size();
    std::vector<table> tables = find_tables(page, options);

    // Words into table cells, or outside.
    std::vector<const word*> outside;
    for (const word& w : page.words) {
        const i32 x = centre_x(w.bounds);
        const i32 y = centre_y(w.bounds);
        bool placed = false;
        for (table& t : tables) {
            if (!t.contains(x, y)) continue;
            t.at(x, y).words.push_back(&w);
            placed = true;
            ++out.words_in_tables;
            break;
        }
        if (!placed) {
            // A word across a table's top or bottom line, inside its columns: the text of a
            // merged cell cut by the page's print area (a spreadsheet prints a merged label
            // centred over rows on two pages, half of it on each): it belongs to the cell inside.
            // The line must cut the word through its middle half (a line just under or over a
            // word is its cell's border or the paragraph's spacing, not a cut).
            const i32 quarter = (w.bounds.y1 - w.bounds.y0) / 4;
            const auto cuts = [&](i32 edge) { return w.bounds.y0 + quarter < edge && w.bounds.y1 - quarter > edge; };
            for (table& t : tables) {
                if (x < t.xs.front() || x > t.xs.back()) continue;
                const i32 top = t.ys.front();
                const i32 bottom = t.ys.back();
                if (cuts(top)) {
                    t.at(x, top + 1).words.push_back(&w);
                } else if (cuts(bottom)) {
                    t.at(x, bottom - 1).words.push_back(&w);
                } else {
                    continue;
                }
                placed = true;
                ++out.words_in_tables;
                break;
            }
        }
        if (!placed) outside.push_back(&w);
    }

    // Items in reading order: whole tables and the text lines outside them, by their top.
    struct item {
        i32 top;
        std::size_t table;  ///< index + 1, or 0 for a text line
        std::size_t line;
    };
    std::vector<item> items;
    for (std::size_t i = 0; i < tables.size(); ++i) items.push_back({tables[i].ys.front(), i + 1, 0});
    const auto lines = text_lines(std::move(outside), options.same_line_permille);
    for (std::size_t i = 0; i < lines.size(); ++i) items.push_back({centre_y(bounds_of(lines[i], 0, lines[i].size())), 0, i});
    std::stable_sort(items.begin(), items.end(), [](const item& a, const item& b) { return a.top < b.top; });

    for (const item& it : items) {
        if (it.table == 0) {
            // Text outside tables: cells split at wide gaps.
            const auto& line = lines[it.line];
            layout_row r;
            std::size_t first = 0;
            for (std::size_t i = 1; i <= line.size(); ++i) {
                const bool split =
                    i == line.size() ||
                    line[i]->bounds.x0 - line[i - 1]->bounds.x1 >
                        per_mille(std::max(line[i]->font_size, line[i - 1]->font_size), options.column_gap_permille);
                if (!split) continue;
                layout_cell c;
                c.text = line_text(line, first, i);
                c.bounds = bounds_of(line, first, i);
                c.confidence = lowest_confidence(line, first, i);
                r.cells.push_back(std::move(c));  // its column: below, from the left edges on the page
                first = i;
            }
            ++out.text_rows;
            if (r.cells.size() > 1) ++out.aligned_rows;
            out.rows.push_back(std::move(r));
            continue;
        }
        table& t = tables[it.table - 1];
        if (std::all_of(t.cells.begin(), t.cells.end(), [](const table::region& reg) { return reg.words.empty(); })) {
            continue;  // lines around no text: a frame or a drawing, not a table
        }
        ++out.tables;
        // The text of each cell: its lines joined.
        std::vector<std::string> texts(t.cells.size());
        std::vector<char> keep(t.cells.size(), 0);
        std::vector<char> runs_on(t.cells.size(), 0);
        std::vector<std::int16_t> confidence(t.cells.size(), -1);
        for (std::size_t k = 0; k < t.cells.size(); ++k) {
            const auto& reg = t.cells[k];
            const auto cell_lines = text_lines(reg.words, options.same_line_permille);
            for (const auto& line : cell_lines) append_wrapped_line(texts[k], line_text(line, 0, line.size()));
            if (!cell_lines.empty()) {
                // The last line reaches the cell's right line (within 1.5 em: the cell's padding
                // and a character that did not fit).
                const auto& last = cell_lines.back();
                const i32 right = t.xs[reg.column + reg.col_span];
                runs_on[k] = bounds_of(last, 0, last.size()).x1 + per_mille(last.back()->font_size, 1500) >= right ? 1 : 0;
            }
            confidence[k] = lowest_confidence(reg.words, 0, reg.words.size());
            keep[k] = reg.enclosed || !reg.words.empty();
            if (keep[k]) ++out.table_cells;
        }
        const std::size_t nc = t.columns();
        for (std::size_t r = 0; r < t.rows(); ++r) {
            layout_row row;
            row.table = out.tables;
            for (std::size_t c = 0; c < nc; ++c) {
                const std::size_t k = t.owner[r * nc + c];
                if (keep[k] == 0) continue;
                const auto& reg = t.cells[k];
                layout_cell cell;
                cell.column = c + 1;
                cell.bounds = io::box{t.xs[reg.column], t.ys[reg.row], t.xs[reg.column + reg.col_span],
                                      t.ys[reg.row + reg.row_span]};
                cell.text = texts[k];
                cell.runs_on = runs_on[k] != 0;
                cell.confidence = confidence[k];
                if (reg.row == r && reg.column == c) {
                    cell.row_span = reg.row_span;
                    cell.col_span = reg.col_span;
                } else {
                    cell.from_span = true;  // a position covered by a merged cell: a copy
                }
                row.cells.push_back(std::move(cell));
            }
            row.open_above = r == 0 && t.open_above;
            row.open_below = r + 1 == t.rows() && t.open_below;
            if (!row.cells.empty()) out.rows.push_back(std::move(row));
        }
    }

    // Columns of the text outside ruled tables: the left edges of its cells, clustered over the
    // page, so that a cell under a header cell gets that header's column even where cells
    // between them are empty (and invisible).
    std::vector<i32> lefts;
    for (const layout_row& r : out.rows) {
        if (r.table != 0) continue;
        for (const layout_cell& c : r.cells) lefts.push_back(c.bounds.x0);
    }
    if (!lefts.empty()) {
        const std::vector<i32> reps = column_clusters(std::move(lefts), options.column_snap);
        for (layout_row& r : out.rows) {
            if (r.table != 0) continue;
            std::size_t previous = 0;
            for (layout_cell& c : r.cells) previous = c.column = column_of(reps, c.bounds.x0, previous);
        }
    }
    return out;
}

std::vector<std::int32_t> column_clusters(std::vector<std::int32_t> lefts, std::int32_t snap) {
    return clusters(std::move(lefts), snap);
}

std::size_t column_of(const std::vector<std::int32_t>& reps, std::int32_t x0, std::size_t previous) noexcept {
    const auto at = std::upper_bound(reps.begin(), reps.end(), x0);
    std::size_t column = static_cast<std::size_t>(at - reps.begin());  // 1-based: the cluster at or left of x0
    if (column <= previous) column = previous + 1;
    return column;
}

}  // namespace jixiao::io::layout
