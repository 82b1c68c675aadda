// jixiao/scoring.hpp — recompute a form's scores under a rulebook, with a trace for each number.
//
// Synopsis:
//   struct exact_ratio          numerator / denominator, exact (a rate or a deviation)
//   enum class line_status      computed / validated_in_band / out_of_band / manual / not_scorable
//   enum class line_reason      why a line has its status (stable ids, English descriptions)
//   struct score_band           a qualitative tier's band of points
//   struct score_trace          rule id, inputs, formula with the numbers filled in, rounding,
//                               citation
//   struct score_line           one line: computed, reported, difference, status, trace ...
//   struct scorecard            execution line + indicator lines + rate, totals and grade
//   struct score_options        traces on/off
//   score(form, rulebook)       pure, thread-safe; exact to the last digit
//   score(form)                 the same by the rulebook of the form's kind
//   enum class unscored_reason  why a card has no total (empty shell, declaration)
//   not_scored_text(card, zh)   "not scored: a declaration" / 目标申报表不评分 ...
//   score_into(form, rulebook, card)  the same into a reused scorecard (no allocation per form)
//   score_batch(forms, rulebook)     many forms in order; score_batch_into(form pointers, rulebook,
//                                    cards) the same into cards kept by the caller
//   (score_table.hpp: batch scoring into one compact table of numbers)
//
// The engine recomputes what a rule defines, validates what it leaves to judgement and marks
// the rest manual. Reported numbers are never replaced: they sit beside the computed ones.
// The rules are catalogued in docs/rulebooks.md.
#pragma once

#include <jixiao/decimal.hpp>
#include <jixiao/form.hpp>
#include <jixiao/rulebook.hpp>
#include <jixiao/value.hpp>

#include <compare>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jixiao {

/// An exact quotient `numerator / denominator` (denominator > 0), kept unrounded so that
/// comparisons with a threshold are exact.
struct exact_ratio {
    /// Numerator (any sign).
    decimal numerator;
    /// Denominator (> 0).
    decimal denominator{1};

    /// The quotient rounded to `places` by `mode`.
    [[nodiscard]] decimal rounded(int places, rounding mode) const {
        return divide(numerator, denominator, places, mode).value_or_throw();
    }
    /// Exact three-way comparison of the quotient with `d`.
    [[nodiscard]] std::strong_ordering compare_to(const decimal& d) const {
        return numerator <=> d * denominator;
    }
    /// Same quotient (1/2 == 2/4).
    friend bool operator==(const exact_ratio& a, const exact_ratio& b) {
        return a.numerator * b.denominator == b.numerator * a.denominator;
    }
};

/// What the engine could do with a line.
enum class line_status {
    computed,           ///< a rule defines the score; the engine computed it
    validated_in_band,  ///< qualitative tier: the reported score lies in the tier's band
    out_of_band,        ///< qualitative tier: the reported score lies outside the band
    manual,             ///< the rules leave it to the evaluator: the reported score stands
    not_scorable,       ///< the line lacks what scoring needs (see the reason)
};

