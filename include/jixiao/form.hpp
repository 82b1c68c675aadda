// jixiao/form.hpp — the form model: one form of the performance cycle for one project (or one
// department) and one year: the 财政项目支出绩效自评表 (project expenditure performance
// self-evaluation form) and its kin (department-wide forms, target declarations, rubric forms).
//
// Synopsis:
//   enum class form_kind            which form of the cycle (self-evaluation, declaration, ...)
//   enum class cell_state           missing (blank) / not applicable (— / 无) / value / invalid
//   template <T> struct reported    one reported cell: original text + parsed value or error
//   enum class money_unit           元 or 万元 (from the 项目资金 header)
//   enum class category / subcategory  一级 / 二级指标 (spellings live in vocabulary.hpp)
//   struct funds                    the 项目资金 block: 4 rows x 3 columns + weight, rate, score,
//                                   and the lines beyond them (funds_line: 基本支出, 中央 ...)
//   struct goal                     年度总体目标: expected and achieved text
//   struct indicator                one 三级指标 line
//   struct source_location          where a thing came from (file, line, row, column; page of a PDF)
//   place_text(where)               where it is for a person holding the source: `p. 3` or `line 12`
//   struct form                     the whole form
//
// Reported numbers are kept exactly as reported; recomputed numbers live in the scorecard
// (scoring.hpp), never in the form.
#pragma once

#include <jixiao/boxed.hpp>
#include <jixiao/decimal.hpp>
#include <jixiao/error.hpp>
#include <jixiao/value.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jixiao {

/// What kind of form of the performance cycle a form is. Every kind has the same blocks (header,
/// funds, goal, indicators, total); a kind leaves empty what it does not print (a declaration has
/// targets and no actuals, weights or scores). docs/form-kinds.md.
enum class form_kind {
    project_self_evaluation,     ///< 项目支出绩效自评表 (scored by the rulebook of its layout)
    transfer_self_evaluation,    ///< 转移支付 / 专项资金绩效目标自评表 (全年预算数(A) / 全年执行数(B))
    department_self_evaluation,  ///< 部门整体支出绩效自评表 (one per budget unit and year)
    project_declaration,         ///< 项目支出绩效目标申报表 / 绩效目标表 (before the year: targets only)
    department_declaration,      ///< 部门整体支出绩效目标申报表
    rubric_evaluation,           ///< a rubric-scored evaluation (指标分值 / 评分标准 / 自评得分)
    other,                       ///< a layout family that only lists markers of other kinds; no form has it
};

/// Stable names: "project_self_evaluation", "transfer_self_evaluation",
/// "department_self_evaluation", "project_declaration", "department_declaration",
/// "rubric_evaluation", "other".
[[nodiscard]] std::string_view to_string(form_kind k) noexcept;
/// The kind of a stable name; nullopt for an unknown name.
[[nodiscard]] std::optional<form_kind> form_kind_from_string(std::string_view id) noexcept;
/// The Chinese name of a kind (项目支出绩效自评表, 部门整体支出绩效目标申报表 ...).
[[nodiscard]] std::string_view chinese_name(form_kind k) noexcept;
/// A target declaration (project or department): made before the year, nothing to score.
[[nodiscard]] constexpr bool is_declaration(form_kind k) noexcept {
    return k == form_kind::project_declaration || k == form_kind::department_declaration;
}
/// A department-wide form (self-evaluation or declaration): its subject is a budget unit.
[[nodiscard]] constexpr bool is_department_form(form_kind k) noexcept {
    return k == form_kind::department_self_evaluation || k == form_kind::department_declaration;
}

/// State of a reported cell: blank is *missing*, `—` `/` `无` is *not applicable*; a number
/// that did not parse is *invalid* (its text and error are kept).
enum class cell_state { missing, not_applicable, value, invalid };

/// One reported cell: the original text and, when it parsed, the value; when it did not, the
/// error. Never zeroed, never dropped.
template <class T>
struct reported {
    // What scoring reads (state, value) comes first, the text and error after: an indicator's
    // four scored cells then take fewer cache lines (docs/performance.md).
    /// Missing, not applicable, value or invalid.
    cell_state state = cell_state::missing;
    std::optional<T> value;           ///< set iff state == value
    std::string text;                 ///< as in the source (after recorded import repairs)
    boxed<jixiao::error> problem;     ///< set iff state == invalid (on the heap: rarely set)

    /// Whether the cell holds a parsed value.
    [[nodiscard]] bool has_value() const noexcept { return value.has_value(); }
    /// Member-wise equality.
    friend bool operator==(const reported&, const reported&) = default;
};

/// Reads a reported number cell: blank -> missing; `—`, `-`, `/`, `无` -> not applicable;
/// otherwise `decimal::parse` (a trailing `%` is allowed when `percent` is true and stripped:
/// `100.00%` -> 100.00, in percent points).
[[nodiscard]] reported<decimal> read_number_cell(std::string_view text, bool percent = false);
/// Reads a reported value-expression cell (target or actual) through `parse_value`.
[[nodiscard]] reported<value_expr> read_value_cell(std::string_view text);

