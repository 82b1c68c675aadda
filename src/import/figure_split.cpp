// figure_split.cpp — run-together funds figures split by the row's arithmetic (figure_split.hpp).
#include "import/figure_split.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>

namespace jixiao::io::detail {
namespace {

constexpr std::size_t max_run = 40;
constexpr std::size_t max_solutions = 16;  // readings kept for the tie-break; more: ambiguous

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

/// A figure as a cell prints it: `0`, `12`, `12.50`, and for the rate also `100%`; no leading
/// zero before other digits.
bool well_formed(std::string_view s, bool percent_allowed) {
    if (!s.empty() && s.back() == '%') {
        if (!percent_allowed) return false;
        s.remove_suffix(1);
    }
    if (s.empty() || !is_digit(s.front()) || !is_digit(s.back())) return false;
    if (s.size() > 1 && s[0] == '0' && s[1] != '.') return false;
    std::size_t points = 0;
    for (char c : s) {
        if (c == '.') ++points;
        else if (!is_digit(c)) return false;
    }
    return points <= 1;
}

decimal number_of(std::string_view s) {
    if (!s.empty() && s.back() == '%') s.remove_suffix(1);
    return decimal::parse(s).value_or_throw();
}

struct row_check {
    const std::vector<std::string>& roles;
    const std::optional<decimal>& weight;

    /// Whether the printed rate is exactly executed / budget (not only to its printed places).
    bool exact(const std::vector<std::string_view>& parts) const {
        std::optional<decimal> budget, executed;
        std::string_view rate_text;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (roles[i] == "full_year_budget") budget = number_of(parts[i]);
            else if (roles[i] == "executed") executed = number_of(parts[i]);
            else if (roles[i] == "execution_rate") rate_text = parts[i];
        }
        if (!budget || !executed || rate_text.empty() || budget->sign() <= 0) return false;
        const decimal printed = number_of(rate_text);
        const bool as_percent = rate_text.back() == '%' || printed > decimal{15}.times_power_of_ten(-1);
        const decimal product = *budget * printed;
        return as_percent ? product == *executed * decimal{100} : product == *executed;
    }

    /// Whether the figures (one per role) satisfy the row's arithmetic.
    bool holds(const std::vector<std::string_view>& parts) const {
        std::optional<decimal> budget, executed, w = weight, score;
        std::string_view rate_text;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const std::string& r = roles[i];
            if (r == "full_year_budget") budget = number_of(parts[i]);
            else if (r == "executed") executed = number_of(parts[i]);
            else if (r == "weight") w = number_of(parts[i]);
            else if (r == "score") score = number_of(parts[i]);
            else if (r == "execution_rate") rate_text = parts[i];
        }
        if (!budget || !executed || rate_text.empty() || budget->sign() <= 0) return false;
        // the rate as a fraction, to 12 places: far below any printed place
        const decimal ratio = divide(*executed, *budget, 12, rounding::half_away_from_zero).value_or_throw();
        const bool percent = rate_text.back() == '%';
        const decimal printed = number_of(rate_text);
        // a rate printed without % is a percent when above 1.5 (`100`), a fraction otherwise (`1`)
        const bool as_percent = percent || printed > decimal{15}.times_power_of_ten(-1);
        const decimal computed = as_percent ? ratio * decimal{100} : ratio;
        if ((computed - printed).abs() > half_unit(rate_text)) return false;
        if (score) {
            if (!w) return *score <= decimal{100};
            const decimal capped = ratio > decimal{1} ? decimal{1} : ratio;
            if ((*w * capped - *score).abs() > half_unit(parts[static_cast<std::size_t>(
                                                   std::find(roles.begin(), roles.end(), "score") - roles.begin())])) {
                return false;
            }
        }
        return true;
    }
};

/// Decimal places of a printed figure (`50.00` -> 2).
std::size_t places_of(std::string_view s) {
    const std::size_t point = s.find('.');
    return point == std::string_view::npos ? 0 : s.size() - point - 1;
}

/// Whether the amounts of a reading share their decimal places (one column format).
bool amounts_agree(const std::vector<std::string_view>& parts, const std::vector<std::string>& roles) {
    std::optional<std::size_t> places;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (roles[i] != "initial_budget" && roles[i] != "full_year_budget" && roles[i] != "executed") continue;
        if (places && *places != places_of(parts[i])) return false;
        places = places_of(parts[i]);
    }
    return true;
}

