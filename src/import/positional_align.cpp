// positional_align.cpp — one indicator row's cells given their columns. By position when the
// row agrees with its header: every cell under a header column, 一级 / 二级 a level label or
// nothing, 三级 a name (not a label, not a value), 分值 / 得分 numbers or nothing. Otherwise (the
// PDF extraction drops empty cells, so columns shift) by meaning: leading level labels, the
// rightmost two adjacent numbers as 分值 / 得分, the value columns filled from the right of the
// name, the rest of the cells after 得分 (docs/import.md, "Indicator rows").
#include "import/positional_internal.hpp"

#include "core/spelling_index.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::io::detail::positional {

/// Whether a text looks like a value expression rather than a name.
bool looks_like_value(std::string_view t) {
    if (t.empty()) return false;
    if (t.size() > max_label_bytes) return false;
    const unsigned char c = static_cast<unsigned char>(t.front());
    if ((c >= '0' && c <= '9') || c == '<' || c == '>' || c == '=' || c == '~') return true;
    // Only the spellings indexed under the text's first character can match.
    for (const std::uint16_t k : jixiao::detail::text::index_of<vocabulary::comparator_symbols>.candidates(t, 0, t.size())) {
        if (t.starts_with(vocabulary::comparator_symbols[k].spelling)) return true;
    }
    auto in = [&]<const auto& Table>() {
        for (const std::uint16_t k : jixiao::detail::text::index_of<Table>.candidates(t, 0, t.size())) {
            if (Table[k].spelling == t) return true;
        }
        return false;
    };
    return in.template operator()<vocabulary::positive_labels>() || in.template operator()<vocabulary::negative_labels>() ||
           in.template operator()<vocabulary::tier_met_labels>() ||
           in.template operator()<vocabulary::tier_partly_met_labels>() ||
           in.template operator()<vocabulary::tier_not_met_labels>() || is_not_applicable_mark(t);
}

namespace {

bool fits_number_or_blank(const wcell* c) { return c == nullptr || c->is(bit_plain_number | bit_not_applicable); }

}  // namespace

