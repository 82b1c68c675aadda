// grid_internal.hpp — shared pieces of the grid readers (private to src/).
//
// Every reader takes text that is already valid UTF-8 without NUL bytes and without a BOM,
// and builds the grid through `grid_builder`, which enforces the limits of `read_options`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <jixiao/error.hpp>
#include <jixiao/io/grid.hpp>

namespace jixiao::io::detail {

/// Receives the rows of a reader one by one, each once it is complete (streaming import:
/// `import_text` recognises rows while they are in the cache instead of building the grid).
class row_sink {
public:
    /// Row `r` is complete (rows arrive in document order; the sink keeps the row alive as
    /// long as it needs its cells' text).
    virtual void take_row(row&& r) = 0;

protected:
    row_sink() = default;
    row_sink(const row_sink&) = default;
    row_sink& operator=(const row_sink&) = default;
    ~row_sink() = default;
};

/// Builds a grid row by row and checks the limits on every cell. With a `row_sink`, each row
/// goes to the sink once the next row begins (or at `take`) and the grid keeps no rows: the
/// sink receives exactly the rows the grid would have held, in order.
class grid_builder {
public:
    grid_builder(grid_format format, const read_options& options, row_sink* sink = nullptr)
        : options_(options), sink_(sink) {
        grid_.format = format;
    }

    /// Whether the rows go to a sink (hints such as `reserve_rows` are then pointless).
    [[nodiscard]] bool streaming() const noexcept { return sink_ != nullptr; }

    /// Starts a new row at `line`.
    void begin_row(std::size_t line) {
        if (sink_ != nullptr) flush_row();
        grid_.rows.push_back(row{{}, line});
    }

    /// Drops the current row (a row the reader decided is not part of the grid).
    void drop_row() { grid_.rows.pop_back(); }

    /// Appends a cell to the current row (a row is begun first if there is none).
    /// The column is the cell's 1-based position in the row unless given (HTML).
    [[nodiscard]] std::optional<error> add_cell(cell c) {
        if (grid_.rows.empty()) begin_row(c.line);
        if (auto e = count_cell(c.text.size(), c.offset)) return e;
        auto& cells = grid_.rows.back().cells;
        if (c.column == 0) c.column = cells.size() + 1;
        cells.push_back(std::move(c));
        return std::nullopt;
    }

    /// The same for a cell whose text is `text` (copied once, straight into the grid): same
    /// limits, same errors.
    [[nodiscard]] std::optional<error> add_cell(std::string_view text, std::size_t line, std::size_t column,
                                                std::size_t offset) {
        if (grid_.rows.empty()) begin_row(line);
        if (auto e = count_cell(text.size(), offset)) return e;
        auto& cells = grid_.rows.back().cells;
        cell& c = cells.emplace_back();
        c.text.assign(text);
        c.line = line;
        c.column = column == 0 ? cells.size() : column;
        c.offset = offset;
        return std::nullopt;
    }

    /// Room for `rows` rows (a hint).
    void reserve_rows(std::size_t rows) {
        if (sink_ == nullptr) grid_.rows.reserve(rows);
    }
    /// Room for `cells` cells in the current row (a hint).
    void reserve_cells(std::size_t cells) {
        if (!grid_.rows.empty()) grid_.rows.back().cells.reserve(cells);
    }

    void note(std::string text) { grid_.notes.push_back(std::move(text)); }

    /// The grid (with a sink: the last row goes to the sink, and the grid holds no rows).
    [[nodiscard]] grid take() && {
        if (sink_ != nullptr) flush_row();
        return std::move(grid_);
    }

    [[nodiscard]] static error limit_error(std::size_t offset, std::string message) {
        return error{errc::limit_exceeded, offset, {}, std::move(message)};
    }

private:
    /// Checks the limits for one more cell of `bytes` bytes at `offset`, and counts it.
    [[nodiscard]] std::optional<error> count_cell(std::size_t bytes, std::size_t offset) {
        if (bytes > options_.max_cell_bytes) {
            return limit_error(offset, "a cell of " + std::to_string(bytes) +
                                           " bytes is larger than the limit of " +
                                           std::to_string(options_.max_cell_bytes) + " bytes per cell");
        }
        if (++cells_ > options_.max_cells) {
            return limit_error(offset, "more than " + std::to_string(options_.max_cells) + " cells");
        }
        text_bytes_ += bytes;
        if (text_bytes_ > options_.max_bytes) {
            return limit_error(offset, "more than " + std::to_string(options_.max_bytes) +
                                           " bytes of cell text (span copies included)");
        }
        return std::nullopt;
    }

    /// Hands the current row, if any, to the sink.
    void flush_row() {
        if (grid_.rows.empty()) return;
        sink_->take_row(std::move(grid_.rows.back()));
        grid_.rows.clear();
    }

    const read_options& options_;
    row_sink* sink_ = nullptr;
    grid grid_;
    std::size_t cells_ = 0;
    std::size_t text_bytes_ = 0;
};

/// Tells the 1-based line of increasing byte offsets in one linear pass (\n, \r\n and \r end a line).
class line_tracker {
public:
    explicit line_tracker(std::string_view text) : text_(text) {}

