// import_recognizer.cpp — the one recognizer: a grid (any reader) -> forms + import report.
//
// How it works, every repair code and the report are described in docs/import.md. In short:
//   1. cells: non-empty cells of the grid (span copies are not input cells); page numbers are
//      dropped (repair `page_number_dropped`);
//   2. forms: each form starts at a title row (or, when the title is missing, at a 项目名称 row);
//   3. blocks inside a form: year, header fields, funds, goal, indicator table, total, grade,
//      notes, each found by its labels (vocabulary.hpp, "form labels");
//   4. indicator rows are aligned by position when the row agrees with its header, and by
//      meaning otherwise (the PDF extraction drops empty cells);
//   5. every non-empty cell ends up in a form field or in the report.
#include <jixiao/io/import.hpp>
#include <jixiao/vocabulary.hpp>

#include "import_internal.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jixiao::io {

namespace {

using detail::is_not_applicable;
using detail::is_page_number;
using detail::is_plain_number;
using detail::label_key;
using detail::trim;
using detail::unwrap;

// ---------------------------------------------------------------------------------------------
// Cells and rows of the working copy
// ---------------------------------------------------------------------------------------------

enum class cell_fate : unsigned char { open, mapped, noted };

struct wcell {
    std::string_view text;  ///< trimmed text (points into the grid)
    std::string key;        ///< label key: spaces and a trailing colon removed
    std::size_t grid_row = 0;  ///< 0-based
    std::size_t line = 0;
    std::size_t column = 0;    ///< 1-based
    mutable cell_fate fate = cell_fate::open;  ///< what became of the cell
};

struct wrow {
    std::vector<wcell> cells;  ///< non-empty cells only, in column order
    std::size_t grid_row = 0;
    std::size_t line = 0;
    bool blank = true;  ///< no non-empty cell in the source row (a page break in PDF text)
};

/// Looks up `key` in a label table; returns the role or an empty view.
/// No label of vocabulary.hpp is longer than this (bytes, spaces removed): longer text is
/// content, and the label tables need not be searched.
constexpr std::size_t max_label_bytes = 48;

template <class Table>
std::string_view role_of(const Table& table, std::string_view key) noexcept {
    if (key.empty() || key.size() > max_label_bytes) return {};
    for (const auto& entry : table) {
        if (entry.spelling == key) return entry.role;
    }
    return {};
}

bool is_category_label(std::string_view key) noexcept {
    return !key.empty() && key.size() <= max_label_bytes && classify_category(key) != category::unknown;
}
bool is_subcategory_label(std::string_view key) noexcept {
    return !key.empty() && key.size() <= max_label_bytes && classify_subcategory(key) != subcategory::unknown;
}
bool is_level_label(std::string_view key) noexcept { return is_category_label(key) || is_subcategory_label(key); }

/// A non-empty fragment of `whole` (a label printed vertically or cut by a page break).
bool is_fragment_of(std::string_view key, std::string_view whole) noexcept {
    return !key.empty() && key.size() < whole.size() && whole.find(key) != std::string_view::npos;
}

category parent_of(subcategory s) noexcept {
    switch (s) {
    case subcategory::quantity:
    case subcategory::quality:
    case subcategory::timeliness:
    case subcategory::cost: return category::output;
    case subcategory::economic_cost:
    case subcategory::social_cost:
    case subcategory::ecological_cost: return category::cost;
    case subcategory::economic_benefit:
    case subcategory::social_benefit:
    case subcategory::ecological_benefit:
    case subcategory::sustainability: return category::effect;
    case subcategory::service_satisfaction: return category::satisfaction;
    case subcategory::unknown: break;
    }
    return category::unknown;
}

// Indicator table column roles.
enum class col_role { block, level1, level2, name, target, nature, target_value, unit, actual, weight, score,
                      deviation, extra };

std::optional<col_role> indicator_role(std::string_view key) noexcept {
    if (key.empty() || key.size() > max_label_bytes) return std::nullopt;
    const std::string_view r = role_of(vocabulary::indicator_column_labels, key);
    if (r.empty()) return std::nullopt;
    if (r == "block") return col_role::block;
    if (r == "level1") return col_role::level1;
    if (r == "level2") return col_role::level2;
    if (r == "name") return col_role::name;
    if (r == "target") return col_role::target;
    if (r == "nature") return col_role::nature;
    if (r == "unit") return col_role::unit;
    if (r == "actual") return col_role::actual;
    if (r == "weight") return col_role::weight;
    if (r == "score") return col_role::score;
    if (r == "deviation") return col_role::deviation;
    return col_role::extra;
}

struct header_col {
    std::size_t column = 0;
    col_role role = col_role::extra;
    std::string label;  ///< as printed (trimmed)
};

/// One indicator row after alignment, before labels are resolved.
struct raw_indicator {
    std::vector<const wcell*> labels;
    std::string name;
    std::string target, nature, target_value, unit, actual, weight, score, deviation;
    bool has_target = false, has_actual = false, has_weight = false, has_score = false;
    std::vector<extra_cell> extra;
    std::size_t line = 0, grid_row = 0, column = 0;
    bool break_before = false;  ///< a page break lies between this row and the previous one
    bool explicit_level2 = false;
    bool has_values() const { return has_target || has_actual || has_weight || has_score; }
};

std::optional<int> find_year(std::string_view key);

// ---------------------------------------------------------------------------------------------
// The recognizer
// ---------------------------------------------------------------------------------------------

class recognizer {
public:
    recognizer(const grid& g, const import_options& options) : grid_(g), options_(options) {}

    result<import_result> run();

private:
    const grid& grid_;
    const import_options& options_;
    std::vector<wrow> rows_;
    import_result out_;
    std::optional<std::size_t> form_index_;

    // ---- report ----
    source_location where(const wcell& c) const {
        return source_location{options_.source_name, c.line, c.grid_row + 1, c.column};
    }
    source_location where_row(const wrow& r) const {
        return source_location{options_.source_name, r.line, r.grid_row + 1, 0};
    }
    void note(note_kind kind, std::string code, std::string message, const wcell& c) {
        out_.report.notes.push_back(import_note{std::move(code), kind, std::move(message), where(c),
                                                std::string(c.text), form_index_});
    }
    void note_row(note_kind kind, std::string code, std::string message, const wrow* r) {
        source_location w = r != nullptr ? where_row(*r) : source_location{options_.source_name, 0, 0, 0};
        out_.report.notes.push_back(import_note{std::move(code), kind, std::move(message), std::move(w), {}, form_index_});
    }
    static void map(const wcell& c) { c.fate = cell_fate::mapped; }
    void drop(const wcell& c, std::string code, std::string message) {
        note(note_kind::repair, std::move(code), std::move(message), c);
        c.fate = cell_fate::noted;
    }
    void unmapped(const wcell& c, std::string message) {
        note(note_kind::unmapped, "cell_unmapped", std::move(message), c);
        c.fate = cell_fate::noted;
    }
    /// Text of a name or value cell: wrapped line breaks removed, recorded.
    std::string unwrapped(const wcell& c) {
        std::string t = unwrap(c.text);
        if (t != c.text) {
            note(note_kind::repair, "line_break_removed",
                 "spaces or line breaks inside the cell come from a line wrap and were removed", c);
        }
        return t;
    }

