// score_table.cpp — batch scoring into one table: each form is scored by `score_into` into one
// reused scorecard and its numbers are copied into the rows placed for it.
#include <jixiao/score_table.hpp>

#include <limits>
#include <utility>

namespace jixiao {

namespace {

void fill_row(score_row& row, std::uint32_t form_index, std::uint32_t line, const score_line& l) {
    row.form = form_index;
    row.line = line;
    row.status = l.status;
    row.reason = l.reason;
    row.result = l.result;
    row.over_achieved = l.over_achieved;
    row.weight = l.weight;
    row.computed = l.computed;
    row.reported = l.reported_score.value;
    row.difference = l.difference;
    row.counted = l.counted;
}

}  // namespace

score_table score_table::sized_for(std::span<const form* const> forms, const rulebook& book) {
    JIXIAO_EXPECTS(forms.size() <= std::numeric_limits<std::uint32_t>::max());
    score_table table;
    table.rulebook_id = book.id;
    table.rulebook_version = book.version;
    table.forms.resize(forms.size());
    std::size_t rows = 0;
    for (std::size_t i = 0; i < forms.size(); ++i) {
        JIXIAO_EXPECTS(forms[i] != nullptr);
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
    score_options options;
    options.traces = false;
    scorecard card;  // reused: one allocation for the whole range
    for (std::size_t i = first; i < last; ++i) {
        const form& f = *forms[i];
        form_score& out = table.forms[i];
        JIXIAO_EXPECTS(out.row_count == 1 + f.indicators.size());
        score_into(f, book, card, options);
        const auto form_index = static_cast<std::uint32_t>(i);
        score_row* rows = table.rows.data() + out.first_row;
        fill_row(rows[0], form_index, 0, card.execution);
        for (std::size_t k = 0; k < card.indicators.size(); ++k) {
            fill_row(rows[k + 1], form_index, static_cast<std::uint32_t>(k + 1), card.indicators[k]);
        }
        out.execution_rate_percent = std::move(card.execution_rate_percent);
        out.weight_total = std::move(card.weight_total);
        out.computed_total = std::move(card.computed_total);
        out.total_complete = card.total_complete;
        out.reported_total = std::move(card.reported_total.value);
        out.total_difference = std::move(card.total_difference);
        out.grade = std::move(card.computed_grade);
    }
}

score_table tabulate(std::span<const form* const> forms, const rulebook& book) {
    score_table table = score_table::sized_for(forms, book);
    tabulate_range(table, forms, book, 0, forms.size());
    return table;
}

score_table tabulate(std::span<const form> forms, const rulebook& book) {
    std::vector<const form*> pointers;
    pointers.reserve(forms.size());
    for (const form& f : forms) pointers.push_back(&f);
    return tabulate(std::span<const form* const>(pointers), book);
}

}  // namespace jixiao
