// grid_html.cpp — HTML tables: a hand-written single-pass scanner (no regex, no recursion).
//
// Tables at the top level give rows; `rowspan`/`colspan` fill the covered positions with
// copies marked `from_span`; a table nested inside a cell is flattened into that cell's text;
// text outside tables becomes single-cell rows (so that a title in an <h1> is not lost).
#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <jixiao/detail/utf8.hpp>

#include "read/grid_internal.hpp"

namespace jixiao::io::detail {
namespace {

namespace utf8 = jixiao::detail::utf8;

struct named_entity {
    std::string_view name;
    char32_t code_point;
};

// &nbsp; and the other fixed-width spaces read as an ordinary space, so that a cell holding
// only &nbsp; reads as empty.
constexpr std::array<named_entity, 28> named_entities{{
    {"amp", U'&'},      {"lt", U'<'},        {"gt", U'>'},        {"quot", U'"'},
    {"apos", U'\''},    {"nbsp", U' '},      {"ensp", U' '},      {"emsp", U' '},
    {"thinsp", U' '},   {"ldquo", 0x201C},   {"rdquo", 0x201D},   {"lsquo", 0x2018},
    {"rsquo", 0x2019},  {"mdash", 0x2014},   {"ndash", 0x2013},   {"hellip", 0x2026},
    {"middot", 0x00B7}, {"times", 0x00D7},   {"divide", 0x00F7},  {"yen", 0x00A5},
    {"copy", 0x00A9},   {"reg", 0x00AE},     {"deg", 0x00B0},     {"plusmn", 0x00B1},
    {"le", 0x2264},     {"ge", 0x2265},      {"permil", 0x2030},  {"laquo", 0x00AB},
}};

constexpr bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
constexpr bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_hex(char c) noexcept {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// An entity at `pos` (which holds '&'): its code point and length, or length 0.
utf8::decoded decode_entity(std::string_view text, std::size_t pos) noexcept {
    constexpr std::size_t max_length = 32;
    const std::size_t limit = std::min(text.size(), pos + max_length);
    std::size_t i = pos + 1;
    if (i < limit && text[i] == '#') {
        ++i;
        const bool hex = i < limit && (text[i] == 'x' || text[i] == 'X');
        if (hex) ++i;
        const std::size_t digits = i;
        std::uint32_t value = 0;
        while (i < limit && (hex ? is_hex(text[i]) : is_digit(text[i]))) {
            const char c = text[i];
            const std::uint32_t d = is_digit(c) ? static_cast<std::uint32_t>(c - '0')
                                                : static_cast<std::uint32_t>(ascii_lower(c) - 'a' + 10);
            value = value * (hex ? 16u : 10u) + d;
            if (value > 0x10FFFFu) value = 0x110000u;  // stays out of range, no overflow
            ++i;
        }
        if (i == digits || i >= limit || text[i] != ';') return {};
        char32_t cp = value;
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = utf8::replacement_character;
        return {cp, i + 1 - pos};
    }
    const std::size_t name_begin = i;
    while (i < limit && (is_alpha(text[i]) || is_digit(text[i]))) ++i;
    if (i == name_begin || i >= limit || text[i] != ';') return {};
    const std::string_view name = text.substr(name_begin, i - name_begin);
    for (const auto& e : named_entities) {
        if (e.name == name) return {e.code_point, i + 1 - pos};
    }
    return {};
}

/// Collects the text of one cell (or of a run of text outside tables): source white space
/// collapses to one space, <br> and block boundaries give line breaks, ends are trimmed.
struct text_sink {
    std::string text;
    bool pending_space = false;
    std::size_t pending_newlines = 0;
    bool started = false;
    std::size_t line = 0;
    std::size_t offset = 0;

    void reset() { *this = text_sink{}; }
    void space() noexcept { pending_space = true; }
    void line_break() noexcept { pending_newlines = std::max<std::size_t>(pending_newlines, 1); }
    void hard_line_break() noexcept { ++pending_newlines; }
    void content(std::string_view bytes) {
        if (!text.empty()) {
            if (pending_newlines > 0) text.append(pending_newlines, '\n');
            else if (pending_space) text += ' ';
        }
        pending_newlines = 0;
        pending_space = false;
        text.append(bytes);
    }
    [[nodiscard]] std::string finish() {
        std::size_t b = 0;
        std::size_t e = text.size();
        while (b < e && (text[b] == ' ' || text[b] == '\n')) ++b;
        while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n')) --e;
        return text.substr(b, e - b);
    }
};

struct span_slot {
    std::size_t remaining = 0;  // rows still covered below
    std::string text;
    std::size_t line = 0;
    std::size_t offset = 0;
};

constexpr std::size_t max_colspan = 1000;   // as in the HTML standard
constexpr std::size_t max_rowspan = 65534;  // as in the HTML standard (0 = to the end of the table)

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) noexcept {
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_block(std::string_view name) noexcept {
    return one_of(name, {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                         "hr", "section", "article", "header", "footer", "body", "html", "head",
                         "blockquote", "pre", "dl", "dt", "dd", "center", "form", "caption", "tr"});
}

class html_reader {
public:
    html_reader(std::string_view text, const read_options& options)
        : text_(text), builder_(grid_format::html, options), lines_(text) {}

    result<grid> run() {
        const std::size_t n = text_.size();
        std::size_t pos = 0;
        while (pos < n && !failure_) {
            const char c = text_[pos];
            if (c == '<') {
                pos = markup(pos);
            } else if (c == '&') {
                const utf8::decoded e = decode_entity(text_, pos);
                if (e.length == 0) {
                    add_text(pos, "&");
                    ++pos;
                } else {
                    std::string bytes;
                    utf8::append(bytes, e.code_point);
                    add_text(pos, bytes);
                    pos += e.length;
                }
            } else if (is_space(c)) {
                add_space();
                ++pos;
            } else {
                const std::size_t start = pos;
                while (pos < n && text_[pos] != '<' && text_[pos] != '&' && !is_space(text_[pos])) ++pos;
                add_text(start, text_.substr(start, pos - start));
            }
        }
        if (!failure_ && depth_ > 0) {
            builder_.note("a <table> is not closed at the end of the text");
            end_table();
        }
        if (!failure_) flush_outside();
        if (failure_) return *failure_;
        if (nested_tables_ > 0) {
            builder_.note(std::to_string(nested_tables_) +
                          " table(s) nested inside a cell were flattened into the cell text");
        }
        if (rows_outside_table_) builder_.note("table rows or cells found outside <table>: read as a table");
        return std::move(builder_).take();
    }

private:
    // ---- markup -------------------------------------------------------------------------
    /// Handles the markup at `pos` ('<'); returns the position after it.
    std::size_t markup(std::size_t pos) {
        const std::size_t n = text_.size();
        if (text_.substr(pos, 4) == "<!--") {
            const std::size_t end = text_.find("-->", pos + 4);
            return end == std::string_view::npos ? n : end + 3;
        }
        std::size_t i = pos + 1;
        const bool closing = i < n && text_[i] == '/';
        if (closing) ++i;
        if (i >= n || !is_alpha(text_[i])) {
            if (!closing && i < n && (text_[i] == '!' || text_[i] == '?')) {  // <!DOCTYPE>, <?xml?>
                const std::size_t end = text_.find('>', i);
                return end == std::string_view::npos ? n : end + 1;
            }
            add_text(pos, "<");  // a '<' that opens no tag is text
            return pos + 1;
        }
        std::string name;
        while (i < n && (is_alpha(text_[i]) || is_digit(text_[i]))) {
            if (name.size() < 16) name += ascii_lower(text_[i]);
            ++i;
        }
        std::size_t row_span = 1;
        std::size_t col_span = 1;
        // Attributes, until the '>' that is not inside a quoted value.
        for (;;) {
            while (i < n && (is_space(text_[i]) || text_[i] == '/')) ++i;
            if (i >= n) return unterminated(pos);
            if (text_[i] == '>') break;
            std::string attribute;
            while (i < n && !is_space(text_[i]) && text_[i] != '=' && text_[i] != '>' && text_[i] != '/') {
                if (attribute.size() < 16) attribute += ascii_lower(text_[i]);
                ++i;
            }
            if (attribute.empty()) {  // a stray character such as '"': skip it
                ++i;
                continue;
            }
            while (i < n && is_space(text_[i])) ++i;
            if (i >= n || text_[i] != '=') continue;
            ++i;
            while (i < n && is_space(text_[i])) ++i;
            if (i >= n) return unterminated(pos);
            std::size_t value_begin = i;
            std::size_t value_end = i;
            if (text_[i] == '"' || text_[i] == '\'') {
                const std::size_t close = text_.find(text_[i], i + 1);
                if (close == std::string_view::npos) return unterminated(pos);
                value_begin = i + 1;
                value_end = close;
                i = close + 1;
            } else {
                while (i < n && !is_space(text_[i]) && text_[i] != '>') ++i;
                value_end = i;
            }
            if (attribute == "rowspan" || attribute == "colspan") {
                const bool rows = attribute == "rowspan";
                std::size_t v = 0;
                std::size_t k = value_begin;
                while (k < value_end && is_space(text_[k])) ++k;
                const std::size_t digits = k;
                while (k < value_end && is_digit(text_[k])) {
                    v = std::min<std::size_t>(v * 10 + static_cast<std::size_t>(text_[k] - '0'), 1'000'000);
                    ++k;
                }
                if (k > digits) {
                    if (rows) row_span = v == 0 ? max_rowspan : std::min(v, max_rowspan);
                    else col_span = v == 0 ? 1 : std::min(v, max_colspan);
                }
            }
        }
        const std::size_t after = i + 1;  // past '>'
        tag(name, closing, pos, row_span, col_span);
        if (!closing && (name == "script" || name == "style" || name == "title")) {
            const std::size_t end = find_closing(after, name);
            if (name == "title") {
                builder_.note("skipped the page <title> at line " + std::to_string(lines_.line_at(pos)));
            }
            return end;
        }
        return after;
    }

    std::size_t unterminated(std::size_t pos) {
        builder_.note("a tag at line " + std::to_string(lines_.line_at(pos)) + " (byte " + std::to_string(pos) +
                      ") is not closed with '>': the text from there on was not read");
        return text_.size();
    }

    /// Position after `</name ...>` (case-insensitive) at or after `from`, or the end.
    std::size_t find_closing(std::size_t from, std::string_view name) const {
        std::size_t i = from;
        while ((i = text_.find("</", i)) != std::string_view::npos) {
            std::size_t k = 0;
            while (k < name.size() && i + 2 + k < text_.size() && ascii_lower(text_[i + 2 + k]) == name[k]) ++k;
            if (k == name.size()) {
                const std::size_t end = text_.find('>', i);
                return end == std::string_view::npos ? text_.size() : end + 1;
            }
            i += 2;
        }
        return text_.size();
    }

    void tag(std::string_view name, bool closing, std::size_t pos, std::size_t row_span, std::size_t col_span) {
        if (name == "table") {
            if (!closing) {
                if (depth_ == 0) {
                    flush_outside();
                    depth_ = 1;
                } else {
                    ++depth_;
                    ++nested_tables_;
                    if (cell_open_) cell_.line_break();
                }
            } else if (depth_ == 1) {
                end_table();
                depth_ = 0;
            } else if (depth_ > 1) {
                --depth_;
                if (cell_open_) cell_.line_break();
            }
            return;
        }
        const bool cell_tag = name == "td" || name == "th";
        if (depth_ == 0) {
            if (!closing && (cell_tag || name == "tr")) {  // a table fragment without <table>
                flush_outside();
                depth_ = 1;
                rows_outside_table_ = true;
            } else {
                if (is_block(name)) flush_outside();
                return;
            }
        }
        if (depth_ > 1) {  // inside a nested table: only separators in the outer cell's text
            if (!cell_open_) return;
            if (cell_tag && !closing) cell_.space();
            else if (name == "tr" || name == "p" || name == "div" || name == "li") cell_.line_break();
            else if (name == "br") cell_.hard_line_break();
            return;
        }
        if (name == "tr") {
            end_cell();
            end_row();
            if (!closing) begin_row(pos);
        } else if (cell_tag) {
            end_cell();
            if (!closing) begin_cell(pos, row_span, col_span);
        } else if (name == "thead" || name == "tbody" || name == "tfoot") {
            end_cell();
            end_row();
        } else if (name == "caption") {
            end_cell();
            end_row();
            if (!closing) {
                begin_row(pos);
                begin_cell(pos, 1, 1);
            }
        } else if (name == "br") {
            if (cell_open_) cell_.hard_line_break();
        } else if (one_of(name, {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "hr"})) {
            if (cell_open_) cell_.line_break();
        }
        // Other tags (span, b, font, a, img, col, ...) carry no structure here.
    }

    // ---- text -----------------------------------------------------------------------------
    void add_text(std::size_t pos, std::string_view bytes) {
        if (depth_ == 0) {
            if (!outside_.started) {
                outside_.started = true;
                outside_.offset = pos;
                outside_.line = lines_.line_at(pos);
            }
            outside_.content(bytes);
            return;
        }
        if (!cell_open_) begin_cell(pos, 1, 1);  // text in a table but outside a cell
        cell_.content(bytes);
    }

    void add_space() {
        if (depth_ == 0) outside_.space();
        else if (cell_open_) cell_.space();
    }

    void flush_outside() {
        if (!outside_.started) return;
        std::string t = outside_.finish();
        if (!t.empty()) {
            builder_.begin_row(outside_.line);
            cell c;
            c.text = std::move(t);
            c.line = outside_.line;
            c.column = 1;
            c.offset = outside_.offset;
            fail(builder_.add_cell(std::move(c)));
        }
        outside_.reset();
    }

    // ---- table structure --------------------------------------------------------------------
    void begin_row(std::size_t pos) {
        row_open_ = true;
        column_ = 0;
        builder_.begin_row(lines_.line_at(pos));
    }

    void end_row() {
        if (!row_open_) return;
        auto it = spans_.lower_bound(column_);
        while (it != spans_.end() && !failure_) it = emit_copy(it);
        row_open_ = false;
    }

    void begin_cell(std::size_t pos, std::size_t row_span, std::size_t col_span) {
        if (!row_open_) begin_row(pos);
        cell_.reset();
        cell_.line = lines_.line_at(pos);
        cell_.offset = pos;
        cell_row_span_ = row_span;
        cell_col_span_ = col_span;
        cell_open_ = true;
    }

    void end_cell() {
        if (!cell_open_ || failure_) return;
        cell_open_ = false;
        for (auto it = spans_.find(column_); it != spans_.end() && !failure_; it = spans_.find(column_)) {
            emit_copy(it);
            ++column_;
        }
        cell c;
        c.text = cell_.finish();
        c.line = cell_.line;
        c.offset = cell_.offset;
        c.column = column_ + 1;
        c.row_span = cell_row_span_;
        c.col_span = cell_col_span_;
        const span_slot slot{cell_row_span_ - 1, c.text, c.line, c.offset};
        fail(builder_.add_cell(std::move(c)));
        for (std::size_t k = 0; k < cell_col_span_ && !failure_; ++k) {
            if (k > 0) {
                cell copy;
                copy.text = slot.text;
                copy.line = slot.line;
                copy.offset = slot.offset;
                copy.column = column_ + k + 1;
                copy.from_span = true;
                fail(builder_.add_cell(std::move(copy)));
            }
            if (slot.remaining > 0) spans_.insert_or_assign(column_ + k, slot);
        }
        column_ += cell_col_span_;
    }

    /// Puts the copy of the cell spanning down into the column of `it` in the current row;
    /// returns the next active span.
    std::map<std::size_t, span_slot>::iterator emit_copy(std::map<std::size_t, span_slot>::iterator it) {
        span_slot& slot = it->second;
        cell copy;
        copy.text = slot.text;
        copy.line = slot.line;
        copy.offset = slot.offset;
        copy.column = it->first + 1;
        copy.from_span = true;
        fail(builder_.add_cell(std::move(copy)));
        return --slot.remaining == 0 ? spans_.erase(it) : std::next(it);
    }

    void end_table() {
        end_cell();
        end_row();
        spans_.clear();
    }

    void fail(std::optional<error> e) {
        if (e && !failure_) failure_ = std::move(e);
    }

    std::string_view text_;
    grid_builder builder_;
    line_tracker lines_;
    std::size_t depth_ = 0;  // table nesting depth (a counter: no recursion)
    bool row_open_ = false;
    bool cell_open_ = false;
    std::size_t column_ = 0;  // next free grid column (0-based) in the current row
    std::size_t cell_row_span_ = 1;
    std::size_t cell_col_span_ = 1;
    text_sink cell_;
    text_sink outside_;
    std::map<std::size_t, span_slot> spans_;  // columns still covered by a rowspan from above
    std::size_t nested_tables_ = 0;
    bool rows_outside_table_ = false;
    std::optional<error> failure_;
};

}  // namespace

result<grid> read_html(std::string_view text, const read_options& options) {
    return html_reader(text, options).run();
}

}  // namespace jixiao::io::detail