/// Money unit of the funds block (项目资金 (元) / (万元)).
enum class money_unit { yuan, ten_thousand_yuan };

/// 一级指标.
enum class category { unknown, output, cost, effect, satisfaction };
/// 二级指标.
enum class subcategory {
    unknown,
    quantity, quality, timeliness, cost,                                   // 产出: 数量 质量 时效 成本
    economic_cost, social_cost, ecological_cost,                           // 成本 (newer forms)
    economic_benefit, social_benefit, ecological_benefit, sustainability,  // 效益
    service_satisfaction,                                                  // 满意度: 服务对象满意度
};

/// Stable English identifiers (`"output"`, `"social_benefit"`) and Chinese names (`"产出指标"`).
[[nodiscard]] std::string_view to_string(category c) noexcept;
[[nodiscard]] std::string_view to_string(subcategory s) noexcept;
[[nodiscard]] std::string_view chinese_name(category c) noexcept;
[[nodiscard]] std::string_view chinese_name(subcategory s) noexcept;
[[nodiscard]] std::optional<category> category_from_string(std::string_view id) noexcept;
[[nodiscard]] std::optional<subcategory> subcategory_from_string(std::string_view id) noexcept;
/// Recognises a label in any spelling variant (产出指标, 产出, 产出 指标, 成本指标 ...).
[[nodiscard]] category classify_category(std::string_view label) noexcept;
[[nodiscard]] subcategory classify_subcategory(std::string_view label) noexcept;

/// Rows of the funds block.
enum class funds_row { total, current_appropriation, prior_carryover, other };
/// Columns of the funds block.
enum class funds_column { initial_budget, full_year_budget, executed };
/// The scoring columns of the funds block (分值 / 执行率 / 得分).
enum class funds_score_column { weight, execution_rate, score };

/// Where a thing came from in the imported document. For a PDF, `line` and `row` count the
/// rows of the whole document (docs/readers.md) and `page` says which page the cell is on.
struct source_location {
    std::string file;          ///< file name or `-`
    std::size_t line = 0;      ///< 1-based source line (0 = unknown)
    std::size_t row = 0;       ///< 1-based grid row
    std::size_t column = 0;    ///< 1-based grid column
    /// 1-based page of a paged source (PDF), from the grid cell (`io::cell::page`); 0 = not
    /// from a paged source. Last, so that `{file, line, row, column}` keeps its meaning.
    std::size_t page = 0;
    /// Member-wise equality.
    friend bool operator==(const source_location&, const source_location&) = default;
};

/// Where `where` is for a person holding the source, as the reports cite it: `p. 3` for a paged
/// source (a PDF, whose running row numbers mean nothing on paper), else `line 12` (the source
/// line of text, CSV and HTML, the sheet row of a workbook); empty when neither is known.
[[nodiscard]] std::string place_text(const source_location& where);

/// A line of the funds block beyond its four rows, kept as printed: 基本支出 / 项目支出 of a
/// department form, 一般公共预算 / 政府性基金 by source, 中央 / 地方 of a transfer form.
struct funds_line {
    std::string label;                          ///< the row label as printed (其中：基本支出)
    std::array<reported<decimal>, 3> amounts;   ///< [funds_column]: 年初预算数 / 全年预算数 / 全年执行数
    /// The amount cell in column `c`.
    [[nodiscard]] const reported<decimal>& at(funds_column c) const { return amounts[static_cast<std::size_t>(c)]; }
    /// The amount cell in column `c`.
    [[nodiscard]] reported<decimal>& at(funds_column c) { return amounts[static_cast<std::size_t>(c)]; }
    /// Member-wise equality.
    friend bool operator==(const funds_line&, const funds_line&) = default;
};

/// 项目资金: 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金 x 年初预算数 / 全年预算数 /
/// 全年执行数, with the block's 分值 / 执行率 / 得分. A declaration's funds requested (资金总额 /
/// 申请金额) are the total row's 年初预算数.
struct funds {
    /// Money unit of the amounts (元 or 万元), from the block header.
    money_unit unit = money_unit::yuan;
    // No `{}` on these two arrays: every element has a default constructor, and clang 14 crashes
    // on the value-initialisation of a nested std::array of reported<decimal>.
    std::array<std::array<reported<decimal>, 3>, 4> amounts;  ///< [funds_row][funds_column]
    reported<decimal> weight;          ///< 分值 (usually 10)
    reported<decimal> execution_rate;  ///< 执行率 in percent points (`100.00%` -> 100.00)
    reported<decimal> score;           ///< 得分
    /// 分值 / 执行率 / 得分 cells of the source rows (当年财政拨款, 上年结转资金, 其他资金), indexed
    /// [funds_row - 1][funds_score_column]: usually `—` (not applicable) or blank (missing).
    std::array<std::array<reported<decimal>, 3>, 3> source_scoring;
    /// Lines printed beyond the four rows (基本支出 / 项目支出 ...), in order; empty on the
    /// project form.
    std::vector<funds_line> breakdown;

