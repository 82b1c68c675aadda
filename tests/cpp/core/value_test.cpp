// Tests of value expressions: the data table tests/data/values.json (shared with the Python
// tests), round trips, focused parser tests, error offsets and compare_actual.
#include <jixiao/value.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using jixiao::comparator;
using jixiao::outcome;
using jixiao::parse_value;
using jixiao::period_part;
using jixiao::qualitative_kind;
using jixiao::value_expr;
using jixiao::value_kind;
using namespace jixiao::literals;

const nlohmann::json& values() {
    static const nlohmann::json doc = [] {
        std::ifstream in(std::string(JIXIAO_TEST_DATA_DIR) + "/values.json");
        if (!in) return nlohmann::json::object();
        return nlohmann::json::parse(in);
    }();
    return doc;
}

value_expr parse_ok(std::string_view text) {
    auto r = parse_value(text);
    EXPECT_TRUE(r.has_value()) << text << ": " << (r ? "" : r.error().describe());
    return r ? *r : value_expr{};
}

/// Same meaning: everything but the original text.
void expect_same_meaning(const value_expr& a, const value_expr& b, const std::string& context) {
    EXPECT_EQ(a.kind, b.kind) << context;
    EXPECT_EQ(a.op, b.op) << context;
    EXPECT_EQ(a.amount, b.amount) << context;
    EXPECT_EQ(a.upper, b.upper) << context;
    EXPECT_EQ(a.when, b.when) << context;
    EXPECT_EQ(a.quality, b.quality) << context;
    EXPECT_EQ(a.label, b.label) << context;
    EXPECT_EQ(a.subject, b.subject) << context;
}

// ---- the data table -------------------------------------------------------------------------

TEST(value_table, is_a_versioned_table_with_cases) {
    const auto& doc = values();
    ASSERT_TRUE(doc.contains("cases")) << "tests/data/values.json is missing or has no cases";
    EXPECT_EQ(doc["format"], "jixiao-values");
    EXPECT_EQ(doc["version"], 1);
    EXPECT_GE(doc["cases"].size(), 100U);
}

TEST(value_table, every_case_parses_as_expected) {
    for (const auto& c : values()["cases"]) {
        const std::string input = c["input"];
        auto r = parse_value(input);
        if (c.contains("error")) {
            ASSERT_FALSE(r.has_value()) << "expected an error for '" << input << "'";
            EXPECT_EQ(jixiao::to_string(r.error().code), c["error"].get<std::string>()) << input;
            EXPECT_EQ(r.error().offset, c["offset"].get<std::size_t>()) << input << ": " << r.error().message;
            EXPECT_FALSE(r.error().message.empty()) << input;
            continue;
        }
        ASSERT_TRUE(r.has_value()) << input << ": " << r.error().describe();
        const value_expr& v = *r;
        EXPECT_EQ(v.text, input) << "the original text is kept";
        EXPECT_EQ(jixiao::to_string(v.kind), c["kind"].get<std::string>()) << input;
        if (c.contains("comparator")) {
            EXPECT_EQ(jixiao::to_string(v.op), c["comparator"].get<std::string>()) << input;
        }
        if (c.contains("number")) {
            EXPECT_EQ(v.amount.number, jixiao::decimal::from_string(c["number"].get<std::string>())) << input;
        }
        if (c.contains("unit")) {
            EXPECT_EQ(v.amount.in.symbol(), c["unit"].get<std::string>()) << input;
        }
        if (c.contains("unit_key")) {
            EXPECT_EQ(v.amount.in.key(), c["unit_key"].get<std::string>()) << input;
        }
        if (c.contains("upper")) {
            EXPECT_EQ(v.upper.number, jixiao::decimal::from_string(c["upper"].get<std::string>())) << input;
        }
        if (c.contains("upper_unit")) {
            EXPECT_EQ(v.upper.in.symbol(), c["upper_unit"].get<std::string>()) << input;
        }
        if (c.contains("when")) {
            const auto& w = c["when"];
            if (w.contains("year")) {
                EXPECT_EQ(v.when.year, std::optional<int>(w["year"].get<int>())) << input;
            } else {
                EXPECT_FALSE(v.when.year.has_value()) << input;
            }
            if (w.contains("month")) {
                EXPECT_EQ(v.when.month, std::optional<int>(w["month"].get<int>())) << input;
            } else {
                EXPECT_FALSE(v.when.month.has_value()) << input;
            }
            EXPECT_EQ(jixiao::to_string(v.when.part), w["part"].get<std::string>()) << input;
        }
        if (c.contains("quality")) {
            EXPECT_EQ(jixiao::to_string(v.quality), c["quality"].get<std::string>()) << input;
        }
        if (c.contains("label")) {
            EXPECT_EQ(v.label, c["label"].get<std::string>()) << input;
        }
        EXPECT_EQ(v.subject, c.value("subject", std::string())) << input;
        if (c.contains("canonical")) {
            EXPECT_EQ(jixiao::to_string(v), c["canonical"].get<std::string>()) << input;
        }
    }
}

