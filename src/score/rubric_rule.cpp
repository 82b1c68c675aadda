// rubric_rule.cpp — reads a rubric line's 评分标准 as a rule (grammar: docs/rulebooks.md,
// "Rubric rules"). Hand-written scanning over the clauses, no regular expressions: the time is
// linear in the text's length (a clause is scanned a bounded number of times per table entry).
// Any part the grammar does not know makes the whole text no rule.
#include <jixiao/rubric.hpp>
#include <jixiao/vocabulary.hpp>

#include <algorithm>
#include <span>
#include <utility>

namespace jixiao {

namespace {

namespace voc = vocabulary;

/// Longest entry of `table` that `s` starts with, or empty.
template <class Table>
std::string_view longest_prefix(std::string_view s, const Table& table) {
    std::string_view best;
    for (std::string_view w : table) {
        if (w.size() > best.size() && s.starts_with(w)) best = w;
    }
    return best;
}

bool one_of(std::string_view s, std::span<const std::string_view> table) {
    return std::find(table.begin(), table.end(), s) != table.end();
}

/// Full-width digits, point and percent to ASCII; spaces (ASCII, full-width, no-break) removed.
std::string normalise(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++i;
            continue;
        }
        std::string_view rest = text.substr(i);
        if (rest.starts_with("\xE3\x80\x80") ) { i += 3; continue; }     // U+3000 ideographic space
        if (rest.starts_with("\xC2\xA0")) { i += 2; continue; }          // U+00A0
        if (rest.starts_with("\xEF\xBC") && rest.size() >= 3) {          // U+FF00..U+FF3F
            const auto d = static_cast<unsigned char>(rest[2]);
            if (d >= 0x90 && d <= 0x99) { out += static_cast<char>('0' + (d - 0x90)); i += 3; continue; }
            if (d == 0x8E) { out += '.'; i += 3; continue; }  // ．
            if (d == 0x85) { out += '%'; i += 3; continue; }  // ％
        }
        out += static_cast<char>(c);
        ++i;
    }
    return out;
}

/// The clauses of a normalised text, empty ones dropped.
std::vector<std::string_view> clauses_of(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::string_view sep = longest_prefix(s.substr(i), voc::rubric_clause_separators);
        if (sep.empty()) {
            ++i;
            continue;
        }
        if (i > start) out.push_back(s.substr(start, i - start));
        i += sep.size();
        start = i;
    }
    if (start < s.size()) out.push_back(s.substr(start));
    return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// A subject: words before a condition (完成率, 满意度). No digit, no ASCII sign, no forbidden word.
bool is_subject(std::string_view s) {
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    }
    for (std::string_view w : voc::rubric_forbidden_words) {
        if (s.find(w) != std::string_view::npos) return false;
    }
    for (std::string_view w : {voc::rubric_each_word, voc::rubric_points_word}) {
        if (s.find(w) != std::string_view::npos) return false;
    }
    for (std::string_view w : voc::rubric_deduct_words) {
        if (s.find(w) != std::string_view::npos) return false;
    }
    return true;
}

/// A number with its unit, and where it ends.
struct number_at {
    rubric_bound bound;
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// The number starting at `i` (a digit) with its unit: `%`, `个百分点`, or a unit of the table
/// spelled by the next one to four characters.
std::optional<number_at> read_number(std::string_view s, std::size_t i) {
    std::size_t j = i;
    while (j < s.size() && is_digit(s[j])) ++j;
    if (j + 1 < s.size() && s[j] == '.' && is_digit(s[j + 1])) {
        ++j;
        while (j < s.size() && is_digit(s[j])) ++j;
    }
    auto number = decimal::parse(s.substr(i, j - i));
    if (!number) return std::nullopt;
    number_at out;
    out.begin = i;
    out.bound.number = std::move(*number);
    std::string_view rest = s.substr(j);
    if (rest.starts_with("%")) {
        out.bound.in = find_unit("%");
        j += 1;
    } else if (rest.starts_with(voc::rubric_percent_points)) {
        out.bound.in = find_unit("%");
        j += voc::rubric_percent_points.size();
    } else {
        // Up to four characters (UTF-8 code points), longest first.
        std::vector<std::size_t> ends;
        for (std::size_t k = 0; k < rest.size() && ends.size() < 4;) {
            const auto c = static_cast<unsigned char>(rest[k]);
            if (c < 0x80) break;
            std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            k += len;
            ends.push_back(k);
        }
        for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
            if (auto u = find_unit(rest.substr(0, *it)); u && !u->is_opaque()) {
                out.bound.in = std::move(*u);
                j += *it;
                break;
            }
        }
    }
    out.end = j;
    return out;
}

