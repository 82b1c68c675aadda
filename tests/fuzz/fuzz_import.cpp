// libFuzzer target: import_text (grid reader with format detection + the recognizer), then the
// whole pipeline on whatever forms come out: score + audit under the default rulebook, the
// portfolio, and every exporter (JSON, CSV, Markdown, HTML). Invariants: never crashes; a
// success holds at least one form; every exported text is valid UTF-8; the canonical JSON of
// the forms reads back to the same forms.
#include "fuzz_support.hpp"

#include <jixiao/io/export.hpp>
#include <jixiao/io/import.hpp>
#include <jixiao/json.hpp>
#include <jixiao/portfolio.hpp>
#include <jixiao/rulebook.hpp>

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace jixiao;
    auto text = fuzz::as_text(data, size);
    io::import_options options;
    options.limits.max_cells = 50'000;
    options.limits.max_cell_bytes = 16'384;
    auto imported = io::import_text(text, options);
    if (!imported) {
        fuzz::check_error(imported.error(), text.size() * 2 + 4);
        return 0;
    }
    fuzz::check(!imported->forms.empty(), "a successful import holds a form");

    const std::string forms_json = write_json(imported->forms);
    fuzz::check_utf8(forms_json, "write_json(forms) is UTF-8");
    auto back = read_forms_json(forms_json);
    fuzz::check(back.has_value(), "write_json output reads back");
    fuzz::check(*back == imported->forms, "forms round-trip through JSON");

    std::vector<evaluation> evaluations;
    for (std::size_t i = 0; i < imported->forms.size(); ++i) {
        evaluations.push_back(evaluate(imported->forms[i], fuzz::default_book(), "-", imported->report.notes_for(i)));
    }
    const portfolio p = summarize(evaluations, fuzz::default_book());
    fuzz::check_utf8(io::evaluations_to_json(evaluations, p), "evaluations JSON is UTF-8");
    fuzz::check_utf8(io::scorecards_to_csv(evaluations), "scorecards CSV is UTF-8");
    fuzz::check_utf8(io::findings_to_csv(evaluations), "findings CSV is UTF-8");
    fuzz::check_utf8(io::portfolio_to_markdown(evaluations, p), "Markdown is UTF-8");
    fuzz::check_utf8(io::html_report(evaluations, p), "HTML report is UTF-8");
    return 0;
}