bool align_positional(recognition_context& ctx, const wrow& r, const std::vector<header_col>& header, raw_indicator& out) {
    if (ctx.format() == grid_format::cell_per_line) return false;
    // The open cells by column (sorted, one per column: the last one, as a map would keep).
    std::vector<const wcell*>& by_column = ctx.by_column;
    by_column.clear();
    bool sorted = true;
    for (const wcell& c : r.cells) {
        if (c.fate != cell_fate::open) continue;
        if (!by_column.empty() && by_column.back()->column >= c.column) sorted = false;
        by_column.push_back(&c);
    }
    if (!sorted) {
        std::stable_sort(by_column.begin(), by_column.end(),
                         [](const wcell* a, const wcell* b) { return a->column < b->column; });
        std::size_t kept = 0;
        for (const wcell* c : by_column) {
            if (kept > 0 && by_column[kept - 1]->column == c->column) by_column[kept - 1] = c;
            else by_column[kept++] = c;
        }
        by_column.resize(kept);
    }
    auto at_column = [&](std::size_t column) -> const wcell* {
        const auto it = std::lower_bound(by_column.begin(), by_column.end(), column,
                                         [](const wcell* c, std::size_t col) { return c->column < col; });
        return it != by_column.end() && (*it)->column == column ? *it : nullptr;
    };
    std::array<const wcell*, static_cast<std::size_t>(col_role::extra) + 1> at{};
    std::size_t placed = 0;
    std::size_t not_a_number_column = 0;  // the last 分值 / 得分 column holding text that is no number
    for (const header_col& h : header) {
        const wcell* c = at_column(h.column);
        if (c != nullptr) ++placed;
        if (h.role != col_role::extra) at[static_cast<std::size_t>(h.role)] = c;
        switch (h.role) {
        case col_role::block:
            if (c != nullptr) return false;
            break;
        case col_role::level1:
            if (c != nullptr && !c->is(bit_category)) return false;
            break;
        case col_role::level2:
            if (c != nullptr && !c->is(bit_subcategory)) return false;
            break;
        case col_role::name:
            if (c == nullptr || is_level_label(*c) || looks_like_value(c->key)) return false;
            break;
        case col_role::weight:
        case col_role::score:
            if (!fits_number_or_blank(c)) not_a_number_column = h.column;
            break;
        case col_role::deviation:
        case col_role::extra: break;
        default:
            if (c != nullptr && is_level_label(*c)) return false;
            break;
        }
    }
    if (placed != by_column.size()) return false;  // a cell outside every header column
    // A 分值 / 得分 cell that is not a number (`七分`, `seven`) stays in its column when the row's
    // meaning is certain: no cell is missing from the name up to it, so nothing was dropped that
    // could have shifted it. Otherwise the row is aligned by meaning.
    if (not_a_number_column != 0) {
        bool after_name = false;
        for (const header_col& h : header) {
            if (h.role == col_role::name) after_name = true;
            if (after_name && at_column(h.column) == nullptr) return false;
            if (h.column == not_a_number_column) break;
        }
        if (!after_name) return false;
    }

    auto text_of = [&](col_role role) -> const wcell* { return at[static_cast<std::size_t>(role)]; };
    const wcell* name = text_of(col_role::name);
    if (name == nullptr) return false;  // a header without a 三级指标 column: align by meaning
    if (const wcell* c = text_of(col_role::level1)) out.labels.push_back(c);
    if (const wcell* c = text_of(col_role::level2)) out.labels.push_back(c);
    out.name = ctx.unwrapped(*name);
    recognition_context::map(*name);
    for (const header_col& h : header) {
        const wcell* c = at_column(h.column);
        std::string_view text;
        if (c != nullptr && h.role != col_role::level1 && h.role != col_role::level2 && h.role != col_role::name) {
            text = (h.role == col_role::deviation || h.role == col_role::extra) ? c->text : ctx.unwrapped_view(*c);
            recognition_context::map(*c);
        }
        switch (h.role) {
        case col_role::target: out.target = text; out.has_target = c != nullptr; break;
        case col_role::nature: out.nature = text; out.has_target = out.has_target || c != nullptr; break;
        case col_role::target_value: out.target_value = text; out.has_target = out.has_target || c != nullptr; break;
        case col_role::unit: out.unit = text; out.has_target = out.has_target || c != nullptr; break;
        case col_role::actual: out.actual = text; out.has_actual = c != nullptr; break;
        case col_role::weight: out.weight = text; out.has_weight = c != nullptr; break;
        case col_role::score: out.score = text; out.has_score = c != nullptr; break;
        case col_role::deviation: out.deviation = std::string(text); break;
        case col_role::extra: out.extra.push_back(extra_cell{h.label, std::string(text)}); break;
        default: break;
        }
    }
    return true;
}

