// value.cpp — the one parser of value expressions (年度指标值 / 实际完成值), their canonical
// spelling, and the exact check of an actual against a target.
//
// The grammar (docs/values.md) is read in one pass over [begin, end): every step below is a
// member function named after its rule. No regex, no backtracking beyond a bounded look at the
// next few characters, no exceptions on user text.
#include <jixiao/detail/utf8.hpp>
#include <jixiao/value.hpp>
#include <jixiao/vocabulary.hpp>

#include "core/unit_internal.hpp"

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace jixiao {

namespace {

namespace text = detail::text;
namespace vocab = vocabulary;
using detail::dec::char_kind;

/// Most characters of a subject (`满意率达` in `满意率达95%以上`); longer lead-ins are sentences.
constexpr std::size_t max_subject_chars = 16;
/// Most Chinese characters of a short label not in the label tables (qualitative `other`).
constexpr std::size_t max_other_label_chars = 8;
/// Most characters of a unit not in the table (`艘`, `篇报告`).
constexpr std::size_t max_opaque_unit_chars = 6;
/// Four-digit numbers read as calendar years before 年 (`2020年全年`).
constexpr std::int64_t first_year = 1900;
constexpr std::int64_t last_year = 2199;

comparator comparator_from_canonical(std::string_view c) noexcept {
    if (c == "=") return comparator::equal;
    if (c == ">=") return comparator::greater_equal;
    if (c == ">") return comparator::greater;
    if (c == "<=") return comparator::less_equal;
    if (c == "<") return comparator::less;
    if (c == "~") return comparator::approximately;
    return comparator::none;
}

period_part part_from_canonical(std::string_view c) noexcept {
    if (c == "上旬") return period_part::early;
    if (c == "中旬") return period_part::middle;
    if (c == "下旬") return period_part::late;
    if (c == "底") return period_part::end;
    if (c == "底前") return period_part::before_end;
    return period_part::whole;
}

/// A spelling found in a table: what it means and where it ends.
template <class Meaning>
struct found {
    Meaning meaning;
    std::size_t end = 0;
};

/// Longest spelling of `Table` (entries with `.spelling` and `.canonical`) at `s[i, ...)`;
/// the first entry wins among equally long ones. Only the entries indexed under the first
/// character at `i` are compared.
template <const auto& Table>
std::optional<found<std::string_view>> longest_at(std::string_view s, std::size_t i) noexcept {
    std::optional<found<std::string_view>> best;
    std::size_t best_length = 0;
    for (const std::uint16_t k : text::index_of<Table>.candidates(s, i, s.size())) {
        const auto& entry = Table[k];
        if (entry.spelling.size() > best_length && text::starts_with_at(s, i, s.size(), entry.spelling)) {
            best = found<std::string_view>{entry.canonical, i + entry.spelling.size()};
            best_length = entry.spelling.size();
        }
    }
    return best;
}

/// The first spelling of `Table` (plain spellings) at `s[i, ...)`, or empty.
template <const auto& Table>
std::string_view first_at(std::string_view s, std::size_t i) noexcept {
    for (const std::uint16_t k : text::index_of<Table>.candidates(s, i, s.size())) {
        if (text::starts_with_at(s, i, s.size(), Table[k])) return Table[k];
    }
    return {};
}

template <const auto& Table>
bool any_at(std::string_view s, std::size_t i) noexcept {
    return !first_at<Table>(s, i).empty();
}

bool digit_at(std::string_view s, std::size_t i) noexcept {
    return i < s.size() && detail::dec::classify(s, i).kind == char_kind::digit;
}

/// A number starts here: a digit, or a sign followed by a digit.
bool number_starts_at(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) return false;
    const auto c = detail::dec::classify(s, i);
    if (c.kind == char_kind::digit) return true;
    return (c.kind == char_kind::plus || c.kind == char_kind::minus) && digit_at(s, i + c.size);
}

bool punctuation_at(std::string_view s, std::size_t i) noexcept {
    return any_at<vocab::sentence_punctuation>(s, i);
}

/// Year words that stand alone: `全年`, `上半年`, `年底前`, `年初` ...
std::optional<found<period_part>> year_words_at(std::string_view s, std::size_t i) noexcept {
    if (text::starts_with_at(s, i, s.size(), vocab::whole_year_word)) {
        return found<period_part>{period_part::whole, i + vocab::whole_year_word.size()};
    }
    if (auto half = longest_at<vocab::half_year_words>(s, i)) {
        return found<period_part>{part_from_canonical(half->meaning), half->end};
    }
    if (text::starts_with_at(s, i, s.size(), vocab::year_word)) {
        if (auto part = longest_at<vocab::year_part_words>(s, i + vocab::year_word.size())) {
            return found<period_part>{part_from_canonical(part->meaning), part->end};
        }
    }
    return std::nullopt;
}

/// Parts after `N年`: `全年`, `上半年`/`下半年`, `底`, `底前`, `初` ...
std::optional<found<period_part>> year_part_at(std::string_view s, std::size_t i) noexcept {
    if (text::starts_with_at(s, i, s.size(), vocab::whole_year_word)) {
        return found<period_part>{period_part::whole, i + vocab::whole_year_word.size()};
    }
    if (auto half = longest_at<vocab::half_year_words>(s, i)) {
        return found<period_part>{part_from_canonical(half->meaning), half->end};
    }
    if (auto part = longest_at<vocab::year_part_words>(s, i)) {
        return found<period_part>{part_from_canonical(part->meaning), part->end};
    }
    return std::nullopt;
}

std::optional<found<period_part>> month_part_at(std::string_view s, std::size_t i) noexcept {
    if (auto part = longest_at<vocab::month_part_words>(s, i)) {
        return found<period_part>{part_from_canonical(part->meaning), part->end};
    }
    return std::nullopt;
}

std::optional<std::int64_t> whole_number_in(const decimal& d, std::int64_t low, std::int64_t high) {
    if (d.scale() != 0) return std::nullopt;
    auto v = d.to_int64();
    if (!v || *v < low || *v > high) return std::nullopt;
    return v;
}

bool is_plain(const unit& u) noexcept { return u.key().empty() && u.symbol().empty(); }

/// Combines a comparator written before the number with one written after it.
std::optional<comparator> combine(comparator before, comparator after) noexcept {
    if (after == comparator::none || before == after) return before;
    if (before == comparator::none || before == comparator::equal) return after;  // 达到95%以上
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// The expression parser: subject? comparator? body suffix_comparator?
// ---------------------------------------------------------------------------------------------

class expression_parser {
public:
    /// `s` ends where the trimmed cell text ends; parsing starts at `begin`.
    expression_parser(std::string_view s, std::size_t begin) : s_(s), pos_(begin) {}

    /// The value, an error (text that starts as a value and breaks), or nothing (not an
    /// expression: the caller keeps it as a label or free text).
    std::optional<result<value_expr>> expression() {
        if (!subject()) return std::nullopt;
        comparator_prefix();
        pos_ = text::skip_blanks(s_, pos_, s_.size());
        if (!body() || !suffix_comparator() || !end_of_value()) return failure();
        return value_;
    }

private:
    std::string_view s_;
    std::size_t pos_ = 0;
    bool committed_ = false;      // a comparator opened the text: what follows must be a value
    std::optional<error> error_;  // set by a failure that is an error
    value_expr value_;

    std::optional<result<value_expr>> failure() {
        if (error_) return result<value_expr>(*error_);
        return std::nullopt;
    }

    /// Records a failure; it becomes an error when the text is committed to being a value or
    /// when `always` (a range missing its upper end, ends of different dimensions).
    bool fail(errc code, std::size_t offset, std::string message, bool always = false) {
        if ((committed_ || always) && !error_) error_ = error{code, offset, {}, std::move(message)};
        return false;
    }

    bool stop_at(std::size_t i) const noexcept {
        return i >= s_.size() || text::blank_at(s_, i) > 0 || digit_at(s_, i) ||
               any_at<vocab::range_separators>(s_, i) || longest_at<vocab::comparator_symbols>(s_, i) ||
               longest_at<vocab::comparator_suffix_words>(s_, i) || punctuation_at(s_, i);
    }

    // subject = { character - value_start - punctuation } ;   (at most 16 characters)
    bool subject() {
        const std::size_t start = pos_;
        std::size_t chars = 0;
        std::size_t last_non_blank = start;
        while (pos_ < s_.size() && !value_starts_at(pos_)) {
            if (punctuation_at(s_, pos_) || ++chars > max_subject_chars) return false;
            const std::size_t blank = text::blank_at(s_, pos_);
            pos_ += blank > 0 ? blank : text::char_length(s_, pos_);
            if (blank == 0) last_non_blank = pos_;
        }
        if (pos_ >= s_.size()) return false;
        // Robustness fix (issue 9, found by fuzz_value): a subject ending in a sign (`--0`,
        // `- -5%`) is ambiguous: to_string glues subject and number (`-` + `0`) and the sign
        // moves into the number on reading back. Such text is not an expression (free text).
        if (last_non_blank > start) {
            std::size_t last = start;
            for (std::size_t i = start; i < last_non_blank; i += text::char_length(s_, i)) last = i;
            const auto kind = detail::dec::classify(s_, last).kind;
            if (kind == char_kind::plus || kind == char_kind::minus) return false;
        }
        value_.subject = std::string(s_.substr(start, last_non_blank - start));
        return true;
    }

    bool value_starts_at(std::size_t i) const noexcept {
        return number_starts_at(s_, i) || symbol_at(i) || prefix_word_at(i) || year_words_at(s_, i);
    }

    /// A comparator symbol; `<` opening an HTML tag (`<p>`, `</p>`, `<br/>`) is not one.
    std::optional<found<std::string_view>> symbol_at(std::size_t i) const noexcept {
        auto symbol = longest_at<vocab::comparator_symbols>(s_, i);
        if (symbol && s_[i] == '<' && symbol->end < s_.size()) {
            const char next = s_[symbol->end];
            if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '/' || next == '!') {
                return std::nullopt;
            }
        }
        return symbol;
    }

    /// A comparator word counts only when a number or a time point follows it (`约` in `节约率`
    /// is not one).
    std::optional<found<std::string_view>> prefix_word_at(std::size_t i) const noexcept {
        auto word = longest_at<vocab::comparator_prefix_words>(s_, i);
        if (!word) return std::nullopt;
        const std::size_t next = text::skip_blanks(s_, word->end, s_.size());
        if (number_starts_at(s_, next) || year_words_at(s_, next)) return word;
        return std::nullopt;
    }

    // comparator = comparator_symbol | prefix_word ;
    void comparator_prefix() {
        if (auto symbol = symbol_at(pos_)) {
            value_.op = comparator_from_canonical(symbol->meaning);
            pos_ = symbol->end;
            committed_ = true;
        } else if (auto word = prefix_word_at(pos_)) {
            value_.op = comparator_from_canonical(word->meaning);
            pos_ = word->end;
            committed_ = value_.subject.empty();
        }
    }

    // body = year_words | year_point | month_point | range | quantity ;
    bool body() {
        if (auto words = year_words_at(s_, pos_)) {
            value_.kind = value_kind::time_point;
            value_.when.part = words->meaning;
            pos_ = words->end;
            return true;
        }
        auto lower_number = number(errc::invalid_value);
        if (!lower_number) return false;
        const std::size_t after_number = text::skip_blanks(s_, pos_, s_.size());
        if (text::starts_with_at(s_, after_number, s_.size(), vocab::year_word)) {
            if (auto year = whole_number_in(*lower_number, first_year, last_year)) {
                pos_ = after_number + vocab::year_word.size();
                return year_point(static_cast<int>(*year));
            }
        }
        if (text::starts_with_at(s_, after_number, s_.size(), vocab::month_word)) {
            auto month = whole_number_in(*lower_number, 1, 12);
            const std::size_t after_month = after_number + vocab::month_word.size();
            if (auto part = month_part_at(s_, after_month); month && part) {
                value_.kind = value_kind::time_point;
                value_.when.month = static_cast<int>(*month);
                value_.when.part = part->meaning;
                pos_ = part->end;
                return true;
            }
        }
        quantity lower{std::move(*lower_number), unit_after(after_number)};
        const std::size_t separator = text::skip_blanks(s_, pos_, s_.size());
        if (const std::string_view sep = first_at<vocab::range_separators>(s_, separator); !sep.empty()) {
            return range(std::move(lower), separator, separator + sep.size());
        }
        value_.kind = value_kind::quantity;
        value_.amount = std::move(lower);
        return true;
    }

    // number = [ sign ] digit { digit | point digit | separator digit } [ exponent ] ;
    // (the token is then read by decimal::parse, which checks separators and points)
    std::optional<decimal> number(errc code) {
        const std::size_t start = pos_;
        if (!number_starts_at(s_, start)) {
            fail(code, start, start >= s_.size() ? "a number is missing at the end" : "a number was expected here");
            return std::nullopt;
        }
        std::size_t i = start;
        const auto first = detail::dec::classify(s_, i);
        if (first.kind != char_kind::digit) i += first.size;  // the sign
        while (i < s_.size()) {
            const auto c = detail::dec::classify(s_, i);
            if (c.kind == char_kind::digit) {
                i += c.size;
            } else if ((c.kind == char_kind::point || c.kind == char_kind::comma) && digit_at(s_, i + c.size)) {
                i += c.size;
            } else if (c.kind == char_kind::exponent && number_starts_at(s_, i + c.size)) {
                i += c.size;
                const auto sign = detail::dec::classify(s_, i);
                if (sign.kind != char_kind::digit) i += sign.size;
            } else {
                break;
            }
        }
        auto parsed = decimal::parse(s_.substr(start, i - start));
        if (!parsed) {
            fail(code, start + parsed.error().offset, "not a number: " + parsed.error().message);
            return std::nullopt;
        }
        pos_ = i;
        return std::move(*parsed);
    }

    // unit = table_unit | opaque_unit ;   (a plain number has no unit)
    // An opaque unit is a short run (at most 6 characters, not starting with ASCII punctuation)
    // up to the next stop. A table unit followed by more letters (`3次课`, `100%完成`) is read
    // as one opaque unit only after a comparator; otherwise the text is a sentence.
    unit unit_after(std::size_t i) {
        if (stop_at(i)) return unit();
        auto match = detail::match_unit_at(s_, i, s_.size());
        if (match && stop_at(match->end)) {
            pos_ = match->end;
            return match->found;
        }
        if (match && !committed_) return unit();
        const auto first = static_cast<unsigned char>(s_[i]);
        if (first < 0x80 && first != '_' && std::ispunct(first) != 0) return unit();
        std::size_t end = i;
        std::size_t chars = 0;
        while (!stop_at(end)) {
            end += text::char_length(s_, end);
            if (++chars > max_opaque_unit_chars) return unit();
        }
        pos_ = end;
        return unit::opaque(std::string(s_.substr(i, end - i)));
    }

    // range = quantity range_separator quantity ;
    bool range(quantity lower, std::size_t separator, std::size_t after_separator) {
        if (value_.op != comparator::none) {
            return fail(errc::invalid_range, separator, "a range takes no comparator");
        }
        pos_ = text::skip_blanks(s_, after_separator, s_.size());
        if (pos_ >= s_.size()) {
            return fail(errc::invalid_range, pos_, "the range has no upper end", true);
        }
        const std::size_t upper_start = pos_;
        auto upper_number = number(errc::invalid_range);
        if (!upper_number) return false;
        quantity upper{std::move(*upper_number), unit_after(text::skip_blanks(s_, pos_, s_.size()))};
        if (is_plain(lower.in)) lower.in = upper.in;
        if (is_plain(upper.in)) upper.in = lower.in;
        auto order = compare(lower, upper);
        if (!order) {
            return fail(errc::invalid_range, upper_start, "the ends of the range have different units (" +
                        lower.in.symbol() + ", " + upper.in.symbol() + ")", true);
        }
        // Calendar months may wrap around the year end (11-2月); anything else must ascend.
        if (*order == std::strong_ordering::greater && lower.in.key() != "time:month") {
            return fail(errc::invalid_range, upper_start, "the lower end of the range is above the upper end",
                        true);
        }
        value_.kind = value_kind::range;
        value_.amount = std::move(lower);
        value_.upper = std::move(upper);
        return true;
    }

    // year_point = year "年" [ month "月" [ month_part ] | year_part ] ;
    bool year_point(int year) {
        value_.kind = value_kind::time_point;
        value_.when.year = year;
        pos_ = text::skip_blanks(s_, pos_, s_.size());
        if (number_starts_at(s_, pos_)) {
            const std::size_t month_start = pos_;
            auto month_number = number(errc::invalid_value);
            if (!month_number) return false;
            auto month = whole_number_in(*month_number, 1, 12);
            pos_ = text::skip_blanks(s_, pos_, s_.size());
            if (!month || !text::starts_with_at(s_, pos_, s_.size(), vocab::month_word)) {
                return fail(errc::invalid_value, month_start, "a month 1-12 followed by 月 was expected");
            }
            pos_ += vocab::month_word.size();
            value_.when.month = static_cast<int>(*month);
            if (auto part = month_part_at(s_, pos_)) {
                value_.when.part = part->meaning;
                pos_ = part->end;
            }
            return true;
        }
        if (auto part = year_part_at(s_, pos_)) {
            value_.when.part = part->meaning;
            pos_ = part->end;
        }
        return true;
    }

    // suffix_comparator = 以上 | 以下 | 以内 | 左右 | ... ;   (after a quantity only)
    bool suffix_comparator() {
        pos_ = text::skip_blanks(s_, pos_, s_.size());
        if (value_.kind != value_kind::quantity) return true;
        auto word = longest_at<vocab::comparator_suffix_words>(s_, pos_);
        if (!word) return true;
        auto combined = combine(value_.op, comparator_from_canonical(word->meaning));
        if (!combined) {
            return fail(errc::invalid_value, pos_, "the comparator word contradicts the comparator before the number",
                        true);
        }
        value_.op = *combined;
        pos_ = word->end;
        return true;
    }

    bool end_of_value() {
        pos_ = text::skip_blanks(s_, pos_, s_.size());
        if (pos_ < s_.size()) return fail(errc::invalid_value, pos_, "unexpected text after the value");
        return true;
    }
};

/// A whole-cell label of the tables, with its kind.
std::optional<std::pair<qualitative_kind, std::string_view>> find_label(std::string_view t) noexcept {
    if (t.empty()) return std::nullopt;
    const auto look = [&]<const auto& Table>() -> std::optional<std::string_view> {
        for (const std::uint16_t k : text::index_of<Table>.candidates(t, 0, t.size())) {
            if (Table[k].spelling == t) return Table[k].canonical;
        }
        return std::nullopt;
    };
    if (auto l = look.template operator()<vocab::tier_met_labels>()) return std::pair{qualitative_kind::tier_met, *l};
    if (auto l = look.template operator()<vocab::tier_partly_met_labels>()) {
        return std::pair{qualitative_kind::tier_partly_met, *l};
    }
    if (auto l = look.template operator()<vocab::tier_not_met_labels>()) return std::pair{qualitative_kind::tier_not_met, *l};
    if (auto l = look.template operator()<vocab::positive_labels>()) return std::pair{qualitative_kind::positive, *l};
    if (auto l = look.template operator()<vocab::negative_labels>()) return std::pair{qualitative_kind::negative, *l};
    return std::nullopt;
}

/// A short run of Chinese characters (CJK unified ideographs), e.g. `稳步推进`.
bool is_short_label(std::string_view t) noexcept {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < t.size();) {
        const auto d = detail::utf8::decode(t, i);
        if (d.length == 0 || d.code_point < 0x4E00 || d.code_point > 0x9FFF) return false;
        if (++chars > max_other_label_chars) return false;
        i += d.length;
    }
    return chars > 0;
}

