// Import throughput: MB/s of tab-separated text (text extracted from PDFs) turned into forms and
// an import report, on one core.
//
// Corpus: a generated document of N forms (the benchmark argument: 1,000 and 10,000 forms, about
// 1.7 MB and 16.8 MB) laid out like the Songjiang sample: title, year, header fields, the funds
// block, a goal with <p> paragraphs, an indicator table of 14 rows with a page break, a page
// number leaking in, a row cut in two by the page break, and the 总分 row. Numbers and names vary
// per form. `import_tsv` times import_text (the TSV reader feeds the recognizer row by row: no
// whole grid is built; the result is freed every iteration); `recognize_only` times the
// recognizer on a grid read beforehand (100 forms as well: a document that fits in the caches,
// to see what memory traffic costs at 1,000); `read_grid_only` times the TSV reader. Results are
// recorded in docs/performance.md. `import_space_joined` and `import_run_together` time the same
// forms as a PDF dump (each row's cells joined by spaces) and a document site (each form on one
// line, its cells run together) print them: read by meaning (docs/import.md); the `forms`
// counter says how many forms were read.
#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

std::string make_form(std::size_t k) {
    const std::string n = std::to_string(k);
    const std::string budget = std::to_string(100000 + (k * 7919) % 900000);
    std::string t;
    t += "\n财政项目支出绩效自评表\t\t\t\t\t\t\t\n(2023 年度)\t\t\t\t\t\t\t\n";
    t += "项目名称\t网络信息系统开发、升级、建设" + n + "\t\t\t\t\t\t\n";
    t += "主管部门\t上海市松江区财政局\t\t\t实施单位\t上海市松江区财政局\t\t\n";
    t += "项目资金 (元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n";
    t += "\t年度资金总额\t" + budget + ".00\t" + budget + ".00\t" + budget + "\t10\t100.00%\t10\n";
    t += "\t其中：当年财政拨款\t" + budget + "\t" + budget + "\t\t—\t\t\n";
    t += "\t上年结转资金\t0\t0\t-7\t—\t\t\n\t其他资金\t0\t0\t\t—\t\t\n";
    t += "年度总体目标\t预期目标\t\t\t实际完成情况\t\t\t\n";
    t += "\t<p>建立全新的监管平台，实现项目全生命周期管理。</p> <p>(1) 提升产业项目申报的工作效率。</p>\t\t\t"
         "<p>建立全新的监管平台，实现项目全生命周期管理。</p> <p>(1) 提升产业项目申报的工作效率。</p>\t\t\t\n";
    t += "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n";
    t += "产出指标\t数量指标\t系统开发模块数量\t=7个\t=7个\t7\t7\t\n";
    t += "\t\t预算单位数量\t=697家\t=697家\t7\t7\t\n";
    t += "\t质量指标\t系统开发完成率\t=100%\t100%\t7\t7\t\n";
    t += "\t\t系统使用覆盖率\t=100%\t100%\t7\t7\t\n";
    t += "\t\t软件测试完成率\t=100%\t100%\t7\t7\t\n";
    t += "\t\t重点绩效评价报告优良\t\t\t\t\t\n\n";
    t += "绩效指标\t产出指标\t\t率\t>=70%\t>=70%\t5\t5\t\t\n";
    t += "\t时效指标\t系统开发及时性\t及时\t及时\t5\t5\t\t\n";
    t += "\t\t故障响应及时性\t及时\t及时\t5\t5\t\t\n";
    t += "\t效益指标\t社会效益指标\t促进信息数据共享\t提升\t提升\t6\t6\t\n";
    t += "\t\t\t办事效率提升\t提升\t提升\t6\t6\t\n";
    t += "\t\t\t提升信息化管理水平\t提升\t提升\t6\t6\t\n";
    t += "\t\t可持续影响指标\t管理制度健全性\t健全\t健全\t6\t6\t\n";
    t += "\t满意度指标\t服务对象满意度指标\t用户满意度\t>=80%\t>=80%\t10\t10\t\n";
    t += "\t总分\t\t\t\t\t100\t100\t\n";
    return t;
}

