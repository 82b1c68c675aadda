// meaning_recognizer.cpp — forms read from tokens by what each token means (see the header for
// the stages; docs/import.md for the families, the repairs and the report).
#include "import/meaning_recognizer.hpp"

#include "import/figure_split.hpp"
#include "import/import_internal.hpp"
#include "import/meaning_tokens.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jixiao::io::detail {

bool is_empty_result(const import_result& r) noexcept {
    return std::all_of(r.forms.begin(), r.forms.end(), [](const form& f) { return is_empty_shell(f); });
}

namespace {

constexpr std::string_view zi_ping = "\xE8\x87\xAA\xE8\xAF\x84";  // 自评
constexpr std::string_view wan_yuan = "\xE4\xB8\x87\xE5\x85\x83";  // 万元
constexpr std::string_view yuan = "\xE5\x85\x83";                  // 元
constexpr std::string_view nian = "\xE5\xB9\xB4";                  // 年

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

/// A file name shown above the form by a document site (`…自评表.docx`), or a title cited in
/// its blurb: in book-title marks (`《…自评表.docx》由会员分享`) or beside a file extension.
bool is_file_name(std::string_view key) {
    for (std::string_view ext : {".docx", ".doc", ".xlsx", ".xls", ".pdf", ".wps", ".et"}) {
        if (key.ends_with(ext)) return true;
        if (contains(key, std::string(ext) + "\xE3\x80\x8B")) return true;  // `.docx》`
    }
    return key.starts_with("\xE3\x80\x8A");  // 《
}

/// Generic title words: a cell that holds one of them and is short is a form title.
bool has_generic_title(std::string_view key) {
    for (std::string_view w : {"\xE8\x87\xAA\xE8\xAF\x84\xE8\xA1\xA8",           // 自评表
                               "\xE7\x9B\xAE\xE6\xA0\x87\xE8\xA1\xA8",           // 目标表
                               "\xE7\x94\xB3\xE6\x8A\xA5\xE8\xA1\xA8",           // 申报表
                               "\xE8\xAF\x84\xE4\xBB\xB7\xE8\xA1\xA8"}) {        // 评价表
        if (contains(key, w)) return true;
    }
    return false;
}

/// The four-digit year before 年 in `text`, if any.
std::optional<int> year_in(std::string_view text) {
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        if (!is_digit(text[i]) || (i > 0 && is_digit(text[i - 1]))) continue;
        std::size_t j = i;
        while (j < text.size() && is_digit(text[j])) ++j;
        if (j - i != 4) continue;
        std::size_t k = j;
        while (k < text.size() && text[k] == ' ') ++k;
        if (text.substr(k).starts_with(nian)) {
            const int y = (text[i] - '0') * 1000 + (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
            if (y >= 1990 && y <= 2100) return y;
        }
    }
    return std::nullopt;
}

/// A figure that can only be several run together: two decimal points (`1.561.56120`), or a
/// percent of a thousand or more (`1111100%`).
bool looks_run_together(std::string_view text) {
    const std::string_view run = leading_figure_run(text);
    if (run.size() != text.size() || run.empty()) return false;
    if (std::count(run.begin(), run.end(), '.') >= 2) return true;
    if (run.back() != '%') return false;
    const std::size_t point = run.find('.');
    const std::size_t whole = point == std::string_view::npos ? run.size() - 1 : point;
    return whole >= 4;
}

/// The points a label prints (`(20分)`, `得分(20分*执行率)`, `10分`): the number before the
/// first 分 that follows digits.
std::optional<decimal> points_in(std::string_view text) {
    const std::string_view fen = "\xE5\x88\x86";  // 分
    for (std::size_t p = text.find(fen); p != std::string_view::npos; p = text.find(fen, p + 1)) {
        std::size_t b = p;
        while (b > 0 && (is_digit(text[b - 1]) || text[b - 1] == '.')) --b;
        if (b == p) continue;
        if (auto d = decimal::parse(text.substr(b, p - b)); d.has_value()) return *d;
    }
    return std::nullopt;
}

bool is_percent(const token& t) { return t.type == token_type::value && t.key.ends_with("%"); }

/// How well a token fits a column role (0: not at all). Used to place values by meaning.
/// The figure of an amount printed with its money unit (`10606.7522万元`, `0元`), else empty.
std::string_view amount_without_unit(const token& t, bool* ten_thousand = nullptr) {
    if (t.type != token_type::value) return {};
    std::string_view text = trim(t.text);
    bool wan = false;
    if (text.ends_with(wan_yuan)) {
        text.remove_suffix(wan_yuan.size());
        wan = true;
    } else if (text.ends_with(yuan)) {
        text.remove_suffix(yuan.size());
    } else {
        return {};
    }
    text = trim(text);
    if (text.empty() || !decimal::parse(text).has_value()) return {};
    if (ten_thousand != nullptr) *ten_thousand = wan;
    return text;
}

int fit(const token& t, std::string_view role) {
    const bool number = t.type == token_type::number;
    const bool na = t.type == token_type::not_applicable;
    const bool value = t.type == token_type::value;
    const bool text = t.type == token_type::text;
    const bool short_text = text && t.key.size() <= 24;
    if (role == "weight" || role == "score") return number ? 4 : na ? 2 : 0;
    if (role == "target" || role == "actual" || role == "target_value") {
        return value ? 4 : number ? 3 : na ? 2 : short_text ? 2 : 0;
    }
    if (role == "nature") {
        if (is_comparator_piece(trim(t.text)) || is_nature_word(trim(t.text))) return 4;
        return text && t.key.size() <= 12 ? 1 : 0;
    }
    if (role == "unit") return text && is_unit_piece(trim(t.text)) ? 3 : text && t.key.size() <= 18 ? 1 : 0;
    if (role == "deviation" || role == "extra") return text ? 2 : (number || value || na) ? 1 : 0;
    // funds
    if (role == "initial_budget" || role == "full_year_budget" || role == "executed") {
        return number ? 4 : na ? 2 : !amount_without_unit(t).empty() ? 3 : 0;
    }
    if (role == "execution_rate") return is_percent(t) ? 5 : number ? 2 : na ? 2 : 0;
    return 0;
}

/// Places values in columns, in order, by meaning: the assignment with the best total fit
/// (a value left out costs more than a column left empty). Returns, per value, the column
/// index or -1.
std::vector<int> align(const std::vector<const token*>& values, const std::vector<std::string>& roles) {
    const std::size_t n = values.size();
    const std::size_t m = roles.size();
    constexpr int skip_value = -3;
    constexpr int low = -1000000;
    std::vector<int> best((n + 1) * (m + 1), low);
    std::vector<unsigned char> how((n + 1) * (m + 1), 0);  // 1 assign, 2 skip column, 3 skip value
    auto at = [m](std::size_t i, std::size_t j) { return i * (m + 1) + j; };
    best[at(n, m)] = 0;
    for (std::size_t i = n + 1; i-- > 0;) {
        for (std::size_t j = m + 1; j-- > 0;) {
            if (i == n && j == m) continue;
            int b = low;
            unsigned char h = 0;
            if (i < n && j < m) {
                const int f = fit(*values[i], roles[j]);
                if (f > 0 && best[at(i + 1, j + 1)] > low && f + best[at(i + 1, j + 1)] > b) {
                    b = f + best[at(i + 1, j + 1)];
                    h = 1;
                }
            }
            if (j < m && best[at(i, j + 1)] > b) {
                b = best[at(i, j + 1)];
                h = 2;
            }
            if (i < n && best[at(i + 1, j)] > low && skip_value + best[at(i + 1, j)] > b) {
                b = skip_value + best[at(i + 1, j)];
                h = 3;
            }
            best[at(i, j)] = b;
            how[at(i, j)] = h;
        }
    }
    std::vector<int> out(n, -1);
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        const unsigned char h = how[at(i, j)];
        if (h == 1) {
            out[i] = static_cast<int>(j);
            ++i;
            ++j;
        } else if (h == 2) {
            ++j;
        } else if (h == 3) {
            ++i;
        } else {
            break;
        }
    }
    return out;
}

/// The national template's order of the value columns after the indicator's name.
const std::vector<std::string>& default_value_columns() {
    static const std::vector<std::string> cols{"target", "actual", "weight", "score", "deviation"};
    return cols;
}

/// The value columns of an indicator header, with target and actual added where the header
/// lost them (a PDF dump that scrambled the header).
/// `labels` (the header's labels as printed, beside `header`) gives, in `out_labels`, the label
/// of each value column ("" for one the header lost).
std::vector<std::string> value_columns(const std::vector<std::string>& header, const std::vector<std::string>* labels = nullptr,
                                       std::vector<std::string>* out_labels = nullptr) {
    std::vector<std::string> out, named;
    for (std::size_t k = 0; k < header.size(); ++k) {
        const std::string& r = header[k];
        if (r == "level1" || r == "level2" || r == "name" || r == "block") continue;
        if (const auto seen = std::find(out.begin(), out.end(), r); seen != out.end() && r != "extra") {
            if (r != "weight" && r != "score") continue;
            // a sub-header names the column again (自评得分 over 单项指标得分 | 权重占比 | 折算得分):
            // the later, finer label holds the figure, the earlier one becomes a text column
            *seen = "extra";
        }
        out.push_back(r);
        named.push_back(labels != nullptr && k < labels->size() ? (*labels)[k] : std::string());
    }
    if (out.empty()) {
        if (out_labels != nullptr) out_labels->assign(default_value_columns().size(), std::string());
        return default_value_columns();
    }
    if (std::find(out.begin(), out.end(), "nature") != out.end() || std::find(out.begin(), out.end(), "unit") != out.end()) {
        // 指标性质 | 指标值 | 度量单位: the value column holds the number alone, folded back later
        std::replace(out.begin(), out.end(), std::string("target"), std::string("target_value"));
    }
    const bool has_target = std::find(out.begin(), out.end(), "target") != out.end() ||
                            std::find(out.begin(), out.end(), "target_value") != out.end();
    const bool has_actual = std::find(out.begin(), out.end(), "actual") != out.end();
    if (!has_target || !has_actual) {
        // insert before the first weight / score column, as in the national template
        auto pos = std::find_if(out.begin(), out.end(), [](const std::string& r) { return r == "weight" || r == "score"; });
        const auto at = pos - out.begin();
        std::vector<std::string> add;
        if (!has_target) add.push_back("target");
        if (!has_actual) add.push_back("actual");
        out.insert(pos, add.begin(), add.end());
        named.insert(named.begin() + at, add.size(), std::string());
    }
    if (out_labels != nullptr) *out_labels = std::move(named);
    return out;
}