std::string_view month_part_spelling(period_part p) noexcept {
    switch (p) {
    case period_part::whole: return "";
    case period_part::early: return "上旬";
    case period_part::middle: return "中旬";
    case period_part::late: return "下旬";
    case period_part::end: return "底";
    case period_part::before_end: return "底前";
    }
    return "";
}

/// After `N年`; a year alone is written `年` + this (except whole and late, see below).
std::string_view year_part_spelling(period_part p) noexcept {
    switch (p) {
    case period_part::whole: return "";
    case period_part::early: return "初";
    case period_part::middle: return "中";
    case period_part::late: return "下半年";
    case period_part::end: return "底";
    case period_part::before_end: return "底前";
    }
    return "";
}

std::string time_point_spelling(const time_point& t) {
    std::string out;
    if (t.year) out += std::to_string(*t.year) + std::string(vocab::year_word);
    if (t.month) {
        out += std::to_string(*t.month) + std::string(vocab::month_word);
        out += month_part_spelling(t.part);
        return out;
    }
    if (t.year) return out + std::string(year_part_spelling(t.part));
    if (t.part == period_part::whole) return std::string(vocab::whole_year_word);
    if (t.part == period_part::late) return std::string(year_part_spelling(t.part));
    return std::string(vocab::year_word) + std::string(year_part_spelling(t.part));
}

