// src/core/unit_internal.hpp — text helpers shared by the unit table (unit.cpp) and the value
// parser (value.cpp). Internal: not installed, not part of the public API.
#pragma once

#include <jixiao/detail/utf8.hpp>
#include <jixiao/unit.hpp>

#include "core/spelling_index.hpp"
#include "core/text_blanks.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace jixiao::detail::text {

/// Bytes of the code point at `i` (1 for an invalid byte, so scanning always advances).
[[nodiscard]] inline std::size_t char_length(std::string_view s, std::size_t i) noexcept {
    const auto d = utf8::decode(s, i);
    return d.length == 0 ? 1 : d.length;
}

/// Whether `s[i, end)` starts with `word`.
[[nodiscard]] inline bool starts_with_at(std::string_view s, std::size_t i, std::size_t end,
                                         std::string_view word) noexcept {
    return i <= end && end - i >= word.size() && s.compare(i, word.size(), word) == 0;
}

/// Matches `spelling` at `i`, allowing blanks between its characters (`人 次` for `人次`);
/// returns the end of the match or nothing.
[[nodiscard]] inline std::optional<std::size_t> match_spaced(std::string_view s, std::size_t i,
                                                             std::size_t end, std::string_view spelling) noexcept {
    std::size_t k = 0;
    while (k < spelling.size()) {
        if (k > 0) i = skip_blanks(s, i, end);
        const std::size_t n = char_length(spelling, k);
        if (!starts_with_at(s, i, end, spelling.substr(k, n))) return std::nullopt;
        i += n;
        k += n;
    }
    return i;
}

}  // namespace jixiao::detail::text

namespace jixiao::detail {

/// A unit of the table read from running text.
struct unit_match {
    unit found;
    std::size_t end = 0;  ///< byte offset after the unit
};

/// The longest table unit at `text[pos, end)`: a simple unit, or `a/b` with blanks tolerated
/// around the slash and inside the denominator (`元/ 次`, `元/人 次`). Nothing when no table
/// spelling starts at `pos`.
[[nodiscard]] std::optional<unit_match> match_unit_at(std::string_view text, std::size_t pos,
                                                      std::size_t end);

}  // namespace jixiao::detail
