// jixiao/io/grid.hpp — grid readers: a source document turned into rows of cells with positions.
//
// Synopsis:
//   enum class grid_format     tsv, pipe, cell_per_line, csv, html, pdf, xlsx, docx (+ to_string / from_string)
//   struct box                 a rectangle on a page, in 1/100 pt (integers)
//   struct cell                text (UTF-8) + where it came from (line, column, byte offset, spans,
//                              page and box for paged sources)
//   struct row                 the cells of one source row (+ its line)
//   struct grid                rows + the format read + notes (encoding conversions, skipped parts)
//   struct read_options        documented limits (bytes, cells, bytes per cell); LibreOffice
//                              conversion of old binary .xls/.doc files (legacy_office_options)
//   detect_format(text)        which reader fits the text, or nullopt
//   read_grid(bytes, format)   reads with an explicit reader
//   read_grid(bytes)           detects the reader first (errc::unknown_format if it cannot tell)
//   to_utf8(bytes)             BOM removal, UTF-8 validation, GB18030 / UTF-16 conversion (iconv)
//   read_file(path, max)       the bytes of a file (errc::io_error / errc::limit_exceeded)
//   register_reader(format, f) plugs in a reader that lives in another library (PDF: jixiao::pdf,
//                              see <jixiao/io/pdf.hpp>); registered_reader(format) looks it up
//
// The formats, detection rules, positions and limits are described in docs/readers.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <jixiao/error.hpp>