/// Where a time point lies, as comparable numbers: (year or 0, month or 0, first rank, last
/// rank) with ranks early 1, middle 2, late 3, end 4; a whole month or year spans 1..4 and
/// "before the end" is at most 4.
struct time_span {
    int year = 0;
    int month = 0;
    int first = 1;
    int last = 4;
};

time_span span_of(const time_point& t, bool use_year) noexcept {
    time_span s;
    s.year = use_year && t.year ? *t.year : 0;
    s.month = t.month.value_or(0);
    switch (t.part) {
    case period_part::whole: s.first = 1; s.last = 4; break;
    case period_part::early: s.first = s.last = 1; break;
    case period_part::middle: s.first = s.last = 2; break;
    case period_part::late: s.first = s.last = 3; break;
    case period_part::end: s.first = s.last = 4; break;
    case period_part::before_end: s.first = 1; s.last = 4; break;
    }
    return s;
}

bool is_measurement(const value_expr& actual) noexcept {
    return actual.op == comparator::none || actual.op == comparator::equal;
}

outcome quantity_outcome(const quantity& actual, comparator op, const quantity& target) {
    auto order = compare(actual, target);
    if (!order) return outcome::not_comparable;
    const auto met = [](bool yes) { return yes ? outcome::met : outcome::not_met; };
    switch (op) {
    case comparator::none:
    case comparator::equal:
        // Scored as ">=" (DESIGN.md); a zero target is met only by an actual at or below zero.
        if (target.number.is_zero()) return met(actual.number.sign() <= 0);
        return met(*order != std::strong_ordering::less);
    case comparator::greater_equal: return met(*order != std::strong_ordering::less);
    case comparator::greater: return met(*order == std::strong_ordering::greater);
    case comparator::less_equal: return met(*order != std::strong_ordering::greater);
    case comparator::less: return met(*order == std::strong_ordering::less);
    case comparator::approximately:
        return *order == std::strong_ordering::equal ? outcome::met : outcome::not_comparable;
    }
    return outcome::not_comparable;
}

