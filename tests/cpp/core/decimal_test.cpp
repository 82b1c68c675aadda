// Unit tests of jixiao::decimal: one test per rule of the type (see docs/decimal.md).
#include <jixiao/decimal.hpp>

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <type_traits>
#include <unordered_set>

namespace {

using jixiao::decimal;
using jixiao::errc;
using jixiao::rounding;
using namespace jixiao::literals;

constexpr rounding all_modes[] = {rounding::half_away_from_zero, rounding::half_even, rounding::half_down,
                                  rounding::up,      rounding::down,      rounding::ceiling,
                                  rounding::floor};

std::string round_str(const char* text, int places, rounding mode) {
    return decimal::from_string(text).round(places, mode).to_string();
}

void expect_parse_error(std::string_view text, errc code, std::size_t offset) {
    auto r = decimal::parse(text);
    ASSERT_FALSE(r.has_value()) << "'" << text << "' parsed as " << r->to_string();
    EXPECT_EQ(r.error().code, code) << "'" << text << "': " << r.error().describe();
    EXPECT_EQ(r.error().offset, offset) << "'" << text << "': " << r.error().describe();
    EXPECT_FALSE(r.error().message.empty());
}

}  // namespace

// ---- construction ----------------------------------------------------------------------------

TEST(decimal_construct, default_is_zero_with_scale_zero) {
    decimal d;
    EXPECT_TRUE(d.is_zero());
    EXPECT_EQ(d.scale(), 0);
    EXPECT_EQ(d.to_string(), "0");
}

TEST(decimal_construct, takes_integers_of_every_width) {
    EXPECT_EQ(decimal(-7).to_string(), "-7");
    EXPECT_EQ(decimal(static_cast<unsigned char>(200)).to_string(), "200");
    EXPECT_EQ(decimal(std::numeric_limits<std::int64_t>::min()).to_string(), "-9223372036854775808");
    EXPECT_EQ(decimal(std::numeric_limits<std::uint64_t>::max()).to_string(), "18446744073709551615");
    EXPECT_EQ(decimal(42U).scale(), 0);
}

TEST(decimal_construct, refuses_binary_floating_point_and_bool) {
    static_assert(!std::is_constructible_v<decimal, double>);
    static_assert(!std::is_constructible_v<decimal, float>);
    static_assert(!std::is_constructible_v<decimal, long double>);
    static_assert(!std::is_constructible_v<decimal, bool>);
    static_assert(!std::is_constructible_v<decimal, char>);
    static_assert(std::is_constructible_v<decimal, signed char>);
    static_assert(!std::is_convertible_v<int, decimal>, "the integer constructor is explicit");
    SUCCEED();
}

TEST(decimal_construct, from_parts_folds_negative_scales_into_the_coefficient) {
    EXPECT_EQ(decimal::from_parts(12345, 2).to_string(), "123.45");
    auto d = decimal::from_parts(15, -3);
    EXPECT_EQ(d.to_string(), "15000");
    EXPECT_EQ(d.scale(), 0);
    EXPECT_EQ(d.coefficient(), decimal::integer(15000));
}

// ---- parsing ------------------------------------------------------------------------------------

TEST(decimal_parse, reads_real_world_spellings) {
    struct row {
        const char* text;
        const char* plain;
        int scale;
    };
    const row rows[] = {
        {"524,760", "524760", 0},           {"7,439,315.3", "7439315.3", 1}, {"1,675,799.58", "1675799.58", 2},
        {"-7", "-7", 0},                    {"+3", "3", 0},                  {".5", "0.5", 1},
        {"5.", "5", 0},                     {"3.50", "3.50", 2},             {"0", "0", 0},
        {"007", "7", 0},                    {"0.000", "0.000", 3},           {"-0.5", "-0.5", 1},
        {"  12.5\t", "12.5", 1},            {"1e5", "100000", 0},            {"1E-3", "0.001", 3},
        {"2.5e+2", "250", 0},               {"1.25e1", "12.5", 1},           {"123,456,789.012", "123456789.012", 3},
    };
    for (const auto& r : rows) {
        auto d = decimal::parse(r.text);
        ASSERT_TRUE(d.has_value()) << r.text << ": " << d.error().describe();
        EXPECT_EQ(d->to_string(), r.plain) << r.text;
        EXPECT_EQ(d->scale(), r.scale) << r.text;
    }
}

