// meaning_tokens.cpp — the lexicon of every layout family, and a grid turned into classified
// tokens (docs/import.md, "recognition by meaning").
#include "import/meaning_tokens.hpp"

#include "import/chinese_variants.hpp"

#include "import/import_internal.hpp"

#include <jixiao/value.hpp>
#include <jixiao/vocabulary.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jixiao::io::detail {

namespace {

/// Full-width forms folded to ASCII in keys: （ ） ： ％ ， and the ideographic comma kept.
constexpr std::pair<std::string_view, std::string_view> key_folds[] = {
    {"\xEF\xBC\x88", "("}, {"\xEF\xBC\x89", ")"}, {"\xEF\xBC\x9A", ":"}, {"\xEF\xBC\x85", "%"},
    {"\xEF\xBC\x8C", ","}, {"\xEF\xBC\x8F", "/"}, {"\xE2\x80\x9C", ""}, {"\xE2\x80\x9D", ""},
};

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

}  // namespace

std::string meaning_key(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t n = blank_at(text, i); n != 0) {
            i += n;
            continue;
        }
        if (const std::size_t n = gloss_at(text, i); n != 0) {  // `項(xiàng)目`: the gloss is no part of the label
            i += n;
            continue;
        }
        if (text[i] == '"') {  // a quote a spreadsheet export left around a cell is no part of a label
            ++i;
            continue;
        }
        bool folded = false;
        for (const auto& [from, to] : key_folds) {
            if (text.substr(i, from.size()) == from) {
                out += to;
                i += from.size();
                folded = true;
                break;
            }
        }
        if (!folded) out += text[i++];
    }
    while (!out.empty() && out.back() == ':') out.pop_back();
    return out;
}

std::string strip_points(const std::string& key, std::string* points) {
    // `...(50分)`, `...50分`, `...(50)`
    std::string k = key;
    std::size_t end = k.size();
    bool paren = false;
    if (end > 0 && k[end - 1] == ')') {
        paren = true;
        --end;
    }
    const std::string_view fen = "\xE5\x88\x86";  // 分
    bool has_fen = false;
    if (end >= fen.size() && std::string_view(k).substr(end - fen.size(), fen.size()) == fen) {
        end -= fen.size();
        has_fen = true;
    }
    std::size_t digits_end = end;
    while (end > 0 && (is_digit(k[end - 1]) || k[end - 1] == '.')) --end;
    if (end == digits_end || (!has_fen && !paren)) return key;
    if (paren) {
        if (end == 0 || k[end - 1] != '(') return key;
        --end;
    }
    if (end == 0) return key;
    if (points != nullptr) *points = k.substr(paren ? end + 1 : end, digits_end - (paren ? end + 1 : end));
    return k.substr(0, end);
}

