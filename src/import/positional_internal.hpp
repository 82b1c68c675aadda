// positional_internal.hpp (internal) — the positional recognizer of the national template (the
// bundled sample), in stages, one file each (src/import/README.md, docs/import.md):
//   rows       positional_rows.cpp     grid rows -> working rows: non-empty cells, page numbers
//                                      dropped, each cell classified once (positional_labels.cpp)
//   segment    positional_segment.cpp  forms start at title rows (or a 项目名称 row); each form
//                                      is read as soon as the next one starts; nothing lost
//   blocks     positional_blocks.cpp   one form's rows dispatched to their blocks by label:
//                                      year, header fields, funds (positional_funds.cpp), goal
//                                      (positional_goal.cpp), indicator table, total and closing
//                                      (positional_closing.cpp)
//   header     positional_header.cpp   the indicator table's header: column -> role
//   table      positional_table.cpp    indicator rows: aligned (positional_align.cpp), rows cut
//                                      by page breaks joined, label rows carried down
//   levels     positional_levels.cpp   aligned rows -> indicators: 一级 / 二级 labels inherited
//                                      through merged cells and page breaks
// Every note goes through the `recognition_context` (positional_context.cpp). The recognizer
// the door (import_recognizer.cpp) drives is declared in positional_recognizer.hpp.
#pragma once

#include <jixiao/form.hpp>
#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>
#include <jixiao/vocabulary.hpp>

#include "import/import_internal.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jixiao::io::detail::positional {

// ---------------------------------------------------------------------------------------------
// Cells and rows of the working copy
// ---------------------------------------------------------------------------------------------

/// What became of a cell: still open, in a form field, or in the report.
enum class cell_fate : unsigned char { open, mapped, noted };

/// Indicator table column roles.
enum class col_role { block, level1, level2, name, target, nature, target_value, unit, actual, weight, score,
                      deviation, extra };

/// One indicator table column (read by positional_header.cpp).
struct header_col {
    std::size_t column = 0;
    col_role role = col_role::extra;
    std::string label;  ///< as printed (trimmed)
};

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

