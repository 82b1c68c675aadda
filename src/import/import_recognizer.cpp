// import_recognizer.cpp — the door of import: a grid (any reader) -> forms + import report.
//
// The positional recognizer reads the layout of the national template (the bundled sample) in
// stages, one file each (positional_internal.hpp; how it works, every repair code and the
// report: docs/import.md):
//   rows     grid rows -> working rows, cells classified once by their labels
//            (positional_rows.cpp, positional_labels.cpp); page numbers dropped;
//   segment  forms start at title rows, or at a 项目名称 row (positional_segment.cpp);
//   blocks   one form's rows, each to its block by its labels: year, header fields, funds,
//            goal, indicator table, total, grade, notes (positional_blocks.cpp, _funds, _goal,
//            _closing);
//   table    the indicator header mapped to column roles, rows aligned by position when they
//            agree with it and by meaning otherwise, rows cut by page breaks joined, levels
//            inherited (positional_header.cpp, _table, _align, _levels);
// and every non-empty cell ends up in a form field or in the report. When it finds nothing a
// form needs, `or_by_meaning` hands the grid to the recognizer by meaning
// (meaning_recognizer.hpp). `import_text` streams the rows of text through the recognizer.
#include <jixiao/io/import.hpp>

#include "read/grid_internal.hpp"
#include "import/meaning_recognizer.hpp"
#include "import/ocr_labels.hpp"
#include "import/positional_recognizer.hpp"

#include <algorithm>
#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jixiao::io {

std::string_view to_string(note_kind k) noexcept {
    switch (k) {
    case note_kind::repair: return "repair";
    case note_kind::unmapped: return "unmapped";
    case note_kind::warning: return "warning";
    }
    return "unknown";
}