/// Comparator spelled at the end of `s` (symbol or word), longest first; `s` is cut before it.
std::string_view trailing_comparator(std::string_view& s) {
    std::string_view best_canon;
    std::size_t best_len = 0;
    auto consider = [&](std::string_view spelling, std::string_view canon) {
        if (spelling.size() > best_len && s.ends_with(spelling)) {
            best_len = spelling.size();
            best_canon = canon;
        }
    };
    // Rubric words first: of two spellings of one length the first wins (达到 is at least here).
    for (const auto& c : voc::rubric_prefix_words) consider(c.spelling, c.canonical);
    for (const auto& c : voc::comparator_symbols) consider(c.spelling, c.canonical);
    for (const auto& c : voc::comparator_prefix_words) consider(c.spelling, c.canonical);
    s.remove_suffix(best_len);
    return best_canon;
}

/// A comparator symbol (only) at the start of `s`; `s` is advanced past it.
std::string_view leading_symbol(std::string_view& s) {
    std::string_view best_canon;
    std::size_t best_len = 0;
    for (const auto& c : voc::comparator_symbols) {
        if (c.spelling.size() > best_len && s.starts_with(c.spelling)) {
            best_len = c.spelling.size();
            best_canon = c.canonical;
        }
    }
    s.remove_prefix(best_len);
    return best_canon;
}

/// Drops an inclusive mark at the start of `s`; true when there was one.
bool drop_inclusive(std::string_view& s) {
    std::string_view m = longest_prefix(s, voc::rubric_inclusive_marks);
    s.remove_prefix(m.size());
    return !m.empty();
}

/// Sets `band`'s bounds from one comparator and a number. False for `~` or an unknown one.
bool apply_comparator(rubric_band& band, std::string_view op, rubric_bound b) {
    if (op == ">=" || op == ">") {
        b.inclusive = op == ">=";
        band.lower = std::move(b);
    } else if (op == "<=" || op == "<") {
        b.inclusive = op == "<=";
        band.upper = std::move(b);
    } else if (op == "=" || op.empty()) {
        band.lower = b;
        band.upper = std::move(b);
    } else {
        return false;
    }
    return true;
}