lexicon::lexicon(const std::vector<layout_family>& families) : families_(&families) {
    for (std::size_t f = 0; f < families.size(); ++f) {
        const layout_family& fam = families[f];
        for (const auto& t : fam.titles) titles_.emplace_back(meaning_key(t), f);
        for (const auto& [k, role] : fam.header_fields) add(meaning_key(k), {label_block::header, role, {}, {}, f});
        for (const auto& k : fam.funds_labels) add(meaning_key(k), {label_block::funds, "funds", {}, {}, f});
        for (const auto& [k, role] : fam.funds_columns) add(meaning_key(k), {label_block::funds_column, role, {}, {}, f});
        for (const auto& [k, role] : fam.funds_rows) add(meaning_key(k), {label_block::funds_row, role, {}, {}, f});
        for (const auto& [k, role] : fam.goal_labels) add(meaning_key(k), {label_block::goal, role, {}, {}, f});
        for (const auto& [k, role] : fam.indicator_columns) add(meaning_key(k), {label_block::indicator_column, role, {}, {}, f});
        for (const auto& k : fam.total_labels) add(meaning_key(k), {label_block::total, "total", {}, {}, f});
        for (const auto& k : fam.level1_labels) add(meaning_key(k), {label_block::category, "level1", {}, {}, f});
    }
    for (const auto& e : vocabulary::category_spellings) {
        add(meaning_key(e.spelling), {label_block::category, "level1", classify_category(e.spelling), {}, 0});
    }
    for (const auto& e : vocabulary::subcategory_spellings) {
        add(meaning_key(e.spelling), {label_block::subcategory, "level2", {}, classify_subcategory(e.spelling), 0});
    }
    for (const auto& e : vocabulary::closing_labels) {
        add(meaning_key(e.spelling), {label_block::closing, std::string(e.role), {}, {}, 0});
    }
    for (const auto& [k, hits] : labels_) {
        if (k.size() >= 6) keys_.push_back(k);  // at least two CJK characters
    }
    std::sort(keys_.begin(), keys_.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    // longest first; a title two families print (项目自评表) goes to the family that is not the
    // national template (the generic one), then to the first in id order: the same on every run
    const auto generic = [&families](std::size_t f) { return families[f].id == "national"; };
    std::sort(titles_.begin(), titles_.end(), [&generic](const auto& a, const auto& b) {
        if (a.first.size() != b.first.size()) return a.first.size() > b.first.size();
        if (a.first != b.first) return a.first < b.first;
        if (generic(a.second) != generic(b.second)) return !generic(a.second);
        return a.second < b.second;
    });
}

void lexicon::add(const std::string& key, label_hit hit) {
    if (key.empty()) return;
    auto& v = labels_[key];
    for (const auto& h : v) {
        // one meaning per family (the first family to define it comes first: hit(block) gives it)
        if (h.block == hit.block && h.role == hit.role && h.family == hit.family) return;
    }
    v.push_back(std::move(hit));
}

const std::vector<label_hit>* lexicon::find(const std::string& key) const {
    const auto it = labels_.find(key);
    return it == labels_.end() ? nullptr : &it->second;
}

bool lexicon::has_title(const std::string& key, std::string* title, std::size_t* family) const {
    for (const auto& [t, f] : titles_) {
        if (key.find(t) != std::string::npos) {
            if (title != nullptr) *title = t;
            if (family != nullptr) *family = f;
            return true;
        }
    }
    return false;
}

namespace {

/// A key without a leading enumeration mark (`二、`, `1、`, `(一)`, `1.`) or 其中 (of which).
std::string strip_enumeration(const std::string& key) {
    std::string_view k = key;
    static constexpr std::string_view numerals[] = {"\xE4\xB8\x80", "\xE4\xBA\x8C", "\xE4\xB8\x89", "\xE5\x9B\x9B",
                                                     "\xE4\xBA\x94", "\xE5\x85\xAD", "\xE4\xB8\x83", "\xE5\x85\xAB",
                                                     "\xE4\xB9\x9D", "\xE5\x8D\x81"};  // 一 … 十
    const std::string_view dun = "\xE3\x80\x81";                                       // 、
    const std::string_view qi_zhong = "\xE5\x85\xB6\xE4\xB8\xAD";                 // 其中
    if (k.starts_with(qi_zhong)) {
        k.remove_prefix(qi_zhong.size());
        if (k.starts_with(":")) k.remove_prefix(1);
        return std::string(k);
    }
    bool paren = k.starts_with("(");
    std::string_view r = paren ? k.substr(1) : k;
    std::size_t n = 0;
    while (n < r.size() && is_digit(r[n])) ++n;
    if (n == 0) {
        for (std::string_view num : numerals) {
            if (r.starts_with(num)) {
                n = num.size();
                break;
            }
        }
    }
    if (n == 0) return key;
    r.remove_prefix(n);
    if (paren && r.starts_with(")")) return std::string(r.substr(1));
    if (!paren && r.starts_with(dun)) return std::string(r.substr(dun.size()));
    if (!paren && r.starts_with(".") && !(r.size() > 1 && is_digit(r[1]))) return std::string(r.substr(1));
    return key;
}

}  // namespace

void classify(token& t, const lexicon& words) {
    t.key = meaning_key(t.text);
    t.hits = words.find(t.key);
    t.points.clear();
    if (t.hits == nullptr) {
        // `二、预算执行情况`, `1、项目名称`, `其中:本年财政拨款`: the label after the mark
        const std::string bare = strip_enumeration(t.key);
        if (bare != t.key) t.hits = words.find(bare);
    }
    if (t.hits == nullptr) {
        std::string points;
        const std::string bare = strip_points(t.key, &points);
        if (bare != t.key) {
            if (const auto* hits = words.find(bare); hits != nullptr) {
                t.hits = hits;
                t.points = points;
            }
        }
    }
    if (t.hits == nullptr) {
        // `经费控制情况(万元`, `项目资金(万元)`, `指标内容(150字内)`, `项目起止时间(如20190101)`: a
        // label with its money unit or a note to whoever fills it in, the bracket perhaps cut by a
        // line end; the key keeps the bracket (the funds block reads the unit from there)
        const std::size_t open = t.key.rfind('(');
        if (open != std::string::npos && open > 0 && t.key.size() - open <= 40) {
            std::string_view note = std::string_view(t.key).substr(open + 1);
            if (note.ends_with(")")) note.remove_suffix(1);
            const bool money = note == "\xE4\xB8\x87\xE5\x85\x83" || note == "\xE5\x85\x83";          // 万元, 元
            const bool for_the_filler = note.ends_with("\xE5\xAD\x97\xE5\x86\x85") ||                    // 150字内
                                        note.ends_with("\xE5\xAD\x97\xE4\xBB\xA5\xE5\x86\x85") ||     // 字以内
                                        note.starts_with("\xE5\xA6\x82") ||                                  // 如20190101
                                        note == "\xE7\x9B\x96\xE7\xAB\xA0";                               // 盖章
            if (money || for_the_filler) t.hits = words.find(t.key.substr(0, open));
        }
    }
    if (t.hits != nullptr) {
        t.type = token_type::label;
        return;
    }
    const std::string_view trimmed = trim(t.text);
    if (is_not_applicable_mark(trimmed)) {
        t.type = token_type::not_applicable;
        return;
    }
    if (is_plain_number(trimmed)) {
        t.type = token_type::number;
        return;
    }
    result<value_expr> v = parse_value(trimmed);
    if (has_blank(trimmed) && (!v.has_value() || v->kind == value_kind::text)) {
        // `>= 98 %`, `100 %`: a value printed with spaces between its parts
        const std::string compact = without_spaces(trimmed);
        if (result<value_expr> w = parse_value(compact);
            w.has_value() && (w->kind == value_kind::quantity || w->kind == value_kind::range)) {
            v = std::move(w);
        }
    }
    if ((!v.has_value() || v->kind == value_kind::text) && trimmed.ends_with(")")) {
        // `98 %(百分比)`: a value with its unit explained in brackets
        const std::string compact = without_spaces(trimmed);
        const std::size_t open = compact.rfind('(');
        if (open != std::string::npos && open > 0) {
            if (result<value_expr> w = parse_value(std::string_view(compact).substr(0, open));
                w.has_value() && w->kind == value_kind::quantity) {
                t.type = token_type::value;
                return;
            }
        }
    }
    if (v.has_value()) {
        switch (v->kind) {
        case value_kind::quantity:
        case value_kind::range:
        case value_kind::time_point: t.type = token_type::value; return;
        case value_kind::qualitative:
            t.type = v->quality == qualitative_kind::other ? token_type::text : token_type::value;
            return;
        default: break;
        }
    }
    t.type = token_type::text;
}

/// A piece that only carries a unit (`种`, `%`, `%(百分比)`, `公里`): it belongs to the number
/// before it.
bool is_unit_piece(std::string_view piece) {
    std::string p(piece);
    if (const std::size_t open = p.find('('); open != std::string::npos && open > 0 && p.back() == ')') p.resize(open);
    if (const std::size_t open = p.find("\xEF\xBC\x88"); open != std::string::npos && open > 0) p.resize(open);
    if (p.empty() || p.size() > 12) return false;
    for (const auto& u : vocabulary::unit_spellings) {
        if (p == u.spelling) return true;
    }
    return p == "%";
}

/// A comparator written alone (`>=`, `≥`, `不低于`): it belongs to the number after it.
bool is_comparator_piece(std::string_view piece) {
    for (const auto& c : vocabulary::comparator_symbols) {
        if (piece == c.spelling) return true;
    }
    for (const auto& c : vocabulary::comparator_prefix_words) {
        if (piece == c.spelling) return true;
    }
    return false;
}

/// The 指标性质 of a split target that is not a comparator: 定性 / 定量 / 正向 / 反向 (the
/// value follows in its own cell).
bool is_nature_word(std::string_view piece) {
    for (std::string_view w : {"\xE5\xAE\x9A\xE6\x80\xA7", "\xE5\xAE\x9A\xE9\x87\x8F", "\xE6\xAD\xA3\xE5\x90\x91",
                               "\xE5\x8F\x8D\xE5\x90\x91"}) {  // 定性 定量 正向 反向
        if (piece == w) return true;
    }
    return false;
}

namespace {

/// Where a comparator symbol ends just before byte `b` of `text` (not before `from`): the start
/// of the comparator, or `b` when there is none.
std::size_t with_comparator_before(std::string_view text, std::size_t b, std::size_t from) {
    std::size_t best = b;
    for (const auto& c : vocabulary::comparator_symbols) {
        const std::size_t n = c.spelling.size();
        if (n <= b - from && text.substr(b - n, n) == c.spelling && b - n < best) best = b - n;
    }
    return best;
}

/// Length of a unit spelling (or `%`) at byte `i` of `text`, the longest; 0 if none.
std::size_t unit_at(std::string_view text, std::size_t i) {
    if (text.substr(i, 1) == "%") return 1;
    if (text.substr(i, 3) == "\xEF\xBC\x85") return 3;  // ％
    std::size_t best = 0;
    for (const auto& u : vocabulary::unit_spellings) {
        if (u.spelling.size() > best && text.substr(i, u.spelling.size()) == u.spelling) best = u.spelling.size();
    }
    return best;
}

/// Length of a comparator symbol (`≥`, `>=`) at byte `i` of `text`; 0 if none.
std::size_t comparator_at(std::string_view text, std::size_t i) {
    for (const auto& c : vocabulary::comparator_symbols) {
        if (text.substr(i, c.spelling.size()) == c.spelling) return c.spelling.size();
    }
    return 0;
}

/// Splits a run of values printed with nothing between them (`≥5000亩5200亩20无无`,
/// `100%100%10`) into the values: each a comparator, a number and a unit, or a not-applicable
/// mark. Two numbers never touch (a unit ends each number but the last), and a last bare number
/// must read as a score (at most 100): `1203030` may be 120 | 30 | 30 or 1 | 20 | 3030, so no
/// split is made. Empty when the run is not such a sequence.
std::vector<std::string_view> split_value_run(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t start = i;
        if (s.substr(i, 3) == "\xE6\x97\xA0") {  // 无: a not-applicable mark
            out.push_back(s.substr(i, 3));
            i += 3;
            continue;
        }
        i += comparator_at(s, i);
        const std::size_t digits = i;
        while (i < s.size() && (is_digit(s[i]) || (s[i] == '.' && i > digits && i + 1 < s.size() && is_digit(s[i + 1])))) ++i;
        if (i == digits) return {};
        // `00`: no number starts with 0 and another digit, so a zero before a digit stands alone
        const bool lone_zero = s[digits] == '0' && i > digits + 1 && is_digit(s[digits + 1]);
        if (lone_zero) i = digits + 1;
        const std::size_t unit = unit_at(s, i);
        if (lone_zero && unit == 0) {
            out.push_back(s.substr(start, i - start));
            continue;
        }
        if (unit == 0) {
            // a bare number: only last (or before marks), and small enough to be a score
            std::size_t k = i;
            while (k < s.size() && s.substr(k, 3) == "\xE6\x97\xA0") k += 3;
            if (k != s.size() || digits != start) return {};
            auto d = decimal::parse(s.substr(digits, i - digits));
            if (!d.has_value() || *d > decimal{100}) return {};
        }
        i += unit;
        out.push_back(s.substr(start, i - start));
    }
    return out.size() >= 2 ? out : std::vector<std::string_view>{};
}

/// In a value whose text starts with words (`清扫保洁面积≥120万平方米`), the byte where the value
/// itself starts, at its comparator symbol; 0 when the text starts with the value, has no
/// comparator symbol or the words are too short to be a name.
std::size_t value_after_head(std::string_view text) {
    std::size_t at = std::string_view::npos;
    for (const auto& c : vocabulary::comparator_symbols) {
        const std::size_t p = text.find(c.spelling);
        if (p != std::string_view::npos && p < at) at = p;
    }
    if (at == std::string_view::npos || at < 6) return 0;  // at least two CJK characters before it
    const auto last = static_cast<unsigned char>(text[at - 1]);
    if (last < 0x80) return 0;  // `A1≥`, `3.5`: ASCII before the figure belongs to it
    result<value_expr> v = parse_value(text.substr(at));
    if (!v.has_value() || v->kind == value_kind::text) return 0;
    return at;
}

}  // namespace

