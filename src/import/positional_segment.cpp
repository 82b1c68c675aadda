// positional_segment.cpp — the grid segmented into forms, in one pass: each form starts at a
// title row (or, when the title is missing, at a 项目名称 row, with a year row just above it)
// and is read (read_form) as soon as the next form's start is known, while its rows are still
// in the cache (docs/performance.md). Nothing lost: every cell of a finished row is counted as
// mapped or listed in the report.
#include "import/positional_recognizer.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jixiao::io::detail::positional {

positional_recognizer::positional_recognizer(grid_format format, const import_options& options)
    : options_(options), rows_(options.source_name), ctx_(format, options.source_name, out_.report) {
    out_.report.source = options_.source_name;
    out_.report.format = format;
}

void positional_recognizer::account_rows(std::size_t end, std::optional<std::size_t> form) {
    for (; accounted_ < end; ++accounted_) {
        for (const wcell& c : rows_[accounted_].cells) {
            if (c.fate == cell_fate::open) {
                late_notes_.push_back(import_note{"cell_unmapped", note_kind::unmapped,
                                                  form ? "a cell the recognizer could not place in the form"
                                                       : "a cell outside every form",
                                                  ctx_.where(c), std::string(c.text), form});
                c.fate = cell_fate::noted;
            } else if (c.fate == cell_fate::mapped) {
                ++out_.report.cells_mapped;
            }
        }
    }
}

void positional_recognizer::finish_form(std::size_t begin, std::size_t end) {
    const std::size_t index = forms_done_++;
    ctx_.form_index = index;
    if (!on_form_) {
        form& f = out_.forms.emplace_back();
        read_form(ctx_, rows_, begin, end, f);
        ctx_.form_index.reset();
        account_rows(end, index);
        rows_.release(end);
        return;
    }
    form f;
    read_form(ctx_, rows_, begin, end, f);
    ctx_.form_index.reset();
    account_rows(end, index);
    rows_.release(end);
    hand_out(std::move(f), begin, end, index);
}

void positional_recognizer::hand_out(form&& f, std::size_t begin, std::size_t end, std::size_t index) {
    // The notes in the order of the report: page numbers, the form's own notes, the cells
    // nothing placed; those of no form (text before the first form) are kept for `finish`.
    std::vector<import_note> notes;
    std::vector<import_note>& page_notes = rows_.page_notes();
    for (; page_notes_taken_ < page_notes.size(); ++page_notes_taken_) {
        import_note& n = page_notes[page_notes_taken_];
        if (n.where.row != 0 && n.where.row - 1 >= end) break;  // a later form's
        if (n.where.row != 0 && n.where.row - 1 >= begin) {
            n.form = index;
            notes.push_back(std::move(n));
        } else {
            loose_notes_.push_back(std::move(n));
        }
    }
    page_notes.erase(page_notes.begin(), page_notes.begin() + static_cast<std::ptrdiff_t>(page_notes_taken_));
    page_notes_taken_ = 0;
    for (std::vector<import_note>* from : {&out_.report.notes, &late_notes_}) {
        for (import_note& n : *from) (n.form == index ? notes : loose_notes_).push_back(std::move(n));
        from->clear();
    }
    on_form_(std::move(f), std::move(notes));
}

void positional_recognizer::add_row(const row& src) {
    // Form starts: title rows; a 项目名称 row that follows no title (or a form that already has
    // a project name) starts a form whose title is missing.
    const std::size_t i = rows_.size();
    rows_.add(src);
    const wrow& r = rows_[i];
    std::optional<std::size_t> start_here;
    if (is_title_row(r)) {
        start_here = i;
        in_form_ = true;
        has_name_ = false;
    } else if (!r.cells.empty() && r.cells.front().header_role() == "project_name") {
        if (!in_form_ || has_name_) {
            // The form starts at its year row when one stands just above (the title is lost).
            std::size_t start = i;
            while (start > 0 && (starts_.empty() || start - 1 > starts_.back()) && rows_[start - 1].cells.size() == 1 &&
                   rows_[start - 1].cells.front().key.size() <= 40 && find_year(rows_[start - 1].cells.front().key)) {
                --start;
            }
            start_here = start;
            in_form_ = true;
        }
        has_name_ = true;
    }
    if (!start_here) return;
    // The previous form (or the text before the first form) ends here.
    if (starts_.empty()) {
        account_rows(*start_here, std::nullopt);
        rows_.release(*start_here);
    } else {
        finish_form(starts_.back(), *start_here);
    }
    starts_.push_back(*start_here);
}

result<import_result> positional_recognizer::finish(std::vector<std::string> reader_notes) {
    out_.report.reader_notes = std::move(reader_notes);
    if (starts_.empty()) account_rows(rows_.size(), std::nullopt);
    else finish_form(starts_.back(), rows_.size());
    out_.report.cells_total = rows_.cells_read();

    std::vector<import_note>& page_notes = rows_.page_notes();
    for (import_note& n : page_notes) {
        if (n.where.row == 0) continue;
        // The last form starting at or before the note's row (starts are increasing).
        const auto after = std::upper_bound(starts_.begin(), starts_.end(), n.where.row - 1);
        if (after != starts_.begin()) n.form = static_cast<std::size_t>(after - starts_.begin()) - 1;
    }
    // Report order: page numbers, then the forms' notes, then the cells nothing placed.
    std::vector<import_note> notes;
    notes.reserve(page_notes.size() + out_.report.notes.size() + late_notes_.size());
    std::move(page_notes.begin(), page_notes.end(), std::back_inserter(notes));
    std::move(out_.report.notes.begin(), out_.report.notes.end(), std::back_inserter(notes));
    std::move(late_notes_.begin(), late_notes_.end(), std::back_inserter(notes));
    out_.report.notes = std::move(notes);
    if (on_form_) {
        // Streamed: the notes of no form, in the order they came (the forms' went with them).
        std::move(out_.report.notes.begin(), out_.report.notes.end(), std::back_inserter(loose_notes_));
        out_.report.notes = std::move(loose_notes_);
    }

    if (forms_done_ == 0) {
        return error{errc::no_form_found, 0, options_.source_name,
                     "no form found: no title such as 财政项目支出绩效自评表 and no 项目名称 row (" +
                         std::to_string(out_.report.cells_total) + " non-empty cells read)"};
    }
    return std::move(out_);
}

}  // namespace jixiao::io::detail::positional
