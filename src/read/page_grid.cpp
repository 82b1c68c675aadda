// page_grid.cpp — pages laid out into one grid (see page_grid.hpp and docs/readers.md, "pdf").
#include "read/page_grid.hpp"

#include <jixiao/detail/utf8.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

namespace jixiao::io::layout {
namespace {

error limit(std::string message) { return error{errc::limit_exceeded, 0, {}, std::move(message)}; }

std::string quality_note(int page, const page_layout& l, std::string_view no_table) {
    std::string s = "page " + std::to_string(page) + ": ";
    if (l.tables > 0) {
        s += std::to_string(l.tables) + (l.tables == 1 ? " table" : " tables") + " from ruling lines (" +
             std::to_string(l.table_cells) + " cells, " + std::to_string(l.words_in_tables) + " of " +
             std::to_string(l.words) + " words)";
    } else {
        s += no_table;
    }
    s += "; " + std::to_string(l.text_rows) + " rows of text outside tables";
    if (l.aligned_rows > 0) s += " (" + std::to_string(l.aligned_rows) + " split into cells by alignment)";
    return s;
}

/// The texts of a row's cells that may be a repeated header: empty unless at least two cells that
/// are not span copies hold text (a form's title row, one merged cell, never counts).
std::vector<std::string> header_texts(const std::vector<layout_cell>& cells) {
    std::vector<std::string> out;
    std::size_t filled = 0;
    out.reserve(cells.size());
    for (const layout_cell& c : cells) {
        out.push_back(c.from_span ? "^" + c.text : c.text);
        if (!c.from_span && !c.text.empty()) ++filled;
    }
    if (filled < 2) out.clear();
    return out;
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

/// `text` with every `from` replaced by `to`.
std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

/// Whether `s` is a figure: digits with optional thousands commas, one decimal point, an
/// optional sign in front and `%` behind.
bool is_figure(std::string_view s) noexcept {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t digits = 0;
    bool point = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (is_digit(c)) {
            ++digits;
        } else if (c == '.' && !point) {
            point = true;
        } else if (c == ',' && !point && digits > 0) {
        } else if (c == '%' && i + 1 == s.size()) {
        } else {
            return false;
        }
    }
    return digits > 0 && s.back() != '.' && s.back() != ',';
}

}  // namespace

bool doubtful_figure(std::string_view text) noexcept {
    const std::size_t digit = text.find_first_of("0123456789");
    if (digit == std::string_view::npos) return false;
    const std::string_view before = text.substr(0, digit);
    for (const std::string_view speck : {".", ",", "，", "、", "\"", "'", "”", "“", "’", "‘", "·"}) {
        if (before.find(speck) != std::string_view::npos) return true;
    }
    if ((text.front() == '<' || text.front() == '>') && (text.size() < 2 || text[1] != '=')) return true;
    for (const std::string_view tail : {",", "，", "、"}) {
        if (text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail) return true;
    }
    return false;
}

std::string repair_ocr_text(std::string_view text) {
    std::string out = replace_all(std::string(text), "兀", "元");
    // A comparison sign whose second bar was read as 一 (`<一3次` for `<=3次`, `=一0.6` for
    // `=0.6`), and a leading 一 or 二 before a figure for `=` (`一12月`).
    for (const std::string_view sign : {"<", ">", "="}) {
        for (const std::string_view bar : {"一", "二"}) {
            const std::string misread = std::string(sign) + std::string(bar);
            const std::string meant = sign == "=" ? std::string("=") : std::string(sign) + "=";  // `=一0.6`: a bar twice
            for (std::size_t at = out.find(misread); at != std::string::npos; at = out.find(misread, at + 1)) {
                const std::size_t next = at + misread.size();
                if (next < out.size() && is_digit(out[next])) out.replace(at, misread.size(), meant);
            }
        }
    }
    for (const std::string_view bar : {"一", "二"}) {
        if (out.starts_with(bar) && out.size() > bar.size() && is_digit(out[bar.size()])) out.replace(0, bar.size(), "=");
    }
    // Full-width separators and digits in what may be a figure.
    std::string figure = replace_all(replace_all(replace_all(out, "，", ","), "．", "."), "％", "%");
    for (int d = 0; d < 10; ++d) {
        const char fw[4] = {'\xEF', '\xBC', static_cast<char>('\x90' + d), '\0'};  // U+FF10 + d
        figure = replace_all(std::move(figure), fw, std::string(1, static_cast<char>('0' + d)));
    }
    // Letters that look like digits, and spaces, in a cell that is otherwise a figure.
    std::string mapped;
    std::size_t digits = 0;
    std::size_t letters = 0;
    for (const char c : figure) {
        switch (c) {
        case 'O': case 'o': case 'D': mapped += '0'; ++letters; break;
        case 'I': case 'l': case '|': mapped += '1'; ++letters; break;
        case ' ': break;
        default:
            if (is_digit(c)) ++digits;
            mapped += c;
        }
    }
    // A letter alone (`I`, `O`) is not taken for a digit; `IO` is.
    if (digits + letters >= 2 && is_figure(mapped)) return mapped;
    return out;
}

std::optional<std::string> poor_text_layer(const std::vector<word>& words) {
    std::size_t characters = 0;
    std::size_t unreadable = 0;
    std::size_t with_digits = 0;
    std::size_t broken = 0;
    std::size_t yuan = 0;
    for (const word& w : words) {
        const std::string& t = w.text;
        bool digit = false;
        bool confusable = false;
        for (std::size_t i = 0; i < t.size();) {
            const jixiao::detail::utf8::decoded d = jixiao::detail::utf8::decode(t, i);
            const char32_t cp = d.length == 0 ? jixiao::detail::utf8::replacement_character : d.code_point;
            const std::size_t n = d.length == 0 ? 1 : d.length;
            if (cp != U' ') ++characters;
            if (cp == 0xFFFD || (cp >= 0xE000 && cp <= 0xF8FF) || (cp < 0x20 && cp != U'\t' && cp != U'\n')) ++unreadable;
            if (cp >= U'0' && cp <= U'9') digit = true;
            if (cp == U'O' || cp == U'o' || cp == U'I' || cp == U'l') confusable = true;
            i += n;
        }
        // A figure with a letter in it that looks like a digit and nothing else Latin (`l5`,
        // `2O23`), or such letters alone, two or more (`IO`).
        const bool other_latin = std::any_of(t.begin(), t.end(), [](char c) {
            return (c >= 'A' && c <= 'Z' && c != 'O' && c != 'I') || (c >= 'a' && c <= 'z' && c != 'o' && c != 'l');
        });
        const bool only_lookalikes = t.size() >= 2 && std::all_of(t.begin(), t.end(), [](char c) {
            return c == 'O' || c == 'o' || c == 'I' || c == 'l' || c == '.' || c == ',' || c == '%';
        });
        if (digit || only_lookalikes) ++with_digits;
        if (confusable && !other_latin && (digit || only_lookalikes)) ++broken;
        if (t.find("万兀") != std::string::npos || t.find("(兀") != std::string::npos || t.find("（兀") != std::string::npos) ++yuan;
    }
    if (characters >= 20 && unreadable * 10 >= characters) {
        return std::to_string(unreadable * 100 / characters) + "% of its characters unreadable";
    }
    if (broken >= 3 && broken * 10 >= with_digits) {
        return std::to_string(broken) + " figures broken by letters that look like digits (IO for 10)";
    }
    if (yuan > 0) return std::string("兀 for 元 in a unit (万兀)");
    return std::nullopt;
}

paged_grid::paged_grid(grid_format format, const read_options& options) : options_(options) { grid_.format = format; }

void paged_grid::note(std::string text) { grid_.notes.push_back(std::move(text)); }

void paged_grid::blank_row() { grid_.rows.push_back(row{{}, ++line_}); }

void paged_grid::skip_page(int page, bool forget_header) {
    continued_ = none;
    if (forget_header) header_.clear();
    if (page > 1) blank_row();
}

std::optional<error> paged_grid::add_row(std::vector<layout_cell>&& cells, int page, bool text) {
    if (text) text_rows_.push_back(grid_.rows.size());
    row r;
    r.line = ++line_;
    r.cells.reserve(cells.size());
    for (layout_cell& c : cells) {
        if (c.text.size() > options_.max_cell_bytes) {
            return limit("page " + std::to_string(page) + ": a cell of " + std::to_string(c.text.size()) +
                         " bytes is larger than the limit of " + std::to_string(options_.max_cell_bytes) +
                         " bytes per cell");
        }
        if (++cells_ > options_.max_cells) {
            return limit("page " + std::to_string(page) + ": more than " + std::to_string(options_.max_cells) + " cells");
        }
        cell out;
        if (c.confidence >= 0 && !c.from_span) {
            // Read by OCR: what the value grammar repairs, with the text as read kept.
            std::string repaired = repair_ocr_text(c.text);
            if (repaired != c.text) {
                out.as_read = std::move(c.text);
                c.text = std::move(repaired);
            }
            if (doubtful_figure(c.text)) c.confidence = std::min<std::int16_t>(c.confidence, 50);
        }
        bytes_ += c.text.size();
        if (bytes_ > options_.max_bytes) {
            return limit("page " + std::to_string(page) + ": more than " + std::to_string(options_.max_bytes) +
                         " bytes of cell text (span copies included)");
        }
        out.text = std::move(c.text);
        out.line = r.line;
        out.column = c.column;
        out.row_span = c.row_span;
        out.col_span = c.col_span;
        out.from_span = c.from_span;
        out.page = static_cast<std::size_t>(page);
        out.bounds = c.bounds;
        out.confidence = c.confidence;
        r.cells.push_back(std::move(out));
    }
    grid_.rows.push_back(std::move(r));
    return std::nullopt;
}

/// Joins `cells` (the first row of a table on a new page) to row `target` (the last row of the
/// table on the page before): a row cut by the page break. Each non-empty cell goes into the cell
/// of `target` it overlaps most; false (nothing changed) when one has no such cell.
bool paged_grid::join_row(std::size_t target, const std::vector<layout_cell>& cells, std::optional<error>& e) {
    row& r = grid_.rows[target];
    std::vector<std::pair<cell*, const layout_cell*>> pairs;
    for (const layout_cell& c : cells) {
        if (c.from_span || c.text.empty()) continue;
        cell* best = nullptr;
        std::int64_t best_overlap = 0;
        for (cell& o : r.cells) {
            if (o.from_span) continue;
            const std::int64_t ov = std::int64_t{std::min(o.bounds.x1, c.bounds.x1)} - std::max(o.bounds.x0, c.bounds.x0);
            if (ov > best_overlap) {
                best_overlap = ov;
                best = &o;
            }
        }
        if (best == nullptr) return false;
        pairs.emplace_back(best, &c);
    }
    for (auto& [to, from] : pairs) {
        const std::size_t before = to->text.size();
        append_wrapped_line(to->text, from->text);
        if (from->confidence >= 0 && (to->confidence < 0 || from->confidence < to->confidence)) to->confidence = from->confidence;
        bytes_ += to->text.size() - before;
        if (to->text.size() > options_.max_cell_bytes || bytes_ > options_.max_bytes) {
            e = limit("a cell joined across a page break is larger than the limits");
            return true;
        }
    }
    return true;
}

/// Whether `cells` (the first row of the first table on a page, its top line drawn) go on with
/// row `target` (the last table row of the page before, its bottom line drawn): a row cut by a
/// page break where the printer closes the borders on both pages (LibreOffice). Every cell with
/// text must sit under a cell of `target` with the same left and right lines whose text may run
/// on (fills its last line): a row that starts anew has figures or names under cells that ended
/// short (a score, a weight).
bool paged_grid::continues_closed_row(std::size_t target, const std::vector<layout_cell>& cells) const {
    constexpr std::int32_t same = 200;  // 2 pt
    const row& r = grid_.rows[target];
    bool any = false;
    for (const layout_cell& c : cells) {
        if (c.from_span || c.text.empty()) continue;
        any = true;
        const auto above = std::find_if(r.cells.begin(), r.cells.end(), [&](const cell& o) {
            return !o.from_span && std::abs(o.bounds.x0 - c.bounds.x0) <= same && std::abs(o.bounds.x1 - c.bounds.x1) <= same;
        });
        if (above == r.cells.end() || std::find(running_.begin(), running_.end(), above->bounds) == running_.end()) {
            return false;
        }
    }
    return any;
}

std::optional<error> paged_grid::add_page(int page, page_input input, int turned, std::int32_t shown_width,
                                          std::string_view no_table) {
    if (turned != 0) {
        // A page whose text runs sideways (a landscape table on a portrait page) or upside
        // down: read as if turned upright.
        turn_upright(input, turned, shown_width);
        note("page " + std::to_string(page) + ": its text runs " +
             (turned == 2 ? std::string("upside down") : std::string("sideways")) + "; read turned upright");
    }
    const std::int32_t page_height = input.height;
    page_layout layout = lay_out(std::move(input));
    note(quality_note(page, layout, no_table));
    if (page > 1) blank_row();  // a page break, as in text extracted from PDFs
    bool table_seen = false;
    std::size_t last_table = 0;            // the table of the previous row (0: none yet)
    std::vector<std::string> page_header;  // first row of the last table begun on this page
    bool header_kept = true;               // no table begun on this page (only a continued one)
    for (layout_row& r : layout.rows) {
        const bool first_of_table = r.table != 0 && r.table != last_table;
        if (r.table != 0) last_table = r.table;
        if (first_of_table) {
            std::vector<std::string> texts = header_texts(r.cells);
            const bool repeated = !table_seen && !header_.empty() && texts == header_;
            if (!repeated) {
                page_header = std::move(texts);
                header_kept = false;
            }
            if (repeated) {
                // The header row of a table continued from the page before, repeated by the
                // program that printed it (HTML <thead>, Excel "rows to repeat at top").
                table_seen = true;
                note("page " + std::to_string(page) + ": the header row repeated from page " + std::to_string(page - 1) +
                     " dropped (the table continues)");
                continue;
            }
        }
        if (r.table != 0 && !table_seen) {
            table_seen = true;
            // A row cut by the page break: the table runs on without lines between the pages,
            // or (borders closed on both pages) the last row ends low on the page before with
            // a cell whose text fills its last line, and this first row, high on its page,
            // has text only under cells with text, in the same columns.
            const bool closed_cut = continued_ != none && continued_closed_ && !r.cells.empty() &&
                                    r.cells.front().bounds.y0 <= page_height / 4 && continues_closed_row(continued_, r.cells);
            if (((r.open_above && !continued_closed_) || closed_cut) && continued_ != none) {
                std::optional<error> e;
                if (join_row(continued_, r.cells, e)) {
                    if (e) return e;
                    note("page " + std::to_string(page) + ": the first table row continues the last one of page " +
                         std::to_string(page - 1) +
                         (closed_cut ? " (a row cut by the page break, its borders drawn on both pages): joined into it"
                                     : " (a row cut by the page break): joined into it"));
                    continued_ = none;
                    continue;
                }
            }
        }
        if (auto e = add_row(std::move(r.cells), page, r.table == 0)) return e;
        if (r.table != 0) {
            // A row that may go on on the next page: its bottom line not drawn, or drawn low on
            // the page (the last fifth) under a cell whose text fills its last line.
            running_.clear();
            for (const layout_cell& c : r.cells) {  // add_row took the texts only: flags and boxes remain
                if (c.runs_on && !c.from_span) running_.push_back(c.bounds);
            }
            const bool low = !r.cells.empty() && r.cells.front().bounds.y1 >= page_height / 5 * 4;
            continued_closed_ = !r.open_below;
            continued_ = r.open_below || (low && !running_.empty()) ? grid_.rows.size() - 1 : none;
        }
    }
    if (!table_seen) continued_ = none;
    // A header that may repeat on the next page: the first row of the last table begun on this
    // page; a table continued from the page before keeps its header.
    if (!header_kept) header_ = std::move(page_header);
    if (!table_seen) header_.clear();
    return std::nullopt;
}

grid paged_grid::take() && {
    std::vector<std::int32_t> lefts;
    for (const std::size_t i : text_rows_)
        for (const cell& c : grid_.rows[i].cells) lefts.push_back(c.bounds.x0);
    const std::vector<std::int32_t> clusters = column_clusters(std::move(lefts), layout_options{}.column_snap);
    for (const std::size_t i : text_rows_) {
        std::size_t previous = 0;
        for (cell& c : grid_.rows[i].cells) previous = c.column = column_of(clusters, c.bounds.x0, previous);
    }
    return std::move(grid_);
}

}  // namespace jixiao::io::layout