TEST(decimal_parse, reads_full_width_digits_and_punctuation) {
    EXPECT_EQ(decimal::from_string("１２３．４５").to_string(), "123.45");
    EXPECT_EQ(decimal::from_string("１，２３４，５６７").to_string(), "1234567");
    EXPECT_EQ(decimal::from_string("－５").to_string(), "-5");
    EXPECT_EQ(decimal::from_string("＋５").to_string(), "5");
    EXPECT_EQ(decimal::from_string("1，234.5").to_string(), "1234.5");
    EXPECT_EQ(decimal::from_string("\u2212" "3").to_string(), "-3");  // U+2212 minus sign
}

TEST(decimal_parse, ignores_surrounding_ascii_and_ideographic_blanks) {
    EXPECT_EQ(decimal::from_string("\u3000１２\u3000").to_string(), "12");
    EXPECT_EQ(decimal::from_string(" \t\r\n-3.0 \n").to_string(), "-3.0");
    EXPECT_EQ(decimal::from_string("\u00a05").to_string(), "5");
}

TEST(decimal_parse, normalises_negative_zero_to_zero) {
    auto d = decimal::from_string("-0.00");
    EXPECT_EQ(d.to_string(), "0.00");
    EXPECT_EQ(d.sign(), 0);
    EXPECT_FALSE(d.is_negative());
    EXPECT_EQ((-decimal::from_string("0.0")).to_string(), "0.0");
}

TEST(decimal_parse, reports_each_error_with_its_code_and_byte_offset) {
    expect_parse_error("1.2.3", errc::multiple_points, 3);
    expect_parse_error("12a", errc::invalid_character, 2);
    expect_parse_error("--5", errc::misplaced_sign, 1);
    expect_parse_error("5-", errc::misplaced_sign, 1);
    expect_parse_error("", errc::empty_number, 0);
    expect_parse_error("   ", errc::empty_number, 0);
    expect_parse_error("-", errc::empty_number, 1);
    expect_parse_error(".", errc::empty_number, 0);
    expect_parse_error("1,2", errc::misplaced_separator, 1);
    expect_parse_error("1234,567", errc::misplaced_separator, 4);
    expect_parse_error(",5", errc::misplaced_separator, 0);
    expect_parse_error("1,234,56", errc::misplaced_separator, 5);
    expect_parse_error("1.234,5", errc::misplaced_separator, 5);
    expect_parse_error("1e999999999", errc::exponent_out_of_range, 1);
    expect_parse_error("1e", errc::empty_number, 2);
    expect_parse_error("1e5.5", errc::invalid_character, 3);
    expect_parse_error("1 2", errc::invalid_character, 2);
    expect_parse_error("12%", errc::invalid_character, 2);
    expect_parse_error("１２ａ", errc::invalid_character, 6);  // byte offset, not character index
    expect_parse_error("\xff", errc::invalid_character, 0);
    expect_parse_error("5\xe3\x80", errc::invalid_character, 1);  // truncated UTF-8
}

TEST(decimal_parse, bounds_digits_and_exponent) {
    std::string many(static_cast<std::size_t>(decimal::max_parse_digits), '7');
    EXPECT_TRUE(decimal::parse(many).has_value());
    expect_parse_error(many + "7", errc::too_many_digits, many.size());
    EXPECT_TRUE(decimal::parse("1e" + std::to_string(decimal::max_exponent)).has_value());
    EXPECT_TRUE(decimal::parse("1e-" + std::to_string(decimal::max_exponent)).has_value());
    expect_parse_error("1e" + std::to_string(decimal::max_exponent + 1), errc::exponent_out_of_range, 1);
    expect_parse_error("1e-" + std::to_string(decimal::max_exponent + 1), errc::exponent_out_of_range, 1);
}

