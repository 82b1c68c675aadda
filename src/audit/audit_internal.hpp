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
/// The funds checks of `check_arithmetic` only (sources add up, no negative amount): what a
/// declaration, which has no scores, is checked for here.
void check_funds_arithmetic(const context& c);
void check_rule_fit(const context& c);
void check_evidence(const context& c);
void check_hygiene(const context& c, std::span<const io::import_note> notes);

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
