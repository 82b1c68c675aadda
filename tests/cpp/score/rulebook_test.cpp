// Rulebooks: the built-ins, loading from JSON and files, validation errors naming the field,
// and the JSON round trip.
#include <jixiao/rulebook.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace jixiao;
using namespace jixiao::literals;

namespace {

const std::filesystem::path rulebook_data = std::filesystem::path(JIXIAO_TEST_DATA_DIR) / "rulebooks";
const std::filesystem::path builtin_data = std::filesystem::path(JIXIAO_SOURCE_DIR) / "data" / "rulebooks";

rulebook builtin(std::string_view name) { return builtin_rulebook(name).value_or_throw(); }

}  // namespace

TEST(rulebook_builtin, lists_every_shipped_file_by_name) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(builtin_data)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path().stem().string());
    }
    std::sort(files.begin(), files.end());
    EXPECT_EQ(builtin_rulebook_names(), files);
    EXPECT_NE(std::find(files.begin(), files.end(), std::string(default_rulebook_name)), files.end());
}

TEST(rulebook_builtin, every_builtin_loads_and_its_id_is_its_name) {
    for (const std::string& name : builtin_rulebook_names()) {
        auto book = builtin_rulebook(name);
        ASSERT_TRUE(book.has_value()) << name << ": " << book.error().describe();
        EXPECT_EQ(book->id, name);
        EXPECT_FALSE(book->title.empty());
        EXPECT_FALSE(book->version.empty());
    }
}

TEST(rulebook_builtin, default_encodes_the_issue_rules) {
    rulebook b = builtin("mof-2020");
    EXPECT_TRUE(b.execution.cap_at_weight);
    EXPECT_EQ(b.execution.default_weight, "10"_dec);
    EXPECT_EQ(b.execution.rate_places, 2);
    EXPECT_EQ(b.quantitative.lower, lower_formula::linear_excess);
    EXPECT_EQ(b.over_achievement.deduction, over_achievement_deduction::off);
    EXPECT_EQ(b.rounding_at.places, 2);
    EXPECT_EQ(b.rounding_at.mode, rounding::half_away_from_zero);
    ASSERT_EQ(b.qualitative.tiers.size(), 3U);
    const qualitative_tier* met = b.tier(qualitative_kind::tier_met);
    ASSERT_NE(met, nullptr);
    EXPECT_EQ(met->lower, "0.8"_dec);
    EXPECT_EQ(met->upper, "1"_dec);
    EXPECT_TRUE(met->upper_inclusive);
    const qualitative_tier* partly = b.tier(qualitative_kind::tier_partly_met);
    ASSERT_NE(partly, nullptr);
    EXPECT_EQ(partly->lower, "0.6"_dec);
    EXPECT_FALSE(partly->upper_inclusive);
    ASSERT_EQ(b.grades.size(), 4U);
    EXPECT_EQ(b.grade_for("90"_dec), b.grades[0].name);
    EXPECT_EQ(b.grade_for("89.99"_dec), b.grades[1].name);
    EXPECT_EQ(b.grade_for("80"_dec), b.grades[1].name);
    EXPECT_EQ(b.grade_for("60"_dec), b.grades[2].name);
    EXPECT_EQ(b.grade_for("59.99"_dec), b.grades[3].name);
    EXPECT_EQ(b.weights.output, "50"_dec);
    EXPECT_EQ(b.weights.effect, "30"_dec);
    EXPECT_EQ(b.weights.satisfaction, "10"_dec);
    EXPECT_EQ(b.weights.execution, "10"_dec);
    EXPECT_EQ(b.weights.cost_counts_as, category::output);
    EXPECT_FALSE(b.not_applicable.drop_and_rescale);
    EXPECT_EQ(b.audit.over_achievement_threshold, "0.30"_dec);
    EXPECT_EQ(b.audit.goal_similarity_threshold, "0.90"_dec);
    EXPECT_EQ(b.audit.score_tolerance, "0"_dec);
    EXPECT_EQ(b.audit.total_weight, "100"_dec);
    EXPECT_EQ(b.audit.indicator_weight, "90"_dec);
    EXPECT_FALSE(b.citations.empty());
    EXPECT_FALSE(b.execution.citation.empty());
    EXPECT_FALSE(b.qualitative.citation.empty());
}

