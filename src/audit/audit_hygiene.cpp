// audit_hygiene.cpp — hygiene checks: blank required fields, cells that did not parse,
// unrecognised categories, and the recognizer's import notes (io::import_note: repairs, unmapped
// cells, warnings), so that nothing done on import goes unreported.
#include "audit/audit_internal.hpp"

#include <jixiao/vocabulary.hpp>

#include <array>
#include <type_traits>

namespace jixiao::audit_detail {
namespace {

constexpr std::array<std::string_view, 3> column_ids{"initial_budget", "full_year_budget", "executed"};
constexpr std::array<std::string_view, 4> row_ids{"total", "current_appropriation", "prior_carryover", "other"};
constexpr std::array<std::string_view, 3> score_column_ids{"weight", "execution_rate", "score"};

void required(const context& c, std::string_view block, std::optional<std::size_t> index, std::string_view field) {
    std::string place_zh;
    std::string place_en;
    if (index) {
        const std::string& name = c.f.indicators[*index].name;
        place_zh = std::string(vocabulary::indicator_place_open_zh) + name + std::string(vocabulary::indicator_place_close_zh);
        place_en = " (indicator \"" + name + "\")";
    }
    c.emit("hygiene.required_empty", block, index, std::string(field),
           {{"field_zh", std::string(field_zh(field))},
            {"field_en", std::string(field_en(field))},
            {"place_zh", place_zh},
            {"place_en", place_en}});
}

/// Chinese for why a cell's text did not parse (the codes of numbers and value expressions).
std::string_view error_zh(const error* e) noexcept {
    if (e == nullptr) return "无法识别";
    switch (e->code) {
    case errc::empty_number: return "没有数字";
    case errc::invalid_character: return "含有数字中不应出现的字符";
    case errc::misplaced_sign: return "正负号位置不对";
    case errc::misplaced_separator: return "千分位分隔符位置不对";
    case errc::multiple_points: return "有多个小数点";
    case errc::exponent_out_of_range: return "指数超出范围";
    case errc::too_many_digits: return "数字位数过多";
    case errc::empty_value: return "没有数值";
    case errc::invalid_value: return "不是可识别的数值表述";
    case errc::invalid_range: return "区间两端无法识别或不一致";
    case errc::incompatible_units: return "计量单位不可比";
    default: return "无法识别";
    }
}

/// A cell that did not parse: a number cell (分值, 得分, an amount, a rate, the totals) is
/// `cell.not_a_number`, an error; a value expression (年度指标值, 实际完成值) `hygiene.unparsed_value`.
template <class T>
void unparsed(const context& c, const reported<T>& cell, std::string_view block, std::optional<std::size_t> index,
              std::string field, std::string cell_zh, std::string cell_en) {
    if (cell.state != cell_state::invalid) return;
    std::string why = cell.problem ? cell.problem->message : std::string("unreadable");
    c.emit(std::is_same_v<T, decimal> ? "cell.not_a_number" : "hygiene.unparsed_value", block, index, std::move(field),
           {{"cell_zh", std::move(cell_zh)}, {"cell_en", std::move(cell_en)}, {"text", cell.text}, {"error", why},
            {"error_zh", std::string(error_zh(cell.problem ? cell.problem.operator->() : nullptr))}});
}

}  // namespace

void check_hygiene(const context& c, std::span<const io::import_note> notes) {
    const form& f = c.f;
    if (is_empty_shell(f)) c.emit("hygiene.not_scorable", "form", std::nullopt, "form", {});
    if (trim(f.project_name).empty()) required(c, "form", std::nullopt, "project_name");
    if (trim(f.department).empty()) required(c, "form", std::nullopt, "department");
    // A declaration's funds are the funds requested (the total row's 年初预算数); it has no
    // 全年预算数, no actuals, weights or scores.
    const bool declaration = is_declaration(f.kind);
    const funds_column budget_column = declaration ? funds_column::initial_budget : funds_column::full_year_budget;
    if (f.money.at(funds_row::total, budget_column).state == cell_state::missing) {
        required(c, "funds", std::nullopt, declaration ? "initial_budget" : "full_year_budget");
    }
    // Unreadable cells of the funds block.
    for (std::size_t r = 0; r < 4; ++r) {
        for (std::size_t col = 0; col < 3; ++col) {
            const auto& cell = f.money.at(static_cast<funds_row>(r), static_cast<funds_column>(col));
            std::string id = std::string(row_ids[r]) + "." + std::string(column_ids[col]);
            unparsed(c, cell, "funds", std::nullopt, id,
                     std::string(field_zh(row_ids[r])) + "/" + std::string(field_zh(column_ids[col])),
                     std::string(field_en(row_ids[r])) + ", " + std::string(field_en(column_ids[col])));
        }
        for (std::size_t s = 0; s < 3; ++s) {
            const auto& cell = f.money.scoring_at(static_cast<funds_row>(r), static_cast<funds_score_column>(s));
            std::string id = std::string(row_ids[r]) + "." + std::string(score_column_ids[s]);
            unparsed(c, cell, "funds", std::nullopt, id,
                     std::string(field_zh(row_ids[r])) + "/" + std::string(field_zh(score_column_ids[s])),
                     std::string(field_en(row_ids[r])) + ", " + std::string(field_en(score_column_ids[s])));
        }
    }
    for (std::size_t i = 0; i < f.indicators.size(); ++i) {
        const indicator& ind = f.indicators[i];
        auto blank_value = [](const reported<value_expr>& v) {
            return v.state == cell_state::missing || (v.value && v.value->kind == value_kind::empty);
        };
        // A declaration has targets only; a rubric line is judged by its 评分标准 and may have
        // neither a target nor an actual (决策依据, 制度健全性).
        const bool rubric = f.kind == form_kind::rubric_evaluation;
        if (!rubric && blank_value(ind.target)) required(c, "indicators", i, "target");
        if (!declaration) {
            if (!rubric && blank_value(ind.actual)) required(c, "indicators", i, "actual");
            if (ind.weight.state == cell_state::missing) required(c, "indicators", i, "weight");
            if (ind.score.state == cell_state::missing) required(c, "indicators", i, "score");
        }
        std::string nm_zh = ind.name + "/";
        std::string nm_en = "indicator \"" + ind.name + "\", ";
        unparsed(c, ind.target, "indicators", i, "target", nm_zh + std::string(field_zh("target")),
                 nm_en + std::string(field_en("target")));
        unparsed(c, ind.actual, "indicators", i, "actual", nm_zh + std::string(field_zh("actual")),
                 nm_en + std::string(field_en("actual")));
        unparsed(c, ind.weight, "indicators", i, "weight", nm_zh + std::string(field_zh("weight")),
                 nm_en + std::string(field_en("weight")));
        unparsed(c, ind.score, "indicators", i, "score", nm_zh + std::string(field_zh("score")),
                 nm_en + std::string(field_en("score")));
        if (ind.level1 == category::unknown) {
            c.emit("hygiene.unknown_category", "indicators", i, "level1", {{"label", ind.level1_text}});
        }
    }
    unparsed(c, f.total_weight, "total", std::nullopt, "total_weight", std::string(field_zh("total_weight")),
             std::string(field_en("total_weight")));
    unparsed(c, f.total_score, "total", std::nullopt, "total_score", std::string(field_zh("total_score")),
             std::string(field_en("total_score")));

    // The recognizer's notes, as it wrote them. Cells that did not parse need no note of their
    // own: the form keeps them as `cell_state::invalid` and `hygiene.unparsed_value` reports them.
    for (const io::import_note& note : notes) {
        std::string_view code = "import.warning";
        switch (note.kind) {
        case io::note_kind::repair: code = "import.repair"; break;
        case io::note_kind::unmapped: code = "import.unmapped"; break;
        case io::note_kind::warning: code = "import.warning"; break;
        }
        if (note.code == "ocr_uncertain") code = "ocr.uncertain";  // a check of its own: the cells to look at
        std::optional<std::size_t> index = note.indicator && *note.indicator < f.indicators.size()
                                               ? note.indicator
                                               : std::nullopt;
        std::string_view zh = import_note_zh(note.code);
        c.emit(code, "import", index, note.code,
               {{"note_code", note.code}, {"message", note.message},
                {"message_zh", zh.empty() ? "导入说明（" + note.code + "）" : std::string(zh)}, {"text", note.text}});
        c.out.back().where = note.where;  // the note's own place in the source
    }
}

}  // namespace jixiao::audit_detail
