// positional_levels.cpp — the aligned rows become the form's indicators: a 一级 / 二级 label
// applies to its row and the rows below until the next one (merged cells); 成本指标 is a 一级 or a
// 二级 under 产出 by the table's other labels; rows above the first 一级 label take it from below
// (`label_from_below`); rows just before a page break take the next page's 二级 label when their
// weights say so (`label_from_next_page`).
#include "import/positional_internal.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace jixiao::io::detail::positional {

namespace {

/// The labels running down the table (merged cells): the 一级 and 二级 of the current row.
struct levels {
    category level1 = category::unknown;
    subcategory level2 = subcategory::unknown;
    std::string level1_text, level2_text;
};

/// Applies the row's labels to `s`; true when the row names its 二级 label.
bool apply_labels(const raw_indicator& raw, levels& s, bool cost_is_level1) {
    bool got_level2 = false;
    for (std::size_t k = 0; k < raw.labels.size(); ++k) {
        const wcell& c = *raw.labels[k];
        const category cat = c.cat;
        const subcategory sub = c.sub;
        const bool next_is_cost_sub = k + 1 < raw.labels.size() && parent_of(raw.labels[k + 1]->sub) == category::cost;
        bool as_level1 = cat != category::unknown;
        if (cat != category::unknown && sub != subcategory::unknown) {
            if (cat == category::cost) {
                // 成本指标: level 1 in newer forms (with 经济 / 社会 / 生态环境成本 below), else
                // a level 2 under 产出 (README of the golden forms, rule 6).
                as_level1 = next_is_cost_sub || cost_is_level1 || (s.level1 != category::output && s.level1 != category::unknown);
            } else {
                as_level1 = true;  // 满意度指标
            }
        }
        if (as_level1) {
            if (cat != s.level1 && parent_of(s.level2) != cat) {
                s.level2 = subcategory::unknown;
                s.level2_text.clear();
            }
            s.level1 = cat;
            s.level1_text = c.key;
        } else {
            s.level2 = sub;
            s.level2_text = c.key;
            got_level2 = true;
            if (s.level1 == category::unknown || (parent_of(sub) != s.level1 && parent_of(sub) != category::unknown &&
                                                !(sub == subcategory::cost && s.level1 == category::output))) {
                // A level 2 under another level 1 than the one above: the level 1 label is
                // missing on this row; take it from the level 2 when it is certain.
                if (s.level1 != category::unknown && parent_of(sub) != category::unknown && parent_of(sub) != s.level1) {
                    s.level1 = parent_of(sub);
                    s.level1_text = std::string(chinese_name(s.level1));
                }
            }
        }
    }
    return got_level2;
}

/// The indicator of an aligned row, under the labels `s`.
void make_indicator(const recognition_context& ctx, raw_indicator& raw, const levels& s, indicator& ind) {
    ind.level1 = s.level1;
    ind.level2 = s.level2;
    ind.level1_text = s.level1_text;
    ind.level2_text = s.level2_text;
    ind.name = std::move(raw.name);
    if (!raw.nature.empty() || !raw.target_value.empty() || !raw.unit.empty()) {
        std::string target;
        target.reserve(raw.nature.size() + raw.target_value.size() + raw.unit.size());
        target.append(raw.nature).append(raw.target_value).append(raw.unit);
        ind.target = read_value_cell(target);
    } else {
        ind.target = read_value_cell(raw.target);
    }
    ind.actual = read_value_cell(raw.actual);
    ind.weight = read_number_cell(raw.weight);
    ind.score = read_number_cell(raw.score);
    ind.deviation_note = std::move(raw.deviation);
    ind.extra = std::move(raw.extra);
    ind.where = source_location{ctx.source_name(), raw.line, raw.grid_row + 1, raw.column, raw.page};
}

/// Rows of the table (from `first`) above its first 一级 label take it from below (a merged
/// cell whose label is printed on the next page).
void labels_from_below(recognition_context& ctx, form& f, std::size_t first) {
    std::size_t k0 = first;
    while (k0 < f.indicators.size() && f.indicators[k0].level1 == category::unknown) ++k0;
    if (k0 < f.indicators.size() && k0 > first) {
        for (std::size_t k = first; k < k0; ++k) {
            indicator& ind = f.indicators[k];
            const category implied = parent_of(ind.level2);
            if (implied != category::unknown && implied != f.indicators[k0].level1) {
                ind.level1 = implied;
                ind.level1_text = std::string(chinese_name(implied));
            } else {
                ind.level1 = f.indicators[k0].level1;
                ind.level1_text = f.indicators[k0].level1_text;
            }
            ctx.notes().push_back(import_note{
                "label_from_below", note_kind::repair,
                "the 一级指标 label of this merged block is printed further down (after a page break); taken from below",
                ind.where, ind.level1_text, ctx.form_index, k});
        }
    }
}

/// Rows without a 二级 label just before a page break that weigh like the rows after it take
/// the label that opens the next page.
void labels_from_next_page(recognition_context& ctx, const std::vector<raw_indicator>& raws, form& f,
                           std::size_t first, const std::vector<bool>& explicit_level2) {
    // A merged 二级 cell cut by a page break prints its label on one page only. Rows just before
    // the break that carry no label either continue the block above or belong to the block whose
    // label opens the next page; the weights decide: when they weigh like the rows after the
    // break and unlike the row above, they take the next label (docs/import.md).
    auto is_explicit = [&](std::size_t k) { return static_cast<bool>(explicit_level2[k - first]); };
    for (std::size_t next = first + 1; next < f.indicators.size(); ++next) {
        if (!is_explicit(next) || !raws[next - first].break_before || is_explicit(next - 1)) continue;
        const indicator& after = f.indicators[next];
        const std::size_t k = next - 1;
        std::size_t a = k;  // the run a..k of unlabelled rows just before the break
        while (a > first && !is_explicit(a - 1) && f.indicators[a - 1].weight.text == after.weight.text) --a;
        if (a == first) continue;  // nothing above to compare with
        // The source shows its merged cells (a ruled PDF, a workbook): the rows are under the
        // label whose merged cell covers them, not a label to guess from the weights.
        if (std::any_of(raws.begin() + static_cast<std::ptrdiff_t>(a - first),
                        raws.begin() + static_cast<std::ptrdiff_t>(k - first + 1),
                        [](const raw_indicator& r) { return r.spanned; })) {
            continue;
        }
        const indicator& above = f.indicators[a - 1];
        bool same = true;
        for (std::size_t j = a; j <= k; ++j) {
            same = same && f.indicators[j].weight.text == after.weight.text && f.indicators[j].level1 == after.level1;
        }
        if (!same || above.weight.text == after.weight.text || f.indicators[k].level2 == after.level2) continue;
        for (std::size_t j = a; j <= k; ++j) {
            indicator& ind = f.indicators[j];
            ind.level2 = after.level2;
            ind.level2_text = after.level2_text;
            ctx.notes().push_back(import_note{
                "label_from_next_page", note_kind::repair,
                "a row before a page break without a 二级指标 label weighs like the `" + after.level2_text +
                    "` rows after the break, not like the rows above: it takes that label",
                ind.where, ind.name, ctx.form_index, j});
        }
    }
}

}  // namespace

void finish_indicators(recognition_context& ctx, std::vector<raw_indicator>& raws, form& f, bool cost_is_level1) {
    levels s;
    const std::size_t first = f.indicators.size();
    f.indicators.reserve(first + raws.size());
    std::vector<bool> explicit_level2;
    explicit_level2.reserve(raws.size());
    for (raw_indicator& raw : raws) {
        const bool got_level2 = apply_labels(raw, s, cost_is_level1);
        make_indicator(ctx, raw, s, f.indicators.emplace_back());
        explicit_level2.push_back(got_level2);
    }
    labels_from_below(ctx, f, first);
    labels_from_next_page(ctx, raws, f, first, explicit_level2);
}

}  // namespace jixiao::io::detail::positional
