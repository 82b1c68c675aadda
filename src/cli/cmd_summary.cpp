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
    add_xlsx_options(*app, *o);
    auto by = std::make_shared<std::string>();
    app->add_option("--by", *by,
                    "Group the portfolio by department (主管部门), unit (实施单位), grade (等级), file (文件) or "
                    "budget_unit (预算单位: a unit's department form, projects and declarations side by side): a table "
                    "in the summary, the JSON, the Markdown and the HTML report; --csv writes one row per group")
        ->check([](const std::string& v) {
            return group_by_from_string(v) ? std::string()
                                           : "--by: department, unit, grade, file or budget_unit (or 主管部门, 实施单位, 等级, "
                                             "文件, 预算单位)";
        });
    add_run_options(*app, *o, true);
    return {app, [o, by] {
                const rulebook book = resolve_rulebook(o->rulebook);
                const auto inputs = load_inputs(*o);
                const auto evaluations = evaluate_all(inputs, book, *o);
                portfolio p = summarize_batch(evaluations, book, inputs);
                if (!by->empty()) {
                    p.grouped_by = group_by_from_string(*by);
                    p.groups = group_portfolio(evaluations, p, *p.grouped_by);
                }
                if (o->json) write_output(*o->json, io::portfolio_to_json(p) + "\n");
                if (o->csv) {
                    const io::csv_options csv{.bom = csv_bom(*o, *o->csv), .chinese_headers = chinese(*o)};
                    write_output(*o->csv, p.grouped_by ? io::portfolio_groups_to_csv(p, csv) : io::portfolio_to_csv(p, csv));
                }
                if (o->markdown) write_output(*o->markdown, io::portfolio_to_markdown(evaluations, p));
                if (o->html) write_output(*o->html, io::html_report(evaluations, p, report_options()));
                write_xlsx_output(*o, evaluations, p);
                print_summary(evaluations, p, *o, true);
                return findings_exit_code(p, o->fail_on);
            }};
}

}  // namespace jixiao::cli
