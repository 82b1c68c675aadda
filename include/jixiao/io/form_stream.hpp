// jixiao/io/form_stream.hpp — import a document form by form, in bounded memory.
//
// Synopsis:
//   struct streamed_form   one form as recognised: the form, its import notes, its 0-based index
//   class form_stream      open_file(path) / open_text(bytes), then next() hands out the forms in
//                          document order, one at a time, each released by the stream once given;
//                          report() holds the document's reader notes, the notes on no form and
//                          (after the last form) the cell counts; chunked() tells the path taken
//
// UTF-8 tab-separated text (the text of published PDFs, the usual province format) is read in
// chunks of `chunk_bytes` cut at line ends and recognised row by row: memory is bounded by the
// largest form and the chunk, whatever the size of the document. The limits of `read_options`
// then apply per chunk and per form: `max_cells` to the cells of one form, `max_cell_bytes` to
// one cell, `max_bytes` to one chunk (a line longer than it is an error). Every other document
// takes the whole-document path of `import_text` (the whole file in memory, document limits):
// other formats and encodings (CSV, pipe, lines, HTML, xlsx, docx, PDF, GB18030, UTF-16), user
// layout families, text that names another kind of form (申报表, 部门整体 ...) and text in which
// the layout of the national template reads no form with indicators or funds (the recognizer by
// meaning reads the whole grid). Either way the forms and their notes are those of
// `import_text` (tests/cpp/import/form_stream_test.cpp keeps it so). Errors: those of
// `import_text`; on the chunked path a limit error can come after forms were handed out.
#pragma once

#include <jixiao/error.hpp>
#include <jixiao/form.hpp>
#include <jixiao/io/import.hpp>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace jixiao::io {

/// One form of a stream.
struct streamed_form {
    form subject;                     ///< the form as recognised
    std::vector<import_note> notes;   ///< its notes (`import_report::notes_for(index)`)
    std::size_t index = 0;            ///< 0-based position in the document
};

/// A document read form by form (see the header comment).
class form_stream {
public:
    /// Bytes read at a time on the chunked path (a chunk ends at a line end).
    static constexpr std::size_t default_chunk_bytes = std::size_t{8} << 20;

    /// Opens the file at `path` (its name becomes the source name unless one is given). Reads the
    /// file once to choose the path (encoding, format, kinds named); `errc::io_error` when it
    /// cannot be read, and the errors of `import_file` on the whole-document path.
    [[nodiscard]] static result<form_stream> open_file(const std::filesystem::path& path,
                                                       const import_options& options = {},
                                                       std::size_t chunk_bytes = default_chunk_bytes);
    /// The same for bytes in memory.
    [[nodiscard]] static result<form_stream> open_text(std::string bytes, const import_options& options = {},
                                                       std::size_t chunk_bytes = default_chunk_bytes);

    /// Moves the stream (the moved-from one may only be destroyed or assigned).
    form_stream(form_stream&&) noexcept;
    /// Moves the stream.
    form_stream& operator=(form_stream&&) noexcept;
    form_stream(const form_stream&) = delete;
    form_stream& operator=(const form_stream&) = delete;
    ~form_stream();

    /// The next form, nullopt after the last; an error ends the stream (later calls repeat it).
    [[nodiscard]] result<std::optional<streamed_form>> next();
    /// Whether the document is read chunk by chunk (false: the whole-document path).
    [[nodiscard]] bool chunked() const noexcept;
    /// Source, format, reader notes, notes that belong to no form; `cells_total` and
    /// `cells_mapped` once the last form was handed out.
    [[nodiscard]] const import_report& report() const noexcept;

private:
    struct impl;
    explicit form_stream(std::unique_ptr<impl> p) noexcept;
    std::unique_ptr<impl> impl_;
};

}  // namespace jixiao::io