outcome time_outcome(const time_point& actual, comparator op, const time_point& target) {
    if (actual.month.has_value() != target.month.has_value()) return outcome::not_comparable;
    const bool use_year = actual.year.has_value() && target.year.has_value();
    if (!actual.month && !use_year && (actual.year || target.year)) return outcome::not_comparable;
    const time_span a = span_of(actual, use_year);
    const time_span t = span_of(target, use_year);
    const auto key = [](const time_span& s, int rank) { return (s.year * 13 + s.month) * 5 + rank; };
    const auto met = [](bool yes) { return yes ? outcome::met : outcome::not_met; };
    switch (op) {
    case comparator::none:
    case comparator::equal:
    case comparator::less_equal: return met(key(a, a.last) <= key(t, t.last));  // a deadline
    case comparator::less: return met(key(a, a.last) < key(t, t.first));
    case comparator::greater_equal: return met(key(a, a.first) >= key(t, t.first));
    case comparator::greater: return met(key(a, a.first) > key(t, t.last));
    case comparator::approximately:
        return actual == target ? outcome::met : outcome::not_comparable;
    }
    return outcome::not_comparable;
}

}  // namespace

std::string_view to_string(value_kind k) noexcept {
    switch (k) {
    case value_kind::empty: return "empty";
    case value_kind::not_applicable: return "not_applicable";
    case value_kind::quantity: return "quantity";
    case value_kind::range: return "range";
    case value_kind::time_point: return "time_point";
    case value_kind::qualitative: return "qualitative";
    case value_kind::text: return "text";
    }
    return "unknown";
}

