// libFuzzer target: load_rulebook_json. Invariants: never crashes; a loaded rulebook writes
// back (to_json) to JSON that loads to an equal rulebook; scoring and auditing a real form
// (tests/data/forms/songjiang-2023-1.json) under the fuzzed rulebook does not crash.
#include "fuzz_support.hpp"

#include <jixiao/json.hpp>
#include <jixiao/portfolio.hpp>
#include <jixiao/rulebook.hpp>

#include <fstream>
#include <optional>
#include <sstream>

namespace {
/// The form scored under every rulebook that loads (none if the file is missing).
const std::optional<jixiao::form>& sample_form() {
    static const std::optional<jixiao::form> f = [] () -> std::optional<jixiao::form> {
        std::ifstream in(JIXIAO_FUZZ_SAMPLE_FORM, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        auto r = jixiao::read_form_json(s.str());
        if (!r) return std::nullopt;
        return *r;
    }();
    return f;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace jixiao;
    auto text = fuzz::as_text(data, size);
    auto book = load_rulebook_json(text);
    if (!book) {
        fuzz::check_error(book.error(), text.size());
        return 0;
    }
    const std::string written = to_json(*book);
    fuzz::check_utf8(written, "to_json(rulebook) is UTF-8");
    auto back = load_rulebook_json(written);
    fuzz::check(back.has_value(), "to_json(rulebook) loads back");
    fuzz::check(*back == *book, "rulebook round-trips through JSON");
    if (sample_form()) {
        const evaluation e = evaluate(*sample_form(), *book);
        std::vector<evaluation> one{e};
        (void)summarize(one, *book);
    }
    return 0;
}
