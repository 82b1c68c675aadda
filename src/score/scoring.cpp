// scoring.cpp — the scoring engine: one pass over a form, exact arithmetic, one rounding per
// score (half away from zero to the rulebook's places by default), a trace per line on request.
//
// Every score is computed as round(numerator / denominator) with a single division, so rescaled
// weights and ratio formulas are never rounded twice. With traces off the hot path builds no
// strings: reasons are enumerators, and decimals stay in machine integers for money-sized values.
#include <jixiao/scoring.hpp>

#include "score/rubric_scoring.hpp"
#include "score/scoring_internal.hpp"

#include <algorithm>
#include <utility>

namespace jixiao {

std::string_view to_string(line_status s) noexcept {
    switch (s) {
    case line_status::computed: return "computed";
    case line_status::validated_in_band: return "validated_in_band";
    case line_status::out_of_band: return "out_of_band";
    case line_status::manual: return "manual";
    case line_status::not_scorable: return "not_scorable";
    }
    return "unknown";
}

std::string_view to_string(line_reason r) noexcept {
    switch (r) {
    case line_reason::target_met: return "target_met";
    case line_reason::higher_ratio: return "higher_ratio";
    case line_reason::lower_linear_excess: return "lower_linear_excess";
    case line_reason::lower_ratio: return "lower_ratio";
    case line_reason::qualitative_equal_label: return "qualitative_equal_label";
    case line_reason::time_met: return "time_met";
    case line_reason::over_achievement_deducted: return "over_achievement_deducted";
    case line_reason::execution_rate: return "execution_rate";
    case line_reason::execution_capped: return "execution_capped";
    case line_reason::zero_budget: return "zero_budget";
    case line_reason::tier_in_band: return "tier_in_band";
    case line_reason::tier_out_of_band: return "tier_out_of_band";
    case line_reason::restates_target: return "restates_target";
    case line_reason::actual_is_bound: return "actual_is_bound";
    case line_reason::zero_target_not_met: return "zero_target_not_met";
    case line_reason::negative_target: return "negative_target";
    case line_reason::approximate_target: return "approximate_target";
    case line_reason::time_not_met: return "time_not_met";
    case line_reason::range_not_met: return "range_not_met";
    case line_reason::qualitative_not_met: return "qualitative_not_met";
    case line_reason::not_comparable: return "not_comparable";
    case line_reason::not_applicable: return "not_applicable";
    case line_reason::missing_weight: return "missing_weight";
    case line_reason::invalid_weight: return "invalid_weight";
    case line_reason::missing_target: return "missing_target";
    case line_reason::invalid_target: return "invalid_target";
    case line_reason::missing_actual: return "missing_actual";
    case line_reason::invalid_actual: return "invalid_actual";
    case line_reason::incompatible_units: return "incompatible_units";
    case line_reason::missing_reported_score: return "missing_reported_score";
    case line_reason::not_applicable_dropped: return "not_applicable_dropped";
    case line_reason::missing_budget: return "missing_budget";
    case line_reason::invalid_budget: return "invalid_budget";
    case line_reason::missing_executed: return "missing_executed";
    case line_reason::not_scorable_kind: return "not_scorable_kind";
    case line_reason::rubric_linear: return "rubric_linear";
    case line_reason::rubric_band: return "rubric_band";
    case line_reason::rubric_completion: return "rubric_completion";
    case line_reason::as_reported: return "as_reported";
    case line_reason::execution_not_in_form: return "execution_not_in_form";
    }
    return "unknown";
}

std::string_view describe(line_reason r) noexcept {
    switch (r) {
    case line_reason::target_met: return "target met: full weight";
    case line_reason::higher_ratio: return "target not met (higher is better): weight x actual / target";
    case line_reason::lower_linear_excess:
        return "target not met (lower is better): weight x (1 - (actual - target) / target), not below 0";
    case line_reason::lower_ratio: return "target not met (lower is better): weight x target / actual";
    case line_reason::qualitative_equal_label:
        return "actual equals the met qualitative target: counts as the met tier, full weight";
    case line_reason::time_met: return "time point or period met: full weight";
    case line_reason::over_achievement_deducted:
        return "over-achieved beyond the threshold without a deviation note: deduction applied";
    case line_reason::execution_rate: return "execution score: weight x rate";
    case line_reason::execution_capped: return "execution rate above 100%: score capped at the weight";
    case line_reason::zero_budget: return "full-year budget is 0: rate and score are 0";
    case line_reason::tier_in_band: return "reported score lies within the qualitative tier's band";
    case line_reason::tier_out_of_band: return "reported score lies outside the qualitative tier's band";
    case line_reason::restates_target:
        return "the actual restates the target (comparator and number): no measurement, the evaluator's score stands";
    case line_reason::actual_is_bound:
        return "the actual is a bound (carries a comparator), not a measurement: the evaluator's score stands";
    case line_reason::zero_target_not_met:
        return "target 0 not met: the formula would divide by zero, the evaluator's score stands";
    case line_reason::negative_target:
        return "negative target: ratio formulas are undefined, the evaluator's score stands";
    case line_reason::approximate_target: return "approximate target: no formula, the evaluator's score stands";
    case line_reason::time_not_met:
        return "time point or period not met (or not comparable): the evaluator's score stands";
    case line_reason::range_not_met: return "actual outside the target range: no formula, the evaluator's score stands";
    case line_reason::qualitative_not_met:
        return "qualitative actual differs from the target and names no tier: the evaluator's score stands";
    case line_reason::not_comparable:
        return "target and actual cannot be compared (free text, or qualitative vs quantitative): the evaluator's score stands";
    case line_reason::not_applicable: return "not applicable: the evaluator's score stands";
    case line_reason::missing_weight: return "no weight (分值)";
    case line_reason::invalid_weight: return "the weight (分值) is unreadable or negative";
    case line_reason::missing_target: return "no target (年度指标值)";
    case line_reason::invalid_target: return "the target (年度指标值) does not parse";
    case line_reason::missing_actual: return "no actual (实际完成值)";
    case line_reason::invalid_actual: return "the actual (实际完成值) does not parse";
    case line_reason::incompatible_units: return "target and actual are in units of different dimensions";
    case line_reason::missing_reported_score: return "a qualitative tier to validate, but no reported score";
    case line_reason::not_applicable_dropped:
        return "not applicable: dropped, the remaining weights rescaled to the total";
    case line_reason::missing_budget: return "no full-year budget (全年预算数)";
    case line_reason::invalid_budget: return "the full-year budget (全年预算数) is unreadable or negative";
    case line_reason::missing_executed: return "no executed amount (全年执行数)";
    case line_reason::not_scorable_kind: return "not scored: a declaration (目标申报表不评分), report only";
    case line_reason::rubric_linear:
        return "rubric: the line's 评分标准 deduction applied (points per step short of the full-score bound)";
    case line_reason::rubric_band: return "rubric: the band of the line's 评分标准 that holds for the actual";
    case line_reason::rubric_completion: return "rubric: the line's 评分标准 applied to completion (met / not met)";
    case line_reason::as_reported:
        return "rubric: the 评分标准 cannot be applied mechanically; the printed score stands (as reported)";
    case line_reason::execution_not_in_form: return "rubric form without a 分值 for its funds: no execution line";
    }
    return "unknown";
}

std::string_view to_string(unscored_reason r) noexcept {
    switch (r) {
    case unscored_reason::none: return "none";
    case unscored_reason::empty_shell: return "empty_shell";
    case unscored_reason::declaration: return "declaration";
    }
    return "unknown";
}

std::string_view not_scored_text(const scorecard& card, bool chinese) noexcept {
    switch (card.unscored) {
    case unscored_reason::none: return {};
    case unscored_reason::empty_shell:
        return chinese ? "无法评分（未读到指标和资金数额）" : "not scorable (no indicator, no funds figure)";
    case unscored_reason::declaration: return chinese ? "目标申报表不评分" : "not scored: a declaration";
    }
    return {};
}

namespace {

/// Per-call constants of one scoring run (nothing global).
struct engine {
    const rulebook& book;
    bool traces;
    int places;
    rounding mode;
    bool texts = true;     ///< copy the reported cells' texts and errors into the card
    decimal scale_num{1};  ///< weight rescaling factor (not-applicable drop), numerator
    decimal scale_den{1};
    bool rescaled = false;