std::string_view to_string(period_part p) noexcept {
    switch (p) {
    case period_part::whole: return "whole";
    case period_part::early: return "early";
    case period_part::middle: return "middle";
    case period_part::late: return "late";
    case period_part::end: return "end";
    case period_part::before_end: return "before_end";
    }
    return "unknown";
}

std::string_view to_string(qualitative_kind q) noexcept {
    switch (q) {
    case qualitative_kind::tier_met: return "tier_met";
    case qualitative_kind::tier_partly_met: return "tier_partly_met";
    case qualitative_kind::tier_not_met: return "tier_not_met";
    case qualitative_kind::positive: return "positive";
    case qualitative_kind::negative: return "negative";
    case qualitative_kind::other: return "other";
    }
    return "unknown";
}

std::string_view to_string(outcome o) noexcept {
    switch (o) {
    case outcome::met: return "met";
    case outcome::not_met: return "not_met";
    case outcome::not_comparable: return "not_comparable";
    }
    return "unknown";
}

std::string_view to_string(comparator c) noexcept {
    switch (c) {
    case comparator::none: return "";
    case comparator::equal: return "=";
    case comparator::greater_equal: return ">=";
    case comparator::greater: return ">";
    case comparator::less_equal: return "<=";
    case comparator::less: return "<";
    case comparator::approximately: return "~";
    }
    return "";
}