/// Reads a numeric condition into `band`: `[subject][op]N[unit][(含)][suffix]`, `N1-N2`,
/// `N1≤subject<N2`.
bool read_bounds(std::string_view cond, rubric_band& band) {
    std::vector<number_at> numbers;
    for (std::size_t i = 0; i < cond.size();) {
        if (!is_digit(cond[i])) {
            ++i;
            continue;
        }
        auto n = read_number(cond, i);
        if (!n || numbers.size() == 2) return false;
        i = n->end;
        numbers.push_back(std::move(*n));
    }
    if (numbers.empty()) return false;
    std::string_view before = cond.substr(0, numbers.front().begin);
    if (numbers.size() == 1) {
        std::string_view after = cond.substr(numbers[0].end);
        std::string_view op = trailing_comparator(before);
        if (!is_subject(before)) return false;
        drop_inclusive(after);
        std::string_view suffix;
        std::string_view suffix_op;
        for (const auto& w : voc::comparator_suffix_words) {
            if (w.spelling.size() > suffix.size() && after.starts_with(w.spelling)) {
                suffix = w.spelling;
                suffix_op = w.canonical;
            }
        }
        after.remove_prefix(suffix.size());
        drop_inclusive(after);
        if (!after.empty()) return false;
        if (!suffix_op.empty()) {
            if (suffix_op == "~") return false;
            if (!op.empty() && op != "=" && op != suffix_op) return false;  // 不低于95%以下
            op = suffix_op;
        }
        return apply_comparator(band, op, numbers[0].bound);
    }
    std::string_view middle = cond.substr(numbers[0].end, numbers[1].begin - numbers[0].end);
    std::string_view after = cond.substr(numbers[1].end);
    if (after == "之间") after = {};
    if (!after.empty()) return false;
    if (one_of(middle, voc::range_separators)) {  // N1-N2: [N1, N2)
        std::string_view op = trailing_comparator(before);
        if (!is_subject(before) || !(op.empty() || op == "=")) return false;
        rubric_bound lo = numbers[0].bound;
        rubric_bound hi = numbers[1].bound;
        if (!lo.in) lo.in = hi.in;  // 90-95%: both in percent
        lo.inclusive = true;
        hi.inclusive = false;
        band.lower = std::move(lo);
        band.upper = std::move(hi);
        return true;
    }
    // N1 ≤ subject < N2.
    if (!before.empty()) return false;
    std::string_view m = middle;
    std::string_view op1 = leading_symbol(m);
    std::string_view op2 = trailing_comparator(m);
    if ((op1 != "<=" && op1 != "<") || (op2 != "<=" && op2 != "<") || !is_subject(m)) return false;
    rubric_bound lo = numbers[0].bound;
    rubric_bound hi = numbers[1].bound;
    lo.inclusive = op1 == "<=";
    hi.inclusive = op2 == "<=";
    band.lower = std::move(lo);
    band.upper = std::move(hi);
    return true;
}

/// Reads the trailing points of an award (`8` of `得8分`), cutting `s` before the award word.
std::optional<decimal> trailing_points(std::string_view& s, bool& deduct) {
    if (!s.ends_with(voc::rubric_points_word)) return std::nullopt;
    s.remove_suffix(voc::rubric_points_word.size());
    std::size_t j = s.size();
    while (j > 0 && (is_digit(s[j - 1]) || s[j - 1] == '.')) --j;
    if (j == s.size()) return std::nullopt;
    auto points = decimal::parse(s.substr(j));
    if (!points) return std::nullopt;
    s = s.substr(0, j);
    for (std::string_view w : voc::rubric_deduct_words) {
        if (s.ends_with(w)) {
            s.remove_suffix(w.size());
            deduct = true;
            return std::move(*points);
        }
    }
    for (std::string_view w : voc::rubric_award_words) {
        if (s.ends_with(w)) {
            s.remove_suffix(w.size());
            return std::move(*points);
        }
    }
    return std::nullopt;
}

/// A clause "condition award" as a band.
std::optional<rubric_band> read_award_clause(std::string_view clause) {
    rubric_band band;
    band.text = std::string(clause);
    std::string_view cond = clause;
    bool awarded = false;
    for (std::string_view w : voc::rubric_zero_awards) {
        if (!awarded && cond.ends_with(w)) {
            cond.remove_suffix(w.size());
            band.points = decimal{0};
            awarded = true;
        }
    }
    for (std::string_view w : voc::rubric_full_awards) {
        if (!awarded && cond.ends_with(w)) {
            cond.remove_suffix(w.size());
            awarded = true;
        }
    }
    if (!awarded) {
        band.points = trailing_points(cond, band.deduct);
        if (!band.points) return std::nullopt;
    }
    for (std::string_view w : voc::rubric_condition_fillers_after) {
        if (cond.ends_with(w)) cond.remove_suffix(w.size());
    }
    std::string_view lead = longest_prefix(cond, voc::rubric_condition_fillers_before);
    cond.remove_prefix(lead.size());
    if (cond.empty()) return std::nullopt;
    if (one_of(cond, voc::rubric_met_words)) {
        band.condition = rubric_condition::met;
        return band;
    }
    if (one_of(cond, voc::rubric_not_met_words)) {
        band.condition = rubric_condition::not_met;
        return band;
    }
    if (!read_bounds(cond, band)) return std::nullopt;
    return band;
}

