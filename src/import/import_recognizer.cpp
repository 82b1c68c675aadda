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

#include "read/grid_internal.hpp"
#include "import/import_internal.hpp"
#include "import/meaning_recognizer.hpp"
#include "core/spelling_index.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jixiao::io {

namespace {

using detail::is_not_applicable_mark;
using detail::is_page_number;
using detail::is_plain_number;
using detail::trim;
using detail::unwrap;

// ---------------------------------------------------------------------------------------------
// Cells and rows of the working copy
// ---------------------------------------------------------------------------------------------

enum class cell_fate : unsigned char { open, mapped, noted };

// Indicator table column roles.
enum class col_role { block, level1, level2, name, target, nature, target_value, unit, actual, weight, score,
                      deviation, extra };

/// What a cell is, found once when the rows are built (`classify`), so that the block tests
/// of the recognizer are bit tests instead of label-table searches.
enum cell_bit : std::uint32_t {
    bit_title = 1U << 0,               ///< contains a form title (first cell of a row only)
    bit_year_mark = 1U << 1,           ///< the key contains 年 (a title row's other cells)
    bit_header_field = 1U << 2,        ///< 项目名称 / 主管部门 / 实施单位 ...
    bit_funds_label = 1U << 3,         ///< starts with 项目资金 / 资金情况
    bit_funds_column = 1U << 4,        ///< a funds column label
    bit_funds_row = 1U << 5,           ///< a funds row label (with or without 其中：)
    bit_goal_label = 1U << 6,          ///< a goal label (any role)
    bit_goal_or_fragment = 1U << 7,    ///< the goal block label or a vertical fragment of it
    bit_indicator_column = 1U << 8,    ///< an indicator column label
    bit_total = 1U << 9,               ///< 总分 / 合计 / 总计
    bit_closing_exact = 1U << 10,      ///< a grade / notes label, the whole cell
    bit_closing = 1U << 11,            ///< a grade / notes label, whole or at the start
    bit_category = 1U << 12,           ///< a 一级 label
    bit_subcategory = 1U << 13,        ///< a 二级 label
    bit_plain_number = 1U << 14,       ///< the text is a plain number
    bit_not_applicable = 1U << 15,     ///< the text is a not-applicable mark
    bit_grade_word = 1U << 16,         ///< a grade word (优 / 良 ...)
    bit_indicator_fragment = 1U << 17, ///< a fragment of the vertical label 绩效指标
    bit_any_label = 1U << 18,          ///< any label of the form (structure, not content)
    bit_has_space = 1U << 19,          ///< spaces inside the (trimmed) text: a wrapped cell
};

/// What one exact label spelling names in each label table (first entry of a table wins, as in
/// `role_of`).
struct label_info {
    std::string_view header_role, funds_column_role, funds_row_role, goal_role, closing_role;
    std::optional<col_role> indicator;
    bool total = false, grade_word = false;
    category cat = category::unknown;
    subcategory sub = subcategory::unknown;
};

struct wcell {
    std::string_view text;  ///< trimmed text (points into the grid)
    std::string_view key;   ///< label key: spaces and a trailing colon removed (into the grid or the recognizer)
    std::size_t grid_row = 0;  ///< 0-based
    std::size_t line = 0;
    std::size_t column = 0;    ///< 1-based
    std::size_t page = 0;      ///< 1-based page of a paged source (PDF), else 0
    mutable cell_fate fate = cell_fate::open;  ///< what became of the cell
    std::uint32_t bits = 0;                     ///< cell_bit flags
    col_role indicator = col_role::extra;       ///< indicator column role (with bit_indicator_column)
    category cat = category::unknown;           ///< 一级 label (with bit_category)
    subcategory sub = subcategory::unknown;     ///< 二级 label (with bit_subcategory)
    const label_info* label = nullptr;   ///< what the key names in the exact label tables, if anything
    std::string_view funds_row_role;     ///< funds row role, or empty
    std::string_view closing_role;       ///< grade / notes role (whole cell or prefix), or empty
    bool is(std::uint32_t b) const noexcept { return (bits & b) != 0; }
    /// Header field role, or empty.
    std::string_view header_role() const noexcept { return label != nullptr ? label->header_role : std::string_view{}; }
    /// Funds column role, or empty.
    std::string_view funds_column_role() const noexcept { return label != nullptr ? label->funds_column_role : std::string_view{}; }
    /// Goal label role, or empty.
    std::string_view goal_role() const noexcept { return label != nullptr ? label->goal_role : std::string_view{}; }
};

struct wrow {
    std::span<wcell> cells;  ///< non-empty cells only, in column order (in recognizer::cells_)
    std::size_t grid_row = 0;
    std::size_t line = 0;
    std::size_t page = 0;  ///< page of the row's first cell (PDF), else 0
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

/// Whether `needle` (non-empty) occurs in `haystack`: a plain loop, faster than
/// string_view::find on short Chinese text (whose lead bytes repeat: memchr stops at each).
bool contains(std::string_view haystack, std::string_view needle) noexcept {
    if (needle.empty()) return true;
    if (haystack.size() < needle.size()) return false;
    const char first = needle.front();
    for (std::size_t i = 0, last = haystack.size() - needle.size(); i <= last; ++i) {
        if (haystack[i] == first && haystack.compare(i, needle.size(), needle) == 0) return true;
    }
    return false;
}

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
    /// Views into the grid, or into recognizer::owned_texts_ for an unwrapped cell.
    std::string_view target, nature, target_value, unit, actual, weight, score;
    std::string deviation;
    bool has_target = false, has_actual = false, has_weight = false, has_score = false;
    std::vector<extra_cell> extra;
    std::size_t line = 0, grid_row = 0, column = 0, page = 0;
    bool break_before = false;  ///< a page break lies between this row and the previous one
    bool explicit_level2 = false;
    /// The report notes about this row's cells (indices into the report): they get the index of
    /// the indicator the row becomes, once it is placed.
    std::vector<std::size_t> notes;
    bool has_values() const { return has_target || has_actual || has_weight || has_score; }
};

std::optional<int> find_year(std::string_view key);
void classify(wcell& c);

/// The working rows not yet released, indexed by grid row: rows [base, size()) are held
/// (releasing a form's rows drops them, so only a form or two is ever held).
class row_window {
public:
    [[nodiscard]] wrow& operator[](std::size_t i) noexcept { return rows_[i - base_]; }
    [[nodiscard]] const wrow& operator[](std::size_t i) const noexcept { return rows_[i - base_]; }
    /// One past the last grid row built.
    [[nodiscard]] std::size_t size() const noexcept { return base_ + rows_.size(); }
    /// The first row held.
    [[nodiscard]] std::size_t base() const noexcept { return base_; }
    void push_back(const wrow& r) { rows_.push_back(r); }
    /// Drops rows [base, end) (end <= size()).
    void drop_before(std::size_t end) {
        rows_.erase(rows_.begin(), rows_.begin() + static_cast<std::ptrdiff_t>(end - base_));
        base_ = end;
    }
    [[nodiscard]] std::vector<wrow>::iterator begin() noexcept { return rows_.begin(); }
    [[nodiscard]] std::vector<wrow>::iterator end() noexcept { return rows_.end(); }

private:
    std::vector<wrow> rows_;
    std::size_t base_ = 0;
};

// ---------------------------------------------------------------------------------------------
// The recognizer
// ---------------------------------------------------------------------------------------------

class recognizer {
public:
    recognizer(grid_format format, const import_options& options) : format_(format), options_(options) {
        out_.report.source = options_.source_name;
        out_.report.format = format_;
        cells_.reserve(1024);
    }