result<value_expr> parse_value(std::string_view text) {
    if (const std::size_t bad = detail::utf8::first_invalid(text); bad != std::string_view::npos) {
        return error{errc::invalid_utf8, bad, {}, "the value is not valid UTF-8"};
    }
    value_expr v;
    v.text = std::string(text);
    std::size_t begin = 0;  // byte offsets of the trimmed text, kept for error positions
    const std::string_view trimmed = text::trim(text, begin);  // valid UTF-8: checked above
    const std::size_t end = begin + trimmed.size();
    if (trimmed.empty()) return v;  // value_kind::empty
    if (vocabulary::is_not_applicable_mark(trimmed)) {
        v.kind = value_kind::not_applicable;
        return v;
    }
    if (auto label = find_label(trimmed)) {
        v.kind = value_kind::qualitative;
        v.quality = label->first;
        v.label = std::string(label->second);
        return v;
    }
    // Text opening with an HTML tag (`<p>...`) is prose, not a comparator `<`.
    const bool markup = trimmed.size() >= 2 && trimmed[0] == '<' &&
                        (std::isalpha(static_cast<unsigned char>(trimmed[1])) != 0 || trimmed[1] == '/' ||
                         trimmed[1] == '!');
    if (!markup) {
        expression_parser parser(text.substr(0, end), begin);
        if (auto parsed = parser.expression()) {
            if (!*parsed) return parsed->error();
            value_expr out = std::move(**parsed);
            out.text = std::move(v.text);
            return out;
        }
    }
    v.label = std::string(trimmed);
    if (is_short_label(trimmed)) {
        v.kind = value_kind::qualitative;
        v.quality = qualitative_kind::other;
    } else {
        v.kind = value_kind::text;
    }
    return v;
}

