// Funds figures run together with no separator, split by the row's arithmetic
// (src/import/figure_split.hpp): one reading or none, never a guess.
#include "import/figure_split.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

using jixiao::decimal;
using jixiao::io::detail::leading_figure_run;
using jixiao::io::detail::split_figures_by_arithmetic;

namespace {

using figures = std::vector<std::pair<std::string, std::string>>;

const std::vector<std::string> transfer{"full_year_budget", "executed", "execution_rate"};
const std::vector<std::string> exec20{"full_year_budget", "executed", "execution_rate", "score"};

}  // namespace

TEST(figure_split, the_only_split_in_which_the_rate_is_executed_over_budget_is_read) {
    EXPECT_EQ(split_figures_by_arithmetic("194.9194.9100%", transfer, std::nullopt),
              (figures{{"full_year_budget", "194.9"}, {"executed", "194.9"}, {"execution_rate", "100%"}}));
    // 50.005 | 0.0010 | 0% holds too (0.002% rounds to 0%), but its amounts differ in places
    // 120.512 | 0.510 | 0% holds too and its amounts share their places, but its rate only
    // rounds to 0%: the reading whose rate is exact is taken
    EXPECT_EQ(split_figures_by_arithmetic("120.5120.5100%", transfer, std::nullopt),
              (figures{{"full_year_budget", "120.5"}, {"executed", "120.5"}, {"execution_rate", "100%"}}));
    EXPECT_EQ(split_figures_by_arithmetic("50.0050.00100%", transfer, std::nullopt),
              (figures{{"full_year_budget", "50.00"}, {"executed", "50.00"}, {"execution_rate", "100%"}}));
}

TEST(figure_split, readings_that_the_places_cannot_tell_apart_are_refused) {
    // 250000.00 | 215457.6 | 86.18% and 250000.002 | 15457.68 | 6.18%: both hold, neither agrees
    EXPECT_EQ(split_figures_by_arithmetic("250000.00215457.686.18%", transfer, std::nullopt), std::nullopt);
}

TEST(figure_split, a_rate_printed_as_a_fraction_and_the_score_from_the_header_weight) {
    // 预算执行情况(20分): 预算数 1.56, 执行数 1.56, 执行率 1, 得分 20
    EXPECT_EQ(split_figures_by_arithmetic("1.561.56120", exec20, decimal{20}),
              (figures{{"full_year_budget", "1.56"}, {"executed", "1.56"}, {"execution_rate", "1"}, {"score", "20"}}));
    // with the 20-point header, 19 cannot be the score of a 100% rate: no reading
    EXPECT_EQ(split_figures_by_arithmetic("1.561.56119", exec20, decimal{20}), std::nullopt);
}

TEST(figure_split, two_readings_are_no_reading) {
    // 1 | 11 | 1100% and 11 | 11 | 100% both hold
    EXPECT_EQ(split_figures_by_arithmetic("1111100%", transfer, std::nullopt), std::nullopt);
}

TEST(figure_split, no_rate_no_check_and_long_runs_are_refused) {
    EXPECT_EQ(split_figures_by_arithmetic("50.0050.00", {"full_year_budget", "executed"}, std::nullopt), std::nullopt);
    EXPECT_EQ(split_figures_by_arithmetic(std::string(41, '1'), transfer, std::nullopt), std::nullopt);
    EXPECT_EQ(split_figures_by_arithmetic("0.000.000%", transfer, std::nullopt), std::nullopt);  // zero budget
}

TEST(figure_split, the_leading_run_stops_at_the_first_other_character) {
    EXPECT_EQ(leading_figure_run("194.9194.9100%其中:"), "194.9194.9100%");
    EXPECT_EQ(leading_figure_run("1.561.56120度效标"), "1.561.56120");
    EXPECT_EQ(leading_figure_run("其中"), "");
}
