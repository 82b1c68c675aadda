// Tests of units: the table, composite units, exact comparison and conversion.
#include <jixiao/form.hpp>
#include <jixiao/json.hpp>
#include <jixiao/unit.hpp>
#include <jixiao/value.hpp>
#include <jixiao/vocabulary.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <compare>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

using jixiao::decimal;
using jixiao::dimension;
using jixiao::find_unit;
using jixiao::quantity;
using jixiao::unit;
using namespace jixiao::literals;

unit must_find(std::string_view spelling) {
    auto u = find_unit(spelling);
    EXPECT_TRUE(u.has_value()) << "not in the unit table: " << spelling;
    return u.value_or(unit());
}

quantity q(std::string_view number, std::string_view spelling) {
    return quantity{decimal::from_string(number), must_find(spelling)};
}

/// A quantity as a value string (`3.50万元`) read by the value parser.
quantity read_quantity(const std::string& text) {
    auto v = jixiao::parse_value(text);
    EXPECT_TRUE(v.has_value()) << text;
    if (!v) return {};
    EXPECT_EQ(v->kind, jixiao::value_kind::quantity) << text;
    return v->amount;
}

nlohmann::json load_values() {
    std::ifstream in(std::string(JIXIAO_TEST_DATA_DIR) + "/values.json");
    EXPECT_TRUE(in.good()) << "cannot open tests/data/values.json";
    return nlohmann::json::parse(in);
}

TEST(unit_table, money_units_share_one_dimension_with_exact_scales) {
    EXPECT_EQ(must_find("元").key(), "money");
    EXPECT_EQ(must_find("万元").key(), "money");
    EXPECT_EQ(must_find("亿元").key(), "money");
    EXPECT_EQ(must_find("元").scale(), "1"_dec);
    EXPECT_EQ(must_find("万元").scale(), "10000"_dec);
    EXPECT_EQ(must_find("亿元").scale(), "100000000"_dec);
    EXPECT_EQ(must_find("万元").dim(), dimension::money);
}

TEST(unit_table, percent_spellings_are_dimensionless_hundredths) {
    for (std::string_view spelling : {"%", "％", "百分比"}) {
        const unit u = must_find(spelling);
        EXPECT_EQ(u.symbol(), "%") << spelling;
        EXPECT_EQ(u.scale(), "0.01"_dec) << spelling;
        EXPECT_TRUE(u.is_dimensionless()) << spelling;
        EXPECT_EQ(u.key(), "percent") << spelling;
    }
    EXPECT_EQ(must_find("‰").scale(), "0.001"_dec);
    EXPECT_TRUE(jixiao::commensurable(must_find("‰"), must_find("%")));
}

TEST(unit_table, a_plain_number_is_not_commensurable_with_a_percent) {
    EXPECT_FALSE(jixiao::commensurable(unit(), must_find("%")));
    EXPECT_FALSE(jixiao::compare(quantity{"90"_dec, unit()}, q("90", "%")).has_value());
}

TEST(unit_table, every_counted_thing_is_its_own_dimension) {
    EXPECT_EQ(must_find("人次").key(), "count:人次");
    EXPECT_EQ(must_find("次").key(), "count:次");
    EXPECT_EQ(must_find("人").key(), "count:人");
    EXPECT_FALSE(jixiao::commensurable(must_find("人次"), must_find("次")));
    EXPECT_FALSE(jixiao::commensurable(must_find("个"), must_find("家")));
    for (std::string_view thing : {"个", "家", "份", "户", "块", "项", "所", "场次", "辆", "台", "套", "篇", "期", "批",
                                   "册", "本", "张", "件", "台次", "课时", "学时", "间", "座", "处", "条", "名", "位",
                                   "株"}) {
        const unit u = must_find(thing);
        EXPECT_EQ(u.dim(), dimension::count) << thing;
        EXPECT_EQ(u.key(), "count:" + std::string(thing));
        EXPECT_EQ(u.scale(), "1"_dec) << thing;
    }
}

