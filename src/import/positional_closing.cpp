// positional_closing.cpp — the rows that close a form: the 总分 row (its last two numbers are
// 分值 and 得分, numbers on rows of their own joined to it; grade words in it are the reported
// grade), and the 评价等级 / 其他需要说明事项 rows (the cells after the label, or `评价等级：优` in
// one cell).
#include "import/positional_internal.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::io::detail::positional {

bool read_total(recognition_context& ctx, const working_rows& rows, std::size_t& i, std::size_t end, form& f) {
    const wrow& r = rows[i];
    std::vector<const wcell*> numbers;
    for (const wcell& c : r.cells) {
        if (c.is(bit_total)) {
            recognition_context::map(c);
        } else if (c.is(bit_plain_number | bit_not_applicable)) {
            numbers.push_back(&c);
        } else if (c.is(bit_grade_word)) {
            f.reported_grade = c.key;
            recognition_context::map(c);
        }
    }
    // A 总分 row broken into one cell per line (`总分`, `100`, `100` on rows of their own).
    std::size_t j = i + 1;
    while (numbers.size() < 2 && j < end) {
        const wrow& n = rows[j];
        if (n.cells.empty()) {
            ++j;
            continue;
        }
        if (n.cells.size() == 1 && n.cells.front().is(bit_plain_number)) {
            numbers.push_back(&n.cells.front());
            ctx.note(note_kind::repair, "total_row_joined", "a 总分 cell on a row of its own was joined to the 总分 row",
                     n.cells.front());
            i = j;
            ++j;
            continue;
        }
        break;
    }
    if (numbers.size() > 2) {
        for (std::size_t k = 0; k + 2 < numbers.size(); ++k) ctx.unmapped(*numbers[k], "an extra number in the 总分 row");
        numbers.erase(numbers.begin(), numbers.end() - 2);
    }
    if (numbers.size() == 2) {
        f.total_weight = read_number_cell(numbers[0]->text);
        f.total_score = read_number_cell(numbers[1]->text);
        recognition_context::map(*numbers[0]);
        recognition_context::map(*numbers[1]);
    } else if (numbers.size() == 1) {
        f.total_score = read_number_cell(numbers[0]->text);
        recognition_context::map(*numbers[0]);
        ctx.note(note_kind::warning, "total_incomplete", "the 总分 row has one number: read as the total score", *numbers[0]);
    } else {
        ctx.note_row(note_kind::warning, "total_incomplete", "the 总分 row has no numbers", &r);
    }
    return true;
}

void read_closing(const wrow& r, const wcell& label, std::string_view role, form& f) {
    recognition_context::map(label);
    std::string value;
    if (!label.is(bit_closing_exact)) {
        // `评价等级：优`: the value follows the label in the same cell.
        for (const auto& entry : vocabulary::closing_labels) {
            if (label.key.starts_with(entry.spelling) && label.key.size() > entry.spelling.size()) {
                std::string_view rest = std::string_view(label.key).substr(entry.spelling.size());
                if (rest.starts_with(":")) rest.remove_prefix(1);
                else if (rest.starts_with("\xEF\xBC\x9A")) rest.remove_prefix(3);
                value = std::string(rest);
                break;
            }
        }
    }
    for (const wcell& c : r.cells) {
        if (&c == &label || c.fate != cell_fate::open || c.column < label.column) continue;
        if (c.is(bit_closing_exact)) break;
        if (!value.empty()) value += role == "grade" ? "" : "\n";
        value += role == "grade" ? c.key : c.text;
        recognition_context::map(c);
    }
    if (role == "grade") f.reported_grade = value;
    else f.notes = value;
}

}  // namespace jixiao::io::detail::positional
