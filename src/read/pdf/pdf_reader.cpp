// pdf_reader.cpp — PDF documents to grids through poppler (see include/jixiao/io/pdf.hpp and
// docs/readers.md). poppler-cpp (stable API) gives the words with their boxes; poppler's core API
// (pdf_lines.cpp, when built with it) gives the ruling lines; pdf_layout.cpp makes the cells.
#include <jixiao/io/pdf.hpp>

#include <jixiao/detail/utf8.hpp>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "pdf_layout.hpp"
#if JIXIAO_PDF_RULING_LINES
#include "pdf_lines.hpp"
#endif

namespace jixiao::pdf {
namespace {

using detail::page_input;

constexpr std::int32_t max_units = 20'000'000;  // 200,000 pt: beyond any real page

std::int32_t to_units(double points) noexcept {
    const double v = std::round(points * 100.0);
    if (!std::isfinite(v)) return 0;
    if (v > max_units) return max_units;
    if (v < -max_units) return -max_units;
    return static_cast<std::int32_t>(v);
}

/// "1-3, 5" from sorted page numbers.
std::string page_ranges(const std::vector<int>& pages) {
    std::string out;
    for (std::size_t i = 0; i < pages.size();) {
        std::size_t j = i;
        while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
        if (!out.empty()) out += ", ";
        out += std::to_string(pages[i]);
        if (j > i) out += "-" + std::to_string(pages[j]);
        i = j + 1;
    }
    return out;
}

error limit(std::string message) { return error{errc::limit_exceeded, 0, {}, std::move(message)}; }

/// Adds cells to the grid under the limits of `read_options`.
class grid_writer {
public:
    explicit grid_writer(const io::read_options& options) : options_(options) { grid_.format = io::grid_format::pdf; }

    void blank_row() { grid_.rows.push_back(io::row{{}, ++line_}); }

    [[nodiscard]] std::optional<error> add_row(std::vector<detail::layout_cell>&& cells, int page, bool text) {
        if (text) text_rows_.push_back(grid_.rows.size());
        io::row r;
        r.line = ++line_;
        r.cells.reserve(cells.size());
        for (detail::layout_cell& c : cells) {
            if (c.text.size() > options_.max_cell_bytes) {
                return limit("page " + std::to_string(page) + ": a cell of " + std::to_string(c.text.size()) +
                             " bytes is larger than the limit of " + std::to_string(options_.max_cell_bytes) +
                             " bytes per cell");
            }
            if (++cells_ > options_.max_cells) {
                return limit("page " + std::to_string(page) + ": more than " + std::to_string(options_.max_cells) +
                             " cells");
            }
            bytes_ += c.text.size();
            if (bytes_ > options_.max_bytes) {
                return limit("page " + std::to_string(page) + ": more than " + std::to_string(options_.max_bytes) +
                             " bytes of cell text (span copies included)");
            }
            io::cell out;
            out.text = std::move(c.text);
            out.line = r.line;
            out.column = c.column;
            out.row_span = c.row_span;
            out.col_span = c.col_span;
            out.from_span = c.from_span;
            out.page = static_cast<std::size_t>(page);
            out.bounds = c.bounds;
            r.cells.push_back(std::move(out));
        }
        grid_.rows.push_back(std::move(r));
        return std::nullopt;
    }

    /// Index of the last row added.
    [[nodiscard]] std::size_t last_row() const noexcept { return grid_.rows.size() - 1; }

