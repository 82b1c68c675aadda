// score_table.cpp — batch scoring into one table: each form is scored by the engine of
// `score_into` (detail::score_numbers_into: numbers only) into one reused scorecard and its
// numbers are moved into the table's rows (appended by `tabulate`, placed by `sized_for` for
// `tabulate_range`).
#include <jixiao/score_table.hpp>

#include "score/scoring_internal.hpp"

#include <limits>
#include <utility>

namespace jixiao {

namespace {

score_row row_of(std::uint32_t form_index, std::uint32_t line, score_line& l) {
    // Every member named: no zero-filled temporary (a measurable cost at ~13 rows per form).
    return score_row{.form = form_index,
                     .line = line,
                     .status = l.status,
                     .reason = l.reason,
                     .result = l.result,
                     .over_achieved = l.over_achieved,
                     .weight = std::move(l.weight),
                     .computed = std::move(l.computed),
                     .reported = std::move(l.reported_score.value),
                     .difference = std::move(l.difference),
                     .counted = std::move(l.counted)};
}

/// Scores form `index` of `forms` (a run from item `first`) into `card` and hands its rows, in
/// order, to `emit`; returns its totals (row placement left to the caller). The next forms of
/// the run are the engine's lookahead.
template <class Emit>
form_score score_form(std::span<const form* const> forms, std::size_t first, std::size_t index, const rulebook& book,
                      scorecard& card, Emit emit) {
    detail::score_numbers_into(*forms[index], book, card, detail::lookahead_at(forms, first, index));
    const auto form_index = static_cast<std::uint32_t>(index);
    emit(row_of(form_index, 0, card.execution));
    for (std::size_t k = 0; k < card.indicators.size(); ++k) {
        emit(row_of(form_index, static_cast<std::uint32_t>(k + 1), card.indicators[k]));
    }
    form_score out;
    out.row_count = 1 + card.indicators.size();
    out.execution_rate_percent = std::move(card.execution_rate_percent);
    out.weight_total = std::move(card.weight_total);
    out.computed_total = std::move(card.computed_total);
    out.total_complete = card.total_complete;
    out.reported_total = std::move(card.reported_total.value);
    out.total_difference = std::move(card.total_difference);
    out.grade = std::move(card.computed_grade);
    out.scored = card.scorable;
    return out;
}

/// A table of `book` with no form yet, after checking `forms` (rows number at most 2^32 forms).
score_table empty_table(std::span<const form* const> forms, const rulebook& book) {
    JIXIAO_EXPECTS(forms.size() <= std::numeric_limits<std::uint32_t>::max());
    for (const form* f : forms) JIXIAO_EXPECTS(f != nullptr);
    score_table table;
    table.rulebook_id = book.id;
    table.rulebook_version = book.version;
    return table;
}

}  // namespace

score_table score_table::sized_for(std::span<const form* const> forms, const rulebook& book) {
    score_table table = empty_table(forms, book);
    table.forms.resize(forms.size());
    std::size_t rows = 0;
    for (std::size_t i = 0; i < forms.size(); ++i) {
        table.forms[i].first_row = rows;
        table.forms[i].row_count = 1 + forms[i]->indicators.size();
        rows += table.forms[i].row_count;
    }
    table.rows.resize(rows);
    return table;
}

void tabulate_range(score_table& table, std::span<const form* const> forms, const rulebook& book, std::size_t first,
                    std::size_t last) {
    JIXIAO_EXPECTS(table.forms.size() == forms.size() && first <= last && last <= forms.size());
    scorecard card;  // reused: one allocation for the whole range
    for (std::size_t i = first; i < last; ++i) {
        const std::size_t first_row = table.forms[i].first_row;
        JIXIAO_EXPECTS(table.forms[i].row_count == 1 + forms[i]->indicators.size());
        score_row* next = table.rows.data() + first_row;
        table.forms[i] = score_form(forms.first(last), first, i, book, card,
                                    [&next](score_row&& row) { *next++ = std::move(row); });
        table.forms[i].first_row = first_row;
    }
}

score_table tabulate(std::span<const form* const> forms, const rulebook& book) {
    // One pass: rows are appended as they are scored (a sized table would write every row twice).
    score_table table = empty_table(forms, book);
    std::size_t rows = 0;
    for (const form* f : forms) rows += 1 + f->indicators.size();
    table.rows.reserve(rows);
    table.forms.reserve(forms.size());
    scorecard card;
    for (std::size_t i = 0; i < forms.size(); ++i) {
        const std::size_t first_row = table.rows.size();
        table.forms.push_back(
            score_form(forms, 0, i, book, card, [&table](score_row&& row) { table.rows.push_back(std::move(row)); }));
        table.forms.back().first_row = first_row;
    }
    return table;
}

score_table tabulate(std::span<const form> forms, const rulebook& book) {
    return tabulate(std::span<const form* const>(detail::pointers_to(forms)), book);
}

}  // namespace jixiao