TEST(decimal_parse, from_string_and_literal_throw_on_bad_text) {
    EXPECT_THROW((void)decimal::from_string("1.2.3"), jixiao::exception);
    EXPECT_THROW((void)operator""_dec("abc", 3), jixiao::exception);
    EXPECT_EQ("1.50"_dec .scale(), 2);
}

TEST(decimal_parse, to_string_round_trips_value_and_scale) {
    for (const char* text : {"0", "0.00", "-7", "1675799.58", "0.000001", "-123456789012345678901234567890.12345",
                             "9223372036854775807", "-9223372036854775808", "0.5", "100"}) {
        auto d = decimal::from_string(text);
        auto back = decimal::from_string(d.to_string());
        EXPECT_TRUE(back.identical(d)) << text;
        EXPECT_EQ(d.to_string(), text);
    }
}

// ---- arithmetic --------------------------------------------------------------------------------

TEST(decimal_arithmetic, adds_and_subtracts_exactly_keeping_the_larger_scale) {
    EXPECT_EQ(("0.1"_dec + "0.2"_dec).to_string(), "0.3");
    EXPECT_EQ(("1.50"_dec + "2"_dec).to_string(), "3.50");
    EXPECT_EQ(("7439315.30"_dec - "0.8618"_dec).to_string(), "7439314.4382");
    EXPECT_EQ(("1"_dec - "1.00"_dec).to_string(), "0.00");
    decimal d = "1"_dec;
    d += "0.25"_dec;
    d -= "0.5"_dec;
    EXPECT_EQ(d.to_string(), "0.75");
}

TEST(decimal_arithmetic, multiplies_exactly_summing_the_scales) {
    EXPECT_EQ(("1.5"_dec * "1.5"_dec).to_string(), "2.25");
    EXPECT_EQ(("7439315.30"_dec * "0.8618"_dec).to_string(), "6411201.925540");
    EXPECT_EQ(("-2.0"_dec * "3"_dec).to_string(), "-6.0");
    decimal d = "3"_dec;
    d *= "0.10"_dec;
    EXPECT_EQ(d.to_string(), "0.30");
}