void align_by_meaning(recognition_context& ctx, const std::vector<const wcell*>& cells,
                      const std::vector<header_col>& header, raw_indicator& out) {
    std::size_t front = 0;
    // Leading 一级 / 二级 labels; a 二级 label ends them (the next cell is the name, even when the
    // name reads like a label: `服务对象满意度`).
    while (front < cells.size() && out.labels.size() < 2 && is_level_label(*cells[front])) {
        out.labels.push_back(cells[front]);
        const bool level2_only = !cells[front]->is(bit_category);
        ++front;
        if (level2_only || (out.labels.size() == 2)) break;
    }
    // 分值 / 得分: the rightmost two adjacent numbers.
    std::size_t weight_at = cells.size(), score_at = cells.size();
    for (std::size_t k = cells.size(); k-- > front + 1;) {
        if (cells[k]->is(bit_plain_number) && cells[k - 1]->is(bit_plain_number)) {
            weight_at = k - 1;
            score_at = k;
            break;
        }
    }
    if (weight_at == cells.size()) {
        for (std::size_t k = cells.size(); k-- > front + 1;) {
            if (cells[k]->is(bit_plain_number)) {
                weight_at = k;
                break;
            }
        }
    }
    // Roles between name and 分值, and after 得分, in header order.
    std::vector<const header_col*>& mid = ctx.mid;
    std::vector<const header_col*>& post = ctx.post;
    mid.clear();
    post.clear();
    bool after_name = false, after_score = false;
    for (const header_col& h : header) {
        if (h.role == col_role::name) {
            after_name = true;
            continue;
        }
        if (h.role == col_role::weight) continue;
        if (h.role == col_role::score) {
            after_score = true;
            continue;
        }
        if (h.role == col_role::block || h.role == col_role::level1 || h.role == col_role::level2) continue;
        if (after_score) post.push_back(&h);
        else if (after_name) mid.push_back(&h);
    }
    if (header.empty()) {
        static const header_col target{0, col_role::target, "年度指标值"};
        static const header_col actual{0, col_role::actual, "实际完成值"};
        static const header_col deviation{0, col_role::deviation, "偏差原因分析及改进措施"};
        mid.assign({&target, &actual});
        post.assign({&deviation});
    }
    const std::size_t mid_end = std::min(weight_at, cells.size());
    const std::span<const wcell* const> all(cells);
    const std::span<const wcell* const> middle = front <= mid_end ? all.subspan(front, mid_end - front)
                                                                  : std::span<const wcell* const>{};
    const std::size_t tail_begin = score_at < cells.size() ? score_at + 1 : (weight_at < cells.size() ? weight_at + 1 : cells.size());
    const std::span<const wcell* const> tail = all.subspan(tail_begin);

    auto assign = [&](const header_col& h, const wcell& c) {
        const std::string_view text =
            (h.role == col_role::deviation || h.role == col_role::extra) ? c.text : ctx.unwrapped_view(c);
        recognition_context::map(c);
        switch (h.role) {
        case col_role::target: out.target = text; out.has_target = true; break;
        case col_role::nature: out.nature = text; out.has_target = true; break;
        case col_role::target_value: out.target_value = text; out.has_target = true; break;
        case col_role::unit: out.unit = text; out.has_target = true; break;
        case col_role::actual: out.actual = text; out.has_actual = true; break;
        case col_role::deviation: out.deviation = std::string(text); break;
        case col_role::extra:
            for (extra_cell& e : out.extra) {
                if (e.label == h.label) {
                    e.text = std::string(text);
                    return;
                }
            }
            break;
        default: break;
        }
    };
    for (const header_col& h : header) {
        if (h.role == col_role::extra) out.extra.push_back(extra_cell{h.label, {}});
    }

    // Name = the leading middle cells; the last |mid| cells fill the value columns.
    std::size_t name_count = middle.size() > mid.size() ? middle.size() - mid.size() : (middle.empty() ? 0 : 1);
    if (!middle.empty() && name_count == 1 && middle.size() <= mid.size() && looks_like_value(middle.front()->key) &&
        weight_at < cells.size()) {
        name_count = 0;  // no name: every middle cell is a value
    }
    for (std::size_t k = 0; k < name_count; ++k) {
        out.name += ctx.unwrapped(*middle[k]);
        recognition_context::map(*middle[k]);
    }
    if (name_count > 1) {
        ctx.note(note_kind::repair, "name_cells_joined",
                 "a long 三级指标 name wrapped into " + std::to_string(name_count) + " cells; joined into one name",
                 *middle[0]);
    }
    const std::size_t values = middle.size() - name_count;
    if (values >= mid.size()) {
        for (std::size_t k = 0; k < mid.size(); ++k) assign(*mid[k], *middle[name_count + k]);
    } else {
        // Fewer cells than value columns (empty cells dropped): fill target / actual first,
        // in order, then the extra columns.
        std::vector<const header_col*>& order = ctx.order;
        order.clear();
        for (const header_col* h : mid) {
            if (h->role != col_role::extra) order.push_back(h);
        }
        for (const header_col* h : mid) {
            if (h->role == col_role::extra) order.push_back(h);
        }
        for (std::size_t k = 0; k < values; ++k) assign(*order[k], *middle[name_count + k]);
    }
    if (weight_at < cells.size()) {
        out.weight = trim(cells[weight_at]->text);
        out.has_weight = true;
        recognition_context::map(*cells[weight_at]);
    }
    if (score_at < cells.size()) {
        out.score = trim(cells[score_at]->text);
        out.has_score = true;
        recognition_context::map(*cells[score_at]);
    }
    // After 得分: deviation and extra columns, by column when the header matches, else in order.
    std::size_t next_post = 0;
    for (const wcell* c : tail) {
        const header_col* h = nullptr;
        for (const header_col* p : post) {
            if (p->column == c->column) h = p;
        }
        if (h == nullptr && next_post < post.size()) h = post[next_post];
        if (h == nullptr) {
            ctx.unmapped(*c, "a cell after the 得分 column with no header");
            continue;
        }
        for (std::size_t k = 0; k < post.size(); ++k) {
            if (post[k] == h) next_post = k + 1;
        }
        assign(*h, *c);
    }
}

}  // namespace jixiao::io::detail::positional