    // ---- steps ----
    void build_rows();
    bool is_title_row(const wrow& r, std::string* title) const;
    void parse_form(std::size_t begin, std::size_t end, form& f);
    std::size_t parse_funds_row(const wrow& r, std::string_view row_role, form& f,
                                const std::vector<std::pair<std::size_t, std::string_view>>& header);
    std::size_t parse_table(std::size_t begin, std::size_t end, form& f, bool& saw_total);
    bool align_positional(const wrow& r, const std::vector<header_col>& header, raw_indicator& out);
    void align_by_meaning(const std::vector<const wcell*>& cells, const std::vector<header_col>& header,
                          raw_indicator& out);
    bool parse_total(std::size_t& i, std::size_t end, form& f);
    void finish_indicators(std::vector<raw_indicator>& raws, form& f, bool cost_is_level1);
};

void recognizer::build_rows() {
    rows_.reserve(grid_.rows.size());
    for (std::size_t i = 0; i < grid_.rows.size(); ++i) {
        const row& src = grid_.rows[i];
        wrow r;
        r.grid_row = i;
        r.line = src.line;
        for (const cell& c : src.cells) {
            if (c.from_span) continue;  // a copy of a merged cell: "same as above", not an input cell
            const std::string_view t = trim(c.text);
            if (t.empty()) continue;
            wcell w;
            w.text = t;
            w.grid_row = i;
            w.line = c.line;
            w.column = c.column;
            ++out_.report.cells_total;
            if (is_page_number(t)) {
                w.fate = cell_fate::noted;
                out_.report.notes.push_back(import_note{
                    "page_number_dropped", note_kind::repair,
                    "a page number of the PDF leaked into the table as a cell; it is not a cell of the form",
                    where(w), std::string(t), std::nullopt});
                r.blank = false;
                continue;
            }
            w.key = t.size() <= 256 ? label_key(t) : std::string{};
            r.cells.push_back(std::move(w));
            r.blank = false;
        }
        rows_.push_back(std::move(r));
    }
}

bool recognizer::is_title_row(const wrow& r, std::string* title) const {
    if (r.cells.empty()) return false;
    const wcell& first = r.cells.front();
    if (first.key.size() > 150) return false;
    for (std::string_view t : vocabulary::form_titles) {
        if (first.key.find(t) != std::string::npos) {
            // The other cells of a title row may only hold the year.
            for (std::size_t k = 1; k < r.cells.size(); ++k) {
                if (r.cells[k].key.find("年") == std::string::npos) return false;
            }
            if (title != nullptr) *title = first.key;
            return true;
        }
    }
    return false;
}

/// The year in `(2023 年度)`, `2023年度`, `（2023年）`: four digits followed by a year mark.
std::optional<int> find_year(std::string_view key) {
    for (std::size_t pos = 0; pos + 4 <= key.size(); ++pos) {
        bool digits = true;
        for (std::size_t k = 0; k < 4; ++k) digits = digits && key[pos + k] >= '0' && key[pos + k] <= '9';
        if (!digits) continue;
        if (pos > 0 && key[pos - 1] >= '0' && key[pos - 1] <= '9') continue;
        const std::string_view rest = key.substr(pos + 4);
        for (std::string_view mark : vocabulary::year_marks) {
            if (rest.starts_with(mark)) {
                const int y = (key[pos] - '0') * 1000 + (key[pos + 1] - '0') * 100 + (key[pos + 2] - '0') * 10 +
                              (key[pos + 3] - '0');
                if (y >= 1990 && y <= 2200) return y;
            }
        }
    }
    return std::nullopt;
}

std::optional<funds_column> funds_column_of(std::string_view role) {
    if (role == "initial_budget") return funds_column::initial_budget;
    if (role == "full_year_budget") return funds_column::full_year_budget;
    if (role == "executed") return funds_column::executed;
    return std::nullopt;
}
std::optional<funds_score_column> funds_score_column_of(std::string_view role) {
    if (role == "weight") return funds_score_column::weight;
    if (role == "execution_rate") return funds_score_column::execution_rate;
    if (role == "score") return funds_score_column::score;
    return std::nullopt;
}
std::optional<funds_row> funds_row_of(std::string_view role) {
    if (role == "total") return funds_row::total;
    if (role == "current_appropriation") return funds_row::current_appropriation;
    if (role == "prior_carryover") return funds_row::prior_carryover;
    if (role == "other") return funds_row::other;
    return std::nullopt;
}

std::string_view funds_row_role(std::string_view key) {
    if (key.empty() || key.size() > max_label_bytes) return {};
    std::string_view k = key;
    for (std::string_view prefix : vocabulary::funds_row_prefixes) {
        if (k.starts_with(prefix) && k.size() > prefix.size()) {
            k.remove_prefix(prefix.size());
            break;
        }
    }
    return role_of(vocabulary::funds_row_labels, k);
}

bool is_funds_label(std::string_view key) {
    if (key.size() > max_label_bytes) return false;
    for (std::string_view l : vocabulary::funds_labels) {
        if (key.starts_with(l)) return true;
    }
    return false;
}

std::string_view goal_role(std::string_view key) { return role_of(vocabulary::goal_labels, key); }

/// A goal block label or a vertical fragment of it (`年度`, `总体`, `目标`, `年度 总体 目标`).
bool is_goal_label_or_fragment(std::string_view key) {
    if (goal_role(key) == "goal") return true;
    return key.size() >= 6 && is_fragment_of(key, vocabulary::goal_block_label);
}

bool is_indicator_header(const wrow& r) {
    int level_labels = 0, others = 0;
    for (const wcell& c : r.cells) {
        const auto role = indicator_role(c.key);
        if (!role) continue;
        if (*role == col_role::level1 || *role == col_role::level2 || *role == col_role::name) ++level_labels;
        else if (*role != col_role::block) ++others;
    }
    return level_labels >= 1 && level_labels + others >= 3;
}

bool has_total_label(const wrow& r) {
    for (const wcell& c : r.cells) {
        if (!role_of(vocabulary::total_labels, c.key).empty()) return true;
    }
    return false;
}

std::string_view closing_role(const wrow& r, const wcell** which) {
    for (const wcell& c : r.cells) {
        std::string_view role = role_of(vocabulary::closing_labels, c.key);
        if (role.empty() && c.key.size() <= 4 * max_label_bytes) {
            // `评价等级：优` in one cell.
            for (const auto& entry : vocabulary::closing_labels) {
                if (c.key.starts_with(entry.spelling)) {
                    role = entry.role;
                    break;
                }
            }
        }
        if (!role.empty()) {
            *which = &c;
            return role;
        }
    }
    return {};
}

bool is_grade_word(std::string_view key) {
    return std::find(std::begin(vocabulary::grade_words), std::end(vocabulary::grade_words), key) !=
           std::end(vocabulary::grade_words);
}

bool is_header_field(std::string_view key) { return !role_of(vocabulary::header_field_labels, key).empty(); }

/// Any label of the form (a cell that is structure, not content).
bool is_any_label(std::string_view key) {
    return is_header_field(key) || is_funds_label(key) || !goal_role(key).empty() || indicator_role(key) ||
           !role_of(vocabulary::funds_column_labels, key).empty() || !funds_row_role(key).empty() ||
           !role_of(vocabulary::total_labels, key).empty() || !role_of(vocabulary::closing_labels, key).empty();
}

// ---------------------------------------------------------------------------------------------
// run
// ---------------------------------------------------------------------------------------------

result<import_result> recognizer::run() {
    out_.report.source = options_.source_name;
    out_.report.format = grid_.format;
    out_.report.reader_notes = grid_.notes;
    build_rows();

    // Form starts: title rows; a 项目名称 row that follows no title (or a form that already has
    // a project name) starts a form whose title is missing.
    std::vector<std::size_t> starts;
    bool in_form = false, has_name = false;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const wrow& r = rows_[i];
        if (is_title_row(r, nullptr)) {
            starts.push_back(i);
            in_form = true;
            has_name = false;
            continue;
        }
        if (!r.cells.empty() && role_of(vocabulary::header_field_labels, r.cells.front().key) == "project_name") {
            if (!in_form || has_name) {
                // The form starts at its year row when one stands just above (the title is lost).
                std::size_t start = i;
                while (start > 0 && (starts.empty() || start - 1 > starts.back()) && rows_[start - 1].cells.size() == 1 &&
                       rows_[start - 1].cells.front().key.size() <= 40 && find_year(rows_[start - 1].cells.front().key)) {
                    --start;
                }
                starts.push_back(start);
                in_form = true;
            }
            has_name = true;
        }
    }
    for (std::size_t k = 0; k < starts.size(); ++k) {
        const std::size_t begin = starts[k];
        const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : rows_.size();
        form_index_ = out_.forms.size();
        form f;
        parse_form(begin, end, f);
        out_.forms.push_back(std::move(f));
    }
    form_index_.reset();
    for (import_note& n : out_.report.notes) {
        if (n.code != "page_number_dropped" || n.where.row == 0) continue;
        for (std::size_t s = 0; s < starts.size(); ++s) {
            if (starts[s] <= n.where.row - 1) n.form = s;
        }
    }