enum class mode { header, funds, goal, indicator_header, indicators };

class form_reader {
public:
    form_reader(std::vector<token>& toks, std::size_t begin, std::size_t end, const import_options& options,
                std::size_t form_index, std::vector<import_note>& notes, std::size_t family)
        : t_(toks), begin_(begin), end_(end), options_(options), form_index_(form_index), notes_(notes), family_(family) {}

    /// The index of the national template among the families (npos when it is not given).
    void set_national(std::size_t index) noexcept { national_ = index; }

    form read(std::size_t title_index) {
        form f;
        f.where = where(t_[begin_]);
        if (title_index != npos) {
            f.title = std::string(trim(t_[title_index].text));
            t_[title_index].used = true;
            f.year = year_in(t_[title_index].text);
            for (std::size_t k = title_index + 1; !f.year && k < std::min(end_, title_index + 3); ++k) {
                if (t_[k].type != token_type::label && t_[k].key.size() <= 24) {
                    if ((f.year = year_in(t_[k].text))) t_[k].used = true;
                }
            }
        }
        rows_meaningful_ = rows_are_meaningful();
        for (std::size_t i = begin_; i < end_;) {
            if (t_[i].used) {
                ++i;
                continue;
            }
            const std::size_t next = step(f, i);
            i = next > i ? next : i + 1;  // every step moves on: bounded time on any input
        }
        finish(f);
        return f;
    }

private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    source_location where(const token& t) const { return {options_.source_name, t.line, t.row, t.column, t.page}; }

    void note(note_kind kind, std::string code, std::string message, const token& t,
              std::optional<std::size_t> indicator = std::nullopt) {
        notes_.push_back(import_note{std::move(code), kind, std::move(message), where(t), t.text, form_index_, indicator});
    }

    /// Rows of the source carry table rows (tab, pipe, CSV, HTML, lines with row marks) when
    /// they hold a few tokens each; a PDF dump on one line, or one token a line, does not.
    bool rows_are_meaningful() const {
        std::size_t rows = 0, count = 0;
        for (std::size_t i = begin_; i < end_; ++i) {
            ++count;
            if (t_[i].row_start) ++rows;
        }
        return rows >= 3 && count >= rows * 2 && count <= rows * 16;
    }

    std::size_t next_free(std::size_t i) const {
        while (i < end_ && t_[i].used) ++i;
        return i;
    }

    std::size_t step(form& f, std::size_t i) {
        token& tk = t_[i];
        if (tk.type != token_type::label || tk.hit(family_, label_block::subcategory) == nullptr) last_was_level2_ = false;
        if (tk.type == token_type::label && (mode_ == mode::indicators || mode_ == mode::indicator_header)) demote_in_rubric(i);
        if (tk.type == token_type::label) return label(f, i);
        if (mode_ == mode::goal) return goal_text(f, i);
        if (mode_ == mode::indicator_header || mode_ == mode::indicators) return indicator_row(f, i);
        // figures right after a header of funds columns are that header's row, even after a
        // side-by-side pair (`年初预算 数 0 … 全年预算数 全年执行数 分值 执行率 得分 0 207.4538 10 100% 10`)
        auto is_column_label = [&](std::size_t k) {
            return t_[k].type == token_type::label && t_[k].hit(family_, label_block::funds_column) != nullptr;
        };
        if (mode_ == mode::funds && is_numberish(tk) && inline_funds_ &&
            !(i > begin_ + 1 && !funds_columns_.empty() && is_column_label(i - 1) && is_column_label(i - 2))) {
            // a figure after the side-by-side pairs: the first header column still empty
            if (i > begin_ && t_[i - 1].type == token_type::text) {
                if (t_[i - 1].row == tk.row) inline_columns_.emplace_back();  // `到位数 6.84`: a column jixiao has no field for
                return i + 1;
            }
            for (const std::string& role : funds_columns_) {
                if (fit(tk, role) > 0 && put_funds(f, inline_row_, role, tk)) {
                    tk.used = true;
                    break;
                }
            }
            return i + 1;
        }
        if (mode_ == mode::funds && is_numberish(tk)) {
            const std::string row = funds_row_or_total();
            const std::size_t next = funds_values(f, i, row);
            if (row == "total" && next > i) {
                for (std::size_t k = i; k < next; ++k) {
                    if (t_[k].used) guessed_total_.push_back(k);  // no label: a guess the labelled total replaces
                }
            }
            return next;
        }
        if (mode_ == mode::funds && tk.type == token_type::text && funds_line_text(f, tk)) return i + 1;
        if (tk.type == token_type::text) {
            if (!unit_seen_ && money_unit_of(tk.key, f)) {
                tk.used = true;
                return i + 1;
            }
        }
        return i + 1;  // left for the report
    }

    /// `其中:基本支出:900.47` in the funds block: a line beyond the four rows, printed as a label
    /// and its amount in one merged cell (department forms). The amount is read as the line's
    /// 全年执行数 (what such a line breaks down) and the line kept as printed; a lone `其中:`
    /// starts the label of the line after it. False when the text is no such line.
    bool funds_line_text(form& f, token& tk) {
        static constexpr std::string_view colons[] = {":", "\xEF\xBC\x9A"};  // : and the full-width ：
        const std::string_view text = trim(tk.text);
        if (text.size() > 120 || contains(text, "\xE3\x80\x82")) return false;  // 。: a sentence
        std::size_t at = std::string_view::npos, width = 0;
        for (std::string_view c : colons) {
            const std::size_t p = text.rfind(c);
            if (p != std::string_view::npos && (at == std::string_view::npos || p > at)) {
                at = p;
                width = c.size();
            }
        }
        if (at == std::string_view::npos) return false;
        const std::string_view label = trim(text.substr(0, at));
        const std::string_view amount = trim(text.substr(at + width));
        if (label.empty() && amount.empty()) return false;
        if (amount.empty() && (label == "\xE5\x85\xB6\xE4\xB8\xAD")) {  // 其中: the label of the next line starts here
            line_prefix_ = std::string(text);
            tk.used = true;
            return true;
        }
        reported<decimal> cell = read_number_cell(amount);
        if (label.empty() || cell.state == cell_state::invalid) return false;
        if (cell.state == cell_state::missing &&
            (label == "\xE8\xAF\xB4\xE6\x98\x8E" || label == "\xE5\xA4\x87\xE6\xB3\xA8" || label == "\xE6\xB3\xA8")) {
            return false;  // 说明: / 备注: / 注: a note starts, not a line
        }
        funds_line line;
        line.label = line_prefix_.empty() ? std::string(label) : line_prefix_ + std::string(label);
        line_prefix_.clear();
        line.at(funds_column::executed) = std::move(cell);
        f.money.breakdown.push_back(std::move(line));
        tk.used = true;
        return true;
    }

    /// A labelled line beyond the four rows (基本支出 7242318 74.8%): a funds_line with the amounts
    /// that follow on its line, in the block's amount columns; a percent (占比) is left for the report.
    std::size_t funds_line_row(form& f, const token& label, std::size_t i) {
        std::vector<funds_column> columns;
        for (const std::string& role : funds_columns_) {
            if (role == "initial_budget") columns.push_back(funds_column::initial_budget);
            else if (role == "full_year_budget") columns.push_back(funds_column::full_year_budget);
            else if (role == "executed") columns.push_back(funds_column::executed);
        }
        if (columns.empty()) columns = {funds_column::initial_budget, funds_column::full_year_budget, funds_column::executed};
        join_split_amounts(f, i + 1);
        funds_line line;
        line.label = std::string(trim(label.text));
        std::size_t k = next_free(i + 1), n = 0;
        for (; k < end_ && n < columns.size() && t_[k].type == token_type::number && t_[k].line == label.line; k = next_free(k + 1)) {
            line.at(columns[n++]) = read_number_cell(trim(t_[k].text));
            t_[k].used = true;
        }
        if (n == 0) return i + 1;  // no amount beside it: the label is left for the report
        t_[i].used = true;
        f.money.breakdown.push_back(std::move(line));
        return k;
    }

    /// `968.191 8` in a block in 万元: an amount to the yuan (four places) that a PDF dump split
    /// before its last digit; joined (`968.1918`), with a note. Only a figure of three places
    /// followed by one lone digit on the same line is joined.
    void join_split_amounts(const form& f, std::size_t i) {
        if (!unit_seen_ || f.money.unit != money_unit::ten_thousand_yuan) return;
        for (std::size_t k = next_free(i); k < end_ && is_numberish(t_[k]); k = next_free(k + 1)) {
            const std::size_t n = next_free(k + 1);
            if (n >= end_ || t_[k].type != token_type::number || t_[n].type != token_type::number || t_[n].line != t_[k].line) continue;
            const std::string_view a = trim(t_[k].text), b = trim(t_[n].text);
            const std::size_t dot = a.find('.');
            if (dot == std::string_view::npos || a.size() - dot - 1 != 3 || b.size() != 1 || !is_digit(b[0])) continue;
            note(note_kind::repair, "amount_split_joined",
                 "an amount in 万元 split before its last digit (" + std::string(a) + " " + std::string(b) +
                     "): joined, to the yuan",
                 t_[k]);
            t_[k].text = std::string(a) + std::string(b);
            t_[k].key = t_[k].text;
            t_[n].used = true;
        }
    }

