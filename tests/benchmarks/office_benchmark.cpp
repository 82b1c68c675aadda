// Office throughput: MB/s of an Excel workbook (.xlsx) read and turned into forms, on one core.
//
// Corpus: the bundled sample (tests/data/samples/songjiang-2023.txt, 8 forms) written as one
// worksheet N times over (the benchmark argument: 10 and 100 copies, 80 and 800 forms), as
// Excel writes a sheet: inline strings for text, `<v>` number cells for the figures, zipped with
// deflate by libzip. `read_xlsx` times read_grid (unzip, XML parse, number formats, the grid);
// `import_xlsx` times import_text (the same plus the recognizer). The counters give MB/s of the
// file and of the sheet XML it holds; forms says how many forms were read. Results are recorded
// in docs/performance.md.
#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>

#include <benchmark/benchmark.h>
#include <zip.h>

#include <cstddef>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::string escape(std::string_view t) {
    std::string out;
    for (char c : t) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

bool is_number(std::string_view t) {
    if (t.empty() || t.size() > 15) return false;
    bool point = false;
    for (char c : t) {
        if (c == '.' && !point) point = true;
        else if (c < '0' || c > '9') return false;
    }
    return t.front() != '.' && t.back() != '.';
}

std::string column_name(std::size_t c) {
    std::string name;
    for (++c; c > 0; c = (c - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
    return name;
}

/// The sample's rows as one worksheet, `copies` times over.
std::string sheet_xml(std::size_t copies, std::size_t& xml_bytes) {
    std::ifstream in(JIXIAO_BENCH_SAMPLE, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    if (text.empty()) throw std::runtime_error("cannot read " JIXIAO_BENCH_SAMPLE);
    std::vector<std::vector<std::string>> rows;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::vector<std::string> cells;
        std::size_t c = start;
        for (;;) {
            const std::size_t tab = text.find('\t', c);
            if (tab == std::string::npos || tab > end) {
                cells.push_back(text.substr(c, end - c));
                break;
            }
            cells.push_back(text.substr(c, tab - c));
            c = tab + 1;
        }
        rows.push_back(std::move(cells));
        start = end + 1;
    }
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                      "spreadsheetml/2006/main\"><sheetData>";
    std::size_t r = 0;
    for (std::size_t k = 0; k < copies; ++k) {
        for (const auto& cells : rows) {
            ++r;
            xml += "<row r=\"" + std::to_string(r) + "\">";
            for (std::size_t c = 0; c < cells.size(); ++c) {
                if (cells[c].empty()) continue;
                const std::string ref = column_name(c) + std::to_string(r);
                if (is_number(cells[c])) {
                    xml += "<c r=\"" + ref + "\"><v>" + cells[c] + "</v></c>";
                } else {
                    xml += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + escape(cells[c]) +
                           "</t></is></c>";
                }
            }
            xml += "</row>";
        }
    }
    xml += "</sheetData></worksheet>";
    xml_bytes = xml.size();
    return xml;
}

std::string make_workbook(std::size_t copies, std::size_t& xml_bytes) {
    const std::string sheet = sheet_xml(copies, xml_bytes);
    const std::vector<std::pair<std::string, std::string>> parts = {
        {"[Content_Types].xml",
         "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
        {"xl/workbook.xml",
         "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"表1\" "
         "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
         "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
        {"xl/worksheets/sheet1.xml", sheet}};
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
    zip_source_keep(src);
    zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
    if (za == nullptr) throw std::runtime_error("libzip cannot make an archive");
    for (const auto& [name, content] : parts) {
        zip_source_t* s = zip_source_buffer(za, content.data(), content.size(), 0);
        if (zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0) throw std::runtime_error("libzip cannot add a part");
    }
    if (zip_close(za) != 0) throw std::runtime_error("libzip cannot write the archive");
    std::string out;
    zip_source_open(src);
    char buffer[65536];
    for (;;) {
        const zip_int64_t n = zip_source_read(src, buffer, sizeof buffer);
        if (n <= 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    zip_source_close(src);
    zip_source_free(src);
    return out;
}

void set_rates(benchmark::State& state, std::size_t file_bytes, std::size_t xml_bytes) {
    const auto iterations = static_cast<double>(state.iterations());
    state.counters["file_MB/s"] = benchmark::Counter(static_cast<double>(file_bytes) * iterations / 1e6, benchmark::Counter::kIsRate);
    state.counters["xml_MB/s"] = benchmark::Counter(static_cast<double>(xml_bytes) * iterations / 1e6, benchmark::Counter::kIsRate);
    state.counters["file_KB"] = static_cast<double>(file_bytes) / 1e3;
}

void read_xlsx(benchmark::State& state) {
    std::size_t xml_bytes = 0;
    const std::string book = make_workbook(static_cast<std::size_t>(state.range(0)), xml_bytes);
    for (auto _ : state) {
        auto g = jixiao::io::read_grid(book);
        if (!g) state.SkipWithError(g.error().message.c_str());
        benchmark::DoNotOptimize(g);
    }
    set_rates(state, book.size(), xml_bytes);
}

void import_xlsx(benchmark::State& state) {
    std::size_t xml_bytes = 0;
    const std::string book = make_workbook(static_cast<std::size_t>(state.range(0)), xml_bytes);
    std::size_t forms = 0;
    for (auto _ : state) {
        auto r = jixiao::io::import_text(book);
        if (!r) {
            state.SkipWithError(r.error().message.c_str());
            break;
        }
        forms = r->forms.size();
        benchmark::DoNotOptimize(r);
    }
    set_rates(state, book.size(), xml_bytes);
    state.counters["forms"] = static_cast<double>(forms);
}

}  // namespace

BENCHMARK(read_xlsx)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);
BENCHMARK(import_xlsx)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);
