// TSan check (scripts/sanitize.sh): many threads score, audit and summarise the same shared
// forms under one shared rulebook, and load built-in rulebooks, at the same time. score and
// evaluate are documented as pure and thread-safe; ThreadSanitizer reports any data race, and the
// program checks that every thread's results equal the single-threaded ones.
// Usage: concurrent_scoring <tests/data/forms directory> [threads] [rounds]
#include <jixiao/json.hpp>
#include <jixiao/portfolio.hpp>
#include <jixiao/rulebook.hpp>
#include <jixiao/scoring.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s <forms directory> [threads] [rounds]\n", argv[0]);
        return 2;
    }
    const int threads = argc > 2 ? std::atoi(argv[2]) : 8;
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 5;

    std::vector<jixiao::form> forms;
    for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        auto f = jixiao::read_forms_json(s.str());
        if (!f) {
            std::fprintf(stderr, "%s: %s\n", entry.path().c_str(), f.error().describe().c_str());
            return 2;
        }
        forms.insert(forms.end(), f->begin(), f->end());
    }
    if (forms.empty()) {
        std::fprintf(stderr, "no forms in %s\n", argv[1]);
        return 2;
    }
    const jixiao::rulebook book = jixiao::builtin_rulebook(jixiao::default_rulebook_name).value_or_throw();

    // Single-threaded reference results.
    std::vector<jixiao::scorecard> expected_cards;
    std::vector<jixiao::evaluation> expected_evaluations;
    for (const auto& f : forms) {
        expected_cards.push_back(jixiao::score(f, book));
        expected_evaluations.push_back(jixiao::evaluate(f, book));
    }
    const jixiao::portfolio expected_portfolio = jixiao::summarize(expected_evaluations, book);

    std::atomic<int> mismatches{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            for (int r = 0; r < rounds; ++r) {
                // Built-in rulebooks are loaded concurrently too (lazy statics must be safe).
                auto other = jixiao::builtin_rulebook(t % 2 == 0 ? "mof-2020" : "mof-2020-ratio");
                if (!other) ++mismatches;
                std::vector<jixiao::evaluation> evaluations;
                for (std::size_t i = 0; i < forms.size(); ++i) {
                    const std::size_t k = (i + static_cast<std::size_t>(t)) % forms.size();
                    if (!(jixiao::score(forms[k], book) == expected_cards[k])) ++mismatches;
                    evaluations.push_back(jixiao::evaluate(forms[k], book));
                    if (!(evaluations.back() == expected_evaluations[k])) ++mismatches;
                    (void)jixiao::score(forms[k], *other);
                }
                std::vector<jixiao::evaluation> ordered(evaluations.size());
                for (std::size_t i = 0; i < evaluations.size(); ++i)
                    ordered[(i + static_cast<std::size_t>(t)) % forms.size()] = evaluations[i];
                if (!(jixiao::summarize(ordered, book) == expected_portfolio)) ++mismatches;
            }
        });
    }
    for (auto& th : pool) th.join();
    std::printf("concurrent_scoring: %d threads x %d rounds x %zu forms, %d mismatches\n", threads, rounds,
                forms.size(), mismatches.load());
    return mismatches.load() == 0 ? 0 : 1;
}