    /// The total row's label comes after figures that were taken for the total for want of a
    /// label (`财政拨款 收入构成 支出构成 6296906 … 合计 968.191 8`): the labelled row wins, and the
    /// guessed figures go back to the report.
    void forget_guessed_total(form& f, const token& label) {
        for (std::size_t k : guessed_total_) t_[k].used = false;
        guessed_total_.clear();
        for (funds_column c : {funds_column::initial_budget, funds_column::full_year_budget, funds_column::executed}) {
            f.money.at(funds_row::total, c) = {};
        }
        f.money.weight = {};
        f.money.execution_rate = {};
        f.money.score = {};
        std::erase(funds_rows_done_, std::string("total"));
        note(note_kind::repair, "funds_total_guess_replaced",
             "figures read as the total row for want of a label were replaced by the row labelled " +
                 std::string(trim(label.text)) + " (they are reported)",
             label);
    }

    /// The next funds row without a label: the total first (PDF dumps drop the label).
    std::string funds_row_or_total() {
        for (std::string_view r : {"total", "current_appropriation", "prior_carryover", "other"}) {
            if (std::find(funds_rows_done_.begin(), funds_rows_done_.end(), r) == funds_rows_done_.end()) return std::string(r);
        }
        return {};
    }

    bool money_unit_of(std::string_view key, form& f) {
        if (contains(key, wan_yuan)) {
            f.money.unit = money_unit::ten_thousand_yuan;
            unit_seen_ = true;
            return true;
        }
        if (key.size() <= 24 && contains(key, yuan) && (key.starts_with("(") || contains(key, "\xE5\x8D\x95\xE4\xBD\x8D"))) {  // 单位
            f.money.unit = money_unit::yuan;
            unit_seen_ = true;
            return true;
        }
        return false;
    }

    std::size_t label(form& f, std::size_t i) {
        token& tk = t_[i];
        // In the indicator table, 分值 / 得分 / 合计 belong to the table, not to the funds block.
        const bool in_table = mode_ == mode::indicator_header || mode_ == mode::indicators;
        if (const label_hit* h = tk.hit(family_, label_block::category); h != nullptr && (in_table || mode_ == mode::header || mode_ == mode::goal || mode_ == mode::funds)) {
            if (mode_ != mode::indicator_header && mode_ != mode::indicators) mode_ = mode::indicators;
            if (tk.hit(family_, label_block::subcategory) != nullptr && level1_set_ && h->cat != category::satisfaction &&
                h->cat != level1_) {
                // 成本指标 is a level 2 under 产出指标 in older forms, a level 1 in newer ones
                // (then a level 2 such as 经济成本指标 follows it)
                const std::size_t n = next_free(i + 1);
                const bool level2_follows = n < end_ && t_[n].hit(family_, label_block::subcategory) != nullptr &&
                                            t_[n].hit(family_, label_block::category) == nullptr;
                if (!level2_follows) return level2(tk, i);
            }
            tk.used = true;
            level1_text_ = strip_points(meaning_key(tk.text));  // as printed (traditional kept), without spaces or glosses
            level1_ = h->cat;
            level1_set_ = true;
            if (awaiting_level1_ < f.indicators.size()) {
                // rows read after the block before was full (`项目决策 2 分` | 决策依据 2): a dump
                // printed this label after them; they are its rows
                for (std::size_t k = awaiting_level1_; k < f.indicators.size(); ++k) {
                    f.indicators[k].level1 = level1_;
                    f.indicators[k].level1_text = level1_text_;
                }
                note(note_kind::repair, "label_from_points",
                     "the rows after a full level-1 block (its weights add up to its points) take the level-1 label printed after them (" +
                         level1_text_ + ")",
                     tk, awaiting_level1_);
            }
            awaiting_level1_ = static_cast<std::size_t>(-1);
            level1_points_.reset();
            level1_weights_ = decimal{};
            if (!tk.points.empty()) {
                if (auto d = decimal::parse(tk.points); d.has_value()) level1_points_ = *d;
            }
            level2_text_.clear();
            level2_ = subcategory::unknown;
            if (!tk.points.empty()) note(note_kind::repair, "category_points", "the points of a level-1 block (" + tk.points + ") are printed in its label", tk);
            return i + 1;
        }
        if (tk.hit(family_, label_block::subcategory) != nullptr && (in_table || mode_ == mode::header || mode_ == mode::funds || mode_ == mode::goal)) {
            if (in_table && last_was_level2_ && tk.hit(family_, label_block::category) == nullptr) {
                // a level-2 label right after a level-2 label is the indicator's name
                // (服务对象满意度指标 | 服务对象满意度 | …)
                last_was_level2_ = false;
                tk.type = token_type::text;
                return indicator_row(f, i);
            }
            if (!in_table) mode_ = mode::indicators;
            return level2(tk, i);
        }
        if (const label_hit* h = tk.hit(family_, label_block::indicator_column);
            h != nullptr && (in_table || (h->role != "weight" && h->role != "score" && h->role != "extra") || mode_ != mode::funds ||
                             !funds_column_of_own_family(tk))) {
            if ((h->role == "deviation" || h->role == "extra") && mode_ == mode::header && !f.total_score.text.empty() &&
                !f.indicators.empty()) {
                // `偏差大或目标未完成原因分析 | 无` below the total: a closing row, not a table header
                tk.used = true;
                const std::size_t v = next_free(i + 1);
                if (v < end_ && t_[v].type != token_type::label) {
                    if (!f.notes.empty()) f.notes += '\n';
                    f.notes += std::string(trim(tk.text)) + ": " + std::string(trim(t_[v].text));
                    t_[v].used = true;
                    return v + 1;
                }
                return i + 1;
            }
            if (h->role == "block" && mode_ == mode::indicators && !indicator_columns_.empty()) {
                tk.used = true;  // 绩效指标 repeated on the next page: the table goes on
                return i + 1;
            }
            const bool header_has_names = std::any_of(indicator_columns_.begin(), indicator_columns_.end(), [](const std::string& r) {
                return r == "name" || r == "level1" || r == "level2";
            });
            if (mode_ == mode::indicators && (h->role == "extra" || h->role == "deviation") && !indicator_columns_.empty() &&
                !header_has_names) {
                // `分值 自评分 … 决策依据 2 2 复核分 评价标准及依据`: the rest of a header that a PDF
                // dump printed after the first row; the table goes on with these columns
                tk.used = true;
                indicator_columns_.push_back(h->role);
                indicator_labels_.push_back(header_label(tk));
                return i + 1;
            }
            if (mode_ != mode::indicator_header) {
                indicator_columns_.clear();
                indicator_labels_.clear();
                mode_ = mode::indicator_header;
            }
            tk.used = true;
            if (h->role != "block") {
                indicator_columns_.push_back(h->role);
                indicator_labels_.push_back(header_label(tk));
            }
            return i + 1;
        }
        if (const label_hit* h = tk.hit(family_, label_block::total); h != nullptr && (in_table || tk.hit(family_, label_block::funds_row) == nullptr || mode_ != mode::funds)) {
            return total(f, i);
        }
        if (const label_hit* h = tk.hit(family_, label_block::header); h != nullptr && !in_table) {
            tk.used = true;
            const std::size_t v = next_free(i + 1);
            if (v < end_ && t_[v].type != token_type::label) {
                std::string value(trim(t_[v].text));
                if (h->role == "project_name" && f.project_name.empty()) f.project_name = value;
                else if (h->role == "department" && f.department.empty()) f.department = value;
                else if (h->role == "implementing_unit" && f.implementing_unit.empty()) f.implementing_unit = value;
                else return i + 1;
                t_[v].used = true;
                return v + 1;
            }
            return i + 1;
        }
        if (tk.hit(family_, label_block::funds) != nullptr && !in_table) {
            tk.used = true;
            mode_ = mode::funds;
            if (!execution_points_) execution_points_ = points_in(tk.points.empty() ? tk.text : tk.points);
            const std::size_t v = next_free(i + 1);
            const bool unit_next = v < end_ && t_[v].type == token_type::text && t_[v].key.size() <= 48;
            if (unit_next && !execution_points_) execution_points_ = points_in(t_[v].text);  // `(万元)(20分)`
            if (!unit_seen_ && !money_unit_of(tk.key, f) && unit_next && money_unit_of(t_[v].key, f)) t_[v].used = true;
            return i + 1;
        }
        if (const label_hit* h = tk.hit(family_, label_block::funds_column); h != nullptr && !in_table && !row_meaning_wins(tk, *h)) {
            if (mode_ != mode::funds) {
                mode_ = mode::funds;
                funds_columns_.clear();
            }
            tk.used = true;
            const std::size_t v = next_free(i + 1);
            // the last of a header's column labels on the same line (`… 执行率 得分 0 207.4538 …`)
            // is no pair: the figures after it are the header's row
            const bool header_goes_on = !funds_columns_.empty() && i > begin_ && t_[i - 1].line == tk.line &&
                                        t_[i - 1].hit(family_, label_block::funds_column) != nullptr;
            if (v < end_ && is_numberish(t_[v]) && t_[v].row == tk.row && !header_goes_on) {
                // `预算数 6.84 到位数 6.84 执行数 6.84`: label and figure side by side
                inline_funds_ = true;
                inline_columns_.push_back(h->role);
                if (put_funds(f, inline_row_, h->role, t_[v])) {
                    t_[v].used = true;
                    return v + 1;
                }
                return i + 1;
            }
            if (std::find(funds_columns_.begin(), funds_columns_.end(), h->role) == funds_columns_.end()) {
                funds_columns_.push_back(h->role);
            }
            if (h->role == "score" && !execution_points_) execution_points_ = points_in(tk.text);  // 得分(20分*执行率)
            if (!unit_seen_) money_unit_of(tk.key, f);
            return i + 1;
        }
        if (const label_hit* h = tk.hit(family_, label_block::funds_row); h != nullptr && !in_table) {
            tk.used = true;
            mode_ = mode::funds;
            if (h->role == "line") {
                tk.used = false;  // until an amount is read beside it
                return funds_line_row(f, tk, i);
            }
            if (inline_funds_ && !inline_columns_.empty()) {
                // `其中:财政资金 6.84 其中:财政资金 6.84 …` under side-by-side pairs: the k-th
                // label of the row and its figure are in the k-th pair's column
                std::size_t k = 0;
                for (std::size_t j = i; j-- > begin_ && t_[j].row == tk.row && t_[j].line == tk.line;) {
                    if (t_[j].key == tk.key) ++k;
                }
                const std::size_t v = next_free(i + 1);
                const std::size_t after = v < end_ ? next_free(v + 1) : end_;
                if (v < end_ && is_numberish(t_[v]) && t_[v].row == tk.row && t_[v].line == tk.line &&
                    (after >= end_ || t_[after].row != tk.row || t_[after].line != tk.line || t_[after].key == tk.key)) {
                    if (k < inline_columns_.size() && !inline_columns_[k].empty() &&
                        put_funds(f, row_of(h->role), inline_columns_[k], t_[v])) {
                        t_[v].used = true;
                    }
                    return v + 1;
                }
            }
            if (h->role == "total" && !guessed_total_.empty()) forget_guessed_total(f, tk);
            return funds_values(f, i + 1, h->role);
        }
        if (const label_hit* h = tk.hit(family_, label_block::goal); h != nullptr && !in_table) {
            tk.used = true;
            mode_ = mode::goal;
            if (h->role != "goal") goal_order_.push_back(h->role);
            return i + 1;
        }
        if (const label_hit* h = tk.hit(family_, label_block::closing); h != nullptr) {
            tk.used = true;
            const std::size_t v = next_free(i + 1);
            if (v < end_ && t_[v].type != token_type::label) {
                if (h->role == "grade") f.reported_grade = std::string(trim(t_[v].text));
                else f.notes = std::string(trim(t_[v].text));
                t_[v].used = true;
                return v + 1;
            }
            return i + 1;
        }
        return i + 1;  // a label out of its block: left for the report
    }

