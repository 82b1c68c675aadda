// positional_table.cpp — the indicator table, from its header to its 总分 row (or the next
// block): each row aligned (positional_align.cpp), a row cut by a page break joined with its
// continuation (`row_joined`), label rows of merged cells carried to the rows below, the header
// repeated on a new page (with its row of sub-labels) read again and skipped (`header_repeated`),
// fragments of the vertical label 绩效指标 dropped. The notes about a row's cells name the
// indicator it becomes.
#include "import/positional_internal.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jixiao::io::detail::positional {

namespace {

/// A row cut by a page break (`head`: its name, labels and notes) joined with its continuation
/// on the next page (`tail`: the rest of the name and the values).
raw_indicator joined(recognition_context& ctx, raw_indicator&& head, raw_indicator&& tail) {
    const std::string first = head.name;
    if (!first.empty()) {
        source_location w{ctx.source_name(), tail.line, tail.grid_row + 1, tail.column, tail.page};
        ctx.notes().push_back(import_note{
            "row_joined", note_kind::repair,
            "a row cut by a page break was joined with its continuation: `" + first + "` + `" + tail.name + "`",
            std::move(w), first + tail.name, ctx.form_index});
        head.notes.push_back(ctx.notes().size() - 1);
    }
    head.notes.insert(head.notes.end(), tail.notes.begin(), tail.notes.end());
    head.name = first + tail.name;
    head.labels.insert(head.labels.end(), tail.labels.begin(), tail.labels.end());
    head.target = tail.target;
    head.nature = tail.nature;
    head.target_value = tail.target_value;
    head.unit = tail.unit;
    head.actual = tail.actual;
    head.weight = tail.weight;
    head.score = tail.score;
    head.deviation = std::move(tail.deviation);
    head.extra = std::move(tail.extra);
    head.has_target = tail.has_target;
    head.has_actual = tail.has_actual;
    head.has_weight = tail.has_weight;
    head.has_score = tail.has_score;
    return std::move(head);
}

}  // namespace

std::size_t read_table(recognition_context& ctx, const working_rows& rows, std::size_t begin, std::size_t end,
                       form& f, bool& saw_total) {
    std::vector<header_col> header;
    std::size_t i = read_indicator_header(ctx, rows, begin, end, header);

    // Does this table use 成本指标 as a level 1 (with 经济 / 社会 / 生态环境成本 below it)?
    bool cost_is_level1 = false;
    for (std::size_t k = i; k < end && !cost_is_level1; ++k) {
        for (const wcell& c : rows[k].cells) {
            if (parent_of(c.sub) == category::cost) cost_is_level1 = true;
        }
    }

    std::vector<raw_indicator> raws;
    std::optional<raw_indicator> pending;  // a row cut by a page break, waiting for its continuation
    bool break_seen = false;
    // Appends an indicator row; the notes about its cells name the indicator it becomes.
    auto place = [&](raw_indicator&& raw) {
        const std::size_t index = f.indicators.size() + raws.size();
        for (std::size_t k : raw.notes) {
            if (!ctx.notes()[k].indicator) ctx.notes()[k].indicator = index;
        }
        raws.push_back(std::move(raw));
    };
    auto flush_pending = [&] {
        if (!pending) return;
        ctx.note_row(note_kind::warning, "indicator_without_values",
                     "an indicator row with a name but no values, weight or score", nullptr);
        ctx.notes().back().where =
            source_location{ctx.source_name(), pending->line, pending->grid_row + 1, pending->column, pending->page};
        ctx.notes().back().text = pending->name;
        pending->notes.push_back(ctx.notes().size() - 1);
        place(std::move(*pending));
        pending.reset();
    };
    for (; i < end; ++i) {
        const wrow& r = rows[i];
        if (r.cells.empty()) {
            if (!r.blank) continue;  // only page numbers
            break_seen = true;
            continue;
        }
        if (has_total_label(r)) {
            flush_pending();
            std::size_t j = i;
            read_total(ctx, rows, j, end, f);
            saw_total = true;
            i = j + 1;
            break;
        }
        const wcell* closing = nullptr;
        if (!closing_role(r, &closing).empty() || is_title_row(r, nullptr) || r.cells.front().is(bit_header_field)) break;
        if (is_indicator_header(r)) {
            // The header repeated on a new page, with its row of sub-labels if any: read as the
            // first one was, so that a target split over 指标性质 / 指标值 / 度量单位 stays split
            // (its 指标值 column the target's number, not the whole target).
            const std::size_t next = read_indicator_header(ctx, rows, i, end, header);
            ctx.note_row(note_kind::repair, "header_repeated", "the table header repeated after a page break was skipped", &r);
            break_seen = true;
            i = next - 1;
            continue;
        }
        // Page-break fragments of the vertical 绩效指标 label: the row's first cell.
        std::vector<const wcell*>& cells = ctx.row_cells;
        cells.clear();
        bool fragment = false;
        for (std::size_t k = 0; k < r.cells.size(); ++k) {
            const wcell& c = r.cells[k];
            if (k == 0 && (c.key == vocabulary::indicator_block_label || c.is(bit_indicator_fragment))) {
                ctx.drop(c, "split_label_dropped",
                         "a fragment of the vertical label 绩效指标 printed beside the table (page break)");
                fragment = true;
                continue;
            }
            cells.push_back(&c);
        }
        if (cells.empty()) {
            break_seen = true;
            continue;
        }
        const std::size_t notes_before = ctx.notes().size();
        raw_indicator raw;
        raw.line = r.line;
        raw.grid_row = r.grid_row;
        raw.column = cells.front()->column;
        raw.page = cells.front()->page;
        raw.break_before = break_seen || fragment;
        raw.spanned = r.spanned;
        if (!align_positional(ctx, r, header, raw)) {
            raw = raw_indicator{};
            raw.line = r.line;
            raw.grid_row = r.grid_row;
            raw.column = cells.front()->column;
            raw.page = cells.front()->page;
            raw.break_before = break_seen || fragment;
        raw.spanned = r.spanned;
            align_by_meaning(ctx, cells, header, raw);
        }
        for (std::size_t k = notes_before; k < ctx.notes().size(); ++k) raw.notes.push_back(k);
        break_seen = false;
        for (const wcell* l : raw.labels) recognition_context::map(*l);
        if (raw.name.empty() && !raw.has_values()) {
            // Labels only (a label row of a merged block): they apply to the rows below.
            if (!raw.labels.empty()) {
                raw_indicator label_row = std::move(raw);
                if (pending) {
                    pending->labels.insert(pending->labels.end(), label_row.labels.begin(), label_row.labels.end());
                    pending->notes.insert(pending->notes.end(), label_row.notes.begin(), label_row.notes.end());
                } else {
                    pending = std::move(label_row);
                }
            }
            continue;
        }
        if (!raw.has_values()) {
            flush_pending();
            pending = std::move(raw);
            continue;
        }
        if (pending) {
            if (raw.break_before || pending->name.empty()) {
                // A row cut by a page break: the name continues on the next page.
                raw_indicator head = std::move(*pending);
                pending.reset();
                place(joined(ctx, std::move(head), std::move(raw)));
                continue;
            }
            flush_pending();
        }
        place(std::move(raw));
    }
    flush_pending();
    finish_indicators(ctx, raws, f, cost_is_level1);
    return i - 1;
}

}  // namespace jixiao::io::detail::positional
