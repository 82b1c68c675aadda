// Benchmarks of jixiao::decimal on money-sized values, beside Boost's cpp_dec_float_50 (the
// type jixiao does not use: it is neither exact nor correctly rounded). Figures and machine
// are recorded in docs/performance.md.
//
// The cpp_dec_float_50 side is here only as a yardstick; converting its results to text or
// rounding them the way decimal does is not attempted.
#include <jixiao/decimal.hpp>

#include <benchmark/benchmark.h>
#include <boost/multiprecision/cpp_dec_float.hpp>

#include <string>

namespace {

using jixiao::decimal;
using jixiao::rounding;
using float50 = boost::multiprecision::cpp_dec_float_50;

constexpr const char* amount_text = "7439315.30";
constexpr const char* rate_text = "0.8618";

// ---- jixiao::decimal ----

void decimal_parse(benchmark::State& state) {
    std::string text = amount_text;
    for (auto _ : state) {
        auto d = decimal::parse(text);
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK(decimal_parse);

void decimal_parse_grouped(benchmark::State& state) {
    std::string text = "7,439,315.30";
    for (auto _ : state) {
        auto d = decimal::parse(text);
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK(decimal_parse_grouped);

void decimal_add(benchmark::State& state) {
    decimal a = decimal::from_string(amount_text);
    decimal b = decimal::from_string(rate_text);
    for (auto _ : state) {
        benchmark::DoNotOptimize(a);
        benchmark::DoNotOptimize(b);
        decimal c = a + b;
        benchmark::DoNotOptimize(c);
    }
}
BENCHMARK(decimal_add);

void decimal_multiply(benchmark::State& state) {
    decimal a = decimal::from_string(amount_text);
    decimal b = decimal::from_string(rate_text);
    for (auto _ : state) {
        benchmark::DoNotOptimize(a);
        benchmark::DoNotOptimize(b);
        decimal c = a * b;
        benchmark::DoNotOptimize(c);
    }
}
BENCHMARK(decimal_multiply);

void decimal_quantize_half_away(benchmark::State& state) {
    decimal p = decimal::from_string(amount_text) * decimal::from_string(rate_text);  // 6411201.925540
    for (auto _ : state) {
        benchmark::DoNotOptimize(p);
        decimal r = p.round(2, rounding::half_away_from_zero);
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(decimal_quantize_half_away);

void decimal_divide_2_places(benchmark::State& state) {
    decimal a = decimal::from_string(amount_text);
    decimal b = decimal::from_string(rate_text);
    for (auto _ : state) {
        benchmark::DoNotOptimize(a);
        benchmark::DoNotOptimize(b);
        auto q = jixiao::divide(a, b, 2, rounding::half_away_from_zero);
        benchmark::DoNotOptimize(q);
    }
}
BENCHMARK(decimal_divide_2_places);

void decimal_to_string(benchmark::State& state) {
    decimal a = decimal::from_string(amount_text);
    for (auto _ : state) {
        auto s = a.to_string();
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(decimal_to_string);

void decimal_add_big(benchmark::State& state) {
    // beyond 2^63: the cpp_int path
    decimal a = decimal::from_string("123456789012345678901234567890.12");
    decimal b = decimal::from_string(rate_text);
    for (auto _ : state) {
        benchmark::DoNotOptimize(a);
        decimal c = a + b;
        benchmark::DoNotOptimize(c);
    }
}
BENCHMARK(decimal_add_big);

// ---- cpp_dec_float_50, side by side ----

void dec_float50_parse(benchmark::State& state) {
    std::string text = amount_text;
    for (auto _ : state) {
        float50 d(text);
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK(dec_float50_parse);

void dec_float50_add(benchmark::State& state) {
    float50 a(amount_text);
    float50 b(rate_text);
    for (auto _ : state) {
        benchmark::DoNotOptimize(a);
        benchmark::DoNotOptimize(b);
        float50 c = a + b;
        benchmark::DoNotOptimize(c);
    }
}
BENCHMARK(dec_float50_add);

void dec_float50_multiply(benchmark::State& state) {
    float50 a(amount_text);
    float50 b(rate_text);
    for (auto _ : state) {
        benchmark::DoNotOptimize(a);
        benchmark::DoNotOptimize(b);
        float50 c = a * b;
        benchmark::DoNotOptimize(c);
    }
}
BENCHMARK(dec_float50_multiply);

void dec_float50_quantize_half_away(benchmark::State& state) {
    // the usual idiom: round(x * 100) / 100 (round() is half away from zero)
    float50 p = float50(amount_text) * float50(rate_text);
    const float50 hundred(100);
    for (auto _ : state) {
        benchmark::DoNotOptimize(p);
        float50 r = float50(boost::multiprecision::round(p * hundred)) / hundred;
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(dec_float50_quantize_half_away);

void dec_float50_divide_2_places(benchmark::State& state) {
    float50 a(amount_text);
    float50 b(rate_text);
    const float50 hundred(100);
    for (auto _ : state) {
        benchmark::DoNotOptimize(a);
        benchmark::DoNotOptimize(b);
        float50 q = float50(boost::multiprecision::round(a / b * hundred)) / hundred;
        benchmark::DoNotOptimize(q);
    }
}
BENCHMARK(dec_float50_divide_2_places);

}  // namespace
