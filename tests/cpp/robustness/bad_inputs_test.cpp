// The bad-input corpus tests/data/bad/: every case of manifest.json is read by its entry point
// and must give exactly the expected outcome (an errc name, or "ok"). The same manifest drives
// tests/python/test_bad_inputs.py. Outcomes come from the documented errors (docs/decimal.md,
// docs/values.md, docs/readers.md, docs/json-format.md, docs/rulebooks.md, docs/robustness.md).
#include <jixiao/decimal.hpp>
#include <jixiao/detail/utf8.hpp>
#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>
#include <jixiao/json.hpp>
#include <jixiao/rulebook.hpp>
#include <jixiao/value.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace jixiao;

namespace {

const std::filesystem::path bad_dir = std::filesystem::path(JIXIAO_TEST_DATA_DIR) / "bad";

std::string read_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// What an entry point made of a text: "ok" or the errc name, plus the error for messages.
struct outcome_of {
    std::string name;
    std::optional<jixiao::error> failure;
};

template <class T>
outcome_of outcome(const result<T>& r) {
    if (r) return {"ok", std::nullopt};
    return {std::string(to_string(r.error().code)), r.error()};
}

outcome_of run_entry(const std::string& entry, std::string_view bytes) {
    if (entry == "decimal") return outcome(decimal::parse(bytes));
    if (entry == "value") return outcome(parse_value(bytes));
    if (entry == "import") return outcome(io::import_text(bytes));
    if (entry == "json") return outcome(read_forms_json(bytes));
    if (entry == "rulebook") return outcome(load_rulebook_json(bytes));
    if (entry.starts_with("grid:")) {
        auto format = io::grid_format_from_string(std::string_view(entry).substr(5));
        if (!format) return {"unknown entry " + entry, std::nullopt};
        auto g = io::read_grid(bytes, *format);
        if (g) {
            // Whatever the input, what a reader returns is UTF-8.
            for (const auto& r : g->rows)
                for (const auto& c : r.cells)
                    if (!detail::utf8::is_valid(c.text)) return {"cell that is not UTF-8", std::nullopt};
        }
        return outcome(g);
    }
    return {"unknown entry " + entry, std::nullopt};
}

nlohmann::json manifest() {
    return nlohmann::json::parse(read_bytes(bad_dir / "manifest.json"));
}

}  // namespace

TEST(bad_inputs, manifest_lists_existing_files_and_known_outcomes) {
    const auto m = manifest();
    ASSERT_EQ(m.at("format"), "jixiao.bad-inputs");
    ASSERT_GE(m.at("cases").size(), 40u);
    for (const auto& c : m.at("cases")) {
        EXPECT_TRUE(std::filesystem::exists(bad_dir / c.at("file").get<std::string>())) << c.at("file");
        const auto expect = c.at("expect").get<std::string>();
        bool known = expect == "ok";
        for (int code = 0; code < 600 && !known; ++code) known = to_string(static_cast<errc>(code)) == expect;
        EXPECT_TRUE(known) << c.at("file") << ": unknown outcome " << expect;
    }
}

TEST(bad_inputs, every_case_gives_its_documented_outcome) {
    const auto m = manifest();
    for (const auto& c : m.at("cases")) {
        const auto file = c.at("file").get<std::string>();
        const auto entry = c.at("entry").get<std::string>();
        const auto expect = c.at("expect").get<std::string>();
        const std::string bytes = read_bytes(bad_dir / file);
        const auto got = run_entry(entry, bytes);
        EXPECT_EQ(got.name, expect) << file << " (" << entry << ": " << c.at("why").get<std::string>() << ")"
                                    << (got.failure ? " -> " + got.failure->describe() : std::string());
        if (got.failure) {
            // Every error explains itself and points into the input (offsets in converted text
            // may exceed the input only by the UTF-8 growth of a conversion).
            EXPECT_FALSE(got.failure->message.empty()) << file;
            // Messages may quote the input: they must still be UTF-8 (Python, JSON output).
            EXPECT_TRUE(detail::utf8::is_valid(got.failure->message)) << file;
            EXPECT_TRUE(detail::utf8::is_valid(got.failure->where)) << file;
            EXPECT_LE(got.failure->offset, bytes.size() * 2 + 1) << file;
        }
    }
}

TEST(bad_inputs, invalid_utf8_errors_carry_the_offset_of_the_first_bad_byte) {
    auto v = parse_value(">=80\xff%");
    ASSERT_FALSE(v);
    EXPECT_EQ(v.error().code, errc::invalid_utf8);
    EXPECT_EQ(v.error().offset, 4u);

    auto g = io::read_grid(std::string_view("a,b\nc,\0d\n", 9), io::grid_format::csv);
    ASSERT_FALSE(g);
    EXPECT_EQ(g.error().code, errc::invalid_utf8);
    EXPECT_EQ(g.error().offset, 6u);
}
