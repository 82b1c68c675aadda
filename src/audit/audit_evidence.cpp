// audit_evidence.cpp — evidence-quality checks: does the form report what happened, or repeat
// what was promised? Restated actuals, bounds as actuals, words for numbers, copied goal text,
// unexplained shortfalls and over-achievements, full marks without support, vague targets for
// measurable indicators.
#include "audit/audit_internal.hpp"

#include <jixiao/vocabulary.hpp>

namespace jixiao::audit_detail {
namespace {

bool ends_with_any(std::string_view name, std::span<const std::string_view> endings) noexcept {
    for (std::string_view e : endings) {
        if (name.ends_with(e)) return true;
    }
    return false;
}

}  // namespace

bool measurable_name(std::string_view name) noexcept {
    name = trim(name);
    if (ends_with_any(name, vocabulary::unmeasurable_name_endings)) return false;
    return ends_with_any(name, vocabulary::measurable_name_endings);
}

bool is_tier(qualitative_kind k) noexcept {
    return k == qualitative_kind::tier_met || k == qualitative_kind::tier_partly_met ||
           k == qualitative_kind::tier_not_met;
}

namespace {

/// Text without any whitespace (to decide "identical apart from spacing").
std::string squeeze(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v') {
            ++i;
        } else if (s.substr(i).starts_with("\xE3\x80\x80")) {
            i += 3;
        } else if (s.substr(i).starts_with("\xC2\xA0")) {
            i += 2;
        } else {
            out += s[i++];
        }
    }
    return out;
}

void check_goal(const context& c) {
    const goal& g = c.f.annual_goal;
    if (trim(g.expected).empty() || trim(g.achieved).empty()) return;
    exact_ratio sim = text_similarity(g.expected, g.achieved);
    if (sim.compare_to(c.book.audit.goal_similarity_threshold) < 0) return;
    bool identical = squeeze(g.expected) == squeeze(g.achieved);
    c.emit("evidence.goal_copied", "goal", std::nullopt, "achieved",
           {{"similarity", percent_text(sim, 2, rounding::down)},
            {"identical", identical ? "true" : "false"},
            {"identical_zh", std::string(identical ? vocabulary::goal_identical_zh : vocabulary::goal_nearly_identical_zh)},
            {"identical_en", identical ? "identical to" : "nearly identical to"},
            {"common_bigrams_x2", sim.numerator.to_string()},
            {"bigrams_total", sim.denominator.to_string()},
            {"threshold", (c.book.audit.goal_similarity_threshold * decimal{100}).to_string()}});
}

void check_indicator(const context& c, std::size_t i) {
    const indicator& ind = c.f.indicators[i];
    const score_line* line = i < c.card.indicators.size() ? &c.card.indicators[i] : nullptr;
    bool no_note = trim(ind.deviation_note).empty();
    const value_expr* t = ind.target.value ? &*ind.target.value : nullptr;
    const value_expr* a = ind.actual.value ? &*ind.actual.value : nullptr;

    if (restates_target(ind)) {
        c.emit("evidence.actual_restates_target", "indicators", i, "actual",
               {{"target", ind.target.text}, {"actual", ind.actual.text}});
    } else if (t && a && t->kind == value_kind::quantity && a->kind == value_kind::quantity && is_bound(a->op)) {
        c.emit("evidence.actual_is_bound", "indicators", i, "actual",
               {{"target", ind.target.text}, {"actual", ind.actual.text}});
    }
    if (t && a && t->kind == value_kind::quantity &&
        (a->kind == value_kind::text || (a->kind == value_kind::qualitative && !is_tier(a->quality)))) {
        c.emit("evidence.actual_not_measured", "indicators", i, "actual",
               {{"target", ind.target.text}, {"actual", ind.actual.text}});
    }
    if (ind.score.has_value() && ind.weight.has_value() && *ind.score.value < *ind.weight.value && no_note) {
        c.emit("evidence.shortfall_unexplained", "indicators", i, "deviation_note",
               {{"reported", ind.score.value->to_string()}, {"weight", ind.weight.value->to_string()}});
    }
    if (line && line->over_achieved && line->deviation && no_note) {
        c.emit("evidence.over_achievement_unexplained", "indicators", i, "deviation_note",
               {{"target", ind.target.text},
                {"actual", ind.actual.text},
                {"deviation", percent_text(*line->deviation, 2, c.book.rounding_at.mode)},
                {"threshold", (c.book.audit.over_achievement_threshold * decimal{100}).to_string()}});
    }
    if (t && t->kind == value_kind::qualitative && !is_tier(t->quality) && measurable_name(ind.name)) {
        c.emit("evidence.vague_target", "indicators", i, "target", {{"target", ind.target.text}});
    }
}

void check_full_marks(const context& c) {
    const form& f = c.f;
    if (f.indicators.empty()) return;
    std::size_t restated = 0;
    for (const indicator& ind : f.indicators) {
        if (!ind.score.has_value() || !ind.weight.has_value() || *ind.score.value != *ind.weight.value) return;
        if (restates_target(ind)) ++restated;
    }
    bool low_execution = c.card.execution_rate_percent && *c.card.execution_rate_percent < decimal{100};
    if (!low_execution && restated == 0) return;
    std::string rate = c.card.execution_rate_percent ? c.card.execution_rate_percent->to_string() : std::string("—");
    std::string reason_zh;
    std::string reason_en;
    if (low_execution) {
        reason_zh = std::string(vocabulary::execution_only_zh) + rate + "%";
        reason_en = "the execution rate is only " + rate + "%";
    }
    if (restated > 0) {
        if (!reason_zh.empty()) {
            reason_zh += vocabulary::reasons_joiner_zh;
            reason_en += " and ";
        }
        reason_zh += std::string(vocabulary::restated_count_before_zh) + std::to_string(restated) +
                     std::string(vocabulary::restated_count_zh);
        reason_en += std::to_string(restated) + (restated == 1 ? " actual restates its target" : " actuals restate their targets");
    }
    c.emit("evidence.full_marks_unsupported", "form", std::nullopt, "indicators",
           {{"indicators", std::to_string(f.indicators.size())},
            {"restated", std::to_string(restated)},
            {"execution_rate", rate},
            {"reason_zh", reason_zh},
            {"reason_en", reason_en}});
}

}  // namespace

void check_evidence(const context& c) {
    // Every evidence check compares what was achieved with what was promised: a declaration has
    // nothing achieved yet (its vague targets are declaration.*).
    if (is_declaration(c.f.kind)) return;
    check_goal(c);
    for (std::size_t i = 0; i < c.f.indicators.size(); ++i) check_indicator(c, i);
    check_full_marks(c);
}

}  // namespace jixiao::audit_detail
