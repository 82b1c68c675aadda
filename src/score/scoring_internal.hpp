// src/score/scoring_internal.hpp — what the engine (scoring.cpp) shares with the batch table
// (score_table.cpp): scoring for callers that keep only numbers, the lookahead of a batch, and
// the cache lines scoring reads. Internal: not installed, not part of the public API.
#pragma once

#include <jixiao/form.hpp>
#include <jixiao/rulebook.hpp>
#include <jixiao/scoring.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace jixiao::detail {

/// The forms a batch scores after the current one. The engine's own reads wait on each other
/// (each branch needs the value before), so over a portfolio larger than the CPU caches it
/// mostly waits for memory; with a lookahead it asks for the next forms' memory while it scores
/// the current one (docs/performance.md, "Python batch scoring").
struct lookahead {
    const form* next = nullptr;        ///< its indicators are prefetched, one per line scored now
    const form* after_next = nullptr;  ///< its own scored lines and its list of indicators are prefetched
    bool current_prefetched = false;   ///< the current form was `next` before: no warm-up loads
};

/// Pointers to the forms of a contiguous batch (the batch functions take pointers).
[[nodiscard]] inline std::vector<const form*> pointers_to(std::span<const form> forms) {
    std::vector<const form*> out;
    out.reserve(forms.size());
    for (const form& f : forms) out.push_back(&f);
    return out;
}

/// The lookahead of item `i` of `forms` in a run that started at item `first`.
[[nodiscard]] inline lookahead lookahead_at(std::span<const form* const> forms, std::size_t first, std::size_t i) {
    return {i + 1 < forms.size() ? forms[i + 1] : nullptr, i + 2 < forms.size() ? forms[i + 2] : nullptr, i > first};
}

/// `score_into(f, book, card, {.traces = false})` for a caller that keeps only the numbers:
/// every status, reason, outcome and number is the same, but the reported cells copied into the
/// card (each line's `reported_score`, `reported_total`) keep their state and value without
/// their text or error, and the card's rulebook id and version are left empty.
void score_numbers_into(const form& f, const rulebook& book, scorecard& card, const lookahead& ahead = {});

/// Asks the memory system for the cache line of `p` without waiting for it. Written as an
/// instruction because GCC 12 drops `__builtin_prefetch` calls in loops it considers empty (it
/// removed every prefetch of `for_each_scored_line_of_form`).
inline void prefetch_line(const void* p) noexcept {
#if defined(__GNUC__) && defined(__x86_64__)
    asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(p)));
#elif defined(__GNUC__) && defined(__aarch64__)
    asm volatile("prfm pldl1keep, %0" : : "Q"(*static_cast<const char*>(p)));
#elif defined(__GNUC__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

/// Calls `visit` with one byte of every cache line of the `bytes` bytes at `first`.
template <class Visit>
void for_each_line(const void* first, std::size_t bytes, Visit visit) {
    if (bytes == 0) return;
    const auto* c = static_cast<const unsigned char*>(first);
    for (std::size_t offset = 0; offset < bytes; offset += 64) visit(c + offset);
    visit(c + bytes - 1);
}

/// Calls `visit` on the lines of `f` itself that scoring reads: the 项目资金 total row's budget
/// and executed cells, its weight and score, the total, and the list of indicators.
template <class Visit>
void for_each_scored_line_of_form(const form& f, Visit visit) {
    for_each_line(&f.money.at(funds_row::total, funds_column::full_year_budget), 2 * sizeof(reported<decimal>), visit);
    for_each_line(&f.money.weight, sizeof(f.money.weight), visit);
    for_each_line(&f.money.score, sizeof(f.money.score), visit);
    for_each_line(&f.total_score, sizeof(f.total_score), visit);
    for_each_line(&f.indicators, sizeof(f.indicators), visit);
}

}  // namespace jixiao::detail