namespace jixiao::io {

/// The shape of a source document.
enum class grid_format {
    tsv,            ///< tab-separated text, one row per line (text extracted from PDFs)
    pipe,           ///< pipe-delimited table text: `| a | b |` (markdown-like)
    cell_per_line,  ///< one cell per line, rows separated by blank lines
    csv,            ///< RFC 4180 comma (or semicolon) separated values
    html,           ///< HTML `<table>` elements
    pdf,            ///< PDF documents: text with its geometry (reader in the optional jixiao::pdf library)
    xlsx,           ///< Excel workbook (Office Open XML, a ZIP): every sheet, merged cells as spans
    docx,           ///< Word document (Office Open XML, a ZIP): every table, paragraphs outside tables
    image,          ///< scanned pages: PNG, JPEG, TIFF (reader by OCR in the optional jixiao::ocr library)
};

/// Stable lower-case name of a format: "tsv", "pipe", "cell_per_line", "csv", "html", "xlsx", "docx".
[[nodiscard]] constexpr std::string_view to_string(grid_format format) noexcept {
    switch (format) {
    case grid_format::tsv: return "tsv";
    case grid_format::pipe: return "pipe";
    case grid_format::cell_per_line: return "cell_per_line";
    case grid_format::csv: return "csv";
    case grid_format::html: return "html";
    case grid_format::pdf: return "pdf";
    case grid_format::xlsx: return "xlsx";
    case grid_format::docx: return "docx";
    case grid_format::image: return "image";
    }
    return "unknown";
}

/// The format named `name` (the names of `to_string`, plus "lines" for cell_per_line and
/// "tab" for tsv), or nullopt.
[[nodiscard]] constexpr std::optional<grid_format> grid_format_from_string(std::string_view name) noexcept {
    if (name == "tsv" || name == "tab") return grid_format::tsv;
    if (name == "pipe") return grid_format::pipe;
    if (name == "cell_per_line" || name == "lines") return grid_format::cell_per_line;
    if (name == "csv") return grid_format::csv;
    if (name == "html") return grid_format::html;
    if (name == "pdf") return grid_format::pdf;
    if (name == "xlsx") return grid_format::xlsx;
    if (name == "docx") return grid_format::docx;
    if (name == "image") return grid_format::image;
    return std::nullopt;
}

/// Same as `grid_format_from_string`.
[[nodiscard]] constexpr std::optional<grid_format> from_string(std::string_view name) noexcept {
    return grid_format_from_string(name);
}

/// A rectangle on a page in 1/100 pt, origin at the top left corner of the page, y downwards
/// (integers: the PDF reader rounds its coordinates once, when it reads them).
struct box {
    std::int32_t x0 = 0;  ///< left
    std::int32_t y0 = 0;  ///< top
    std::int32_t x1 = 0;  ///< right
    std::int32_t y1 = 0;  ///< bottom
    /// Member-wise equality.
    friend bool operator==(const box&, const box&) = default;
};

/// One cell as read: its text (UTF-8, exactly as in the source apart from format-level
/// unquoting / entity decoding) and where it came from.
struct cell {
    std::string text;            ///< cell text, UTF-8
    std::size_t line = 0;        ///< 1-based source line where the cell starts
    std::size_t column = 0;      ///< 1-based position of the cell in its row (HTML: grid column)
    std::size_t offset = 0;      ///< byte offset of the cell start in the UTF-8 text
    std::size_t row_span = 1;    ///< HTML rowspan, merged rows of xlsx/docx (1 elsewhere)
    std::size_t col_span = 1;    ///< HTML colspan, merged columns of xlsx/docx (1 elsewhere)
    bool from_span = false;      ///< a copy placed in a position covered by a span (HTML, PDF, xlsx, docx)
    std::size_t page = 0;        ///< 1-based page of a paged source (PDF); 0 = not from a paged source
    box bounds{};                ///< where the cell is on its page (when `page` is not 0)
    /// Read by OCR (jixiao::ocr): how sure the recogniser was of the cell's least certain word,
    /// 0-100; -1 for a cell of a text layer or of any other reader.
    std::int16_t confidence = -1;
    /// Read by OCR and repaired by the value grammar (`IO` -> `10`, `万兀` -> `万元`): the text
    /// as the recogniser read it; empty when nothing was changed.
    std::string as_read{};
    /// Member-wise equality.
    friend bool operator==(const cell&, const cell&) = default;
};

/// The cells of one source row.
struct row {
    std::vector<cell> cells;  ///< in reading order; empty for a blank line
    std::size_t line = 0;     ///< 1-based source line where the row starts
    /// Member-wise equality.
    friend bool operator==(const row&, const row&) = default;
};

/// A document as rows of cells.
struct grid {
    std::vector<row> rows;           ///< in document order
    grid_format format{};            ///< the reader that produced the grid
    std::vector<std::string> notes;  ///< what the reader did beyond splitting, e.g. "converted from GB18030"
};

/// How old binary Office files (.xls, .et, .doc, .wps: OLE2 compound documents) are read.
/// jixiao has no reader of its own for them: LibreOffice headless converts one to .xlsx or .docx
/// (in a temporary directory with a private profile, within a time limit, macros not run), and
/// the Office reader reads what it wrote. Off by default in the library (a library call does not
/// start programs unasked); the `jixiao` command and the Python module turn it on.
struct legacy_office_options {
    bool convert = false;            ///< run LibreOffice on such a file (else: an error saying how)
    std::filesystem::path soffice;   ///< the program; empty: `soffice`, then `libreoffice`, on PATH
    unsigned timeout_seconds = 120;  ///< the conversion is stopped after this long (errc::io_error)
};

/// When a page is read by OCR (the reader of jixiao::ocr, registered with
/// `jixiao::ocr::register_reader()`; without it no page is).
enum class ocr_mode {
    automatic,  ///< image files, PDF pages without a text layer, and PDF pages whose text layer is a poor OCR layer
    always,     ///< every PDF page, its text layer read again
    never,      ///< no OCR: image files are refused, image-only PDF pages noted and skipped
};

/// How scanned pages are read (docs/readers.md, "Scans").
struct ocr_options {
    ocr_mode mode = ocr_mode::automatic;  ///< which pages are read by OCR
    unsigned dpi = 300;                    ///< PDF pages are rendered at this resolution for OCR
    int low_confidence = 80;               ///< cells whose least certain word is below are marked (0-100)
    std::string languages = "chi_sim";     ///< Tesseract's language data (chi_sim has Latin letters and digits too)
    std::size_t max_pixels = 80'000'000;   ///< pixels of one page image (larger: errc::limit_exceeded)
    unsigned jobs = 0;                     ///< pages recognised at once; 0: one per core
    /// Called after each page OCR has read, with the pages done and the pages to read, from the
    /// thread that read it but never by two at once (a progress bar: the command draws one on a
    /// terminal). Empty: nothing is called.
    std::function<void(std::size_t done, std::size_t total)> progress{};
};

/// Documented limits; exceeding one gives `errc::limit_exceeded`. And how old binary Office
/// files are read (`legacy_office`), and scans (`ocr`).
struct read_options {
    std::size_t max_bytes = 256u << 20;       ///< input size (also: total cell text, span copies included)
    std::size_t max_cells = 10'000'000;       ///< cells in the grid, span copies included
    std::size_t max_cell_bytes = 1u << 20;    ///< bytes of text in one cell
    std::size_t max_pages = 5000;             ///< pages of a paged document (PDF)
    legacy_office_options legacy_office{};    ///< .xls/.et/.doc/.wps: converted by LibreOffice, or refused
    ocr_options ocr{};                         ///< scanned pages (image files, PDF pages without text)
};

/// The reader that fits `text` (UTF-8, BOM allowed), or nullopt when it cannot tell
/// (empty, blank, binary, or no structure). Looks at the first 64 KiB only; a ZIP file is
/// xlsx or docx when the name of its main part (`xl/workbook.xml`, `word/document.xml`) is
/// stored in it.
[[nodiscard]] std::optional<grid_format> detect_format(std::string_view text) noexcept;

/// Reads `bytes` (any encoding `to_utf8` accepts; for xlsx/docx the ZIP file) as `format`.
[[nodiscard]] result<grid> read_grid(std::string_view bytes, grid_format format, const read_options& options = {});

/// Reads `bytes` with the reader `detect_format` chooses (a ZIP is opened to tell .xlsx from
/// .docx); `errc::unknown_format` if it cannot tell, with what the file is when it is another
/// Office file (an old binary .xls/.doc, .xlsb, OpenDocument).
[[nodiscard]] result<grid> read_grid(std::string_view bytes, const read_options& options = {});

/// The text as UTF-8: strips a UTF-8 BOM; valid UTF-8 passes unchanged; UTF-16 with a BOM and
/// otherwise GB18030 (a superset of GBK and GB2312) are converted with iconv.
/// Errors: `errc::invalid_utf8` (offset of the first bad byte), `errc::encoding_error`.
[[nodiscard]] result<std::string> to_utf8(std::string_view bytes);

/// The bytes of the file at `path`; `errc::io_error` if it cannot be read,
/// `errc::limit_exceeded` if it holds more than `max_bytes`.
[[nodiscard]] result<std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes);

/// A reader of a document format that lives outside the core library (the PDF reader of the
/// optional, GPL-licensed jixiao::pdf library): the bytes as given, the limits.
using document_reader = result<grid> (*)(std::string_view bytes, const read_options& options);

/// Makes `reader` the reader of `format` for `read_grid`, `import_text` and `import_file`
/// (thread-safe; a later call replaces it, nullptr removes it). `jixiao::pdf::register_reader()`
/// calls it for `grid_format::pdf`.
void register_reader(grid_format format, document_reader reader) noexcept;

/// The reader registered for `format`, or nullptr (thread-safe).
[[nodiscard]] document_reader registered_reader(grid_format format) noexcept;

}  // namespace jixiao::io