namespace {

struct span {
    std::size_t begin = 0, end = 0;  ///< byte range of a piece in the cell text
};

/// The pieces of `text` between runs of blanks.
std::vector<span> pieces_of(std::string_view text) {
    std::vector<span> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size()) {
            const std::size_t n = blank_at(text, i);
            if (n == 0) break;
            i += n;
        }
        if (i >= text.size()) break;
        const std::size_t b = i;
        while (i < text.size() && blank_at(text, i) == 0) ++i;
        out.push_back({b, i});
    }
    return out;
}

/// Starts with an enumeration of indicators: `指标12:`, `指标3：`.
bool starts_enumeration(std::string_view piece) {
    const std::string_view zhibiao = "\xE6\x8C\x87\xE6\xA0\x87";  // 指标
    if (!piece.starts_with(zhibiao)) return false;
    std::size_t i = zhibiao.size();
    const std::size_t d = i;
    while (i < piece.size() && is_digit(piece[i])) ++i;
    if (i == d) return false;
    return piece.substr(i).starts_with(":") || piece.substr(i).starts_with("\xEF\xBC\x9A");
}


/// Removes table-drawing pipes around a cell's text; true when nothing but pipes was there.
bool strip_pipes(std::string_view& text) {
    bool had_pipe = false;
    for (;;) {
        text = trim(text);
        if (!text.empty() && text.front() == '|') {
            text.remove_prefix(1);
            had_pipe = true;
        } else if (!text.empty() && text.back() == '|') {
            text.remove_suffix(1);
            had_pipe = true;
        } else {
            break;
        }
    }
    return had_pipe && text.empty();
}