/// One non-empty input cell, classified.
struct wcell {
    std::string_view text;  ///< trimmed text (points into the grid)
    std::string_view key;   ///< label key: spaces and a trailing colon removed (into the grid or the working rows)
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

/// One grid row of the working copy.
struct wrow {
    std::span<wcell> cells;  ///< non-empty cells only, in column order (in working_rows)
    std::size_t grid_row = 0;
    std::size_t line = 0;
    std::size_t page = 0;  ///< page of the row's first cell (PDF), else 0
    bool blank = true;  ///< no non-empty cell in the source row (a page break in PDF text)
    /// The source row holds a copy of a merged cell (HTML, PDF ruling lines, xlsx, docx): the
    /// source shows which cells are merged, so a blank label is a blank, not a merge to guess.
    bool spanned = false;
    /// Keys of this row's cells held in `working_rows::owned_keys_` (cells with spaces inside):
    /// released with the row.
    std::size_t owned_keys = 0;
};

// ---------------------------------------------------------------------------------------------
// Labels (positional_labels.cpp): the vocabulary tables, looked up once per cell
// ---------------------------------------------------------------------------------------------

/// No label of vocabulary.hpp is longer than this (bytes, spaces removed): longer text is
/// content, and the label tables need not be searched.
constexpr std::size_t max_label_bytes = 48;

/// Looks up `key` in a label table; returns the role or an empty view.
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
inline bool contains(std::string_view haystack, std::string_view needle) noexcept {
    if (needle.empty()) return true;
    if (haystack.size() < needle.size()) return false;
    const char first = needle.front();
    for (std::size_t i = 0, last = haystack.size() - needle.size(); i <= last; ++i) {
        if (haystack[i] == first && haystack.compare(i, needle.size(), needle) == 0) return true;
    }
    return false;
}

/// Sets the bits and roles of `c` from its key and text (`c.key` and `c.text` set).
void classify(wcell& c);
/// The level 1 a level 2 belongs to (unknown for unknown).
[[nodiscard]] category parent_of(subcategory s) noexcept;
/// The indicator column role of a label key, if it is one.
[[nodiscard]] std::optional<col_role> indicator_role(std::string_view key) noexcept;
/// The year in `(2023 年度)`, `2023年度`, `（2023年）`: four digits followed by a year mark.
[[nodiscard]] std::optional<int> find_year(std::string_view key);
[[nodiscard]] std::optional<funds_column> funds_column_of(std::string_view role);
[[nodiscard]] std::optional<funds_score_column> funds_score_column_of(std::string_view role);
[[nodiscard]] std::optional<funds_row> funds_row_of(std::string_view role);

// Row tests of the blocks (bit tests on the classified cells).

/// A title row: a first cell holding a form title, the others at most the year.
inline bool is_title_row(const wrow& r, std::string* title = nullptr) {
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

/// The indicator table's header: a 一级 / 二级 / 三级 label and at least three column labels.
inline bool is_indicator_header(const wrow& r) {
    int level_labels = 0, others = 0;
    for (const wcell& c : r.cells) {
        if (!c.is(bit_indicator_column)) continue;
        const col_role role = c.indicator;
        if (role == col_role::level1 || role == col_role::level2 || role == col_role::name) ++level_labels;
        else if (role != col_role::block) ++others;
    }
    return level_labels >= 1 && level_labels + others >= 3;
}

inline bool has_total_label(const wrow& r) {
    for (const wcell& c : r.cells) {
        if (c.is(bit_total)) return true;
    }
    return false;
}

/// The grade / notes role of the row's first closing label (`*which`: that cell), or empty.
inline std::string_view closing_role(const wrow& r, const wcell** which) {
    for (const wcell& c : r.cells) {
        if (c.is(bit_closing)) {  // the label, or `评价等级：优` in one cell
            *which = &c;
            return c.closing_role;
        }
    }
    return {};
}

inline bool is_level_label(const wcell& c) { return c.is(bit_category | bit_subcategory); }

// ---------------------------------------------------------------------------------------------
// Working rows (positional_rows.cpp)
// ---------------------------------------------------------------------------------------------

/// The working rows not yet released, indexed by grid row: rows [base, size()) are held
/// (releasing a form's rows drops them, so only a form or two is ever held). Their cells are
/// classified once, when the row is added.
class working_rows {
public:
    explicit working_rows(const std::string& source_name) : source_name_(source_name) { cells_.reserve(1024); }

    /// Appends the working copy of grid row `src`, grid row number `size()`. The row's cells
    /// must stay alive (unchanged) until the row is released.
    void add(const row& src);
    /// Rows [base, end) are finished: drops their cells, moving the later rows' cells to the front.
    void release(std::size_t end);

    [[nodiscard]] const wrow& operator[](std::size_t i) const noexcept { return rows_[i - base_]; }
    /// One past the last grid row built.
    [[nodiscard]] std::size_t size() const noexcept { return base_ + rows_.size(); }
    /// The first row held.
    [[nodiscard]] std::size_t base() const noexcept { return base_; }
    /// Non-empty cells read so far (page numbers included).
    [[nodiscard]] std::size_t cells_read() const noexcept { return cells_read_; }
    /// The page numbers dropped so far (repairs `page_number_dropped`, no form yet).
    [[nodiscard]] std::vector<import_note>& page_notes() noexcept { return page_notes_; }

private:
    const std::string& source_name_;
    /// The cells of the rows held, row after row (the rows' spans are rebased when it grows:
    /// no pointer into it is kept across rows).
    std::vector<wcell> cells_;
    std::vector<wrow> rows_;
    std::size_t base_ = 0;
    std::size_t cells_read_ = 0;
    std::deque<std::string> owned_keys_;  ///< keys of cells with spaces inside (the others point into the grid)
    std::vector<import_note> page_notes_;

    /// The label key of a trimmed cell text (docs/import.md: spaces and a trailing colon
    /// removed): a view into the grid unless the text has spaces inside.
    std::string_view key_of(std::string_view t, bool spaces);
};

// ---------------------------------------------------------------------------------------------
// The context of the stages (positional_context.cpp): notes, owned texts, scratch
// ---------------------------------------------------------------------------------------------

/// What the stages of one document share: the reader's shape, the report they write notes to
/// (tagged with the form being read), texts they own and scratch vectors reused row after row.
class recognition_context {
public:
    recognition_context(grid_format format, const std::string& source_name, import_report& report)
        : format_(format), source_name_(source_name), report_(report) {}

    [[nodiscard]] grid_format format() const noexcept { return format_; }
    [[nodiscard]] const std::string& source_name() const noexcept { return source_name_; }
    /// The report's notes so far (the stages refer to notes by index).
    [[nodiscard]] std::vector<import_note>& notes() noexcept { return report_.notes; }
    /// The form being read (its notes carry the index), if any.
    std::optional<std::size_t> form_index;

    [[nodiscard]] source_location where(const wcell& c) const {
        return source_location{source_name_, c.line, c.grid_row + 1, c.column, c.page};
    }
    [[nodiscard]] source_location where_row(const wrow& r) const {
        return source_location{source_name_, r.line, r.grid_row + 1, 0, r.page};
    }
    void note(note_kind kind, std::string code, std::string message, const wcell& c);
    /// A note about a row (`r` null: no location yet).
    void note_row(note_kind kind, std::string code, std::string message, const wrow* r);
    static void map(const wcell& c) { c.fate = cell_fate::mapped; }
    /// A repair that removes the cell from the form.
    void drop(const wcell& c, std::string code, std::string message);
    void unmapped(const wcell& c, std::string message);
    /// Text of a name or value cell: wrapped line breaks removed, recorded.
    std::string unwrapped(const wcell& c) {
        if (!c.is(bit_has_space)) return std::string(c.text);  // nothing to unwrap (text is trimmed)
        return unwrapped_slow(c);
    }
    /// The same as a view: the cell's own text unless unwrapping changed it (then a copy kept
    /// by the context).
    std::string_view unwrapped_view(const wcell& c) {
        if (!c.is(bit_has_space)) return c.text;
        return unwrapped_view_slow(c);
    }

    // Scratch of the indicator table (cleared before each use: no allocation per row).
    std::vector<const wcell*> by_column;  ///< align_positional
    std::vector<const wcell*> row_cells;  ///< read_table
    std::vector<const header_col*> mid, post, order;  ///< align_by_meaning

private:
    grid_format format_;
    const std::string& source_name_;
    import_report& report_;
    std::deque<std::string> owned_texts_;  ///< unwrapped texts of cells with spaces inside

    std::string unwrapped_slow(const wcell& c);
    std::string_view unwrapped_view_slow(const wcell& c);
};

// ---------------------------------------------------------------------------------------------
// The stages of one form
// ---------------------------------------------------------------------------------------------

/// Reads rows [begin, end) of `rows` (one form, begin at its title or 项目名称 row) into `f`
/// (positional_blocks.cpp).
void read_form(recognition_context& ctx, const working_rows& rows, std::size_t begin, std::size_t end, form& f);

/// Funds header columns: grid column -> role (positional_funds.cpp).
using funds_header = std::vector<std::pair<std::size_t, std::string_view>>;
/// The 项目资金 header row (first cell a funds label): money unit and columns.
void read_funds_header(recognition_context& ctx, const wrow& r, form& f, funds_header& header);
/// A funds row with role `row_role`: by column when it lines up with `header`, else by meaning.
/// Returns the number of cells after the label.
std::size_t read_funds_row(recognition_context& ctx, const wrow& r, std::string_view row_role, form& f,
                           const funds_header& header);

/// Goal header columns: grid column -> expected / achieved (positional_goal.cpp).
using goal_header = std::vector<std::pair<std::size_t, std::string_view>>;
/// Whether the row holds a goal label (or a fragment of the vertical 年度总体目标).
[[nodiscard]] bool has_goal_label(const wrow& r) noexcept;
/// A row of the goal block: labels into `header`, texts into the expected / achieved goal.
void read_goal_row(recognition_context& ctx, const wrow& r, form& f, goal_header& header);

/// The 总分 row at `i` (and its numbers on rows of their own, `i` moved past them); grade
/// words in it are the reported grade (positional_closing.cpp).
bool read_total(recognition_context& ctx, const working_rows& rows, std::size_t& i, std::size_t end, form& f);
/// A 评价等级 / 其他需要说明事项 row: `label` (the row's closing label) with role `role`.
void read_closing(const wrow& r, const wcell& label, std::string_view role, form& f);

/// The indicator table's header (positional_header.cpp): merges a header row into `header`
/// (sorted by column; unknown labels are extra columns).
void add_header_row(recognition_context& ctx, const wrow& r, std::vector<header_col>& header);
/// The header at `begin` and the rows of column labels under it (指标性质 / 指标值 / 度量单位);
/// returns the first row after it.
std::size_t read_indicator_header(recognition_context& ctx, const working_rows& rows, std::size_t begin,
                                  std::size_t end, std::vector<header_col>& header);

/// One indicator row after alignment, before labels are resolved (positional_align.cpp).
struct raw_indicator {
    std::vector<const wcell*> labels;
    std::string name;
    /// Views into the grid, or into the context's owned texts for an unwrapped cell.
    std::string_view target, nature, target_value, unit, actual, weight, score;
    std::string deviation;
    bool has_target = false, has_actual = false, has_weight = false, has_score = false;
    std::vector<extra_cell> extra;
    std::size_t line = 0, grid_row = 0, column = 0, page = 0;
    bool break_before = false;  ///< a page break lies between this row and the previous one
    bool spanned = false;       ///< its source row shows merged cells (wrow::spanned)
    /// The report notes about this row's cells (indices into the report): they get the index of
    /// the indicator the row becomes, once it is placed.
    std::vector<std::size_t> notes;
    bool has_values() const { return has_target || has_actual || has_weight || has_score; }
};
/// Whether a text looks like a value expression rather than a name.
[[nodiscard]] bool looks_like_value(std::string_view t);
/// Aligns the row by position when it agrees with the header (false: nothing mapped).
bool align_positional(recognition_context& ctx, const wrow& r, const std::vector<header_col>& header,
                      raw_indicator& out);
/// Aligns the cells by what they are (labels, name, values, 分值 / 得分, deviation).
void align_by_meaning(recognition_context& ctx, const std::vector<const wcell*>& cells,
                      const std::vector<header_col>& header, raw_indicator& out);

/// The indicator table from its header row at `begin` to its 总分 row (`saw_total` set) or the
/// next block; returns the last row read (positional_table.cpp).
std::size_t read_table(recognition_context& ctx, const working_rows& rows, std::size_t begin, std::size_t end,
                       form& f, bool& saw_total);

/// The aligned rows as indicators of `f`, 一级 / 二级 labels inherited (positional_levels.cpp).
void finish_indicators(recognition_context& ctx, std::vector<raw_indicator>& raws, form& f, bool cost_is_level1);

}  // namespace jixiao::io::detail::positional
