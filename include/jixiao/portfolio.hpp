// jixiao/portfolio.hpp — evaluations (a form with its scorecard and findings) and the summary of
// many of them (a portfolio: what a finance bureau looks at first).
//
// Synopsis:
//   struct evaluation            one form + its scorecard + its findings + where it came from
//   evaluate(form, rulebook)     score + audit in one step (pure, thread-safe)
//   struct grade_count           one grade and how many forms earned it
//   struct rate_bucket           one execution-rate interval and how many forms fall in it
//   struct code_count            one finding code: findings, forms, severity
//   struct portfolio_entry       one line per form: kind, totals, grade, rate, counts, trust
//   struct kind_summary          the forms of one kind: counts, funds, scored totals
//   summarize_kinds(evals)       one kind_summary per kind present
//   struct portfolio             grade distribution, execution-rate distribution, findings by
//                                code, per-form trust (built on audit's portfolio_summary)
//   summarize(evaluations, book) the portfolio of a batch
//   portfolio_builder            the same, one evaluation at a time (bounded memory)
//   duplicate_tracker            flag_duplicate_forms one evaluation at a time
//   flag_duplicate_forms(evals)  the batch check: a form submitted twice (`batch.duplicate_form`)
//   flag_linked_forms(evals)     the link check: declaration vs self-evaluation, department vs
//                                its project forms (`link.*`)
//   struct unread_file           a file of the batch in which no form was read, and why
//   enum group_by, group_portfolio(evals, p, by)
//                                the portfolio by 主管部门, 实施单位, grade, file or budget unit
//                                (kinds side by side in each group)
//   execution_rate_bucket_labels the fixed bucket labels, in order
//
// Every number is an exact decimal; the mean total is rounded half away from zero to 2 places.
#pragma once

#include <jixiao/audit.hpp>
#include <jixiao/decimal.hpp>
#include <jixiao/form.hpp>
#include <jixiao/rulebook.hpp>
#include <jixiao/scoring.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <utility>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

/// One evaluated form: the form as read, its scorecard under one rulebook, its findings and
/// where it came from. The unit that every exporter writes.
struct evaluation {
    form subject;                        ///< the form as read (reported numbers untouched)
    scorecard card;                      ///< `score(subject, book)`
    std::vector<finding> findings;       ///< `audit(subject, card, book, notes)`, sorted
    std::string source;                  ///< file name, `-` for stdin, empty when unknown
    std::vector<io::import_note> import_notes;  ///< what the recognizer reported for this form
    /// Member-wise equality.
    friend bool operator==(const evaluation&, const evaluation&) = default;
};

/// Scores and audits one form (pure, safe to call from many threads at once).
[[nodiscard]] evaluation evaluate(form subject, const rulebook& book, std::string source = {},
                                  std::vector<io::import_note> notes = {},
                                  const score_options& options = {});

/// One grade of the rulebook and how many forms earned it.
struct grade_count {
    std::string grade;             ///< 优 / 良 / 中 / 差 (the rulebook's names), `""` for none
    std::size_t computed = 0;      ///< forms whose computed total earns it
    std::size_t reported = 0;      ///< forms whose reported total earns it (by the same bands)
    /// Member-wise equality.
    friend bool operator==(const grade_count&, const grade_count&) = default;
};

/// Labels of the execution-rate buckets, in order: the rate r = 全年执行数 / 全年预算数 falls in
/// `< 60%`, `60–80%`, `80–90%`, `90–95%`, `95–100%` (each [lower, upper)), `= 100%`, `> 100%`,
/// or `unknown` (no budget or no executed amount).
inline constexpr std::array<std::string_view, 8> execution_rate_bucket_labels{
    "< 60%", "60–80%", "80–90%", "90–95%", "95–100%", "= 100%", "> 100%", "unknown"};

/// One execution-rate interval and its forms.
struct rate_bucket {
    std::string label;      ///< one of `execution_rate_bucket_labels`
    /// Number of forms in the bucket.
    std::size_t forms = 0;
    /// Member-wise equality.
    friend bool operator==(const rate_bucket&, const rate_bucket&) = default;
};

/// One finding code across the portfolio.
struct code_count {
    std::string code;                    ///< e.g. `indicator.score_mismatch`
    severity level = severity::notice;   ///< from the check catalogue
    std::string title_en;                ///< from the check catalogue
    /// Short title in Chinese, from the check catalogue.
    std::string title_zh;
    std::size_t findings = 0;            ///< number of findings with this code
    std::size_t forms = 0;               ///< number of forms with at least one
    /// Member-wise equality.
    friend bool operator==(const code_count&, const code_count&) = default;
};

