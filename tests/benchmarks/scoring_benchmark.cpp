// Scoring throughput: indicator scorings per second on one core, traces off and on.
//
// Corpus: generated forms of 20 indicators each (the benchmark argument: 64 forms, which stay in
// the CPU caches, and 10,000 forms, about 400 MB, which do not), cycling through a realistic mix
// of lines (met and not-met quantities, 万元 vs 元, restated comparators, qualitative labels,
// tiers, time points, periods, free text). Values are parsed once while building the corpus;
// the benchmark times `score` only (`score_into`: into one reused scorecard; `tabulate`: a whole
// batch into a score_table). Results are recorded in docs/performance.md.
#include <jixiao/rulebook.hpp>
#include <jixiao/score_table.hpp>
#include <jixiao/scoring.hpp>

#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace jixiao;

constexpr std::size_t corpus_forms = 10000;  // the largest corpus; smaller ones are its prefix
constexpr std::size_t indicators_per_form = 20;

struct line_template {
    std::string_view target;
    std::string_view actual;
    std::string_view weight;
    std::string_view reported;
};

// 20 lines: the shape of a typical form (weights add up to 90).
constexpr std::array<line_template, indicators_per_form> templates{{
    {"=7个", "=7个", "5", "5"},
    {"=697家", "697家", "5", "5"},
    {">=100%", "98%", "5", "4.9"},
    {"<=700元/人次", "770元/人次", "5", "4.5"},
    {"<=3.50万元", "35000元", "5", "5"},
    {">=80%", ">=80%", "4", "4"},
    {"=100%", "100%", "4", "4"},
    {"<=20人次", "20人次", "4", "4"},
    {">=95%", "96.5%", "4", "4"},
    {"及时", "及时", "4", "4"},
    {"=11月底", "11月底", "4", "4"},
    {"9-11月", "9-11月", "4", "4"},
    {"<=12万元", "11.8万元", "4", "4"},
    {">=20次", "18次", "5", "4.5"},
    {"提升", "提升", "6", "6"},
    {"提升", "达成年度指标", "6", "5.6"},
    {"有效", "有效", "6", "6"},
    {"=0次", "0次", "2", "2"},
    {"按计划推进", "已完成", "3", "3"},
    {">=90%", "95%", "5", "5"},
}};

std::vector<form> make_corpus() {
    std::vector<indicator> lines;
    for (const line_template& t : templates) {
        indicator ind;
        ind.level1 = category::output;
        ind.name = "indicator";
        ind.target = read_value_cell(t.target);
        ind.actual = read_value_cell(t.actual);
        ind.weight = read_number_cell(t.weight);
        ind.score = read_number_cell(t.reported);
        lines.push_back(std::move(ind));
    }
    std::vector<form> forms(corpus_forms);
    for (std::size_t i = 0; i < forms.size(); ++i) {
        form& f = forms[i];
        f.money.at(funds_row::total, funds_column::full_year_budget) = read_number_cell("524760.00");
        f.money.at(funds_row::total, funds_column::executed) =
            read_number_cell(std::to_string(400000 + (i * 7919) % 130000));
        f.money.weight = read_number_cell("10");
        f.money.score = read_number_cell("10");
        f.total_score = read_number_cell("100");
        f.indicators = lines;
    }
    return forms;
}

const std::vector<form>& corpus() {
    static const std::vector<form> forms = make_corpus();
    return forms;
}

void run(benchmark::State& state, bool traces) {
    std::span<const form> forms(corpus().data(), static_cast<std::size_t>(state.range(0)));
    rulebook book = builtin_rulebook(default_rulebook_name).value_or_throw();
    score_options options{traces};
    std::size_t i = 0;
    for (auto _ : state) {
        scorecard card = score(forms[i], book, options);
        benchmark::DoNotOptimize(card);
        if (++i == forms.size()) i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(indicators_per_form + 1));
}

void scoring_traces_off(benchmark::State& state) { run(state, false); }
void scoring_traces_on(benchmark::State& state) { run(state, true); }

void scoring_batch_traces_off(benchmark::State& state) {
    std::span<const form> forms(corpus().data(), static_cast<std::size_t>(state.range(0)));
    rulebook book = builtin_rulebook(default_rulebook_name).value_or_throw();
    for (auto _ : state) {
        std::vector<scorecard> cards = score_batch(forms, book, score_options{false});
        benchmark::DoNotOptimize(cards);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(forms.size() * (indicators_per_form + 1)));
}

void scoring_into_traces_off(benchmark::State& state) {
    std::span<const form> forms(corpus().data(), static_cast<std::size_t>(state.range(0)));
    rulebook book = builtin_rulebook(default_rulebook_name).value_or_throw();
    scorecard card;
    std::size_t i = 0;
    for (auto _ : state) {
        score_into(forms[i], book, card, score_options{false});
        benchmark::DoNotOptimize(card);
        if (++i == forms.size()) i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(indicators_per_form + 1));
}

void scoring_tabulate(benchmark::State& state) {
    std::span<const form> forms(corpus().data(), static_cast<std::size_t>(state.range(0)));
    std::vector<const form*> items;
    for (const form& f : forms) items.push_back(&f);
    rulebook book = builtin_rulebook(default_rulebook_name).value_or_throw();
    for (auto _ : state) {
        score_table table = tabulate(std::span<const form* const>(items), book);
        benchmark::DoNotOptimize(table);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(forms.size() * (indicators_per_form + 1)));
}

}  // namespace

BENCHMARK(scoring_into_traces_off)->Arg(64)->Arg(corpus_forms);
BENCHMARK(scoring_tabulate)->Arg(64)->Arg(corpus_forms)->Unit(benchmark::kMicrosecond);
BENCHMARK(scoring_traces_off)->Arg(64)->Arg(corpus_forms);
BENCHMARK(scoring_traces_on)->Arg(64)->Arg(corpus_forms);
BENCHMARK(scoring_batch_traces_off)->Arg(64)->Arg(corpus_forms)->Unit(benchmark::kMicrosecond);
