// jixiao/audit.hpp — find what is wrong with a self-evaluation form (审核 / audit).
//
// Synopsis:
//   enum class severity        error / warning / notice
//   enum class trust_level     trusted / review / untrusted (rule: `summarize`)
//   struct finding             stable code, severity, location (block, indicator, field, source),
//                              zh + en message with the numbers filled in, evidence
//   audit(form, scorecard, rulebook, notes)  every finding, sorted by severity then location;
//                              `notes` are the recognizer's io::import_note (repairs, unmapped
//                              cells, warnings), each reported as an `import.*` finding
//   audit(form, rulebook, notes)             the same, scoring the form first
//   struct check_info, check_catalogue(), find_check(code)
//                              the catalogue of every code (drives docs/checks.md and Python)
//   text_similarity(a, b)      character-bigram Dice coefficient, exact (goal copy check)
//   vague_target_words(), name_unit_hints()  the word lists of the declaration checks (data)
//   struct link_finding, link_check(forms)   the link between a declaration and the
//                              self-evaluation of the same project (or department), and a
//                              department form against its project forms (`link.*`)
//   struct form_summary, summarize(findings)          counts by severity, trust level
//   struct portfolio_summary, summarize_portfolio(...) counts by code across forms
//   findings_to_json / to_json  JSON text (format "jixiao.findings", version 1)
//
// Checks come in six families (arithmetic, rule fit, evidence quality, hygiene, declaration, and
// link across forms); which of them run depends on `form::kind` (a declaration has targets
// only: docs/checks.md, "Which checks run for which kind"); each code,
// its severity, thresholds and an example are in docs/checks.md. Thresholds come from the
// rulebook (`rulebook::audit`, `rulebook::weights`); messages live in one table in
// src/audit/audit_catalogue.cpp, keyed by code.
#pragma once

