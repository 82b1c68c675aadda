// jixiao/io/import.hpp — import published forms: any grid -> forms + an import report.
//
// Synopsis:
//   enum class note_kind   repair (what the recognizer fixed), unmapped (a cell it could not
//                          place), warning (e.g. "no 总分 row: the form looks truncated")
//   struct import_note     one entry of the report: code, kind, message, where, the cell text,
//                          form and indicator (when known); the audit reads it directly
//   struct import_report   every note of a document, plus cell counts (nothing lost: every
//                          non-empty input cell is either in a form or in the report)
//   struct import_result   forms + report
//   struct import_options  reader (auto-detected when unset), limits, source name
//   recognize(grid)        the one recognizer: grid -> forms, whatever the reader
//   import_text(bytes)     read_grid + recognize, streamed row by row (the same result)
//   import_file(path)      the same from a file
//
// A document in which no form is recognised is an error (errc::no_form_found), never an empty
// success.
#pragma once

#include <jixiao/error.hpp>
#include <jixiao/form.hpp>
#include <jixiao/io/grid.hpp>
#include <jixiao/io/layouts.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::io {

/// What an import note records.
enum class note_kind {
    repair,    ///< damage the recognizer repaired (joined a split cell, dropped a page number ...)
    unmapped,  ///< a non-empty cell that is in no form field
    warning,   ///< something a reviewer should know (truncated form, missing block ...)
};

/// Stable names: "repair", "unmapped", "warning".
[[nodiscard]] std::string_view to_string(note_kind k) noexcept;

/// One entry of the import report.
struct import_note {
    std::string code;                 ///< stable id, e.g. `page_number_dropped`, `cell_joined`
    /// Repair, unmapped cell or warning.
    note_kind kind = note_kind::warning;
    std::string message;              ///< English, with the specifics filled in
    source_location where;            ///< file, line, grid row and column (and page, for a PDF)
    std::string text;                 ///< the cell text concerned (as read)
    std::optional<std::size_t> form;  ///< index of the form it belongs to, if any
    std::optional<std::size_t> indicator{};  ///< the indicator it belongs to, when known
    /// Member-wise equality.
    friend bool operator==(const import_note&, const import_note&) = default;
};

/// Everything the recognizer did with a document.
struct import_report {
    std::string source;               ///< file name or `-`
    /// The reader used.
    grid_format format = grid_format::tsv;
    std::vector<std::string> reader_notes;  ///< from the grid reader (encoding conversion ...)
    /// Every repair, unmapped cell and warning, in document order.
    std::vector<import_note> notes;
    std::size_t cells_total = 0;      ///< non-empty cells read
    std::size_t cells_mapped = 0;     ///< non-empty cells that went into a form field
    /// Notes that belong to form `index`.
    [[nodiscard]] std::vector<import_note> notes_for(std::size_t index) const {
        std::vector<import_note> out;
        for (const auto& n : notes)
            if (n.form == index) out.push_back(n);
        return out;
    }
    /// Member-wise equality.
    friend bool operator==(const import_report&, const import_report&) = default;
};

/// Forms and the report of one document.
struct import_result {
    /// The forms recognised, in document order.
    std::vector<form> forms;
    /// What the recognizer did with the document.
    import_report report;
};

/// How to import.
struct import_options {
    std::optional<grid_format> format;  ///< unset: detected from the content
    /// Reader limits (input size, cells, cell size).
    read_options limits{};
    std::string source_name = "-";      ///< used in locations and the report
    /// Layout families the recognizer by meaning reads (empty: the built-in ones,
    /// `builtin_layouts()`); add a user's family with `load_layout_file`.
    std::vector<layout_family> layouts{};
};

/// The one recognizer: a grid of any reader -> forms + report.
[[nodiscard]] result<import_result> recognize(const grid& g, const import_options& options = {});
/// Reads `bytes` (any supported format and encoding) and recognizes the forms in it: the result of
/// `recognize(read_grid(bytes))`, with the rows of text readers recognised as they are read.
[[nodiscard]] result<import_result> import_text(std::string_view bytes, const import_options& options = {});
/// The same for a file (the file name becomes the source name unless one is given).
[[nodiscard]] result<import_result> import_file(const std::filesystem::path& path,
                                                const import_options& options = {});

/// Whether this build recognises labels printed in traditional characters (`項目名稱`): true
/// when it was built with OpenCC (`JIXIAO_WITH_OPENCC`). Pinyin glosses (`項(xiàng)目`) are
/// ignored in labels in every build. The printed text is kept either way.
[[nodiscard]] bool folds_traditional_characters() noexcept;

}  // namespace jixiao::io