    /// Takes grid row `src`, the next row of the document (rows arrive in order). The row's
    /// cells must stay alive (unchanged) until `released()` passes its index.
    void add_row(const row& src);
    /// Rows [0, released()) are finished with: the caller may free them.
    [[nodiscard]] std::size_t released() const noexcept { return rows_.base(); }
    /// The forms parsed so far.
    [[nodiscard]] std::size_t forms_done() const noexcept { return out_.forms.size(); }
    /// Room for `forms` forms in the result (a hint: a form is a large object, and growing
    /// the vector moves every form parsed so far, long out of the cache).
    void expect_forms(std::size_t forms) { out_.forms.reserve(forms); }
    /// After the last row: the forms and the report (`reader_notes`: the grid's notes).
    result<import_result> finish(std::vector<std::string> reader_notes);

private:
    grid_format format_;
    const import_options& options_;
    /// The cells of the rows not yet released, row after row (the rows' spans are rebased when
    /// it grows: no pointer into it is kept across rows).
    std::vector<wcell> cells_;
    row_window rows_;
    // Form starts so far, and the state of the start search (see add_row).
    std::vector<std::size_t> starts_;
    bool in_form_ = false, has_name_ = false;
    std::deque<std::string> owned_keys_;   ///< keys of cells with spaces inside (the others point into the grid)
    std::deque<std::string> owned_texts_;  ///< unwrapped texts of cells with spaces inside (see unwrapped_view)
    std::vector<const wcell*> by_column_;  ///< scratch of align_positional
    // Scratch of parse_table / align_by_meaning (cleared before each use: no allocation per row).
    std::vector<const wcell*> row_cells_;
    std::vector<const header_col*> mid_, post_, order_;
    import_result out_;
    std::vector<import_note> page_notes_;  ///< page numbers dropped (first in the report)
    std::vector<import_note> late_notes_;  ///< cells nothing placed (last in the report)
    std::size_t accounted_ = 0;            ///< rows [0, accounted_) are accounted for
    std::optional<std::size_t> form_index_;

    // ---- report ----
    source_location where(const wcell& c) const {
        return source_location{options_.source_name, c.line, c.grid_row + 1, c.column, c.page};
    }
    source_location where_row(const wrow& r) const {
        return source_location{options_.source_name, r.line, r.grid_row + 1, 0, r.page};
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
        if (!c.is(bit_has_space)) return std::string(c.text);  // nothing to unwrap (text is trimmed)
        std::string t = unwrap(c.text);
        if (t != c.text) {
            note(note_kind::repair, "line_break_removed",
                 "spaces or line breaks inside the cell come from a line wrap and were removed", c);
        }
        return t;
    }

    /// The same as a view: the cell's own text unless unwrapping changed it (then a copy kept
    /// by the recognizer).
    std::string_view unwrapped_view(const wcell& c) {
        if (!c.is(bit_has_space)) return c.text;
        std::string t = unwrap(c.text);
        if (t == c.text) return c.text;
        note(note_kind::repair, "line_break_removed",
             "spaces or line breaks inside the cell come from a line wrap and were removed", c);
        return owned_texts_.emplace_back(std::move(t));
    }

    /// The label key of a trimmed cell text (docs/import.md: spaces and a trailing colon
    /// removed): a view into the grid unless the text has spaces inside.
    std::string_view key_of(std::string_view t, bool spaces) {
        std::string_view key = t;
        if (spaces) key = owned_keys_.emplace_back(detail::without_spaces(t));
        if (key.ends_with(":")) key.remove_suffix(1);
        else if (key.ends_with("\xEF\xBC\x9A")) key.remove_suffix(3);  // U+FF1A full-width colon
        return key;
    }