TEST(value_table, every_case_round_trips_through_its_canonical_spelling) {
    std::size_t checked = 0;
    for (const auto& c : values()["cases"]) {
        if (c.contains("error")) continue;
        const std::string input = c["input"];
        auto first = parse_value(input);
        ASSERT_TRUE(first.has_value()) << input;
        const std::string canonical = jixiao::to_string(*first);
        auto second = parse_value(canonical);
        ASSERT_TRUE(second.has_value()) << input << " -> " << canonical << ": " << second.error().describe();
        expect_same_meaning(*first, *second, input + " -> " + canonical);
        EXPECT_EQ(jixiao::to_string(*second), canonical) << "canonical spelling is a fixed point: " << input;
        ++checked;
    }
    EXPECT_GE(checked, 100U);
}

TEST(value_table, compare_actual_gives_the_listed_outcomes) {
    ASSERT_TRUE(values().contains("comparisons"));
    for (const auto& c : values()["comparisons"]) {
        const std::string actual = c["actual"];
        const std::string target = c["target"];
        const value_expr a = parse_ok(actual);
        const value_expr t = parse_ok(target);
        EXPECT_EQ(jixiao::to_string(jixiao::compare_actual(a, t)), c["outcome"].get<std::string>())
            << "actual '" << actual << "' vs target '" << target << "'";
    }
}

/// Every target and actual of the sample forms is a case of the table. The sample is read as
/// tab-separated cells; a cell that reads as a value (anything but a plain number, a short
/// label not in the tables, or prose) must be listed.
TEST(value_table, covers_every_value_of_the_songjiang_sample) {
    std::ifstream in(std::string(JIXIAO_SAMPLES_DIR) + "/songjiang-2023.txt");
    ASSERT_TRUE(in) << "bundled sample not found under " << JIXIAO_SAMPLES_DIR;
    std::set<std::string> listed;
    for (const auto& c : values()["cases"]) listed.insert(c["input"].get<std::string>());
    std::string line;
    std::size_t seen = 0;
    while (std::getline(in, line)) {
        std::stringstream cells(line);
        std::string cell;
        while (std::getline(cells, cell, '\t')) {
            auto r = parse_value(cell);
            if (!r) {
                ADD_FAILURE() << "sample cell does not parse: " << cell;
                continue;
            }
            const bool plain_number = r->kind == value_kind::quantity && r->op == comparator::none &&
                                      r->amount.in.symbol().empty();
            const bool is_value = (r->kind == value_kind::quantity && !plain_number) || r->kind == value_kind::range ||
                                  r->kind == value_kind::time_point ||
                                  (r->kind == value_kind::qualitative && r->quality != qualitative_kind::other);
            if (!is_value) continue;
            ++seen;
            EXPECT_TRUE(listed.count(cell) == 1) << "sample value missing from values.json: '" << cell << "'";
        }
    }
    EXPECT_GE(seen, 150U);
}

// ---- focused parser tests -------------------------------------------------------------------

TEST(value_parse, reads_full_width_comparators) {
    EXPECT_EQ(parse_ok("＝7个").op, comparator::equal);
    EXPECT_EQ(parse_ok("＞＝80%").op, comparator::greater_equal);
    EXPECT_EQ(parse_ok("＜＝700元/人次").op, comparator::less_equal);
    EXPECT_EQ(parse_ok("＞5次").op, comparator::greater);
    EXPECT_EQ(parse_ok("＜10%").op, comparator::less);
}

TEST(value_parse, reads_mathematical_comparators) {
    EXPECT_EQ(parse_ok("≥90%").op, comparator::greater_equal);
    EXPECT_EQ(parse_ok("≧100%").op, comparator::greater_equal);
    EXPECT_EQ(parse_ok("≤30个工作日").op, comparator::less_equal);
    EXPECT_EQ(parse_ok("≦30日").op, comparator::less_equal);
    EXPECT_EQ(parse_ok("═7个").op, comparator::equal);
    EXPECT_EQ(parse_ok("﹦7个").op, comparator::equal);
    EXPECT_EQ(parse_ok("==7个").op, comparator::equal);
}

