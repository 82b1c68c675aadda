// rubric_scoring.cpp — a rubric line's 评分标准 applied to its actual, exactly: the first band
// whose condition holds gives its points; when none holds, the proportional deduction counts
// from the full-score band's bound; otherwise the printed score stands (as reported).
#include "score/rubric_scoring.hpp"

#include <jixiao/rubric.hpp>

#include <utility>

namespace jixiao::detail {

namespace {

rubric_points as_reported(std::string why, bool traces, std::string rule_text) {
    rubric_points out;
    out.rule_id = "rubric.as_reported";
    if (traces) out.formula = std::move(why) + ": the printed score stands (as reported)";
    out.rule_text = std::move(rule_text);
    return out;
}

/// The bound as a quantity; a number printed without a unit takes the actual's.
quantity quantity_of(const rubric_bound& b, const quantity& actual) { return quantity{b.number, b.in ? *b.in : actual.in}; }

std::string bound_text(const rubric_bound& b, const quantity& actual) { return quantity_of(b, actual).to_string(); }

/// Whether the band's bounds hold for `a`; none when a bound is in another dimension.
std::optional<bool> holds(const rubric_band& band, const quantity& a) {
    if (band.lower) {
        auto c = compare(a, quantity_of(*band.lower, a));
        if (!c) return std::nullopt;
        if (band.lower->inclusive ? *c < 0 : *c <= 0) return false;
    }
    if (band.upper) {
        auto c = compare(a, quantity_of(*band.upper, a));
        if (!c) return std::nullopt;
        if (band.upper->inclusive ? *c > 0 : *c >= 0) return false;
    }
    return true;
}

/// The points of a band that holds: the weight, the points, or the weight less a deduction.
std::optional<decimal> band_points(const rubric_band& band, const decimal& weight) {
    if (!band.points) return weight;
    if (band.deduct) {
        decimal left = weight - *band.points;
        return left.is_negative() ? decimal{0} : left;
    }
    if (*band.points > weight || band.points->is_negative()) return std::nullopt;  // more than the line is worth
    return *band.points;
}

std::string clause_label(const rubric_rule& rule, std::size_t i) {
    return "\"" + rule.bands[i].text + "\" (clause " + std::to_string(i + 1) + " of " +
           std::to_string(rule.bands.size() + (rule.deduction ? 1 : 0)) + ")";
}

}  // namespace

rubric_points apply_rubric(const indicator& ind, const decimal& weight, bool traces) {
    const extra_cell* cell = rubric_rule_cell(ind);
    if (cell == nullptr) return as_reported("no 评分标准 column", traces, {});
    const std::string& text = cell->text;
    const std::optional<rubric_rule> rule = parse_rubric_rule(text);
    if (!rule) return as_reported("the 评分标准 is not a mechanical rule (docs/rulebooks.md, rubric grammar)", traces, text);

    rubric_points out;
    out.rule_text = text;
    const bool completion = rule->bands.front().condition != rubric_condition::bounds;
    if (completion) {
        if (!ind.actual.value || !ind.target.value) return as_reported("no target or no actual to judge completion", traces, text);
        const outcome r = compare_actual(*ind.actual.value, *ind.target.value);
        if (r == outcome::not_comparable) return as_reported("completion cannot be judged (target and actual not comparable)", traces, text);
        const rubric_condition wanted = r == outcome::met ? rubric_condition::met : rubric_condition::not_met;
        for (std::size_t i = 0; i < rule->bands.size(); ++i) {
            if (rule->bands[i].condition != wanted) continue;
            auto points = band_points(rule->bands[i], weight);
            if (!points) return as_reported("the clause awards more than the weight", traces, text);
            out.reason = line_reason::rubric_completion;
            out.result = r;
            out.numerator = std::move(*points);
            out.rule_id = "rubric.completion";
            if (traces) out.formula = std::string(r == outcome::met ? "met" : "not met") + ": " + ind.actual.text +
                                      " against " + ind.target.text + "; " + clause_label(*rule, i);
            return out;
        }
        if (r == outcome::met) {  // only the failure is priced: success keeps the weight
            out.reason = line_reason::rubric_completion;
            out.result = r;
            out.numerator = weight;
            out.rule_id = "rubric.completion";
            if (traces) out.formula = "met: " + ind.actual.text + " against " + ind.target.text +
                                      "; the rule prices only the failure: full weight";
            return out;
        }
        return as_reported("not met, and the rule names no score for it", traces, text);
    }

    if (!ind.actual.value || ind.actual.value->kind != value_kind::quantity ||
        !(ind.actual.value->op == comparator::none || ind.actual.value->op == comparator::equal)) {
        return as_reported("the actual is no measured number", traces, text);
    }
    const quantity& a = ind.actual.value->amount;
    for (std::size_t i = 0; i < rule->bands.size(); ++i) {
        auto h = holds(rule->bands[i], a);
        if (!h) return as_reported("the rule's numbers and the actual are in different units", traces, text);
        if (!*h) continue;
        auto points = band_points(rule->bands[i], weight);
        if (!points) return as_reported("the clause awards more than the weight", traces, text);
        out.reason = line_reason::rubric_band;
        out.result = rule->bands[i].points ? outcome::not_met : outcome::met;
        out.numerator = std::move(*points);
        out.rule_id = "rubric.band";
        if (traces) out.formula = "actual " + a.to_string() + " in " + clause_label(*rule, i);
        return out;
    }
    if (!rule->deduction) return as_reported("no clause of the rule holds for the actual " + a.to_string(), traces, text);
    const rubric_deduction& d = *rule->deduction;
    const rubric_band& full = rule->bands[rule->full_band];
    const rubric_bound& b = d.shortfall ? *full.lower : *full.upper;
    const quantity bq = quantity_of(b, a);
    const quantity step = quantity_of(d.step, a);
    if (!commensurable(step.in, a.in)) return as_reported("the deduction's step and the actual are in different units", traces, text);
    const decimal gap = d.shortfall ? bq.in_base() - a.in_base() : a.in_base() - bq.in_base();
    const decimal step_base = step.in_base();
    // weight - points x gap / step = (weight x step - points x gap) / step, one division.
    decimal num = weight * step_base - d.points * gap;
    if (num.is_negative()) num = decimal{0};
    out.reason = line_reason::rubric_linear;
    out.result = outcome::not_met;
    out.numerator = std::move(num);
    out.denominator = step_base;
    out.rule_id = "rubric.linear";
    if (traces) {
        out.formula = "actual " + a.to_string() + " outside " + clause_label(*rule, rule->full_band) + "; \"" + d.text +
                      "\": round(" + weight.to_string() + " - " + d.points.to_string() + " * (" +
                      (d.shortfall ? bound_text(b, a) + " - " + a.to_string() : a.to_string() + " - " + bound_text(b, a)) +
                      ") / " + bound_text(d.step, a) + "), not below 0";
    }
    return out;
}

}  // namespace jixiao::detail
