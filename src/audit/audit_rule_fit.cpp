// audit_rule_fit.cpp — rule-fit checks: does the form follow the rulebook's shape? Level-1
// weights vs the guidance, a satisfaction indicator, qualitative scores inside their tier band,
// commensurable units, quantitative targets with a number and a unit, quantity targets that are
// minimums rather than caps.
#include "audit/audit_internal.hpp"

#include <jixiao/vocabulary.hpp>

namespace jixiao::audit_detail {
namespace {

bool looks_quantitative_text(std::string_view s) noexcept {
    if (s.find('%') != std::string_view::npos || s.find("％") != std::string_view::npos) return true;
    for (const auto& cs : vocabulary::comparator_symbols) {
        if (s.find(cs.spelling) != std::string_view::npos) return true;
    }
    return false;
}

}  // namespace

bool has_digit(std::string_view s) noexcept {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9') return true;
        // full-width digits U+FF10..U+FF19: EF BC 90..99
        if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xEF &&
            static_cast<unsigned char>(s[i + 1]) == 0xBC && static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
            static_cast<unsigned char>(s[i + 2]) <= 0x99) {
            return true;
        }
    }
    return false;
}

bool target_number_missing(const indicator& ind) noexcept {
    if (!ind.target.value) return false;
    const value_expr& t = *ind.target.value;
    return (t.kind == value_kind::text || t.kind == value_kind::qualitative) && !has_digit(ind.target.text) &&
           looks_quantitative_text(ind.target.text);
}

bool target_without_unit(const indicator& ind) noexcept {
    if (!ind.target.value) return false;
    const value_expr& t = *ind.target.value;
    return t.kind == value_kind::quantity && t.amount.in.symbol().empty() && t.amount.in.key().empty() &&
           !t.amount.number.is_zero();
}

namespace {

std::string unit_text(const quantity& q) { return q.in.symbol().empty() ? std::string("—") : q.in.symbol(); }

void check_level1(const context& c) {
    const form& f = c.f;
    const weight_guidance& g = c.book.weights;
    if (f.money.weight.has_value() && *f.money.weight.value != g.execution) {
        c.emit("rule.level1_weight", "funds", std::nullopt, "weight",
               {{"category", "execution"},
                {"category_zh", std::string(field_zh("execution"))},
                {"weight", f.money.weight.value->to_string()},
                {"guidance", g.execution.to_string()}});
    }
    if (f.indicators.empty()) return;
    decimal output{0};
    decimal effect{0};
    decimal satisfaction{0};
    bool has_satisfaction = false;
    bool weights_ok = true;
    for (const indicator& ind : f.indicators) {
        category cat = ind.level1 == category::cost ? g.cost_counts_as : ind.level1;
        if (cat == category::satisfaction) has_satisfaction = true;
        if (ind.weight.state == cell_state::not_applicable) continue;
        if (!ind.weight.has_value()) {
            weights_ok = false;
            continue;
        }
        const decimal& w = *ind.weight.value;
        switch (cat) {
        case category::output: output += w; break;
        case category::effect: effect += w; break;
        case category::satisfaction: satisfaction += w; break;
        default: break;
        }
    }
    if (!has_satisfaction && g.satisfaction) {
        c.emit("rule.no_satisfaction", "indicators", std::nullopt, "satisfaction",
               {{"guidance", g.satisfaction->to_string()}});
    }
    if (!weights_ok) return;  // a blank weight is reported by hygiene; sums would mislead
    auto compare_one = [&](category cat, const decimal& sum, const std::optional<decimal>& guidance_weight) {
        if (!guidance_weight) return;  // the unit sets this weight itself
        const decimal& guidance = *guidance_weight;
        if (sum == guidance) return;
        c.emit("rule.level1_weight", "indicators", std::nullopt, std::string(to_string(cat)),
               {{"category", std::string(to_string(cat))},
                {"category_zh", std::string(chinese_name(cat))},
                {"weight", sum.to_string()},
                {"guidance", guidance.to_string()}});
    };
    compare_one(category::output, output, g.output);
    compare_one(category::effect, effect, g.effect);
    if (has_satisfaction) compare_one(category::satisfaction, satisfaction, g.satisfaction);
}

void check_indicator(const context& c, std::size_t i) {
    const indicator& ind = c.f.indicators[i];
    const score_line* line = i < c.card.indicators.size() ? &c.card.indicators[i] : nullptr;
    if (!is_declaration(c.f.kind) && line && line->status == line_status::out_of_band && line->band && ind.score.has_value()) {
        const score_band& b = *line->band;
        std::string band = "[" + b.lower.to_string() + ", " + b.upper.to_string() + (b.upper_inclusive ? "]" : ")");
        c.emit("rule.tier_out_of_band", "indicators", i, "score",
               {{"tier", ind.actual.text}, {"band", band}, {"reported", ind.score.value->to_string()}});
    }
    if (!ind.target.value) return;
    const value_expr& t = *ind.target.value;
    const value_expr* a = ind.actual.value ? &*ind.actual.value : nullptr;
    bool t_num = t.kind == value_kind::quantity || t.kind == value_kind::range;
    bool a_num = a && (a->kind == value_kind::quantity || a->kind == value_kind::range);
    bool incompatible = t_num && a_num && !commensurable(t.amount.in, a->amount.in);
    if (incompatible) {
        c.emit("rule.units_incompatible", "indicators", i, "actual",
               {{"target", ind.target.text},
                {"actual", ind.actual.text},
                {"target_unit", unit_text(t.amount)},
                {"actual_unit", unit_text(a->amount)}});
    }
    // A declaration reports a unitless number under a name that implies a unit as
    // declaration.target_unit_missing instead.
    const bool declared_hint = is_declaration(c.f.kind) && unit_hint_for(ind.name) != nullptr;
    if (target_without_unit(ind) && !incompatible && !declared_hint) {
        c.emit("rule.target_unit_missing", "indicators", i, "target", {{"target", ind.target.text}});
    }
    if (target_number_missing(ind)) {
        c.emit("rule.target_number_missing", "indicators", i, "target", {{"target", ind.target.text}});
    }
    if (ind.level2 == subcategory::quantity && t.kind == value_kind::quantity &&
        (t.op == comparator::less_equal || t.op == comparator::less)) {
        c.emit("rule.quantity_upper_bound", "indicators", i, "target", {{"target", ind.target.text}});
    }
}

}  // namespace

void check_rule_fit(const context& c) {
    // A declaration has no weights (level-1 guidance) and its satisfaction block is
    // declaration.level1_missing.
    if (!is_declaration(c.f.kind)) check_level1(c);
    for (std::size_t i = 0; i < c.f.indicators.size(); ++i) check_indicator(c, i);
}

}  // namespace jixiao::audit_detail
