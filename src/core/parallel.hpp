// parallel.hpp — work spread over threads inside the library (the readers' pages: jixiao::ocr
// recognises the pages of a scan, jixiao::pdf its image pages, a batch at a time).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace jixiao::detail {

/// `requested` threads, or one per core when 0 (at least one).
[[nodiscard]] inline std::size_t thread_count(std::size_t requested) noexcept {
    if (requested != 0) return requested;
    return std::max(1U, std::thread::hardware_concurrency());
}

/// Runs `work(i)` for i in [0, n) on at most `jobs` threads (the calling one among them); the
/// first exception is rethrown once all have stopped.
template <class Work>
void parallel_for(std::size_t n, std::size_t jobs, const Work& work) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr first_error;
    std::mutex error_mutex;
    const auto worker = [&] {
        for (std::size_t i = next++; i < n; i = next++) {
            try {
                work(i);
            } catch (...) {
                const std::lock_guard lock(error_mutex);
                if (!first_error) first_error = std::current_exception();
            }
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < std::min(jobs, n); ++t) threads.emplace_back(worker);
    worker();
    for (std::thread& t : threads) t.join();
    if (first_error) std::rethrow_exception(first_error);
}

}  // namespace jixiao::detail