    std::size_t level2(token& tk, std::size_t i) {
        tk.used = true;
        last_was_level2_ = true;
        level2_text_ = strip_points(meaning_key(tk.text));
        const label_hit* h = tk.hit(family_, label_block::subcategory);
        level2_ = h != nullptr ? h->sub : subcategory::unknown;
        return i + 1;
    }

    std::size_t total(form& f, std::size_t i) {
        t_[i].used = true;
        std::vector<std::size_t> nums;
        for (std::size_t k = next_free(i + 1); k < end_ && nums.size() < 2; k = next_free(k + 1)) {
            if (t_[k].type == token_type::number) nums.push_back(k);
            else if (t_[k].type == token_type::not_applicable && rows_meaningful_) continue;
            else break;
        }
        if (nums.size() == 1) {
            f.total_score = read_number_cell(trim(t_[nums[0]].text));
        } else if (nums.size() == 2) {
            f.total_weight = read_number_cell(trim(t_[nums[0]].text));
            f.total_score = read_number_cell(trim(t_[nums[1]].text));
        }
        for (std::size_t k : nums) t_[k].used = true;
        if (mode_ == mode::indicators) mode_ = mode::header;
        return nums.empty() ? i + 1 : nums.back() + 1;
    }

    /// `194.9194.9100%其中:` after a funds row label: figures run together, split when the
    /// row's arithmetic allows one reading only (figure_split.hpp); true when they were read.
    bool run_together_funds(form& f, std::size_t k, const std::string& row_role) {
        if (k >= end_ || row_role.empty()) return false;
        if (t_[k].type != token_type::text && !(is_numberish(t_[k]) && looks_run_together(trim(t_[k].text)))) return false;
        const std::string_view text = trim(t_[k].text);
        const std::string_view run = leading_figure_run(text);
        if (run.size() < 5) return false;
        std::vector<std::string> roles = funds_columns_;
        if (roles.empty()) roles = {"initial_budget", "full_year_budget", "executed", "weight", "execution_rate", "score"};
        const auto figures = split_figures_by_arithmetic(run, roles, execution_points_);
        if (!figures) return false;
        const funds_row r = row_of(row_role);
        std::string read;
        for (const auto& [role, figure] : *figures) {
            put_funds(f, r, role, figure);
            read += (read.empty() ? "" : " | ") + figure;
        }
        funds_rows_done_.push_back(row_role);
        t_[k].used = true;
        note(note_kind::repair, "figures_split_by_arithmetic",
             "funds figures run together (" + std::string(run) + ") read as " + read +
                 ": the only split in which the rate is executed / budget" +
                 (execution_points_ ? " and the score " + execution_points_->to_string() + " x rate" : std::string()),
             t_[k]);
        if (run.size() < text.size()) {
            note(note_kind::unmapped, "cell_unmapped", "a piece of a cell that is in no form field", t_[k]);
            notes_.back().text = std::string(trim(text.substr(run.size())));
        }
        return true;
    }

    static funds_row row_of(const std::string& row_role) {
        if (row_role == "current_appropriation") return funds_row::current_appropriation;
        if (row_role == "prior_carryover") return funds_row::prior_carryover;
        if (row_role == "other") return funds_row::other;
        return funds_row::total;
    }

    std::size_t funds_values(form& f, std::size_t i, const std::string& row_role) {
        join_split_amounts(f, i);
        const std::size_t first = next_free(i);
        if (run_together_funds(f, first, row_role)) return first + 1;
        if (first < end_ && is_numberish(t_[first]) && looks_run_together(trim(t_[first].text))) {
            return i;  // figures run together that no arithmetic splits: left unread, reported
        }
        std::vector<std::size_t> idx;
        std::size_t k = next_free(i);
        const std::size_t row = k < end_ ? t_[k].row : 0;
        for (; k < end_; k = next_free(k + 1)) {
            const token& v = t_[k];
            if (!is_numberish(v)) break;
            if (rows_meaningful_ && !idx.empty() && v.row_start && v.row != row) break;
            idx.push_back(k);
            if (idx.size() >= 8) break;
        }
        if (row_role.empty() || idx.empty()) return i;
        funds_rows_done_.push_back(row_role);
        std::vector<std::string> roles = funds_columns_;
        if (roles.empty()) roles = {"initial_budget", "full_year_budget", "executed", "weight", "execution_rate", "score"};
        const funds_row r = row_of(row_role);
        // a column of this row already read (`年初预算 数 0`: the figure printed by its label)
        // takes no figure of the row
        if (inline_funds_) std::erase_if(roles, [&](const std::string& role) { return is_filled(f, r, role); });
        if (roles.empty()) return i;
        // more amounts than amount columns (the sources 中央 / 本级 … printed before 合计): the
        // budget and the executed amount are the pair whose ratio is the printed rate
        pick_by_rate(idx, roles);
        // more figures than columns on one line (cells joined by spaces, the next row after
        // this one): the first ones are this row when each fits its column in order
        if (idx.size() > roles.size() && roles.size() >= 3) {
            bool in_order = true;
            for (std::size_t n = 0; n < roles.size() && in_order; ++n) in_order = fit(t_[idx[n]], roles[n]) >= 4;
            if (in_order) idx.resize(roles.size());
        }
        std::vector<const token*> values;
        for (std::size_t j : idx) values.push_back(&t_[j]);
        const std::vector<int> placed = align(values, roles);
        for (std::size_t n = 0; n < idx.size(); ++n) {
            if (placed[n] < 0) continue;
            token& v = t_[idx[n]];
            if (put_funds(f, r, roles[static_cast<std::size_t>(placed[n])], v)) v.used = true;
        }
        if (values.size() != roles.size() && values.size() > 1) {
            note(note_kind::repair, "funds_placed_by_meaning",
                 "funds row with " + std::to_string(values.size()) + " figures for " + std::to_string(roles.size()) +
                     " columns: placed by what each figure is (amount, percent), in column order",
                 t_[idx[0]]);
        }
        return idx.back() + 1;
    }

    /// `idx`: the figures of a funds row. When the row has more amounts before its rate than
    /// the columns have room for and the columns are budget, executed and rate, keeps the
    /// budget and executed amounts whose ratio is the printed rate (to its printed places; the
    /// right-most such pair, when every such pair holds the same figures) and leaves the other
    /// amounts for the report. Nothing changes when no pair or pairs of different figures hold.
    void pick_by_rate(std::vector<std::size_t>& idx, const std::vector<std::string>& roles) const {
        const auto at = [&](std::string_view role) { return std::find(roles.begin(), roles.end(), role) - roles.begin(); };
        const auto budget_at = at("full_year_budget"), executed_at = at("executed"), rate_at = at("execution_rate");
        const auto n_roles = static_cast<std::ptrdiff_t>(roles.size());
        // only budget and executed before the rate (a 年初预算数 or 分值 column there: no guess)
        if (budget_at != 0 || executed_at != 1 || rate_at != 2 || n_roles < 3) return;
        std::size_t rate = idx.size();
        for (std::size_t k = 0; k < idx.size(); ++k) {
            if (is_percent(t_[idx[k]])) {
                rate = k;
                break;
            }
        }
        if (rate == idx.size() || rate <= 2) return;  // at most two amounts: they fit
        const std::string_view rate_text = trim(t_[idx[rate]].text);
        const reported<decimal> printed = read_number_cell(rate_text, true);
        if (!printed.value) return;
        const decimal half = half_unit(rate_text);
        std::vector<std::optional<decimal>> amounts;
        for (std::size_t k = 0; k < rate; ++k) amounts.push_back(read_number_cell(trim(t_[idx[k]].text)).value);
        std::optional<std::pair<std::size_t, std::size_t>> pick;
        for (std::size_t i = 0; i < rate; ++i) {
            for (std::size_t j = i + 1; j < rate; ++j) {
                const std::optional<decimal>& b = amounts[i];
                const std::optional<decimal>& e = amounts[j];
                if (!b || !e || b->sign() <= 0) continue;
                auto ratio = divide(*e * decimal{100}, *b, 12, rounding::half_away_from_zero);
                if (!ratio || (*ratio - *printed.value).abs() > half) continue;
                if (pick && (*amounts[pick->first] != *b || *amounts[pick->second] != *e)) return;  // two readings
                pick = std::make_pair(i, j);
            }
        }
        if (!pick) return;
        std::vector<std::size_t> kept{idx[pick->first], idx[pick->second]};
        kept.insert(kept.end(), idx.begin() + static_cast<std::ptrdiff_t>(rate), idx.end());
        idx = std::move(kept);
    }

