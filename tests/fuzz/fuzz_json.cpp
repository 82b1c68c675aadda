// libFuzzer target: read_forms_json (the canonical form format). Invariants: never crashes;
// errors point inside the text; a document that reads writes back to JSON that reads to the
// same forms; scoring, auditing and the JSON/HTML exports of what was read are valid UTF-8.
#include "fuzz_support.hpp"

#include <jixiao/io/export.hpp>
#include <jixiao/json.hpp>
#include <jixiao/portfolio.hpp>
#include <jixiao/rulebook.hpp>

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace jixiao;
    auto text = fuzz::as_text(data, size);
    auto forms = read_forms_json(text);
    if (!forms) {
        fuzz::check_error(forms.error(), text.size());
        return 0;
    }
    const std::string written = write_json(*forms);
    fuzz::check_utf8(written, "write_json(forms) is UTF-8");
    auto back = read_forms_json(written);
    fuzz::check(back.has_value(), "write_json output reads back");
    fuzz::check(*back == *forms, "forms round-trip through JSON");

    std::vector<evaluation> evaluations;
    for (const auto& f : *forms) evaluations.push_back(evaluate(f, fuzz::default_book()));
    const portfolio p = summarize(evaluations, fuzz::default_book());
    fuzz::check_utf8(io::evaluations_to_json(evaluations, p), "evaluations JSON is UTF-8");
    fuzz::check_utf8(io::html_report(evaluations, p), "HTML report is UTF-8");
    return 0;
}
