// page_layout.hpp — page geometry to rows of cells, for every paged reader (the PDF reader of
// jixiao::pdf, the OCR reader of jixiao::ocr): plain integers in, cells out; no poppler, no
// Tesseract here, so it lives in the core library.
//
// Input: the words of one page (text, box, font size) and the ruling lines drawn on it, all in
// 1/100 pt with the origin at the top left of the page. Output: rows in reading order:
//   - tables with ruling lines: one row per grid row of the table; a cell per region the lines
//     enclose, merged regions as spans (copies with from_span in the covered positions, as the
//     HTML reader does); the words inside a cell joined line by line;
//   - text outside such tables: one row per text line, split into cells where the gap between
//     two words is wide (more than `column_gap_permille` of the em); a cell's column is the
//     rank of its left edge among the left edges of such cells on the page.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <jixiao/io/grid.hpp>

namespace jixiao::io::layout {

/// A word as the text layer gives it.
struct word {
    std::string text;        ///< UTF-8
    io::box bounds;          ///< 1/100 pt
    std::int32_t font_size;  ///< 1/100 pt (never 0: the reader puts a default in)
    /// OCR: how sure the recogniser is of the word, 0-100; -1 for a word of a text layer.
    std::int16_t confidence = -1;
};

/// A horizontal (y0 == y1) or vertical (x0 == x1) ruling segment, 1/100 pt.
struct segment {
    std::int32_t x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

/// One page as read.
struct page_input {
    std::vector<word> words;
    std::vector<segment> horizontals;  ///< y0 == y1, x0 <= x1
    std::vector<segment> verticals;    ///< x0 == x1, y0 <= y1
    std::int32_t height = 0;           ///< page height (1/100 pt)
};

/// A cell laid out.
struct layout_cell {
    std::string text;
    std::size_t column = 0;  ///< 1-based
    std::size_t row_span = 1;
    std::size_t col_span = 1;
    bool from_span = false;
    io::box bounds;
    /// A table cell whose last line of text reaches its right line (within 1.5 em): its text may
    /// run on past the cell's bottom line (a row cut by a page break where the printer closes
    /// the borders on both pages, as LibreOffice does).
    bool runs_on = false;
    /// The lowest OCR confidence of the cell's words (0-100); -1 when none was read by OCR.
    std::int16_t confidence = -1;
};

/// A row laid out.
struct layout_row {
    std::vector<layout_cell> cells;
    std::size_t table = 0;  ///< 1-based table on the page it belongs to; 0 for text outside tables
    bool open_above = false;  ///< the first row of a table without a top line (continued from the page before)
    bool open_below = false;  ///< the last row of a table without a bottom line (continued on the next page)
};

/// What was found on a page (the quality line of the notes).
struct page_layout {
    std::vector<layout_row> rows;
    std::size_t tables = 0;           ///< tables found from ruling lines
    std::size_t table_cells = 0;      ///< cells of those tables (spans counted once)
    std::size_t words = 0;            ///< words on the page
    std::size_t words_in_tables = 0;  ///< of which inside table cells
    std::size_t text_rows = 0;        ///< rows of text outside tables
    std::size_t aligned_rows = 0;     ///< of which split into two or more cells by alignment
};

/// Tunables (fractions of the font size are per mille).
struct layout_options {
    std::int32_t snap = 150;               ///< collinear lines closer than this are one line (1.5 pt)
    std::int32_t boundary_snap = 400;      ///< cell boundaries closer than this are one (4 pt: double borders)
    std::int32_t column_gap_permille = 1200;  ///< a gap wider than 1.2 em splits text outside tables into cells
    std::int32_t same_line_permille = 450;    ///< word centres closer than 0.45 em are on one line
    std::int32_t column_snap = 200;           ///< left edges closer than this (2 pt) are one column (text outside tables)
};

/// Cluster representatives of left edges: sorted, each the first edge of its cluster, a cluster
/// at most `snap` wide (no chaining).
[[nodiscard]] std::vector<std::int32_t> column_clusters(std::vector<std::int32_t> lefts, std::int32_t snap);

/// 1-based column of a cell whose left edge is `x0` (the cluster at or left of it), at least
/// `previous + 1` so that columns increase along a row.
[[nodiscard]] std::size_t column_of(const std::vector<std::int32_t>& clusters, std::int32_t x0, std::size_t previous) noexcept;

/// Turns a page whose text runs sideways or upside down (`rotation`: the quarter turns of its
/// words as poppler gives them, 1 = read top to bottom, 2 = upside down, 3 = bottom to top) so
/// that it reads left to right: every word box and ruling line is mapped into the upright frame,
/// and `height` becomes the upright page's height. `width` and `height` are the page as shown.
void turn_upright(page_input& page, int rotation, std::int32_t width);

/// The cells of the tables the ruling lines of `page` make (its words are not looked at): one
/// box per region, a merged region once. The OCR reader reads the image cell by cell in them.
[[nodiscard]] std::vector<io::box> cell_regions(const page_input& page, const layout_options& options = {});

/// The outer bounds of the tables the ruling lines of `page` make.
[[nodiscard]] std::vector<io::box> table_bounds(const page_input& page, const layout_options& options = {});

/// Lays out one page.
[[nodiscard]] page_layout lay_out(page_input page, const layout_options& options = {});

/// Joins the lines of one cell: without a space when either side is a CJK (or other non-ASCII)
/// character or both sides are part of a number (digits, `.`, `,`, `%`: a figure broken where a
/// narrow cell ends), with one space between two other ASCII characters (a wrap at a space).
void append_wrapped_line(std::string& text, const std::string& line);

}  // namespace jixiao::io::layout