/// Why a line has its status. `to_string` gives the stable id, `describe` an English sentence.
enum class line_reason {
    // computed
    target_met,               ///< met -> full weight
    higher_ratio,             ///< not met, higher is better: weight x actual / target
    lower_linear_excess,      ///< not met, lower is better: weight x (1 - (a - t) / t), >= 0
    lower_ratio,              ///< not met, lower is better (variant): weight x target / actual
    qualitative_equal_label,  ///< actual label equals the met target label: 达成年度指标
    time_met,                 ///< time point / period met
    over_achievement_deducted,///< met, over-achieved without a note: deduction applied
    execution_rate,           ///< execution: weight x rate
    execution_capped,         ///< execution: rate above 100%, capped at the weight
    zero_budget,              ///< execution: budget 0, rate 0
    // qualitative tiers
    tier_in_band,             ///< reported score within the tier's band
    tier_out_of_band,         ///< reported score outside the tier's band
    // manual
    restates_target,          ///< actual repeats the target (`>=80%` for `>=80%`): no measurement
    actual_is_bound,          ///< actual carries a comparator: a bound, not a measurement
    zero_target_not_met,      ///< target 0 not met: the formula would divide by zero
    negative_target,          ///< ratio formulas are undefined for a negative target
    approximate_target,       ///< `接近` / `约` targets have no formula
    time_not_met,             ///< time point / period not met or not comparable
    range_not_met,            ///< actual outside a range target (no formula)
    qualitative_not_met,      ///< label differs from the target and is not a tier
    not_comparable,           ///< qualitative vs quantitative, or free text
    not_applicable,           ///< a not-applicable indicator kept as reported
    // not scorable
    missing_weight,
    invalid_weight,
    missing_target,
    invalid_target,
    missing_actual,
    invalid_actual,
    incompatible_units,       ///< target and actual measure different things
    missing_reported_score,   ///< a tier to validate, but no reported score
    not_applicable_dropped,   ///< dropped; the other weights were rescaled
    missing_budget,           ///< execution: no 全年预算数
    invalid_budget,           ///< execution: a negative or unreadable 全年预算数
    missing_executed,         ///< execution: no 全年执行数
    // kinds of form (docs/rulebooks.md, "Kinds of form")
    not_scorable_kind,        ///< the form is a declaration (目标申报表): report only, never scored
    rubric_linear,            ///< rubric: the line's 评分标准 "X 得满分，每降低 Y 扣 Z 分" applied
    rubric_band,              ///< rubric: the line's 评分标准 band "...得 X 分" that holds for the actual
    rubric_completion,        ///< rubric: "完成得满分，未完成不得分" applied to the outcome
    as_reported,              ///< rubric: the 评分标准 cannot be applied mechanically; the printed score stands
    execution_not_in_form,    ///< rubric: the form prints no 分值 for its funds: no execution line
};

[[nodiscard]] std::string_view to_string(line_status s) noexcept;
[[nodiscard]] std::string_view to_string(line_reason r) noexcept;
/// One English sentence for a reason.
[[nodiscard]] std::string_view describe(line_reason r) noexcept;

/// A band of points (a qualitative tier's bounds, rounded per the rulebook).
struct score_band {
    /// The tier the band belongs to.
    qualitative_kind tier = qualitative_kind::tier_met;
    /// Lowest score in the band (inclusive).
    decimal lower;
    /// Highest score of the band (see `upper_inclusive`).
    decimal upper;
    /// Whether `upper` itself is in the band.
    bool upper_inclusive = true;
    /// Whether `points` lies in the band.
    [[nodiscard]] bool contains(const decimal& points) const {
        return points >= lower && (upper_inclusive ? points <= upper : points < upper);
    }
    /// Member-wise equality.
    friend bool operator==(const score_band&, const score_band&) = default;
};

/// How a number came about: enough for a reviewer to redo it by hand.
struct score_trace {
    std::string rule;      ///< rule id, e.g. `quantitative.higher`
    std::vector<std::pair<std::string, std::string>> inputs;  ///< name -> text, in order
    std::string formula;   ///< with the numbers filled in: `round(10 * 98 / 100, 2) = 9.80`
    std::string rounding;  ///< e.g. `half_away_from_zero to 2 places`
    std::string citation;  ///< the rulebook's citation for the rule
    /// Whether no trace was built (traces off).
    [[nodiscard]] bool empty() const noexcept { return rule.empty(); }
    /// Member-wise equality.
    friend bool operator==(const score_trace&, const score_trace&) = default;
};

/// One line of a scorecard: the execution line or one indicator.
struct score_line {
    /// The `index` of the execution line.
    static constexpr std::size_t execution_line = static_cast<std::size_t>(-1);
    std::size_t index = execution_line;  ///< indicator index in the form, or execution_line
    std::optional<decimal> weight;       ///< weight used (after any rescaling, rounded)
    std::optional<decimal> computed;     ///< the engine's score, rounded per the rulebook
    reported<decimal> reported_score;    ///< 得分 as reported
    std::optional<decimal> difference;   ///< computed - reported, when both exist
    /// What went into the computed total: `computed`, else the reported score when it is
    /// valid for the line (manual or in band, within [0, weight]), else nothing.
    std::optional<decimal> counted;
    /// What the engine could do with the line.
    line_status status = line_status::not_scorable;
    /// Why the line has its status.
    line_reason reason = line_reason::missing_weight;
    outcome result = outcome::not_comparable;  ///< met / not met / not comparable
    std::optional<exact_ratio> deviation;      ///< (actual - target) / target, quantitative
    bool over_achieved = false;  ///< deviation at/beyond the audit threshold, favourable side
    std::optional<score_band> band;            ///< qualitative lines
    score_trace trace;                         ///< empty when traces are off