/// One form of the portfolio, in input order.
struct portfolio_entry {
    std::size_t index = 0;                      ///< position in the batch
    /// File the form came from.
    std::string source;
    /// 项目名称.
    std::string project_name;
    /// 主管部门.
    std::string department;
    /// 实施单位.
    std::string implementing_unit;
    /// The kind of the form (project self-evaluation, declaration ...).
    form_kind kind = form_kind::project_self_evaluation;
    /// Whether the form has a total and a grade (`scorecard::scorable`): not an empty shell, not a
    /// declaration. An unscored form's `computed_total` means nothing.
    bool scored = true;
    /// Why it is not scored (`scorecard::unscored`).
    unscored_reason unscored = unscored_reason::none;
    std::optional<decimal> reported_total;      ///< 总分 as reported, when it is a number
    /// Computed total score.
    decimal computed_total;
    /// Whether every line contributed to the computed total.
    bool total_complete = true;
    /// Grade of the computed total.
    std::string computed_grade;
    std::string reported_grade;                 ///< as printed, or the grade of the reported total
    std::optional<decimal> execution_rate_percent;  ///< rounded per the rulebook
    form_summary counts;                        ///< errors, warnings, notices, trust
    /// Member-wise equality.
    friend bool operator==(const portfolio_entry&, const portfolio_entry&) = default;
};

/// A file of a batch in which no form could be read (`portfolio::files_not_read`).
struct unread_file {
    std::string source;  ///< the path as given
    std::string reason;  ///< the error, with its position (the same text the CLI prints)
    /// Member-wise equality.
    friend bool operator==(const unread_file&, const unread_file&) = default;
};

/// What a portfolio is grouped by (`summary --by`).
enum class group_by {
    department,         ///< 主管部门
    implementing_unit,  ///< 实施单位
    grade,              ///< the computed grade (empty shells: no grade; declarations: none of the grades)
    file,               ///< the source file
    /// The budget unit, with its forms of every kind side by side: a department form's unit is its
    /// 部门(单位)名称 (`project_name`, else 实施单位, else 主管部门); any other form joins the unit
    /// of a department form of the batch named by its 实施单位 or else its 主管部门, and otherwise
    /// forms its own unit named by its 实施单位 (else 主管部门).
    budget_unit,
};
/// Stable names: `department`, `implementing_unit`, `grade`, `file`, `budget_unit`.
[[nodiscard]] std::string_view to_string(group_by by) noexcept;
/// A grouping from its name: the stable name, `unit` (实施单位), or the Chinese (`主管部门`, `实施单位`,
/// `等级` / `评价等级`, `文件`, `预算单位` / `单位`); none when unknown.
[[nodiscard]] std::optional<group_by> group_by_from_string(std::string_view name) noexcept;

/// The forms of one kind in a portfolio or a group: counts, money and scored totals.
struct kind_summary {
    form_kind kind = form_kind::project_self_evaluation;  ///< the kind
    std::size_t forms = 0;                       ///< forms of the kind
    std::size_t scored = 0;                      ///< of which scored (a declaration never is)
    decimal computed_total_sum;                  ///< Σ computed totals of the scored forms
    std::optional<decimal> computed_total_mean;  ///< over the scored forms, 2 places (none without one)
    decimal initial_budget_sum;                  ///< Σ 年初预算数 (yuan): a declaration's funds requested
    decimal budget_sum;                          ///< Σ 全年预算数 (yuan)
    decimal executed_sum;                        ///< Σ 全年执行数 (yuan)
    /// Member-wise equality.
    friend bool operator==(const kind_summary&, const kind_summary&) = default;
};

/// The kinds present among `evaluations`, in the order of `form_kind`, each summarised.
[[nodiscard]] std::vector<kind_summary> summarize_kinds(std::span<const evaluation> evaluations);

/// One group of a portfolio: its forms' totals, money, grades and findings.
struct portfolio_group {
    std::string key;                             ///< the department, unit, grade or file ("" when blank)
    std::size_t forms = 0;                       ///< forms in the group
    std::size_t scorable = 0;                    ///< of which scored (not empty shells, not declarations)
    decimal computed_total_sum;                  ///< Σ computed totals of the scorable forms
    std::optional<decimal> computed_total_mean;  ///< over the scorable forms, 2 places, half away from zero
    decimal budget_sum;                          ///< Σ 全年预算数 (yuan)
    decimal executed_sum;                        ///< Σ 全年执行数 (yuan)
    std::optional<decimal> execution_rate_percent;  ///< executed / budget x 100, 2 places (none without budget)
    std::vector<std::size_t> grades;             ///< forms per computed grade, in `portfolio::grades` order
    std::size_t errors = 0;                      ///< findings by severity
    /// Warnings of the group's forms.
    std::size_t warnings = 0;
    /// Notices of the group's forms.
    std::size_t notices = 0;
    /// The group's forms by kind, side by side (department form, project forms, declarations ...).
    std::vector<kind_summary> kinds;
    /// Member-wise equality.
    friend bool operator==(const portfolio_group&, const portfolio_group&) = default;
};