TEST(unit_table, time_units_convert_only_where_exact) {
    EXPECT_TRUE(jixiao::commensurable(must_find("日"), must_find("天")));
    EXPECT_EQ(must_find("日").scale(), must_find("天").scale());
    EXPECT_EQ(must_find("周").scale(), "7"_dec * must_find("日").scale());
    EXPECT_EQ(must_find("日").scale(), "24"_dec * must_find("小时").scale());
    EXPECT_EQ(must_find("小时").scale(), "60"_dec * must_find("分钟").scale());
    EXPECT_EQ(must_find("年").scale(), "12"_dec * must_find("月").scale());
    EXPECT_FALSE(jixiao::commensurable(must_find("工作日"), must_find("日")));
    EXPECT_FALSE(jixiao::commensurable(must_find("月"), must_find("日")));
    EXPECT_EQ(must_find("月").dim(), dimension::time);
    EXPECT_EQ(must_find("工作日").dim(), dimension::time);
}

TEST(unit_table, physical_units_have_their_own_dimensions) {
    EXPECT_EQ(must_find("公里").scale(), "1000"_dec * must_find("米").scale());
    EXPECT_TRUE(jixiao::commensurable(must_find("千米"), must_find("公里")));
    EXPECT_EQ(must_find("吨").key(), "mass");
    EXPECT_EQ(must_find("平方米").key(), "area");
    EXPECT_FALSE(jixiao::commensurable(must_find("亩"), must_find("平方米")));
    EXPECT_EQ(must_find("米").dim(), dimension::physical);
}

TEST(unit_table, every_canonical_symbol_finds_the_same_unit) {
    for (const auto& entry : jixiao::vocabulary::unit_spellings) {
        const unit by_spelling = must_find(entry.spelling);
        const unit by_symbol = must_find(entry.symbol);
        EXPECT_EQ(by_spelling, by_symbol) << entry.spelling << " -> " << entry.symbol;
        EXPECT_EQ(by_symbol.symbol(), entry.symbol);
    }
}

TEST(unit_table, unknown_spellings_are_not_found) {
    EXPECT_FALSE(find_unit("匹").has_value());
    EXPECT_FALSE(find_unit("").has_value());
    EXPECT_FALSE(find_unit("元/匹").has_value());
}

TEST(unit_composite, key_and_scale_come_from_both_parts) {
    const unit per_visit = must_find("元/人次");
    EXPECT_EQ(per_visit.key(), "money/count:人次");
    EXPECT_EQ(per_visit.symbol(), "元/人次");
    EXPECT_EQ(per_visit.scale(), "1"_dec);
    EXPECT_EQ(per_visit.dim(), dimension::money);
    const unit per_item = must_find("万元/个");
    EXPECT_EQ(per_item.key(), "money/count:个");
    EXPECT_EQ(per_item.scale(), "10000"_dec);
    EXPECT_EQ(must_find("元/户").key(), "money/count:户");
    EXPECT_EQ(must_find("元/次").key(), "money/count:次");
    EXPECT_EQ(must_find("元/人").key(), "money/count:人");
}

TEST(unit_composite, stray_spaces_are_tolerated) {
    EXPECT_EQ(must_find("元/ 次"), must_find("元/次"));
    EXPECT_EQ(must_find("元/人 次"), must_find("元/人次"));
    EXPECT_EQ(must_find(" 万 元 "), must_find("万元"));
    EXPECT_EQ(must_find("元／户"), must_find("元/户"));
}

TEST(unit_composite, a_denominator_without_a_finite_scale_is_not_converted) {
    // 元/周 would be 1/10080 元 per minute: not a finite decimal, so 周 stays in the key.
    const unit per_week = must_find("元/周");
    EXPECT_EQ(per_week.key(), "money/周");
    EXPECT_EQ(per_week.scale(), "1"_dec);
    EXPECT_EQ(must_find("万元/周").scale(), "10000"_dec);
    EXPECT_TRUE(jixiao::commensurable(per_week, must_find("万元/周")));
    EXPECT_FALSE(jixiao::commensurable(per_week, must_find("元/日")));
}

TEST(unit_composite, an_opaque_part_makes_the_whole_opaque) {
    const unit u = jixiao::per(must_find("元"), unit::opaque("匹"));
    EXPECT_TRUE(u.is_opaque());
    EXPECT_EQ(u.symbol(), "元/匹");
}

TEST(unit_opaque, compares_only_with_the_same_spelling) {
    const quantity a{"3"_dec, unit::opaque("匹")};
    const quantity b{"4"_dec, unit::opaque("匹")};
    const quantity c{"3"_dec, unit::opaque("条船")};
    ASSERT_TRUE(jixiao::compare(a, b).has_value());
    EXPECT_EQ(*jixiao::compare(a, b), std::strong_ordering::less);
    EXPECT_FALSE(jixiao::compare(a, c).has_value());
    EXPECT_FALSE(jixiao::compare(a, q("3", "个")).has_value());
    EXPECT_EQ(a.in.dim(), dimension::opaque);
}