/// A clause "[subject]每降低Y扣Z分".
std::optional<rubric_deduction> read_deduction_clause(std::string_view clause) {
    const std::size_t each = clause.find(voc::rubric_each_word);
    if (each == std::string_view::npos) return std::nullopt;
    if (!is_subject(clause.substr(0, each))) return std::nullopt;
    std::string_view rest = clause.substr(each + voc::rubric_each_word.size());
    rubric_deduction d;
    d.text = std::string(clause);
    std::string_view down = longest_prefix(rest, voc::rubric_shortfall_words);
    std::string_view up = longest_prefix(rest, voc::rubric_excess_words);
    if (down.empty() == up.empty() && down.size() == up.size()) return std::nullopt;
    d.shortfall = down.size() > up.size();
    rest.remove_prefix(std::max(down.size(), up.size()));
    if (rest.empty() || !is_digit(rest.front())) return std::nullopt;
    auto step = read_number(rest, 0);
    if (!step || step->bound.number.sign() <= 0) return std::nullopt;
    d.step = step->bound;
    rest.remove_prefix(step->end);
    bool deduct = false;
    auto points = trailing_points(rest, deduct);
    if (!points || !deduct || !rest.empty()) return std::nullopt;
    d.points = std::move(*points);
    return d;
}

}  // namespace

std::optional<rubric_rule> parse_rubric_rule(std::string_view text) {
    const std::string s = normalise(text);
    rubric_rule rule;
    for (std::string_view clause : clauses_of(s)) {
        if (one_of(clause, voc::rubric_closing_remarks)) continue;
        if (clause.find(voc::rubric_each_word) != std::string_view::npos) {
            auto d = read_deduction_clause(clause);
            if (!d || rule.deduction) return std::nullopt;
            rule.deduction = std::move(*d);
            continue;
        }
        auto band = read_award_clause(clause);
        if (!band) return std::nullopt;
        rule.bands.push_back(std::move(*band));
    }
    if (rule.bands.empty()) return std::nullopt;
    const bool completion = std::any_of(rule.bands.begin(), rule.bands.end(),
                                        [](const rubric_band& b) { return b.condition != rubric_condition::bounds; });
    const bool bounds = std::any_of(rule.bands.begin(), rule.bands.end(),
                                    [](const rubric_band& b) { return b.condition == rubric_condition::bounds; });
    if (completion && (bounds || rule.deduction)) return std::nullopt;  // one kind of condition per rule
    if (rule.deduction) {
        // The deduction counts from the one full-score band's bound (its lower end for a
        // shortfall, its upper end for an excess); `100%得满分` is read as at least (at most) 100%.
        std::size_t found = rule.bands.size();
        for (std::size_t i = 0; i < rule.bands.size(); ++i) {
            const rubric_band& b = rule.bands[i];
            if (!b.points && !b.deduct) {
                if (found != rule.bands.size()) return std::nullopt;
                found = i;
            }
        }
        if (found == rule.bands.size()) return std::nullopt;
        rubric_band& full = rule.bands[found];
        if (rule.deduction->shortfall) {
            if (!full.lower) return std::nullopt;
            if (full.upper && full.upper == full.lower) full.upper.reset();
            if (full.upper) return std::nullopt;
        } else {
            if (!full.upper) return std::nullopt;
            if (full.lower && full.lower == full.upper) full.lower.reset();
            if (full.lower) return std::nullopt;
        }
        rule.full_band = found;
    }
    return rule;
}

const extra_cell* rubric_rule_cell(const indicator& ind) {
    for (const extra_cell& cell : ind.extra) {
        std::string label = normalise(cell.label);
        if (one_of(label, voc::rubric_rule_labels)) return &cell;
    }
    return nullptr;
}

}  // namespace jixiao
