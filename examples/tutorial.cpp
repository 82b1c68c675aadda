// examples/tutorial.cpp — the C++ half of docs/tutorial.md: read the bundled sample, score each
// form exactly, audit it, and write the self-contained HTML report.
//
//   tutorial [INPUT] [REPORT]
//     INPUT   forms to read (default tests/data/samples/songjiang-2023.txt)
//     REPORT  HTML report to write (default tutorial-report.html)
//
// Exit code 0 on success, 3 when the input cannot be read (as the `jixiao` command does).
#include <jixiao/jixiao.hpp>

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const std::string input = argc > 1 ? argv[1] : "tests/data/samples/songjiang-2023.txt";
    const std::string report_path = argc > 2 ? argv[2] : "tutorial-report.html";

    // [read]
    // 1. Read: the reader (tab-separated PDF text here) is detected from the content.
    auto imported = jixiao::io::import_file(input);
    if (!imported) {
        std::cerr << "cannot read " << input << ": " << imported.error().describe() << '\n';
        return 3;
    }
    const jixiao::io::import_report& report = imported->report;
    std::cout << imported->forms.size() << " forms; " << report.cells_mapped << " of "
              << report.cells_total << " cells mapped, " << report.notes.size() << " import notes\n";
    // [read]

    // [score]
    // 2. Score: every line recomputed exactly under the default rulebook (财预〔2020〕10号).
    const jixiao::rulebook book = jixiao::builtin_rulebook("mof-2020").value_or_throw();
    const jixiao::form& first = imported->forms.front();
    const jixiao::scorecard card = jixiao::score(first, book);
    std::cout << first.project_name << ": computed " << card.computed_total.to_string()
              << ", reported " << card.reported_total.text << ", grade " << card.computed_grade << '\n';
    for (const jixiao::score_line& line : card.indicators) {
        if (line.status == jixiao::line_status::computed) {
            std::cout << "  " << first.indicators[line.index].name << ": " << line.trace.formula << '\n';
            break;  // one trace is enough for the tutorial
        }
    }
    // [score]

    // [audit]
    // 3. Audit: score + audit every form (jixiao::evaluate), with the import notes of each form.
    std::vector<jixiao::evaluation> evaluations;
    for (std::size_t i = 0; i < imported->forms.size(); ++i) {
        evaluations.push_back(jixiao::evaluate(imported->forms[i], book, report.source, report.notes_for(i)));
    }
    for (const jixiao::evaluation& e : evaluations) {
        const jixiao::form_summary s = jixiao::summarize(e.findings);
        std::cout << e.subject.project_name << ": errors " << s.errors << ", warnings " << s.warnings
                  << ", notices " << s.notices << " -> " << jixiao::to_string(s.trust) << '\n';
        for (const jixiao::finding& f : e.findings) {
            if (f.level == jixiao::severity::error) std::cout << "  " << f.code << ": " << f.message_en << '\n';
        }
    }
    // [audit]

    // [report]
    // 4. Report: the portfolio summary and one self-contained HTML file.
    const jixiao::portfolio summary = jixiao::summarize(evaluations, book);
    std::ofstream(report_path, std::ios::binary)
        << jixiao::io::html_report(evaluations, summary, {.title = "Songjiang 2023", .generator = "tutorial"});
    std::cout << "mean computed total " << summary.computed_total_mean->to_string() << "; report written to "
              << report_path << '\n';
    // [report]
    return 0;
}
