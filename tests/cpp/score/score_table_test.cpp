// score_table_test.cpp — batch scoring into a table gives exactly the numbers of `score`, line by
// line, for every sample form and a spread of hand-made lines; score_into equals score.
#include <jixiao/json.hpp>
#include <jixiao/rulebook.hpp>
#include <jixiao/score_table.hpp>
#include <jixiao/scoring.hpp>

#include <gtest/gtest.h>

#include "support/grid_test_support.hpp"

#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace jixiao;
using namespace jixiao::literals;

namespace {

const rulebook& book(std::string_view name = "mof-2020") {
    static std::map<std::string, rulebook, std::less<>> books;
    auto it = books.find(name);
    if (it == books.end()) it = books.emplace(std::string(name), builtin_rulebook(name).value_or_throw()).first;
    return it->second;
}

indicator make_indicator(std::string_view target, std::string_view actual, std::string_view weight,
                         std::string_view reported) {
    indicator ind;
    ind.name = "指标";
    ind.target = read_value_cell(target);
    ind.actual = read_value_cell(actual);
    ind.weight = read_number_cell(weight);
    ind.score = read_number_cell(reported);
    return ind;
}

/// The eight sample forms, then variants that reach the other rules: unmet higher and lower
/// targets, tiers in and out of band, not-applicable lines, missing and invalid cells, a zero
/// budget, over-execution, a form without indicators.
std::vector<form> corpus() {
    std::vector<form> forms;
    for (int n = 1; n <= 8; ++n) {
        forms.push_back(read_form_json(grid_test::data_file("forms/songjiang-2023-" + std::to_string(n) + ".json"))
                            .value_or_throw());
    }
    form mixed = forms[0];
    mixed.indicators.push_back(make_indicator(">=100%", "98%", "10", "9.8"));
    mixed.indicators.push_back(make_indicator("<=700元", "770元", "6", "6"));
    mixed.indicators.push_back(make_indicator("提升", "部分达成年度指标并具有一定效果", "7", "4.2"));
    mixed.indicators.push_back(make_indicator("提升", "达成年度指标", "7", "5.59"));
    mixed.indicators.push_back(make_indicator("—", "—", "5", "5"));
    mixed.indicators.push_back(make_indicator("", "90%", "5", "5"));
    mixed.indicators.push_back(make_indicator(">=90%", "abc%", "x", "5"));
    mixed.indicators.push_back(make_indicator(">=90%", ">=90%", "5", "5"));
    mixed.indicators.push_back(make_indicator("及时", "及时", "5", "4"));
    forms.push_back(mixed);
    form zero = forms[1];
    zero.money.at(funds_row::total, funds_column::full_year_budget) = read_number_cell("0");
    forms.push_back(zero);
    form over = forms[2];
    over.money.at(funds_row::total, funds_column::executed) = read_number_cell("99999999");
    forms.push_back(over);
    forms.push_back(form{});
    return forms;
}

std::vector<const form*> pointers(const std::vector<form>& forms) {
    std::vector<const form*> out;
    for (const form& f : forms) out.push_back(&f);
    return out;
}

void expect_row_matches(const score_row& row, const score_line& line, std::uint32_t form_index, std::uint32_t index) {
    EXPECT_EQ(row.form, form_index);
    EXPECT_EQ(row.line, index);
    EXPECT_EQ(row.is_execution(), line.is_execution());
    EXPECT_EQ(row.status, line.status);
    EXPECT_EQ(row.reason, line.reason);
    EXPECT_EQ(row.result, line.result);
    EXPECT_EQ(row.over_achieved, line.over_achieved);
    EXPECT_EQ(row.weight, line.weight);
    EXPECT_EQ(row.computed, line.computed);
    EXPECT_EQ(row.reported, line.reported_score.value);
    EXPECT_EQ(row.difference, line.difference);
    EXPECT_EQ(row.counted, line.counted);
}

}  // namespace

TEST(score_table, every_row_and_total_equals_the_scorecard_of_score) {
    for (std::string_view name : {"mof-2020", "mof-2020-rescale-na", "mof-2020-whole-points", "mof-2020-ratio"}) {
        SCOPED_TRACE(std::string(name));
        const std::vector<form> forms = corpus();
        const score_table table = tabulate(std::span<const form>(forms), book(name));
        ASSERT_EQ(table.size(), forms.size());
        EXPECT_EQ(table.rulebook_id, book(name).id);
        EXPECT_EQ(table.rulebook_version, book(name).version);
        std::size_t rows = 0;
        for (std::size_t i = 0; i < forms.size(); ++i) {
            SCOPED_TRACE("form " + std::to_string(i));
            const scorecard card = score(forms[i], book(name), score_options{false});
            const form_score& totals = table.forms[i];
            EXPECT_EQ(totals.first_row, rows);
            ASSERT_EQ(totals.row_count, 1 + card.indicators.size());
            rows += totals.row_count;
            EXPECT_EQ(totals.execution_rate_percent, card.execution_rate_percent);
            EXPECT_EQ(totals.weight_total, card.weight_total);
            EXPECT_EQ(totals.computed_total, card.computed_total);
            EXPECT_EQ(totals.total_complete, card.total_complete);
            EXPECT_EQ(totals.reported_total, card.reported_total.value);
            EXPECT_EQ(totals.total_difference, card.total_difference);
            EXPECT_EQ(totals.grade, card.computed_grade);
            std::span<const score_row> lines = table.rows_of(i);
            const auto fi = static_cast<std::uint32_t>(i);
            expect_row_matches(lines[0], card.execution, fi, 0);
            for (std::size_t k = 0; k < card.indicators.size(); ++k) {
                expect_row_matches(lines[k + 1], card.indicators[k], fi, static_cast<std::uint32_t>(k + 1));
            }
        }
        EXPECT_EQ(table.rows.size(), rows);
    }
}

