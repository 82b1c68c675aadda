// libFuzzer target: decimal::parse on arbitrary bytes. Invariants: never crashes; a parsed
// value prints as text that parses back to the same value with the same scale (docs/decimal.md)
// when that text is within max_parse_digits; beyond it (an exponent can take a 10,000-digit
// parse to ~20,000 digits: `1e10000`) reading the text back is a clear too_many_digits error.
#include "fuzz_support.hpp"

#include <jixiao/decimal.hpp>

#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace jixiao;
    auto text = fuzz::as_text(data, size);
    auto parsed = decimal::parse(text);
    if (!parsed) {
        fuzz::check_error(parsed.error(), text.size());
        return 0;
    }
    const std::string printed = parsed->to_string();
    fuzz::check_utf8(printed, "decimal::to_string is UTF-8");
    auto again = decimal::parse(printed);
    const auto digits = static_cast<std::size_t>(std::count_if(printed.begin(), printed.end(),
                                                               [](char c) { return c >= '0' && c <= '9'; }));
    if (digits > static_cast<std::size_t>(decimal::max_parse_digits)) {
        fuzz::check(!again && again.error().code == errc::too_many_digits, "over-long to_string is refused clearly");
        return 0;
    }
    fuzz::check(again.has_value(), "decimal::to_string parses back");
    fuzz::check(*again == *parsed, "decimal round trip keeps the value");
    fuzz::check(again->to_string() == printed, "decimal round trip keeps the spelling");
    return 0;
}