class tokenizer {
public:
    tokenizer(const lexicon& words, token_stream& out) : words_(words), out_(out) {}

    /// A cell; text with pipes inside (a table dumped as `a | b | c`) is split at them, and
    /// such a cell is a table row of its own.
    void cell(const io::cell& c, std::size_t row) {
        // Traditional characters: the cell is read in its simplified twin (same byte length),
        // every token keeps the printed text at the same offsets (printed()).
        simplified_ = fold_traditional_ ? to_simplified(c.text) : std::nullopt;
        if (simplified_) ++out_.traditional_cells;
        if (c.text.find('(') != std::string::npos || c.text.find("\xEF\xBC\x88") != std::string::npos) {
            for (std::size_t i = 0; i < c.text.size(); ++i) {
                if (gloss_at(c.text, i) != 0) {
                    ++out_.glossed_cells;
                    break;
                }
            }
        }
        const std::string_view source = simplified_ ? std::string_view(*simplified_) : std::string_view(c.text);
        printed_cell_ = c.text;
        source_cell_ = source;
        std::string_view all = trim(source);
        std::size_t inner = all.find('|');
        while (inner != std::string_view::npos && inner == 0) inner = all.find('|', inner + 1);
        const bool has_inner_pipe = inner != std::string_view::npos && !trim(all.substr(0, inner)).empty() &&
                                    !trim(all.substr(inner)).empty() && trim(all.substr(inner)) != "|";
        if (!has_inner_pipe) {
            part(c, row, source);
            return;
        }
        row_start_ = true;
        std::size_t b = 0;
        while (b <= all.size()) {
            const std::size_t e = std::min(all.find('|', b), all.size());
            const std::string_view p = trim(all.substr(b, e - b));
            if (!p.empty()) part(c, row, p);
            b = e + 1;
        }
        row_start_ = true;
    }

    void part(const io::cell& c, std::size_t row, std::string_view text) {
        if (strip_pipes(text)) {
            row_start_ = true;  // a row of pipes alone: the table's row boundary
            return;
        }
        text = trim(text);
        if (text.empty()) return;
        const std::size_t cell_index = out_.cells.size();
        out_.cells.push_back({std::string(printed(text)), line_of(text, c.line), row, c.column, c.page});
        const std::vector<span> pieces = pieces_of(text);
        if (text.size() >= 60 && text.size() >= 30 * pieces.size()) {
            // Cells run together with hardly a space (a document site's text of a .docx): the
            // few spaces are wraps inside cells; split at the labels found inside.
            if (line_rows_) row_start_ = true;
            run_together(text, c, row, cell_index, false);
            return;
        }
        // A line of a PDF dump whose cells are joined by spaces: figures stand apart as pieces.
        // There a space ends a text unless one side is a short fragment (`报告 数`).
        std::size_t figures = 0;
        for (const span& sp : pieces) {
            token probe = make(text.substr(sp.begin, sp.end - sp.begin), c, row, cell_index, true);
            if (is_numberish(probe)) ++figures;
        }
        space_joined_ = figures >= 2 && figures * 7 >= pieces.size();
        const std::size_t before = out_.tokens.size();
        if (line_rows_ && pieces.size() > 1) row_start_ = true;
        std::size_t i = 0;
        while (i < pieces.size()) i = group(text, pieces, i, c, row, cell_index);
        if (out_.tokens.size() - before > 1) {
            ++out_.split_cells;
            if (line_rows_) row_start_ = true;  // a line that held a table row ends it
        }
    }

    void end_row() { row_start_ = true; }

    /// The pages of a document site joined into one cell: where each page's text starts in it
    /// (byte offset, source line); make() gives every token the line it was printed on.
    std::vector<std::pair<std::size_t, std::size_t>> page_lines_;

private:
    /// The source line of `text` (a view into the current cell), `line` outside joined pages.
    std::size_t line_of(std::string_view text, std::size_t line) const {
        if (page_lines_.empty() || text.data() < source_cell_.data() || text.data() > source_cell_.data() + source_cell_.size()) {
            return line;
        }
        const auto at = static_cast<std::size_t>(text.data() - source_cell_.data());
        for (const auto& [offset, l] : page_lines_) {
            if (offset <= at) line = l;
        }
        return line;
    }

    /// The printed text at the place of `text` (a view into the cell's source text).
    std::string_view printed(std::string_view text) const {
        if (!simplified_ || text.data() < source_cell_.data() || text.data() > source_cell_.data() + source_cell_.size()) {
            return text;
        }
        return std::string_view(printed_cell_).substr(static_cast<std::size_t>(text.data() - source_cell_.data()), text.size());
    }

    token make(std::string_view text, const io::cell& c, std::size_t row, std::size_t cell_index, bool piece) {
        token t;
        t.text = std::string(text);
        t.line = line_of(text, c.line);
        t.row = row;
        t.column = c.column;
        t.page = c.page;
        t.cell = cell_index;
        t.piece = piece;
        classify(t, words_);  // the key from the simplified text
        if (simplified_) t.text = std::string(printed(text));
        return t;
    }

    void push(token t) {
        t.row_start = row_start_;
        row_start_ = false;
        out_.tokens.push_back(std::move(t));
    }

