// Differential test of jixiao::decimal against Python's decimal module (CPython's libmpdec).
// The cases are generated at build time by tests/decimal_oracle.py (fixed seed); see the
// format description at the top of that script.
#include <jixiao/decimal.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using jixiao::decimal;

struct outcome {
    std::size_t cases = 0;
    std::size_t failures = 0;
    std::vector<std::string> first_failures;
};

decimal read(const std::string& text) {
    auto r = decimal::parse(text);
    if (!r) throw std::runtime_error("operand does not parse: " + text + ": " + r.error().describe());
    return *r;
}

/// Runs one case; returns jixiao's answer in the oracle's notation.
std::string run(const std::string& op, const std::string& mode_name, const std::string& arg,
                const std::string& a, const std::string& b) {
    auto mode = jixiao::rounding_from_string(mode_name).value_or(jixiao::rounding::half_away_from_zero);
    if (op == "add") return (read(a) + read(b)).to_string();
    if (op == "sub") return (read(a) - read(b)).to_string();
    if (op == "mul") return (read(a) * read(b)).to_string();
    if (op == "cmp") {
        auto c = read(a) <=> read(b);
        return c < 0 ? "-1" : (c > 0 ? "1" : "0");
    }
    if (op == "parse") return read(a).to_string();
    if (op == "quantize") return read(a).round(std::stoi(arg), mode).to_string();
    if (op == "roundsig") return read(a).round_significant(std::stoi(arg), mode).to_string();
    if (op == "div") return jixiao::divide(read(a), read(b), std::stoi(arg), mode).value_or_throw().to_string();
    if (op == "divsig") {
        return jixiao::divide_significant(read(a), read(b), std::stoi(arg), mode).value_or_throw().to_string();
    }
    throw std::runtime_error("unknown op " + op);
}

}  // namespace

TEST(decimal_differential, agrees_with_python_decimal_on_every_generated_case) {
#ifndef JIXIAO_DECIMAL_ORACLE_FILE
    GTEST_SKIP() << "built without the generated oracle cases (no /usr/bin/python3 at configure time)";
#else
    std::ifstream in(JIXIAO_DECIMAL_ORACLE_FILE);
    ASSERT_TRUE(in) << "cannot open " << JIXIAO_DECIMAL_ORACLE_FILE;
    std::map<std::string, outcome> by_op;
    std::size_t total = 0;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string op, mode, arg, a, b, expected;
        fields >> op >> mode >> arg >> a >> b >> expected;
        ASSERT_FALSE(expected.empty()) << "malformed case line: " << line;
        auto& o = by_op[op];
        ++o.cases;
        ++total;
        std::string got;
        try {
            got = run(op, mode, arg, a, b);
        } catch (const std::exception& e) {
            got = std::string("exception: ") + e.what();
        }
        if (got != expected) {
            ++o.failures;
            if (o.first_failures.size() < 10) {
                o.first_failures.push_back(line + "  => jixiao: " + got);
            }
        }
    }
    EXPECT_GE(total, 100000U) << "the oracle file should hold at least 100,000 cases";
    for (const char* op : {"add", "sub", "mul", "cmp", "parse", "quantize", "roundsig", "div", "divsig"}) {
        EXPECT_GT(by_op[op].cases, 0U) << "no cases for " << op;
    }
    for (const auto& [op, o] : by_op) {
        std::string shown;
        for (const auto& f : o.first_failures) shown += "\n  " + f;
        EXPECT_EQ(o.failures, 0U) << op << ": " << o.failures << " of " << o.cases << " cases disagree" << shown;
    }
    std::cout << "[ decimal  ] " << total << " oracle cases checked\n";
#endif
}
