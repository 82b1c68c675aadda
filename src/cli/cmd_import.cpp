// cmd_import.cpp — `jixiao import`: any supported input -> canonical JSON forms + import report.
#include "cli.hpp"

#include <jixiao/json.hpp>

#include <cstdio>
#include <memory>

namespace jixiao::cli {

command add_import(CLI::App& root) {
    auto o = std::make_shared<common_options>();
    auto report = std::make_shared<std::string>();
    CLI::App* app = root.add_subcommand("import", "Read forms (text, CSV, HTML, Excel .xlsx, Word .docx, JSON) and write canonical JSON");
    add_input_options(*app, *o);
    app->add_option("-o,--output,--json", o->json, "Write the forms document to FILE (default: stdout)");
    app->add_option("--report", *report, "Write the import report (JSON) to FILE");
    add_run_options(*app, *o, false);
    return {app, [o, report] {
                o->keep_failures = !report->empty();  // the report is written on failure too
                const auto inputs = load_inputs(*o);
                std::vector<form> forms;
                std::size_t document_notes = 0;
                std::string reports = "[";
                for (const loaded_input& in : inputs) {
                    forms.insert(forms.end(), in.forms.begin(), in.forms.end());
                    document_notes += in.document_notes;
                    if (!in.report_json.empty()) reports += (reports.size() > 1 ? "," : "") + in.report_json;
                }
                reports += "]\n";
                write_output(o->json.value_or("-"), write_json(forms) + "\n");
                if (!report->empty()) write_output(*report, reports);
                std::size_t failed = 0;
                for (const loaded_input& in : inputs) {
                    if (in.failure.empty()) continue;
                    std::fprintf(stderr, "jixiao: error: %s\n", in.failure.c_str());
                    ++failed;
                }
                if (failed > 0) return static_cast<int>(exit_input);  // after the report is written
                if (!o->quiet) {
                    std::fprintf(stderr, "imported %zu form%s from %zu input%s", forms.size(), forms.size() == 1 ? "" : "s",
                                 inputs.size(), inputs.size() == 1 ? "" : "s");
                    if (document_notes) std::fprintf(stderr, "; %zu import notes belong to no form (see --report)", document_notes);
                    std::fprintf(stderr, "\n");
                }
                return static_cast<int>(exit_clean);
            }};
}

}  // namespace jixiao::cli
