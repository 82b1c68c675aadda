// export_internal.hpp — helpers shared by the exporters (src/export_*.cpp); not installed.
#pragma once

#include <jixiao/audit.hpp>
#include <jixiao/decimal.hpp>
#include <jixiao/form.hpp>
#include <jixiao/portfolio.hpp>
#include <jixiao/scoring.hpp>
#include <jixiao/vocabulary.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace jixiao::io::detail {

/// Plain decimal text, or `fallback` when there is no number.
[[nodiscard]] inline std::string number_text(const std::optional<decimal>& d, std::string_view fallback = {}) {
    return d ? d->to_string() : std::string(fallback);
}

/// A decimal with exactly two places, half away from zero (for percentages and means).
[[nodiscard]] inline std::string two_places(const decimal& d) {
    return d.round(2, rounding::half_away_from_zero).to_string();
}

/// A signed difference: `+0.50`, `-1`, `0`.
[[nodiscard]] inline std::string signed_text(const decimal& d) {
    std::string s = d.to_string();
    if (d.sign() > 0) s.insert(s.begin(), '+');
    return s;
}

/// The deviation (actual - target) / target as percent points, 2 places.
[[nodiscard]] inline std::optional<decimal> deviation_percent(const score_line& line) {
    if (!line.deviation) return std::nullopt;
    auto r = divide(line.deviation->numerator * decimal(100), line.deviation->denominator, 2,
                    rounding::half_away_from_zero);
    if (!r) return std::nullopt;
    return *r;
}

/// The name of a scored line: the indicator's 三级指标, or 预算执行率 for the execution line.
[[nodiscard]] inline std::string line_name(const form& f, const score_line& line) {
    if (line.is_execution() || line.index >= f.indicators.size()) {
        return std::string(vocabulary::report::execution_line);
    }
    return f.indicators[line.index].name;
}

/// Chinese label of a severity and of a trust level.
[[nodiscard]] inline std::string_view severity_zh(severity s) noexcept {
    switch (s) {
    case severity::error: return vocabulary::report::severity_error;
    case severity::warning: return vocabulary::report::severity_warning;
    case severity::notice: return vocabulary::report::severity_notice;
    }
    return {};
}
/// The Chinese header of a grouping's column (`summary --by`): 主管部门, 实施单位, 复核等级, 来源文件, 预算单位.
[[nodiscard]] inline std::string_view group_by_zh(group_by by) noexcept {
    static constexpr std::array<std::string_view, 5> names{"主管部门", "实施单位", "复核等级", "来源文件", "预算单位"};
    return names[static_cast<std::size_t>(by)];
}

[[nodiscard]] inline std::string_view trust_zh(trust_level t) noexcept {
    switch (t) {
    case trust_level::trusted: return vocabulary::report::trust_trusted;
    case trust_level::review: return vocabulary::report::trust_review;
    case trust_level::untrusted: return vocabulary::report::trust_untrusted;
    }
    return {};
}

/// A form's display name: its project name, else `form N` (1-based).
[[nodiscard]] inline std::string display_name(std::string_view project_name, std::size_t index) {
    if (!project_name.empty()) return std::string(project_name);
    return "form " + std::to_string(index + 1);
}
/// The same for a form.
[[nodiscard]] inline std::string display_name(const form& f, std::size_t index) { return display_name(f.project_name, index); }

/// Whether the computed and reported scores of a line differ (both present, not equal).
[[nodiscard]] inline bool differs(const score_line& line) {
    return line.difference.has_value() && !line.difference->is_zero();
}

/// Why a card or an entry has no total, both languages: `not scored: a declaration · 目标申报表不评分`
/// (`not_scored_text`); empty when it is scored.
[[nodiscard]] inline std::string unscored_text(unscored_reason r) {
    if (r == unscored_reason::none) return {};
    scorecard probe;
    probe.unscored = r;
    return std::string(not_scored_text(probe, false)) + " · " + std::string(not_scored_text(probe, true));
}

/// The computed total as the reports show it: the number, or why there is none.
[[nodiscard]] inline std::string total_or_why(const scorecard& card) {
    if (card.unscored != unscored_reason::none) return unscored_text(card.unscored);
    return card.computed_total.to_string();
}
/// The same for a portfolio entry.
[[nodiscard]] inline std::string total_or_why(const portfolio_entry& e) {
    if (e.unscored != unscored_reason::none) return unscored_text(e.unscored);
    return e.computed_total.to_string();
}

/// A kind as the reports show it: `项目支出绩效目标申报表 (project_declaration)`.
[[nodiscard]] inline std::string kind_text(form_kind k) {
    return std::string(chinese_name(k)) + " (" + std::string(to_string(k)) + ")";
}

/// Markdown-safe text: Markdown punctuation backslash-escaped, `<` `>` `&` as character
/// references, line breaks as `<br>` (so a table cell stays one line).
[[nodiscard]] std::string escape_markdown(std::string_view text);

}  // namespace jixiao::io::detail
