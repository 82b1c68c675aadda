// positional_rows.cpp — grid rows -> working rows: the non-empty cells of each row (span
// copies are not input cells), trimmed, keyed and classified once; page numbers dropped
// (repair `page_number_dropped`). The rows of a finished form are released, so only a form or
// two is ever held.
#include "import/positional_internal.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::io::detail::positional {

std::string_view working_rows::key_of(std::string_view t, bool spaces) {
    std::string_view key = t;
    if (spaces) key = owned_keys_.emplace_back(detail::without_spaces(t));
    if (key.ends_with(":")) key.remove_suffix(1);
    else if (key.ends_with("\xEF\xBC\x9A")) key.remove_suffix(3);  // U+FF1A full-width colon
    return key;
}

void working_rows::add(const row& src) {
    const std::size_t i = size();
    if (cells_.size() + src.cells.size() > cells_.capacity()) {
        // Room for the row's cells; the held rows' spans are rebased (cells_ holds exactly
        // their cells, in row order: release keeps it so).
        cells_.reserve(std::max(cells_.size() + src.cells.size(), 2 * cells_.capacity()));
        std::size_t offset = 0;
        for (wrow& held : rows_) {
            held.cells = std::span<wcell>(cells_.data() + offset, held.cells.size());
            offset += held.cells.size();
        }
    }
    wrow r;
    r.grid_row = i;
    r.line = src.line;
    if (!src.cells.empty()) r.page = src.cells.front().page;
    const std::size_t first_cell = cells_.size();
    const std::size_t keys_before = owned_keys_.size();
    for (const cell& c : src.cells) {
        if (c.from_span) {  // a copy of a merged cell: "same as above", not an input cell
            r.spanned = true;
            continue;
        }
        const std::string_view t = trim(c.text);
        if (t.empty()) continue;
        wcell w;
        w.text = t;
        w.grid_row = i;
        w.line = c.line;
        w.column = c.column;
        w.page = c.page;
        ++cells_read_;
        if (is_page_number(t)) {
            w.fate = cell_fate::noted;
            page_notes_.push_back(import_note{
                "page_number_dropped", note_kind::repair,
                "a page number of the PDF leaked into the table as a cell; it is not a cell of the form",
                source_location{source_name_, w.line, w.grid_row + 1, w.column, w.page}, std::string(t), std::nullopt});
            r.blank = false;
            continue;
        }
        const bool spaces = detail::has_blank(t);
        if (t.size() <= 256) w.key = key_of(t, spaces);
        classify(w);
        if (spaces) w.bits |= bit_has_space;
        cells_.push_back(w);
        r.blank = false;
    }
    r.cells = std::span<wcell>(cells_.data() + first_cell, cells_.size() - first_cell);
    r.owned_keys = owned_keys_.size() - keys_before;
    if (!r.cells.empty()) {
        wcell& first = r.cells.front();
        if (first.key.size() <= 150) {
            for (std::string_view title : vocabulary::form_titles) {
                if (contains(first.key, title)) {
                    first.bits |= bit_title;
                    break;
                }
            }
            // bit_year_mark is read only for the other cells of a title row.
            if (first.is(bit_title)) {
                for (wcell& other : r.cells.subspan(1)) {
                    if (contains(other.key, vocabulary::year_word)) other.bits |= bit_year_mark;
                }
            }
        }
    }
    rows_.push_back(r);
}

void working_rows::release(std::size_t end) {
    if (end <= base_) return;
    if (end >= size()) {
        cells_.clear();
        base_ = size();
        rows_.clear();
        owned_keys_.clear();
        return;
    }
    const auto offset = static_cast<std::size_t>((*this)[end].cells.data() - cells_.data());
    // The keys of the released rows' cells go with them (they are the first ones held; a deque
    // keeps the others where they are): a document's keys are never all held at once.
    std::size_t keys = 0;
    for (std::size_t k = 0; k < end - base_; ++k) keys += rows_[k].owned_keys;
    owned_keys_.erase(owned_keys_.begin(), owned_keys_.begin() + static_cast<std::ptrdiff_t>(keys));
    rows_.erase(rows_.begin(), rows_.begin() + static_cast<std::ptrdiff_t>(end - base_));
    base_ = end;
    if (offset == 0) return;
    cells_.erase(cells_.begin(), cells_.begin() + static_cast<std::ptrdiff_t>(offset));
    for (wrow& r : rows_) r.cells = std::span<wcell>(r.cells.data() - offset, r.cells.size());
}

}  // namespace jixiao::io::detail::positional