TEST(unit_compare, is_exact_across_scales_of_one_dimension) {
    ASSERT_TRUE(jixiao::compare(q("3.50", "万元"), q("35000", "元")).has_value());
    EXPECT_EQ(*jixiao::compare(q("3.50", "万元"), q("35000", "元")), std::strong_ordering::equal);
    EXPECT_EQ(*jixiao::compare(q("3.50", "万元"), q("35000.01", "元")), std::strong_ordering::less);
    EXPECT_EQ(*jixiao::compare(q("1", "亿元"), q("9999.9999", "万元")), std::strong_ordering::greater);
    EXPECT_EQ(*jixiao::compare(q("98", "%"), q("980", "‰")), std::strong_ordering::equal);
    EXPECT_EQ(*jixiao::compare(q("2", "周"), q("14", "天")), std::strong_ordering::equal);
    EXPECT_FALSE(jixiao::compare(q("20", "人次"), q("20", "次")).has_value());
    EXPECT_FALSE(jixiao::compare(q("1", "万元"), q("1", "%")).has_value());
}

TEST(unit_compare, quantity_equality_is_per_unit_not_across_scales) {
    EXPECT_EQ(q("3.50", "万元"), q("3.5", "万元"));
    EXPECT_NE(q("3.50", "万元"), q("35000", "元"));
    EXPECT_EQ(q("3.50", "万元").in_base(), "35000"_dec);
    EXPECT_EQ(q("3.50", "万元").to_string(), "3.50万元");
}

TEST(unit_convert, converts_the_table_of_values_json) {
    const auto doc = load_values();
    ASSERT_TRUE(doc.contains("conversions"));
    for (const auto& c : doc["conversions"]) {
        const std::string from = c["quantity"];
        const std::string to = c["to"];
        const quantity source = read_quantity(from);
        auto converted = jixiao::convert(source, must_find(to));
        ASSERT_TRUE(converted.has_value()) << from << " -> " << to << ": " << converted.error().describe();
        EXPECT_EQ(converted->number, decimal::from_string(c["number"].get<std::string>())) << from << " -> " << to;
        EXPECT_EQ(converted->in.symbol(), must_find(to).symbol());
        EXPECT_EQ(*jixiao::compare(*converted, source), std::strong_ordering::equal) << from;
    }
}

TEST(unit_convert, refuses_other_dimensions_and_inexact_results) {
    const auto doc = load_values();
    ASSERT_TRUE(doc.contains("conversion_errors"));
    for (const auto& c : doc["conversion_errors"]) {
        const std::string from = c["quantity"];
        const std::string to = c["to"];
        auto converted = jixiao::convert(read_quantity(from), must_find(to));
        ASSERT_FALSE(converted.has_value()) << from << " -> " << to;
        EXPECT_EQ(jixiao::to_string(converted.error().code), c["error"].get<std::string>()) << from << " -> " << to;
        EXPECT_FALSE(converted.error().message.empty());
    }
}

TEST(unit_convert, keeps_the_value_exact) {
    auto r = jixiao::convert(q("1675799.58", "元"), must_find("万元"));
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->number.to_string(), "167.579958");
}

TEST(unit_dimension, has_stable_names) {
    EXPECT_EQ(jixiao::to_string(dimension::money), "money");
    EXPECT_EQ(jixiao::to_string(dimension::count), "count");
    EXPECT_EQ(jixiao::to_string(dimension::time), "time");
    EXPECT_EQ(jixiao::to_string(dimension::dimensionless), "dimensionless");
    EXPECT_EQ(jixiao::to_string(dimension::opaque), "opaque");
    EXPECT_EQ(jixiao::to_string(dimension::physical), "physical");
}

TEST(unit_default, is_a_plain_number) {
    const unit plain;
    EXPECT_TRUE(plain.is_dimensionless());
    EXPECT_EQ(plain.scale(), "1"_dec);
    EXPECT_TRUE(plain.symbol().empty());
    EXPECT_TRUE(plain.key().empty());
}

// A unit is one pointer to a shared definition: the table's units are shared and never
// counted, any other is counted and freed with its last copy.
TEST(unit_definition, is_one_pointer) {
    EXPECT_EQ(sizeof(unit), sizeof(void*));
    EXPECT_EQ(sizeof(quantity), sizeof(decimal) + sizeof(void*));
}

