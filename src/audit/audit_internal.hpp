// audit_internal.hpp — shared pieces of the audit checks (src/audit_*.cpp): the per-call
// context that emits findings, and helpers used by more than one check family.
#pragma once

#include <jixiao/audit.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jixiao::audit_detail {

using evidence_list = std::vector<std::pair<std::string, std::string>>;

/// Everything one audit run looks at, and where its findings go.
struct context {
    const form& f;
    const scorecard& card;
    const rulebook& book;
    std::vector<finding>& out;

    /// Adds a finding of `code` (severity and messages from the catalogue). For an indicator
    /// finding the indicator's name is put first in the evidence (`indicator_name`) and its
    /// source location is used.
    void emit(std::string_view code, std::string_view block, std::optional<std::size_t> indicator,
              std::string field, evidence_list evidence) const;
};

void check_arithmetic(const context& c);
void check_rule_fit(const context& c);
void check_evidence(const context& c);
void check_hygiene(const context& c, std::span<const io::import_note> notes);
/// The declaration checks (`declaration.*`), for a form whose kind `is_declaration`.
void check_declaration(const context& c);

/// Whether the text holds an ASCII or full-width digit.
[[nodiscard]] bool has_digit(std::string_view s) noexcept;
/// Whether a target is `rule.target_number_missing`: it reads as a word or text, has no digit, and
/// looks quantitative (a comparator sign or `%`).
[[nodiscard]] bool target_number_missing(const indicator& ind) noexcept;
/// Whether the target is a quantity with a non-zero number and no unit (`rule.target_unit_missing`
/// when the actual does not make it `rule.units_incompatible`).
[[nodiscard]] bool target_without_unit(const indicator& ind) noexcept;
/// Whether an indicator's name names a measurable thing (vocabulary::measurable_name_endings, not
/// vocabulary::unmeasurable_name_endings).
[[nodiscard]] bool measurable_name(std::string_view name) noexcept;
/// Whether a qualitative label is one of the three official tiers.
[[nodiscard]] bool is_tier(qualitative_kind k) noexcept;

/// Whether the actual restates the target: the same bound comparator (>=, >, <=, <, ~) and the
/// same number (equal across scales, or the same digits when one side has no unit).
[[nodiscard]] bool restates_target(const indicator& ind);
/// Whether a comparator is a bound (>=, >, <=, <, approximately).
[[nodiscard]] bool is_bound(comparator op) noexcept;
/// `template` with every `{name}` replaced by the evidence value `name` (unknown names are kept).
[[nodiscard]] std::string fill(std::string_view text, const evidence_list& evidence);
/// The Chinese / English name of a field id (the id itself when unknown).
[[nodiscard]] std::string_view field_zh(std::string_view id) noexcept;
[[nodiscard]] std::string_view field_en(std::string_view id) noexcept;
/// Text without leading and trailing whitespace (ASCII, U+3000, U+00A0).
[[nodiscard]] std::string_view trim(std::string_view s) noexcept;
/// `num / den` x 100 rounded to `places` (percent), as text.
[[nodiscard]] std::string percent_text(const exact_ratio& r, int places, rounding mode);

}  // namespace jixiao::audit_detail
