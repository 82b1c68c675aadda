// jixiao/rulebook.hpp — scoring rules as data: one versioned rulebook per jurisdiction/year.
//
// Synopsis:
//   struct rulebook                 plain data: identity, citations and one section per rule
//     execution_rule                预算执行率: default weight, cap at the weight, rate places
//     quantitative_rule             >= > = <= <: formulas when a target is not met
//     over_achievement_rule         optional deduction when an over-achievement is unexplained
//     qualitative_rule              the three tiers as fractions of the weight
//     timeliness_rule               time points and periods: met -> weight, else manual
//     rounding_rule                 places and mode at each score
//     grade_band                    优 >= 90 ...
//     weight_guidance               产出 50 / 效益 30 / 满意度 10 / 执行 10 (read by the audit)
//     not_applicable_rule           drop not-applicable indicators and rescale the rest
//     audit_thresholds              thresholds the audit reads (over-achievement, similarity ...)
//   load_rulebook_json(text)        parse and validate a rulebook (JSON; `extends` a built-in)
//   load_rulebook_file(path)        the same, from a file
//   builtin_rulebook(name)          one of the rulebooks compiled into the library
//   builtin_rulebook_names()        their names (`mof-2020` is the default)
//   kind_rulebook_name(kind)        the rulebook a kind has of its own (department-2020 ...)
//   rulebook_name_for(kind)         that, else mof-2020
//   to_json(rulebook)               the full rulebook as JSON (load_rulebook_json reads it back)
//
// The file format is described by docs/rulebook.schema.json and the rules by docs/rulebooks.md.
// Decimal fields are written as JSON strings ("0.30") or integers; a JSON fraction such as 0.30
// is read from its text, never through binary floating point.
#pragma once

#include <jixiao/decimal.hpp>
#include <jixiao/error.hpp>
#include <jixiao/form.hpp>
#include <jixiao/value.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

/// Name of the default built-in rulebook (财预〔2020〕10号 as practised).
inline constexpr std::string_view default_rulebook_name = "mof-2020";

/// The built-in rulebook a kind of form has of its own: `department-2020` for department forms,
/// `rubric-2020` for rubric evaluations; empty for the project and transfer forms (scored by their
/// layout family's rulebook, else `mof-2020`) and for declarations (never scored).
[[nodiscard]] std::string_view kind_rulebook_name(form_kind k) noexcept;
/// The rulebook a form of kind `k` is scored by when the caller names none and no layout
/// family names one: `kind_rulebook_name(k)`, else `mof-2020`.
[[nodiscard]] std::string_view rulebook_name_for(form_kind k) noexcept;

/// A source a rulebook cites (a regulation or a documented practice).
struct citation {
    std::string id;    ///< short key, e.g. `caiyu-2020-10`
    std::string text;  ///< full reference, e.g. 财预〔2020〕10号《项目支出绩效评价管理办法》
    /// Member-wise equality.
    friend bool operator==(const citation&, const citation&) = default;
};

/// Rounding at each declared point (each indicator score, the execution score).
struct rounding_rule {
    int places = 2;                                  ///< 2 = cents of a point; 0 = whole points
    rounding mode = rounding::half_away_from_zero;   ///< 四舍五入
    /// Member-wise equality.
    friend bool operator==(const rounding_rule&, const rounding_rule&) = default;
};

/// 预算执行率: rate = 全年执行数 / 全年预算数 (0 when the budget is 0); score = weight x rate.
struct execution_rule {
    decimal default_weight{10};  ///< used when the form reports no 分值 for the funds row
    bool cap_at_weight = true;   ///< score = min(weight x rate, weight)
    int rate_places = 2;         ///< places of the rate shown as a percent (86.18%)
    /// Citation carried by the traces of this rule.
    std::string citation;
    /// Member-wise equality.
    friend bool operator==(const execution_rule&, const execution_rule&) = default;
};

/// What a lower-is-better (<=, <) indicator scores when its target is not met.
enum class lower_formula {
    linear_excess,  ///< weight x (1 - (actual - target) / target), not below 0
    ratio,          ///< weight x target / actual
};

/// Quantitative indicators: met -> weight; not met -> the formulas below.
/// Higher-is-better (>=, >) and equal (=) score weight x actual / target; a zero target of `=`
/// is met only by an actual <= 0.
struct quantitative_rule {
    /// Formula for lower-is-better indicators that miss their target.
    lower_formula lower = lower_formula::linear_excess;
    /// Citation carried by the traces of this rule.
    std::string citation;
    /// Member-wise equality.
    friend bool operator==(const quantitative_rule&, const quantitative_rule&) = default;
};