    /// Whether this is the execution line.
    [[nodiscard]] bool is_execution() const noexcept { return index == execution_line; }
    /// Member-wise equality.
    friend bool operator==(const score_line&, const score_line&) = default;
};

/// Why a scorecard has no total and no grade (`scorecard::unscored`).
enum class unscored_reason {
    none,         ///< scored
    empty_shell,  ///< no indicator and no funds figure read (`is_empty_shell`)
    declaration,  ///< a target declaration (`is_declaration(kind)`): not scorable, report only
};
/// Stable names: `none`, `empty_shell`, `declaration`.
[[nodiscard]] std::string_view to_string(unscored_reason r) noexcept;

/// The scores of one form under one rulebook.
struct scorecard {
    /// Id of the rulebook used.
    std::string rulebook_id;
    /// Version of the rulebook used.
    std::string rulebook_version;
    score_line execution;                      ///< 预算执行率
    std::vector<score_line> indicators;        ///< one per form indicator, same order
    std::optional<exact_ratio> execution_rate; ///< 全年执行数 / 全年预算数, exact
    std::optional<decimal> execution_rate_percent;  ///< rounded per the rulebook (86.18)
    decimal weight_total;                      ///< sum of the weights used
    decimal computed_total;                    ///< sum of the `counted` parts
    bool total_complete = true;                ///< false when a line contributed nothing
    /// False for an empty shell (`is_empty_shell`): no indicator and no funds figure read, so
    /// no grade is given (`computed_grade` is empty) and the total means nothing.
    bool scorable = true;
    /// Why the card is not scorable (`none` when `scorable`). A declaration's card has every line
    /// `not_scorable` with reason `not_scorable_kind`, a zero total that means nothing, no grade.
    unscored_reason unscored = unscored_reason::none;
    /// The kind of the form scored (`form::kind`).
    form_kind kind = form_kind::project_self_evaluation;
    reported<decimal> reported_total;          ///< 总分 as reported
    std::optional<decimal> total_difference;   ///< computed - reported total
    std::string computed_grade;                ///< grade of the computed total
    /// Member-wise equality.
    friend bool operator==(const scorecard&, const scorecard&) = default;
};

/// Options of `score`.
struct score_options {
    bool traces = true;  ///< build the per-line traces (off for throughput)
};

/// What the reports print instead of a total and a grade for a card that is not scorable:
/// `not scored: a declaration` / `目标申报表不评分`, `not scorable: no indicator, no funds figure` /
/// `无法评分（未读到指标和资金数额）`; empty for a scored card.
[[nodiscard]] std::string_view not_scored_text(const scorecard& card, bool chinese = false) noexcept;

/// Scores one form. Pure: no global state, safe to call from many threads at once. A
/// declaration is never scored (`unscored_reason::declaration`), whatever the rulebook; a rubric
/// evaluation is scored from each line's own 评分标准 (rubric.hpp), with the rulebook's rounding
/// and grades.
[[nodiscard]] scorecard score(const form& f, const rulebook& book, const score_options& options = {});
/// Scores one form by the rulebook of its kind (`rulebook_name_for(f.kind)`: department-2020
/// for department forms, rubric-2020 for rubric evaluations, mof-2020 otherwise).
[[nodiscard]] scorecard score(const form& f);
/// The same, with options.
[[nodiscard]] scorecard score(const form& f, const score_options& options);
/// Scores one form into `card`, reusing its storage: the result equals `score(f, book, options)`;
/// no allocation when `card` last held a form with as many indicators (traces off).
void score_into(const form& f, const rulebook& book, scorecard& card, const score_options& options = {});
/// Scores many forms in order with one rulebook (as `score_batch_into`).
[[nodiscard]] std::vector<scorecard> score_batch(std::span<const form> forms, const rulebook& book,
                                                 const score_options& options = {});
/// Scores `*forms[i]` into `out[i]` for every i (`out.size() == forms.size()`, no null pointer),
/// each equal to `score(*forms[i], book, options)` and reusing the card's storage. While it
/// scores one form it asks for the memory of the next two, which over a portfolio larger than
/// the CPU caches is markedly faster than one `score` per form (docs/performance.md).
void score_batch_into(std::span<const form* const> forms, const rulebook& book, std::span<scorecard> out,
                      const score_options& options = {});

}  // namespace jixiao
