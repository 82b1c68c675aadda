// jixiao/score_table.hpp — batch scoring into one compact table: the numbers of every line of
// every form, without traces, for portfolios of thousands of forms.
//
// Synopsis:
//   struct score_row            one line of one form: status, weight, computed, reported,
//                               difference, counted (what `score_line` holds minus the trace,
//                               band and deviation)
//   struct form_score           one form: its rows, execution rate, totals, grade
//   struct score_table          the rows of all forms (flat, in order) + one form_score per form
//   tabulate(forms, book)       score every form into a table (same engine as `score`)
//   score_table::sized_for + tabulate_range   the same in parts, e.g. one range per thread
//
// A table holds exactly what `score(f, book, {.traces = false})` computes for the fields it keeps
// (a test checks it line by line); it is about a third of the size of the scorecards and builds
// without one allocation per form. Use `score` when a line's trace, band or deviation is needed.
#pragma once

#include <jixiao/decimal.hpp>
#include <jixiao/form.hpp>
#include <jixiao/rulebook.hpp>
#include <jixiao/scoring.hpp>
#include <jixiao/value.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace jixiao {

/// One line of one form in a score_table: the numbers of a `score_line`.
struct score_row {
    std::uint32_t form = 0;  ///< index of the form in the batch
    /// 0 for the execution line (预算执行率), k + 1 for indicator k.
    std::uint32_t line = 0;
    line_status status = line_status::not_scorable;  ///< as in score_line
    line_reason reason = line_reason::missing_weight; ///< as in score_line
    outcome result = outcome::not_comparable;         ///< as in score_line
    bool over_achieved = false;                       ///< as in score_line
    std::optional<decimal> weight;      ///< weight used
    std::optional<decimal> computed;    ///< the engine's score
    std::optional<decimal> reported;    ///< 得分 as reported, when it parsed (the text stays in the form)
    std::optional<decimal> difference;  ///< computed - reported
    std::optional<decimal> counted;     ///< what went into the computed total
    /// Whether this is the execution line.
    [[nodiscard]] bool is_execution() const noexcept { return line == 0; }
    /// Member-wise equality.
    friend bool operator==(const score_row&, const score_row&) = default;
};

/// One form in a score_table: where its rows are and its totals (as in `scorecard`).
struct form_score {
    std::size_t first_row = 0;  ///< index of its execution row in score_table::rows
    std::size_t row_count = 0;  ///< 1 + number of indicators
    std::optional<decimal> execution_rate_percent;  ///< 执行率, rounded per the rulebook
    decimal weight_total;       ///< sum of the weights used
    decimal computed_total;     ///< sum of the counted parts
    bool total_complete = true; ///< false when a line contributed nothing
    std::optional<decimal> reported_total;    ///< 总分 as reported, when it parsed
    std::optional<decimal> total_difference;  ///< computed - reported total
    std::string grade;          ///< grade of the computed total (优/良/中/差)
    /// `scorecard::scorable`: false for an empty shell or a declaration, whose computed total
    /// means nothing (no grade either).
    bool scored = true;
    /// Member-wise equality.
    friend bool operator==(const form_score&, const form_score&) = default;
};

/// The scores of many forms under one rulebook, one row per line.
struct score_table {
    std::string rulebook_id;       ///< id of the rulebook used
    std::string rulebook_version;  ///< its version
    std::vector<form_score> forms; ///< one per form, in order
    std::vector<score_row> rows;   ///< every line of every form, form by form

    /// An unfilled table with room for `forms`: the rows of each form are placed, their
    /// numbers are filled by tabulate_range.
    [[nodiscard]] static score_table sized_for(std::span<const form* const> forms, const rulebook& book);
    /// The rows of form `i` (execution line first).
    [[nodiscard]] std::span<const score_row> rows_of(std::size_t i) const {
        return {rows.data() + forms[i].first_row, forms[i].row_count};
    }
    /// Number of forms.
    [[nodiscard]] std::size_t size() const noexcept { return forms.size(); }
    /// Member-wise equality.
    friend bool operator==(const score_table&, const score_table&) = default;
};

/// Scores `forms[first, last)` into a table made by `score_table::sized_for(forms, book)`.
/// Calls on disjoint ranges of one table may run on different threads at the same time.
void tabulate_range(score_table& table, std::span<const form* const> forms, const rulebook& book, std::size_t first,
                    std::size_t last);

/// Scores every form into one table (traces off; same engine and numbers as `score`).
[[nodiscard]] score_table tabulate(std::span<const form* const> forms, const rulebook& book);
/// The same for a contiguous batch of forms.
[[nodiscard]] score_table tabulate(std::span<const form> forms, const rulebook& book);

}  // namespace jixiao
