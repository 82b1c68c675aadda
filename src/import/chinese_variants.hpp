// chinese_variants.hpp — text printed in traditional characters or with pinyin glosses, as
// mirror sites print forms (`項(xiàng)目`, `執(zhí)行`), recognised as the labels they are.
//
// The printed text is never changed: these functions give the text the recognizer *compares*
// (the meaning keys of labels and the label search inside run-together text).
//
//   gloss_at(text, i)         length of a pinyin gloss `(xiàng)` starting at byte i, 0 if none
//   without_glosses(text)     the text with its pinyin glosses removed
//   traditional_folding()     whether traditional characters are folded (built with OpenCC)
//   to_simplified(text)       the text in simplified characters, same byte length, or nothing
//                             when OpenCC is missing, the text has no traditional character or
//                             the conversion would change the length (offsets must stay valid)
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace jixiao::io::detail {

/// Length in bytes of a pinyin gloss at byte `i` of `text`: `(` or `（`, one to eight pinyin
/// letters (a-z, tone-marked vowels, ü), `)` or `）`, right after a CJK character; 0 if none.
[[nodiscard]] std::size_t gloss_at(std::string_view text, std::size_t i) noexcept;

/// `text` without its pinyin glosses (`項(xiàng)目` -> `項目`).
[[nodiscard]] std::string without_glosses(std::string_view text);

/// Whether this build folds traditional characters (OpenCC found at build time).
[[nodiscard]] bool traditional_folding() noexcept;

/// Whether `text` has traditional characters that OpenCC folds (false without OpenCC).
[[nodiscard]] bool has_traditional(std::string_view text);

/// `text` with traditional characters replaced by simplified ones (OpenCC `t2s`), when that
/// changes something and keeps the byte length; otherwise none. Thread-safe.
[[nodiscard]] std::optional<std::string> to_simplified(std::string_view text);

}  // namespace jixiao::io::detail