    /// Groups pieces from `i` into one token; returns the next piece.
    std::size_t group(std::string_view text, const std::vector<span>& p, std::size_t i, const io::cell& c,
                      std::size_t row, std::size_t cell_index) {
        const bool whole_cell = p.size() == 1;
        auto slice = [&](std::size_t a, std::size_t b) { return text.substr(p[a].begin, p[b].end - p[a].begin); };
        // 0. a page number on a line of cells joined by spaces (`— 1 —`, `第 2 页`): dropped
        for (std::size_t j = std::min(p.size(), i + 3); j-- > i + 1;) {
            const std::string_view number = slice(i, j);
            if (is_page_number(number) && !is_numberish(make(number, c, row, cell_index, true))) {
                out_.page_numbers.push_back({std::string(printed(number)), line_of(number, c.line), row, c.column, c.page});
                return j + 1;
            }
        }
        // 1. the longest label over up to six pieces (`年初预算 数`, `产 出 指 标 (50分)`)
        for (std::size_t j = std::min(p.size(), i + 8); j-- > i;) {
            token t = make(slice(i, j), c, row, cell_index, !whole_cell);
            if (t.type == token_type::label) {
                push(std::move(t));
                return j + 1;
            }
        }
        // 2. a number or value, with a comparator before it and unit pieces after it
        std::size_t first = i;
        if (is_comparator_piece(text.substr(p[i].begin, p[i].end - p[i].begin)) && i + 1 < p.size()) ++first;
        {
            token t = make(slice(i, first), c, row, cell_index, !whole_cell);
            if (is_numberish(t) || first != i) {
                std::size_t j = first;
                while (j + 1 < p.size() && is_unit_piece(text.substr(p[j + 1].begin, p[j + 1].end - p[j + 1].begin))) ++j;
                token v = make(slice(i, j), c, row, cell_index, !whole_cell);
                if (is_numberish(v)) {
                    const std::string_view vs = slice(i, j);  // as read (simplified), for the label search
                    if (const std::size_t at = whole_cell ? 0 : value_after_head(vs); at != 0) {
                        // `数量指标清扫保洁面积≥120万平方米`: labels and a name run into the value
                        ++out_.run_together_cells;
                        run_together(vs.substr(0, at), c, row, cell_index, true);
                        push(make(vs.substr(at), c, row, cell_index, true));
                        return j + 1;
                    }
                    if (const std::size_t at = label_prefix(vs); at != 0 && j == i) {
                        token figure = make(vs.substr(at), c, row, cell_index, true);
                        if (is_numberish(figure)) {  // `合计100`: a label run into its figure
                            push(make(vs.substr(0, at), c, row, cell_index, true));
                            push(std::move(figure));
                            return j + 1;
                        }
                    }
                    push(std::move(v));
                    return j + 1;
                }
            }
        }
        // 3. text: the following pieces that are neither labels, numbers nor an enumeration
        std::size_t j = i;
        while (j + 1 < p.size()) {
            const std::string_view next = text.substr(p[j + 1].begin, p[j + 1].end - p[j + 1].begin);
            if (starts_enumeration(next) || is_comparator_piece(next) || is_nature_word(next)) break;
            if (is_nature_word(text.substr(p[j].begin, p[j].end - p[j].begin))) break;
            if (next.ends_with(":") || next.ends_with("\xEF\xBC\x9A")) break;  // `金额单位:` is a label of its own
            const std::string_view last = text.substr(p[j].begin, p[j].end - p[j].begin);
            if (last.ends_with(":") || last.ends_with("\xEF\xBC\x9A")) break;  // `是否为专项资金:` ends a text
            // the end of a sentence ends a text (`…1 分; 财务制度 3 3`: criteria, then a name)
            if (last.ends_with(";") || last.ends_with("\xEF\xBC\x9B") || last.ends_with("\xE3\x80\x82")) break;
            if (space_joined_ && last.size() > 6 && next.size() > 6) break;
            token probe = make(next, c, row, cell_index, true);
            if (probe.type != token_type::text) break;
            // a label spelled over the next pieces also ends the text
            bool label_ahead = false;
            for (std::size_t k = std::min(p.size(), j + 1 + 8); k-- > j + 2;) {
                if (make(slice(j + 1, k), c, row, cell_index, true).type == token_type::label) {
                    label_ahead = true;
                    break;
                }
            }
            if (label_ahead) break;
            ++j;
        }
        run_together(slice(i, j), c, row, cell_index, !whole_cell || j != i);
        return j + 1;
    }

