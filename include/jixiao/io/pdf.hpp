// jixiao/io/pdf.hpp — the PDF reader (optional library jixiao::pdf, GPL-licensed through poppler).
//
// Synopsis:
//   read_pdf(bytes, options)   a PDF document -> a grid (cells with page and box)
//   register_reader()          makes read_grid / import_text / import_file read PDFs with it
//
// Link `jixiao::pdf` (built when poppler is found; CMake option JIXIAO_WITH_PDF) and call
// `jixiao::pdf::register_reader()` once (the jixiao command and the Python module do). The core
// library `jixiao::jixiao` stays MIT and does not link poppler; a program that links
// `jixiao::pdf` is a combined work under the GPL (see README, "Licence"). How cells are found:
// docs/readers.md, section "pdf".
#pragma once

#include <string_view>

#include <jixiao/error.hpp>
#include <jixiao/io/grid.hpp>

namespace jixiao::pdf {

/// Reads a PDF: each page's words with their boxes, tables from the ruling lines drawn (merged
/// cells as spans), other text as rows split at wide gaps; one blank row between pages.
/// Errors: `errc::invalid_document` (not a PDF poppler can open), `errc::password_required`
/// (needs a user password), `errc::no_text_layer` (a scan: no page has text),
/// `errc::limit_exceeded` (`max_bytes`, `max_pages`, `max_cells`, `max_cell_bytes`).
[[nodiscard]] result<io::grid> read_pdf(std::string_view bytes, const io::read_options& options = {});

/// Registers `read_pdf` as the reader of `io::grid_format::pdf` (thread-safe, idempotent), and
/// silences poppler's messages on standard error (its damaged-file warnings on untrusted input).
void register_reader() noexcept;

}  // namespace jixiao::pdf