    // Nothing lost: every cell still open is listed.
    for (std::size_t k = 0, s = 0; k < rows_.size(); ++k) {
        while (s + 1 < starts.size() && starts[s + 1] <= k) ++s;
        if (!starts.empty() && k >= starts[s]) form_index_ = s;
        else form_index_.reset();
        for (const wcell& c : rows_[k].cells) {
            if (c.fate == cell_fate::open) {
                unmapped(c, form_index_ ? "a cell the recognizer could not place in the form"
                                        : "a cell outside every form");
            }
        }
    }
    for (const wrow& r : rows_) {
        for (const wcell& c : r.cells) {
            if (c.fate == cell_fate::mapped) ++out_.report.cells_mapped;
        }
    }

    if (out_.forms.empty()) {
        return error{errc::no_form_found, 0, options_.source_name,
                     "no form found: no title such as 财政项目支出绩效自评表 and no 项目名称 row (" +
                         std::to_string(out_.report.cells_total) + " non-empty cells read)"};
    }
    return std::move(out_);
}

// ---------------------------------------------------------------------------------------------
// One form
// ---------------------------------------------------------------------------------------------

void recognizer::parse_form(std::size_t begin, std::size_t end, form& f) {
    bool saw_funds = false, saw_goal = false, saw_table = false, saw_total = false;
    std::vector<std::pair<std::size_t, std::string_view>> funds_header;  // column -> role
    std::vector<std::pair<std::size_t, std::string_view>> goal_header;   // column -> expected/achieved
    bool goal_mode = false;
    std::array<bool, 4> funds_rows_seen{};

    {
        const wrow& r = rows_[begin];
        f.where = where_row(r);
        std::string title;
        if (is_title_row(r, &title)) {
            f.title = title;
            map(r.cells.front());
            if (auto y = find_year(title)) f.year = y;
            for (std::size_t k = 1; k < r.cells.size(); ++k) {
                if (auto y = find_year(r.cells[k].key)) {
                    f.year = y;
                    map(r.cells[k]);
                }
            }
        } else {
            note_row(note_kind::warning, "no_title", "no form title before 项目名称: the form's title is missing", &r);
        }
    }

    for (std::size_t i = begin + (f.title.empty() ? 0 : 1); i < end; ++i) {
        const wrow& r = rows_[i];
        if (r.cells.empty()) continue;

        // Year row: `(2023 年度)`.
        if (!f.year && r.cells.size() == 1 && r.cells.front().key.size() <= 40) {
            if (auto y = find_year(r.cells.front().key)) {
                f.year = y;
                map(r.cells.front());
                continue;
            }
        }

        // Indicator table.
        if (is_indicator_header(r)) {
            goal_mode = false;
            if (saw_table) note_row(note_kind::warning, "second_indicator_table", "a second indicator header in one form; its rows were appended", &r);
            saw_table = true;
            i = parse_table(i, end, f, saw_total);
            continue;
        }
        if (has_total_label(r)) {
            std::size_t j = i;
            if (parse_total(j, end, f)) saw_total = true;
            i = j;
            continue;
        }

        // Grade and notes.
        const wcell* label = nullptr;
        const std::string_view closing = closing_role(r, &label);
        if (!closing.empty()) {
            map(*label);
            std::string value;
            if (role_of(vocabulary::closing_labels, label->key).empty()) {
                // `评价等级：优`: the value follows the label in the same cell.
                for (const auto& entry : vocabulary::closing_labels) {
                    if (label->key.starts_with(entry.spelling) && label->key.size() > entry.spelling.size()) {
                        std::string_view rest = std::string_view(label->key).substr(entry.spelling.size());
                        if (rest.starts_with(":")) rest.remove_prefix(1);
                        else if (rest.starts_with("\xEF\xBC\x9A")) rest.remove_prefix(3);
                        value = std::string(rest);
                        break;
                    }
                }
            }
            for (const wcell& c : r.cells) {
                if (&c == label || c.fate != cell_fate::open || c.column < label->column) continue;
                if (!role_of(vocabulary::closing_labels, c.key).empty()) break;
                if (!value.empty()) value += closing == "grade" ? "" : "\n";
                value += closing == "grade" ? std::string(c.key) : std::string(c.text);
                map(c);
            }
            if (closing == "grade") f.reported_grade = value;
            else f.notes = value;
            continue;
        }

        // Header fields: label cell, then the next cell that is not a label.
        bool field_row = false;
        for (std::size_t k = 0; k < r.cells.size(); ++k) {
            const std::string_view role = role_of(vocabulary::header_field_labels, r.cells[k].key);
            if (role.empty()) continue;
            field_row = true;
            map(r.cells[k]);
            if (k + 1 < r.cells.size() && !is_any_label(r.cells[k + 1].key)) {
                const wcell& v = r.cells[k + 1];
                std::string text = unwrapped(v);
                if (role == "project_name") f.project_name = std::move(text);
                else if (role == "department") f.department = std::move(text);
                else f.implementing_unit = std::move(text);
                map(v);
                ++k;
            }
        }
        if (field_row) continue;

        // Funds header.
        if (is_funds_label(r.cells.front().key) || (r.cells.size() >= 3 && is_funds_label(r.cells[0].key))) {
            const wcell& h = r.cells.front();
            map(h);
            saw_funds = true;
            goal_mode = false;
            std::string_view best;
            for (const auto& m : vocabulary::money_unit_marks) {
                if (h.key.find(m.spelling) != std::string::npos && m.spelling.size() > best.size()) best = m.spelling;
            }
            std::string_view unit_role = role_of(vocabulary::money_unit_marks, best);
            f.money.unit = unit_role == "ten_thousand_yuan" ? money_unit::ten_thousand_yuan : money_unit::yuan;
            if (unit_role.empty()) {
                note(note_kind::warning, "money_unit_assumed", "the 项目资金 header names no unit: 元 assumed", h);
            }
            funds_header.clear();
            for (std::size_t k = 1; k < r.cells.size(); ++k) {
                const std::string_view role = role_of(vocabulary::funds_column_labels, r.cells[k].key);
                if (role.empty()) continue;
                funds_header.emplace_back(r.cells[k].column, role);
                map(r.cells[k]);
                if (r.cells[k].key.find("万元") != std::string::npos) f.money.unit = money_unit::ten_thousand_yuan;
            }
            continue;
        }

        // Funds rows (a label anywhere in the first two cells).
        {
            std::string_view row_role;
            for (std::size_t k = 0; k < r.cells.size() && k < 2 && row_role.empty(); ++k) row_role = funds_row_role(r.cells[k].key);
            if (!row_role.empty()) {
                saw_funds = true;
                goal_mode = false;
                const auto fr = funds_row_of(row_role);
                const auto idx = static_cast<std::size_t>(*fr);
                if (funds_rows_seen[idx]) {
                    note_row(note_kind::warning, "funds_row_repeated", "a funds row appears twice; the later one was kept", &r);
                }
                funds_rows_seen[idx] = true;
                parse_funds_row(r, row_role, f, funds_header);
                continue;
            }
        }

        // Goal block: labels row, then text rows.
        {
            bool any_label = false, any_text = false;
            for (const wcell& c : r.cells) {
                const std::string_view role = goal_role(c.key);
                if (!role.empty() || is_goal_label_or_fragment(c.key)) any_label = true;
                else any_text = true;
            }
            if (any_label || goal_mode) {
                if (any_label && !goal_mode) {
                    goal_mode = true;
                    saw_goal = true;
                }
                std::vector<const wcell*> texts;
                for (const wcell& c : r.cells) {
                    const std::string_view role = goal_role(c.key);
                    if (role == "expected" || role == "achieved") {
                        goal_header.emplace_back(c.column, role);
                        map(c);
                    } else if (role == "goal") {
                        map(c);
                    } else if (is_goal_label_or_fragment(c.key)) {
                        drop(c, "split_label_dropped", "a fragment of the vertical label 年度总体目标");
                    } else {
                        texts.push_back(&c);
                    }
                }
                (void)any_text;
                for (std::size_t k = 0; k < texts.size(); ++k) {
                    const wcell& c = *texts[k];
                    bool tags = false;
                    std::string text = detail::strip_html_paragraphs(c.text, tags);
                    // Which field: by header column when known, else by order.
                    std::string_view field;
                    if (!goal_header.empty() && texts.size() == 1) {
                        std::size_t best = 0;
                        std::size_t best_distance = static_cast<std::size_t>(-1);
                        for (std::size_t h = 0; h < goal_header.size(); ++h) {
                            const std::size_t col = goal_header[h].first;
                            const std::size_t d = col > c.column ? col - c.column : c.column - col;
                            if (d < best_distance) {
                                best_distance = d;
                                best = h;
                            }
                        }
                        field = goal_header[best].second;
                    } else {
                        field = k == 0 ? "expected" : (k == 1 ? "achieved" : "");
                    }
                    std::string* target = field == "expected" ? &f.annual_goal.expected
                                          : field == "achieved" ? &f.annual_goal.achieved : nullptr;
                    if (target == nullptr) {
                        unmapped(c, "a third goal text in one row");
                        continue;
                    }
                    if (tags) {
                        note(note_kind::repair, "html_tags_stripped",
                             "HTML tags removed from the goal text; <p> paragraphs joined by line breaks", c);
                    }
                    if (!target->empty()) {
                        note(note_kind::repair, "goal_text_joined", "goal text continued in a later row was appended", c);
                        target->append("\n");
                    }
                    target->append(text);
                    map(c);
                }
                continue;
            }
        }
        // Anything else stays open and is listed as unmapped at the end.
    }

    const wrow* last = &rows_[end - 1];
    if (f.project_name.empty()) note_row(note_kind::warning, "no_project_name", "no 项目名称: the form has no project name", &rows_[begin]);
    if (!f.year) note_row(note_kind::warning, "no_year", "no year such as (2023 年度) near the title", &rows_[begin]);
    if (!saw_funds) note_row(note_kind::warning, "no_funds_block", "no 项目资金 block: the funds are missing", &rows_[begin]);
    if (!saw_goal) note_row(note_kind::warning, "no_goal_block", "no 年度总体目标 block: the goal is missing", &rows_[begin]);
    if (!saw_table) note_row(note_kind::warning, "no_indicator_table", "no indicator table (一级指标 / 二级指标 / 三级指标 header)", &rows_[begin]);
    else if (f.indicators.empty()) note_row(note_kind::warning, "no_indicators", "the indicator table has no indicator rows", last);
    if (!saw_total) note_row(note_kind::warning, "no_total_row", "no 总分 row: the form looks truncated", last);
}

