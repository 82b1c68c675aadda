// positional_funds.cpp — the funds block: the 项目资金 header gives the money unit and the
// columns; each funds row (年度资金总额, 其中：当年财政拨款, ...) is read by column when every
// value sits under a header column it fits, else by meaning (repair `funds_aligned_by_meaning`):
// amounts are the leading numbers, the percent is 执行率 with 分值 before it and 得分 after it.
#include "import/positional_internal.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::io::detail::positional {

namespace {

bool fits_amount(const wcell& c) { return c.is(bit_plain_number | bit_not_applicable); }
bool fits_rate(std::string_view t) {
    if (is_not_applicable_mark(t) || is_plain_number(t)) return true;
    if (t.ends_with("%")) return is_plain_number(trim(t.substr(0, t.size() - 1)));
    if (t.ends_with("\xEF\xBC\x85")) return is_plain_number(trim(t.substr(0, t.size() - 3)));
    return false;
}
bool is_rate_text(std::string_view t) { return (t.ends_with("%") || t.ends_with("\xEF\xBC\x85")) && fits_rate(t); }

}  // namespace

void read_funds_header(recognition_context& ctx, const wrow& r, form& f, funds_header& header) {
    const wcell& h = r.cells.front();
    recognition_context::map(h);
    std::string_view best;
    for (const auto& m : vocabulary::money_unit_marks) {
        if (h.key.find(m.spelling) != std::string::npos && m.spelling.size() > best.size()) best = m.spelling;
    }
    std::string_view unit_role = role_of(vocabulary::money_unit_marks, best);
    f.money.unit = unit_role == "ten_thousand_yuan" ? money_unit::ten_thousand_yuan : money_unit::yuan;
    if (unit_role.empty()) {
        ctx.note(note_kind::warning, "money_unit_assumed", "the 项目资金 header names no unit: 元 assumed", h);
    }
    header.clear();
    for (std::size_t k = 1; k < r.cells.size(); ++k) {
        const std::string_view role = r.cells[k].funds_column_role();
        if (role.empty()) continue;
        header.emplace_back(r.cells[k].column, role);
        recognition_context::map(r.cells[k]);
        if (r.cells[k].key.find("万元") != std::string::npos) f.money.unit = money_unit::ten_thousand_yuan;
    }
}

std::size_t read_funds_row(recognition_context& ctx, const wrow& r, std::string_view row_role, form& f,
                           const funds_header& header) {
    const funds_row fr = *funds_row_of(row_role);
    std::size_t label_at = 0;
    while (label_at < r.cells.size() && r.cells[label_at].funds_row_role != row_role) ++label_at;
    recognition_context::map(r.cells[label_at]);
    std::vector<const wcell*> values;
    for (std::size_t k = label_at + 1; k < r.cells.size(); ++k) values.push_back(&r.cells[k]);
    for (std::size_t k = 0; k < label_at; ++k) ctx.unmapped(r.cells[k], "a cell before the funds row label");

    auto put = [&](std::string_view role, const wcell& c) {
        if (auto col = funds_column_of(role)) {
            f.money.at(fr, *col) = read_number_cell(c.text);
        } else if (auto sc = funds_score_column_of(role)) {
            f.money.scoring_at(fr, *sc) = read_number_cell(c.text, *sc == funds_score_column::execution_rate);
        }
        recognition_context::map(c);
    };

    // By position, when the grid keeps empty cells and every value sits under a header column
    // it fits.
    bool positional = ctx.format() != grid_format::cell_per_line && !header.empty();
    if (positional) {
        for (const wcell* c : values) {
            const auto it = std::find_if(header.begin(), header.end(), [&](const auto& h) { return h.first == c->column; });
            if (it == header.end()) {
                positional = false;
                break;
            }
            const std::string_view role = it->second;
            const bool ok = role == "execution_rate" ? fits_rate(c->text) : fits_amount(*c);
            if (!ok) {
                positional = false;
                break;
            }
        }
    }
    if (positional) {
        for (const wcell* c : values) {
            const auto it = std::find_if(header.begin(), header.end(), [&](const auto& h) { return h.first == c->column; });
            put(it->second, *c);
        }
        return values.size();
    }

    // By meaning: amounts first (plain numbers, in column order), then 分值 / 执行率 / 得分; the
    // rate (a percent) anchors the scoring cells; `—` marks fill the scoring cells in order.
    ctx.note_row(note_kind::repair, "funds_aligned_by_meaning",
                 "the funds row does not line up with its header (empty cells dropped): cells placed by meaning", &r);
    std::size_t rate_at = values.size();
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (is_rate_text(values[k]->text)) {
            rate_at = k;
            break;
        }
    }
    constexpr std::array<std::string_view, 3> amount_roles{"initial_budget", "full_year_budget", "executed"};
    std::size_t next_amount = 0;
    if (rate_at < values.size()) {
        // ... amounts ... weight, rate, score
        std::size_t amount_end = rate_at;
        if (rate_at > 0 && fits_amount(*values[rate_at - 1]) && rate_at - 1 >= 1) {
            put("weight", *values[rate_at - 1]);
            amount_end = rate_at - 1;
        }
        for (std::size_t k = 0; k < amount_end; ++k) {
            if (next_amount < amount_roles.size() && fits_amount(*values[k])) put(amount_roles[next_amount++], *values[k]);
            else ctx.unmapped(*values[k], "a funds cell with no column");
        }
        put("execution_rate", *values[rate_at]);
        if (rate_at + 1 < values.size() && fits_amount(*values[rate_at + 1])) put("score", *values[rate_at + 1]);
        for (std::size_t k = rate_at + 2; k < values.size(); ++k) ctx.unmapped(*values[k], "a funds cell with no column");
        return values.size();
    }
    constexpr std::array<std::string_view, 3> score_roles{"weight", "execution_rate", "score"};
    std::size_t next_score = 0;
    for (const wcell* c : values) {
        if (c->is(bit_plain_number) && next_score == 0 && next_amount < amount_roles.size()) {
            put(amount_roles[next_amount++], *c);
        } else if (fits_amount(*c) && next_score < score_roles.size()) {
            put(score_roles[next_score++], *c);
        } else {
            ctx.unmapped(*c, "a funds cell with no column");
        }
    }
    return values.size();
}

}  // namespace jixiao::io::detail::positional