    /// Line of `offset`; offsets must not decrease between calls.
    [[nodiscard]] std::size_t line_at(std::size_t offset) {
        if (offset > text_.size()) offset = text_.size();
        while (pos_ < offset) {
            const char c = text_[pos_];
            if (c == '\n') {
                ++line_;
            } else if (c == '\r') {
                if (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '\n') ++line_;
            }
            ++pos_;
        }
        return line_;
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

/// One physical line: [begin, end) without its terminator; `next` is the start of the next line.
struct line_span {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t next = 0;
};

/// The line starting at `pos` (precondition: pos < text.size()).
[[nodiscard]] inline line_span next_line(std::string_view text, std::size_t pos) noexcept {
    std::size_t end = pos;
    const std::size_t size = text.size();
    while (end < size && text[end] != '\n' && text[end] != '\r') ++end;
    std::size_t next = end;
    if (next < size) {
        if (text[next] == '\r' && next + 1 < size && text[next + 1] == '\n') next += 2;
        else next += 1;
    }
    return {pos, end, next};
}

/// True when the text holds only spaces and tabs.
[[nodiscard]] inline bool is_blank(std::string_view text) noexcept {
    for (const char c : text) {
        if (c != ' ' && c != '\t') return false;
    }
    return true;
}

[[nodiscard]] constexpr char ascii_lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

/// `jixiao::detail::utf8::first_invalid`, faster on Chinese text (three-byte sequences checked
/// inline): the byte offset of the first invalid sequence, or npos.
[[nodiscard]] std::size_t first_invalid_utf8(std::string_view text) noexcept;

/// The text as UTF-8 plus notes on what was done (BOM removed, converted from ...).
[[nodiscard]] result<std::string> to_utf8_noted(std::string_view bytes, std::vector<std::string>* notes);

// The readers proper (text: valid UTF-8, no BOM, no NUL). With a sink, the rows go to the
// sink instead of the grid (HTML places cells by spans across rows: it always builds the grid).
[[nodiscard]] result<grid> read_tsv(std::string_view text, const read_options& options, row_sink* sink = nullptr);
[[nodiscard]] result<grid> read_pipe(std::string_view text, const read_options& options, row_sink* sink = nullptr);
[[nodiscard]] result<grid> read_cell_per_line(std::string_view text, const read_options& options,
                                              row_sink* sink = nullptr);
[[nodiscard]] result<grid> read_csv(std::string_view text, const read_options& options, row_sink* sink = nullptr);
[[nodiscard]] result<grid> read_html(std::string_view text, const read_options& options);

/// A document checked (size limit, UTF-8 or converted, NUL bytes) and its format chosen:
/// what `read_grid` does before it calls a reader.
struct prepared_text {
    std::string_view original;             ///< the bytes given
    std::optional<std::string> converted;  ///< their conversion to UTF-8, when one was needed
    grid_format format{};                  ///< the reader to use
    std::vector<std::string> notes;        ///< the notes so far (conversion, format detected)
    /// The UTF-8 text to read.
    [[nodiscard]] std::string_view text() const noexcept {
        return converted ? std::string_view(*converted) : original;
    }
};

/// Checks `bytes` and chooses the format (`format`, or detected when unset), with the errors
/// of `read_grid`, in the same order.
[[nodiscard]] result<prepared_text> prepare_text(std::string_view bytes, std::optional<grid_format> format,
                                                 const read_options& options);
/// Reads a prepared text: `read_grid`'s result (the grid, its notes), except that with a sink
/// (any format but HTML) the rows go to the sink. The same errors as `read_grid`.
[[nodiscard]] result<grid> read_prepared(const prepared_text& text, const read_options& options,
                                         row_sink* sink = nullptr);

/// Whether `bytes` start with the PDF magic `%PDF-`.
[[nodiscard]] bool is_pdf(std::string_view bytes) noexcept;
/// The kind of image file the bytes start with (PNG, JPEG, TIFF, GIF, BMP, WebP), or empty
/// (grid_office.cpp).
[[nodiscard]] std::string_view image_kind(std::string_view bytes) noexcept;
/// Whether `bytes` are an image (a scan) and a reader of images is registered (jixiao::ocr);
/// without one, read_office names the image and says how to get its text.
[[nodiscard]] bool is_image(std::string_view bytes) noexcept;
/// Whether `bytes` go to a registered document reader rather than a text reader: the format
/// asked for is `pdf` or `image`, or none was asked for and the bytes are a PDF or an image
/// (grid_registry.cpp).
[[nodiscard]] bool is_binary_document(std::string_view bytes, std::optional<grid_format> format) noexcept;
/// Reads such a document with the reader registered for its format: `errc::reader_unavailable`
/// when none is (a build without jixiao::pdf or jixiao::ocr), `errc::limit_exceeded` above
/// `max_bytes`.
[[nodiscard]] result<grid> read_binary_document(std::string_view bytes, std::optional<grid_format> format,
                                                const read_options& options);

// ---- Office files (src/read/): .xlsx and .docx are ZIP archives, not text -----------------

/// The container the bytes are, by their magic bytes.
enum class container_kind {
    none,  ///< neither: text, or something else
    zip,   ///< a ZIP archive (`PK\3\4`, or `PK\5\6` for an empty one): .xlsx, .docx, ...
    ole2,  ///< an OLE2 compound file (`D0 CF 11 E0 A1 B1 1A E1`): .xls, .doc, .et, .wps, encrypted OOXML
};

/// Which container `bytes` start with.
[[nodiscard]] container_kind sniff_container(std::string_view bytes) noexcept;

/// The grid of an Office file, when `bytes` are a ZIP or an OLE2 file or `format` is xlsx/docx;
/// nullopt for anything else (text: the text readers take it). `format` unset: detected from
/// the parts inside the ZIP.
[[nodiscard]] std::optional<result<grid>> read_office(std::string_view bytes, std::optional<grid_format> format,
                                                      const read_options& options);

/// The CSV delimiter the reader uses for `text`: ';' when clearly used, else ','.
[[nodiscard]] char detect_csv_delimiter(std::string_view text) noexcept;

}  // namespace jixiao::io::detail
