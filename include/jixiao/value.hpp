// jixiao/value.hpp — value expressions: what a form writes as 年度指标值 (target) and
// 实际完成值 (actual).
//
// Synopsis:
//   enum class comparator      = >= > <= < ≈ (and `none` for a bare measurement like `100%`)
//   enum class value_kind      empty, comparison/quantity, range, time point, qualitative, text
//   struct time_point          `11月底`, `12月上旬`, `2020年全年`, `年底前`
//   enum class qualitative_kind the three official tiers, positive words (及时, 提升, 健全 ...),
//                              negative words, other labels
//   struct value_expr          one parsed value, with its original text always kept
//   parse_value(text)          the one parser for every target and actual; never throws
//   to_string(value_expr)      canonical spelling (`>=80%`, `<=700元/人次`); parse(to_string(v)) == v
//   compare_actual(actual, target)  met / not met / not comparable, exactly
//
// The grammar is written down once, in docs/values.md (EBNF).
#pragma once

#include <jixiao/decimal.hpp>
#include <jixiao/error.hpp>
#include <jixiao/unit.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jixiao {

/// Comparator of a target (指标性质): `=`, `>=`, `>`, `<=`, `<`, approximately (接近, 约).
enum class comparator {
    none,           ///< a bare measurement: `100%`, `20人次`
    equal,          ///< = ＝ ═ ﹦ == 达到 (scored as "at least", see compare_actual)
    greater_equal,  ///< >= ＞＝ ≥ ≧ 不低于 不少于 至少 ... 以上 (after the number)
    greater,        ///< > ＞ 高于 大于 超过
    less_equal,     ///< <= ＜＝ ≤ ≦ 不高于 不超过 最多 ... 以下 以内 (after the number)
    less,           ///< < ＜ 低于 少于
    approximately,  ///< ≈ ~ 接近 约 ... 左右 (after the number)
};

/// Canonical ASCII spelling (`">="`; `"~"` for approximately; `""` for none).
[[nodiscard]] std::string_view to_string(comparator c) noexcept;

/// What kind of value a cell holds.
enum class value_kind {
    empty,          ///< blank cell
    not_applicable, ///< `—`, `/`, `无`, `不适用`
    quantity,       ///< comparator + exact number + unit: `>=80%`, `=3.50万元`, `20人次`
    range,          ///< `80%-90%`, `9-11月` (lower and upper, inclusive)
    time_point,     ///< `11月底`, `=12月上旬`, `2020年全年`, `年底前`
    qualitative,    ///< a label: 及时, 提升, 健全, the three tiers ...
    text,           ///< free text that is none of the above
};

/// The part of a month or year a time point names.
enum class period_part {
    whole,          ///< `2023年12月`, `2020年全年`, `全年`
    early,          ///< 上旬 / 初 (`年初`, `上半年`)
    middle,         ///< 中旬 (`年中`)
    late,           ///< 下旬 (`下半年`)
    end,            ///< 底 / 末
    before_end,     ///< 前: `年底前`, `11月底前`
};

/// A calendar point: year and/or month, and which part of it. Without a month the part is a
/// part of the year (`年底前`: year and month both empty, part before_end). `12月` alone is a
/// number of months (a quantity), not a time point.
struct time_point {
    /// Calendar year, when written (`2023年12月底`).
    std::optional<int> year;
    std::optional<int> month;  ///< 1..12
    /// Part of the month or year (whole, early, middle, late, end, before the end).
    period_part part = period_part::whole;
    /// Member-wise equality.
    friend bool operator==(const time_point&, const time_point&) = default;
};

/// Stable English name: `"empty"`, `"not_applicable"`, `"quantity"`, `"range"`, `"time_point"`,
/// `"qualitative"`, `"text"`.
[[nodiscard]] std::string_view to_string(value_kind k) noexcept;
/// Stable English name: `"whole"`, `"early"`, `"middle"`, `"late"`, `"end"`, `"before_end"`.
[[nodiscard]] std::string_view to_string(period_part p) noexcept;

/// What a qualitative label says.
enum class qualitative_kind {
    tier_met,        ///< 达成年度指标 (official tier 1: [80%, 100%] of the weight)
    tier_partly_met, ///< 部分达成年度指标并具有一定效果 (tier 2: [60%, 80%))
    tier_not_met,    ///< 未达成年度指标且效果较差 (tier 3: [0, 60%))
    positive,        ///< 及时, 提升, 有所提升, 逐步提升, 提高, 降低, 健全, 有效, 完整, 公平公正, 好, 是, 达到预期 ...
    negative,        ///< 不及时, 未完成, 否, 无效, 较差 ...
    other,           ///< a short label not in the table
};

/// Stable English name: `"tier_met"`, `"tier_partly_met"`, `"tier_not_met"`, `"positive"`,
/// `"negative"`, `"other"`.
[[nodiscard]] std::string_view to_string(qualitative_kind q) noexcept;

/// One parsed value expression. `text` always holds the original cell text.
struct value_expr {
    // The parsed meaning (what scoring compares) comes first, the texts after.
    /// What kind of value this is.
    value_kind kind = value_kind::empty;
    comparator op = comparator::none;     ///< quantity and time_point kinds
    qualitative_kind quality = qualitative_kind::other;  ///< qualitative kind
    time_point when;                      ///< time_point kind
    quantity amount;                      ///< quantity: the number; range: the lower end
    quantity upper;                       ///< range: the upper end
    std::string text;                     ///< original text, exactly as given
    std::string label;                    ///< qualitative: the label as normalised; text: trimmed text
    std::string subject;                  ///< words before the value, e.g. `满意率达` in `满意率达95%以上`

    /// Same parsed meaning and same original text.
    friend bool operator==(const value_expr&, const value_expr&) = default;
};

/// The one parser for targets and actuals (grammar: docs/values.md). Never throws on user text:
/// text that is not a value becomes `value_kind::text` (or a short qualitative label); text
/// that starts like a value and breaks (`>=`, `>=1.2.3%`, `9-`) is an error
/// (errc::invalid_value, errc::invalid_range, errc::invalid_utf8) with its byte offset.
[[nodiscard]] result<value_expr> parse_value(std::string_view text);

/// Canonical spelling: `>=80%`, `<=700元/人次`, `9-11月`, `11月底`, `及时`.
[[nodiscard]] std::string to_string(const value_expr& v);

/// Outcome of checking an actual against a target.
enum class outcome {
    met,             ///< the actual satisfies the target
    not_met,         ///< it does not
    not_comparable,  ///< different dimensions, qualitative vs quantitative, free text, missing
};

/// Stable English name: `"met"`, `"not_met"`, `"not_comparable"`.
[[nodiscard]] std::string_view to_string(outcome o) noexcept;

/// Exact check of an actual against a target (rules in docs/values.md):
/// - quantities of one dimension compare exactly across scales (`3.50万元` vs `=35000元`: met,
///   `98%` vs `>=100%`: not met); `=` is read as "at least" (DESIGN.md scoring), a zero target
///   is met only by an actual <= 0; a plain number never compares with a percent;
/// - an actual with a comparator other than `=` (`>=90%`, `<=16`, `接近0`) restates the target
///   and is not a measurement: not_comparable;
/// - ranges are inclusive; time points are deadlines (at or before the target is met);
/// - a tier label as the actual decides (tier_met: met, lower tiers: not met); equal labels are
///   met; a negative word against a non-negative target is not met;
/// - anything else (different dimensions, free text, missing) is not_comparable.
[[nodiscard]] outcome compare_actual(const value_expr& actual, const value_expr& target);

}  // namespace jixiao