    /// The 分值 / 执行率 / 得分 cell of any row: for the total row, `weight` / `execution_rate` /
    /// `score`; for a source row, its `source_scoring` cell.
    [[nodiscard]] reported<decimal>& scoring_at(funds_row r, funds_score_column c) {
        if (r == funds_row::total) {
            return c == funds_score_column::weight ? weight
                   : (c == funds_score_column::execution_rate ? execution_rate : score);
        }
        return source_scoring[static_cast<std::size_t>(r) - 1][static_cast<std::size_t>(c)];
    }
    /// The 分值 / 执行率 / 得分 cell of any row (read-only).
    [[nodiscard]] const reported<decimal>& scoring_at(funds_row r, funds_score_column c) const {
        if (r == funds_row::total) {
            return c == funds_score_column::weight ? weight
                   : (c == funds_score_column::execution_rate ? execution_rate : score);
        }
        return source_scoring[static_cast<std::size_t>(r) - 1][static_cast<std::size_t>(c)];
    }

    /// The amount cell at row `r`, column `c`.
    [[nodiscard]] reported<decimal>& at(funds_row r, funds_column c) {
        return amounts[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
    }
    /// The amount cell at row `r`, column `c` (read-only).
    [[nodiscard]] const reported<decimal>& at(funds_row r, funds_column c) const {
        return amounts[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
    }
    /// Member-wise equality.
    friend bool operator==(const funds&, const funds&) = default;
};

/// 年度总体目标.
struct goal {
    std::string expected;  ///< 预期目标
    std::string achieved;  ///< 实际完成情况
    /// Member-wise equality.
    friend bool operator==(const goal&, const goal&) = default;
};

/// An extra column of the indicator table (指标性质, 度量单位, 指标解释, 评(扣)分标准 ...).
struct extra_cell {
    std::string label;  ///< the column header as printed
    /// The cell text as printed.
    std::string text;
    /// Member-wise equality.
    friend bool operator==(const extra_cell&, const extra_cell&) = default;
};

/// One 三级指标 line.
struct indicator {
    /// 一级指标 (level 1 category), classified from `level1_text`.
    category level1 = category::unknown;
    /// 二级指标 (level 2 category), classified from `level2_text`.
    subcategory level2 = subcategory::unknown;
    // The four scored cells come first and together (scoring reads them, not the texts).
    reported<decimal> weight;           ///< 分值
    reported<decimal> score;            ///< 得分 (as reported)
    reported<value_expr> target;        ///< 年度指标值
    reported<value_expr> actual;        ///< 实际完成值
    std::string level1_text;            ///< 一级指标 as printed (or inherited from above)
    std::string level2_text;            ///< 二级指标 as printed (or inherited from above)
    std::string name;                   ///< 三级指标
    std::string deviation_note;         ///< 偏差原因分析及改进措施
    std::vector<extra_cell> extra;      ///< extra columns, in order
    /// Where the indicator row is in the source.
    source_location where;
    /// Member-wise equality.
    friend bool operator==(const indicator&, const indicator&) = default;
};

/// A whole form (a self-evaluation form unless `kind` says otherwise).
struct form {
    /// Which form of the cycle it is. The recognizer sets it from the title and layout family.
    form_kind kind = form_kind::project_self_evaluation;
    std::string title;                  ///< e.g. 财政项目支出绩效自评表
    std::optional<int> year;            ///< (2023 年度)
    std::string project_name;           ///< 项目名称; of a department form, 部门(单位)名称
    std::string department;             ///< 主管部门
    std::string implementing_unit;      ///< 实施单位
    funds money;                        ///< 项目资金
    goal annual_goal;                   ///< 年度总体目标
    std::vector<indicator> indicators;  ///< 绩效指标
    reported<decimal> total_weight;     ///< 总分 row, 分值 column
    reported<decimal> total_score;      ///< 总分 row, 得分 column
    std::string reported_grade;         ///< 评价等级 as printed (优/良/中/差), empty if none
    std::string notes;                  ///< 其他需要说明事项
    /// Id of the layout family the form was read by (`sichuan`, `hubei`, … see
    /// `io::builtin_layouts()`); empty for the national template read by position or a form
    /// made by hand. Its family names the rulebook it is scored by by default.
    std::string layout;
    source_location where;              ///< where the form starts
    /// Member-wise equality.
    friend bool operator==(const form&, const form&) = default;
};

/// An empty shell: no indicator and no funds figure read. Such a form cannot be scored (no
/// total, no grade): its score would mean nothing.
[[nodiscard]] bool is_empty_shell(const form& f) noexcept;

}  // namespace jixiao
