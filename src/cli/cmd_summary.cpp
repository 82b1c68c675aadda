// cmd_summary.cpp — `jixiao summary`: the portfolio (grades, execution rates, findings by code).
#include "cli.hpp"

#include <memory>

namespace jixiao::cli {

command add_summary(CLI::App& root) {
    auto o = std::make_shared<common_options>();
    CLI::App* app = root.add_subcommand("summary", "Summarise a portfolio of forms");
    add_input_options(*app, *o);
    add_rulebook_options(*app, *o);
    add_output_options(*app, *o, true, true, true, true);
    add_run_options(*app, *o, true);
    return {app, [o] {
                const rulebook book = resolve_rulebook(o->rulebook);
                const auto inputs = load_inputs(*o);
                const auto evaluations = evaluate_all(inputs, book, *o);
                const portfolio p = summarize_batch(evaluations, book, inputs);
                if (o->json) write_output(*o->json, io::portfolio_to_json(p) + "\n");
                if (o->csv) write_output(*o->csv, io::portfolio_to_csv(p, {.bom = csv_bom(*o, *o->csv)}));
                if (o->markdown) write_output(*o->markdown, io::portfolio_to_markdown(evaluations, p));
                if (o->html) write_output(*o->html, io::html_report(evaluations, p, report_options()));
                print_summary(evaluations, p, *o, true);
                return findings_exit_code(p, o->fail_on);
            }};
}

}  // namespace jixiao::cli
