// audit_declaration.cpp — the declaration checks (目标申报表, made before the year: targets only):
// every target measurable, with the unit its name implies, not a copy of the indicator's name,
// not vague; the funds requested equal to their sources; the level-1 blocks the rules require,
// a cost indicator, satisfaction not filed as output. Word lists: src/audit/audit_catalogue.cpp.
#include "audit/audit_internal.hpp"

#include <array>

namespace jixiao::audit_detail {
namespace {

/// The first vague word of `vague_target_words()` in the (normalised) text, or empty.
std::string_view vague_word(std::string_view normalized) noexcept {
    for (std::string_view w : vague_target_words()) {
        if (normalized.find(w) != std::string_view::npos) return w;
    }
    return {};
}

/// Why a target is not measurable (Chinese, English), or nothing when it is.
std::optional<std::pair<std::string_view, std::string_view>> unmeasurable(const indicator& ind) {
    const value_expr& t = *ind.target.value;
    switch (t.kind) {
    case value_kind::text:
        return std::pair{std::string_view{"既没有数值，也不是明确的定性等级"},
                         std::string_view{"it has neither a number nor a clear qualitative scale"}};
    case value_kind::qualitative:
        if (is_tier(t.quality)) return std::nullopt;
        if (measurable_name(ind.name)) {
            return std::pair{std::string_view{"指标名称表明应以数值衡量，指标值却只是一个词"},
                             std::string_view{"the indicator's name says it is measured by a number, but the target is a word"}};
        }
        if (t.quality == qualitative_kind::other) {
            return std::pair{std::string_view{"既没有数值，也不是明确的定性等级"},
                             std::string_view{"it has neither a number nor a clear qualitative scale"}};
        }
        return std::nullopt;
    default: return std::nullopt;
    }
}

void check_target(const context& c, std::size_t i) {
    const indicator& ind = c.f.indicators[i];
    if (ind.target.state == cell_state::not_applicable) {  // `—`, `无`: no target set
        c.emit("declaration.target_not_measurable", "indicators", i, "target",
               {{"target", ind.target.text},
                {"reason_zh", "未设定指标值（填写为不适用）"},
                {"reason_en", "no target is set (marked not applicable)"}});
        return;
    }
    if (!ind.target.value) return;  // blank or unreadable: hygiene reports it
    const std::string& text = ind.target.text;
    if (target_without_unit(ind)) {
        if (const name_unit_hint* hint = unit_hint_for(ind.name)) {
            const bool generic = hint->unit.empty();
            c.emit("declaration.target_unit_missing", "indicators", i, "target",
                   {{"target", text},
                    {"ending", std::string(hint->ending)},
                    {"unit", std::string(hint->unit)},
                    {"unit_zh", generic ? std::string("计量单位（个、人、次等）") : "“" + std::string(hint->unit) + "”"},
                    {"unit_en", generic ? std::string("a unit (个, 人, 次 ...)") : "\"" + std::string(hint->unit) + "\""}});
        }
        return;
    }
    if (has_digit(text) || trim(text).empty()) return;
    const std::string norm_target = normalize_name(text);
    const std::string norm_name = normalize_name(ind.name);
    const exact_ratio sim = text_similarity(norm_target, norm_name);
    // Equal, or nearly: a target that holds the name among other words (进一步提高群众满意度) is
    // judged by the vague-word and measurability checks instead.
    const bool copies = !norm_name.empty() &&
                        (norm_target == norm_name || sim.compare_to(c.book.audit.goal_similarity_threshold) >= 0);
    if (copies) {
        c.emit("declaration.target_copies_name", "indicators", i, "target",
               {{"target", text}, {"similarity", percent_text(sim, 2, rounding::down)}});
        return;
    }
    if (std::string_view word = vague_word(norm_target); !word.empty()) {
        c.emit("declaration.vague_target", "indicators", i, "target", {{"target", text}, {"word", std::string(word)}});
        return;
    }
    if (target_number_missing(ind)) return;  // rule.target_number_missing says it
    if (auto why = unmeasurable(ind)) {
        c.emit("declaration.target_not_measurable", "indicators", i, "target",
               {{"target", text}, {"reason_zh", std::string(why->first)}, {"reason_en", std::string(why->second)}});
    }
}

void check_funds_requested(const context& c) {
    const funds& m = c.f.money;
    const reported<decimal>& requested = m.at(funds_row::total, funds_column::initial_budget);
    if (!requested.has_value()) return;
    constexpr std::array<std::string_view, 3> source_ids{"current_appropriation", "prior_carryover", "other"};
    decimal sum{0};
    bool any_source = false;
    evidence_list ev{{"requested", requested.value->to_string()}};
    for (std::size_t r = 1; r < 4; ++r) {
        const reported<decimal>& cell = m.at(static_cast<funds_row>(r), funds_column::initial_budget);
        if (cell.state == cell_state::invalid) return;  // cell.not_a_number says it
        std::string shown(1, '0');
        if (cell.has_value()) {
            any_source = true;
            sum += *cell.value;
            shown = cell.value->to_string();
        }
        ev.emplace_back(std::string(source_ids[r - 1]), shown);
    }
    if (!any_source || sum == *requested.value) return;
    ev.emplace_back("sum", sum.to_string());
    ev.emplace_back("difference", (*requested.value - sum).to_string());
    c.emit("declaration.funds_requested_mismatch", "funds", std::nullopt, "initial_budget", std::move(ev));
}

bool is_cost(const indicator& ind) noexcept {
    return ind.level1 == category::cost || ind.level2 == subcategory::cost ||
           ind.level2 == subcategory::economic_cost || ind.level2 == subcategory::social_cost ||
           ind.level2 == subcategory::ecological_cost;
}

void check_blocks(const context& c) {
    const form& f = c.f;
    if (f.indicators.empty()) return;  // no indicator table read: hygiene / import notes say so
    // A block may sit under a 一级指标 label that was not recognised (投入指标, a misread label):
    // hygiene.unknown_category names those lines, and no block is called missing then.
    bool unknown = false;
    bool output = false;
    bool effect = false;
    bool satisfaction = false;
    bool cost = false;
    for (std::size_t i = 0; i < f.indicators.size(); ++i) {
        const indicator& ind = f.indicators[i];
        output = output || ind.level1 == category::output;
        effect = effect || ind.level1 == category::effect;
        satisfaction = satisfaction || ind.level1 == category::satisfaction;
        cost = cost || is_cost(ind);
        unknown = unknown || ind.level1 == category::unknown;
        if (ind.level1 == category::output && ind.name.find("满意") != std::string::npos) {
            c.emit("declaration.satisfaction_as_output", "indicators", i, "level1", {{"level1_text", ind.level1_text}});
        }
    }
    if (unknown) return;
    auto missing = [&](bool present, category cat) {
        if (present) return;
        c.emit("declaration.level1_missing", "indicators", std::nullopt, std::string(to_string(cat)),
               {{"category", std::string(to_string(cat))}, {"category_zh", std::string(chinese_name(cat))}});
    };
    missing(output, category::output);
    missing(effect, category::effect);
    if (c.book.weights.satisfaction) missing(satisfaction, category::satisfaction);
    if (!cost) c.emit("declaration.no_cost_indicator", "indicators", std::nullopt, "cost", {});
}

}  // namespace

void check_declaration(const context& c) {
    check_funds_requested(c);
    for (std::size_t i = 0; i < c.f.indicators.size(); ++i) check_target(c, i);
    check_blocks(c);
}

}  // namespace jixiao::audit_detail

namespace jixiao {

const name_unit_hint* unit_hint_for(std::string_view indicator_name) noexcept {
    const std::string_view name = audit_detail::trim(indicator_name);
    if (name.ends_with("效率")) return nullptr;  // efficiency: a judgement, not a ratio of counts
    for (const name_unit_hint& h : name_unit_hints()) {
        if (name.ends_with(h.ending)) return &h;
    }
    return nullptr;
}

}  // namespace jixiao