TEST(unit_definition, is_shared_by_every_lookup_of_a_table_unit) {
    const unit a = must_find("万元");
    const unit b = must_find("万 元");
    EXPECT_TRUE(same_definition(a, b));
    EXPECT_TRUE(same_definition(read_quantity("3.50万元").in, a));
    EXPECT_FALSE(same_definition(a, must_find("元")));
    EXPECT_FALSE(a == must_find("元"));
}

TEST(unit_definition, of_a_built_unit_equal_to_a_table_unit_is_the_table_s) {
    const unit table = must_find("万元");
    const unit built(table.dim(), table.key(), table.scale(), table.symbol());
    EXPECT_TRUE(same_definition(built, table));
    // The same symbol with another scale is another unit, equal only to itself and its copies.
    const unit other(table.dim(), table.key(), "20000"_dec, table.symbol());
    EXPECT_FALSE(same_definition(other, table));
    EXPECT_FALSE(other == table);
    const unit copy = other;
    EXPECT_TRUE(same_definition(copy, other));
    EXPECT_EQ(copy.scale(), "20000"_dec);
    // Equal definitions built twice are equal units without sharing.
    const unit again(table.dim(), table.key(), "20000"_dec, table.symbol());
    EXPECT_FALSE(same_definition(again, other));
    EXPECT_EQ(again, other);
    EXPECT_TRUE(same_definition(unit(dimension::dimensionless, "", "1"_dec, ""), unit()));
    // A spelling of the table whose canonical symbol differs keeps its own symbol.
    const unit percent = must_find("％");
    ASSERT_EQ(percent.symbol(), "%");
    const unit wide(percent.dim(), percent.key(), percent.scale(), "％");
    EXPECT_EQ(wide.symbol(), "％");
    EXPECT_FALSE(same_definition(wide, percent));
    EXPECT_FALSE(wide == percent);
}

TEST(unit_definition, of_a_table_unit_read_back_from_json_is_the_table_s) {
    jixiao::form f;
    jixiao::indicator ind;
    ind.target = jixiao::read_value_cell("≥3.50万元");
    ind.actual = jixiao::read_value_cell("36000元");
    f.indicators.push_back(ind);
    auto back = jixiao::read_form_json(jixiao::write_json(f));
    ASSERT_TRUE(back.has_value()) << back.error().describe();
    ASSERT_EQ(back->indicators.size(), 1U);
    EXPECT_EQ(*back, f);
    EXPECT_TRUE(same_definition(back->indicators[0].target.value->amount.in, must_find("万元")));
    EXPECT_TRUE(same_definition(back->indicators[0].actual.value->amount.in, must_find("元")));
}

TEST(unit_definition, outlives_the_unit_it_was_built_with) {
    std::vector<unit> kept;
    {
        const unit opaque = unit::opaque("篇章");
        const unit composite = jixiao::per(must_find("元"), must_find("人次"));
        kept.push_back(opaque);
        kept.push_back(composite);
        unit moved = opaque;
        kept.push_back(std::move(moved));
        EXPECT_TRUE(moved == unit());  // NOLINT(bugprone-use-after-move): a moved-from unit is the plain number
    }
    EXPECT_EQ(kept[0].key(), "opaque:篇章");
    EXPECT_EQ(kept[1].key(), "money/count:人次");
    EXPECT_EQ(kept[1].symbol(), "元/人次");
    EXPECT_TRUE(same_definition(kept[0], kept[2]));
    kept[0] = kept[1];  // the opaque definition is still held by kept[2]
    EXPECT_TRUE(same_definition(kept[0], kept[1]));
    EXPECT_EQ(kept[2].symbol(), "篇章");
    kept[2] = std::move(kept[1]);
    EXPECT_EQ(kept[2].key(), "money/count:人次");
    const unit& itself = kept[0];
    kept[0] = itself;  // self-assignment keeps the definition
    EXPECT_EQ(kept[0].key(), "money/count:人次");
}

TEST(unit_definition, is_counted_safely_across_threads) {
    const unit shared = unit::opaque("公里数");
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&shared] {
            for (int i = 0; i < 20000; ++i) {
                unit copy = shared;
                unit other = copy;
                copy = unit();
                if (other.key() != "opaque:公里数") std::abort();
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(shared.key(), "opaque:公里数");
    EXPECT_EQ(unit(shared).symbol(), "公里数");
}

}  // namespace