    /// A text token; long text without spaces that holds labels is split at them
    /// (`专项资金名称县级储备粮负责人及电话…`), and percent figures run together at its end are
    /// split off (`储备到位率100%100%`).
    void run_together(std::string_view text, const io::cell& c, std::size_t row, std::size_t cell_index, bool piece) {
        if (is_explanation(text)) {
            // `…完成率=本年…完成数*100%/本年…年初预算数,用以反映和考核…`: an indicator's explanation
            // (a formula, 用以反映): the labels and figures in it are its words, not cells
            push(make(text, c, row, cell_index, piece));
            return;
        }
        if (text.size() >= 24) {
            // Labels are searched in the text with its blanks removed (`数量 指标`), each
            // compact byte mapped back to the printed text.
            std::string compact;
            std::vector<std::size_t> at_byte;  // compact index -> text offset
            for (std::size_t i = 0; i < text.size();) {
                if (const std::size_t n = blank_at(text, i); n != 0) {
                    i += n;
                    continue;
                }
                if (const std::size_t n = gloss_at(text, i); n != 0) {
                    i += n;
                    continue;
                }
                compact += text[i];
                at_byte.push_back(i);
                ++i;
            }
            at_byte.push_back(text.size());
            std::vector<std::pair<std::size_t, std::size_t>> found;  // label ranges in the text
            std::size_t last_end = std::string::npos;                   // compact end of the last label
            const std::vector<label_hit>* last_hits = nullptr;
            // a title in the text is one piece: no label inside it splits it (`项目绩效目标表`
            // holds the level-1 label 项目绩效)
            std::string title;
            std::size_t title_at = std::string::npos;
            if (words_.has_title(compact, &title)) title_at = compact.find(title);
            if (title_at != std::string::npos && compact.rfind("\xE3\x80\x8A", title_at) != std::string::npos) {
                title_at = std::string::npos;  // 《…自评表…》: a title cited in a blurb, left to the blurb rule
            }
            for (std::size_t pos = 0; pos < compact.size();) {
                if (pos == title_at) {
                    // with the text before it since the last label (`2022年度` … 自评表)
                    const std::size_t from = last_end == std::string::npos ? 0 : last_end;
                    found.emplace_back(at_byte[from], at_byte[pos + title.size() - 1] + 1 - at_byte[from]);
                    pos += title.size();
                    last_end = pos;
                    last_hits = nullptr;
                    continue;
                }
                std::size_t len = 0;
                const std::vector<label_hit>* hits = nullptr;
                for (const std::string& k : words_.keys()) {
                    if (k.size() > compact.size() - pos || compact.compare(pos, k.size(), k) != 0) continue;
                    if (title_at != std::string::npos && pos < title_at && pos + k.size() > title_at) continue;
                    // labels of four characters or more (shorter ones hide in names), a total
                    // label run into its figure (`总分99`), and a short column label right after
                    // another label of its header (`实际完成值(B)得分`)
                    if (k.size() >= 12 || (pos + k.size() < compact.size() && is_digit(compact[pos + k.size()]) &&
                                           is_total_label(k)) ||
                        (pos == last_end && same_header(words_.find(k), last_hits))) {
                        len = k.size();
                        hits = words_.find(k);
                        break;
                    }
                }
                if (len != 0 && len < 12 * 3) {
                    // a longer label that starts inside this one and ends after it wins
                    // (`2021年度资金总额及构成`: 资金总额及构成, not 年度资金总额)
                    bool overlapped = false;
                    for (std::size_t q = pos + 3; q < pos + len && !overlapped; ++q) {
                        if ((static_cast<unsigned char>(compact[q]) & 0xC0) == 0x80) continue;
                        for (const std::string& k : words_.keys()) {
                            if (k.size() <= len) break;  // longest first
                            if (q + k.size() > pos + len && k.size() <= compact.size() - q &&
                                compact.compare(q, k.size(), k) == 0) {
                                overlapped = true;
                                break;
                            }
                        }
                    }
                    if (overlapped) {
                        len = 0;
                        hits = nullptr;
                    }
                }
                if (len != 0) {
                    // `年度绩效目标(80分)`: the points printed after a label belong to it
                    std::size_t e = pos + len;
                    if (e < compact.size() && compact[e] == '(') {
                        std::size_t d = e + 1;
                        while (d < compact.size() && (is_digit(compact[d]) || compact[d] == '.')) ++d;
                        if (d > e + 1 && compact.compare(d, 4, "\xE5\x88\x86)") == 0) len = d + 4 - pos;
                    }
                    found.emplace_back(at_byte[pos], at_byte[pos + len - 1] + 1 - at_byte[pos]);
                    pos += len;
                    last_end = pos;
                    last_hits = hits;
                } else {
                    ++pos;
                    while (pos < compact.size() && (static_cast<unsigned char>(compact[pos]) & 0xC0) == 0x80) ++pos;
                }
            }
            const std::size_t labels = found.size() - (title_at != std::string::npos && title_at < compact.size() ? 1 : 0);
            const bool label_first =
                labels == 1 && found.size() == 1 && found[0].first == 0 && found[0].second < text.size() &&
                (blank_at(text, found[0].second) != 0 || is_digit(text[found[0].second]) || starts_block_label(text.substr(0, found[0].second)));
            if (labels >= 2 || label_first) {  // a title alone splits nothing
                ++out_.run_together_cells;
                std::size_t at = 0;
                for (const auto& [b, len] : found) {
                    if (b > at) name_and_values(text.substr(at, b - at), c, row, cell_index);
                    push(make(text.substr(b, len), c, row, cell_index, true));
                    at = b + len;
                }
                if (at < text.size()) name_and_values(text.substr(at), c, row, cell_index);
                return;
            }
        }
        plain(text, c, row, cell_index, piece);
    }

