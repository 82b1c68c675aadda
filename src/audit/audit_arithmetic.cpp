// audit_arithmetic.cpp — arithmetic checks: do the form's numbers add up? Funds sources vs the
// annual total, executed vs budget, reported rate and scores vs the scorecard, weights and
// totals, grade vs total. Every comparison is exact (decimal), with audit.score_tolerance for
// scores.
#include "audit/audit_internal.hpp"

#include <array>

namespace jixiao::audit_detail {
namespace {

constexpr std::array<std::string_view, 3> column_ids{"initial_budget", "full_year_budget", "executed"};
constexpr std::array<std::string_view, 4> row_ids{"total", "current_appropriation", "prior_carryover", "other"};

bool beyond(const decimal& difference, const decimal& tolerance) { return difference.abs() > tolerance; }

void check_sources(const context& c) {
    const funds& m = c.f.money;
    for (std::size_t col = 0; col < 3; ++col) {
        auto column = static_cast<funds_column>(col);
        // A declaration's 年初预算数 column is the funds requested: declaration.funds_requested_mismatch.
        if (is_declaration(c.f.kind) && column == funds_column::initial_budget) continue;
        const reported<decimal>& total = m.at(funds_row::total, column);
        if (!total.has_value()) continue;
        bool any_source = false;
        bool unreadable = false;
        decimal sum{0};
        std::array<std::string, 3> parts;
        for (std::size_t r = 1; r < 4; ++r) {
            const reported<decimal>& cell = m.at(static_cast<funds_row>(r), column);
            if (cell.state == cell_state::invalid) unreadable = true;
            if (cell.has_value()) {
                any_source = true;
                sum += *cell.value;
                parts[r - 1] = cell.value->to_string();
            } else {
                parts[r - 1].assign(1, '0');  // not = "0": GCC 12 warns falsely (-Wrestrict) at -O3
            }
        }
        if (!any_source || unreadable || sum == *total.value) continue;
        evidence_list ev{{"column", std::string(column_ids[col])},
                         {"column_zh", std::string(field_zh(column_ids[col]))},
                         {"column_en", std::string(field_en(column_ids[col]))},
                         {"total", total.value->to_string()}};
        for (std::size_t r = 1; r < 4; ++r) ev.emplace_back(std::string(row_ids[r]), parts[r - 1]);
        ev.emplace_back("sum", sum.to_string());
        ev.emplace_back("difference", (*total.value - sum).to_string());
        c.emit("funds.sources_mismatch", "funds", std::nullopt, std::string(column_ids[col]), std::move(ev));
    }
}

/// A negative amount in the funds block: money budgeted, allocated or spent is never below zero,
/// and the execution line drops out of scoring on a negative budget.
void check_negative_amounts(const context& c) {
    const funds& m = c.f.money;
    for (std::size_t r = 0; r < 4; ++r) {
        for (std::size_t col = 0; col < 3; ++col) {
            const reported<decimal>& cell = m.at(static_cast<funds_row>(r), static_cast<funds_column>(col));
            if (!cell.has_value() || !cell.value->is_negative()) continue;
            c.emit("funds.negative_amount", "funds", std::nullopt,
                   std::string(row_ids[r]) + "." + std::string(column_ids[col]),
                   {{"row_zh", std::string(field_zh(row_ids[r]))}, {"row_en", std::string(field_en(row_ids[r]))},
                    {"column_zh", std::string(field_zh(column_ids[col]))},
                    {"column_en", std::string(field_en(column_ids[col]))},
                    {"amount", cell.value->to_string()}, {"text", cell.text}});
        }
    }
}

/// Chinese for why a line could not be scored (the reasons of `line_status::not_scorable`).
std::string_view reason_zh(line_reason r) noexcept {
    switch (r) {
    case line_reason::missing_weight: return "无分值";
    case line_reason::invalid_weight: return "分值无法识别或为负";
    case line_reason::missing_target: return "无年度指标值";
    case line_reason::invalid_target: return "年度指标值无法识别";
    case line_reason::missing_actual: return "无实际完成值";
    case line_reason::invalid_actual: return "实际完成值无法识别";
    case line_reason::incompatible_units: return "指标值与完成值计量单位不可比";
    case line_reason::missing_reported_score: return "定性指标无填报得分";
    case line_reason::missing_budget: return "无全年预算数";
    case line_reason::invalid_budget: return "全年预算数无法识别或为负";
    case line_reason::missing_executed: return "无全年执行数";
    default: return "无法核算";
    }
}

/// The computed total left out a line: say which and why, and compare the reported total with
/// what can be computed (the computed lines plus the reported scores of the others), as partial.
void report_incomplete_total(const context& c, const decimal& reported_total) {
    std::string missing_zh;
    std::string missing_en;
    decimal reported_rest{0};
    std::size_t missing = 0;
    std::size_t without_score = 0;
    auto add = [&](const score_line& line, std::string_view zh_name, std::string_view en_name) {
        if (line.counted) return;
        ++missing;
        // A line the engine could score but whose counted part is the reported score (manual,
        // tiers): that score is empty or unreadable.
        const bool needs_reported = line.status != line_status::not_scorable;
        missing_zh += (missing_zh.empty() ? "" : "、") + std::string("“") + std::string(zh_name) + "”（" +
                      std::string(needs_reported ? "应采用填报得分，但得分为空或无法识别" : reason_zh(line.reason)) + "）";
        missing_en += (missing_en.empty() ? "" : "; ") + std::string("\"") + std::string(en_name) + "\" (" +
                      std::string(needs_reported ? "the reported score stands for it, but it is empty or unreadable"
                                                 : describe(line.reason)) +
                      ")";
        if (line.reported_score.has_value()) reported_rest += *line.reported_score.value;
        else ++without_score;
    };
    add(c.card.execution, "预算执行率", "budget execution");
    for (std::size_t i = 0; i < c.card.indicators.size() && i < c.f.indicators.size(); ++i) {
        add(c.card.indicators[i], c.f.indicators[i].name, c.f.indicators[i].name);
    }
    if (missing == 0) return;
    const decimal comparable = c.card.computed_total + reported_rest;
    std::string comparison_zh;
    std::string comparison_en;
    if (without_score == 0) {
        comparison_zh = "可核算部分 " + c.card.computed_total.to_string() + " 分加未核算项的填报得分 " +
                        reported_rest.to_string() + " 分为 " + comparable.to_string() + " 分，与填报总分 " +
                        reported_total.to_string() + " 相差 " + (comparable - reported_total).to_string() + "（部分核对）";
        comparison_en = "the computable part " + c.card.computed_total.to_string() +
                        " plus the reported scores of the others " + reported_rest.to_string() + " is " +
                        comparable.to_string() + " against the reported total " + reported_total.to_string() +
                        ", difference " + (comparable - reported_total).to_string() + " (partial check)";
    } else {
        comparison_zh = "可核算部分为 " + c.card.computed_total.to_string() + " 分，其中 " + std::to_string(without_score) +
                        " 项未核算项亦无填报得分，无法与填报总分 " + reported_total.to_string() + " 核对";
        comparison_en = "the computable part is " + c.card.computed_total.to_string() + "; " +
                        std::to_string(without_score) + " of the lines left out have no reported score either, so the "
                        "reported total " + reported_total.to_string() + " cannot be checked";
    }
    evidence_list ev{{"missing_lines", std::to_string(missing)}, {"missing_zh", missing_zh}, {"missing_en", missing_en},
                     {"computed_partial", c.card.computed_total.to_string()}, {"reported", reported_total.to_string()},
                     {"comparison_zh", comparison_zh}, {"comparison_en", comparison_en}};
    if (without_score == 0) {
        ev.emplace_back("comparable", comparable.to_string());
        ev.emplace_back("difference", (comparable - reported_total).to_string());
    }
    c.emit("total.incomplete", "total", std::nullopt, "total_score", std::move(ev));
}

void check_execution(const context& c) {
    const funds& m = c.f.money;
    const reported<decimal>& budget = m.at(funds_row::total, funds_column::full_year_budget);
    const reported<decimal>& executed = m.at(funds_row::total, funds_column::executed);
    const rounding mode = c.book.rounding_at.mode;
    if (budget.has_value() && executed.has_value() && !budget.value->is_negative() && *executed.value > *budget.value) {
        std::string rate = c.card.execution_rate ? percent_text(*c.card.execution_rate, c.book.execution.rate_places, mode)
                                                 : std::string("—");
        c.emit("funds.executed_exceeds_budget", "funds", std::nullopt, "executed",
               {{"executed", executed.value->to_string()}, {"full_year_budget", budget.value->to_string()},
                {"rate", rate}});
    }
    if (m.execution_rate.has_value() && c.card.execution_rate) {
        const decimal& shown = *m.execution_rate.value;
        int places = std::min(shown.scale(), 12);
        decimal computed = divide(c.card.execution_rate->numerator * decimal{100}, c.card.execution_rate->denominator,
                                  places, mode)
                               .value_or_throw();
        if (computed != shown) {
            c.emit("funds.execution_rate_mismatch", "funds", std::nullopt, "execution_rate",
                   {{"reported", shown.to_string()},
                    {"computed", computed.to_string()},
                    {"executed", executed.has_value() ? executed.value->to_string() : executed.text},
                    {"full_year_budget", budget.has_value() ? budget.value->to_string() : budget.text}});
        }
    }
    const score_line& line = c.card.execution;
    if (line.difference && beyond(*line.difference, c.book.audit.score_tolerance)) {
        c.emit("funds.execution_score_mismatch", "funds", std::nullopt, "score",
               {{"reported", line.reported_score.value->to_string()},
                {"computed", line.computed->to_string()},
                {"difference", line.difference->to_string()},
                {"formula", line.trace.formula.empty() ? std::string(describe(line.reason)) : line.trace.formula}});
    }
}

void check_line_scores(const context& c) {
    for (const score_line& line : c.card.indicators) {
        if (line.index >= c.f.indicators.size()) continue;
        if (!line.difference || !beyond(*line.difference, c.book.audit.score_tolerance)) continue;
        c.emit("indicator.score_mismatch", "indicators", line.index, "score",
               {{"reported", line.reported_score.value->to_string()},
                {"computed", line.computed->to_string()},
                {"difference", line.difference->to_string()},
                {"rule", line.trace.rule.empty() ? std::string(to_string(line.reason)) : line.trace.rule},
                {"formula", line.trace.formula.empty() ? std::string(describe(line.reason)) : line.trace.formula}});
    }
}

void check_ranges(const context& c) {
    auto check = [&](const reported<decimal>& score, const reported<decimal>& weight, std::string_view block,
                     std::optional<std::size_t> index, const std::string& line_name) {
        if (!score.has_value()) return;
        const decimal& s = *score.value;
        bool out = s.is_negative() || (weight.has_value() && s > *weight.value);
        if (!out) return;
        c.emit("score.out_of_range", block, index, "score",
               {{"line", line_name},
                {"reported", s.to_string()},
                {"weight", weight.has_value() ? weight.value->to_string() : std::string("—")}});
    };
    check(c.f.money.score, c.f.money.weight, "funds", std::nullopt, std::string(field_zh("execution")));
    for (std::size_t i = 0; i < c.f.indicators.size(); ++i) {
        const indicator& ind = c.f.indicators[i];
        check(ind.score, ind.weight, "indicators", i, ind.name);
    }
}

/// Sum of the indicator weights; nothing when one is blank or unreadable (hygiene says so).
std::optional<decimal> indicator_weight_sum(const form& f) {
    decimal sum{0};
    for (const indicator& ind : f.indicators) {
        if (ind.weight.state == cell_state::not_applicable) continue;
        if (!ind.weight.has_value()) return std::nullopt;
        sum += *ind.weight.value;
    }
    return sum;
}

void check_weights_and_totals(const context& c) {
    const form& f = c.f;
    const audit_thresholds& th = c.book.audit;
    std::optional<decimal> ind_sum = indicator_weight_sum(f);
    std::optional<decimal> all_sum;
    if (ind_sum && f.money.weight.has_value()) all_sum = *ind_sum + *f.money.weight.value;
    if (ind_sum && !f.indicators.empty()) {
        std::string exec_w = f.money.weight.has_value() ? f.money.weight.value->to_string() : std::string("—");
        if (*ind_sum != th.indicator_weight) {
            c.emit("weights.sum_mismatch", "indicators", std::nullopt, "indicators",
                   {{"sum", ind_sum->to_string()},
                    {"expected", th.indicator_weight.to_string()},
                    {"indicator_sum", ind_sum->to_string()},
                    {"execution_weight", exec_w}});
        } else if (all_sum && *all_sum != th.total_weight) {
            c.emit("weights.sum_mismatch", "indicators", std::nullopt, "total",
                   {{"sum", all_sum->to_string()},
                    {"expected", th.total_weight.to_string()},
                    {"indicator_sum", ind_sum->to_string()},
                    {"execution_weight", exec_w}});
        }
    }
    if (all_sum && f.total_weight.has_value() && *f.total_weight.value != *all_sum) {
        c.emit("total.weight_mismatch", "total", std::nullopt, "total_weight",
               {{"reported", f.total_weight.value->to_string()}, {"sum", all_sum->to_string()}});
    }
    if (f.total_score.has_value()) {
        const decimal& reported_total = *f.total_score.value;
        bool complete = f.money.score.has_value();
        decimal sum = complete ? *f.money.score.value : decimal{0};
        for (const indicator& ind : f.indicators) {
            if (ind.score.state == cell_state::not_applicable) continue;
            if (!ind.score.has_value()) {
                complete = false;
                break;
            }
            sum += *ind.score.value;
        }
        if (complete && sum != reported_total) {
            c.emit("total.sum_mismatch", "total", std::nullopt, "total_score",
                   {{"reported", reported_total.to_string()},
                    {"sum", sum.to_string()},
                    {"difference", (reported_total - sum).to_string()}});
        }
        if (c.card.total_complete && c.card.total_difference && beyond(*c.card.total_difference, th.score_tolerance)) {
            c.emit("total.computed_mismatch", "total", std::nullopt, "total_score",
                   {{"reported", reported_total.to_string()},
                    {"computed", c.card.computed_total.to_string()},
                    {"difference", (c.card.computed_total - reported_total).to_string()}});
        }
        if (c.card.scorable && !c.card.total_complete) report_incomplete_total(c, reported_total);
        std::string_view grade = trim(f.reported_grade);
        if (!grade.empty()) {
            std::string_view expected = c.book.grade_for(reported_total);
            if (grade != expected) {
                c.emit("total.grade_mismatch", "total", std::nullopt, "grade",
                       {{"reported", std::string(grade)},
                        {"total", reported_total.to_string()},
                        {"expected", std::string(expected)},
                        {"computed_grade", c.card.computed_grade}});
            }
        }
    }
}

}  // namespace

void check_arithmetic(const context& c) {
    check_sources(c);
    check_negative_amounts(c);
    // A declaration is made before the year: nothing executed, nothing scored, no total.
    if (is_declaration(c.f.kind)) return;
    check_execution(c);
    check_line_scores(c);
    check_ranges(c);
    check_weights_and_totals(c);
}

}  // namespace jixiao::audit_detail