TEST(decimal_arithmetic, crosses_the_machine_integer_limit_without_overflow) {
    auto max = decimal(std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ((max + decimal(1)).to_string(), "9223372036854775808");
    EXPECT_EQ((max * max).to_string(), "85070591730234615847396907784232501249");
    EXPECT_EQ((max * max - max * max).to_string(), "0");
    EXPECT_EQ((-max - decimal(2)).to_string(), "-9223372036854775809");
    auto huge = decimal::from_string("1e400");
    EXPECT_EQ((huge * huge).to_string().size(), 801U);
    EXPECT_EQ(((huge + "0.5"_dec) - huge).to_string(), "0.5");
}

TEST(decimal_arithmetic, negation_and_abs_keep_the_scale) {
    EXPECT_EQ((-"1.50"_dec).to_string(), "-1.50");
    EXPECT_EQ((+"1.50"_dec).to_string(), "1.50");
    EXPECT_EQ("-2.30"_dec .abs().to_string(), "2.30");
    EXPECT_EQ(decimal::from_string("-1e30").abs().to_string(), "1000000000000000000000000000000");
}

// ---- comparison and hashing ---------------------------------------------------------------------

TEST(decimal_compare, equality_is_by_value_across_scales) {
    EXPECT_EQ("1.50"_dec, "1.5"_dec);
    EXPECT_EQ("0.000"_dec, "0"_dec);
    EXPECT_NE("1.51"_dec, "1.5"_dec);
    EXPECT_FALSE("1.50"_dec .identical("1.5"_dec));
    EXPECT_TRUE("1.50"_dec .identical("1.50"_dec));
    EXPECT_EQ(decimal::from_string("1e30"), decimal::from_string("1000000000000000000000000000000.000"));
}

TEST(decimal_compare, orders_values_across_scales_and_signs) {
    EXPECT_LT("-2.5"_dec, "-2.4999"_dec);
    EXPECT_LT("0.8618"_dec, "0.862"_dec);
    EXPECT_GT("10"_dec, "9.99999999999999999999999"_dec);
    EXPECT_LT("-1e30"_dec, "-1"_dec);
    EXPECT_EQ("2.0"_dec <=> "2"_dec, std::strong_ordering::equal);
}

TEST(decimal_hash, equal_values_hash_equal) {
    EXPECT_EQ("1.5"_dec .hash(), "1.50"_dec .hash());
    EXPECT_EQ("0"_dec .hash(), "-0.000"_dec .hash());
    EXPECT_EQ(decimal::from_string("1e30").hash(), decimal::from_string("1000000000000000000000000000000.0").hash());
    std::unordered_set<decimal> set{"1.5"_dec, "1.50"_dec, "1.500"_dec, "2"_dec};
    EXPECT_EQ(set.size(), 2U);
    EXPECT_NE("1.5"_dec .hash(), "15"_dec .hash());
}

// ---- rounding -------------------------------------------------------------------------------------

TEST(decimal_round, half_away_from_zero_rounds_ties_away_including_negative_ties) {
    EXPECT_EQ(round_str("2.5", 0, rounding::half_away_from_zero), "3");
    EXPECT_EQ(round_str("-2.5", 0, rounding::half_away_from_zero), "-3");
    EXPECT_EQ(round_str("0.125", 2, rounding::half_away_from_zero), "0.13");
    EXPECT_EQ(round_str("-0.125", 2, rounding::half_away_from_zero), "-0.13");
    EXPECT_EQ(round_str("2.4999", 0, rounding::half_away_from_zero), "2");
}

TEST(decimal_round, every_mode_on_the_classic_table) {
    // value:               5.5  2.5  1.6  1.1  1.0  -1.0 -1.1 -1.6 -2.5 -5.5
    struct row {
        rounding mode;
        const char* expected[10];
    };
    const char* values[10] = {"5.5", "2.5", "1.6", "1.1", "1.0", "-1.0", "-1.1", "-1.6", "-2.5", "-5.5"};
    const row rows[] = {
        {rounding::half_away_from_zero, {"6", "3", "2", "1", "1", "-1", "-1", "-2", "-3", "-6"}},
        {rounding::half_even, {"6", "2", "2", "1", "1", "-1", "-1", "-2", "-2", "-6"}},
        {rounding::half_down, {"5", "2", "2", "1", "1", "-1", "-1", "-2", "-2", "-5"}},
        {rounding::up, {"6", "3", "2", "2", "1", "-1", "-2", "-2", "-3", "-6"}},
        {rounding::down, {"5", "2", "1", "1", "1", "-1", "-1", "-1", "-2", "-5"}},
        {rounding::ceiling, {"6", "3", "2", "2", "1", "-1", "-1", "-1", "-2", "-5"}},
        {rounding::floor, {"5", "2", "1", "1", "1", "-1", "-2", "-2", "-3", "-6"}},
    };
    for (const auto& r : rows) {
        for (int i = 0; i < 10; ++i) {
            EXPECT_EQ(round_str(values[i], 0, r.mode), r.expected[i])
                << values[i] << " under " << jixiao::to_string(r.mode);
        }
    }
}

TEST(decimal_round, quantize_pads_zeros_to_the_requested_places) {
    auto d = "1.5"_dec .round(3, rounding::half_even);
    EXPECT_EQ(d.to_string(), "1.500");
    EXPECT_EQ(d.scale(), 3);
    EXPECT_EQ("7"_dec .round(2, rounding::down).to_string(), "7.00");
}

TEST(decimal_round, negative_places_round_to_tens_and_hundreds) {
    EXPECT_EQ(round_str("1675799.58", -2, rounding::half_away_from_zero), "1675800");
    EXPECT_EQ(round_str("-1250", -2, rounding::half_even), "-1200");
    EXPECT_EQ(round_str("49.99", -2, rounding::half_away_from_zero), "0");
    EXPECT_EQ(round_str("0.001", -3, rounding::up), "1000");
    EXPECT_EQ("49.99"_dec .round(-2, rounding::down).scale(), 0);
}

TEST(decimal_round, carries_into_new_digits) {
    EXPECT_EQ(round_str("999.995", 2, rounding::half_away_from_zero), "1000.00");
    EXPECT_EQ(round_str("-9.5", 0, rounding::half_away_from_zero), "-10");
}

TEST(decimal_round, rounding_far_beyond_the_digits_gives_zero_or_one_unit) {
    EXPECT_EQ(round_str("0.0000000000000000000000000001", 2, rounding::half_away_from_zero), "0.00");
    EXPECT_EQ(round_str("0.0000000000000000000000000001", 2, rounding::ceiling), "0.01");
    EXPECT_EQ(round_str("-0.0000000000000000000000000001", 2, rounding::ceiling), "0.00");
    EXPECT_EQ(round_str("-0.0000000000000000000000000001", 2, rounding::floor), "-0.01");
    EXPECT_EQ(round_str("5", -30, rounding::up), "1000000000000000000000000000000");
}

TEST(decimal_round, significant_digits_pad_and_carry) {
    EXPECT_EQ("0.8618"_dec .round_significant(3, rounding::half_away_from_zero).to_string(), "0.862");
    EXPECT_EQ("7439315.30"_dec .round_significant(3, rounding::half_away_from_zero).to_string(), "7440000");
    EXPECT_EQ("1.5"_dec .round_significant(3, rounding::half_even).to_string(), "1.50");
    EXPECT_EQ("9.996"_dec .round_significant(3, rounding::half_away_from_zero).to_string(), "10.0");
    EXPECT_EQ("-0.0002545"_dec .round_significant(3, rounding::half_even).to_string(), "-0.000254");
    EXPECT_EQ("0"_dec .round_significant(3, rounding::half_even).to_string(), "0.00");
}

TEST(decimal_round, normalized_strips_trailing_zeros) {
    EXPECT_EQ("1.50"_dec .normalized().to_string(), "1.5");
    EXPECT_EQ("2.000"_dec .normalized().to_string(), "2");
    EXPECT_EQ("100"_dec .normalized().to_string(), "100");
    EXPECT_EQ("0.000"_dec .normalized().to_string(), "0");
    EXPECT_EQ(decimal::from_string("1.0000000000000000000000000000000000").normalized().to_string(), "1");
}

TEST(decimal_round, rounding_mode_names_round_trip) {
    for (auto mode : all_modes) {
        EXPECT_EQ(jixiao::rounding_from_string(jixiao::to_string(mode)), mode);
    }
    EXPECT_EQ(jixiao::to_string(rounding::half_away_from_zero), "half_away_from_zero");
    EXPECT_FALSE(jixiao::rounding_from_string("half_up").has_value());
}

// ---- division -------------------------------------------------------------------------------------

TEST(decimal_divide, divides_to_places_with_the_given_mode) {
    auto d = jixiao::divide("7439315.30"_dec, "0.8618"_dec, 2, rounding::half_away_from_zero);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->to_string(), "8632299.03");
    EXPECT_EQ(jixiao::divide("1"_dec, "3"_dec, 4, rounding::down)->to_string(), "0.3333");
    EXPECT_EQ(jixiao::divide("2"_dec, "3"_dec, 4, rounding::half_even)->to_string(), "0.6667");
    EXPECT_EQ(jixiao::divide("-1"_dec, "8"_dec, 2, rounding::half_away_from_zero)->to_string(), "-0.13");
    EXPECT_EQ(jixiao::divide("-1"_dec, "8"_dec, 2, rounding::half_even)->to_string(), "-0.12");
    EXPECT_EQ(jixiao::divide("1"_dec, "-8"_dec, 2, rounding::floor)->to_string(), "-0.13");
    EXPECT_EQ(jixiao::divide("10"_dec, "4"_dec, 0, rounding::half_down)->to_string(), "2");
    EXPECT_EQ(jixiao::divide("12345"_dec, "1"_dec, -2, rounding::half_away_from_zero)->to_string(), "12300");
    EXPECT_EQ(jixiao::divide("1"_dec, "4"_dec, 5, rounding::up)->to_string(), "0.25000");
}