    /// Joins `cells` (the first row of a table on a new page, without a top line) to row `target`
    /// (the last row of the table on the page before, without a bottom line): a row cut by the
    /// page break. Each non-empty cell goes into the cell of `target` it overlaps most; false
    /// (nothing changed) when one has no such cell.
    [[nodiscard]] bool join_row(std::size_t target, const std::vector<detail::layout_cell>& cells, std::optional<error>& e) {
        io::row& r = grid_.rows[target];
        std::vector<std::pair<io::cell*, const detail::layout_cell*>> pairs;
        for (const detail::layout_cell& c : cells) {
            if (c.from_span || c.text.empty()) continue;
            io::cell* best = nullptr;
            std::int64_t best_overlap = 0;
            for (io::cell& o : r.cells) {
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
            detail::append_wrapped_line(to->text, from->text);
            bytes_ += to->text.size() - before;
            if (to->text.size() > options_.max_cell_bytes || bytes_ > options_.max_bytes) {
                e = limit("a cell joined across a page break is larger than the limits");
                return true;
            }
        }
        return true;
    }

    /// Whether `cells` (the first row of the first table on a page, its top line drawn) go on
    /// with row `target` (the last table row of the page before, its bottom line drawn): a row
    /// cut by a page break where the printer closes the borders on both pages (LibreOffice).
    /// Every cell with text must sit under a cell of `target` with the same left and right
    /// lines whose text may run on (fills its last line): a row that starts anew has figures or
    /// names under cells that ended short (a score, a weight).
    [[nodiscard]] bool continues_closed_row(std::size_t target, const std::vector<detail::layout_cell>& cells,
                                            const std::vector<io::box>& running) const {
        constexpr std::int32_t same = 200;  // 2 pt
        const io::row& r = grid_.rows[target];
        bool any = false;
        for (const detail::layout_cell& c : cells) {
            if (c.from_span || c.text.empty()) continue;
            any = true;
            const auto above = std::find_if(r.cells.begin(), r.cells.end(), [&](const io::cell& o) {
                return !o.from_span && std::abs(o.bounds.x0 - c.bounds.x0) <= same &&
                       std::abs(o.bounds.x1 - c.bounds.x1) <= same;
            });
            if (above == r.cells.end() || std::find(running.begin(), running.end(), above->bounds) == running.end()) {
                return false;
            }
        }
        return any;
    }

    void note(std::string text) { grid_.notes.push_back(std::move(text)); }

    /// The grid, the columns of its rows of text outside ruled tables numbered over the whole
    /// document: a header on one page and the values under it on the next share columns.
    [[nodiscard]] io::grid take() && {
        std::vector<std::int32_t> lefts;
        for (const std::size_t i : text_rows_)
            for (const io::cell& c : grid_.rows[i].cells) lefts.push_back(c.bounds.x0);
        const std::vector<std::int32_t> clusters = detail::column_clusters(std::move(lefts), detail::layout_options{}.column_snap);
        for (const std::size_t i : text_rows_) {
            std::size_t previous = 0;
            for (io::cell& c : grid_.rows[i].cells) previous = c.column = detail::column_of(clusters, c.bounds.x0, previous);
        }
        return std::move(grid_);
    }

private:
    const io::read_options& options_;
    io::grid grid_;
    std::vector<std::size_t> text_rows_;  ///< rows of text outside ruled tables
    std::size_t line_ = 0;
    std::size_t cells_ = 0;
    std::size_t bytes_ = 0;
};

/// The em of a word: the width of its first CJK character (those are one em wide), otherwise
/// twice its average character width, at most the font size poppler reports. The reported size
/// alone is not reliable: Chromium's PDFs report twice the printed size. A word written
/// sideways (rotation 1 or 3) runs down the page: its widths are heights.
double em_of(const poppler::text_box& box, const poppler::ustring& text) {
    const double reported = box.get_font_size();
    const bool sideways = (box.rotation() & 1) != 0;
    const auto along = [&](const poppler::rectf& r) { return sideways ? r.height() : r.width(); };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned unit = text[i];
        if (unit >= 0x2E80 && unit < 0xD800) {  // CJK radicals .. Hangul: one em wide
            const double w = along(box.char_bbox(i));
            if (w > 0) return reported > 0 ? std::min(w, reported) : w;
        }
    }
    const double average = text.empty() ? 0.0 : along(box.bbox()) / static_cast<double>(text.size());
    if (average > 0 && reported > 0) return std::min(reported, 2 * average);
    return average > 0 ? 2 * average : reported;
}

/// The words of a page from poppler-cpp's text layer; returns the quarter turn most of its
/// characters are written at (0: upright; see detail::turn_upright).
int read_words(const poppler::page& p, page_input& out) {
    std::array<std::size_t, 4> turned{};
    for (const poppler::text_box& box : p.text_list(poppler::page::text_list_include_font)) {
        const poppler::ustring text16 = box.text();
        const poppler::byte_array utf8 = text16.to_utf8();
        std::string text(utf8.begin(), utf8.end());
        while (!text.empty() && text.back() == '\0') text.pop_back();
        if (text.empty()) continue;
        // Lone surrogates in a broken ToUnicode map: U+FFFD, so that every cell is valid UTF-8.
        if (!jixiao::detail::utf8::is_valid(text)) text = jixiao::detail::utf8::replace_invalid(text);
        const poppler::rectf r = box.bbox();
        detail::word w;
        w.text = std::move(text);
        w.bounds = io::box{to_units(r.left()), to_units(r.top()), to_units(r.right()), to_units(r.bottom())};
        w.font_size = to_units(em_of(box, text16));
        if (w.font_size <= 0) w.font_size = std::max<std::int32_t>(100, (w.bounds.y1 - w.bounds.y0) / 2);
        turned[static_cast<std::size_t>(box.rotation() & 3)] += text16.size();
        out.words.push_back(std::move(w));
    }
    return static_cast<int>(std::max_element(turned.begin(), turned.end()) - turned.begin());
}

/// Whether a page holds (part of) a form: a form's title or a label of its blocks among its
/// words (joined, so that a label split over two word boxes is seen). Conservative: a page of
/// prose that names a form is read too; the words only say which pages need no layout at all.
bool holds_form_marker(const std::vector<detail::word>& words) {
    static constexpr std::array<std::string_view, 14> markers{
        "自评表", "目标表", "申报表", "评价表", "项目名称", "项目资金", "预算执行", "全年预算", "全年执行", "年初预算",
        "指标", "总体目标", "总分", "得分"};
    std::string text;
    for (const detail::word& w : words) text += w.text;
    return std::any_of(markers.begin(), markers.end(),
                       [&](std::string_view m) { return text.find(m) != std::string::npos; });
}

std::string quality_note(int page, const detail::page_layout& l, bool lines_available) {
    std::string s = "page " + std::to_string(page) + ": ";
    if (l.tables > 0) {
        s += std::to_string(l.tables) + (l.tables == 1 ? " table" : " tables") + " from ruling lines (" +
             std::to_string(l.table_cells) + " cells, " + std::to_string(l.words_in_tables) + " of " +
             std::to_string(l.words) + " words)";
    } else {
        s += lines_available ? "no table with ruling lines" : "ruling lines not read (built without poppler's core API)";
    }
    s += "; " + std::to_string(l.text_rows) + " rows of text outside tables";
    if (l.aligned_rows > 0) s += " (" + std::to_string(l.aligned_rows) + " split into cells by alignment)";
    return s;
}

void quiet(const std::string& /*message*/, void* /*closure*/) {}

/// The texts of a row's cells that may be a repeated header: empty unless at least two cells that
/// are not span copies hold text (a form's title row, one merged cell, never counts).
std::vector<std::string> header_texts(const std::vector<detail::layout_cell>& cells) {
    std::vector<std::string> out;
    std::size_t filled = 0;
    out.reserve(cells.size());
    for (const detail::layout_cell& c : cells) {
        out.push_back(c.from_span ? "^" + c.text : c.text);
        if (!c.from_span && !c.text.empty()) ++filled;
    }
    if (filled < 2) out.clear();
    return out;
}

}  // namespace

result<io::grid> read_pdf(std::string_view bytes, const io::read_options& options) {
    if (bytes.size() > options.max_bytes) {
        return error{errc::limit_exceeded, options.max_bytes, {},
                     "the input holds " + std::to_string(bytes.size()) + " bytes, more than the limit of " +
                         std::to_string(options.max_bytes) + " bytes"};
    }
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        return error{errc::limit_exceeded, 0, {}, "a PDF larger than 2 GiB"};
    }
    // poppler reads the bytes in place: they outlive the documents below.
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
        return error{errc::invalid_document, 0, {},
                     "not a PDF that can be read (damaged, truncated or not a PDF at all: poppler cannot open it)"};
    }
    if (doc->is_locked()) {
        return error{errc::password_required, 0, {},
                     "the PDF is encrypted with a password that is needed to open it (a user password); "
                     "open it with the password and save it without one"};
    }
    const int pages = doc->pages();
    if (pages < 0 || static_cast<std::size_t>(pages) > options.max_pages) {
        return limit("the PDF has " + std::to_string(pages) + " pages, more than the limit of " +
                     std::to_string(options.max_pages) + " pages");
    }
    grid_writer out(options);
    if (doc->is_encrypted()) out.note("encrypted PDF opened without a password (owner password only)");