/// What happens to a met indicator whose deviation is at or beyond the audit's
/// over-achievement threshold (`audit_thresholds::over_achievement_threshold`).
enum class over_achievement_deduction {
    off,                 ///< a finding for the audit only (the default)
    fraction_of_weight,  ///< when the deviation note is empty, deduct `fraction` x weight
};

/// Over-achievement (超额完成): deviation = (actual - target) / target.
struct over_achievement_rule {
    /// Whether and how an unexplained over-achievement is deducted.
    over_achievement_deduction deduction = over_achievement_deduction::off;
    decimal fraction{0};  ///< share of the weight deducted (fraction_of_weight only), in [0, 1]
    /// Citation carried by the traces of this rule.
    std::string citation;
    /// Member-wise equality.
    friend bool operator==(const over_achievement_rule&, const over_achievement_rule&) = default;
};

/// One qualitative tier: a band of the weight, as fractions (`0.8` .. `1`).
struct qualitative_tier {
    qualitative_kind kind = qualitative_kind::tier_met;  ///< which tier label selects it
    std::string label;            ///< the tier's name as printed (达成年度指标 ...)
    decimal lower;                ///< inclusive lower bound, fraction of the weight
    decimal upper;                ///< upper bound, fraction of the weight
    bool upper_inclusive = false; ///< whether `upper` itself is in the band
    /// Member-wise equality.
    friend bool operator==(const qualitative_tier&, const qualitative_tier&) = default;
};

/// Qualitative indicators: the evaluator picks a tier; the engine validates the reported score
/// against the tier's band (bounds rounded per `rounding_rule`) and never replaces it.
struct qualitative_rule {
    std::vector<qualitative_tier> tiers;  ///< one per tier kind
    /// An actual equal to a met qualitative target (及时 / 及时) counts as the met tier and
    /// scores the full weight.
    bool equal_label_counts_as_met = true;
    /// Citation carried by the traces of this rule.
    std::string citation;
    /// Member-wise equality.
    friend bool operator==(const qualitative_rule&, const qualitative_rule&) = default;
};

/// Time points and periods (`=11月底`, `9-11月`): met -> weight; otherwise the evaluator's score
/// stands (manual). There is no formula.
struct timeliness_rule {
    /// Citation carried by the traces of this rule.
    std::string citation;
    /// Member-wise equality.
    friend bool operator==(const timeliness_rule&, const timeliness_rule&) = default;
};

/// A grade and the least total that earns it.
struct grade_band {
    std::string name;  ///< 优 / 良 / 中 / 差
    decimal min;       ///< inclusive
    /// Member-wise equality.
    friend bool operator==(const grade_band&, const grade_band&) = default;
};

/// Where the weight of a missing satisfaction indicator goes (guidance for the audit).
enum class weight_destination {
    none,          ///< nowhere: the form simply totals less
    output,        ///< to 产出指标
    effect,        ///< to 效益指标
    proportional,  ///< spread over the other categories in proportion to their weights
};

/// Weight guidance per 一级指标 (not law: forms deviate and the audit says so).
struct weight_guidance {
    /// 产出指标 weight (cost included unless `cost_counts_as` says otherwise); none: the unit
    /// sets the level-1 weights itself (the 20/80 and Sichuan families), nothing to compare.
    std::optional<decimal> output{decimal{50}};
    /// 效益指标 weight (none: no guidance).
    std::optional<decimal> effect{decimal{30}};
    /// 满意度指标 weight (none: no guidance, and a form without a satisfaction indicator is no
    /// finding).
    std::optional<decimal> satisfaction{decimal{10}};
    /// 预算执行率 weight.
    decimal execution{10};
    category cost_counts_as = category::output;  ///< 成本指标 counted inside 产出 by default
    /// Where the weight of a missing satisfaction indicator goes.
    weight_destination missing_satisfaction_to = weight_destination::none;
    /// Member-wise equality.
    friend bool operator==(const weight_guidance&, const weight_guidance&) = default;
};

