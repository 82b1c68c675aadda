// import_internal.hpp — text helpers shared by the import recognizer (src/import_*.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/text_blanks.hpp"

#include <jixiao/vocabulary.hpp>

namespace jixiao::io::detail {

// Blanks (ASCII white space, U+00A0, U+3000) are defined once, in text_blanks.hpp.
using jixiao::detail::text::blank_at;
using jixiao::detail::text::has_blank;
using jixiao::detail::text::trim;

/// `s` with every space removed.
[[nodiscard]] std::string without_spaces(std::string_view s);
/// The lookup key of a label: spaces removed, a trailing colon removed.
[[nodiscard]] std::string label_key(std::string_view s);
/// A cell wrapped inside the PDF: spaces and line breaks removed, except a single space
/// between two ASCII letters or digits (`ISO 9001`).
[[nodiscard]] std::string unwrap(std::string_view s);
/// Goal text: `<p>` paragraphs joined by "\n", other tags removed; `changed` tells whether
/// tags were found.
[[nodiscard]] std::string strip_html_paragraphs(std::string_view s, bool& changed);
/// A page number leaking in as a cell: `-7`, `-1-`, `—1—`, `- 3 -`, `第 1 页`, `第1页 共8页`.
[[nodiscard]] bool is_page_number(std::string_view trimmed) noexcept;
/// A plain number (decimal::parse accepts it, thousands separators included).
[[nodiscard]] bool is_plain_number(std::string_view trimmed) noexcept;
/// A not-applicable mark (`—`, `/`, `无` ...): defined once, beside its table.
using jixiao::vocabulary::is_not_applicable_mark;

}  // namespace jixiao::io::detail