TEST(value_parse, reads_comparator_words_before_and_after_the_number) {
    const value_expr above = parse_ok("95%以上");
    EXPECT_EQ(above.op, comparator::greater_equal);
    EXPECT_EQ(above.amount.number, "95"_dec);
    EXPECT_EQ(parse_ok("不低于90%").op, comparator::greater_equal);
    EXPECT_EQ(parse_ok("不超过5万元").op, comparator::less_equal);
    EXPECT_EQ(parse_ok("30日以内").op, comparator::less_equal);
    EXPECT_EQ(parse_ok("约3.5万元").op, comparator::approximately);
    EXPECT_EQ(parse_ok("100人左右").op, comparator::approximately);
    EXPECT_EQ(parse_ok("接近0").op, comparator::approximately);
}

TEST(value_parse, keeps_the_words_before_a_value_as_its_subject) {
    const value_expr v = parse_ok("满意率达95%以上");
    EXPECT_EQ(v.kind, value_kind::quantity);
    EXPECT_EQ(v.subject, "满意率达");
    EXPECT_EQ(v.op, comparator::greater_equal);
    EXPECT_EQ(v.amount.in.symbol(), "%");
}

TEST(value_parse, reads_numbers_through_decimal) {
    const value_expr v = parse_ok("=３．５０万元");
    EXPECT_EQ(v.amount.number.to_string(), "3.50");
    EXPECT_EQ(parse_ok("1,675,799.58元").amount.number, "1675799.58"_dec);
    EXPECT_EQ(parse_ok(">=-5%").amount.number, "-5"_dec);
}

TEST(value_parse, tolerates_stray_spaces_in_composite_units) {
    EXPECT_EQ(parse_ok("<=2000元/ 次").amount.in.symbol(), "元/次");
    EXPECT_EQ(parse_ok("<=700元/人 次").amount.in.symbol(), "元/人次");
    EXPECT_EQ(parse_ok("<=700元/人 次").amount.in.key(), "money/count:人次");
}

TEST(value_parse, keeps_unknown_units_verbatim) {
    const value_expr v = parse_ok("3匹");
    EXPECT_EQ(v.kind, value_kind::quantity);
    EXPECT_TRUE(v.amount.in.is_opaque());
    EXPECT_EQ(v.amount.in.symbol(), "匹");
}

TEST(value_parse, reads_ranges) {
    const value_expr months = parse_ok("9-11月");
    EXPECT_EQ(months.kind, value_kind::range);
    EXPECT_EQ(months.amount.number, "9"_dec);
    EXPECT_EQ(months.upper.number, "11"_dec);
    EXPECT_EQ(months.amount.in.symbol(), "月") << "the lower end takes the unit of the upper end";
    const value_expr percents = parse_ok("80%~90%");
    EXPECT_EQ(percents.kind, value_kind::range);
    EXPECT_EQ(percents.upper.in.symbol(), "%");
    EXPECT_EQ(parse_ok("1-2个").upper.in.key(), "count:个");
}

TEST(value_parse, reads_time_points) {
    const value_expr end_of_november = parse_ok("11月底");
    EXPECT_EQ(end_of_november.kind, value_kind::time_point);
    EXPECT_EQ(end_of_november.when.month, 11);
    EXPECT_EQ(end_of_november.when.part, period_part::end);
    const value_expr early_december = parse_ok("=12月上旬");
    EXPECT_EQ(early_december.op, comparator::equal);
    EXPECT_EQ(early_december.when.part, period_part::early);
    const value_expr year = parse_ok("2020年全年");
    EXPECT_EQ(year.when.year, 2020);
    EXPECT_FALSE(year.when.month.has_value());
    EXPECT_EQ(year.when.part, period_part::whole);
    EXPECT_EQ(parse_ok("年底前").when.part, period_part::before_end);
    EXPECT_EQ(parse_ok("12月底前").when.part, period_part::before_end);
}

TEST(value_parse, reads_a_month_count_without_a_part_as_a_duration) {
    const value_expr v = parse_ok("=12月");
    EXPECT_EQ(v.kind, value_kind::quantity);
    EXPECT_EQ(v.amount.in.key(), "time:month");
}

