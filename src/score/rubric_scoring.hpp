// src/score/rubric_scoring.hpp — applies a rubric line's own 评分标准 (rubric.hpp) to its actual:
// what the engine (scoring.cpp) rounds and records. Internal: not installed.
#pragma once

#include <jixiao/decimal.hpp>
#include <jixiao/form.hpp>
#include <jixiao/scoring.hpp>

#include <optional>
#include <string>

namespace jixiao::detail {

/// What a rubric rule gives a line: a score `numerator / denominator` (rounded once by the
/// engine), or nothing and the reason `as_reported` (the printed score stands).
struct rubric_points {
    line_reason reason = line_reason::as_reported;
    outcome result = outcome::not_comparable;
    std::optional<decimal> numerator;  ///< set unless as_reported; already floored at 0
    decimal denominator{1};            ///< > 0
    std::string rule_id;               ///< trace rule: rubric.band, rubric.linear, rubric.completion, rubric.as_reported
    std::string formula;               ///< with traces: the clause used and the numbers, or why none applies
    std::string rule_text;             ///< the 评分标准 cell as printed (empty when there is none)
};

/// Scores `ind` (weight `weight`, not negative) from its 评分标准 cell.
[[nodiscard]] rubric_points apply_rubric(const indicator& ind, const decimal& weight, bool traces);

}  // namespace jixiao::detail