#if JIXIAO_PDF_RULING_LINES
    detail::ruling_lines lines(bytes);
    const bool lines_available = lines.ok();
#else
    const bool lines_available = false;
#endif
    std::vector<int> without_text;
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t continued = none;  ///< the grid row of a table row cut by the page end, if any
    bool continued_closed = false;  ///< `continued` has its bottom line drawn (a cell may run on)
    std::vector<io::box> running;   ///< the cells of `continued` whose text may run on
    std::vector<std::string> header;  ///< the header row of the last table of the page before

    // Pass 1: the words of every page, and which pages hold a form. A long document (a 部门决算
    // of 100 pages with the forms on a few) is laid out only where forms are: on a page with a
    // form's title or block label, and on the page after one (a form's last rows); the other
    // pages are skipped, and noted. A document in which no page has a marker is read whole.
    struct page_text {
        page_input input;
        int turned = 0;
        bool marked = false;
    };
    std::vector<page_text> page_texts(static_cast<std::size_t>(pages));
    bool any_marked = false;
    for (int i = 0; i < pages; ++i) {
        const std::unique_ptr<poppler::page> p(doc->create_page(i));
        if (!p) continue;
        page_text& t = page_texts[static_cast<std::size_t>(i)];
        t.turned = read_words(*p, t.input);
        t.marked = holds_form_marker(t.input.words);
        any_marked = any_marked || t.marked;
    }
    std::vector<int> skipped;
    for (int i = 0; i < pages; ++i) {
        const std::size_t k = static_cast<std::size_t>(i);
        const bool laid_out = !any_marked || page_texts[k].marked || (k > 0 && page_texts[k - 1].marked);
        if (!laid_out && !page_texts[k].input.words.empty()) {
            skipped.push_back(i + 1);
            page_texts[k].input = page_input{};
        }
    }
    if (!skipped.empty()) {
        out.note("pages " + page_ranges(skipped) + ": no form title or block label on them (prose, other tables): " +
                 "skipped, their text not read");
    }

    for (int i = 0; i < pages; ++i) {
        const std::unique_ptr<poppler::page> p(doc->create_page(i));
        if (!p) {
            without_text.push_back(i + 1);
            out.note("page " + std::to_string(i + 1) + ": cannot be read (damaged page)");
            continue;
        }
        if (std::binary_search(skipped.begin(), skipped.end(), i + 1)) {
            continued = none;
            header.clear();
            if (i > 0) out.blank_row();
            continue;
        }
        page_input input = std::move(page_texts[static_cast<std::size_t>(i)].input);
        const int turned = page_texts[static_cast<std::size_t>(i)].turned;
        if (input.words.empty()) {
            without_text.push_back(i + 1);
            out.note("page " + std::to_string(i + 1) + ": no text (an image or a blank page; OCR is not supported yet)");
            continued = none;
            if (i > 0) out.blank_row();
            continue;
        }
#if JIXIAO_PDF_RULING_LINES
        if (lines_available) lines.read_page(i + 1, input);
#endif
        // The page as shown: its box, turned by its /Rotate (poppler gives the text so).
        const poppler::rectf shown = p->page_rect();
        const bool sideways = p->orientation() == poppler::page::landscape || p->orientation() == poppler::page::seascape;
        input.height = to_units(sideways ? shown.width() : shown.height());
        if (turned != 0) {
            // A page whose text runs sideways (a landscape table on a portrait page) or upside
            // down: read as if turned upright.
            detail::turn_upright(input, turned, to_units(sideways ? shown.height() : shown.width()));
            out.note("page " + std::to_string(i + 1) + ": its text runs " +
                     (turned == 2 ? std::string("upside down") : std::string("sideways")) + "; read turned upright");
        }
        const std::int32_t page_height = input.height;
        detail::page_layout layout = detail::lay_out(std::move(input));
        out.note(quality_note(i + 1, layout, lines_available));
        if (i > 0) out.blank_row();  // a page break, as in text extracted from PDFs
        bool table_seen = false;
        std::size_t last_table = 0;            // the table of the previous row (0: none yet)
        std::vector<std::string> page_header;  // first row of the last table begun on this page
        bool header_kept = true;               // no table begun on this page (only a continued one)
        for (detail::layout_row& r : layout.rows) {
            const bool first_of_table = r.table != 0 && r.table != last_table;
            if (r.table != 0) last_table = r.table;
            if (first_of_table) {
                std::vector<std::string> texts = header_texts(r.cells);
                const bool repeated = !table_seen && !header.empty() && texts == header;
                if (!repeated) {
                    page_header = std::move(texts);
                    header_kept = false;
                }
                if (repeated) {
                    // The header row of a table continued from the page before, repeated by the
                    // program that printed it (HTML <thead>, Excel "rows to repeat at top").
                    table_seen = true;
                    out.note("page " + std::to_string(i + 1) + ": the header row repeated from page " +
                             std::to_string(i) + " dropped (the table continues)");
                    continue;
                }
            }
            if (r.table != 0 && !table_seen) {
                table_seen = true;
                // A row cut by the page break: the table runs on without lines between the pages,
                // or (borders closed on both pages) the last row ends low on the page before with
                // a cell whose text fills its last line, and this first row, high on its page,
                // has text only under cells with text, in the same columns.
                const bool closed_cut = continued != none && continued_closed && !r.cells.empty() &&
                                        r.cells.front().bounds.y0 <= page_height / 4 &&
                                        out.continues_closed_row(continued, r.cells, running);
                if (((r.open_above && !continued_closed) || closed_cut) && continued != none) {
                    std::optional<error> e;
                    if (out.join_row(continued, r.cells, e)) {
                        if (e) return *e;
                        out.note("page " + std::to_string(i + 1) +
                                 ": the first table row continues the last one of page " + std::to_string(i) +
                                 (closed_cut ? " (a row cut by the page break, its borders drawn on both pages): "
                                               "joined into it"
                                             : " (a row cut by the page break): joined into it"));
                        continued = none;
                        continue;
                    }
                }
            }
            if (auto e = out.add_row(std::move(r.cells), i + 1, r.table == 0)) return *e;
            if (r.table != 0) {
                // A row that may go on on the next page: its bottom line not drawn, or drawn low on
                // the page (the last fifth) under a cell whose text fills its last line.
                running.clear();
                for (const detail::layout_cell& c : r.cells) {
                    if (c.runs_on && !c.from_span) running.push_back(c.bounds);
                }
                const bool low = !r.cells.empty() && r.cells.front().bounds.y1 >= page_height / 5 * 4;
                continued_closed = !r.open_below;
                continued = r.open_below || (low && !running.empty()) ? out.last_row() : none;
            }
        }
        if (!table_seen) continued = none;
        // A header that may repeat on the next page: the first row of the last table begun on
        // this page; a table continued from the page before keeps its header.
        if (!header_kept) header = std::move(page_header);
        if (!table_seen) header.clear();
    }
    if (pages == 0) return error{errc::invalid_document, 0, {}, "the PDF has no pages"};
    if (static_cast<int>(without_text.size()) == pages) {
        return error{errc::no_text_layer, 0, {},
                     "scanned PDF: no text layer on pages " + page_ranges(without_text) + "; OCR is not supported yet"};
    }
    return std::move(out).take();
}

void register_reader() noexcept {
    poppler::set_debug_error_function(quiet, nullptr);
    io::register_reader(io::grid_format::pdf, &read_pdf);
}

}  // namespace jixiao::pdf
