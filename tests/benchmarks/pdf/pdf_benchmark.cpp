// PDF reader throughput: pages per second of the bundled sample printed to PDF by headless
// Chromium (tests/pdf/make_pdfs.py: 8 forms, ruled tables, A4). `read_pdf` times the reader
// (poppler's text layer, the ruling lines through poppler's core API, the cell layout);
// `import_pdf` adds the recognizer. The file: argument --pdf=PATH, else JIXIAO_PDF_BENCH_FILE,
// else the file the pdf tests made in the build tree. Results: docs/performance.md.
#include <jixiao/io/import.hpp>
#include <jixiao/io/pdf.hpp>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

namespace {

std::string pdf_path = JIXIAO_PDF_BENCH_DEFAULT;

const std::string& pdf_bytes() {
    static const std::string bytes = [] {
        std::ifstream in(pdf_path, std::ios::binary);
        std::ostringstream out;
        out << in.rdbuf();
        return out.str();
    }();
    return bytes;
}

void read_pdf(benchmark::State& state) {
    const std::string& bytes = pdf_bytes();
    std::size_t pages = 0;
    for (auto _ : state) {
        auto g = jixiao::pdf::read_pdf(bytes);
        if (!g) {
            state.SkipWithError(g.error().describe().c_str());
            return;
        }
        std::size_t last = 0;
        for (const auto& r : g->rows)
            for (const auto& c : r.cells) last = c.page > last ? c.page : last;
        pages += last;
        benchmark::DoNotOptimize(g->rows.data());
    }
    state.counters["pages/s"] = benchmark::Counter(static_cast<double>(pages), benchmark::Counter::kIsRate);
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes.size()) * state.iterations());
}

void import_pdf(benchmark::State& state) {
    const std::string& bytes = pdf_bytes();
    std::size_t forms = 0;
    for (auto _ : state) {
        auto r = jixiao::io::import_text(bytes);
        if (!r) {
            state.SkipWithError(r.error().describe().c_str());
            return;
        }
        forms += r->forms.size();
        benchmark::DoNotOptimize(r->forms.data());
    }
    state.counters["forms/s"] = benchmark::Counter(static_cast<double>(forms), benchmark::Counter::kIsRate);
}

BENCHMARK(read_pdf)->Unit(benchmark::kMillisecond);
BENCHMARK(import_pdf)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    if (const char* env = std::getenv("JIXIAO_PDF_BENCH_FILE")) pdf_path = env;
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--pdf=", 6) == 0) pdf_path = argv[i] + 6;
    }
    jixiao::pdf::register_reader();
    if (pdf_bytes().empty()) {
        std::fprintf(stderr, "pdf_benchmark: %s is missing: run the pdf tests first (ctest -L pdf) or pass --pdf=PATH\n",
                     pdf_path.c_str());
        return 2;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
