// cmd_audit.cpp — `jixiao audit`: score and audit; findings as JSON / CSV / Markdown / HTML report.
#include "cli.hpp"

#include <memory>
#include <optional>

namespace jixiao::cli {

command add_audit(CLI::App& root) {
    auto o = std::make_shared<common_options>();
    auto scores_csv = std::make_shared<std::string>();
    auto whole = std::make_shared<bool>(false);
    CLI::App* app = root.add_subcommand("audit", "Score and audit forms: what is wrong with each one");
    add_input_options(*app, *o);
    add_rulebook_options(*app, *o);
    add_output_options(*app, *o, true, true, true, true);
    add_xlsx_options(*app, *o);
    app->add_option("--scores-csv", *scores_csv, "Also write one CSV row per scored line to FILE");
    add_run_options(*app, *o, true);
    app->add_flag("--no-stream", *whole,
                  "Read every document whole before scoring (the same output; by default tab-separated documents "
                  "stream form by form in bounded memory)");
    return {app, [o, scores_csv, whole] {
                if (!*whole) {
                    if (const std::optional<int> code = audit_streaming(*o, *scores_csv)) return *code;
                }
                const rulebook book = resolve_rulebook(o->rulebook);
                const auto inputs = load_inputs(*o);
                const auto evaluations = evaluate_all(inputs, book, *o);
                const portfolio p = summarize_batch(evaluations, book, inputs);
                if (o->json) write_output(*o->json, io::evaluations_to_json(evaluations, p) + "\n");
                if (o->csv) write_output(*o->csv, io::findings_to_csv(evaluations, {.bom = csv_bom(*o, *o->csv), .chinese_headers = chinese(*o)}));
                if (!scores_csv->empty()) write_output(*scores_csv, io::scorecards_to_csv(evaluations, {.bom = csv_bom(*o, *scores_csv), .chinese_headers = chinese(*o)}));
                if (o->markdown) write_output(*o->markdown, io::portfolio_to_markdown(evaluations, p));
                if (o->html) write_output(*o->html, io::html_report(evaluations, p, report_options()));
                write_xlsx_output(*o, evaluations, p);
                print_summary(evaluations, p, *o, true);
                return findings_exit_code(p, o->fail_on);
            }};
}

}  // namespace jixiao::cli
