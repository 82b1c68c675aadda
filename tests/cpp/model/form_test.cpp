// Tests of the form model: reported cells (read_number_cell / read_value_cell) and the
// indicator categories with every spelling of the vocabulary.
#include <jixiao/form.hpp>
#include <jixiao/vocabulary.hpp>

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace {

using jixiao::cell_state;
using jixiao::decimal;
using jixiao::read_number_cell;
using jixiao::read_value_cell;

TEST(form_number_cell, blank_is_missing_and_keeps_its_text) {
    for (std::string_view text : {"", " ", "\t", "\xE3\x80\x80", " \xC2\xA0 "}) {
        auto cell = read_number_cell(text);
        EXPECT_EQ(cell.state, cell_state::missing) << text;
        EXPECT_EQ(cell.text, text);
        EXPECT_FALSE(cell.value.has_value());
        EXPECT_FALSE(cell.problem.has_value());
    }
}

TEST(form_number_cell, dash_slash_and_none_are_not_applicable) {
    for (std::string_view text : {"—", "-", "/", "无", " — ", "——", "－", "／", "不适用"}) {
        auto cell = read_number_cell(text);
        EXPECT_EQ(cell.state, cell_state::not_applicable) << text;
        EXPECT_EQ(cell.text, text);
        EXPECT_FALSE(cell.value.has_value());
        EXPECT_FALSE(cell.problem.has_value());
    }
}

TEST(form_number_cell, zero_is_a_value_not_missing) {
    auto cell = read_number_cell("0");
    ASSERT_EQ(cell.state, cell_state::value);
    EXPECT_TRUE(cell.value->is_zero());
}

TEST(form_number_cell, reads_numbers_with_separators_and_keeps_the_text) {
    auto cell = read_number_cell("1,675,799.58");
    ASSERT_EQ(cell.state, cell_state::value);
    EXPECT_TRUE(cell.value->identical(decimal::from_string("1675799.58")));
    EXPECT_EQ(cell.text, "1,675,799.58");
    EXPECT_FALSE(cell.problem.has_value());

    auto spaced = read_number_cell("  548760.00 ");
    ASSERT_EQ(spaced.state, cell_state::value);
    EXPECT_TRUE(spaced.value->identical(decimal::from_string("548760.00")));
    EXPECT_EQ(spaced.text, "  548760.00 ");
}

TEST(form_number_cell, invalid_text_is_kept_with_its_error_and_offset) {
    auto cell = read_number_cell("12x");
    ASSERT_EQ(cell.state, cell_state::invalid);
    EXPECT_EQ(cell.text, "12x");
    EXPECT_FALSE(cell.value.has_value());
    ASSERT_TRUE(cell.problem.has_value());
    EXPECT_FALSE(cell.problem->message.empty());

    // The offset points into the original text, leading spaces included.
    auto shifted = read_number_cell("  12x");
    ASSERT_EQ(shifted.state, cell_state::invalid);
    EXPECT_EQ(shifted.problem->code, cell.problem->code);
    EXPECT_EQ(shifted.problem->offset, cell.problem->offset + 2);
}

TEST(form_number_cell, percent_cells_strip_the_sign_in_percent_points) {
    auto rate = read_number_cell("100.00%", true);
    ASSERT_EQ(rate.state, cell_state::value);
    EXPECT_TRUE(rate.value->identical(decimal::from_string("100.00")));
    EXPECT_EQ(rate.text, "100.00%");

    auto full_width = read_number_cell("86.18％", true);
    ASSERT_EQ(full_width.state, cell_state::value);
    EXPECT_TRUE(full_width.value->identical(decimal::from_string("86.18")));

    auto bare = read_number_cell("99.5", true);
    ASSERT_EQ(bare.state, cell_state::value);
    EXPECT_TRUE(bare.value->identical(decimal::from_string("99.5")));

    // Outside a percent cell the sign is not a number.
    EXPECT_EQ(read_number_cell("100.00%").state, cell_state::invalid);
    // A lone sign is not a number either.
    EXPECT_EQ(read_number_cell("%", true).state, cell_state::invalid);
}

TEST(form_value_cell, blank_and_marks_are_missing_and_not_applicable) {
    EXPECT_EQ(read_value_cell("").state, cell_state::missing);
    EXPECT_EQ(read_value_cell("  ").state, cell_state::missing);
    EXPECT_EQ(read_value_cell("—").state, cell_state::not_applicable);
    EXPECT_EQ(read_value_cell("/").state, cell_state::not_applicable);
    EXPECT_EQ(read_value_cell("无").state, cell_state::not_applicable);
    EXPECT_EQ(read_value_cell("—").text, "—");
}

TEST(form_value_cell, a_target_keeps_its_text_and_its_parsed_value) {
    auto cell = read_value_cell(">=80%");
    ASSERT_EQ(cell.state, cell_state::value);
    EXPECT_EQ(cell.text, ">=80%");
    ASSERT_TRUE(cell.value.has_value());
    EXPECT_EQ(cell.value->text, ">=80%");
    EXPECT_EQ(cell.value->kind, jixiao::value_kind::quantity);
    EXPECT_EQ(cell.value->op, jixiao::comparator::greater_equal);
    EXPECT_FALSE(cell.problem.has_value());
}

TEST(form_value_cell, a_broken_value_is_invalid_with_the_parser_error) {
    auto parsed = jixiao::parse_value(">=");
    ASSERT_FALSE(parsed.has_value());
    auto cell = read_value_cell(">=");
    ASSERT_EQ(cell.state, cell_state::invalid);
    EXPECT_EQ(cell.text, ">=");
    ASSERT_TRUE(cell.problem.has_value());
    EXPECT_EQ(*cell.problem, parsed.error());
}

// ---- categories ----

std::string with_spaces(std::string_view label) {
    // A space after every character (UTF-8 aware) plus an ideographic space in front.
    std::string out = "\xE3\x80\x80";
    for (std::size_t i = 0; i < label.size(); ++i) {
        out += label[i];
        const bool next_starts_char =
            i + 1 == label.size() || (static_cast<unsigned char>(label[i + 1]) & 0xC0u) != 0x80u;
        if (next_starts_char) out += ' ';
    }
    return out;
}

TEST(form_category, classifies_every_level1_spelling_with_and_without_spaces) {
    for (const auto& entry : jixiao::vocabulary::category_spellings) {
        auto expected = jixiao::category_from_string(entry.id);
        ASSERT_TRUE(expected.has_value()) << entry.id;
        EXPECT_EQ(jixiao::classify_category(entry.spelling), *expected) << entry.spelling;
        EXPECT_EQ(jixiao::classify_category(with_spaces(entry.spelling)), *expected) << entry.spelling;
    }
}

TEST(form_category, classifies_every_level2_spelling_with_and_without_spaces) {
    for (const auto& entry : jixiao::vocabulary::subcategory_spellings) {
        auto expected = jixiao::subcategory_from_string(entry.id);
        ASSERT_TRUE(expected.has_value()) << entry.id;
        EXPECT_EQ(jixiao::classify_subcategory(entry.spelling), *expected) << entry.spelling;
        EXPECT_EQ(jixiao::classify_subcategory(with_spaces(entry.spelling)), *expected) << entry.spelling;
    }
}

TEST(form_category, knows_the_labels_of_the_sample_forms) {
    using jixiao::category;
    using jixiao::subcategory;
    EXPECT_EQ(jixiao::classify_category("产出指标"), category::output);
    EXPECT_EQ(jixiao::classify_category("产出"), category::output);
    EXPECT_EQ(jixiao::classify_category("效益指标"), category::effect);
    EXPECT_EQ(jixiao::classify_category("满意度指标"), category::satisfaction);
    // 成本指标 reads as cost at level 1; the recognizer decides by context.
    EXPECT_EQ(jixiao::classify_category("成本指标"), category::cost);
    EXPECT_EQ(jixiao::classify_subcategory("成本指标"), subcategory::cost);
    EXPECT_EQ(jixiao::classify_subcategory("数量指标"), subcategory::quantity);
    EXPECT_EQ(jixiao::classify_subcategory("质量指标"), subcategory::quality);
    EXPECT_EQ(jixiao::classify_subcategory("时效指标"), subcategory::timeliness);
    EXPECT_EQ(jixiao::classify_subcategory("经济成本指标"), subcategory::economic_cost);
    EXPECT_EQ(jixiao::classify_subcategory("社会成本指标"), subcategory::social_cost);
    EXPECT_EQ(jixiao::classify_subcategory("生态环境成本指标"), subcategory::ecological_cost);
    EXPECT_EQ(jixiao::classify_subcategory("经济效益指标"), subcategory::economic_benefit);
    EXPECT_EQ(jixiao::classify_subcategory("社会效益指标"), subcategory::social_benefit);
    EXPECT_EQ(jixiao::classify_subcategory("生态效益指标"), subcategory::ecological_benefit);
    EXPECT_EQ(jixiao::classify_subcategory("可持续影响指标"), subcategory::sustainability);
    EXPECT_EQ(jixiao::classify_subcategory("服务对象满意度指标"), subcategory::service_satisfaction);
    EXPECT_EQ(jixiao::classify_subcategory("社会 效益 指标"), subcategory::social_benefit);
}

TEST(form_category, unknown_labels_stay_unknown) {
    EXPECT_EQ(jixiao::classify_category(""), jixiao::category::unknown);
    EXPECT_EQ(jixiao::classify_category("绩效指标"), jixiao::category::unknown);
    EXPECT_EQ(jixiao::classify_category("产出指标x"), jixiao::category::unknown);
    EXPECT_EQ(jixiao::classify_subcategory("数量指标指标"), jixiao::subcategory::unknown);
    EXPECT_EQ(jixiao::classify_subcategory("\xFF\xFE"), jixiao::subcategory::unknown);
}

TEST(form_category, ids_and_chinese_names_round_trip) {
    using jixiao::category;
    using jixiao::subcategory;
    for (category c : {category::output, category::cost, category::effect, category::satisfaction}) {
        EXPECT_EQ(jixiao::category_from_string(jixiao::to_string(c)), c);
        EXPECT_FALSE(jixiao::chinese_name(c).empty());
        EXPECT_EQ(jixiao::classify_category(jixiao::chinese_name(c)), c) << jixiao::chinese_name(c);
    }
    EXPECT_EQ(jixiao::to_string(category::unknown), "unknown");
    EXPECT_EQ(jixiao::category_from_string("unknown"), category::unknown);
    EXPECT_FALSE(jixiao::category_from_string("Output").has_value());
    EXPECT_EQ(jixiao::to_string(category::output), "output");
    EXPECT_EQ(jixiao::chinese_name(category::output), "产出指标");

    for (int i = 1; i <= static_cast<int>(subcategory::service_satisfaction); ++i) {
        const auto s = static_cast<subcategory>(i);
        EXPECT_EQ(jixiao::subcategory_from_string(jixiao::to_string(s)), s);
        EXPECT_FALSE(jixiao::chinese_name(s).empty()) << jixiao::to_string(s);
        EXPECT_EQ(jixiao::classify_subcategory(jixiao::chinese_name(s)), s) << jixiao::chinese_name(s);
    }
    EXPECT_EQ(jixiao::to_string(subcategory::social_benefit), "social_benefit");
    EXPECT_EQ(jixiao::chinese_name(subcategory::social_benefit), "社会效益指标");
}

TEST(form_funds, scoring_cells_of_every_row_are_addressable) {
    jixiao::funds f;
    f.weight = read_number_cell("10");
    f.scoring_at(jixiao::funds_row::prior_carryover, jixiao::funds_score_column::weight) = read_number_cell("—");
    EXPECT_EQ(f.scoring_at(jixiao::funds_row::total, jixiao::funds_score_column::weight).text, "10");
    EXPECT_EQ(f.source_scoring[1][0].state, cell_state::not_applicable);
    const jixiao::funds& view = f;
    EXPECT_EQ(view.scoring_at(jixiao::funds_row::prior_carryover, jixiao::funds_score_column::weight).text, "—");
}

}  // namespace