/// The summary of a batch of evaluations.
struct portfolio {
    /// Id of the rulebook the forms were scored with.
    std::string rulebook_id;  ///< of the rulebook given; several joined by " + " when forms were scored by their layout families
    /// Version of that rulebook.
    std::string rulebook_version;
    /// Number of forms.
    std::size_t forms = 0;
    /// The rulebook's grades in order, then `""` (no grade: empty shells); declarations are in
    /// none of them (they are never graded), nor in `execution_rates`.
    std::vector<grade_count> grades;
    std::vector<rate_bucket> execution_rates;   ///< every bucket, in label order
    std::vector<code_count> findings_by_code;   ///< most findings first, then by code
    portfolio_summary findings;                 ///< audit's counts (severity, trust, by code)
    std::vector<portfolio_entry> entries;       ///< one per form, in input order
    decimal computed_total_sum;                 ///< Σ computed totals
    std::optional<decimal> computed_total_mean; ///< mean over the scorable forms, 2 places (none when there is none)
    decimal budget_sum;                         ///< Σ 全年预算数 (yuan; 万元 forms converted)
    decimal executed_sum;                       ///< Σ 全年执行数 (yuan)
    /// The forms by kind (`summarize_kinds`): a department form's budget contains its projects',
    /// so the per-kind sums are the ones to compare.
    std::vector<kind_summary> kinds;
    /// Files of the batch in which no form was read: `summarize` leaves it empty; the reader of
    /// the batch (the CLI, Python `read_many`) fills it, and every report lists them.
    std::vector<unread_file> files_not_read;
    /// The portfolio grouped (`summary --by`): empty unless asked for (`group_portfolio`); every
    /// report shows it then.
    std::optional<group_by> grouped_by;
    /// The groups, in the order `group_portfolio` gives them.
    std::vector<portfolio_group> groups;
    /// Member-wise equality.
    friend bool operator==(const portfolio&, const portfolio&) = default;
};

/// Summarises a batch. `book` supplies the grade bands and the rate rounding.
[[nodiscard]] portfolio summarize(std::span<const evaluation> evaluations, const rulebook& book);

/// The portfolio of a batch built one evaluation at a time, in batch order (`summarize` is this
/// builder over a span): keeps the per-form entries and the counts, never the evaluations.
class portfolio_builder {
public:
    /// `book`: as for `summarize` (kept by reference until `finish`).
    explicit portfolio_builder(const rulebook& book);
    /// The next evaluation of the batch.
    void add(const evaluation& e);
    /// Evaluations added so far.
    [[nodiscard]] std::size_t forms() const noexcept { return out_.entries.size(); }
    /// Room for `forms` per-form rows, so that the rows are never copied to a vector twice their
    /// size as they grow (at 400,000 forms that copy was the peak of `jixiao audit`). Pages of
    /// the room not yet written take no memory: a generous guess costs address space only.
    void reserve(std::size_t forms) { out_.entries.reserve(forms); }
    /// The portfolio of the evaluations added: `summarize` of them.
    [[nodiscard]] portfolio finish() &&;

private:
    const rulebook& book_;
    portfolio out_;
    std::vector<std::string> ids_;  ///< the rulebooks the forms were scored with
    std::size_t scored_ = 0;        ///< forms that could be scored (not empty shells)
    std::map<form_kind, kind_summary> kinds_;
};

/// `flag_duplicate_forms` one evaluation at a time (`flag_duplicate_forms` is this tracker over
/// a span). Keeps the SHA-256 of each form's printed texts and where its first copy is, not the
/// forms (about 100 bytes a form).
class duplicate_tracker {
public:
    /// Adds a `batch.duplicate_form` finding to `e` when it repeats an evaluation checked before
    /// (its findings are then sorted again); true when it did.
    bool check(evaluation& e);

private:
    struct first_copy {
        std::size_t file = 0;            // into files_
        std::size_t number_in_file = 0;  // 1-based
    };
    std::map<std::array<std::uint8_t, 32>, first_copy> seen_;  // SHA-256 of the printed texts
    std::vector<std::string> files_;                      // the sources, in the order first seen
    std::map<std::string, std::pair<std::size_t, std::size_t>> forms_in_file_;  // source -> (file, forms)
};

/// The batch check: every form that repeats an earlier form of `evaluations` (the same project,
/// department, implementing unit, year, funds figures, indicators and reported total, compared
/// as printed) gets a `batch.duplicate_form` finding naming the first copy's source and its
/// 1-based number in that source; its findings are sorted again. Returns the number of findings
/// added. Run it before `summarize`, once per batch.
std::size_t flag_duplicate_forms(std::span<evaluation> evaluations);

/// The link check over a batch (`link_check` of audit.hpp on the subjects, each form's source as
/// its file): each `link.*` finding is added to the evaluation of the form it belongs to (the
/// self-evaluation of a declaration pair, the department self-evaluation), whose findings are
/// sorted again. Returns the number of findings added. Run it before `summarize`, once per batch.
std::size_t flag_linked_forms(std::span<evaluation> evaluations);

/// The groups of a portfolio `p` of `evaluations` (the same batch, in order): by grade in the
/// rulebook's order (no grade last), by file in input order, by department or unit sorted by
/// name (blank last). Exact sums; the means and rates rounded half away from zero to 2 places.
[[nodiscard]] std::vector<portfolio_group> group_portfolio(std::span<const evaluation> evaluations, const portfolio& p,
                                                           group_by by);

/// The bucket (index into `execution_rate_bucket_labels`) of an exact rate, or of none.
[[nodiscard]] std::size_t execution_rate_bucket(const std::optional<exact_ratio>& rate);

}  // namespace jixiao