    // ---- steps ----
    /// Appends the working copy of grid row `src`, grid row number `rows_.size()`.
    void build_row(const row& src);
    /// Rows [0, end) are finished: drops their cells, moving the later rows' cells to the front.
    void release_rows(std::size_t end);
    /// Nothing lost: lists the cells of the rows up to `end` still open (in `late_notes_`) and
    /// counts the mapped ones.
    void account_rows(std::size_t end, std::optional<std::size_t> form);
    /// Parses rows [begin, end) as the next form, then accounts for and releases its rows.
    void finish_form(std::size_t begin, std::size_t end);
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

void recognizer::build_row(const row& src) {
    {
        const std::size_t i = rows_.size();
        if (cells_.size() + src.cells.size() > cells_.capacity()) {
            // Room for the row's cells; the held rows' spans are rebased (cells_ holds exactly
            // their cells, in row order: release_rows keeps it so).
            cells_.reserve(std::max(cells_.size() + src.cells.size(), 2 * cells_.capacity()));
            std::size_t offset = 0;
            for (wrow& held : rows_) {
                held.cells = std::span<wcell>(cells_.data() + offset, held.cells.size());
                offset += held.cells.size();
            }
        }
        wrow r;
        r.grid_row = i;
        r.line = src.line;
        if (!src.cells.empty()) r.page = src.cells.front().page;
        const std::size_t first_cell = cells_.size();
        for (const cell& c : src.cells) {
            if (c.from_span) continue;  // a copy of a merged cell: "same as above", not an input cell
            const std::string_view t = trim(c.text);
            if (t.empty()) continue;
            wcell w;
            w.text = t;
            w.grid_row = i;
            w.line = c.line;
            w.column = c.column;
            w.page = c.page;
            ++out_.report.cells_total;
            if (is_page_number(t)) {
                w.fate = cell_fate::noted;
                page_notes_.push_back(import_note{
                    "page_number_dropped", note_kind::repair,
                    "a page number of the PDF leaked into the table as a cell; it is not a cell of the form",
                    where(w), std::string(t), std::nullopt});
                r.blank = false;
                continue;
            }
            const bool spaces = detail::has_blank(t);
            if (t.size() <= 256) w.key = key_of(t, spaces);
            classify(w);
            if (spaces) w.bits |= bit_has_space;
            cells_.push_back(w);
            r.blank = false;
        }
        r.cells = std::span<wcell>(cells_.data() + first_cell, cells_.size() - first_cell);
        if (!r.cells.empty()) {
            wcell& first = r.cells.front();
            if (first.key.size() <= 150) {
                for (std::string_view title : vocabulary::form_titles) {
                    if (contains(first.key, title)) {
                        first.bits |= bit_title;
                        break;
                    }
                }
                // bit_year_mark is read only for the other cells of a title row.
                if (first.is(bit_title)) {
                    for (wcell& other : r.cells.subspan(1)) {
                        if (contains(other.key, vocabulary::year_word)) other.bits |= bit_year_mark;
                    }
                }
            }
        }
        rows_.push_back(std::move(r));
    }
}

void recognizer::release_rows(std::size_t end) {
    if (end <= rows_.base()) return;
    if (end >= rows_.size()) {
        cells_.clear();
        rows_.drop_before(rows_.size());
        return;
    }
    const auto offset = static_cast<std::size_t>(rows_[end].cells.data() - cells_.data());
    rows_.drop_before(end);
    if (offset == 0) return;
    cells_.erase(cells_.begin(), cells_.begin() + static_cast<std::ptrdiff_t>(offset));
    for (wrow& r : rows_) r.cells = std::span<wcell>(r.cells.data() - offset, r.cells.size());
}

void recognizer::account_rows(std::size_t end, std::optional<std::size_t> form) {
    for (; accounted_ < end; ++accounted_) {
        for (const wcell& c : rows_[accounted_].cells) {
            if (c.fate == cell_fate::open) {
                late_notes_.push_back(import_note{"cell_unmapped", note_kind::unmapped,
                                                  form ? "a cell the recognizer could not place in the form"
                                                       : "a cell outside every form",
                                                  where(c), std::string(c.text), form});
                c.fate = cell_fate::noted;
            } else if (c.fate == cell_fate::mapped) {
                ++out_.report.cells_mapped;
            }
        }
    }
}

void recognizer::finish_form(std::size_t begin, std::size_t end) {
    const std::size_t index = out_.forms.size();
    form_index_ = index;
    form& f = out_.forms.emplace_back();
    parse_form(begin, end, f);
    form_index_.reset();
    account_rows(end, index);
    release_rows(end);
}

bool recognizer::is_title_row(const wrow& r, std::string* title) const {
    if (r.cells.empty()) return false;
    const wcell& first = r.cells.front();
    if (!first.is(bit_title)) return false;
    // The other cells of a title row may only hold the year.
    for (std::size_t k = 1; k < r.cells.size(); ++k) {
        if (!r.cells[k].is(bit_year_mark)) return false;
    }
    if (title != nullptr) *title = std::string(first.key);
    return true;
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

/// Every exact spelling of the form label tables (vocabulary.hpp) in one open-addressing hash
/// table, built once: a cell key is looked up once instead of once per table.
class label_index {
public:
    label_index() {
        auto first = [](std::string_view& field, std::string_view role) {
            if (field.empty()) field = role;
        };
        for (const auto& e : vocabulary::header_field_labels) first(at(e.spelling).header_role, e.role);
        for (const auto& e : vocabulary::funds_column_labels) first(at(e.spelling).funds_column_role, e.role);
        for (const auto& e : vocabulary::funds_row_labels) first(at(e.spelling).funds_row_role, e.role);
        for (const auto& e : vocabulary::goal_labels) first(at(e.spelling).goal_role, e.role);
        for (const auto& e : vocabulary::closing_labels) first(at(e.spelling).closing_role, e.role);
        for (const auto& e : vocabulary::indicator_column_labels) {
            label_info& l = at(e.spelling);
            if (!l.indicator) l.indicator = indicator_role(e.spelling);
        }
        for (const auto& e : vocabulary::total_labels) at(e.spelling).total = true;
        for (std::string_view w : vocabulary::grade_words) at(w).grade_word = true;
        for (const auto& e : vocabulary::category_spellings) {
            label_info& l = at(e.spelling);
            if (l.cat == category::unknown) l.cat = classify_category(e.spelling);
        }
        for (const auto& e : vocabulary::subcategory_spellings) {
            label_info& l = at(e.spelling);
            if (l.sub == subcategory::unknown) l.sub = classify_subcategory(e.spelling);
        }
    }

    /// The label `key` is, or null (a key longer than any label is content).
    const label_info* find(std::string_view key) const noexcept {
        if (key.empty() || key.size() > max_label_bytes) return nullptr;
        for (std::size_t h = hash(key) & mask;; h = (h + 1) & mask) {
            const std::size_t slot = slots_[h];
            if (slot == 0) return nullptr;
            if (entries_[slot - 1].first == key) return &entries_[slot - 1].second;
        }
    }

private:
    static constexpr std::size_t size = 1024;  // > 4x the spellings: short probes
    static constexpr std::size_t mask = size - 1;
    std::vector<std::pair<std::string_view, label_info>> entries_;
    std::array<std::uint16_t, size> slots_{};

    static std::size_t hash(std::string_view k) noexcept {  // eight bytes per multiply
        std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ k.size();
        std::size_t i = 0;
        for (; i + 8 <= k.size(); i += 8) {
            std::uint64_t v = 0;
            std::memcpy(&v, k.data() + i, 8);
            h = (h ^ v) * 0xFF51AFD7ED558CCDULL;
            h ^= h >> 32;
        }
        if (i < k.size()) {
            std::uint64_t v = 0;
            std::memcpy(&v, k.data() + i, k.size() - i);
            h = (h ^ v) * 0xFF51AFD7ED558CCDULL;
            h ^= h >> 32;
        }
        h *= 0xC4CEB9FE1A85EC53ULL;
        return static_cast<std::size_t>(h ^ (h >> 29));
    }
    label_info& at(std::string_view key) {
        for (std::size_t h = hash(key) & mask;; h = (h + 1) & mask) {
            if (slots_[h] == 0) {
                entries_.emplace_back(key, label_info{});
                slots_[h] = static_cast<std::uint16_t>(entries_.size());
                return entries_.back().second;
            }
            if (entries_[slots_[h] - 1].first == key) return entries_[slots_[h] - 1].second;
        }
    }
};

const label_index& labels() {
    static const label_index index;
    return index;
}

/// The funds row role of `key` (an optional 其中： prefix removed first); `whole` is the label
/// lookup of `key` itself, already done by the caller.
std::string_view funds_row_role(std::string_view key, const label_info* whole) {
    if (key.empty() || key.size() > max_label_bytes) return {};
    for (const std::uint16_t k : jixiao::detail::text::index_of<vocabulary::funds_row_prefixes>.candidates(key, 0, key.size())) {
        const std::string_view prefix = vocabulary::funds_row_prefixes[k];
        if (key.starts_with(prefix) && key.size() > prefix.size()) {
            const label_info* l = labels().find(key.substr(prefix.size()));
            return l != nullptr ? l->funds_row_role : std::string_view{};
        }
    }
    return whole != nullptr ? whole->funds_row_role : std::string_view{};
}

bool is_funds_label(std::string_view key) {
    if (key.size() > max_label_bytes) return false;
    for (const std::uint16_t k : jixiao::detail::text::index_of<vocabulary::funds_labels>.candidates(key, 0, key.size())) {
        if (key.starts_with(vocabulary::funds_labels[k])) return true;
    }
    return false;
}

bool is_indicator_header(const wrow& r) {
    int level_labels = 0, others = 0;
    for (const wcell& c : r.cells) {
        if (!c.is(bit_indicator_column)) continue;
        const col_role role = c.indicator;
        if (role == col_role::level1 || role == col_role::level2 || role == col_role::name) ++level_labels;
        else if (role != col_role::block) ++others;
    }
    return level_labels >= 1 && level_labels + others >= 3;
}

bool has_total_label(const wrow& r) {
    for (const wcell& c : r.cells) {
        if (c.is(bit_total)) return true;
    }
    return false;
}

std::string_view closing_role(const wrow& r, const wcell** which) {
    for (const wcell& c : r.cells) {
        if (c.is(bit_closing)) {  // the label, or `评价等级：优` in one cell
            *which = &c;
            return c.closing_role;
        }
    }
    return {};
}


// ---------------------------------------------------------------------------------------------
// Cell classification (once per cell)
// ---------------------------------------------------------------------------------------------

void classify(wcell& c) {
    const std::string_view key = c.key;
    std::uint32_t b = 0;
    const label_info* l = labels().find(key);
    if (l != nullptr) {
        c.label = l;
        c.closing_role = l->closing_role;
        c.cat = l->cat;
        c.sub = l->sub;
        if (l->indicator) {
            b |= bit_indicator_column;
            c.indicator = *l->indicator;
        }
        if (l->total) b |= bit_total;
        if (l->grade_word) b |= bit_grade_word;
    }
    if (!c.header_role().empty()) b |= bit_header_field;
    if (!c.funds_column_role().empty()) b |= bit_funds_column;
    if (!c.goal_role().empty()) b |= bit_goal_label;
    if (!c.closing_role.empty()) b |= bit_closing_exact | bit_closing;
    if (c.cat != category::unknown) b |= bit_category;
    if (c.sub != subcategory::unknown) b |= bit_subcategory;
    if (is_funds_label(key)) b |= bit_funds_label;
    c.funds_row_role = funds_row_role(key, l);
    if (!c.funds_row_role.empty()) b |= bit_funds_row;
    if (c.closing_role.empty() && key.size() <= 4 * max_label_bytes) {
        // `评价等级：优` in one cell.
        // Only the labels indexed under the key's first character can be a prefix of it.
        for (const std::uint16_t k : jixiao::detail::text::index_of<vocabulary::closing_labels>.candidates(key, 0, key.size())) {
            const auto& entry = vocabulary::closing_labels[k];
            if (key.starts_with(entry.spelling)) {
                c.closing_role = entry.role;
                b |= bit_closing;
                break;
            }
        }
    }
    if (c.goal_role() == "goal" || (key.size() >= 6 && is_fragment_of(key, vocabulary::goal_block_label))) {
        b |= bit_goal_or_fragment;
    }
    if (is_fragment_of(key, vocabulary::indicator_block_label)) b |= bit_indicator_fragment;
    if (is_plain_number(c.text)) b |= bit_plain_number;
    if (is_not_applicable_mark(c.text)) b |= bit_not_applicable;
    // Any label of the form (a cell that is structure, not content).
    if ((b & (bit_header_field | bit_funds_label | bit_goal_label | bit_indicator_column | bit_funds_column |
              bit_funds_row | bit_total | bit_closing_exact)) != 0) {
        b |= bit_any_label;
    }
    c.bits = b;
}

// ---------------------------------------------------------------------------------------------
// run
// ---------------------------------------------------------------------------------------------

void recognizer::add_row(const row& src) {
    // The rows are built, and each form parsed, in one pass: a form is parsed as soon as the
    // next form's start is known, while its rows are still in the cache (docs/performance.md).
    //
    // Form starts: title rows; a 项目名称 row that follows no title (or a form that already has
    // a project name) starts a form whose title is missing.
    const std::size_t i = rows_.size();
    build_row(src);
    const wrow& r = rows_[i];
    std::optional<std::size_t> start_here;
    if (is_title_row(r, nullptr)) {
        start_here = i;
        in_form_ = true;
        has_name_ = false;
    } else if (!r.cells.empty() && r.cells.front().header_role() == "project_name") {
        if (!in_form_ || has_name_) {
            // The form starts at its year row when one stands just above (the title is lost).
            std::size_t start = i;
            while (start > 0 && (starts_.empty() || start - 1 > starts_.back()) && rows_[start - 1].cells.size() == 1 &&
                   rows_[start - 1].cells.front().key.size() <= 40 && find_year(rows_[start - 1].cells.front().key)) {
                --start;
            }
            start_here = start;
            in_form_ = true;
        }
        has_name_ = true;
    }
    if (!start_here) return;
    // The previous form (or the text before the first form) ends here.
    if (starts_.empty()) {
        account_rows(*start_here, std::nullopt);
        release_rows(*start_here);
    } else {
        finish_form(starts_.back(), *start_here);
    }
    starts_.push_back(*start_here);
}

result<import_result> recognizer::finish(std::vector<std::string> reader_notes) {
    out_.report.reader_notes = std::move(reader_notes);
    if (starts_.empty()) account_rows(rows_.size(), std::nullopt);
    else finish_form(starts_.back(), rows_.size());

    for (import_note& n : page_notes_) {
        if (n.where.row == 0) continue;
        // The last form starting at or before the note's row (starts are increasing).
        const auto after = std::upper_bound(starts_.begin(), starts_.end(), n.where.row - 1);
        if (after != starts_.begin()) n.form = static_cast<std::size_t>(after - starts_.begin()) - 1;
    }
    // Report order: page numbers, then the forms' notes, then the cells nothing placed.
    std::vector<import_note> notes;
    notes.reserve(page_notes_.size() + out_.report.notes.size() + late_notes_.size());
    std::move(page_notes_.begin(), page_notes_.end(), std::back_inserter(notes));
    std::move(out_.report.notes.begin(), out_.report.notes.end(), std::back_inserter(notes));
    std::move(late_notes_.begin(), late_notes_.end(), std::back_inserter(notes));
    out_.report.notes = std::move(notes);

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
            if (!label->is(bit_closing_exact)) {
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
                if (c.is(bit_closing_exact)) break;
                if (!value.empty()) value += closing == "grade" ? "" : "\n";
                value += closing == "grade" ? c.key : c.text;
                map(c);
            }
            if (closing == "grade") f.reported_grade = value;
            else f.notes = value;
            continue;
        }

        // Header fields: label cell, then the next cell that is not a label.
        bool field_row = false;
        for (std::size_t k = 0; k < r.cells.size(); ++k) {
            const std::string_view role = r.cells[k].header_role();
            if (role.empty()) continue;
            field_row = true;
            map(r.cells[k]);
            if (k + 1 < r.cells.size() && !r.cells[k + 1].is(bit_any_label)) {
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
        if (r.cells.front().is(bit_funds_label)) {
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
                const std::string_view role = r.cells[k].funds_column_role();
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
            for (std::size_t k = 0; k < r.cells.size() && k < 2 && row_role.empty(); ++k) row_role = r.cells[k].funds_row_role;
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
                if (c.is(bit_goal_label | bit_goal_or_fragment)) any_label = true;
                else any_text = true;
            }
            if (any_label || goal_mode) {
                if (any_label && !goal_mode) {
                    goal_mode = true;
                    saw_goal = true;
                }
                std::vector<const wcell*> texts;
                for (const wcell& c : r.cells) {
                    const std::string_view role = c.goal_role();
                    if (role == "expected" || role == "achieved") {
                        goal_header.emplace_back(c.column, role);
                        map(c);
                    } else if (role == "goal") {
                        map(c);
                    } else if (c.is(bit_goal_or_fragment)) {
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

bool fits_amount(const wcell& c) { return c.is(bit_plain_number | bit_not_applicable); }
bool fits_rate(std::string_view t) {
    if (is_not_applicable_mark(t) || is_plain_number(t)) return true;
    if (t.ends_with("%")) return is_plain_number(trim(t.substr(0, t.size() - 1)));
    if (t.ends_with("\xEF\xBC\x85")) return is_plain_number(trim(t.substr(0, t.size() - 3)));
    return false;
}
bool is_rate_text(std::string_view t) { return (t.ends_with("%") || t.ends_with("\xEF\xBC\x85")) && fits_rate(t); }

std::size_t recognizer::parse_funds_row(const wrow& r, std::string_view row_role, form& f,
                                        const std::vector<std::pair<std::size_t, std::string_view>>& header) {
    const funds_row fr = *funds_row_of(row_role);
    std::size_t label_at = 0;
    while (label_at < r.cells.size() && r.cells[label_at].funds_row_role != row_role) ++label_at;
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
    bool positional = format_ != grid_format::cell_per_line && !header.empty();
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
        if (rate_at > 0 && fits_amount(*values[rate_at - 1]) && rate_at - 1 >= 1) {
            put("weight", *values[rate_at - 1]);
            amount_end = rate_at - 1;
        }
        for (std::size_t k = 0; k < amount_end; ++k) {
            if (next_amount < amount_roles.size() && fits_amount(*values[k])) put(amount_roles[next_amount++], *values[k]);
            else unmapped(*values[k], "a funds cell with no column");
        }
        put("execution_rate", *values[rate_at]);
        if (rate_at + 1 < values.size() && fits_amount(*values[rate_at + 1])) put("score", *values[rate_at + 1]);
        for (std::size_t k = rate_at + 2; k < values.size(); ++k) unmapped(*values[k], "a funds cell with no column");
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
        if (c.is(bit_total)) {
            map(c);
        } else if (c.is(bit_plain_number | bit_not_applicable)) {
            numbers.push_back(&c);
        } else if (c.is(bit_grade_word)) {
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
        if (n.cells.size() == 1 && n.cells.front().is(bit_plain_number)) {
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

bool fits_number_or_blank(const wcell* c) { return c == nullptr || c->is(bit_plain_number | bit_not_applicable); }
bool is_level_label(const wcell& c) { return c.is(bit_category | bit_subcategory); }

bool recognizer::align_positional(const wrow& r, const std::vector<header_col>& header, raw_indicator& out) {
    if (format_ == grid_format::cell_per_line) return false;
    // The open cells by column (sorted, one per column: the last one, as a map would keep).
    std::vector<const wcell*>& by_column = by_column_;
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
            if (!fits_number_or_blank(c)) return false;
            break;
        case col_role::deviation:
        case col_role::extra: break;
        default:
            if (c != nullptr && is_level_label(*c)) return false;
            break;
        }
    }
    if (placed != by_column.size()) return false;  // a cell outside every header column

    auto text_of = [&](col_role role) -> const wcell* { return at[static_cast<std::size_t>(role)]; };
    const wcell* name = text_of(col_role::name);
    if (name == nullptr) return false;  // a header without a 三级指标 column: align by meaning
    if (const wcell* c = text_of(col_role::level1)) out.labels.push_back(c);
    if (const wcell* c = text_of(col_role::level2)) out.labels.push_back(c);
    out.name = unwrapped(*name);
    map(*name);
    for (const header_col& h : header) {
        const wcell* c = at_column(h.column);
        std::string_view text;
        if (c != nullptr && h.role != col_role::level1 && h.role != col_role::level2 && h.role != col_role::name) {
            text = (h.role == col_role::deviation || h.role == col_role::extra) ? c->text : unwrapped_view(*c);
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
        case col_role::deviation: out.deviation = std::string(text); break;
        case col_role::extra: out.extra.push_back(extra_cell{h.label, std::string(text)}); break;
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
    std::vector<const header_col*>& mid = mid_;
    std::vector<const header_col*>& post = post_;
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
            (h.role == col_role::deviation || h.role == col_role::extra) ? c.text : unwrapped_view(c);
        map(c);
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
        std::vector<const header_col*>& order = order_;
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
        map(*cells[weight_at]);
    }
    if (score_at < cells.size()) {
        out.score = trim(cells[score_at]->text);
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
            if (!c.is(bit_indicator_column)) {
                if (c.is(bit_indicator_fragment)) {
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
            header.push_back(header_col{c.column, c.indicator, std::string(c.text)});
        }
        std::sort(header.begin(), header.end(), [](const header_col& a, const header_col& b) { return a.column < b.column; });
    };
    add_header_row(rows_[begin]);
    std::size_t i = begin + 1;
    while (i < end && !rows_[i].cells.empty()) {
        bool all_labels = true;
        for (const wcell& c : rows_[i].cells) all_labels = all_labels && c.is(bit_indicator_column);
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
    if (format_ == grid_format::cell_per_line) {
        // Positions mean nothing in this shape: keep the header's order only.
    }

    // Does this table use 成本指标 as a level 1 (with 经济 / 社会 / 生态环境成本 below it)?
    bool cost_is_level1 = false;
    for (std::size_t k = i; k < end && !cost_is_level1; ++k) {
        for (const wcell& c : rows_[k].cells) {
            if (parent_of(c.sub) == category::cost) cost_is_level1 = true;
        }
    }

    std::vector<raw_indicator> raws;
    std::optional<raw_indicator> pending;  // a row cut by a page break, waiting for its continuation
    bool break_seen = false;
    // Appends an indicator row; the notes about its cells name the indicator it becomes.
    auto place = [&](raw_indicator&& raw) {
        const std::size_t index = f.indicators.size() + raws.size();
        for (std::size_t k : raw.notes) {
            if (!out_.report.notes[k].indicator) out_.report.notes[k].indicator = index;
        }
        raws.push_back(std::move(raw));
    };
    auto flush_pending = [&] {
        if (!pending) return;
        note_row(note_kind::warning, "indicator_without_values",
                 "an indicator row with a name but no values, weight or score", nullptr);
        out_.report.notes.back().where =
            source_location{options_.source_name, pending->line, pending->grid_row + 1, pending->column, pending->page};
        out_.report.notes.back().text = pending->name;
        pending->notes.push_back(out_.report.notes.size() - 1);
        place(std::move(*pending));
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
        if (!closing_role(r, &closing).empty() || is_title_row(r, nullptr) || r.cells.front().is(bit_header_field)) break;
        if (is_indicator_header(r)) {
            // The header repeated on a new page.
            add_header_row(r);
            note_row(note_kind::repair, "header_repeated", "the table header repeated after a page break was skipped", &r);
            break_seen = true;
            continue;
        }
        // Page-break fragments of the vertical 绩效指标 label: the row's first cell.
        std::vector<const wcell*>& cells = row_cells_;
        cells.clear();
        bool fragment = false;
        for (std::size_t k = 0; k < r.cells.size(); ++k) {
            const wcell& c = r.cells[k];
            if (k == 0 && (c.key == vocabulary::indicator_block_label || c.is(bit_indicator_fragment))) {
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
        const std::size_t notes_before = out_.report.notes.size();
        raw_indicator raw;
        raw.line = r.line;
        raw.grid_row = r.grid_row;
        raw.column = cells.front()->column;
        raw.page = cells.front()->page;
        raw.break_before = break_seen || fragment;
        if (!align_positional(r, header, raw)) {
            raw = raw_indicator{};
            raw.line = r.line;
            raw.grid_row = r.grid_row;
            raw.column = cells.front()->column;
            raw.page = cells.front()->page;
            raw.break_before = break_seen || fragment;
            align_by_meaning(cells, header, raw);
        }
        for (std::size_t k = notes_before; k < out_.report.notes.size(); ++k) raw.notes.push_back(k);
        break_seen = false;
        for (const wcell* l : raw.labels) map(*l);
        if (raw.name.empty() && !raw.has_values()) {
            // Labels only (a label row of a merged block): they apply to the rows below.
            if (!raw.labels.empty()) {
                raw_indicator label_row = std::move(raw);
                if (pending) {
                    pending->labels.insert(pending->labels.end(), label_row.labels.begin(), label_row.labels.end());
                    pending->notes.insert(pending->notes.end(), label_row.notes.begin(), label_row.notes.end());
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
                    source_location w{options_.source_name, raw.line, raw.grid_row + 1, raw.column, raw.page};
                    out_.report.notes.push_back(import_note{
                        "row_joined", note_kind::repair,
                        "a row cut by a page break was joined with its continuation: `" + first + "` + `" + raw.name + "`",
                        std::move(w), first + raw.name, form_index_});
                    joined.notes.push_back(out_.report.notes.size() - 1);
                }
                joined.notes.insert(joined.notes.end(), raw.notes.begin(), raw.notes.end());
                joined.name = first + raw.name;
                joined.labels.insert(joined.labels.end(), raw.labels.begin(), raw.labels.end());
                joined.target = raw.target;
                joined.nature = raw.nature;
                joined.target_value = raw.target_value;
                joined.unit = raw.unit;
                joined.actual = raw.actual;
                joined.weight = raw.weight;
                joined.score = raw.score;
                joined.deviation = std::move(raw.deviation);
                joined.extra = std::move(raw.extra);
                joined.has_target = raw.has_target;
                joined.has_actual = raw.has_actual;
                joined.has_weight = raw.has_weight;
                joined.has_score = raw.has_score;
                place(std::move(joined));
                continue;
            }
            flush_pending();
        }
        place(std::move(raw));
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
    f.indicators.reserve(first + raws.size());
    std::vector<bool> explicit_level2;
    explicit_level2.reserve(raws.size());
    for (raw_indicator& raw : raws) {
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
        indicator& ind = f.indicators.emplace_back();
        ind.level1 = level1;
        ind.level2 = level2;
        ind.level1_text = level1_text;
        ind.level2_text = level2_text;
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
        ind.where = source_location{options_.source_name, raw.line, raw.grid_row + 1, raw.column, raw.page};
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
                ind.where, ind.level1_text, form_index_, k});
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
                ind.where, ind.name, form_index_, j});
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

namespace {

/// The positional recognizer's result, or the recognizer by meaning's when the first found
/// nothing a form needs (no form, or only forms without indicators and funds figures).
result<import_result> or_by_meaning(result<import_result> positional, const grid& g, const import_options& options) {
    // Families given by the caller are read by meaning (the positional layout knows only its own).
    if (options.layouts.empty() && positional.has_value() && !detail::is_empty_result(*positional) &&
        !detail::holds_other_kinds_only(g, options)) {
        return positional;
    }
    result<import_result> meaning = detail::recognize_by_meaning(g, options);
    if (meaning.has_value() && positional.has_value() && detail::is_empty_result(*meaning) && options.layouts.empty()) {
        return positional;  // nothing more by meaning: the positional report says what is missing
    }
    if (meaning.has_value()) {
        meaning->report.reader_notes.insert(meaning->report.reader_notes.begin(),
            positional.has_value() ? "read by meaning: the layout of the national template gave forms without indicators or funds"
                                   : "read by meaning: the layout of the national template gave no form");
        return meaning;
    }
    if (meaning.error().message.find("jixiao reads project") != std::string::npos) {
        return meaning.error();  // forms of another kind: named and refused, never a broken project form
    }
    if (!positional.has_value()) {
        error e = meaning.error();
        if (e.message.find("jixiao reads project") == std::string::npos) {
            e = positional.error();
            e.message += "; " + meaning.error().message;
        }
        return e;
    }
    return positional;
}

}  // namespace

result<import_result> recognize(const grid& g, const import_options& options) {
    recognizer r(g.format, options);
    for (const row& src : g.rows) r.add_row(src);
    return or_by_meaning(r.finish(g.notes), g, options);
}

namespace {

/// Recognises the rows of a reader as they come (`import_text`): each row is read, recognised
/// and freed while it is in the cache, instead of building the whole grid first. The results
/// are those of `recognize(read_grid(...))`: the recognizer sees the same rows in the same order.
class streaming_recognizer final : public detail::row_sink {
public:
    /// `text_bytes`: the size of the UTF-8 text read (for the estimate of the number of forms).
    streaming_recognizer(grid_format format, const import_options& options, std::size_t text_bytes)
        : recognizer_(format, options), text_bytes_(text_bytes) {}

    void take_row(row&& r) override {
        const std::size_t offset = r.cells.empty() ? 0 : r.cells.front().offset;
        held_.push_back(std::move(r));  // a deque: the held rows (and their cells' text) never move
        recognizer_.add_row(held_.back());
        if (!estimated_ && recognizer_.forms_done() > 0) {
            // The first form ended at this row: room for as many forms of its size as the
            // text holds (+25%), so that the forms are not moved as the vector grows.
            estimated_ = true;
            if (offset > 0) {
                const std::size_t forms = text_bytes_ / offset + 1;
                // Bounded: at most four times the text in form objects (only touched if used).
                const std::size_t cap = text_bytes_ / sizeof(form) * 4 + 1;
                recognizer_.expect_forms(std::min(forms + forms / 4 + 16, cap));
            }
        }
        // Frees the rows the recognizer is done with.
        for (const std::size_t released = recognizer_.released(); first_held_ < released; ++first_held_) {
            held_.pop_front();
        }
    }

    result<import_result> finish(std::vector<std::string> reader_notes) {
        return recognizer_.finish(std::move(reader_notes));
    }

private:
    recognizer recognizer_;
    std::deque<row> held_;        ///< grid rows [first_held_, first_held_ + held_.size())
    std::size_t first_held_ = 0;
    std::size_t text_bytes_ = 0;
    bool estimated_ = false;      ///< the number of forms was estimated
};

}  // namespace

result<import_result> import_text(std::string_view bytes, const import_options& options) {
    const auto fail = [&](error e) -> result<import_result> {
        if (e.where.empty()) e.where = options.source_name;
        if (e.code == errc::unknown_format) {
            e.code = errc::no_form_found;
            e.message = "no form found: " + e.message;
        }
        return e;
    };
    if (detail::is_binary_document(bytes, options.format)) {
        // A PDF: the registered reader builds the whole grid (jixiao::pdf).
        result<grid> g = detail::read_binary_document(bytes, options.format, options.limits);
        if (!g.has_value()) return fail(g.error());
        return recognize(*g, options);
    }
    if (auto office = detail::read_office(bytes, options.format, options.limits)) {
        // Office files (.xlsx, .docx): the whole grid first (merged cells are spans), no UTF-8 check.
        if (!office->has_value()) {
            error e = office->error();  // kept as it is: it says what the file is
            if (e.where.empty()) e.where = options.source_name;
            return e;
        }
        return recognize(**office, options);
    }
    result<detail::prepared_text> text = detail::prepare_text(bytes, options.format, options.limits);
    if (!text.has_value() && text.error().code == errc::unknown_format && !options.format) {
        // No table structure the readers know: text of a PDF dump (cells joined by spaces or
        // run together). Read line by line, then by meaning.
        text = detail::prepare_text(bytes, grid_format::cell_per_line, options.limits);
    }
    if (!text.has_value()) return fail(text.error());
    if (text->format == grid_format::html) {
        // HTML places cells by their spans across rows: the whole grid first.
        result<grid> g = detail::read_prepared(*text, options.limits);
        if (!g.has_value()) return fail(g.error());
        return recognize(*g, options);
    }
    streaming_recognizer recognizer(text->format, options, text->text().size());
    result<grid> g = detail::read_prepared(*text, options.limits, &recognizer);
    if (!g.has_value()) return fail(g.error());
    result<import_result> positional = recognizer.finish(std::move(g->notes));
    if (options.layouts.empty() && positional.has_value() && !detail::is_empty_result(*positional) &&
        !detail::may_hold_other_kind(text->text())) {
        return positional;
    }
    // Nothing a form needs: the whole grid again, for the recognizer by meaning.
    result<grid> whole = detail::read_prepared(*text, options.limits);
    if (!whole.has_value()) return positional.has_value() ? positional : fail(positional.error());
    result<import_result> r = or_by_meaning(std::move(positional), *whole, options);
    if (!r.has_value()) return fail(r.error());
    return r;
}

result<import_result> import_file(const std::filesystem::path& path, const import_options& options) {
    result<std::string> bytes = read_file(path, options.limits.max_bytes);
    if (!bytes.has_value()) return bytes.error();
    import_options o = options;
    if (o.source_name == "-") o.source_name = path.filename().string();
    return import_text(*bytes, o);
}

}  // namespace jixiao::io