    /// The funds cell of `role` in row `r` (none for a role jixiao has no field for).
    static reported<decimal>* funds_cell(form& f, funds_row r, const std::string& role) {
        if (role == "initial_budget") return &f.money.at(r, funds_column::initial_budget);
        if (role == "full_year_budget") return &f.money.at(r, funds_column::full_year_budget);
        if (role == "executed") return &f.money.at(r, funds_column::executed);
        if (role == "weight") return &f.money.scoring_at(r, funds_score_column::weight);
        if (role == "execution_rate") return &f.money.scoring_at(r, funds_score_column::execution_rate);
        if (role == "score") return &f.money.scoring_at(r, funds_score_column::score);
        return nullptr;
    }

    /// Whether the funds cell of `role` in row `r` holds a figure already.
    static bool is_filled(form& f, funds_row r, const std::string& role) {
        const reported<decimal>* cell = funds_cell(f, r, role);
        return cell != nullptr && !cell->text.empty();
    }

    /// Puts a figure in a funds cell that is still empty; false when it is taken.
    bool put_funds(form& f, funds_row r, const std::string& role, const token& v) {
        bool wan = false;
        const std::string_view figure = amount_without_unit(v, &wan);
        if (figure.empty()) return put_funds(f, r, role, trim(v.text));
        // `10606.7522万元`: an amount printed with its unit; read in the block's unit only
        const money_unit unit = wan ? money_unit::ten_thousand_yuan : money_unit::yuan;
        if (unit_seen_ && f.money.unit != unit) return false;
        if (!put_funds(f, r, role, figure)) return false;
        if (!unit_seen_) {
            f.money.unit = unit;
            unit_seen_ = true;
        }
        note(note_kind::repair, "funds_unit_in_amount",
             "an amount printed with its money unit (" + std::string(trim(v.text)) + "): the figure read, the unit is the block's", v);
        return true;
    }

    static bool put_funds(form& f, funds_row r, const std::string& role, std::string_view text) {
        reported<decimal>* cell = funds_cell(f, r, role);
        if (cell == nullptr || !cell->text.empty()) return false;
        *cell = read_number_cell(text, role == "execution_rate");
        return true;
    }

    std::size_t goal_text(form& f, std::size_t i) {
        token& tk = t_[i];
        if (tk.type != token_type::text) return i + 1;
        const std::size_t n = goal_texts_++;
        std::string role = n < goal_order_.size() ? goal_order_[n] : (n == 0 ? "expected" : "achieved");
        std::string& target = role == "achieved" ? f.annual_goal.achieved : f.annual_goal.expected;
        if (!target.empty()) target += '\n';
        target += std::string(trim(tk.text));
        tk.used = true;
        return i + 1;
    }

    /// One indicator: its name, then its values placed in the header's columns by meaning.
    std::size_t indicator_row(form& f, std::size_t i) {
        mode_ = mode::indicators;
        if (t_[i].type == token_type::text) level_cells_of_row(i);
        if (i >= end_) return i;
        token& first = t_[i];
        // values with no name of their own: the rest of the indicator before (a wrapped row)
        if (is_numberish(first) && !f.indicators.empty() && (!rows_meaningful_ || !first.row_start || pending_)) {
            if (has_criteria_column() && points_at(i)) return criteria(f, i);  // `0.5 分,扣完为止`
            shift_values_to_waiting_row(f, i);
            return values_for(f, f.indicators.back(), i, true);
        }
        if (first.type != token_type::text || first.unsplit) return i + 1;
        if (first.key.size() > 600) return i + 1;  // prose, not a name
        if (const std::size_t n = next_free(i + 1);
            i > begin_ && t_[i - 1].type == token_type::label && t_[i - 1].hit(family_, label_block::indicator_column) != nullptr &&
            n < end_ && t_[n].type == token_type::label &&
            (t_[n].hit(family_, label_block::subcategory) != nullptr || t_[n].hit(family_, label_block::category) != nullptr)) {
            // a text between the header and a level label is no name (`得分 | 出标产指 | 数量指标`:
            // a vertical 产出指标 scrambled): reported
            return i + 1;
        }
        if (!f.indicators.empty() && has_criteria_column() && is_criteria_text(i)) return criteria(f, i);
        if (contains(first.key, "\xE3\x80\x82") && first.key.size() > 24) return i + 1;  // a sentence (。), not a name
        if (!rows_meaningful_) fold_phantom_deviation(f);
        if (level1_points_ && awaiting_level1_ == static_cast<std::size_t>(-1) && !f.indicators.empty() &&
            level1_weights_ >= *level1_points_) {
            awaiting_level1_ = f.indicators.size();  // the block is full: this row waits for its label
        }
        indicator ind;
        ind.name = std::string(trim(first.text));
        std::string name_points;
        if (points_shape_ && ind.weight.text.empty()) {
            const std::string bare = strip_points(meaning_key(first.text), &name_points);
            const std::string_view printed = trim(first.text);
            std::size_t open = printed.rfind('(');
            if (const std::size_t wide = printed.rfind("\xEF\xBC\x88"); wide != std::string_view::npos && (open == std::string_view::npos || wide > open)) open = wide;
            if (!name_points.empty() && open != std::string_view::npos && meaning_key(printed.substr(0, open)) == bare) {
                ind.name = std::string(trim(printed.substr(0, open)));  // `相关性(5分)`: the points are its weight
            } else {
                name_points.clear();
            }
        }
        ind.level1 = level1_;
        ind.level2 = level2_;
        ind.level1_text = level1_text_;
        ind.level2_text = level2_text_;
        ind.where = where(first);
        first.used = true;
        if (!name_points.empty()) {
            ind.weight = read_number_cell(name_points);
            note(note_kind::repair, "weight_from_name_points",
                 "the points printed after the name (" + name_points + ") are the indicator's weight", first, f.indicators.size());
        }
        f.indicators.push_back(std::move(ind));
        filled_.assign(value_columns(indicator_columns_).size(), false);
        return values_for(f, f.indicators.back(), i + 1, false);
    }

    /// `反映办公大楼全年维修维护情况` right after a name: its explanation (every 指标解释 starts
    /// with 反映), for an explanation column still open, not the next name.
    bool is_explanation_of_name(const token& v, const std::vector<std::string>& roles_all) const {
        if (!v.key.starts_with("\xE5\x8F\x8D\xE6\x98\xA0")) return false;  // 反映
        for (std::size_t r = 0; r < roles_all.size() && r < filled_.size(); ++r) {
            if (roles_all[r] == "extra" && !filled_[r]) return true;
        }
        return false;
    }

    /// In a rubric's rows, a label of no table block (预算执行, 预算执行率: funds words of the
    /// project form) is a cell's text: its rubric rows name what they assess in those words.
    void demote_in_rubric(std::size_t k) {
        token& t = t_[k];
        if (t.type != token_type::label || mode_ != mode::indicators || !rubric_shape()) return;
        for (label_block b : {label_block::category, label_block::subcategory, label_block::indicator_column, label_block::total}) {
            if (t.hit(family_, b) != nullptr) return;
        }
        t.type = token_type::text;
    }

    /// The position of the first indicator column of role `role`, npos when the header has none.
    std::size_t column_at(std::string_view role) const {
        const auto it = std::find(indicator_columns_.begin(), indicator_columns_.end(), role);
        return it == indicator_columns_.end() ? npos : static_cast<std::size_t>(it - indicator_columns_.begin());
    }

    /// The header of a rubric: level-1 and level-2 columns before the name, and the name's
    /// explanation right after it (项目 | 考核内容 | 考核指标 | 指标说明 | …).
    bool rubric_shape() const {
        const std::size_t l1 = column_at("level1"), l2 = column_at("level2"), name = column_at("name");
        return name != npos && l1 != npos && l2 != npos && l1 < name && l2 < name && name + 1 < indicator_columns_.size() &&
               indicator_columns_[name + 1] == "extra";
    }