TEST(rulebook_builtin, variants_differ_from_the_default_in_their_one_field) {
    rulebook base = builtin("mof-2020");
    auto same_but = [&](rulebook v) {
        v.id = base.id;
        v.title = base.title;
        v.description = base.description;
        return v;
    };
    rulebook uncapped = builtin("mof-2020-uncapped");
    EXPECT_FALSE(uncapped.execution.cap_at_weight);
    uncapped.execution.cap_at_weight = true;
    EXPECT_EQ(same_but(uncapped), base);

    rulebook ratio = builtin("mof-2020-ratio");
    EXPECT_EQ(ratio.quantitative.lower, lower_formula::ratio);
    ratio.quantitative = base.quantitative;
    EXPECT_EQ(same_but(ratio), base);

    rulebook whole = builtin("mof-2020-whole-points");
    EXPECT_EQ(whole.rounding_at.places, 0);
    whole.rounding_at.places = 2;
    EXPECT_EQ(same_but(whole), base);

    rulebook grades = builtin("mof-2020-grades-80-70-60");
    ASSERT_EQ(grades.grades.size(), 4U);
    EXPECT_EQ(grades.grades[0].min, "80"_dec);
    EXPECT_EQ(grades.grades[1].min, "70"_dec);
    EXPECT_EQ(grades.grades[2].min, "60"_dec);
    grades.grades = base.grades;
    EXPECT_EQ(same_but(grades), base);

    rulebook na = builtin("mof-2020-rescale-na");
    EXPECT_TRUE(na.not_applicable.drop_and_rescale);
    na.not_applicable.drop_and_rescale = false;
    EXPECT_EQ(same_but(na), base);
}

TEST(rulebook_builtin, the_layout_family_rulebooks_change_only_execution_and_guidance) {
    rulebook base = builtin("mof-2020");
    auto same_but = [&](rulebook v) {
        v.id = base.id;
        v.title = base.title;
        v.description = base.description;
        v.execution.citation = base.execution.citation;
        return v;
    };
    // 20/80: execution worth 20 points, indicators 80, level-1 weights set by the unit
    rulebook exec20 = builtin("exec20-80");
    EXPECT_EQ(exec20.execution.default_weight, "20"_dec);
    EXPECT_EQ(exec20.weights.execution, "20"_dec);
    EXPECT_FALSE(exec20.weights.output.has_value());
    EXPECT_FALSE(exec20.weights.effect.has_value());
    EXPECT_FALSE(exec20.weights.satisfaction.has_value());
    EXPECT_EQ(exec20.audit.indicator_weight, "80"_dec);
    EXPECT_TRUE(exec20.execution.cap_at_weight);  // merged from the base, not dropped
    exec20.execution.default_weight = base.execution.default_weight;
    exec20.weights = base.weights;
    exec20.audit.indicator_weight = base.audit.indicator_weight;
    EXPECT_EQ(same_but(exec20), base);

    // Sichuan 10/90: the base's execution, no level-1 guidance
    rulebook sichuan = builtin("sichuan-10-90");
    EXPECT_EQ(sichuan.execution.default_weight, "10"_dec);
    EXPECT_FALSE(sichuan.weights.output.has_value());
    EXPECT_FALSE(sichuan.weights.satisfaction.has_value());
    sichuan.weights = base.weights;
    EXPECT_EQ(same_but(sichuan), base);
}