    /// The text between two labels of a run-together cell: a name and its values run together
    /// (`管护农田面积≥5000亩5200亩20无无`) are split where the values form a sequence that
    /// split_value_run accepts, the name being at least two characters ending in a CJK one;
    /// otherwise the text is read as plain().
    void name_and_values(std::string_view text, const io::cell& c, std::size_t row, std::size_t cell_index) {
        text = trim(text);
        // `100偏差大或目标`: a figure run into the text after it (no unit between)
        std::size_t n = 0;
        while (n < text.size() && (is_digit(text[n]) || (text[n] == '.' && n > 0 && n + 1 < text.size() && is_digit(text[n + 1])))) ++n;
        if (n > 0 && n < text.size() && static_cast<unsigned char>(text[n]) >= 0x80 && unit_at(text, n) == 0) {
            push(make(text.substr(0, n), c, row, cell_index, true));
            text = text.substr(n);
        }
        // `…维护次数反映办公大楼全年维修维护情况2280次大楼安检…`: a name, its explanation (反映…,
        // the wording every 指标解释 starts with) and its value, run together, row after row
        for (;;) {
            static constexpr std::string_view fan_ying = "\xE5\x8F\x8D\xE6\x98\xA0";  // 反映
            const std::size_t p = text.find(fan_ying);
            if (p == std::string_view::npos || p < 6) break;
            std::size_t q = p + fan_ying.size();
            while (q < text.size() && !is_digit(text[q]) && comparator_at(text, q) == 0) ++q;
            const std::size_t r = q < text.size() ? value_run_end(text, q) : q;
            if (q < text.size()) {
                const result<value_expr> v = parse_value(text.substr(q, r - q));
                if (r == q || !v.has_value() || v->kind != value_kind::quantity) break;
                if (r < text.size() && (static_cast<unsigned char>(text[r]) < 0xC0 || continues_value(text, r))) break;
            }
            ++out_.run_together_cells;
            push(make(text.substr(0, p), c, row, cell_index, true));
            token explanation = make(text.substr(p, q - p), c, row, cell_index, true);
            explanation.type = token_type::text;
            push(std::move(explanation));
            if (r > q) push(make(text.substr(q, r - q), c, row, cell_index, true));
            text = trim(text.substr(r));
            if (text.empty()) return;
        }
        // several rows run together (`…发生数0起0起市民满意度调查290%100%`): a name and its
        // values, then the next name where a CJK character ends the values
        bool split = false;
        while (!text.empty()) {
            std::size_t name_end = 0, values_end = 0;
            std::vector<std::string_view> values;
            for (std::size_t p = 6; p < text.size(); ++p) {
                if (text[p - 1] == '%') break;  // figures inside the name: several rows, plain() splits them
                if ((static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) continue;  // not a character start
                if (static_cast<unsigned char>(text[p - 1]) < 0x80) continue;          // the name ends in a CJK character
                const std::size_t q = value_run_end(text, p);
                if (q == p || (q < text.size() && (static_cast<unsigned char>(text[q]) < 0xC0 || continues_value(text, q)))) continue;
                values = split_value_run(text.substr(p, q - p));
                if (values.empty()) continue;
                // before more text, a date (`2023年12月底前`) is one value, not a year and a month
                if (q < text.size() && std::any_of(values.begin(), values.end(), [](std::string_view v) {
                        return v.ends_with("\xE5\xB9\xB4");  // 年
                    })) {
                    values.clear();
                    continue;
                }
                name_end = p;
                values_end = q;
                break;
            }
            if (values.empty()) break;
            ++out_.run_together_cells;
            split = true;
            push(make(text.substr(0, name_end), c, row, cell_index, true));
            for (std::string_view v : values) push(make(v, c, row, cell_index, true));
            text = trim(text.substr(values_end));
        }
        if (!text.empty() && !split) {
            // `补贴渔船数6620`: a name and figures that no rule splits (6 | 6 | 20 or 66 | 20?):
            // the name is read, the figures are reported
            std::size_t b = text.size();
            while (b > 0 && (is_digit(text[b - 1]) || text[b - 1] == '.')) --b;
            if (text.size() - b >= 3 && b >= 6 && static_cast<unsigned char>(text[b - 1]) >= 0x80 && text.find('%') == std::string_view::npos) {
                push(make(text.substr(0, b), c, row, cell_index, true));
                token figures = make(text.substr(b), c, row, cell_index, true);
                figures.type = token_type::text;
                figures.unsplit = true;
                push(std::move(figures));
                return;
            }
        }
        if (!text.empty() || !split) plain(text, c, row, cell_index);
    }

    /// Whether the text at byte `q`, just after figures, still belongs to the last of them:
    /// a comparator word (`90%以上`, `3日内`, `左右`) or a point in time (`12月底`, `月末`, `年前`).
    static bool continues_value(std::string_view text, std::size_t q) {
        const std::string_view rest = text.substr(q);
        for (const auto& w : vocabulary::comparator_suffix_words) {
            if (rest.starts_with(w.spelling)) return true;
        }
        for (std::string_view w : {"\xE5\xBA\x95", "\xE5\x89\x8D", "\xE6\x9C\xAB", "\xE5\x90\x8E", "\xE5\x88\x9D"}) {  // 底 前 末 后 初
            if (rest.starts_with(w)) return true;
        }
        return false;
    }

    /// Where the figures that start at byte `p` of `text` end: digits, points, units, comparators
    /// and 无 (the next name starts there).
    static std::size_t value_run_end(std::string_view text, std::size_t p) {
        std::size_t j = p;
        while (j < text.size()) {
            if (is_digit(text[j]) || text[j] == '.') {
                ++j;
            } else if (const std::size_t u = unit_at(text, j); u != 0) {
                j += u;
            } else if (text.substr(j, 3) == "\xE6\x97\xA0") {  // 无
                j += 3;
            } else if (const std::size_t cmp = comparator_at(text, j); cmp != 0) {
                j += cmp;
            } else {
                break;
            }
        }
        return j;
    }

    /// A text; percent figures run together with it (`储备到位率100%100%库存数量真实率100%`) are
    /// split out wherever they stand.
    void plain(std::string_view text, const io::cell& c, std::size_t row, std::size_t cell_index, bool piece = true) {
        text = trim(text);
        if (text.empty()) return;
        std::size_t from = 0;
        bool split = false;
        for (std::size_t pct = text.find('%'); pct != std::string_view::npos; pct = text.find('%', pct + 1)) {
            std::size_t b = pct;
            while (b > from && (is_digit(text[b - 1]) || text[b - 1] == '.')) --b;
            if (b == pct || !is_digit(text[b])) continue;
            if (pct - b > 8) continue;
            b = with_comparator_before(text, b, from);
            if (b == 0 && pct + 1 == text.size()) break;  // the whole text is one figure
            if (b > from) push(make(trim(text.substr(from, b - from)), c, row, cell_index, true));
            push(make(text.substr(b, pct + 1 - b), c, row, cell_index, true));
            from = pct + 1;
            split = true;
        }
        if (split) {
            if (from < text.size() && !trim(text.substr(from)).empty()) push(make(trim(text.substr(from)), c, row, cell_index, true));
            return;
        }
        if (const std::size_t at = text.find_first_of("0123456789") == std::string_view::npos ? 0 : label_prefix(text); at != 0) {
            // `合计100`, `总分95`: a label run into its figure
            token figure = make(text.substr(at), c, row, cell_index, true);
            if (is_numberish(figure)) {
                push(make(text.substr(0, at), c, row, cell_index, true));
                push(std::move(figure));
                return;
            }
        }
        push(make(text, c, row, cell_index, piece));
    }

    /// An indicator's explanation or scoring formula, one cell of prose: it says 用以反映 (used to
    /// reflect), or it is a formula (`…率=…*100%/…`). Bounded: a page of run-together cells is none.
    static bool is_explanation(std::string_view text) {
        if (text.size() < 24 || text.size() > 900) return false;
        if (text.find("\xE7\x94\xA8\xE4\xBB\xA5\xE5\x8F\x8D\xE6\x98\xA0") != std::string_view::npos) return true;  // 用以反映
        // a scoring rule: a sentence (commas, a full stop at its end) that awards or deducts points
        const bool sentence = (text.find(',') != std::string_view::npos || text.find("\xEF\xBC\x8C") != std::string_view::npos) &&
                              (text.ends_with(".") || text.ends_with("\xE3\x80\x82"));
        if (sentence && (text.find("\xE5\xBE\x97\xE6\xBB\xA1\xE5\x88\x86") != std::string_view::npos ||  // 得满分
                         text.find("\xE4\xB8\x8D\xE5\xBE\x97\xE5\x88\x86") != std::string_view::npos ||  // 不得分
                         text.find("\xE6\x89\xA3\xE5\xAE\x8C\xE4\xB8\xBA\xE6\xAD\xA2") != std::string_view::npos)) {  // 扣完为止
            return true;
        }
        const std::size_t eq = text.find('=');
        if (eq != std::string_view::npos && eq >= 6 &&
            (text.find('*', eq) != std::string_view::npos || text.find("\xC3\x97", eq) != std::string_view::npos) &&  // * or ×
            text.find("100%", eq) != std::string_view::npos) {
            return true;
        }
        // a question the indicator asks (`预算支出进度是否达到90%以上。`)
        return text.find("\xE6\x98\xAF\xE5\x90\xA6") != std::string_view::npos &&  // 是否
               (text.ends_with("\xE3\x80\x82") || text.ends_with("?") || text.ends_with("\xEF\xBC\x9F"));
    }

    /// The length of the longest label that starts `text` and leaves something after it (0: none).
    std::size_t label_prefix(std::string_view text) const {
        for (const std::string& k : words_.keys()) {
            if (k.size() < text.size() && text.starts_with(k)) return k.size();
        }
        return 0;
    }

    /// Whether two labels are columns of one header (both indicator columns, or both funds
    /// columns).
    static bool same_header(const std::vector<label_hit>* a, const std::vector<label_hit>* b) {
        if (a == nullptr || b == nullptr) return false;
        for (label_block block : {label_block::indicator_column, label_block::funds_column}) {
            const auto in = [block](const std::vector<label_hit>* hits) {
                return std::any_of(hits->begin(), hits->end(), [block](const label_hit& h) { return h.block == block; });
            };
            if (in(a) && in(b)) return true;
        }
        return false;
    }

    /// Whether `key` is a total label (`总分`, `合计`).
    bool is_total_label(const std::string& key) const {
        const auto* hits = words_.find(key);
        if (hits == nullptr) return false;
        for (const auto& h : *hits) {
            if (h.block == label_block::total) return true;
        }
        return false;
    }

    /// Whether `label` is a level-1 or level-2 label (`质量指标`): at the start of a run-together
    /// text it is the row's label, not part of a name.
    bool starts_block_label(std::string_view label) const {
        const auto* hits = words_.find(meaning_key(label));
        if (hits == nullptr) return false;
        for (const auto& h : *hits) {
            if (h.block == label_block::category || h.block == label_block::subcategory) return true;
        }
        return false;
    }

public:
    bool line_rows_ = false;  ///< one line per cell (the lines reader): a line of several pieces is a row
    bool fold_traditional_ = false;  ///< the document has traditional characters (and OpenCC is built in)

private:
    const lexicon& words_;
    token_stream& out_;
    bool row_start_ = true;
    bool space_joined_ = false;
    std::optional<std::string> simplified_;  ///< the current cell in simplified characters
    std::string_view printed_cell_, source_cell_;  ///< the current cell as printed and as read
};

/// The page number a document site prints at the start of each page's text: `2、` (1 to 4
/// digits and the ideographic comma); its length in bytes, 0 when `text` starts otherwise.
std::size_t site_page_number(std::string_view text, std::size_t page) {
    const std::string number = std::to_string(page) + "\xE3\x80\x81";
    return text.starts_with(number) ? number.size() : 0;
}

/// A page of a document site's text: one long line of cells run together (a page is hundreds
/// of characters with hardly a space: the spaces left are wraps inside cells).
bool is_site_page(std::string_view text) {
    if (text.size() < 300) return false;
    std::size_t blanks = 0;
    for (std::size_t i = 0; i < text.size(); ++i) if (blank_at(text, i) != 0) ++blanks;
    return blanks * 20 <= text.size();
}

/// The cells of a document site's pages: sites that show a shared .docx or .pdf as text (淘文阁,
/// 文秘, 人人文库) print each page as one line starting with its number, `1、` … `2、` …, and a
/// page ends anywhere, even inside a value (`完成10` | `2、0%100%10` is `100%`). Returns the
/// cells (in grid order) of the longest such run that starts with page 1: consecutive cells,
/// each but the last a page of run-together text (is_site_page); empty when there is none.
std::vector<const io::cell*> site_pages(const grid& g) {
    std::vector<const io::cell*> cells;
    for (const row& r : g.rows) {
        for (const io::cell& c : r.cells) {
            if (!c.from_span && !trim(c.text).empty()) cells.push_back(&c);
        }
    }
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (site_page_number(trim(cells[i]->text), 1) == 0 || !is_site_page(trim(cells[i]->text))) continue;
        std::size_t n = 1;
        while (i + n < cells.size() && site_page_number(trim(cells[i + n]->text), n + 1) != 0) {
            const bool last = i + n + 1 >= cells.size() || site_page_number(trim(cells[i + n + 1]->text), n + 2) == 0;
            if (!last && !is_site_page(trim(cells[i + n]->text))) break;
            ++n;
        }
        if (n >= 2) return {cells.begin() + static_cast<std::ptrdiff_t>(i), cells.begin() + static_cast<std::ptrdiff_t>(i + n)};
    }
    return {};
}

}  // namespace