namespace {

/// The positional recognizer's result, or the recognizer by meaning's when the first found
/// nothing a form needs (no form, or only forms without indicators and funds figures).
result<import_result> choose_reading(result<import_result> positional, const grid& g, const import_options& options);

/// A reader note that changes what a form says (a workbook formula without a cached value, read
/// as empty) is also an import warning on every form of the document, so that the audit reports
/// it beside the totals it may have emptied.
void warn_on_reader_notes(import_result& r) {
    std::vector<const std::string*> formulas;
    for (const std::string& n : r.report.reader_notes) {
        if (n.find("has no cached value") != std::string::npos || n.find("without a cached value") != std::string::npos) {
            formulas.push_back(&n);
        }
    }
    if (formulas.empty()) return;
    std::string listed;
    for (const std::string* n : formulas) listed += (listed.empty() ? "" : "; ") + *n;
    for (std::size_t i = 0; i < r.forms.size(); ++i) {
        import_note note;
        note.code = "formula_without_value";
        note.kind = note_kind::warning;
        note.message = "the workbook has formula cells without a cached value, read as empty (a total or a score may "
                       "be missing): " + listed;
        note.form = i;
        note.where = r.forms[i].where;
        r.report.notes.push_back(std::move(note));
    }
}

/// Every cell read by OCR that a person should look at: its confidence below
/// `ocr.low_confidence`, or its text repaired by the value grammar. One `ocr_uncertain` warning
/// each, on the form whose rows hold it, with the page and box of the cell (the audit lists them
/// as `ocr.uncertain`).
void mark_uncertain_cells(const grid& g, import_result& r, const import_options& options) {
    if (g.format != grid_format::image && g.format != grid_format::pdf) return;  // only paged readers use OCR
    const int low = options.limits.ocr.low_confidence;
    for (std::size_t i = 0; i < g.rows.size(); ++i) {
        for (const cell& c : g.rows[i].cells) {
            // An empty cell read by OCR has ink in it that no text was read from (confidence 0).
            if (c.from_span || c.confidence < 0 || (c.text.empty() && c.confidence > 0)) continue;
            const bool unsure = c.confidence < low;
            const bool repaired = !c.as_read.empty();
            if (!unsure && !repaired) continue;
            import_note n;
            n.code = "ocr_uncertain";
            n.kind = note_kind::warning;
            n.where = source_location{options.source_name, c.line, i + 1, c.column, c.page};
            n.text = c.text;
            const auto pt = [](std::int32_t u) {
                return std::to_string(u / 100) + "." + std::to_string((u < 0 ? -u : u) % 100 / 10);
            };
            n.message = c.text.empty() ? "ink in the cell but no text read by OCR" : "read by OCR";
            if (unsure && !c.text.empty()) n.message += " with confidence " + std::to_string(c.confidence) + " (below " + std::to_string(low) + ")";
            if (repaired) n.message += std::string(unsure ? "," : "") + " repaired from \"" + c.as_read + "\"";
            n.message += "; page " + std::to_string(c.page) + ", box (" + pt(c.bounds.x0) + ", " + pt(c.bounds.y0) + ")-(" +
                         pt(c.bounds.x1) + ", " + pt(c.bounds.y1) + ") pt: check it against the scan";
            // The form whose rows hold the cell: the last one starting at or above it.
            for (std::size_t f = r.forms.size(); f-- > 0;) {
                if (r.forms[f].where.row != 0 && r.forms[f].where.row <= i + 1) {
                    n.form = f;
                    break;
                }
            }
            if (!n.form && !r.forms.empty()) n.form = 0;  // above the first form's title: its header
            // The indicator whose row holds the cell: the audit finding and the HTML report
            // point at it.
            if (n.form) {
                const std::vector<indicator>& inds = r.forms[*n.form].indicators;
                for (std::size_t k = 0; k < inds.size(); ++k) {
                    if (inds[k].where.row == i + 1) {
                        n.indicator = k;
                        break;
                    }
                }
            }
            r.report.notes.push_back(std::move(n));
        }
    }
}

result<import_result> or_by_meaning(result<import_result> positional, const grid& g, const import_options& options) {
    result<import_result> r = choose_reading(std::move(positional), g, options);
    if (r.has_value()) {
        warn_on_reader_notes(*r);
        mark_uncertain_cells(g, *r, options);
    }
    return r;
}

result<import_result> choose_reading(result<import_result> positional, const grid& g, const import_options& options) {
    // Families given by the caller are read by meaning (the positional layout knows only its own).
    if (options.layouts.empty() && positional.has_value() && !detail::is_empty_result(*positional) &&
        !detail::holds_other_kinds_only(g, options)) {
        return positional;
    }
    result<import_result> meaning = detail::recognize_by_meaning(g, options);
    if (meaning.has_value() && positional.has_value() && detail::is_empty_result(*meaning) && options.layouts.empty()) {
        return positional;  // nothing more by meaning: the positional report says what is missing
    }
    if (meaning.has_value()) {
        meaning->report.reader_notes.insert(meaning->report.reader_notes.begin(),
            positional.has_value() ? "read by meaning: the layout of the national template gave forms without indicators or funds"
                                   : "read by meaning: the layout of the national template gave no form");
        return meaning;
    }
    if (meaning.error().message.find("jixiao reads project") != std::string::npos) {
        return meaning.error();  // forms of another kind: named and refused, never a broken project form
    }
    if (!positional.has_value()) {
        error e = meaning.error();
        if (e.message.find("jixiao reads project") == std::string::npos) {
            e = positional.error();
            e.message += "; " + meaning.error().message;
        }
        return e;
    }
    return positional;
}

result<import_result> recognize_grid(const grid& g, const import_options& options) {
    detail::positional::positional_recognizer r(g.format, options);
    for (const row& src : g.rows) r.add_row(src);
    return or_by_meaning(r.finish(g.notes), g, options);
}

}  // namespace

result<import_result> recognize(const grid& g, const import_options& options) {
    if (g.format == grid_format::image || g.format == grid_format::pdf) {
        // Labels OCR misread by a character (`四分值`), put right first: the recognizer finds
        // its columns by them.
        const std::span<const layout_family> families =
            options.layouts.empty() ? std::span<const layout_family>(builtin_layouts()) : std::span<const layout_family>(options.layouts);
        if (const std::optional<grid> repaired = detail::with_ocr_labels_repaired(g, families)) return recognize_grid(*repaired, options);
    }
    return recognize_grid(g, options);
}

namespace {

/// Recognises the rows of a reader as they come (`import_text`): each row is read, recognised
/// and freed while it is in the cache, instead of building the whole grid first. The results
/// are those of `recognize(read_grid(...))`: the recognizer sees the same rows in the same order.
class streaming_recognizer final : public detail::row_sink {
public:
    /// `text_bytes`: the size of the UTF-8 text read (for the estimate of the number of forms).
    streaming_recognizer(grid_format format, const import_options& options, std::size_t text_bytes)
        : recognizer_(format, options), text_bytes_(text_bytes) {}