TEST(rulebook_json, a_null_level1_guidance_is_no_guidance_and_round_trips_as_null) {
    auto r = load_rulebook_json(R"({"extends": "mof-2020", "id": "x", "weights": {"effect": null}})");
    ASSERT_TRUE(r.has_value()) << r.error().describe();
    EXPECT_EQ(r->weights.output, "50"_dec);
    EXPECT_FALSE(r->weights.effect.has_value());
    auto again = load_rulebook_json(to_json(*r));
    ASSERT_TRUE(again.has_value()) << again.error().describe();
    EXPECT_EQ(*again, *r);
}

TEST(rulebook_builtin, unknown_name_is_not_found_and_lists_the_builtins) {
    auto r = builtin_rulebook("mof-2019");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::rulebook_not_found);
    EXPECT_NE(r.error().message.find("mof-2020"), std::string::npos);
    EXPECT_TRUE(builtin_rulebook_source("mof-2019").empty());
}

TEST(rulebook_json, round_trips_every_builtin) {
    for (const std::string& name : builtin_rulebook_names()) {
        rulebook b = builtin(name);
        std::string text = to_json(b);
        auto back = load_rulebook_json(text);
        ASSERT_TRUE(back.has_value()) << name << ": " << back.error().describe();
        EXPECT_EQ(*back, b) << name;
        EXPECT_EQ(text.find("extends"), std::string::npos);
        EXPECT_EQ(to_json(*back), text);
    }
}

TEST(rulebook_json, a_rulebook_built_in_code_round_trips) {
    rulebook b = builtin("mof-2020");
    b.id = "hand-made";
    b.version = "1";
    b.rounding_at = rounding_rule{1, rounding::half_even};
    b.over_achievement.deduction = over_achievement_deduction::fraction_of_weight;
    b.over_achievement.fraction = "0.25"_dec;
    b.weights.missing_satisfaction_to = weight_destination::proportional;
    b.audit.score_tolerance = "0.01"_dec;
    auto back = load_rulebook_json(to_json(b));
    ASSERT_TRUE(back.has_value()) << back.error().describe();
    EXPECT_EQ(*back, b);
}

TEST(rulebook_json, reads_json_fractions_exactly_from_their_text) {
    auto b = load_rulebook_file(rulebook_data / "good-ratio-by-extends.json");
    ASSERT_TRUE(b.has_value()) << b.error().describe();
    EXPECT_EQ(b->audit.over_achievement_threshold, "0.25"_dec);
    EXPECT_EQ(b->audit.over_achievement_threshold.to_string(), "0.25");
    EXPECT_EQ(b->quantitative.lower, lower_formula::ratio);
    EXPECT_EQ(b->id, "my-province-ratio");
    // Everything not overridden comes from the base.
    EXPECT_EQ(b->grades, builtin("mof-2020").grades);
}

TEST(rulebook_json, a_file_copying_the_default_equals_it_but_for_the_id) {
    auto copy = load_rulebook_file(rulebook_data / "good-mof-2020-copy.json");
    ASSERT_TRUE(copy.has_value()) << copy.error().describe();
    EXPECT_EQ(copy->id, "mof-2020-copy");
    rulebook b = builtin("mof-2020");
    copy->id = b.id;
    EXPECT_EQ(*copy, b);
}

struct bad_case {
    const char* file;
    errc code;
    const char* where;  // the end of error.where (the JSON path)
};