// ---------------------------------------------------------------------------------------------
// Funds
// ---------------------------------------------------------------------------------------------

bool fits_amount(std::string_view t) { return is_plain_number(t) || is_not_applicable(t); }
bool fits_rate(std::string_view t) {
    if (is_not_applicable(t) || is_plain_number(t)) return true;
    if (t.ends_with("%")) return is_plain_number(trim(t.substr(0, t.size() - 1)));
    if (t.ends_with("\xEF\xBC\x85")) return is_plain_number(trim(t.substr(0, t.size() - 3)));
    return false;
}
bool is_rate_text(std::string_view t) { return (t.ends_with("%") || t.ends_with("\xEF\xBC\x85")) && fits_rate(t); }

std::size_t recognizer::parse_funds_row(const wrow& r, std::string_view row_role, form& f,
                                        const std::vector<std::pair<std::size_t, std::string_view>>& header) {
    const funds_row fr = *funds_row_of(row_role);
    std::size_t label_at = 0;
    while (label_at < r.cells.size() && funds_row_role(r.cells[label_at].key) != row_role) ++label_at;
    map(r.cells[label_at]);
    std::vector<const wcell*> values;
    for (std::size_t k = label_at + 1; k < r.cells.size(); ++k) values.push_back(&r.cells[k]);
    for (std::size_t k = 0; k < label_at; ++k) unmapped(r.cells[k], "a cell before the funds row label");

    auto put = [&](std::string_view role, const wcell& c) {
        if (auto col = funds_column_of(role)) {
            f.money.at(fr, *col) = read_number_cell(c.text);
        } else if (auto sc = funds_score_column_of(role)) {
            f.money.scoring_at(fr, *sc) = read_number_cell(c.text, *sc == funds_score_column::execution_rate);
        }
        map(c);
    };

    // By position, when the grid keeps empty cells and every value sits under a header column
    // it fits.
    bool positional = grid_.format != grid_format::cell_per_line && !header.empty();
    if (positional) {
        for (const wcell* c : values) {
            const auto it = std::find_if(header.begin(), header.end(), [&](const auto& h) { return h.first == c->column; });
            if (it == header.end()) {
                positional = false;
                break;
            }
            const std::string_view role = it->second;
            const bool ok = role == "execution_rate" ? fits_rate(c->text) : fits_amount(c->text);
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
    note_row(note_kind::repair, "funds_aligned_by_meaning",
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
        if (rate_at > 0 && fits_amount(values[rate_at - 1]->text) && rate_at - 1 >= 1) {
            put("weight", *values[rate_at - 1]);
            amount_end = rate_at - 1;
        }
        for (std::size_t k = 0; k < amount_end; ++k) {
            if (next_amount < amount_roles.size() && fits_amount(values[k]->text)) put(amount_roles[next_amount++], *values[k]);
            else unmapped(*values[k], "a funds cell with no column");
        }
        put("execution_rate", *values[rate_at]);
        if (rate_at + 1 < values.size() && fits_amount(values[rate_at + 1]->text)) put("score", *values[rate_at + 1]);
        for (std::size_t k = rate_at + 2; k < values.size(); ++k) unmapped(*values[k], "a funds cell with no column");
        return values.size();
    }
    constexpr std::array<std::string_view, 3> score_roles{"weight", "execution_rate", "score"};
    std::size_t next_score = 0;
    for (const wcell* c : values) {
        if (is_plain_number(c->text) && next_score == 0 && next_amount < amount_roles.size()) {
            put(amount_roles[next_amount++], *c);
        } else if (fits_amount(c->text) && next_score < score_roles.size()) {
            put(score_roles[next_score++], *c);
        } else {
            unmapped(*c, "a funds cell with no column");
        }
    }
    return values.size();
}

// ---------------------------------------------------------------------------------------------
// Total row
// ---------------------------------------------------------------------------------------------

bool recognizer::parse_total(std::size_t& i, std::size_t end, form& f) {
    const wrow& r = rows_[i];
    std::vector<const wcell*> numbers;
    for (const wcell& c : r.cells) {
        if (!role_of(vocabulary::total_labels, c.key).empty()) {
            map(c);
        } else if (is_plain_number(c.text) || is_not_applicable(c.text)) {
            numbers.push_back(&c);
        } else if (is_grade_word(c.key)) {
            f.reported_grade = c.key;
            map(c);
        }
    }
    // A 总分 row broken into one cell per line (`总分`, `100`, `100` on rows of their own).
    std::size_t j = i + 1;
    while (numbers.size() < 2 && j < end) {
        const wrow& n = rows_[j];
        if (n.cells.empty()) {
            ++j;
            continue;
        }
        if (n.cells.size() == 1 && is_plain_number(n.cells.front().text)) {
            numbers.push_back(&n.cells.front());
            note(note_kind::repair, "total_row_joined", "a 总分 cell on a row of its own was joined to the 总分 row",
                 n.cells.front());
            i = j;
            ++j;
            continue;
        }
        break;
    }
    if (numbers.size() > 2) {
        for (std::size_t k = 0; k + 2 < numbers.size(); ++k) unmapped(*numbers[k], "an extra number in the 总分 row");
        numbers.erase(numbers.begin(), numbers.end() - 2);
    }
    if (numbers.size() == 2) {
        f.total_weight = read_number_cell(numbers[0]->text);
        f.total_score = read_number_cell(numbers[1]->text);
        map(*numbers[0]);
        map(*numbers[1]);
    } else if (numbers.size() == 1) {
        f.total_score = read_number_cell(numbers[0]->text);
        map(*numbers[0]);
        note(note_kind::warning, "total_incomplete", "the 总分 row has one number: read as the total score", *numbers[0]);
    } else {
        note_row(note_kind::warning, "total_incomplete", "the 总分 row has no numbers", &r);
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Indicator table
// ---------------------------------------------------------------------------------------------

/// Whether a text looks like a value expression rather than a name.
bool looks_like_value(std::string_view t) {
    if (t.empty()) return false;
    if (t.size() > max_label_bytes) return false;
    const unsigned char c = static_cast<unsigned char>(t.front());
    if ((c >= '0' && c <= '9') || c == '<' || c == '>' || c == '=' || c == '~') return true;
    for (const auto& s : vocabulary::comparator_symbols) {
        if (t.starts_with(s.spelling)) return true;
    }
    auto in = [&](const auto& table) {
        for (const auto& e : table) {
            if (e.spelling == t) return true;
        }
        return false;
    };
    return in(vocabulary::positive_labels) || in(vocabulary::negative_labels) || in(vocabulary::tier_met_labels) ||
           in(vocabulary::tier_partly_met_labels) || in(vocabulary::tier_not_met_labels) || is_not_applicable(t);
}

bool fits_number_or_blank(const wcell* c) { return c == nullptr || is_plain_number(c->text) || is_not_applicable(c->text); }

bool recognizer::align_positional(const wrow& r, const std::vector<header_col>& header, raw_indicator& out) {
    if (grid_.format == grid_format::cell_per_line) return false;
    std::map<std::size_t, const wcell*> by_column;
    for (const wcell& c : r.cells) {
        if (c.fate == cell_fate::open) by_column[c.column] = &c;
    }
    std::map<col_role, const wcell*> at;
    std::size_t placed = 0;
    for (const header_col& h : header) {
        const auto it = by_column.find(h.column);
        const wcell* c = it == by_column.end() ? nullptr : it->second;
        if (c != nullptr) ++placed;
        if (h.role != col_role::extra) at[h.role] = c;
        switch (h.role) {
        case col_role::block:
            if (c != nullptr) return false;
            break;
        case col_role::level1:
            if (c != nullptr && !is_category_label(c->key)) return false;
            break;
        case col_role::level2:
            if (c != nullptr && !is_subcategory_label(c->key)) return false;
            break;
        case col_role::name:
            if (c == nullptr || is_level_label(c->key) || looks_like_value(c->key)) return false;
            break;
        case col_role::weight:
        case col_role::score:
            if (!fits_number_or_blank(c)) return false;
            break;
        case col_role::deviation:
        case col_role::extra: break;
        default:
            if (c != nullptr && is_level_label(c->key)) return false;
            break;
        }
    }
    if (placed != by_column.size()) return false;  // a cell outside every header column

    auto text_of = [&](col_role role) -> const wcell* {
        const auto it = at.find(role);
        return it == at.end() ? nullptr : it->second;
    };
    if (const wcell* c = text_of(col_role::level1)) out.labels.push_back(c);
    if (const wcell* c = text_of(col_role::level2)) out.labels.push_back(c);
    const wcell* name = text_of(col_role::name);
    out.name = unwrapped(*name);
    map(*name);
    for (const header_col& h : header) {
        const auto it = by_column.find(h.column);
        const wcell* c = it == by_column.end() ? nullptr : it->second;
        std::string text;
        if (c != nullptr && h.role != col_role::level1 && h.role != col_role::level2 && h.role != col_role::name) {
            text = (h.role == col_role::deviation || h.role == col_role::extra) ? std::string(c->text) : unwrapped(*c);
            map(*c);
        }
        switch (h.role) {
        case col_role::target: out.target = text; out.has_target = c != nullptr; break;
        case col_role::nature: out.nature = text; out.has_target = out.has_target || c != nullptr; break;
        case col_role::target_value: out.target_value = text; out.has_target = out.has_target || c != nullptr; break;
        case col_role::unit: out.unit = text; out.has_target = out.has_target || c != nullptr; break;
        case col_role::actual: out.actual = text; out.has_actual = c != nullptr; break;
        case col_role::weight: out.weight = text; out.has_weight = c != nullptr; break;
        case col_role::score: out.score = text; out.has_score = c != nullptr; break;
        case col_role::deviation: out.deviation = text; break;
        case col_role::extra: out.extra.push_back(extra_cell{h.label, text}); break;
        default: break;
        }
    }
    return true;
}

void recognizer::align_by_meaning(const std::vector<const wcell*>& cells, const std::vector<header_col>& header,
                                  raw_indicator& out) {
    std::size_t front = 0;
    // Leading 一级 / 二级 labels; a 二级 label ends them (the next cell is the name, even when the
    // name reads like a label: `服务对象满意度`).
    while (front < cells.size() && out.labels.size() < 2 && is_level_label(cells[front]->key)) {
        out.labels.push_back(cells[front]);
        const bool level2_only = !is_category_label(cells[front]->key);
        ++front;
        if (level2_only || (out.labels.size() == 2)) break;
    }
    // 分值 / 得分: the rightmost two adjacent numbers.
    std::size_t weight_at = cells.size(), score_at = cells.size();
    for (std::size_t k = cells.size(); k-- > front + 1;) {
        if (is_plain_number(cells[k]->text) && is_plain_number(cells[k - 1]->text)) {
            weight_at = k - 1;
            score_at = k;
            break;
        }
    }
    if (weight_at == cells.size()) {
        for (std::size_t k = cells.size(); k-- > front + 1;) {
            if (is_plain_number(cells[k]->text)) {
                weight_at = k;
                break;
            }
        }
    }
    // Roles between name and 分值, and after 得分, in header order.
    std::vector<const header_col*> mid, post;
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
        mid = {&target, &actual};
        post = {&deviation};
    }
    const std::size_t mid_end = std::min(weight_at, cells.size());
    std::vector<const wcell*> middle(cells.begin() + static_cast<std::ptrdiff_t>(front),
                                     cells.begin() + static_cast<std::ptrdiff_t>(mid_end));
    std::vector<const wcell*> tail;
    const std::size_t tail_begin = score_at < cells.size() ? score_at + 1 : (weight_at < cells.size() ? weight_at + 1 : cells.size());
    for (std::size_t k = tail_begin; k < cells.size(); ++k) tail.push_back(cells[k]);

    auto assign = [&](const header_col& h, const wcell& c) {
        std::string text = (h.role == col_role::deviation || h.role == col_role::extra) ? std::string(c.text) : unwrapped(c);
        map(c);
        switch (h.role) {
        case col_role::target: out.target = std::move(text); out.has_target = true; break;
        case col_role::nature: out.nature = std::move(text); out.has_target = true; break;
        case col_role::target_value: out.target_value = std::move(text); out.has_target = true; break;
        case col_role::unit: out.unit = std::move(text); out.has_target = true; break;
        case col_role::actual: out.actual = std::move(text); out.has_actual = true; break;
        case col_role::deviation: out.deviation = std::move(text); break;
        case col_role::extra:
            for (extra_cell& e : out.extra) {
                if (e.label == h.label) {
                    e.text = std::move(text);
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
        out.name += unwrapped(*middle[k]);
        map(*middle[k]);
    }
    if (name_count > 1) {
        note(note_kind::repair, "name_cells_joined",
             "a long 三级指标 name wrapped into " + std::to_string(name_count) + " cells; joined into one name",
             *middle[0]);
    }
    const std::size_t values = middle.size() - name_count;
    if (values >= mid.size()) {
        for (std::size_t k = 0; k < mid.size(); ++k) assign(*mid[k], *middle[name_count + k]);
    } else {
        // Fewer cells than value columns (empty cells dropped): fill target / actual first,
        // in order, then the extra columns.
        std::vector<const header_col*> order;
        for (const header_col* h : mid) {
            if (h->role != col_role::extra) order.push_back(h);
        }
        for (const header_col* h : mid) {
            if (h->role == col_role::extra) order.push_back(h);
        }
        for (std::size_t k = 0; k < values; ++k) assign(*order[k], *middle[name_count + k]);
    }
    if (weight_at < cells.size()) {
        out.weight = std::string(trim(cells[weight_at]->text));
        out.has_weight = true;
        map(*cells[weight_at]);
    }
    if (score_at < cells.size()) {
        out.score = std::string(trim(cells[score_at]->text));
        out.has_score = true;
        map(*cells[score_at]);
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
            unmapped(*c, "a cell after the 得分 column with no header");
            continue;
        }
        for (std::size_t k = 0; k < post.size(); ++k) {
            if (post[k] == h) next_post = k + 1;
        }
        assign(*h, *c);
    }
}

std::size_t recognizer::parse_table(std::size_t begin, std::size_t end, form& f, bool& saw_total) {
    // Header: roles by column; a sub-header row (指标性质 / 指标值 / 度量单位 under 年度指标值)
    // is merged in.
    std::vector<header_col> header;
    auto add_header_row = [&](const wrow& r) {
        for (const wcell& c : r.cells) {
            auto role = indicator_role(c.key);
            if (!role) {
                if (is_fragment_of(c.key, vocabulary::indicator_block_label)) {
                    drop(c, "split_label_dropped", "a fragment of the vertical label 绩效指标");
                } else {
                    // An unknown column label: an extra column.
                    header.push_back(header_col{c.column, col_role::extra, std::string(c.text)});
                    map(c);
                }
                continue;
            }
            map(c);
            header.erase(std::remove_if(header.begin(), header.end(), [&](const header_col& h) { return h.column == c.column; }),
                         header.end());
            header.push_back(header_col{c.column, *role, std::string(c.text)});
        }
        std::sort(header.begin(), header.end(), [](const header_col& a, const header_col& b) { return a.column < b.column; });
    };
    add_header_row(rows_[begin]);
    std::size_t i = begin + 1;
    while (i < end && !rows_[i].cells.empty()) {
        bool all_labels = true;
        for (const wcell& c : rows_[i].cells) all_labels = all_labels && indicator_role(c.key).has_value();
        if (!all_labels) break;
        add_header_row(rows_[i]);
        ++i;
    }
    const bool split_target = std::any_of(header.begin(), header.end(), [](const header_col& h) {
        return h.role == col_role::nature || h.role == col_role::unit;
    });
    if (split_target) {
        for (header_col& h : header) {
            if (h.role == col_role::target) h.role = col_role::target_value;
        }
    }
    if (grid_.format == grid_format::cell_per_line) {
        // Positions mean nothing in this shape: keep the header's order only.
    }

    // Does this table use 成本指标 as a level 1 (with 经济 / 社会 / 生态环境成本 below it)?
    bool cost_is_level1 = false;
    for (std::size_t k = i; k < end && !cost_is_level1; ++k) {
        for (const wcell& c : rows_[k].cells) {
            const subcategory s = classify_subcategory(c.key);
            if (parent_of(s) == category::cost) cost_is_level1 = true;
        }
    }

    std::vector<raw_indicator> raws;
    std::optional<raw_indicator> pending;  // a row cut by a page break, waiting for its continuation
    bool break_seen = false;
    auto flush_pending = [&] {
        if (!pending) return;
        note_row(note_kind::warning, "indicator_without_values",
                 "an indicator row with a name but no values, weight or score", nullptr);
        out_.report.notes.back().where = source_location{options_.source_name, pending->line, pending->grid_row + 1, pending->column};
        out_.report.notes.back().text = pending->name;
        raws.push_back(std::move(*pending));
        pending.reset();
    };
    for (; i < end; ++i) {
        const wrow& r = rows_[i];
        if (r.cells.empty()) {
            if (!r.blank) continue;  // only page numbers
            break_seen = true;
            continue;
        }
        if (has_total_label(r)) {
            flush_pending();
            std::size_t j = i;
            parse_total(j, end, f);
            saw_total = true;
            i = j + 1;
            break;
        }
        const wcell* closing = nullptr;
        if (!closing_role(r, &closing).empty() || is_title_row(r, nullptr) || is_header_field(r.cells.front().key)) break;
        if (is_indicator_header(r)) {
            // The header repeated on a new page.
            add_header_row(r);
            note_row(note_kind::repair, "header_repeated", "the table header repeated after a page break was skipped", &r);
            break_seen = true;
            continue;
        }
        // Page-break fragments of the vertical 绩效指标 label: the row's first cell.
        std::vector<const wcell*> cells;
        bool fragment = false;
        for (std::size_t k = 0; k < r.cells.size(); ++k) {
            const wcell& c = r.cells[k];
            if (k == 0 && (c.key == vocabulary::indicator_block_label || is_fragment_of(c.key, vocabulary::indicator_block_label))) {
                drop(c, "split_label_dropped",
                     "a fragment of the vertical label 绩效指标 printed beside the table (page break)");
                fragment = true;
                continue;
            }
            cells.push_back(&c);
        }
        if (cells.empty()) {
            break_seen = true;
            continue;
        }
        raw_indicator raw;
        raw.line = r.line;
        raw.grid_row = r.grid_row;
        raw.column = cells.front()->column;
        raw.break_before = break_seen || fragment;
        if (!align_positional(r, header, raw)) {
            raw = raw_indicator{};
            raw.line = r.line;
            raw.grid_row = r.grid_row;
            raw.column = cells.front()->column;
            raw.break_before = break_seen || fragment;
            align_by_meaning(cells, header, raw);
        }
        break_seen = false;
        for (const wcell* l : raw.labels) map(*l);
        if (raw.name.empty() && !raw.has_values()) {
            // Labels only (a label row of a merged block): they apply to the rows below.
            if (!raw.labels.empty()) {
                raw_indicator label_row = std::move(raw);
                if (pending) {
                    pending->labels.insert(pending->labels.end(), label_row.labels.begin(), label_row.labels.end());
                } else {
                    pending = std::move(label_row);
                }
            }
            continue;
        }
        if (!raw.has_values()) {
            flush_pending();
            pending = std::move(raw);
            continue;
        }
        if (pending) {
            if (raw.break_before || pending->name.empty()) {
                // A row cut by a page break: the name continues on the next page.
                raw_indicator joined = std::move(*pending);
                pending.reset();
                const std::string first = joined.name;
                if (!first.empty()) {
                    source_location w{options_.source_name, raw.line, raw.grid_row + 1, raw.column};
                    out_.report.notes.push_back(import_note{
                        "row_joined", note_kind::repair,
                        "a row cut by a page break was joined with its continuation: `" + first + "` + `" + raw.name + "`",
                        std::move(w), first + raw.name, form_index_});
                }
                joined.name = first + raw.name;
                joined.labels.insert(joined.labels.end(), raw.labels.begin(), raw.labels.end());
                joined.target = raw.target;
                joined.nature = raw.nature;
                joined.target_value = raw.target_value;
                joined.unit = raw.unit;
                joined.actual = raw.actual;
                joined.weight = raw.weight;
                joined.score = raw.score;
                joined.deviation = raw.deviation;
                joined.extra = raw.extra;
                joined.has_target = raw.has_target;
                joined.has_actual = raw.has_actual;
                joined.has_weight = raw.has_weight;
                joined.has_score = raw.has_score;
                raws.push_back(std::move(joined));
                continue;
            }
            flush_pending();
        }
        raws.push_back(std::move(raw));
    }
    flush_pending();
    finish_indicators(raws, f, cost_is_level1);
    return i - 1;
}

void recognizer::finish_indicators(std::vector<raw_indicator>& raws, form& f, bool cost_is_level1) {
    category level1 = category::unknown;
    subcategory level2 = subcategory::unknown;
    std::string level1_text, level2_text;
    const std::size_t first = f.indicators.size();
    std::vector<bool> explicit_level2;
    for (raw_indicator& raw : raws) {
        bool got_level2 = false;
        for (std::size_t k = 0; k < raw.labels.size(); ++k) {
            const wcell& c = *raw.labels[k];
            const category cat = classify_category(c.key);
            const subcategory sub = classify_subcategory(c.key);
            const bool next_is_cost_sub =
                k + 1 < raw.labels.size() && parent_of(classify_subcategory(raw.labels[k + 1]->key)) == category::cost;
            bool as_level1 = cat != category::unknown;
            if (cat != category::unknown && sub != subcategory::unknown) {
                if (cat == category::cost) {
                    // 成本指标: level 1 in newer forms (with 经济 / 社会 / 生态环境成本 below), else
                    // a level 2 under 产出 (README of the golden forms, rule 6).
                    as_level1 = next_is_cost_sub || cost_is_level1 || (level1 != category::output && level1 != category::unknown);
                } else {
                    as_level1 = true;  // 满意度指标
                }
            }
            if (as_level1) {
                if (cat != level1 && parent_of(level2) != cat) {
                    level2 = subcategory::unknown;
                    level2_text.clear();
                }
                level1 = cat;
                level1_text = c.key;
            } else {
                level2 = sub;
                level2_text = c.key;
                got_level2 = true;
                if (level1 == category::unknown || (parent_of(sub) != level1 && parent_of(sub) != category::unknown &&
                                                    !(sub == subcategory::cost && level1 == category::output))) {
                    // A level 2 under another level 1 than the one above: the level 1 label is
                    // missing on this row; take it from the level 2 when it is certain.
                    if (level1 != category::unknown && parent_of(sub) != category::unknown && parent_of(sub) != level1) {
                        level1 = parent_of(sub);
                        level1_text = std::string(chinese_name(level1));
                    }
                }
            }
        }
        indicator ind;
        ind.level1 = level1;
        ind.level2 = level2;
        ind.level1_text = level1_text;
        ind.level2_text = level2_text;
        ind.name = raw.name;
        std::string target = raw.target;
        if (!raw.nature.empty() || !raw.target_value.empty() || !raw.unit.empty()) {
            target = raw.nature + raw.target_value + raw.unit;
        }
        ind.target = read_value_cell(target);
        ind.actual = read_value_cell(raw.actual);
        ind.weight = read_number_cell(raw.weight);
        ind.score = read_number_cell(raw.score);
        ind.deviation_note = raw.deviation;
        ind.extra = std::move(raw.extra);
        ind.where = source_location{options_.source_name, raw.line, raw.grid_row + 1, raw.column};
        f.indicators.push_back(std::move(ind));
        explicit_level2.push_back(got_level2);
    }

    // Rows above the first 一级 label take it from below (a merged cell whose label is printed
    // on the next page).
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
            out_.report.notes.push_back(import_note{
                "label_from_below", note_kind::repair,
                "the 一级指标 label of this merged block is printed further down (after a page break); taken from below",
                ind.where, ind.level1_text, form_index_});
        }
    }

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
            out_.report.notes.push_back(import_note{
                "label_from_next_page", note_kind::repair,
                "a row before a page break without a 二级指标 label weighs like the `" + after.level2_text +
                    "` rows after the break, not like the rows above: it takes that label",
                ind.where, ind.name, form_index_});
        }
    }
}

}  // namespace

std::string_view to_string(note_kind k) noexcept {
    switch (k) {
    case note_kind::repair: return "repair";
    case note_kind::unmapped: return "unmapped";
    case note_kind::warning: return "warning";
    }
    return "unknown";
}

result<import_result> recognize(const grid& g, const import_options& options) {
    recognizer r(g, options);
    return r.run();
}

result<import_result> import_text(std::string_view bytes, const import_options& options) {
    result<grid> g = options.format ? read_grid(bytes, *options.format, options.limits) : read_grid(bytes, options.limits);
    if (!g.has_value()) {
        error e = g.error();
        if (e.where.empty()) e.where = options.source_name;
        if (e.code == errc::unknown_format) {
            e.code = errc::no_form_found;
            e.message = "no form found: " + e.message;
        }
        return e;
    }
    return recognize(*g, options);
}

result<import_result> import_file(const std::filesystem::path& path, const import_options& options) {
    result<std::string> bytes = read_file(path, options.limits.max_bytes);
    if (!bytes.has_value()) return bytes.error();
    import_options o = options;
    if (o.source_name == "-") o.source_name = path.filename().string();
    return import_text(*bytes, o);
}

}  // namespace jixiao::io