token_stream tokenize(const grid& g, const lexicon& words) {
    token_stream out;
    tokenizer t(words, out);
    t.line_rows_ = g.format == grid_format::cell_per_line;
    if (traditional_folding()) {
        // one conversion of a sample tells whether the document has traditional characters
        std::string sample;
        for (const row& r : g.rows) {
            for (const io::cell& c : r.cells) {
                if (sample.size() >= 65536) break;
                sample += c.text;
                sample += '\n';
            }
        }
        t.fold_traditional_ = has_traditional(sample);
    }
    // a document site's pages are read as one text, their page numbers dropped
    const std::vector<const io::cell*> pages = site_pages(g);
    io::cell joined;
    std::vector<std::pair<std::size_t, std::size_t>> page_lines;
    if (!pages.empty()) {
        joined = *pages.front();
        joined.text.clear();
        for (std::size_t p = 0; p < pages.size(); ++p) {
            const std::string_view text = trim(pages[p]->text);
            const std::size_t number = site_page_number(text, p + 1);
            out.page_numbers.push_back({std::string(text.substr(0, number)), pages[p]->line, 0, pages[p]->column, pages[p]->page});
            page_lines.emplace_back(joined.text.size(), pages[p]->line);
            ++out.site_pages;
            joined.text += text.substr(number);
        }
    }
    for (std::size_t r = 0; r < g.rows.size(); ++r) {
        for (const io::cell& c : g.rows[r].cells) {
            if (c.from_span) continue;
            if (const auto page = std::find(pages.begin(), pages.end(), &c); page != pages.end()) {
                out.page_numbers[static_cast<std::size_t>(page - pages.begin())].row = r + 1;
                if (page == pages.begin()) {
                    t.page_lines_ = page_lines;
                    t.cell(joined, r + 1);
                    t.page_lines_.clear();
                }
                continue;
            }
            t.cell(c, r + 1);
        }
        t.end_row();
    }
    return out;
}

}  // namespace jixiao::io::detail