    /// A table whose header starts with its level columns (项目 | 考核内容 | 考核指标 | 指标说明 |
    /// 年度工作目标 …, a rubric): the texts a row starts with, up to its first figure, fill the
    /// header's text columns from the right (name, explanation), and the first of them are its
    /// level-1 and level-2 texts, even when no vocabulary knows them (一般公共预算支出管理(60分)); a
    /// row with fewer texts has its levels from the rows above (merged cells). `i` moves to the
    /// name's token.
    void level_cells_of_row(std::size_t& i) {
        const std::size_t l1 = column_at("level1"), l2 = column_at("level2"), name = column_at("name");
        const bool levels_first = l1 == 0 && l2 == 1 && name == 2;
        // a scoring table whose every level and name carries its points (部门决策(25分) |
        // 目标任务(15分) | 相关性(5分) | 5)
        const auto with_points = [this](std::size_t k) {
            std::string points;
            const std::string bare = strip_points(meaning_key(t_[k].text), &points);
            return !points.empty() && !bare.empty();
        };
        if (!rubric_shape() && !(levels_first && with_points(i))) return;
        std::size_t text_columns = 0;  // the columns before the first one that holds figures
        while (text_columns < indicator_columns_.size()) {
            const std::string& r = indicator_columns_[text_columns];
            if (r != "level1" && r != "level2" && r != "name" && r != "extra") break;
            ++text_columns;
        }
        std::vector<std::size_t> texts;
        for (std::size_t k = i; k < end_ && texts.size() <= text_columns; k = next_free(k + 1)) {
            demote_in_rubric(k);
            if (t_[k].type != token_type::text) break;
            texts.push_back(k);
        }
        if (texts.size() > text_columns || texts.size() < text_columns - name) return;  // not this shape
        if (!rubric_shape() && !std::all_of(texts.begin(), texts.end(), with_points)) return;
        points_shape_ = !rubric_shape();
        const std::size_t first_column = text_columns - texts.size();
        for (std::size_t n = 0; n < texts.size() && first_column + n < name; ++n) {
            token& tk = t_[texts[n]];
            std::string points;
            std::string text = strip_points(meaning_key(tk.text), &points);
            if (!points.empty()) note(note_kind::repair, "category_points", "the points of a level block (" + points + ") are printed in its label", tk);
            if (first_column + n == l1) {
                level1_text_ = std::move(text);
                level1_ = classify_category(level1_text_);
                level2_text_.clear();
                level2_ = subcategory::unknown;
            } else if (first_column + n == l2) {
                level2_text_ = std::move(text);
                level2_ = classify_subcategory(level2_text_);
            }
            tk.used = true;
            i = texts[n + 1];
        }
    }

    /// Whether a label's funds-column meaning, from another family, gives way to its meaning as a
    /// row or total of the form's own family or of the national template (合计 is a funds column
    /// of the Hubei form only; in the others it is the total row).
    bool row_meaning_wins(const token& tk, const label_hit& column) const {
        if (column.family == family_ || column.family == national_) return false;
        for (label_block block : {label_block::funds_row, label_block::total}) {
            const label_hit* row = tk.hit(family_, block);
            if (row != nullptr && (row->family == family_ || row->family == national_)) return true;
        }
        return false;
    }

    /// Whether `tk` is a funds column label in the form's own family (分值 is one in the national
    /// template, not in the Hubei form, where it heads the indicator table below the funds);
    /// true when the family is not known.
    bool funds_column_of_own_family(const token& tk) const {
        if (tk.hits == nullptr || family_ == static_cast<std::size_t>(-1)) return true;
        for (const auto& h : *tk.hits) {
            if (h.block == label_block::funds_column && h.family == family_) return true;
        }
        return false;
    }

    /// A header label as an extra cell names its column: as printed, without the blanks a dump
    /// put inside it (`单项指标 得分` -> `单项指标得分`).
    static std::string header_label(const token& tk) { return without_spaces(trim(tk.text)); }

    /// Whether the indicator header has a text column after the figures (评价标准, 评价标准及依据):
    /// the scoring criteria of each row, prose that a PDF dump prints between the rows.
    bool has_criteria_column() const {
        if (rubric_shape()) return false;  // its criteria are a column of each row, read in place
        for (std::size_t k = 0; k < indicator_columns_.size() && k < indicator_labels_.size(); ++k) {
            if (indicator_columns_[k] != "extra") continue;
            const std::string& label = indicator_labels_[k];
            if (contains(label, "\xE6\xA0\x87\xE5\x87\x86") || contains(label, "\xE6\x96\xB9\xE6\xB3\x95")) return true;  // 标准, 方法
        }
        return false;
    }

    /// Whether the text token at `k` is scoring criteria, not an indicator's name: a sentence
    /// (`，` `,` `。` `；` `;`), an enumerated clause (`1、单位财务管理制度`), the rest of a sentence
    /// (`分,没有不得分。`), or a text whose figure is points (`… 2 分,没有…`, `… 1 分`).
    bool is_criteria_text(std::size_t k) const {
        const std::string_view text = trim(t_[k].text);
        for (std::string_view mark : {"\xEF\xBC\x8C", ",", "\xE3\x80\x82", "\xEF\xBC\x9B", ";"}) {
            if (contains(text, mark)) return true;
        }
        if (text.starts_with("\xE5\x88\x86") || text.ends_with("\xE4\xB8\x8D\xE5\xBE\x97\xE5\x88\x86")) return true;  // 分… / …不得分
        std::size_t d = 0;
        while (d < text.size() && d < 2 && is_digit(text[d])) ++d;
        if (d > 0 && (text.substr(d).starts_with("\xE3\x80\x81") ||
                      (text.size() > d + 1 && text[d] == '.' && !is_digit(text[d + 1])))) {
            return true;  // `1、`, `2.` (not `1.5万亩`)
        }
        const std::size_t n = next_free(k + 1);
        if (n >= end_ || !is_numberish(t_[n])) return false;
        if (is_points(t_[n])) return true;
        const std::size_t after = next_free(n + 1);
        return after < end_ && t_[after].type == token_type::text && trim(t_[after].text).starts_with("\xE5\x88\x86");
    }

    /// A figure in points (`1 分`, `0.5分`): part of the criteria text.
    static bool is_points(const token& t) {
        return is_numberish(t) && trim(t.text).ends_with("\xE5\x88\x86");
    }

    /// Whether the figure at `k` is points of criteria text: `1 分`, or `0.5` before `分,扣完为止`.
    bool points_at(std::size_t k) const {
        if (!is_numberish(t_[k])) return false;
        if (is_points(t_[k])) return true;
        const std::size_t after = next_free(k + 1);
        return after < end_ && t_[after].type == token_type::text && trim(t_[after].text).starts_with("\xE5\x88\x86");
    }

    /// Scoring criteria from `i`: the criteria texts and their points, kept as one text in the
    /// indicator's `评价标准` cell (the row before them).
    std::size_t criteria(form& f, std::size_t i) {
        indicator& ind = f.indicators.back();
        if (ind.extra.empty() || ind.extra.back().label != "评价标准") ind.extra.push_back(extra_cell{"评价标准", ""});
        std::string& text = ind.extra.back().text;
        std::size_t k = i;
        for (; k < end_; k = next_free(k + 1)) {
            token& t = t_[k];
            if (!(t.type == token_type::text && is_criteria_text(k)) && !points_at(k)) break;
            if (!text.empty()) text += ' ';
            text += std::string(trim(t.text));
            t.used = true;
        }
        return k;
    }

    std::size_t values_for(form& f, indicator& ind, std::size_t i, bool continuation) {
        std::vector<std::string> labels_all;
        const std::vector<std::string> roles_all = value_columns(indicator_columns_, &indicator_labels_, &labels_all);
        if (filled_.size() != roles_all.size()) filled_.assign(roles_all.size(), false);
        const std::size_t row = t_[i > begin_ ? i - 1 : i].row;
        std::vector<std::size_t> idx;
        std::size_t k = next_free(i);
        const bool criteria_column = has_criteria_column();
        const bool rubric = rubric_shape();
        for (; k < end_; k = next_free(k + 1)) {
            if (rubric) demote_in_rubric(k);
            const token& v = t_[k];
            if (v.type == token_type::label || v.unsplit) break;
            if (criteria_column && !idx.empty() && (points_at(k) || (v.type == token_type::text && is_criteria_text(k)))) break;  // the criteria begin
            if (rubric && v.type == token_type::text && std::any_of(idx.begin(), idx.end(), [this](std::size_t j) { return is_numberish(t_[j]); })) {
                // two texts after a figure: the next row's name (or levels) and its explanation
                const std::size_t n = next_free(k + 1);
                if (n < end_ && t_[n].type == token_type::text) break;
            }
            if (rows_meaningful_) {
                if (v.row_start && !(continuation && idx.empty()) && (v.row != row || !idx.empty())) {
                    // a new source row: a new indicator unless this one still waits for values
                    if (!(idx.empty() && !continuation && is_numberish(v) && all_open())) break;
                }
                idx.push_back(k);
            } else {
                // text after the values: a short value while a target or actual is open, a
                // comparator, 定性 or a unit while their split columns are open, else a new name
                if (v.type == token_type::text && !rubric && !(v.key.size() <= 9 && open_value_column(roles_all)) &&
                    !fits_split_target(v, roles_all, idx) && !(idx.empty() && is_explanation_of_name(v, roles_all))) {
                    break;
                }
                idx.push_back(k);
                if (idx.size() >= roles_all.size()) break;
            }
        }
        if (rubric) {
            // a rubric row's first figure is its target, the column after the explanation: the
            // columns after it (评分标准, 权数) are the ones merged over several rows
            const auto target = std::find(roles_all.begin(), roles_all.end(), "target");
            const auto first = std::find_if(idx.begin(), idx.end(), [this](std::size_t j) { return is_numberish(t_[j]); });
            if (target != roles_all.end() && first != idx.end() && !filled_[static_cast<std::size_t>(target - roles_all.begin())]) {
                ind.target = read_value_cell(trim(t_[*first].text));
                filled_[static_cast<std::size_t>(target - roles_all.begin())] = true;
                t_[*first].used = true;
                idx.erase(first);
            }
        }
        // place them in the columns still open
        std::vector<std::string> roles;
        std::vector<std::size_t> role_at;
        for (std::size_t r = 0; r < roles_all.size(); ++r) {
            if (!filled_[r]) {
                roles.push_back(roles_all[r]);
                role_at.push_back(r);
            }
        }
        std::vector<const token*> values;
        for (std::size_t j : idx) values.push_back(&t_[j]);
        const std::vector<int> placed = align(values, roles);
        std::string nature, target_value, unit_text;
        for (std::size_t n = 0; n < idx.size(); ++n) {
            if (placed[n] < 0) continue;
            token& v = t_[idx[n]];
            const std::size_t col = role_at[static_cast<std::size_t>(placed[n])];
            const std::string& role = roles_all[col];
            const std::string_view text = trim(v.text);
            filled_[col] = true;
            v.used = true;
            if (role == "target") ind.target = read_value_cell(text);
            else if (role == "actual") ind.actual = read_value_cell(text);
            else if (role == "weight") {
                ind.weight = read_number_cell(text);
                if (ind.weight.value) level1_weights_ = level1_weights_ + *ind.weight.value;
            }
            else if (role == "score") ind.score = read_number_cell(text);
            else if (role == "deviation") ind.deviation_note = std::string(text);
            else if (role == "nature") nature = std::string(text);
            else if (role == "target_value") target_value = std::string(text);
            else if (role == "unit") unit_text = std::string(text);
            else ind.extra.push_back(extra_cell{col < labels_all.size() ? labels_all[col] : std::string(), std::string(text)});
        }
        if (!target_value.empty()) {
            // 指标性质 | 指标值 | 度量单位 printed apart: folded back into one value (定性 / 定量
            // say what kind of value it is and are not part of it)
            const std::string comparator = is_comparator_piece(nature) ? nature : std::string();
            const bool figure = target_value.find_first_of("0123456789") != std::string::npos;
            const std::string folded = comparator + target_value + (figure ? unit_text : std::string());
            ind.target = read_value_cell(folded);
            note(note_kind::repair, "target_folded",
                 "target printed in separate comparator / value / unit cells; read as \"" + folded + "\"",
                 t_[idx.front()], f.indicators.size() - 1);
        }
        const bool split_target = std::find(roles_all.begin(), roles_all.end(), "target_value") != roles_all.end();
        if (split_target && !idx.empty() && ind.target.value && ind.target.value->kind == value_kind::quantity &&
            !ind.target.value->amount.in.symbol().empty() && is_plain_number(trim(ind.actual.text))) {
            // 完成值 printed as a bare number beside a 度量单位 column: it is in the target's unit
            const std::string printed = ind.actual.text;
            const std::string symbol = ind.target.value->amount.in.symbol();
            ind.actual = read_value_cell(std::string(trim(printed)) + symbol);
            ind.actual.text = printed;
            note(note_kind::repair, "actual_unit_from_column",
                 "actual \"" + printed + "\" read in the unit of the 度量单位 column (" + symbol + ")", t_[idx.front()],
                 f.indicators.size() - 1);
        }
        pending_ = idx.empty() && !continuation;  // a name whose values are still to come
        return idx.empty() ? i : idx.back() + 1;
    }

