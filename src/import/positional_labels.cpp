// positional_labels.cpp — what each cell is: the form labels of vocabulary.hpp ("form labels")
// looked up once per cell, when its row is built, so that the later stages test bits.
#include "import/positional_internal.hpp"

#include "core/spelling_index.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace jixiao::io::detail::positional {

namespace {

/// A non-empty fragment of `whole` (a label printed vertically or cut by a page break).
bool is_fragment_of(std::string_view key, std::string_view whole) noexcept {
    return !key.empty() && key.size() < whole.size() && whole.find(key) != std::string_view::npos;
}

}  // namespace

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

namespace {

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

}  // namespace

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

}  // namespace jixiao::io::detail::positional