#include <jixiao/decimal.hpp>
#include <jixiao/form.hpp>
#include <jixiao/io/import.hpp>
#include <jixiao/rulebook.hpp>
#include <jixiao/scoring.hpp>

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jixiao {

/// How serious a finding is. Ordered: error first.
enum class severity {
    error,    ///< the numbers do not add up or the form breaks a rule it must follow
    warning,  ///< the form is probably wrong or its evidence does not support its scores
    notice,   ///< worth a look: guidance not followed, cosmetic or import matters
};

/// Stable names `"error"`, `"warning"`, `"notice"` and back.
[[nodiscard]] std::string_view to_string(severity s) noexcept;
[[nodiscard]] std::optional<severity> severity_from_string(std::string_view name) noexcept;

/// Where a finding sits in the form. `block` is one of `form`, `funds`, `goal`, `indicators`,
/// `total`, `import` (in reading order; findings sort by it).
struct finding {
    std::string code;                      ///< stable, e.g. `funds.sources_mismatch`
    /// Severity.
    severity level = severity::notice;
    std::string block;                     ///< form | funds | goal | indicators | total | import
    std::optional<std::size_t> indicator;  ///< 0-based index into `form::indicators`
    std::string field;                     ///< e.g. `full_year_budget`, `actual`, `weight`
    source_location where;                 ///< from the form (indicator row) or import note
    std::string message_zh;                ///< Chinese message, numbers filled in
    std::string message_en;                ///< English message, numbers filled in
    /// The numbers and texts compared, in order (`reported` -> `5600.00`, `sum` -> `20000`).
    std::vector<std::pair<std::string, std::string>> evidence;

    /// The evidence value named `name`, or empty.
    [[nodiscard]] std::string_view evidence_value(std::string_view name) const noexcept {
        for (const auto& [key, value] : evidence) {
            if (key == name) return value;
        }
        return {};
    }
    /// Member-wise equality.
    friend bool operator==(const finding&, const finding&) = default;
};

/// Audits one form against its scorecard (from `score(f, book)`) and the rulebook. `notes` are
/// the import report's notes for this form (`io::import_report::notes_for(i)`), read as they
/// are: each becomes an `import.*` finding in block `import`, at the note's own source location
/// (`io::note_kind::repair` -> `import.repair`, notice; `unmapped` -> `import.unmapped`,
/// notice; `warning` -> `import.warning`, warning), so that nothing done on import goes
/// unreported. Findings are sorted by severity, then block (reading order), indicator index,
/// field and code. Never throws on user data; bounded time (goal texts are compared over at most
/// `similarity_max_chars` characters).
[[nodiscard]] std::vector<finding> audit(const form& f, const scorecard& card, const rulebook& book,
                                         std::span<const io::import_note> notes = {});
/// Scores the form under `book` (traces on) and audits it: `audit(f, score(f, book), book, notes)`.
[[nodiscard]] std::vector<finding> audit(const form& f, const rulebook& book,
                                         std::span<const io::import_note> notes = {});

/// The finding of catalogued `code` on `subject`: severity and zh/en messages from the catalogue,
/// each `{name}` filled from `evidence`, located at the indicator's row (its name put first in the
/// evidence as `indicator_name`) or at the form. For checks that look beyond one form (the batch
/// checks of portfolio.hpp). Precondition: `code` is in the catalogue.
[[nodiscard]] finding make_finding(std::string_view code, const form& subject, std::string_view block,
                                   std::optional<std::size_t> indicator, std::string field,
                                   std::vector<std::pair<std::string, std::string>> evidence);
/// Sorts findings as `audit` returns them: severity, block (reading order), indicator, field, code.
void sort_findings(std::vector<finding>& findings);

/// The family of a check.
enum class check_family { arithmetic, rule_fit, evidence, hygiene, declaration, link };
/// Stable names: `"arithmetic"`, `"rule_fit"`, `"evidence"`, `"hygiene"`, `"declaration"`, `"link"`.
[[nodiscard]] std::string_view to_string(check_family f) noexcept;

/// One catalogued check: the data behind docs/checks.md and the Python layer.
struct check_info {
    std::string_view code;         ///< stable, e.g. `funds.sources_mismatch`
    /// Family of the check (arithmetic, rule fit, evidence, hygiene).
    check_family family = check_family::arithmetic;
    /// Severity of its findings.
    severity level = severity::notice;
    std::string_view block;        ///< the block its findings sit in
    /// Short title in Chinese.
    std::string_view title_zh;
    /// Short title in English.
    std::string_view title_en;
    std::string_view description;  ///< English: what is compared, and the threshold
    std::string_view message_zh;   ///< template; `{name}` is replaced by the evidence `name`
    std::string_view message_en;   ///< template, same placeholders
};

/// Every check, in catalogue order (by family, then as documented).
[[nodiscard]] std::span<const check_info> check_catalogue() noexcept;
/// The check with `code`, or null.
[[nodiscard]] const check_info* find_check(std::string_view code) noexcept;

/// The Chinese sentence for an import note code (`io::import_note::code`): what the recognizer
/// did, for the `message_zh` of `import.*` findings; empty for a code without one (the finding
/// then says `导入说明（code）`).
[[nodiscard]] std::string_view import_note_zh(std::string_view note_code) noexcept;
/// Every import note code that has a Chinese sentence (for tests and docs).
[[nodiscard]] std::vector<std::string_view> import_note_codes_with_zh();

/// Longest text (in code points, after whitespace is removed) compared by `text_similarity`;
/// longer texts are compared over their first `similarity_max_chars` code points.
inline constexpr std::size_t similarity_max_chars = 4000;

/// Character-bigram Dice coefficient of two texts, exact: 2 x |common bigrams| / (|bigrams of a|
/// + |bigrams of b|), counting repeated bigrams as often as they occur in both. Whitespace
/// (ASCII, U+3000, U+00A0) is removed first; a text of one character has that character as its
/// one "bigram". Two empty texts are identical (1/1); one empty text gives 0/1.
/// O(n log n) in the capped length.
[[nodiscard]] exact_ratio text_similarity(std::string_view a, std::string_view b);

/// Words that make a target vague (较好, 有效提升, 逐步 ...): a declaration target holding one of
/// them and no digit is `declaration.vague_target`. Data, in src/audit/audit_catalogue.cpp.
[[nodiscard]] std::span<const std::string_view> vague_target_words() noexcept;

/// An indicator-name ending that implies a unit for a number: `率` -> `%`, `人数` -> `人`; an
/// empty `unit` means "some count or measure unit" (`数量`).
struct name_unit_hint {
    std::string_view ending;  ///< the end of the indicator name (UTF-8)
    std::string_view unit;    ///< the unit it implies, or empty for "a unit"
};
/// The hints in the order they are tried (longest endings first). Data, in audit_catalogue.cpp.
[[nodiscard]] std::span<const name_unit_hint> name_unit_hints() noexcept;
/// The hint for an indicator name (trimmed), or null when the name implies no unit. A name
/// ending in 效率 (efficiency) implies none.
[[nodiscard]] const name_unit_hint* unit_hint_for(std::string_view indicator_name) noexcept;

/// Text as the link check compares names: whitespace (ASCII, U+3000, U+00A0) removed, full-width
/// ASCII (U+FF01..U+FF5E: `（`, `１`, `Ａ`) turned half-width. Invalid UTF-8 bytes are kept.
[[nodiscard]] std::string normalize_name(std::string_view text);

/// Thresholds of `link_check`.
struct link_options {
    /// Two indicator names that are not equal after `normalize_name` still match when their
    /// `text_similarity` is at least this (0.80).
    decimal name_similarity = decimal::from_parts(80, 2);
};

/// A finding of the link check, on form `form` (0-based index into the forms given): the
/// self-evaluation (the later form of the pair) or the department self-evaluation.
struct link_finding {
    std::size_t form = 0;  ///< index of the form the finding belongs to
    /// The finding (its `indicator` indexes that form's indicators; evidence names the other form).
    finding what;
    /// Member-wise equality.
    friend bool operator==(const link_finding&, const link_finding&) = default;
};

/// The link between forms of one cycle (docs/checks.md, "Link"). Each self-evaluation (project or
/// transfer) is paired with the project declaration of the same unit, project name and year, each
/// department self-evaluation with the department declaration of the same unit and year; their
/// indicators are matched by name and changed, lowered, dropped and added targets are reported on
/// the self-evaluation. A department self-evaluation's 项目支出 line is compared with the sum of
/// the executed funds of the project self-evaluations of its unit and year. Findings sorted by form,
/// then as `sort_findings`. Never throws on user data.
[[nodiscard]] std::vector<link_finding> link_check(std::span<const form> forms, const link_options& options = {});

/// How far a form can be trusted, from its findings.
enum class trust_level {
    trusted,    ///< no error and no warning (notices only)
    review,     ///< at least one warning, no error: a person should look before using it
    untrusted,  ///< at least one error: the numbers cannot be used as reported
};
/// Stable names `"trusted"`, `"review"`, `"untrusted"`.
[[nodiscard]] std::string_view to_string(trust_level t) noexcept;

/// Counts of one form's findings and its trust level.
struct form_summary {
    /// Findings of severity error.
    std::size_t errors = 0;
    /// Findings of severity warning.
    std::size_t warnings = 0;
    /// Findings of severity notice.
    std::size_t notices = 0;
    /// Trust level derived from the counts.
    trust_level trust = trust_level::trusted;
    /// Member-wise equality.
    friend bool operator==(const form_summary&, const form_summary&) = default;
};

/// Counts by severity; trust: any error -> untrusted, else any warning -> review, else trusted.
[[nodiscard]] form_summary summarize(std::span<const finding> findings);
/// The trust level of a form with `errors` errors and `warnings` warnings (the rule of `summarize`).
[[nodiscard]] trust_level trust_for(std::size_t errors, std::size_t warnings) noexcept;

/// Counts across many forms.
struct portfolio_summary {
    /// Number of forms.
    std::size_t forms = 0;
    /// Findings of severity error, over all forms.
    std::size_t errors = 0;
    /// Findings of severity warning, over all forms.
    std::size_t warnings = 0;
    /// Findings of severity notice, over all forms.
    std::size_t notices = 0;
    std::array<std::size_t, 3> forms_by_trust{};         ///< indexed by trust_level
    std::map<std::string, std::size_t> findings_by_code; ///< code -> number of findings
    std::map<std::string, std::size_t> forms_by_code;    ///< code -> number of forms with it
    /// Member-wise equality.
    friend bool operator==(const portfolio_summary&, const portfolio_summary&) = default;
};

/// Summarises the findings of many forms (one vector per form).
[[nodiscard]] portfolio_summary summarize_portfolio(std::span<const std::vector<finding>> per_form);
/// Adds the findings of one more form to `summary` (`summarize_portfolio`, one form at a time).
void add_to_summary(portfolio_summary& summary, std::span<const finding> findings);

/// Findings as JSON: `{"format":"jixiao.findings","version":1,"summary":{...},"findings":[...]}`
/// (`indent` spaces per level; negative: one line). Evidence is an object in order.
[[nodiscard]] std::string findings_to_json(std::span<const finding> findings, int indent = 2);
/// A portfolio summary as JSON.
[[nodiscard]] std::string to_json(const portfolio_summary& summary, int indent = 2);

}  // namespace jixiao