    /// A text token that belongs to the split target being read: a comparator or 定性 while the
    /// 指标性质 column is open, a unit right after the number of 指标值.
    bool fits_split_target(const token& v, const std::vector<std::string>& roles, const std::vector<std::size_t>& idx) const {
        const std::string_view text = trim(v.text);
        for (std::size_t r = 0; r < roles.size() && r < filled_.size(); ++r) {
            if (filled_[r]) continue;
            if (roles[r] == "nature" && idx.empty() && (is_comparator_piece(text) || is_nature_word(text))) return true;
            if (roles[r] == "target_value" && idx.size() == 1 && is_nature_word(trim(t_[idx[0]].text)) && v.key.size() <= 24) {
                return true;  // 定性 | 明显改善
            }
            if (roles[r] == "actual" && idx.size() == 2 && is_nature_word(trim(t_[idx[0]].text)) && v.key.size() <= 24) {
                return true;  // 定性 | 明显改善 | 明显改善: the actual of a qualitative target
            }
            if (roles[r] == "unit" && !idx.empty() && v.key.size() <= 18 && is_numberish(t_[idx.back()]) &&
                r > 0 && roles[r - 1] == "target_value") {
                return true;
            }
        }
        return false;
    }

    /// One cell a line, empty cells dropped: the 未完成原因分析 of an indicator reads like the
    /// name of the next one. A "name" with no value at all, after an indicator whose score is
    /// read and whose deviation column is empty, followed by another indicator, was that text.
    void fold_phantom_deviation(form& f) {
        if (f.indicators.size() < 2) return;
        const std::vector<std::string> roles = value_columns(indicator_columns_);
        if (std::find(roles.begin(), roles.end(), "deviation") == roles.end()) return;
        indicator& phantom = f.indicators.back();
        indicator& before = f.indicators[f.indicators.size() - 2];
        const bool no_value = phantom.target.text.empty() && phantom.actual.text.empty() &&
                              phantom.weight.text.empty() && phantom.score.text.empty() && phantom.extra.empty();
        if (!no_value || before.score.text.empty() || !before.deviation_note.empty() ||
            phantom.level1_text != before.level1_text || phantom.level2_text != before.level2_text) {
            return;
        }
        before.deviation_note = phantom.name;
        note(note_kind::repair, "deviation_from_next_line",
             "a text after the score of \"" + before.name + "\" with no value of its own: read as its 未完成原因分析",
             t_[begin_], f.indicators.size() - 2);
        f.indicators.pop_back();
    }

    bool all_open() const { return std::none_of(filled_.begin(), filled_.end(), [](bool b) { return b; }); }

    /// `指标24:…报告 数 指标25:家庭医生签约率 14例 14例 2 2 24694人 22584人 2 1.7`: a PDF dump
    /// printed two names, then the values of both rows. When a second group of values follows
    /// a row whose target and actual are read while the row before it has no value at all, the
    /// first group was that row's: it moves there (`values_of_two_rows`) and this group is read
    /// for the current row.
    void shift_values_to_waiting_row(form& f, std::size_t i) {
        if (rows_meaningful_ || f.indicators.size() < 2) return;
        indicator& current = f.indicators.back();
        indicator& waiting = f.indicators[f.indicators.size() - 2];
        auto empty = [](const indicator& ind) {
            return ind.target.text.empty() && ind.actual.text.empty() && ind.weight.text.empty() && ind.score.text.empty();
        };
        if (!empty(waiting) || current.target.text.empty() || current.actual.text.empty()) return;
        const std::size_t next = next_free(i + 1);
        if (next >= end_ || !is_numberish(t_[next])) return;  // a group: at least two figures
        waiting.target = std::move(current.target);
        waiting.actual = std::move(current.actual);
        waiting.weight = std::move(current.weight);
        waiting.score = std::move(current.score);
        current.target = {};
        current.actual = {};
        current.weight = {};
        current.score = {};
        filled_.assign(filled_.size(), false);
        note(note_kind::repair, "values_of_two_rows",
             "two rows' names printed before their values: the first group of values read for \"" + waiting.name +
                 "\", this one for \"" + current.name + "\"",
             t_[i], f.indicators.size() - 1);
    }

    bool open_value_column(const std::vector<std::string>& roles) const {
        for (std::size_t r = 0; r < roles.size() && r < filled_.size(); ++r) {
            if (!filled_[r] && (roles[r] == "target" || roles[r] == "actual")) return true;
        }
        return false;
    }

    void finish(form& f) {
        if (!unit_seen_) {
            for (std::size_t i = begin_; i < end_; ++i) {
                if (t_[i].key.size() <= 48 && contains(t_[i].key, wan_yuan) &&
                    (contains(t_[i].key, "\xE5\x8D\x95\xE4\xBD\x8D") || t_[i].key.starts_with("("))) {  // 单位
                    f.money.unit = money_unit::ten_thousand_yuan;
                    unit_seen_ = true;
                    t_[i].used = true;
                    break;
                }
            }
        }
    }

    std::vector<token>& t_;
    std::size_t begin_, end_;
    const import_options& options_;
    std::size_t form_index_;
    std::vector<import_note>& notes_;
    std::size_t family_;  ///< the family the title names (npos: none), whose labels win
    std::size_t national_ = static_cast<std::size_t>(-1);  ///< the national template's family index
    mode mode_ = mode::header;
    bool rows_meaningful_ = false;
    std::vector<std::string> funds_columns_, indicator_columns_, goal_order_, funds_rows_done_;
    std::vector<std::string> indicator_labels_;  ///< the labels of indicator_columns_ as printed (blanks removed)
    std::size_t goal_texts_ = 0;
    std::string level1_text_, level2_text_;
    category level1_ = category::unknown;
    subcategory level2_ = subcategory::unknown;
    bool level1_set_ = false;
    std::optional<decimal> level1_points_;  ///< the points the current level-1 label prints (`项目决策 2 分`)
    decimal level1_weights_;                ///< the weights of its rows so far
    std::size_t awaiting_level1_ = static_cast<std::size_t>(-1);  ///< first row read after the block was full
    std::vector<bool> filled_;
    bool pending_ = false;
    bool unit_seen_ = false;
    bool inline_funds_ = false;
    std::vector<std::string> inline_columns_;  ///< the columns of side-by-side pairs, in order ("" for one jixiao has no field for)
    std::optional<decimal> execution_points_;  ///< `预算执行情况(20分)`: the execution weight printed in the header
    bool last_was_level2_ = false;
    std::string line_prefix_;  ///< a lone `其中:` before a funds line (funds_line_text)
    bool points_shape_ = false;  ///< a scoring table whose levels and names carry their points (level_cells_of_row)
    std::vector<std::size_t> guessed_total_;  ///< figures read as the total row with no label before them
    funds_row inline_row_ = funds_row::total;
};