namespace {

/// `subject` followed by `body`. Glued text can read differently (found by fuzz_value: subject
/// `健全` + `年初` reads `全年` first), so when the glued spelling does not read back with the same
/// kind and subject, a blank separates the two (the subject rule skips blanks before a value).
std::string with_subject(const value_expr& v, std::string body) {
    if (v.subject.empty()) return body;
    std::string glued = v.subject + body;
    const auto again = parse_value(glued);
    if (again && again->kind == v.kind && again->subject == v.subject) return glued;
    return v.subject + " " + body;
}

}  // namespace

std::string to_string(const value_expr& v) {
    switch (v.kind) {
    case value_kind::empty: return {};
    case value_kind::not_applicable: return std::string(vocabulary::not_applicable_marks[0]);
    case value_kind::quantity:
        return with_subject(v, std::string(to_string(v.op)) + v.amount.to_string());
    case value_kind::range: {
        std::string out = v.amount.number.to_string();
        if (!(v.amount.in == v.upper.in)) out += v.amount.in.symbol();
        return with_subject(v, out + "-" + v.upper.to_string());
    }
    case value_kind::time_point:
        return with_subject(v, std::string(to_string(v.op)) + time_point_spelling(v.when));
    case value_kind::qualitative:
    case value_kind::text: return v.label;
    }
    return v.label;
}

