// meaning_tokens.hpp (internal) — the first two stages of the recognizer by meaning:
//   lexicon   every label of every layout family, by key (spaces removed, full-width folded)
//   tokenize  a grid of any reader -> tokens: cells, and the pieces of cells whose text was
//             joined by spaces or run together (a PDF dump), each classified as a label, a
//             number, a value expression, a not-applicable mark or text
// The next stage (meaning_recognizer.cpp) reads forms from the tokens.
#pragma once

#include <jixiao/form.hpp>
#include <jixiao/io/grid.hpp>
#include <jixiao/io/layouts.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace jixiao::io::detail {

/// The block a label belongs to.
enum class label_block : unsigned char {
    title, header, funds, funds_column, funds_row, goal, indicator_column, total, category, subcategory, closing,
};

/// One meaning of a label key.
struct label_hit {
    label_block block{};
    std::string role;                            ///< role in its block (header: project_name ...)
    category cat = category::unknown;            ///< category labels
    subcategory sub = subcategory::unknown;      ///< subcategory labels
    std::size_t family = 0;                      ///< index of the family that defines it
};

/// Every label of every family.
class lexicon {
public:
    explicit lexicon(const std::vector<layout_family>& families);
    /// The meanings of a key (empty when it is no label).
    [[nodiscard]] const std::vector<label_hit>* find(const std::string& key) const;
    /// Whether `key` contains a form title of a family; sets the longest title found.
    [[nodiscard]] bool has_title(const std::string& key, std::string* title = nullptr, std::size_t* family = nullptr) const;
    /// Label keys of at least two characters, for the search inside run-together text.
    [[nodiscard]] const std::vector<std::string>& keys() const noexcept { return keys_; }
    [[nodiscard]] const std::vector<layout_family>& families() const noexcept { return *families_; }

private:
    void add(const std::string& key, label_hit hit);
    const std::vector<layout_family>* families_;
    std::unordered_map<std::string, std::vector<label_hit>> labels_;
    std::vector<std::pair<std::string, std::size_t>> titles_;  ///< title key, family
    std::vector<std::string> keys_;
};

/// The label key of a text: blanks removed, full-width brackets, colon and percent folded to
/// ASCII, a trailing colon removed.
[[nodiscard]] std::string meaning_key(std::string_view text);

/// Splits a trailing points mark off a key: `产出指标(50分)` -> `产出指标` and `50`.
[[nodiscard]] std::string strip_points(const std::string& key, std::string* points = nullptr);

/// What a token is.
enum class token_type : unsigned char { label, number, value, not_applicable, text };

/// One token: a whole cell, or a piece of one.
struct token {
    std::string text;         ///< as printed (pieces joined with their spaces)
    std::string key;          ///< meaning_key(text)
    token_type type = token_type::text;
    const std::vector<label_hit>* hits = nullptr;  ///< for labels
    std::string points;       ///< `(50分)` of a category label
    std::size_t line = 0;     ///< 1-based source line
    std::size_t row = 0;      ///< 1-based grid row
    std::size_t column = 0;   ///< 1-based grid column
    std::size_t page = 0;     ///< 1-based page of a paged source (PDF), else 0
    std::size_t cell = 0;     ///< index of the source cell (for the report)
    bool row_start = false;   ///< first token of a source row
    bool piece = false;       ///< split out of a cell (spaces or run-together text)
    bool used = false;        ///< mapped into a form
    bool unsplit = false;     ///< figures run together that no rule splits (`6620`): reported, never placed
    /// Whether one of the meanings is in `block`.
    [[nodiscard]] const label_hit* hit(label_block block) const noexcept {
        if (hits == nullptr) return nullptr;
        for (const auto& h : *hits) {
            if (h.block == block) return &h;
        }
        return nullptr;
    }
    /// The meaning in `block`, that of family `preferred` when it has one there (a label two
    /// families read differently is read as the form's own family reads it).
    [[nodiscard]] const label_hit* hit(std::size_t preferred, label_block block) const noexcept {
        if (hits == nullptr) return nullptr;
        const label_hit* first = nullptr;
        for (const auto& h : *hits) {
            if (h.block != block) continue;
            if (h.family == preferred) return &h;
            if (first == nullptr) first = &h;
        }
        return first;
    }
};

/// A figure of some kind: a plain number, a value expression or a not-applicable mark.
[[nodiscard]] inline bool is_numberish(const token& t) noexcept {
    return t.type == token_type::number || t.type == token_type::value || t.type == token_type::not_applicable;
}

/// A piece that only carries a unit (`种`, `%`, `%(百分比)`, `公里`).
[[nodiscard]] bool is_unit_piece(std::string_view piece);

/// A comparator written alone (`>=`, `≥`, `不低于`): it belongs to the number after it.
[[nodiscard]] bool is_comparator_piece(std::string_view piece);

/// 定性 / 定量 / 正向 / 反向: the 指标性质 of a target printed in separate cells.
[[nodiscard]] bool is_nature_word(std::string_view piece);

/// A source cell as the report counts it.
struct source_cell {
    std::string text;
    std::size_t line = 0, row = 0, column = 0;
    std::size_t page = 0;  ///< 1-based page of a paged source (PDF), else 0
};

/// Tokens of a grid, plus the source cells they came from and the repairs made.
struct token_stream {
    std::vector<token> tokens;
    std::vector<source_cell> cells;       ///< non-empty cells, in order
    std::size_t split_cells = 0;          ///< cells split at spaces into several tokens
    std::size_t run_together_cells = 0;   ///< cells split by labels and values found inside
    std::size_t traditional_cells = 0;    ///< cells read in simplified characters (text kept)
    std::size_t glossed_cells = 0;        ///< cells with pinyin glosses (ignored in labels)
    /// Page numbers dropped (text and line of each): a document site's (`2、` starting each
    /// page's line, whose pages were joined back into one text) and those printed among the
    /// cells of a line joined by spaces (`— 1 —`, `第 2 页`).
    std::vector<source_cell> page_numbers;
    std::size_t site_pages = 0;  ///< how many of them, first, are a document site's
};

/// Tokens of `g`: cells are split at spaces and inside run-together text only where the pieces
/// are labels, numbers or values (wrapped names stay whole); pipes left by a table dump are
/// removed and rows of pipes alone end a row.
[[nodiscard]] token_stream tokenize(const grid& g, const lexicon& words);

/// Classifies one text (label, number, value, not applicable or text).
void classify(token& t, const lexicon& words);

}  // namespace jixiao::io::detail
