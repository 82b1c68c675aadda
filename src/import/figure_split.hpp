// figure_split.hpp — figures of a funds row run together with no separator (`194.9194.9100%`,
// `1.561.56120`), split where the arithmetic of the row allows exactly one reading.
//
// A PDF or document-site dump sometimes prints the cells of the 项目资金 row with nothing between
// them. Cut anywhere, the digits give many readings; but the row's own arithmetic ties them: the
// execution rate is executed / budget and the score is weight x rate, each to the places printed.
// A reading is taken only when it is the only one that satisfies every check the row allows;
// otherwise nothing is read and the text is reported, never guessed.
#pragma once

#include <jixiao/decimal.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jixiao::io::detail {

/// Half a unit of the last printed place of a figure (`97.34%` -> 0.005): how far a computed
/// figure may be from the printed one and still round to it.
[[nodiscard]] decimal half_unit(std::string_view printed);

/// The leading run of `text` made of ASCII digits, points and percent signs (`194.9194.9100%`
/// of `194.9194.9100%其中:`).
[[nodiscard]] std::string_view leading_figure_run(std::string_view text) noexcept;

/// Splits `run` into one figure per role, in order (roles: `initial_budget`, `full_year_budget`,
/// `executed`, `weight`, `execution_rate`, `score`; others are skipped), such that the rate is
/// executed / full-year budget and the score weight x min(rate, 1), each within half a unit of
/// its last printed place; when several splits hold, the only one whose amounts share their
/// decimal places (one column format) is taken. `weight` is the execution weight when no weight role is in the row
/// (from `预算执行情况(20分)`), none when unknown. Returns the figures (as printed) when exactly
/// one split fits, each with its role (a row that ends before its last columns gives fewer);
/// none when no split or several fit, when the row gives no check (no rate), or
/// when `run` is longer than 40 characters.
[[nodiscard]] std::optional<std::vector<std::pair<std::string, std::string>>> split_figures_by_arithmetic(
    std::string_view run, const std::vector<std::string>& roles, const std::optional<decimal>& weight);

}  // namespace jixiao::io::detail