TEST(value_parse, reads_the_three_tiers_and_direction_words) {
    EXPECT_EQ(parse_ok("达成年度指标").quality, qualitative_kind::tier_met);
    EXPECT_EQ(parse_ok("部分达成年度指标并具有一定效果").quality, qualitative_kind::tier_partly_met);
    EXPECT_EQ(parse_ok("未达成年度指标且效果较差").quality, qualitative_kind::tier_not_met);
    for (std::string_view word : {"及时", "提升", "有所提升", "逐步提升", "提高", "降低", "逐步规范", "健全", "有效",
                                  "完整", "公平公正", "好", "是", "达到预期", "达成预期指标"}) {
        const value_expr v = parse_ok(word);
        EXPECT_EQ(v.kind, value_kind::qualitative) << word;
        EXPECT_EQ(v.quality, qualitative_kind::positive) << word;
        EXPECT_EQ(v.label, word);
    }
    EXPECT_EQ(parse_ok("不及时").quality, qualitative_kind::negative);
}

TEST(value_parse, tells_missing_from_not_applicable) {
    EXPECT_EQ(parse_ok("").kind, value_kind::empty);
    EXPECT_EQ(parse_ok(" \t　").kind, value_kind::empty);
    for (std::string_view mark : {"—", "/", "无", "不适用"}) {
        EXPECT_EQ(parse_ok(mark).kind, value_kind::not_applicable) << mark;
    }
}

TEST(value_parse, keeps_sentences_as_text) {
    const std::string sentence = "维持松江区金财工程管理系统正常运行无故障。";
    const value_expr v = parse_ok(sentence);
    EXPECT_EQ(v.kind, value_kind::text);
    EXPECT_EQ(v.label, sentence);
    EXPECT_EQ(v.text, sentence);
    EXPECT_EQ(parse_ok("<p>建立全新的平台</p>").kind, value_kind::text);
    EXPECT_EQ(parse_ok("100%完成").kind, value_kind::text);
}

TEST(value_parse, keeps_the_original_text_exactly) {
    const std::string original = "  ≥90%  ";
    const value_expr v = parse_ok(original);
    EXPECT_EQ(v.text, original);
    EXPECT_EQ(jixiao::to_string(v), ">=90%");
}

TEST(value_parse, reports_broken_values_with_byte_offsets) {
    struct bad {
        std::string_view text;
        jixiao::errc code;
        std::size_t offset;
    };
    for (const bad& b : {bad{">=", jixiao::errc::invalid_value, 2}, bad{">=%", jixiao::errc::invalid_value, 2},
                         bad{">=1.2.3%", jixiao::errc::invalid_value, 5}, bad{"9-", jixiao::errc::invalid_range, 2},
                         bad{"≥", jixiao::errc::invalid_value, 3}}) {
        auto r = parse_value(b.text);
        ASSERT_FALSE(r.has_value()) << b.text;
        EXPECT_EQ(r.error().code, b.code) << b.text;
        EXPECT_EQ(r.error().offset, b.offset) << b.text;
    }
}

TEST(value_parse, reports_invalid_utf8) {
    auto r = parse_value(std::string_view(">=9\xff%", 5));
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, jixiao::errc::invalid_utf8);
    EXPECT_EQ(r.error().offset, 3U);
}

TEST(value_parse, never_throws_and_stays_bounded_on_long_or_odd_input) {
    const std::vector<std::string> odd = {
        std::string(100000, '9') + "%",
        std::string(20000, '-'),
        ">=" + std::string(50000, '1') + "元",
        std::string(3000, '<'),
        "约约约约约约约约约约约约约约约约约约约约约约约1",
        "1e999999",
        "9-11-12月",
        "年年年年年底",
    };
    for (const auto& text : odd) {
        EXPECT_NO_THROW({ (void)parse_value(text); }) << text.substr(0, 40);
    }
}

TEST(value_format, writes_canonical_spellings) {
    EXPECT_EQ(jixiao::to_string(parse_ok("≥80%")), ">=80%");
    EXPECT_EQ(jixiao::to_string(parse_ok("不超过700元/人 次")), "<=700元/人次");
    EXPECT_EQ(jixiao::to_string(parse_ok("9-11月")), "9-11月");
    EXPECT_EQ(jixiao::to_string(parse_ok("11月底")), "11月底");
    EXPECT_EQ(jixiao::to_string(parse_ok("=12月上旬")), "=12月上旬");
    EXPECT_EQ(jixiao::to_string(parse_ok("及时")), "及时");
    EXPECT_EQ(jixiao::to_string(comparator::approximately), "~");
    EXPECT_EQ(jixiao::to_string(comparator::none), "");
}

