// jixiao/io/ocr.hpp — the reader of scans (optional library jixiao::ocr: Tesseract and Leptonica,
// both Apache-2.0 / BSD: the library stays MIT-compatible).
//
// Synopsis:
//   read_image(bytes, options)   a PNG, JPEG or TIFF (every page of a multi-page TIFF) -> a grid
//   register_reader()            makes read_grid / import_text / import_file read images with it,
//                                and the PDF reader (jixiao::pdf) read its pages without text
//
// How a page is read (docs/readers.md, "Scans"): the image is turned to grey (the red channel of
// a colour scan, so that a red stamp drops out), straightened (Leptonica's deskew), binarised
// (Sauvola); the ruling lines are found and taken out of the image; each table cell the lines
// make is recognised on its own (Tesseract, `chi_sim+eng`), and the text outside the tables as
// one block. The words go into the same page layout as the PDF reader's, so the recogniser of
// forms does not change. Every cell keeps its confidence (`io::cell::confidence`); the figures
// the value grammar repaired keep their text as read (`io::cell::as_read`); import marks the
// cells below `ocr_options::low_confidence` and the repaired ones (note `ocr_uncertain`), and the
// audit lists them (check `ocr.uncertain`).
#pragma once

#include <string_view>

#include <jixiao/error.hpp>
#include <jixiao/io/grid.hpp>

namespace jixiao::ocr {

/// Reads an image of one or more pages. Errors: `errc::invalid_document` (not an image Leptonica
/// can decode), `errc::limit_exceeded` (`max_bytes`, `ocr.max_pixels` per page, `max_pages`),
/// `errc::reader_unavailable` (Tesseract's language data for `ocr.languages` not installed),
/// `errc::no_text_layer` (OCR found no text on any page).
[[nodiscard]] result<io::grid> read_image(std::string_view bytes, const io::read_options& options = {});

/// Registers `read_image` for `io::grid_format::image` and the page recogniser the PDF reader
/// uses for pages without a text layer (thread-safe, idempotent).
void register_reader() noexcept;

}  // namespace jixiao::ocr