/// Every way to cut `run` into `roles.size()` well-formed figures that hold (at most
/// `max_solutions`).
void search(std::string_view run, std::size_t from, const std::vector<std::string>& roles,
            std::vector<std::string_view>& parts, const row_check& check,
            std::vector<std::vector<std::string_view>>& found) {
    if (found.size() >= max_solutions) return;
    const std::size_t k = parts.size();
    if (k == roles.size()) {
        if (from == run.size() && check.holds(parts)) found.push_back(parts);
        return;
    }
    const bool last = k + 1 == roles.size();
    const bool percent_allowed = roles[k] == "execution_rate";
    for (std::size_t end = from + 1; end <= run.size(); ++end) {
        if (last && end != run.size()) continue;
        const std::string_view piece = run.substr(from, end - from);
        if (!well_formed(piece, percent_allowed)) {
            if (piece.back() == '%') break;  // a percent sign ends the figure it is in
            continue;
        }
        parts.push_back(piece);
        search(run, end, roles, parts, check, found);
        parts.pop_back();
        if (found.size() >= max_solutions) return;
    }
}

}  // namespace

decimal half_unit(std::string_view s) {
    if (!s.empty() && s.back() == '%') s.remove_suffix(1);
    const std::size_t point = s.find('.');
    const int places = point == std::string_view::npos ? 0 : static_cast<int>(s.size() - point - 1);
    return decimal{5}.times_power_of_ten(-(places + 1));
}

std::string_view leading_figure_run(std::string_view text) noexcept {
    std::size_t n = 0;
    while (n < text.size() && (is_digit(text[n]) || text[n] == '.' || text[n] == '%')) ++n;
    return text.substr(0, n);
}

std::optional<std::vector<std::pair<std::string, std::string>>> split_figures_by_arithmetic(std::string_view run,
                                                                    const std::vector<std::string>& roles,
                                                                    const std::optional<decimal>& weight) {
    if (run.empty() || run.size() > max_run) return std::nullopt;
    std::vector<std::string> numeric;
    for (const std::string& r : roles) {
        if (r == "initial_budget" || r == "full_year_budget" || r == "executed" || r == "weight" ||
            r == "execution_rate" || r == "score") {
            numeric.push_back(r);
        }
    }
    if (std::find(numeric.begin(), numeric.end(), "execution_rate") == numeric.end()) return std::nullopt;
    // the row may end before its last columns (no score printed): try the full row first
    for (std::size_t n = numeric.size(); n >= 3; --n) {
        const std::vector<std::string> use(numeric.begin(), numeric.begin() + static_cast<std::ptrdiff_t>(n));
        if (std::find(use.begin(), use.end(), "execution_rate") == use.end()) break;
        const row_check check{use, weight};
        std::vector<std::string_view> parts;
        std::vector<std::vector<std::string_view>> found;
        search(run, 0, use, parts, check, found);
        if (found.size() == 1) {
            std::vector<std::pair<std::string, std::string>> out;
            for (std::size_t j = 0; j < n; ++j) out.emplace_back(use[j], std::string(found[0][j]));
            return out;
        }
        if (found.size() > 1) {
            // Several readings hold (`50.00|50.00|100%` and `50.005|0.0010|0%`): the one whose
            // amounts share their decimal places, as one column format prints them, if it is
            // the only such reading; otherwise nothing is read.
            std::vector<std::vector<std::string_view>> agreeing;
            if (found.size() < max_solutions) {
                for (const auto& f : found) {
                    if (amounts_agree(f, use)) agreeing.push_back(f);
                }
            }
            if (agreeing.size() > 1) {
                // `120.5|120.5|100%` and `120.512|0.510|0%` both hold and agree: the one whose
                // rate is exactly executed / budget, if only one is (a rate that only rounds to
                // what is printed is the weaker reading)
                std::vector<std::vector<std::string_view>> exact;
                for (const auto& f : agreeing) {
                    if (check.exact(f)) exact.push_back(f);
                }
                if (exact.size() == 1) agreeing = exact;
            }
            if (agreeing.size() != 1) return std::nullopt;
            std::vector<std::pair<std::string, std::string>> out;
            for (std::size_t j = 0; j < n; ++j) out.emplace_back(use[j], std::string(agreeing[0][j]));
            return out;
        }
    }
    return std::nullopt;
}

}  // namespace jixiao::io::detail