TEST(decimal_divide, executes_budget_rate_as_percent) {
    auto rate = jixiao::divide("1675799.58"_dec, "1944500"_dec, 6, rounding::half_away_from_zero);
    ASSERT_TRUE(rate);
    EXPECT_EQ(rate->to_string(), "0.861815");
    EXPECT_EQ(rate->format({2, rounding::half_away_from_zero, false, true}), "86.18%");
}

TEST(decimal_divide, divides_huge_values_exactly) {
    auto a = decimal::from_string("123456789012345678901234567890");
    auto b = decimal::from_string("0.000000000000000000007");
    EXPECT_EQ(jixiao::divide(a, b, 3, rounding::half_even)->to_string(),
              "17636684144620811271604938270000000000000000000000.000");
    EXPECT_EQ(jixiao::divide(decimal(1), a, 40, rounding::half_away_from_zero)->to_string(),
              "0.0000000000000000000000000000081000000729");
}

TEST(decimal_divide, divides_to_significant_digits) {
    EXPECT_EQ(jixiao::divide_significant("2"_dec, "3"_dec, 3, rounding::half_even)->to_string(), "0.667");
    EXPECT_EQ(jixiao::divide_significant("20000"_dec, "3"_dec, 2, rounding::half_even)->to_string(), "6700");
    EXPECT_EQ(jixiao::divide_significant("1"_dec, "4"_dec, 3, rounding::down)->to_string(), "0.250");
    EXPECT_EQ(jixiao::divide_significant("9.996"_dec, "1"_dec, 3, rounding::half_away_from_zero)->to_string(),
              "10.0");
    EXPECT_EQ(jixiao::divide_significant("-1"_dec, "7"_dec, 4, rounding::floor)->to_string(), "-0.1429");
    EXPECT_EQ(jixiao::divide_significant("0"_dec, "7"_dec, 4, rounding::floor)->to_string(), "0.000");
}