TEST(score_table, the_corpus_reaches_many_statuses) {
    // Guards the test above: it would prove little if every line were computed and met.
    const std::vector<form> forms = corpus();
    const score_table table = tabulate(std::span<const form>(forms), book());
    std::set<line_status> statuses;
    std::set<line_reason> reasons;
    for (const score_row& r : table.rows) {
        statuses.insert(r.status);
        reasons.insert(r.reason);
    }
    EXPECT_EQ(statuses.size(), 5U);
    EXPECT_GE(reasons.size(), 12U);
}

TEST(score_table, the_samples_total_100_with_grade_you) {
    const std::vector<form> forms = corpus();
    const score_table table = tabulate(std::span<const form>(forms.data(), 8), book());
    for (std::size_t i = 0; i < 8; ++i) {
        EXPECT_EQ(table.forms[i].computed_total, "100"_dec) << i;
        EXPECT_EQ(table.forms[i].grade, "优") << i;
        EXPECT_EQ(table.forms[i].execution_rate_percent, "100.00"_dec) << i;
    }
}

TEST(score_table, ranges_filled_on_threads_give_the_same_table) {
    std::vector<form> forms;
    const std::vector<form> seeds = corpus();
    for (std::size_t k = 0; k < 300; ++k) forms.push_back(seeds[k % seeds.size()]);
    const std::vector<const form*> items = pointers(forms);
    const score_table whole = tabulate(std::span<const form* const>(items), book());
    score_table parts = score_table::sized_for(items, book());
    {
        std::vector<std::jthread> pool;
        for (std::size_t t = 0; t < 3; ++t) {
            pool.emplace_back([&, t] { tabulate_range(parts, items, book(), t * 100, (t + 1) * 100); });
        }
    }
    EXPECT_EQ(parts, whole);
}

TEST(score_table, an_empty_batch_gives_an_empty_table) {
    const score_table table = tabulate(std::span<const form>(), book());
    EXPECT_EQ(table.size(), 0U);
    EXPECT_TRUE(table.rows.empty());
    EXPECT_EQ(table.rulebook_id, "mof-2020");
}

TEST(score_into, reusing_one_scorecard_equals_fresh_scores_with_and_without_traces) {
    const std::vector<form> forms = corpus();
    scorecard reused;
    for (bool traces : {true, false}) {
        // Larger forms first, then smaller ones, then an empty one: nothing of a previous form
        // may remain in the reused card.
        for (std::size_t i : {8UL, 0UL, 11UL, 3UL, 9UL, 10UL}) {
            score_into(forms[i], book(), reused, score_options{traces});
            EXPECT_EQ(reused, score(forms[i], book(), score_options{traces})) << i << (traces ? " traces" : "");
        }
    }
}

TEST(score_batch_into, equals_score_for_every_form_into_reused_cards) {
    const std::vector<form> forms = corpus();
    // Forms of different sizes in both directions, so that each card is reused for a larger and
    // a smaller form and the lookahead runs past forms of every size.
    std::vector<const form*> order;
    for (std::size_t i : {8UL, 0UL, 11UL, 3UL, 9UL, 10UL, 1UL, 2UL}) order.push_back(&forms.at(i));
    std::vector<const form*> reversed(order.rbegin(), order.rend());
    for (bool traces : {false, true}) {
        std::vector<scorecard> cards(order.size());
        score_batch_into(order, book(), cards, score_options{traces});
        for (std::size_t i = 0; i < order.size(); ++i) {
            EXPECT_EQ(cards[i], score(*order[i], book(), score_options{traces})) << i;
        }
        score_batch_into(reversed, book("mof-2020-ratio"), cards, score_options{traces});
        for (std::size_t i = 0; i < reversed.size(); ++i) {
            EXPECT_EQ(cards[i], score(*reversed[i], book("mof-2020-ratio"), score_options{traces})) << i;
        }
    }
    std::vector<scorecard> none;
    score_batch_into({}, book(), none);
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(score_batch(forms, book()).at(5), score(forms[5], book()));
}
