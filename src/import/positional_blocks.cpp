// positional_blocks.cpp — one form's rows, each given to its block by its labels, in any order:
// title and year, header fields (项目名称 / 主管部门 / 实施单位), the funds block
// (positional_funds.cpp), the goal block (positional_goal.cpp), the indicator table
// (positional_table.cpp), the 总分 row and the grade and notes (positional_closing.cpp). A row no
// block takes stays open and is listed as unmapped when the form is accounted for. Blocks a
// form lacks are warnings.
#include "import/positional_internal.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace jixiao::io::detail::positional {

namespace {

/// The form's first row: its location, and the title and year when it is a title row (else
/// warning `no_title`).
void read_title(recognition_context& ctx, const wrow& r, form& f) {
    f.where = ctx.where_row(r);
    std::string title;
    if (is_title_row(r, &title)) {
        f.title = title;
        recognition_context::map(r.cells.front());
        if (auto y = find_year(title)) f.year = y;
        for (std::size_t k = 1; k < r.cells.size(); ++k) {
            if (auto y = find_year(r.cells[k].key)) {
                f.year = y;
                recognition_context::map(r.cells[k]);
            }
        }
    } else {
        ctx.note_row(note_kind::warning, "no_title", "no form title before 项目名称: the form's title is missing", &r);
    }
}

/// Header fields: label cell, then the next cell that is not a label. False: no field label.
bool read_header_fields(recognition_context& ctx, const wrow& r, form& f) {
    bool field_row = false;
    for (std::size_t k = 0; k < r.cells.size(); ++k) {
        const std::string_view role = r.cells[k].header_role();
        if (role.empty()) continue;
        field_row = true;
        recognition_context::map(r.cells[k]);
        if (k + 1 < r.cells.size() && !r.cells[k + 1].is(bit_any_label)) {
            const wcell& v = r.cells[k + 1];
            std::string text = ctx.unwrapped(v);
            if (role == "project_name") f.project_name = std::move(text);
            else if (role == "department") f.department = std::move(text);
            else f.implementing_unit = std::move(text);
            recognition_context::map(v);
            ++k;
        }
    }
    return field_row;
}

}  // namespace

void read_form(recognition_context& ctx, const working_rows& rows, std::size_t begin, std::size_t end, form& f) {
    bool saw_funds = false, saw_goal = false, saw_table = false, saw_total = false;
    funds_header funds_columns;
    goal_header goal_columns;
    bool goal_mode = false;
    std::array<bool, 4> funds_rows_seen{};

    read_title(ctx, rows[begin], f);

    for (std::size_t i = begin + (f.title.empty() ? 0 : 1); i < end; ++i) {
        const wrow& r = rows[i];
        if (r.cells.empty()) continue;

        // Year row: `(2023 年度)`.
        if (!f.year && r.cells.size() == 1 && r.cells.front().key.size() <= 40) {
            if (auto y = find_year(r.cells.front().key)) {
                f.year = y;
                recognition_context::map(r.cells.front());
                continue;
            }
        }

        // Indicator table.
        if (is_indicator_header(r)) {
            goal_mode = false;
            if (saw_table) ctx.note_row(note_kind::warning, "second_indicator_table", "a second indicator header in one form; its rows were appended", &r);
            saw_table = true;
            i = read_table(ctx, rows, i, end, f, saw_total);
            continue;
        }
        if (has_total_label(r)) {
            std::size_t j = i;
            if (read_total(ctx, rows, j, end, f)) saw_total = true;
            i = j;
            continue;
        }

        // Grade and notes.
        const wcell* label = nullptr;
        const std::string_view closing = closing_role(r, &label);
        if (!closing.empty()) {
            read_closing(r, *label, closing, f);
            continue;
        }

        if (read_header_fields(ctx, r, f)) continue;

        // Funds header.
        if (r.cells.front().is(bit_funds_label)) {
            saw_funds = true;
            goal_mode = false;
            read_funds_header(ctx, r, f, funds_columns);
            continue;
        }

        // Funds rows (a label anywhere in the first two cells).
        {
            std::string_view row_role;
            for (std::size_t k = 0; k < r.cells.size() && k < 2 && row_role.empty(); ++k) row_role = r.cells[k].funds_row_role;
            if (!row_role.empty()) {
                saw_funds = true;
                goal_mode = false;
                const auto fr = funds_row_of(row_role);
                const auto idx = static_cast<std::size_t>(*fr);
                if (funds_rows_seen[idx]) {
                    ctx.note_row(note_kind::warning, "funds_row_repeated", "a funds row appears twice; the later one was kept", &r);
                }
                funds_rows_seen[idx] = true;
                read_funds_row(ctx, r, row_role, f, funds_columns);
                continue;
            }
        }

        // Goal block: labels row, then text rows.
        const bool any_label = has_goal_label(r);
        if (any_label || goal_mode) {
            if (any_label && !goal_mode) {
                goal_mode = true;
                saw_goal = true;
            }
            read_goal_row(ctx, r, f, goal_columns);
            continue;
        }
        // Anything else stays open and is listed as unmapped at the end.
    }

    const wrow* last = &rows[end - 1];
    if (f.project_name.empty()) ctx.note_row(note_kind::warning, "no_project_name", "no 项目名称: the form has no project name", &rows[begin]);
    if (!f.year) ctx.note_row(note_kind::warning, "no_year", "no year such as (2023 年度) near the title", &rows[begin]);
    if (!saw_funds) ctx.note_row(note_kind::warning, "no_funds_block", "no 项目资金 block: the funds are missing", &rows[begin]);
    if (!saw_goal) ctx.note_row(note_kind::warning, "no_goal_block", "no 年度总体目标 block: the goal is missing", &rows[begin]);
    if (!saw_table) ctx.note_row(note_kind::warning, "no_indicator_table", "no indicator table (一级指标 / 二级指标 / 三级指标 header)", &rows[begin]);
    else if (f.indicators.empty()) ctx.note_row(note_kind::warning, "no_indicators", "the indicator table has no indicator rows", last);
    if (!saw_total) ctx.note_row(note_kind::warning, "no_total_row", "no 总分 row: the form looks truncated", last);
}

}  // namespace jixiao::io::detail::positional