    void take_row(row&& r) override {
        const std::size_t offset = r.cells.empty() ? 0 : r.cells.front().offset;
        held_.push_back(std::move(r));  // a deque: the held rows (and their cells' text) never move
        recognizer_.add_row(held_.back());
        if (!estimated_ && recognizer_.forms_done() > 0) {
            // The first form ended at this row: room for as many forms of its size as the
            // text holds (+25%), so that the forms are not moved as the vector grows.
            estimated_ = true;
            if (offset > 0) {
                const std::size_t forms = text_bytes_ / offset + 1;
                // Bounded: at most four times the text in form objects (only touched if used).
                const std::size_t cap = text_bytes_ / sizeof(form) * 4 + 1;
                recognizer_.expect_forms(std::min(forms + forms / 4 + 16, cap));
            }
        }
        // Frees the rows the recognizer is done with.
        for (const std::size_t released = recognizer_.released(); first_held_ < released; ++first_held_) {
            held_.pop_front();
        }
    }

    result<import_result> finish(std::vector<std::string> reader_notes) {
        return recognizer_.finish(std::move(reader_notes));
    }

private:
    detail::positional::positional_recognizer recognizer_;
    std::deque<row> held_;        ///< grid rows [first_held_, first_held_ + held_.size())
    std::size_t first_held_ = 0;
    std::size_t text_bytes_ = 0;
    bool estimated_ = false;      ///< the number of forms was estimated
};

}  // namespace

result<import_result> import_text(std::string_view bytes, const import_options& options) {
    const auto fail = [&](error e) -> result<import_result> {
        if (e.where.empty()) e.where = options.source_name;
        if (e.code == errc::unknown_format) {
            e.code = errc::no_form_found;
            e.message = "no form found: " + e.message;
        }
        return e;
    };
    if (detail::is_binary_document(bytes, options.format)) {
        // A PDF: the registered reader builds the whole grid (jixiao::pdf).
        result<grid> g = detail::read_binary_document(bytes, options.format, options.limits);
        if (!g.has_value()) return fail(g.error());
        return recognize(*g, options);
    }
    if (auto office = detail::read_office(bytes, options.format, options.limits)) {
        // Office files (.xlsx, .docx): the whole grid first (merged cells are spans), no UTF-8 check.
        if (!office->has_value()) {
            error e = office->error();  // kept as it is: it says what the file is
            if (e.where.empty()) e.where = options.source_name;
            return e;
        }
        return recognize(**office, options);
    }
    result<detail::prepared_text> text = detail::prepare_text(bytes, options.format, options.limits);
    if (!text.has_value() && text.error().code == errc::unknown_format && !options.format) {
        // No table structure the readers know: text of a PDF dump (cells joined by spaces or
        // run together). Read line by line, then by meaning.
        text = detail::prepare_text(bytes, grid_format::cell_per_line, options.limits);
    }
    if (!text.has_value()) return fail(text.error());
    if (text->format == grid_format::html) {
        // HTML places cells by their spans across rows: the whole grid first.
        result<grid> g = detail::read_prepared(*text, options.limits);
        if (!g.has_value()) return fail(g.error());
        return recognize(*g, options);
    }
    streaming_recognizer recognizer(text->format, options, text->text().size());
    result<grid> g = detail::read_prepared(*text, options.limits, &recognizer);
    if (!g.has_value()) return fail(g.error());
    result<import_result> positional = recognizer.finish(std::move(g->notes));
    if (options.layouts.empty() && positional.has_value() && !detail::is_empty_result(*positional) &&
        !detail::may_hold_other_kind(text->text())) {
        return positional;
    }
    // Nothing a form needs: the whole grid again, for the recognizer by meaning.
    result<grid> whole = detail::read_prepared(*text, options.limits);
    if (!whole.has_value()) return positional.has_value() ? positional : fail(positional.error());
    result<import_result> r = or_by_meaning(std::move(positional), *whole, options);
    if (!r.has_value()) return fail(r.error());
    return r;
}

result<import_result> import_file(const std::filesystem::path& path, const import_options& options) {
    result<std::string> bytes = read_file(path, options.limits.max_bytes);
    if (!bytes.has_value()) return bytes.error();
    import_options o = options;
    if (o.source_name == "-") o.source_name = path.filename().string();
    return import_text(*bytes, o);
}

}  // namespace jixiao::io