    /// round(num / den); den != 0.
    [[nodiscard]] decimal quotient(const decimal& num, const decimal& den) const {
        if (den == decimal{1}) return num.round(places, mode);
        return divide(num, den, places, mode).value_or_throw();
    }
    /// The effective weight times `factor_num / factor_den`, rounded once.
    [[nodiscard]] decimal points(const decimal& weight, const decimal& factor_num, const decimal& factor_den) const {
        if (!rescaled) return quotient(weight * factor_num, factor_den);
        return quotient(weight * scale_num * factor_num, scale_den * factor_den);
    }
    /// The weight a line carries: exact, or rescaled and rounded.
    [[nodiscard]] decimal weight_used(const decimal& weight) const {
        if (!rescaled) return weight;
        return quotient(weight * scale_num, scale_den);
    }
    /// The full-weight score, rounded.
    [[nodiscard]] decimal full(const decimal& weight) const {
        if (!rescaled) return weight.round(places, mode);
        return quotient(weight * scale_num, scale_den);
    }
    [[nodiscard]] std::string rounding_text() const {
        return std::string(to_string(mode)) + " to " + std::to_string(places) + " places";
    }
    /// `weight` as written in formulas: `10` or `10 * 100 / 93` when rescaled.
    [[nodiscard]] std::string weight_text(const decimal& weight) const {
        if (!rescaled) return weight.to_string();
        return "(" + weight.to_string() + " * " + scale_num.to_string() + " / " + scale_den.to_string() + ")";
    }
};

bool is_tier(qualitative_kind k) noexcept {
    return k == qualitative_kind::tier_met || k == qualitative_kind::tier_partly_met ||
           k == qualitative_kind::tier_not_met;
}

bool is_not_applicable(const reported<value_expr>& cell) noexcept {
    return cell.state == cell_state::not_applicable ||
           (cell.value && cell.value->kind == value_kind::not_applicable);
}

bool higher_is_better(comparator op) noexcept { return op == comparator::greater_equal || op == comparator::greater; }
bool lower_is_better(comparator op) noexcept { return op == comparator::less_equal || op == comparator::less; }
bool is_measurement(comparator op) noexcept { return op == comparator::none || op == comparator::equal; }

/// The two numbers of `a` and `t` in one unit: the numbers themselves when the units share a
/// scale, else both in the base unit. False when the dimensions differ.
bool common_numbers(const quantity& a, const quantity& t, decimal& av, decimal& tv) {
    if (!commensurable(a.in, t.in)) return false;
    if (a.in.scale() == t.in.scale()) {
        av = a.number;
        tv = t.number;
    } else {
        av = a.in_base();
        tv = t.in_base();
    }
    return true;
}

void set_trace(const engine& e, score_line& line, std::string rule, std::string formula, const std::string& citation) {
    line.trace.rule = std::move(rule);
    line.trace.formula = std::move(formula);
    line.trace.rounding = e.rounding_text();
    line.trace.citation = citation;
}

void add_input(score_line& line, std::string name, std::string text) {
    line.trace.inputs.emplace_back(std::move(name), std::move(text));
}

/// A line the evaluator decides (manual) or that cannot be scored: no computed score.
void mark(const engine& e, score_line& line, line_status status, line_reason reason, std::string_view rule,
          const std::string& citation) {
    line.status = status;
    line.reason = reason;
    if (e.traces) set_trace(e, line, std::string(rule), std::string(describe(reason)), citation);
}

void computed(const engine& e, score_line& line, line_reason reason, decimal value, std::string_view rule,
              std::string formula, const std::string& citation) {
    line.status = line_status::computed;
    line.reason = reason;
    if (e.traces) set_trace(e, line, std::string(rule), std::move(formula) + " = " + value.to_string(), citation);
    line.computed = std::move(value);
}

/// Met -> full weight, with the optional over-achievement deduction.
void score_met(const engine& e, score_line& line, const indicator& ind, const decimal& w, std::string_view rule,
               line_reason reason, const std::string& citation, std::string condition) {
    line.result = outcome::met;
    const over_achievement_rule& oa = e.book.over_achievement;
    if (line.over_achieved && oa.deduction == over_achievement_deduction::fraction_of_weight &&
        ind.deviation_note.empty() && !oa.fraction.is_zero()) {
        decimal keep = decimal{1} - oa.fraction;
        std::string formula;
        if (e.traces) formula = condition + "; over-achieved, no note: round(" + e.weight_text(w) + " * (1 - " +
                                oa.fraction.to_string() + "))";
        computed(e, line, line_reason::over_achievement_deducted, e.points(w, keep, decimal{1}),
                 "over_achievement.deduction", std::move(formula), oa.citation);
        return;
    }
    std::string formula;
    if (e.traces) formula = condition + " -> round(" + e.weight_text(w) + ")";
    computed(e, line, reason, e.full(w), rule, std::move(formula), citation);
}

/// The tier band of `kind` for weight `w`, bounds rounded per the rulebook.
std::optional<score_band> band_for(const engine& e, const decimal& w, qualitative_kind kind) {
    const qualitative_tier* tier = e.book.tier(kind);
    if (tier == nullptr) return std::nullopt;
    score_band band;
    band.tier = kind;
    band.lower = e.points(w, tier->lower, decimal{1});
    band.upper = e.points(w, tier->upper, decimal{1});
    band.upper_inclusive = tier->upper_inclusive;
    return band;
}

void score_tier(const engine& e, score_line& line, const decimal& w, qualitative_kind kind) {
    const std::string& cite = e.book.qualitative.citation;
    line.result = kind == qualitative_kind::tier_met ? outcome::met : outcome::not_met;
    line.band = band_for(e, w, kind);
    if (!line.band) {
        mark(e, line, line_status::manual, line_reason::not_comparable, "qualitative.tier", cite);
        return;
    }
    if (!line.reported_score.has_value()) {
        mark(e, line, line_status::not_scorable, line_reason::missing_reported_score, "qualitative.tier", cite);
        return;
    }
    bool in = line.band->contains(*line.reported_score.value);
    line.status = in ? line_status::validated_in_band : line_status::out_of_band;
    line.reason = in ? line_reason::tier_in_band : line_reason::tier_out_of_band;
    if (e.traces) {
        const qualitative_tier* tier = e.book.tier(kind);
        std::string formula = "band [round(" + e.weight_text(w) + " * " + tier->lower.to_string() + "), round(" +
                              e.weight_text(w) + " * " + tier->upper.to_string() + ")" +
                              (tier->upper_inclusive ? "]" : ")") + " = [" + line.band->lower.to_string() + ", " +
                              line.band->upper.to_string() + (tier->upper_inclusive ? "]" : ")") + "; reported " +
                              line.reported_score.value->to_string() + (in ? " inside" : " outside");
        set_trace(e, line, "qualitative.tier", std::move(formula), cite);
    }
}

void score_quantity(const engine& e, score_line& line, const indicator& ind, const decimal& w,
                    const value_expr& target, const value_expr& actual) {
    const std::string& cite = e.book.quantitative.citation;
    comparator op = target.op == comparator::none ? comparator::equal : target.op;
    if (op == comparator::approximately) {
        mark(e, line, line_status::manual, line_reason::approximate_target, "quantitative", cite);
        return;
    }
    if (!is_measurement(actual.op)) {
        bool restates = actual.op == target.op && compare(actual.amount, target.amount) == std::strong_ordering::equal;
        mark(e, line, line_status::manual, restates ? line_reason::restates_target : line_reason::actual_is_bound,
             "quantitative", cite);
        return;
    }
    decimal a;
    decimal t;
    if (!common_numbers(actual.amount, target.amount, a, t)) {
        mark(e, line, line_status::not_scorable, line_reason::incompatible_units, "quantitative", cite);
        return;
    }
    if (!t.is_zero()) {
        exact_ratio dev{a - t, t};
        if (t.is_negative()) dev = exact_ratio{t - a, -t};
        const decimal& threshold = e.book.audit.over_achievement_threshold;
        line.over_achieved = lower_is_better(op) ? dev.compare_to(-threshold) <= 0 : dev.compare_to(threshold) >= 0;
        line.deviation = std::move(dev);
    }
    bool met = false;
    switch (op) {
    case comparator::greater_equal: met = a >= t; break;
    case comparator::greater: met = a > t; break;
    case comparator::equal: met = t.is_zero() ? !(a.sign() > 0) : a >= t; break;
    case comparator::less_equal: met = a <= t; break;
    case comparator::less: met = a < t; break;
    default: break;
    }
    using namespace std::string_view_literals;  // lengths known at compile time (no strlen per line)
    const std::string_view family = lower_is_better(op)    ? "quantitative.lower"sv
                                    : higher_is_better(op) ? "quantitative.higher"sv
                                                           : "quantitative.equal"sv;
    std::string a_text;
    std::string t_text;
    if (e.traces) {
        a_text = a.to_string();
        t_text = t.to_string();
        add_input(line, "actual (compared)", a_text);
        add_input(line, "target (compared)", t_text);
    }
    if (met) {
        std::string condition;
        if (e.traces) {
            condition = "met: " + a_text + " " +
                        std::string(op == comparator::equal && t.is_zero() ? "<=" : to_string(op == comparator::equal ? comparator::greater_equal : op)) +
                        " " + t_text;
        }
        score_met(e, line, ind, w, family, line_reason::target_met, cite, std::move(condition));
        return;
    }
    line.result = outcome::not_met;
    if (t.is_zero()) {
        mark(e, line, line_status::manual, line_reason::zero_target_not_met, family, cite);
        return;
    }
    if (t.is_negative()) {
        mark(e, line, line_status::manual, line_reason::negative_target, family, cite);
        return;
    }
    if (!lower_is_better(op)) {
        std::string formula;
        if (e.traces) formula = "round(" + e.weight_text(w) + " * " + a_text + " / " + t_text + ")";
        decimal value = a.sign() > 0 ? e.points(w, a, t) : decimal{0}.round(e.places, e.mode);
        if (e.traces && a.sign() <= 0) formula += ", actual <= 0 -> 0";
        computed(e, line, line_reason::higher_ratio, std::move(value), family, std::move(formula), cite);
        return;
    }
    if (e.book.quantitative.lower == lower_formula::ratio) {
        std::string formula;
        if (e.traces) formula = "round(" + e.weight_text(w) + " * " + t_text + " / " + a_text + ")";
        computed(e, line, line_reason::lower_ratio, e.points(w, t, a), "quantitative.lower.ratio", std::move(formula),
                 cite);
        return;
    }
    decimal keep = t + t - a;  // weight * (1 - (a - t) / t) = weight * (2t - a) / t
    std::string formula;
    if (e.traces) formula = "round(" + e.weight_text(w) + " * (1 - (" + a_text + " - " + t_text + ") / " + t_text + "))";
    decimal value = keep.sign() > 0 ? e.points(w, keep, t) : decimal{0}.round(e.places, e.mode);
    if (e.traces && keep.sign() <= 0) formula += ", floored at 0";
    computed(e, line, line_reason::lower_linear_excess, std::move(value), "quantitative.lower.linear_excess",
             std::move(formula), cite);
}

bool is_time_like(const value_expr& v) {
    return v.kind == value_kind::time_point ||
           (v.kind == value_kind::range && v.amount.in.dim() == dimension::time);
}

void score_time_or_range(const engine& e, score_line& line, const indicator& ind, const decimal& w,
                         const value_expr& target, const value_expr& actual) {
    bool timely = is_time_like(target);
    const std::string& cite = timely ? e.book.timeliness.citation : e.book.quantitative.citation;
    std::string_view rule = timely ? "timeliness" : "quantitative.range";
    outcome r = compare_actual(actual, target);
    if (r == outcome::not_comparable && target.kind == value_kind::range) {
        // A range actual inside a range target (`9-11月` for `9-11月`): the work fell within the
        // period. For other dimensions a range is a bound, not a measurement.
        if (actual.kind == value_kind::range && timely) {
            auto lo = compare(actual.amount, target.amount);
            auto hi = compare(actual.upper, target.upper);
            if (lo && hi) r = (*lo >= 0 && *hi <= 0) ? outcome::met : outcome::not_met;
        } else if (actual.kind == value_kind::quantity && !is_measurement(actual.op)) {
            mark(e, line, line_status::manual, line_reason::actual_is_bound, rule, cite);
            return;
        } else if (actual.kind == value_kind::quantity) {
            auto lo = compare(actual.amount, target.amount);
            auto hi = compare(actual.amount, target.upper);
            if (!lo || !hi) {
                mark(e, line, line_status::not_scorable, line_reason::incompatible_units, rule, cite);
                return;
            }
            r = (*lo >= 0 && *hi <= 0) ? outcome::met : outcome::not_met;
        }
    }
    line.result = r;
    if (r == outcome::met) {
        std::string condition;
        if (e.traces) condition = "met: " + actual.text + " within " + target.text;
        score_met(e, line, ind, w, rule, timely ? line_reason::time_met : line_reason::target_met, cite,
                  std::move(condition));
        return;
    }
    if (r == outcome::not_met) {
        mark(e, line, line_status::manual, timely ? line_reason::time_not_met : line_reason::range_not_met, rule, cite);
        return;
    }
    mark(e, line, line_status::manual, timely ? line_reason::time_not_met : line_reason::not_comparable, rule, cite);
}

void score_labels(const engine& e, score_line& line, const indicator& ind, const decimal& w,
                  const value_expr& target, const value_expr& actual) {
    const std::string& cite = e.book.qualitative.citation;
    outcome r = compare_actual(actual, target);
    line.result = r;
    if (r == outcome::met && e.book.qualitative.equal_label_counts_as_met) {
        line.band = band_for(e, w, qualitative_kind::tier_met);
        std::string condition;
        if (e.traces) condition = "met: actual " + actual.text + " equals target " + target.text + " (tier met)";
        score_met(e, line, ind, w, "qualitative.equal_label", line_reason::qualitative_equal_label, cite,
                  std::move(condition));
        return;
    }
    mark(e, line, line_status::manual, r == outcome::not_comparable ? line_reason::not_comparable
                                                                     : line_reason::qualitative_not_met,
         "qualitative", cite);
}

/// A rubric line: its own 评分标准 (rubric_scoring.cpp), rounded once; else as reported.
void score_rubric_line(const engine& e, score_line& line, const indicator& ind, const decimal& w) {
    detail::rubric_points p = detail::apply_rubric(ind, w, e.traces);
    static const std::string citation = "自评表所列评分标准";
    if (e.traces) {
        add_input(line, "weight", w.to_string());
        add_input(line, "rule", p.rule_text);
        add_input(line, "target", ind.target.text);
        add_input(line, "actual", ind.actual.text);
        add_input(line, "reported", ind.score.text);
    }
    line.result = p.result;
    if (!p.numerator) {
        line.status = line_status::manual;
        line.reason = line_reason::as_reported;
        if (e.traces) set_trace(e, line, p.rule_id, std::move(p.formula), citation);
        return;
    }
    computed(e, line, p.reason, e.quotient(*p.numerator, p.denominator), p.rule_id, std::move(p.formula), citation);
}

void score_indicator(const engine& e, score_line& line, const indicator& ind, const decimal& w) {
    const std::string& cite = e.book.quantitative.citation;
    if (e.traces) {
        add_input(line, "weight", w.to_string());
        add_input(line, "target", ind.target.text);
        add_input(line, "actual", ind.actual.text);
        add_input(line, "reported", ind.score.text);
    }
    // A tier label as the actual selects its band whatever the target says.
    if (ind.actual.value && ind.actual.value->kind == value_kind::qualitative && is_tier(ind.actual.value->quality)) {
        score_tier(e, line, w, ind.actual.value->quality);
        return;
    }
    if (is_not_applicable(ind.target) || is_not_applicable(ind.actual)) {
        mark(e, line, line_status::manual, line_reason::not_applicable, "not_applicable", cite);
        return;
    }
    if (ind.target.state == cell_state::invalid) {
        mark(e, line, line_status::not_scorable, line_reason::invalid_target, "input", cite);
        return;
    }
    if (!ind.target.value || ind.target.value->kind == value_kind::empty) {
        mark(e, line, line_status::not_scorable, line_reason::missing_target, "input", cite);
        return;
    }
    if (ind.actual.state == cell_state::invalid) {
        mark(e, line, line_status::not_scorable, line_reason::invalid_actual, "input", cite);
        return;
    }
    if (!ind.actual.value || ind.actual.value->kind == value_kind::empty) {
        mark(e, line, line_status::not_scorable, line_reason::missing_actual, "input", cite);
        return;
    }
    const value_expr& target = *ind.target.value;
    const value_expr& actual = *ind.actual.value;
    switch (target.kind) {
    case value_kind::quantity:
        if (actual.kind == value_kind::quantity) {
            score_quantity(e, line, ind, w, target, actual);
            return;
        }
        if (actual.kind == value_kind::range) {
            mark(e, line, line_status::manual, line_reason::actual_is_bound, "quantitative", cite);
            return;
        }
        break;
    case value_kind::range:
    case value_kind::time_point:
        score_time_or_range(e, line, ind, w, target, actual);
        return;
    case value_kind::qualitative:
        if (actual.kind == value_kind::qualitative) {
            score_labels(e, line, ind, w, target, actual);
            return;
        }
        break;
    default: break;
    }
    mark(e, line, line_status::manual, line_reason::not_comparable, "manual", cite);
}

void score_execution(const engine& e, const form& f, scorecard& card, const decimal& w) {
    score_line& line = card.execution;
    const execution_rule& rule = e.book.execution;
    const reported<decimal>& budget = f.money.at(funds_row::total, funds_column::full_year_budget);
    const reported<decimal>& executed = f.money.at(funds_row::total, funds_column::executed);
    if (e.traces) {
        add_input(line, "weight", w.to_string() + (f.money.weight.has_value() ? "" : " (rulebook default)"));
        add_input(line, "full_year_budget", budget.text);
        add_input(line, "executed", executed.text);
        add_input(line, "reported", f.money.score.text);
    }
    if (!budget.has_value()) {
        mark(e, line, line_status::not_scorable,
             budget.state == cell_state::invalid ? line_reason::invalid_budget : line_reason::missing_budget,
             "execution.rate", rule.citation);
        return;
    }
    if (budget.value->is_negative()) {
        mark(e, line, line_status::not_scorable, line_reason::invalid_budget, "execution.rate", rule.citation);
        return;
    }
    if (!executed.has_value()) {
        mark(e, line, line_status::not_scorable, line_reason::missing_executed, "execution.rate", rule.citation);
        return;
    }
    const decimal& b = *budget.value;
    const decimal& x = *executed.value;
    if (b.is_zero()) {
        card.execution_rate = exact_ratio{decimal{0}, decimal{1}};
        card.execution_rate_percent = decimal{0}.round(rule.rate_places, e.mode);
        std::string formula;
        if (e.traces) formula = "budget 0 -> rate 0 -> round(" + e.weight_text(w) + " * 0)";
        computed(e, line, line_reason::zero_budget, decimal{0}.round(e.places, e.mode), "execution.zero_budget",
                 std::move(formula), rule.citation);
        line.result = outcome::not_met;
        return;
    }
    card.execution_rate = exact_ratio{x, b};
    card.execution_rate_percent = divide(x * decimal{100}, b, rule.rate_places, e.mode).value_or_throw();
    line.result = x >= b ? outcome::met : outcome::not_met;
    if (rule.cap_at_weight && x > b) {
        std::string formula;
        if (e.traces) formula = "rate " + x.to_string() + " / " + b.to_string() + " > 1, capped -> round(" +
                                e.weight_text(w) + ")";
        computed(e, line, line_reason::execution_capped, e.full(w), "execution.capped", std::move(formula),
                 rule.citation);
        return;
    }
    std::string formula;
    if (e.traces) {
        formula = "round(" + e.weight_text(w) + " * " + x.to_string() + " / " + b.to_string() + "), rate " +
                  card.execution_rate_percent->to_string() + "%";
    }
    decimal value = x.sign() > 0 ? e.points(w, x, b) : decimal{0}.round(e.places, e.mode);
    if (e.traces && x.sign() <= 0) formula += ", executed <= 0 -> 0";
    computed(e, line, line_reason::execution_rate, std::move(value), "execution.rate", std::move(formula),
             rule.citation);
}

/// `line` as a default-constructed score_line, keeping the storage of its strings. Every field
/// of score_line is reset here (tests/cpp/score/score_table_test.cpp reuses one scorecard across forms
/// of every kind and compares it with fresh scores).
void reset(score_line& line) noexcept {
    line.index = score_line::execution_line;
    line.weight.reset();
    line.computed.reset();
    line.reported_score.text.clear();
    line.reported_score.state = cell_state::missing;
    line.reported_score.value.reset();
    line.reported_score.problem.reset();
    line.difference.reset();
    line.counted.reset();
    line.status = line_status::not_scorable;
    line.reason = line_reason::missing_weight;
    line.result = outcome::not_comparable;
    line.deviation.reset();
    line.over_achieved = false;
    line.band.reset();
    line.trace.rule.clear();
    line.trace.inputs.clear();
    line.trace.formula.clear();
    line.trace.rounding.clear();
    line.trace.citation.clear();
}

/// Reads the bytes of `f` that scoring reads (the 项目资金 total row, the totals, and every
/// indicator whole: reading the scored cells only breaks the hardware prefetcher's stream), one
/// load per cache line, before the engine scores it. The loads are independent, so the memory
/// system serves many at once; the engine's own loads come one after another, each waiting for
/// the one before. Over a portfolio larger than the CPU caches this cuts the time per form by
/// about a quarter (docs/performance.md). A batch with a lookahead prefetches instead.
void warm(const form& f) noexcept {
    unsigned sum = 0;
    const auto load = [&sum](const unsigned char* c) { sum += *c; };
    detail::for_each_scored_line_of_form(f, load);
    detail::for_each_line(f.indicators.data(), f.indicators.size() * sizeof(indicator), load);
    asm volatile("" : : "r"(sum));  // keeps the loads: their values are not needed, only the lines
}

/// `to` = `from`, or only its state and value when the engine keeps no texts.
void copy_reported(const engine& e, reported<decimal>& to, const reported<decimal>& from) {
    if (e.texts) {
        to = from;
        return;
    }
    to.state = from.state;
    to.value = from.value;
}

/// Asks for the lines of `f` itself that scoring reads, without waiting for them.
void prefetch_form(const form& f) noexcept {
    detail::for_each_scored_line_of_form(f, [](const unsigned char* c) { detail::prefetch_line(c); });
}

/// Asks for the lines of `ind`, without waiting for them.
void prefetch_indicator(const indicator& ind) noexcept {
    detail::for_each_line(&ind, sizeof(indicator), [](const unsigned char* c) { detail::prefetch_line(c); });
}

/// A declaration: report only. Every line not scorable (`not_scorable_kind`), no total, no grade.
void score_declaration(const engine& e, const form& f, scorecard& card) {
    const std::string& cite = e.book.execution.citation;
    copy_reported(e, card.execution.reported_score, f.money.score);
    mark(e, card.execution, line_status::not_scorable, line_reason::not_scorable_kind, "kind.declaration", cite);
    for (std::size_t i = 0; i < f.indicators.size(); ++i) {
        score_line& line = card.indicators[i];
        line.index = i;
        copy_reported(e, line.reported_score, f.indicators[i].score);
        mark(e, line, line_status::not_scorable, line_reason::not_scorable_kind, "kind.declaration", cite);
    }
    card.scorable = false;
    card.unscored = unscored_reason::declaration;
    card.total_complete = false;
    card.computed_total = decimal{0};
    card.weight_total = decimal{0};
    card.computed_grade.clear();
}

/// Fills `difference` and `counted` once the status is known.
void settle(score_line& line) {
    if (line.computed && line.reported_score.has_value()) {
        line.difference = *line.computed - *line.reported_score.value;
    }
    if (line.computed) {
        line.counted = line.computed;
        return;
    }
    if ((line.status == line_status::manual || line.status == line_status::validated_in_band) &&
        line.reported_score.has_value() && line.weight) {
        const decimal& r = *line.reported_score.value;
        if (!r.is_negative() && r <= *line.weight) line.counted = r;
    }
}

/// score_into, and detail::score_numbers_into when `texts` is false; `ahead` names the forms a
/// batch scores next (their memory is requested while this one is scored).
void score_card(const form& f, const rulebook& book, scorecard& card, bool traces, bool texts,
                const detail::lookahead& ahead) {
    if (!ahead.current_prefetched) warm(f);
    if (ahead.after_next != nullptr) prefetch_form(*ahead.after_next);
    const form* next = ahead.next;
    engine e{book, traces, book.rounding_at.places, book.rounding_at.mode, texts};
    {
        // Every field back to its default, keeping the indicator lines: a kept line is reset
        // field by field (cheaper than destroying and value-initialising 600 bytes).
        std::vector<score_line> lines = std::move(card.indicators);
        const std::size_t kept = std::min(lines.size(), f.indicators.size());
        lines.resize(f.indicators.size());
        for (std::size_t i = 0; i < kept; ++i) reset(lines[i]);
        card = scorecard{};
        card.indicators = std::move(lines);
    }
    if (texts) {
        card.rulebook_id = book.id;
        card.rulebook_version = book.version;
    }
    copy_reported(e, card.reported_total, f.total_score);
    card.kind = f.kind;
    if (is_declaration(f.kind)) {
        score_declaration(e, f, card);
        return;
    }

    // Weights: the form's own; the execution weight falls back on the rulebook's default.
    decimal exec_weight = f.money.weight.has_value() && !f.money.weight.value->is_negative()
                              ? *f.money.weight.value
                              : book.execution.default_weight;
    auto dropped = [&](const indicator& ind) {
        return book.not_applicable.drop_and_rescale &&
               (is_not_applicable(ind.target) || ind.weight.state == cell_state::not_applicable);
    };
    if (book.not_applicable.drop_and_rescale) {
        decimal remaining = exec_weight;
        bool any = false;
        for (const indicator& ind : f.indicators) {
            if (dropped(ind)) {
                any = true;
            } else if (ind.weight.has_value() && !ind.weight.value->is_negative()) {
                remaining += *ind.weight.value;
            }
        }
        if (any && remaining.sign() > 0) {
            e.rescaled = true;
            e.scale_num = book.audit.total_weight;
            e.scale_den = remaining;
        }
    }

    copy_reported(e, card.execution.reported_score, f.money.score);
    // A rubric form scores its funds only when it prints their 分值 (else budget execution, if
    // at all, is one of its rubric lines).
    const bool no_execution_line = f.kind == form_kind::rubric_evaluation && !f.money.weight.has_value();
    if (no_execution_line) {
        mark(e, card.execution, line_status::not_scorable, line_reason::execution_not_in_form, "rubric.execution",
             book.execution.citation);
    } else {
        card.execution.weight = e.weight_used(exec_weight);
        score_execution(e, f, card, exec_weight);
        settle(card.execution);
    }

    for (std::size_t i = 0; i < f.indicators.size(); ++i) {
        const indicator& ind = f.indicators[i];
        score_line& line = card.indicators[i];
        // One indicator of the next form per line scored: its memory arrives while this one is scored.
        if (next != nullptr && i < next->indicators.size()) prefetch_indicator(next->indicators[i]);
        line.index = i;
        copy_reported(e, line.reported_score, ind.score);
        if (dropped(ind)) {
            line.weight = decimal{0};
            mark(e, line, line_status::not_scorable, line_reason::not_applicable_dropped, "not_applicable",
                 book.quantitative.citation);
            continue;
        }
        if (!ind.weight.has_value()) {
            mark(e, line, line_status::not_scorable,
                 ind.weight.state == cell_state::invalid ? line_reason::invalid_weight : line_reason::missing_weight,
                 "input", book.quantitative.citation);
            continue;
        }
        const decimal& w = *ind.weight.value;
        if (w.is_negative()) {
            mark(e, line, line_status::not_scorable, line_reason::invalid_weight, "input", book.quantitative.citation);
            continue;
        }
        line.weight = e.weight_used(w);
        if (f.kind == form_kind::rubric_evaluation) {
            score_rubric_line(e, line, ind, w);
        } else {
            score_indicator(e, line, ind, w);
        }
        settle(line);
    }

    if (next != nullptr) {  // the next form's indicators beyond this form's count
        for (std::size_t i = f.indicators.size(); i < next->indicators.size(); ++i) {
            prefetch_indicator(next->indicators[i]);
        }
    }
    decimal total = card.execution.counted ? *card.execution.counted : decimal{0};
    decimal weights = card.execution.weight ? *card.execution.weight : decimal{0};
    card.total_complete = card.execution.counted.has_value() || no_execution_line;
    for (const score_line& line : card.indicators) {
        if (line.weight) weights += *line.weight;
        if (line.counted) {
            total += *line.counted;
        } else if (line.reason != line_reason::not_applicable_dropped) {
            card.total_complete = false;
        }
    }
    card.weight_total = std::move(weights);
    card.computed_total = std::move(total);
    if (card.reported_total.has_value()) card.total_difference = card.computed_total - *card.reported_total.value;
    card.scorable = !is_empty_shell(f);
    if (!card.scorable) {
        card.total_complete = false;
        card.unscored = unscored_reason::empty_shell;
    }
    card.computed_grade = card.scorable ? std::string(book.grade_for(card.computed_total)) : std::string();
}

}  // namespace

scorecard score(const form& f, const rulebook& book, const score_options& options) {
    scorecard card;
    score_card(f, book, card, options.traces, true, {});
    return card;
}

void score_into(const form& f, const rulebook& book, scorecard& card, const score_options& options) {
    score_card(f, book, card, options.traces, true, {});
}

namespace detail {

void score_numbers_into(const form& f, const rulebook& book, scorecard& card, const lookahead& ahead) {
    score_card(f, book, card, false, false, ahead);
}

}  // namespace detail

scorecard score(const form& f) { return score(f, score_options{}); }

scorecard score(const form& f, const score_options& options) {
    rulebook book = builtin_rulebook(rulebook_name_for(f.kind)).value_or_throw();
    return score(f, book, options);
}

void score_batch_into(std::span<const form* const> forms, const rulebook& book, std::span<scorecard> out,
                      const score_options& options) {
    JIXIAO_EXPECTS(out.size() == forms.size());
    for (const form* f : forms) JIXIAO_EXPECTS(f != nullptr);
    for (std::size_t i = 0; i < forms.size(); ++i) {
        score_card(*forms[i], book, out[i], options.traces, true, detail::lookahead_at(forms, 0, i));
    }
}

std::vector<scorecard> score_batch(std::span<const form> forms, const rulebook& book, const score_options& options) {
    std::vector<scorecard> out(forms.size());
    score_batch_into(detail::pointers_to(forms), book, out, options);
    return out;
}

}  // namespace jixiao