outcome compare_actual(const value_expr& actual, const value_expr& target) {
    if (target.kind == value_kind::empty || target.kind == value_kind::not_applicable) {
        return outcome::not_comparable;
    }
    // A tier is the evaluator's verdict on the line, whatever the target says.
    if (actual.kind == value_kind::qualitative) {
        if (actual.quality == qualitative_kind::tier_met) return outcome::met;
        if (actual.quality == qualitative_kind::tier_partly_met || actual.quality == qualitative_kind::tier_not_met) {
            return outcome::not_met;
        }
    }
    // A restated comparator (`>=90%` as an actual) is not a measurement.
    if (!is_measurement(actual)) return outcome::not_comparable;
    switch (target.kind) {
    case value_kind::quantity:
        if (actual.kind != value_kind::quantity) return outcome::not_comparable;
        return quantity_outcome(actual.amount, target.op, target.amount);
    case value_kind::range: {
        quantity low = actual.amount;
        quantity high = actual.kind == value_kind::range ? actual.upper : actual.amount;
        if (actual.kind != value_kind::quantity && actual.kind != value_kind::range) return outcome::not_comparable;
        const outcome above = quantity_outcome(low, comparator::greater_equal, target.amount);
        const outcome below = quantity_outcome(high, comparator::less_equal, target.upper);
        if (above == outcome::not_comparable || below == outcome::not_comparable) return outcome::not_comparable;
        return above == outcome::met && below == outcome::met ? outcome::met : outcome::not_met;
    }
    case value_kind::time_point:
        if (actual.kind != value_kind::time_point) return outcome::not_comparable;
        return time_outcome(actual.when, target.op, target.when);
    case value_kind::qualitative:
        if (actual.kind != value_kind::qualitative) return outcome::not_comparable;
        if (actual.label == target.label) return outcome::met;
        if (actual.quality == qualitative_kind::negative && target.quality != qualitative_kind::negative) {
            return outcome::not_met;
        }
        return outcome::not_comparable;
    case value_kind::empty:
    case value_kind::not_applicable:
    case value_kind::text: return outcome::not_comparable;
    }
    return outcome::not_comparable;
}

}  // namespace jixiao