/// Not-applicable indicators (target or weight `—` / `不适用`).
struct not_applicable_rule {
    /// Drop them and rescale the remaining weights (execution included) to the total weight.
    bool drop_and_rescale = false;
    /// Member-wise equality.
    friend bool operator==(const not_applicable_rule&, const not_applicable_rule&) = default;
};

/// Thresholds the audit reads.
struct audit_thresholds {
    decimal over_achievement_threshold = decimal::from_parts(30, 2);  ///< 0.30
    decimal goal_similarity_threshold = decimal::from_parts(90, 2);   ///< 0.90
    decimal score_tolerance{0};   ///< |computed - reported| allowed; 0 = exact
    decimal total_weight{100};    ///< 总分
    decimal indicator_weight{90}; ///< indicators without the execution line
    /// Member-wise equality.
    friend bool operator==(const audit_thresholds&, const audit_thresholds&) = default;
};

/// A rulebook: plain data. Build one in code, load one from JSON, or take a built-in.
struct rulebook {
    std::string id;           ///< e.g. `mof-2020`
    std::string version;      ///< version of this rulebook's content, e.g. `2020.1`
    /// Human title (Chinese or English).
    std::string title;
    /// What the rulebook is and where it applies.
    std::string description;
    /// The sources the rules cite.
    std::vector<citation> citations;
    /// 预算执行率 rule.
    execution_rule execution;
    /// Quantitative indicators (>=, >, =, <=, <).
    quantitative_rule quantitative;
    /// Over-achievement (超额完成) handling.
    over_achievement_rule over_achievement;
    /// Qualitative tiers.
    qualitative_rule qualitative;
    /// Time points and periods.
    timeliness_rule timeliness;
    rounding_rule rounding_at;  ///< `rounding` is the mode's type name
    std::vector<grade_band> grades;  ///< highest first; the last has the lowest `min`
    /// Weight guidance per 一级指标 (read by the audit).
    weight_guidance weights;
    /// Not-applicable indicators.
    not_applicable_rule not_applicable;
    /// Thresholds the audit reads.
    audit_thresholds audit;

    /// The grade of a total (the first band whose `min` it reaches), empty when none.
    [[nodiscard]] std::string_view grade_for(const decimal& total) const noexcept {
        for (const grade_band& g : grades) {
            if (total >= g.min) return g.name;
        }
        return {};
    }
    /// The tier for `kind`, or null.
    [[nodiscard]] const qualitative_tier* tier(qualitative_kind kind) const noexcept {
        for (const qualitative_tier& t : qualitative.tiers) {
            if (t.kind == kind) return &t;
        }
        return nullptr;
    }
    /// Member-wise equality.
    friend bool operator==(const rulebook&, const rulebook&) = default;
};

/// Stable names (`"linear_excess"`, `"fraction_of_weight"`, `"proportional"`) and back.
[[nodiscard]] std::string_view to_string(lower_formula f) noexcept;
[[nodiscard]] std::string_view to_string(over_achievement_deduction d) noexcept;
[[nodiscard]] std::string_view to_string(weight_destination d) noexcept;

/// Parses and validates a rulebook. A file may name a built-in in `"extends"` and give only
/// the fields it changes (a JSON merge patch). Errors: errc::json_syntax (offset set),
/// errc::rulebook_invalid with `where` = the JSON path of the bad field (`$.rounding.places`),
/// errc::rulebook_not_found for an unknown `extends`.
[[nodiscard]] result<rulebook> load_rulebook_json(std::string_view text);
/// Reads a file and calls `load_rulebook_json`; errc::io_error when it cannot be read. The
/// error's `where` starts with the path.
[[nodiscard]] result<rulebook> load_rulebook_file(const std::filesystem::path& path);
/// A built-in rulebook by name (`mof-2020`, `mof-2020-ratio` ...); errc::rulebook_not_found.
[[nodiscard]] result<rulebook> builtin_rulebook(std::string_view name);
/// Names of the built-in rulebooks, sorted.
[[nodiscard]] std::vector<std::string> builtin_rulebook_names();
/// The JSON text a built-in rulebook was compiled from (possibly `extends` + overrides);
/// empty when there is no such built-in.
[[nodiscard]] std::string_view builtin_rulebook_source(std::string_view name) noexcept;
/// The whole rulebook as JSON (no `extends`; decimals as strings); `load_rulebook_json` reads
/// it back to an equal rulebook.
[[nodiscard]] std::string to_json(const rulebook& book);

}  // namespace jixiao
