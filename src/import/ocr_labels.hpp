// ocr_labels.hpp — the form labels OCR misreads by one character (`四分值` for 分值 under a stamp,
// `实际完成什` for 实际完成值): put right before the recognizer reads the grid, so that one bad
// character in a column header does not move a whole column of figures into the extra cells.
// Only cells read by OCR are touched; each repair keeps the text as read (`cell::as_read`), so
// the import report lists it among the cells to check.
#pragma once

#include <jixiao/io/grid.hpp>
#include <jixiao/io/layouts.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace jixiao::io::detail {

/// The label that `text` (a cell read by OCR) misreads, or nullopt: one character more at
/// either end (`四分值` -> `分值`), or, for a label of four characters or more, one character
/// added, dropped or changed anywhere (`实际完成什` -> `实际完成值`). Not when `text` is a label
/// itself, a fragment of one, a level-1 or level-2 text (`时效指标`), holds a digit (a figure is
/// no label), or is as near to two labels (`实际完成什`: 实际完成值 or 实际完成数; in a grid the
/// row's other labels tell which, see below). The labels are
/// the block, row and column labels of the national template and of `families` (titles and
/// level-1 texts are not: they are content more than labels).
[[nodiscard]] std::optional<std::string> misread_label(std::string_view text, std::span<const layout_family> families);

/// A copy of `g` with every misread label of its OCR cells put right (nullopt when there is
/// none, or the grid has no OCR cell). Only in rows where another cell is a label as printed
/// (a content cell one character from a label, `预算单位数`, stays); a misreading near labels
/// of two parts of the form is read as the one of the part of the row's labels.
[[nodiscard]] std::optional<grid> with_ocr_labels_repaired(const grid& g, std::span<const layout_family> families);

}  // namespace jixiao::io::detail