TEST(decimal_divide, reports_division_by_zero) {
    for (auto mode : all_modes) {
        auto r = jixiao::divide("1"_dec, "0.00"_dec, 2, mode);
        ASSERT_FALSE(r.has_value());
        EXPECT_EQ(r.error().code, errc::division_by_zero);
    }
    auto s = jixiao::divide_significant("1"_dec, "0"_dec, 3, rounding::half_even);
    ASSERT_FALSE(s.has_value());
    EXPECT_EQ(s.error().code, errc::division_by_zero);
}

// ---- text -------------------------------------------------------------------------------------------

TEST(decimal_format, plain_text_keeps_the_scale) {
    EXPECT_EQ("1675799.58"_dec .to_string(), "1675799.58");
    EXPECT_EQ("0.00"_dec .to_string(), "0.00");
    EXPECT_EQ("-0.05"_dec .to_string(), "-0.05");
    std::ostringstream os;
    os << "-7"_dec;
    EXPECT_EQ(os.str(), "-7");
}

TEST(decimal_format, fixed_places_thousands_and_percent) {
    using jixiao::format_spec;
    EXPECT_EQ("1675799.58"_dec .format({std::nullopt, rounding::half_away_from_zero, true, false}), "1,675,799.58");
    EXPECT_EQ("-1675799.585"_dec .format({2, rounding::half_away_from_zero, true, false}), "-1,675,799.59");
    EXPECT_EQ("524760"_dec .format({std::nullopt, rounding::half_away_from_zero, true, false}), "524,760");
    EXPECT_EQ("999"_dec .format({std::nullopt, rounding::half_away_from_zero, true, false}), "999");
    EXPECT_EQ("0.8618304"_dec .format({2, rounding::half_away_from_zero, false, true}), "86.18%");
    EXPECT_EQ("1"_dec .format({1, rounding::half_away_from_zero, false, true}), "100.0%");
    EXPECT_EQ("12.345"_dec .format({1, rounding::half_even, false, false}), "12.3");
    EXPECT_EQ("12.3"_dec .format(format_spec{}), "12.3");
    EXPECT_EQ("12345.6"_dec .format({std::nullopt, rounding::half_away_from_zero, true, true}), "1,234,560%");
}