// ---- compare_actual -------------------------------------------------------------------------

outcome check(std::string_view actual, std::string_view target) {
    return jixiao::compare_actual(parse_ok(actual), parse_ok(target));
}

TEST(value_compare, compares_quantities_exactly_across_scales) {
    EXPECT_EQ(check("3.50万元", "=35000元"), outcome::met);
    EXPECT_EQ(check("34999.99元", "=3.50万元"), outcome::not_met);
    EXPECT_EQ(check("98%", ">=100%"), outcome::not_met);
    EXPECT_EQ(check("20人次", "<=20人次"), outcome::met);
    EXPECT_EQ(check("20.01人次", "<=20人次"), outcome::not_met);
    EXPECT_EQ(check("5次", ">5次"), outcome::not_met);
    EXPECT_EQ(check("4次", "<5次"), outcome::met);
}

TEST(value_compare, says_not_comparable_for_different_dimensions) {
    EXPECT_EQ(check("20次", "<=20人次"), outcome::not_comparable);
    EXPECT_EQ(check("90%", ">=90"), outcome::not_comparable);
    EXPECT_EQ(check("3万元", ">=90%"), outcome::not_comparable);
    EXPECT_EQ(check("提升", ">=90%"), outcome::not_comparable);
    EXPECT_EQ(check("完成了全部工作，效果良好", "及时"), outcome::not_comparable);
}

TEST(value_compare, does_not_take_a_restated_comparator_for_a_measurement) {
    EXPECT_EQ(check("<=16", "<=16"), outcome::not_comparable);
    EXPECT_EQ(check(">=90%", ">=90"), outcome::not_comparable);
    EXPECT_EQ(check("≤30个工作日", "≤30个工作日"), outcome::not_comparable);
    EXPECT_EQ(check("=7个", "=7个"), outcome::met) << "= in an actual states the value";
}

TEST(value_compare, matches_qualitative_labels) {
    EXPECT_EQ(check("及时", "及时"), outcome::met);
    EXPECT_EQ(check("不及时", "及时"), outcome::not_met);
    EXPECT_EQ(check("达成年度指标", "有效"), outcome::met);
    EXPECT_EQ(check("部分达成年度指标并具有一定效果", "有效"), outcome::not_met);
}

TEST(value_compare, treats_date_targets_as_deadlines) {
    EXPECT_EQ(check("11月底", "=11月底"), outcome::met);
    EXPECT_EQ(check("11月中旬", "=11月底"), outcome::met);
    EXPECT_EQ(check("12月上旬", "=11月底"), outcome::not_met);
    EXPECT_EQ(check("2023年11月底", "11月底"), outcome::met) << "a year on one side only is ignored";
    EXPECT_EQ(check("2024年1月上旬", "2023年12月底"), outcome::not_met);
}

TEST(value_compare, checks_ranges_inclusively) {
    EXPECT_EQ(check("9月", "9-11月"), outcome::met);
    EXPECT_EQ(check("11月", "9-11月"), outcome::met);
    EXPECT_EQ(check("8月", "9-11月"), outcome::not_met);
    EXPECT_EQ(check("80%", "80%-90%"), outcome::met);
    EXPECT_EQ(check("9-10月", "9-11月"), outcome::met);
}

TEST(value_compare, has_stable_outcome_names) {
    EXPECT_EQ(jixiao::to_string(outcome::met), "met");
    EXPECT_EQ(jixiao::to_string(outcome::not_met), "not_met");
    EXPECT_EQ(jixiao::to_string(outcome::not_comparable), "not_comparable");
}

}  // namespace

/// Found by fuzz_value: subject `健全` glued to the canonical `年初` reads `全年` first. The
/// canonical spelling separates such a subject with a blank, so it reads back the same.
TEST(value_to_string, keeps_a_subject_apart_when_glued_text_would_read_differently) {
    for (std::string_view text : {"健全上半年", "健全 年初", "满意率达95%以上", "完成11月底"}) {
        const value_expr v = parse_ok(text);
        const std::string spelled = to_string(v);
        const value_expr again = parse_ok(spelled);
        EXPECT_EQ(again.kind, v.kind) << text << " -> " << spelled;
        EXPECT_EQ(again.subject, v.subject) << text << " -> " << spelled;
        EXPECT_EQ(again.when, v.when) << text << " -> " << spelled;
        EXPECT_EQ(again.amount, v.amount) << text << " -> " << spelled;
    }
    EXPECT_EQ(to_string(parse_ok("健全上半年")), "健全 年初");
}
