// The sample re-laid in every grid shape (tests/data/samples/make_variants.py) reads back as the
// same non-empty cell texts in the same order. Documented differences: HTML span copies
// (from_span) are not source text and are left out; the other shapes have nothing to leave out.
// And HTML draws the one merged 二级指标 cell that the text's page break cut (form 4's 时效指标,
// whose first row 集中收储及时率 is printed before the break, its label after it: the text is read
// with label_from_next_page) as a publisher would, its label in its first row
// (make_variants.level_spans): `as_html_draws_it` moves that label up in the original.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/grid_test_support.hpp"

using jixiao::io::grid_format;

namespace {

std::vector<std::string> non_empty_texts(const jixiao::io::grid& g) {
    std::vector<std::string> out;
    for (const auto& r : g.rows) {
        for (const auto& c : r.cells) {
            if (!c.text.empty() && !c.from_span) out.push_back(c.text);
        }
    }
    return out;
}

/// The original with the label that HTML draws in the first row of its merged cell moved there:
/// 时效指标 of form 4, from the row after the page break to the row 集中收储及时率 before it.
jixiao::io::grid as_html_draws_it(jixiao::io::grid g) {
    for (std::size_t i = 0; i < g.rows.size(); ++i) {
        auto& cells = g.rows[i].cells;
        const auto first = std::find_if(cells.begin(), cells.end(), [](const auto& c) { return c.text == "集中收储及时率"; });
        if (first == cells.end()) continue;
        std::size_t j = i + 1;
        while (j < g.rows.size() && g.rows[j].cells.empty()) ++j;
        if (j == g.rows.size()) break;
        for (auto& label : g.rows[j].cells) {
            if (label.text != "时效指标") continue;
            for (auto& c : cells) {
                if (c.column == label.column) c.text = label.text;
            }
            label.text.clear();
            return g;
        }
    }
    ADD_FAILURE() << "the sample no longer has form 4's 时效指标 after 集中收储及时率";
    return g;
}

struct variant {
    const char* file;
    grid_format format;
};

class grid_samples : public ::testing::TestWithParam<variant> {};

}  // namespace

TEST_P(grid_samples, every_shape_of_the_sample_gives_the_same_cell_texts_in_the_same_order) {
    const auto original = jixiao::io::read_grid(grid_test::sample_file("songjiang-2023.txt"), grid_format::tsv);
    ASSERT_TRUE(original.has_value());
    const auto expected = non_empty_texts(GetParam().format == grid_format::html ? as_html_draws_it(*original) : *original);
    ASSERT_GT(expected.size(), 1000u);

    const auto bytes = grid_test::sample_file(GetParam().file);
    EXPECT_EQ(jixiao::io::detect_format(*jixiao::io::to_utf8(bytes)), GetParam().format);
    const auto g = jixiao::io::read_grid(bytes);  // auto-detected
    ASSERT_TRUE(g.has_value()) << g.error().describe();
    EXPECT_EQ(g->format, GetParam().format);
    EXPECT_EQ(non_empty_texts(*g), expected);
}

TEST(grid_samples_html, keeps_the_grid_columns_of_the_tab_separated_original) {
    // Every non-empty source cell of the HTML variant sits in the same column as in the original,
    // and every rowspan copy fills a column that is empty in the original (a merged label).
    const auto tsv = as_html_draws_it(*jixiao::io::read_grid(grid_test::sample_file("songjiang-2023.txt"), grid_format::tsv));
    const auto html = *jixiao::io::read_grid(grid_test::sample_file("songjiang-2023.html"), grid_format::html);
    std::vector<const jixiao::io::row*> tsv_rows;
    for (const auto& r : tsv.rows) {
        if (!r.cells.empty()) tsv_rows.push_back(&r);
    }
    std::vector<const jixiao::io::row*> html_rows;
    for (const auto& r : html.rows) {
        if (!r.cells.empty()) html_rows.push_back(&r);
    }
    ASSERT_EQ(html_rows.size(), tsv_rows.size());
    std::size_t copies = 0;
    for (std::size_t i = 0; i < tsv_rows.size(); ++i) {
        const auto& a = tsv_rows[i]->cells;
        const auto& b = html_rows[i]->cells;
        ASSERT_EQ(a.size(), b.size()) << "row " << i;
        for (std::size_t k = 0; k < a.size(); ++k) {
            EXPECT_EQ(b[k].column, a[k].column);
            if (b[k].from_span) {
                ++copies;
                EXPECT_TRUE(a[k].text.empty());
                EXPECT_FALSE(b[k].text.empty());
            } else {
                EXPECT_EQ(b[k].text, a[k].text);
            }
        }
    }
    EXPECT_GT(copies, 20u);
}

INSTANTIATE_TEST_SUITE_P(
    shapes, grid_samples,
    ::testing::Values(variant{"songjiang-2023.txt", grid_format::tsv},
                      variant{"songjiang-2023.pipe.txt", grid_format::pipe},
                      variant{"songjiang-2023.lines.txt", grid_format::cell_per_line},
                      variant{"songjiang-2023.csv", grid_format::csv},
                      variant{"songjiang-2023.gb18030.csv", grid_format::csv},
                      variant{"songjiang-2023.html", grid_format::html}),
    [](const ::testing::TestParamInfo<variant>& param_info) {
        std::string name = param_info.param.file;
        for (auto& c : name) {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) c = '_';
        }
        return name;
    });