TEST(decimal_format, thousands_output_parses_back_to_the_same_value_and_scale) {
    for (const char* text : {"1675799.58", "-1234567", "0.001", "999", "1000"}) {
        auto d = decimal::from_string(text);
        auto grouped = d.format({std::nullopt, rounding::half_away_from_zero, true, false});
        EXPECT_TRUE(decimal::from_string(grouped).identical(d)) << grouped;
    }
}

// ---- accessors --------------------------------------------------------------------------------------

TEST(decimal_access, sign_integer_and_int64_queries) {
    EXPECT_EQ("-0.01"_dec .sign(), -1);
    EXPECT_EQ("0.00"_dec .sign(), 0);
    EXPECT_TRUE("3.00"_dec .is_integer());
    EXPECT_FALSE("3.01"_dec .is_integer());
    EXPECT_EQ("3.00"_dec .to_int64(), 3);
    EXPECT_EQ("-9223372036854775807"_dec .to_int64(), -9223372036854775807LL);
    EXPECT_EQ("9223372036854775808"_dec .to_int64(), std::nullopt);
    EXPECT_EQ("3.5"_dec .to_int64(), std::nullopt);
    EXPECT_EQ("1e30"_dec .is_integer(), true);
    EXPECT_EQ(decimal::from_string("1.5e-30").is_integer(), false);
}

TEST(decimal_access, times_power_of_ten_moves_the_point) {
    EXPECT_EQ("3.50"_dec .times_power_of_ten(4).to_string(), "35000");   // 万元 -> 元
    EXPECT_EQ("35000"_dec .times_power_of_ten(-4).to_string(), "3.5000");
    EXPECT_EQ("0.8618"_dec .times_power_of_ten(2).to_string(), "86.18");
}

TEST(decimal_access, coefficient_and_scale_describe_the_value) {
    auto d = "-123.4500"_dec;
    EXPECT_EQ(d.coefficient(), decimal::integer(-1234500));
    EXPECT_EQ(d.scale(), 4);
    EXPECT_TRUE(decimal::from_parts(d.coefficient(), d.scale()).identical(d));
}

// ---- robustness -------------------------------------------------------------------------------------

TEST(decimal_parse, random_text_never_crashes_and_accepted_text_round_trips) {
    // Deterministic pseudo-random strings over the characters that matter to the grammar.
    const std::string_view alphabet[] = {"0", "1", "5", "9", ".", ",", "-", "+", "e", "E", " ", "a",
                                         "１", "．", "，", "－", "\u3000", "\xff", "\xef", "%"};
    std::uint64_t state = 0x2023'1127'0000'0001ULL;
    auto next = [&state]() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    int accepted = 0;
    for (int n = 0; n < 20000; ++n) {
        std::string text;
        auto length = next() % 12;
        for (std::uint64_t k = 0; k < length; ++k) text += alphabet[next() % std::size(alphabet)];
        auto r = decimal::parse(text);
        if (r) {
            ++accepted;
            auto back = decimal::parse(r->to_string());
            ASSERT_TRUE(back.has_value()) << text;
            EXPECT_TRUE(back->identical(*r)) << text;
        } else {
            EXPECT_LE(r.error().offset, text.size()) << text;
        }
    }
    EXPECT_GT(accepted, 100);
}