std::string make_document(std::size_t forms) {
    std::string doc;
    doc.reserve(forms * 2700);
    for (std::size_t k = 0; k < forms; ++k) doc += make_form(k);
    return doc;
}

void import_tsv(benchmark::State& state) {
    const std::string doc = make_document(static_cast<std::size_t>(state.range(0)));
    jixiao::io::import_options options;
    options.format = jixiao::io::grid_format::tsv;
    for (auto _ : state) {
        auto r = jixiao::io::import_text(doc, options);
        if (!r.has_value() || r->forms.size() != static_cast<std::size_t>(state.range(0))) {
            state.SkipWithError("import failed");
            break;
        }
        benchmark::DoNotOptimize(r->forms.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(doc.size()));
    state.counters["forms"] = static_cast<double>(state.range(0));
    state.counters["MB"] = static_cast<double>(doc.size()) / 1e6;
}

/// The generated forms as a PDF dump prints them: each row's cells joined by single spaces (no
/// tab, no cell boundary), read by meaning.
std::string space_joined(const std::string& tab_text) {
    std::string out;
    out.reserve(tab_text.size());
    bool blank = false;
    for (char c : tab_text) {
        if (c == '\t') {
            blank = true;
            continue;
        }
        if (c == '\n') {
            blank = false;
            out += '\n';
            continue;
        }
        if (blank && !out.empty() && out.back() != '\n') out += ' ';
        blank = false;
        out += c;
    }
    return out;
}

/// A document site's text of the forms: one line per form, every cell run together.
std::string run_together(const std::string& tab_text) {
    std::string out;
    out.reserve(tab_text.size());
    bool in_form = false;
    for (std::size_t i = 0; i < tab_text.size(); ++i) {
        const char c = tab_text[i];
        if (c == '\t') continue;
        if (c == '\n') {
            // a new form starts on its own line, the rows of a form run together
            if (tab_text.compare(i + 1, std::string_view("财政项目支出绩效自评表").size(), "财政项目支出绩效自评表") == 0 && in_form) out += '\n';
            continue;
        }
        in_form = true;
        out += c;
    }
    return out;
}

void import_by_meaning(benchmark::State& state, std::string (*shape)(const std::string&)) {
    const std::string doc = shape(make_document(static_cast<std::size_t>(state.range(0))));
    jixiao::io::import_options options;
    std::size_t forms = 0;
    for (auto _ : state) {
        auto r = jixiao::io::import_text(doc, options);
        if (!r.has_value()) {
            state.SkipWithError("import failed");
            break;
        }
        forms = r->forms.size();
        benchmark::DoNotOptimize(r->forms.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(doc.size()));
    state.counters["forms"] = static_cast<double>(forms);  // read, of state.range(0)
    state.counters["MB"] = static_cast<double>(doc.size()) / 1e6;
}

void import_space_joined(benchmark::State& state) { import_by_meaning(state, space_joined); }
void import_run_together(benchmark::State& state) { import_by_meaning(state, run_together); }

void recognize_only(benchmark::State& state) {
    const std::string doc = make_document(static_cast<std::size_t>(state.range(0)));
    const auto g = jixiao::io::read_grid(doc, jixiao::io::grid_format::tsv);
    if (!g.has_value()) {
        state.SkipWithError("read_grid failed");
        return;
    }
    for (auto _ : state) {
        auto r = jixiao::io::recognize(*g);
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(doc.size()));
}

void read_grid_only(benchmark::State& state) {
    const std::string doc = make_document(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        auto g = jixiao::io::read_grid(doc, jixiao::io::grid_format::tsv);
        benchmark::DoNotOptimize(g);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(doc.size()));
}

}  // namespace

BENCHMARK(import_tsv)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(import_space_joined)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(import_run_together)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(recognize_only)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(read_grid_only)->Arg(1000)->Unit(benchmark::kMillisecond);
