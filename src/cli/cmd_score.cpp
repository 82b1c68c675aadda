// cmd_score.cpp — `jixiao score`: recompute every score; JSON / CSV / Markdown / HTML.
#include "cli.hpp"

#include <memory>

namespace jixiao::cli {

command add_score(CLI::App& root) {
    auto o = std::make_shared<common_options>();
    CLI::App* app = root.add_subcommand("score", "Recompute every score under a rulebook");
    add_input_options(*app, *o);
    add_rulebook_options(*app, *o);
    add_output_options(*app, *o, true, true, true, true);
    add_xlsx_options(*app, *o);
    add_run_options(*app, *o, false);
    return {app, [o] {
                const rulebook book = resolve_rulebook(o->rulebook);
                const auto inputs = load_inputs(*o);
                const auto evaluations = evaluate_all(inputs, book, *o);
                const portfolio p = summarize_batch(evaluations, book, inputs);
                if (o->json) write_output(*o->json, io::scorecards_to_json(evaluations) + "\n");
                if (o->csv) write_output(*o->csv, io::scorecards_to_csv(evaluations, {.bom = csv_bom(*o, *o->csv), .chinese_headers = chinese(*o)}));
                if (o->markdown) write_output(*o->markdown, io::portfolio_to_markdown(evaluations, p));
                if (o->html) write_output(*o->html, io::html_report(evaluations, p, report_options()));
                write_xlsx_output(*o, evaluations, p);
                print_summary(evaluations, p, *o, false);
                return p.files_not_read.empty() ? static_cast<int>(exit_clean) : static_cast<int>(exit_input);
            }};
}

}  // namespace jixiao::cli