/// The kind a title names, by the markers of the families.
form_kind kind_of_title(std::string_view key, const std::vector<layout_family>& families) {
    for (const auto& fam : families) {
        for (const auto& m : fam.department_markers) {
            if (contains(key, meaning_key(m))) {
                for (const auto& d : fam.declaration_markers) {
                    if (contains(key, meaning_key(d)) && !contains(key, zi_ping)) return form_kind::department_declaration;
                }
                return form_kind::department_self_evaluation;
            }
        }
    }
    if (!contains(key, zi_ping)) {
        for (const auto& fam : families) {
            for (const auto& d : fam.declaration_markers) {
                if (contains(key, meaning_key(d))) return form_kind::project_declaration;
            }
        }
    }
    return form_kind::project_self_evaluation;
}

}  // namespace

bool may_hold_other_kind(std::string_view text) noexcept {
    for (std::string_view w : {"\xE7\x94\xB3\xE6\x8A\xA5\xE8\xA1\xA8",    // 申报表
                               "\xE7\x9B\xAE\xE6\xA0\x87\xE8\xA1\xA8",    // 目标表
                               "\xE9\x83\xA8\xE9\x97\xA8\xE6\x95\xB4\xE4\xBD\x93",  // 部门整体
                               "\xE6\x95\xB4\xE4\xBD\x93\xE6\x94\xAF\xE5\x87\xBA"}) {  // 整体支出
        if (text.find(w) != std::string_view::npos) return true;
    }
    return false;
}

bool holds_other_kinds_only(const grid& g, const import_options& options) {
    const bool marked = std::any_of(g.rows.begin(), g.rows.end(), [](const row& r) {
        return std::any_of(r.cells.begin(), r.cells.end(), [](const cell& c) { return may_hold_other_kind(c.text); });
    });
    if (!marked) return false;  // the usual case: no lexicon built, no key made
    const std::vector<layout_family>& families = options.layouts.empty() ? builtin_layouts() : options.layouts;
    const lexicon words(families);
    bool other = false;
    for (const row& r : g.rows) {
        for (const cell& c : r.cells) {
            if (c.text.size() > 150) continue;
            const std::string key = meaning_key(c.text);
            if (is_file_name(key) || !(words.has_title(key) || has_generic_title(key))) continue;
            if (kind_of_title(key, families) == form_kind::project_self_evaluation) return false;
            other = true;
        }
    }
    return other;
}

result<import_result> recognize_by_meaning(const grid& g, const import_options& options) {
    const std::vector<layout_family>& families = options.layouts.empty() ? builtin_layouts() : options.layouts;
    std::size_t national = static_cast<std::size_t>(-1);
    for (std::size_t k = 0; k < families.size(); ++k) {
        if (families[k].id == "national") national = k;
    }
    const lexicon words(families);
    token_stream ts = tokenize(g, words);
    std::vector<token>& toks = ts.tokens;

    // segment: titles start forms; a title with no label before the next title is dropped
    std::vector<std::size_t> titles;
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const token& t = toks[i];
        if (t.key.size() > 150 || is_file_name(t.key)) continue;
        if (t.type == token_type::label && t.hit(label_block::header) != nullptr) continue;
        if (words.has_title(t.key) || has_generic_title(t.key)) titles.push_back(i);
    }
    std::vector<std::size_t> starts;
    for (std::size_t n = 0; n < titles.size(); ++n) {
        const std::size_t next = n + 1 < titles.size() ? titles[n + 1] : toks.size();
        bool content = false;
        for (std::size_t i = titles[n] + 1; i < next && !content; ++i) {
            content = toks[i].type == token_type::label &&
                      (toks[i].hit(label_block::header) != nullptr || toks[i].hit(label_block::funds) != nullptr ||
                       toks[i].hit(label_block::funds_column) != nullptr || toks[i].hit(label_block::indicator_column) != nullptr);
        }
        if (content) starts.push_back(titles[n]);
    }
    bool titled = !starts.empty();
    if (!titled) {
        for (std::size_t i = 0; i < toks.size(); ++i) {
            if (const label_hit* h = toks[i].hit(label_block::header); h != nullptr && h->role == "project_name") {
                starts.push_back(i);
                break;
            }
        }
    }
    // no title and no 项目名称: a table that starts with its header (a rubric exported from a
    // sheet: 项目 考核内容 考核指标 … 权数 考评得分) is a form of the family whose header it is
    std::size_t header_family = static_cast<std::size_t>(-1);
    if (starts.empty()) {
        for (std::size_t i = 0; i < toks.size() && starts.empty(); ++i) {
            std::vector<std::size_t> votes(families.size(), 0);
            std::size_t run = 0;
            for (std::size_t k = i; k < toks.size() && toks[k].type == token_type::label; ++k, ++run) {
                if (toks[k].hit(label_block::indicator_column) == nullptr) break;
                for (const label_hit& h : *toks[k].hits) {
                    if (h.block == label_block::indicator_column && h.family < votes.size()) ++votes[h.family];
                }
            }
            if (run < 5) continue;
            const auto best = std::max_element(votes.begin(), votes.end());
            if (*best * 2 < run) continue;  // no family owns most of the header
            header_family = static_cast<std::size_t>(best - votes.begin());
            starts.push_back(i);
        }
    }
    import_result out;
    out.report.source = options.source_name;
    out.report.format = g.format;
    out.report.reader_notes = g.notes;
    for (std::size_t n = 0; n < starts.size(); ++n) {
        const std::size_t b = starts[n];
        const std::size_t e = n + 1 < starts.size() ? starts[n + 1] : toks.size();
        form_kind kind = titled ? kind_of_title(toks[b].key, families) : form_kind::project_self_evaluation;
        if (header_family < families.size() && families[header_family].kind != form_kind::other) kind = families[header_family].kind;
        std::size_t family = static_cast<std::size_t>(-1);
        if (titled && !words.has_title(toks[b].key, nullptr, &family)) family = static_cast<std::size_t>(-1);
        if (!titled) family = header_family;
        form_reader reader(toks, b, e, options, out.forms.size(), out.report.notes, family);
        reader.set_national(national);
        form f = reader.read(titled ? b : static_cast<std::size_t>(-1));
        if (family < families.size() && families[family].id != "national") f.layout = families[family].id;
        // the title's kind, unless the family's own kind says more: a transfer form, or a rubric
        // (部门整体支出绩效评价得分表 is a department form scored by a rubric)
        const form_kind family_kind = family < families.size() ? families[family].kind : form_kind::other;
        f.kind = family_kind == form_kind::rubric_evaluation ? family_kind
                 : kind != form_kind::project_self_evaluation ? kind
                 : family_kind == form_kind::transfer_self_evaluation ? family_kind
                 : kind;
        if (is_empty_shell(f)) {
            out.report.notes.push_back(import_note{"form_not_scorable", note_kind::warning,
                                                   "no indicator and no funds figure read: the form cannot be scored "
                                                   "(its score and grade would mean nothing)",
                                                   f.where, toks[b].text, out.forms.size(), std::nullopt});
        }
        out.forms.push_back(std::move(f));
    }
    // the report: every cell accounted for
    out.report.cells_total = ts.cells.size();
    std::vector<char> cell_used(ts.cells.size(), 1);
    for (const token& t : toks) {
        if (!t.used) cell_used[t.cell] = 0;
    }
    std::size_t form_of = 0;
    for (const token& t : toks) {
        while (form_of + 1 < starts.size() && &t - toks.data() >= static_cast<std::ptrdiff_t>(starts[form_of + 1])) ++form_of;
        if (t.used) continue;
        const bool inside = !starts.empty() && &t - toks.data() >= static_cast<std::ptrdiff_t>(starts.front());
        out.report.notes.push_back(import_note{"cell_unmapped", note_kind::unmapped,
                                               t.piece ? "a piece of a cell that is in no form field" : "a cell that is in no form field",
                                               {options.source_name, t.line, t.row, t.column, t.page}, t.text,
                                               inside && form_of < out.forms.size() ? std::optional<std::size_t>(form_of) : std::nullopt,
                                               std::nullopt});
    }
    for (char u : cell_used) out.report.cells_mapped += u != 0 ? 1 : 0;
    for (std::size_t k = 0; k < ts.page_numbers.size(); ++k) {
        const source_cell& n = ts.page_numbers[k];
        out.report.notes.push_back(import_note{"page_number_dropped", note_kind::repair,
                                               k < ts.site_pages
                                                   ? "a document site's page number at the start of a page (" + n.text +
                                                         "): dropped, and the page's text joined to the page before it "
                                                         "(a page ends anywhere, even inside a value)"
                                                   : "a page number among the cells of a line (" + n.text + "): dropped",
                                               {options.source_name, n.line, n.row, n.column, n.page}, n.text,
                                               std::nullopt, std::nullopt});
    }
    if (ts.split_cells > 0) {
        out.report.reader_notes.push_back(std::to_string(ts.split_cells) +
                                          " cells held several values joined by spaces; split by meaning");
    }
    if (ts.traditional_cells > 0) {
        out.report.reader_notes.push_back(std::to_string(ts.traditional_cells) +
                                          " cells in traditional characters: labels recognised in simplified form "
                                          "(OpenCC t2s), the printed text kept");
    }
    if (ts.glossed_cells > 0) {
        out.report.reader_notes.push_back(std::to_string(ts.glossed_cells) +
                                          " cells with pinyin glosses (項(xiàng)目): the glosses ignored in labels, the printed text kept");
    }
    if (ts.run_together_cells > 0) {
        out.report.reader_notes.push_back(std::to_string(ts.run_together_cells) +
                                          " cells held labels and values run together; split at the labels found");
    }
    if (out.forms.empty()) {
        std::string msg = "no form found by meaning either";
        msg += " (" + std::to_string(toks.size()) + " tokens read with the " + std::string(to_string(g.format)) +
               " reader: no title such as 项目支出绩效自评表 and no 项目名称 label)";
        return error{errc::no_form_found, 0, options.source_name, msg};
    }
    std::stable_sort(out.report.notes.begin(), out.report.notes.end(), [](const import_note& a, const import_note& b) {
        return a.where.line < b.where.line;
    });
    return out;
}

}  // namespace jixiao::io::detail
