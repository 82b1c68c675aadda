// src/core/spelling_index.hpp — a compile-time index of a vocabulary table by the first character of
// its spellings, so that "which spellings start here" compares a handful of entries instead of
// the whole table. Internal (value parser, unit table, import recognizer); not installed.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>

namespace jixiao::detail::text {

/// The spellings of one vocabulary table grouped by their first character, built at compile
/// time, so that "which spellings start at `s[i]`" looks at a handful of entries instead of the
/// whole table. The candidates of a position are the table indices of the spellings whose
/// first bytes fall in the position's bucket, in table order (so "first entry wins" rules keep
/// working); the caller still compares each candidate in full. Every spelling must be
/// non-empty valid UTF-8 (a non-ASCII spelling then has at least two bytes).
template <std::size_t N>
class spelling_index {
public:
    constexpr explicit spelling_index(const std::array<std::string_view, N>& spellings) noexcept {
        for (const std::string_view s : spellings) ++start_[bucket_of(s, 0, s.size()) + 1];
        for (std::size_t b = 0; b < buckets; ++b) start_[b + 1] = static_cast<std::uint16_t>(start_[b + 1] + start_[b]);
        std::array<std::uint16_t, buckets + 1> next = start_;
        for (std::size_t k = 0; k < N; ++k) {
            entries_[next[bucket_of(spellings[k], 0, spellings[k].size())]++] = static_cast<std::uint16_t>(k);
        }
    }

    /// Indices (into the table) of the spellings that may start at `s[i, end)`, in table order.
    [[nodiscard]] constexpr std::span<const std::uint16_t> candidates(std::string_view s, std::size_t i,
                                                                      std::size_t end) const noexcept {
        if (i >= end || i >= s.size()) return {};
        const std::size_t b = bucket_of(s, i, end);
        return {entries_.data() + start_[b], static_cast<std::size_t>(start_[b + 1] - start_[b])};
    }

private:
    static constexpr std::size_t buckets = 256;
    std::array<std::uint16_t, buckets + 1> start_{};
    std::array<std::uint16_t, N> entries_{};

    /// ASCII: its own bucket; otherwise the first two bytes (the lead byte alone says little
    /// in Chinese text: most ideographs start with E4..E9). A spelling and the text it starts
    /// with share their first two bytes, hence their bucket.
    [[nodiscard]] static constexpr std::size_t bucket_of(std::string_view s, std::size_t i, std::size_t end) noexcept {
        const auto b0 = static_cast<unsigned char>(s[i]);
        if (b0 < 0x80u) return b0;
        const unsigned b1 = i + 1 < end && i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0u;
        return 0x80u | ((b0 * 7u + b1 * 13u) & 0x7Fu);
    }
};

/// The spelling of a table entry: the entry itself or its `.spelling`.
template <class Entry>
[[nodiscard]] constexpr std::string_view spelling_of(const Entry& entry) noexcept {
    if constexpr (std::is_convertible_v<const Entry&, std::string_view>) {
        return entry;
    } else {
        return entry.spelling;
    }
}

/// The index of a vocabulary table (an array of spellings or of entries with `.spelling`).
template <class Entry, std::size_t N>
[[nodiscard]] constexpr spelling_index<N> index_spellings(const Entry (&table)[N]) noexcept {
    std::array<std::string_view, N> spellings{};
    for (std::size_t k = 0; k < N; ++k) spellings[k] = spelling_of(table[k]);
    return spelling_index<N>(spellings);
}

/// The index of `Table`, built once at compile time.
template <const auto& Table>
inline constexpr auto index_of = index_spellings(Table);

}  // namespace jixiao::detail::text
