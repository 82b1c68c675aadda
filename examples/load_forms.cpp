// examples/load_forms.cpp — docs/howto/load-forms.md in C++: read the same forms from CSV in
// GB18030, from HTML and from text in memory; check the import report; handle a bad document.
//
//   load_forms [SAMPLES_DIR]   (default tests/data/samples)
#include <jixiao/jixiao.hpp>

#include <iostream>
#include <string>

namespace io = jixiao::io;

int main(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : "tests/data/samples";

    // [detect]
    // The reader and the encoding are detected from the content: GB18030 is converted to UTF-8.
    auto csv = io::import_file(dir + "/songjiang-2023.gb18030.csv");
    if (!csv) {
        std::cerr << csv.error().describe() << '\n';
        return 3;
    }
    std::cout << csv->report.source << ": " << csv->forms.size() << " forms, reader "
              << io::to_string(csv->report.format) << '\n';
    for (const std::string& note : csv->report.reader_notes) std::cout << "  " << note << '\n';
    // [detect]

    // [choose]
    // Or choose the reader yourself, and name the source for every location in the report.
    io::import_options options;
    options.format = io::grid_format::html;
    options.source_name = "songjiang-2023.html";
    auto bytes = io::read_file(dir + "/songjiang-2023.html", options.limits.max_bytes);
    if (!bytes) return 3;
    auto html = io::import_text(*bytes, options);
    if (!html) return 3;
    const io::import_report& report = html->report;
    std::cout << report.source << ": " << html->forms.size() << " forms, " << report.cells_mapped << " of "
              << report.cells_total << " cells in a form field\n";
    for (const io::import_note& n : report.notes) {
        if (n.kind == io::note_kind::unmapped || n.code == "page_number_dropped") {
            std::cout << "  line " << n.where.line << ", column " << n.where.column << ": " << n.code << " \""
                      << n.text << "\"\n";
        }
    }
    // [choose]

    // [errors]
    // A document without any form is an error with a code, never an empty success ...
    auto none = io::import_text("日期,金额\n2023-01-01,100\n");
    if (!none) std::cout << "error " << jixiao::to_string(none.error().code) << ": " << none.error().message << '\n';
    // ... and a form with missing parts is read, with a warning for each missing part.
    auto partial = io::import_text("项目名称,网络维护\n主管部门,某区财政局\n");
    if (partial) {
        std::cout << partial->forms.size() << " form: " << partial->forms[0].project_name << "; warnings:";
        for (const io::import_note& n : partial->report.notes) {
            if (n.kind == io::note_kind::warning) std::cout << ' ' << n.code;
        }
        std::cout << '\n';
    }
    // [errors]
    return 0;
}