TEST(rulebook_json, rejects_broken_files_naming_the_field) {
    const bad_case cases[] = {
        {"bad-unknown-field.json", errc::rulebook_invalid, "$.rounding.mood"},
        {"bad-places.json", errc::rulebook_invalid, "$.rounding.places"},
        {"bad-lower-formula.json", errc::rulebook_invalid, "$.quantitative.lower"},
        {"bad-grades-order.json", errc::rulebook_invalid, "$.grades[1].min"},
        {"bad-tier-bounds.json", errc::rulebook_invalid, "$.qualitative.tiers[1].upper"},
        {"bad-tier-over-one.json", errc::rulebook_invalid, "$.qualitative.tiers[0].upper"},
        {"bad-missing-field.json", errc::rulebook_invalid, "$.rounding"},
        {"bad-syntax.json", errc::json_syntax, "$"},
        {"bad-extends.json", errc::rulebook_not_found, "$.extends"},
        {"bad-decimal.json", errc::rulebook_invalid, "$.audit.score_tolerance"},
        {"bad-type.json", errc::rulebook_invalid, "$.execution.cap_at_weight"},
        {"bad-format-version.json", errc::unsupported_version, "$.format_version"},
        {"bad-id.json", errc::rulebook_invalid, "$.id"},
        {"bad-duplicate-key.json", errc::rulebook_invalid, "$.id"},
        {"bad-negative-weight.json", errc::rulebook_invalid, "$.weights.output"},
    };
    std::size_t seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(rulebook_data)) {
        if (entry.path().filename().string().rfind("bad-", 0) == 0) ++seen;
    }
    EXPECT_EQ(seen, std::size(cases)) << "every bad-*.json file has a row in this table";
    for (const bad_case& c : cases) {
        std::filesystem::path p = rulebook_data / c.file;
        auto r = load_rulebook_file(p);
        ASSERT_FALSE(r.has_value()) << c.file;
        EXPECT_EQ(r.error().code, c.code) << c.file << ": " << r.error().describe();
        std::string where = r.error().where;
        std::string expected = p.string() + ": " + c.where;
        EXPECT_EQ(where, expected) << c.file << ": " << r.error().describe();
        EXPECT_FALSE(r.error().message.empty());
    }
}

TEST(rulebook_json, syntax_errors_carry_the_byte_offset) {
    auto r = load_rulebook_json("{\"id\": \"x\",, }");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::json_syntax);
    EXPECT_EQ(r.error().offset, 11U);
}

TEST(rulebook_json, rejects_non_objects_and_fractions_in_integer_fields) {
    auto a = load_rulebook_json("[1, 2]");
    ASSERT_FALSE(a.has_value());
    EXPECT_EQ(a.error().where, "$");
    auto b = load_rulebook_json(R"({"extends": "mof-2020", "id": "x", "rounding": {"places": 1.5}})");
    ASSERT_FALSE(b.has_value());
    EXPECT_EQ(b.error().where, "$.rounding.places");
    auto c = load_rulebook_json(R"({"extends": 7})");
    ASSERT_FALSE(c.has_value());
    EXPECT_EQ(c.error().where, "$.extends");
}

TEST(rulebook_json, nested_duplicate_keys_are_named) {
    auto r = load_rulebook_json(R"({"extends": "mof-2020", "id": "x", "grades": [{"name": "A", "name": "B"}]})");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().where, "$.grades[0].name");
}

TEST(rulebook_json, null_in_an_override_removes_the_field_and_is_then_missing) {
    auto r = load_rulebook_json(R"({"extends": "mof-2020", "id": "x", "audit": {"total_weight": null}})");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().where, "$.audit.total_weight");
    EXPECT_EQ(r.error().message, "missing required field");
}

TEST(rulebook_file, missing_file_is_an_io_error_naming_the_path) {
    auto r = load_rulebook_file(rulebook_data / "no-such-file.json");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::io_error);
    EXPECT_NE(r.error().where.find("no-such-file.json"), std::string::npos);
}

TEST(rulebook_names, enumerations_have_stable_names) {
    EXPECT_EQ(to_string(lower_formula::linear_excess), "linear_excess");
    EXPECT_EQ(to_string(lower_formula::ratio), "ratio");
    EXPECT_EQ(to_string(over_achievement_deduction::off), "off");
    EXPECT_EQ(to_string(over_achievement_deduction::fraction_of_weight), "fraction_of_weight");
    EXPECT_EQ(to_string(weight_destination::proportional), "proportional");
}
