// cmd_render.cpp — `jixiao render`: forms in the official table layout (HTML or Markdown).
#include "cli.hpp"

#include <memory>

namespace jixiao::cli {

command add_render(CLI::App& root) {
    auto o = std::make_shared<common_options>();
    auto which = std::make_shared<std::size_t>(0);
    CLI::App* app = root.add_subcommand("render", "Render forms in the official layout, computed scores beside reported ones");
    add_input_options(*app, *o);
    add_rulebook_options(*app, *o);
    add_output_options(*app, *o, false, false, true, true);
    app->add_option("--form", *which, "Render only form N (1-based, in input order)")->check(CLI::PositiveNumber);
    add_run_options(*app, *o, false);
    return {app, [o, which] {
                if (!o->html && !o->markdown) o->markdown = "-";
                const rulebook book = resolve_rulebook(o->rulebook);
                const auto inputs = load_inputs(*o);
                auto evaluations = evaluate_all(inputs, book, *o);
                if (*which > 0) {
                    if (*which > evaluations.size()) {
                        throw failure(exit_usage, "--form " + std::to_string(*which) + ": the input holds " +
                                                      std::to_string(evaluations.size()) + " forms");
                    }
                    evaluations = {evaluations[*which - 1]};
                }
                const portfolio p = summarize_batch(evaluations, book, inputs);
                if (o->html) {
                    io::html_options options = report_options();
                    options.portfolio_page = false;
                    write_output(*o->html, evaluations.size() == 1 ? io::html_form(evaluations.front(), options)
                                                                  : io::html_report(evaluations, p, options));
                }
                if (o->markdown) {
                    std::string text;
                    for (const evaluation& e : evaluations) text += io::to_markdown(e);
                    write_output(*o->markdown, text);
                }
                return p.files_not_read.empty() ? static_cast<int>(exit_clean) : static_cast<int>(exit_input);
            }};
}

}  // namespace jixiao::cli
