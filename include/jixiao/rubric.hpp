// jixiao/rubric.hpp — the 评分标准 of a rubric-scored evaluation, read as a rule where it is
// explicit and mechanical (docs/rulebooks.md, "Rubric rules").
//
// Synopsis:
//   struct rubric_bound        one end of a band: a quantity, inclusive or not
//   struct rubric_band         a condition on the actual (bounds, or met / not met) and its points
//   struct rubric_deduction    "每降低 Y 扣 Z 分": Z points per Y of shortfall (or excess)
//   struct rubric_rule         the bands, in printed order, and an optional deduction
//   parse_rubric_rule(text)    the rule of a 评分标准 text, or none when it is not mechanical
//   rubric_rule_cell(ind)      the indicator's 评分标准 / 评分细则 / 评分办法 / 扣分标准 cell
//
// The grammar is small on purpose: a text the engine cannot read completely is no rule, and the
// line keeps its printed score (`line_reason::as_reported`). No regular expressions: one pass
// over the clauses, bounded by the text's length.
#pragma once

#include <jixiao/decimal.hpp>
#include <jixiao/form.hpp>
#include <jixiao/unit.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

/// One end of a rubric band. A number printed without a unit takes the actual's unit.
struct rubric_bound {
    decimal number;            ///< as printed
    std::optional<unit> in;    ///< `%`, `个百分点` (= %), a unit of the table; none: the actual's
    bool inclusive = true;     ///< whether the number itself is inside (以上 / 以下 / 以内 include it)
    /// Member-wise equality.
    friend bool operator==(const rubric_bound&, const rubric_bound&) = default;
};

/// What a band's condition tests.
enum class rubric_condition {
    bounds,   ///< the actual against `lower` / `upper`
    met,      ///< 完成 / 达到目标: the actual meets the target (`compare_actual`)
    not_met,  ///< 未完成 / 未达到: it does not
};

/// One clause "condition 得 X 分" (得满分, 不得分, 扣 X 分).
struct rubric_band {
    rubric_condition condition = rubric_condition::bounds;  ///< what the condition tests
    std::optional<rubric_bound> lower;  ///< actual >= (or >) lower
    std::optional<rubric_bound> upper;  ///< actual <= (or <) upper
    /// Points earned: none means the full weight (得满分); `deduct` says they are taken off.
    std::optional<decimal> points;
    bool deduct = false;  ///< 扣 X 分: weight - X (not below 0)
    std::string text;     ///< the clause as printed (normalised)
    /// Member-wise equality.
    friend bool operator==(const rubric_band&, const rubric_band&) = default;
};

/// "每降低 1% 扣 0.5 分": `points` per `step` the actual falls short of (or exceeds) the bound
/// of the full-score band; proportional (a half step takes half the points), floored at 0.
struct rubric_deduction {
    rubric_bound step;      ///< Y
    decimal points;         ///< Z
    bool shortfall = true;  ///< 降低 / 减少 / 下降 (higher is better); false: 超过 / 超出 / 增加
    std::string text;       ///< the clause as printed (normalised)
    /// Member-wise equality.
    friend bool operator==(const rubric_deduction&, const rubric_deduction&) = default;
};

/// A 评分标准 read as a rule.
struct rubric_rule {
    std::vector<rubric_band> bands;             ///< in printed order; the first that holds applies
    std::optional<rubric_deduction> deduction;  ///< applies when no band holds
    /// Index in `bands` of the full-score band the deduction counts from (with `deduction`).
    std::size_t full_band = 0;
    /// Member-wise equality.
    friend bool operator==(const rubric_rule&, const rubric_rule&) = default;
};

/// The rule of a 评分标准 text, or none when any part of it is not in the grammar
/// (docs/rulebooks.md): clauses split at `，` `；` `。`; each is `[subject] condition 得满分 /
/// 得 X 分 / 计 X 分 / 不得分 / 扣 X 分`, `[subject] 每降低 Y 扣 Z 分`, or `扣完为止`. Conditions:
/// `≥95%`, `大于等于 95%`, `达到 95%`, `95%（含）以上`, `95% 以下`, `低于 90%`, `90%-95%` ([90%, 95%)),
/// `90%≤满意度<95%`, `完成`, `未完成`.
[[nodiscard]] std::optional<rubric_rule> parse_rubric_rule(std::string_view text);

/// The indicator's scoring-rule cell: the first extra cell labelled 评分标准, 评分细则, 评分办法,
/// 扣分标准, 评(扣)分标准 or 评分依据 (spaces ignored); null when there is none.
[[nodiscard]] const extra_cell* rubric_rule_cell(const indicator& ind);

}  // namespace jixiao
