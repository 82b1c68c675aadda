// chinese_variants.cpp — pinyin glosses and traditional characters (chinese_variants.hpp).
#include "import/chinese_variants.hpp"

#include <jixiao/io/import.hpp>

#include <mutex>

#ifdef JIXIAO_WITH_OPENCC
#include <opencc.h>
#endif

namespace jixiao::io::detail {
namespace {

/// Byte length of a pinyin letter at `i`, 0 if none: a-z, or one of the tone-marked vowels
/// (ā á ǎ à ē é ě è ī í ǐ ì ō ó ǒ ò ū ú ǔ ù ü ǖ ǘ ǚ ǜ ń ň ǹ ḿ), each two bytes in UTF-8 but ḿ.
std::size_t pinyin_letter_at(std::string_view s, std::size_t i) noexcept {
    const auto b = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0U; };
    const unsigned c = b(i);
    if (c >= 'a' && c <= 'z') return 1;
    const unsigned d = b(i + 1);
    switch (c) {
    case 0xC3:  // à á è é ì í ò ó ù ú ü
        return (d == 0xA0 || d == 0xA1 || d == 0xA8 || d == 0xA9 || d == 0xAC || d == 0xAD || d == 0xB2 ||
                d == 0xB3 || d == 0xB9 || d == 0xBA || d == 0xBC)
                   ? 2
                   : 0;
    case 0xC4: return (d == 0x81 || d == 0x93 || d == 0x9B || d == 0xAB) ? 2 : 0;                // ā ē ě ī
    case 0xC5: return (d == 0x84 || d == 0x88 || d == 0x8D || d == 0xAB) ? 2 : 0;                // ń ň ō ū
    case 0xC7:                                                                                   // ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ ǹ
        return (d == 0x8E || d == 0x90 || d == 0x92 || d == 0x94 || d == 0x96 || d == 0x98 || d == 0x9A ||
                d == 0x9C || d == 0xB9)
                   ? 2
                   : 0;
    case 0xE1: return (d == 0xB8 && b(i + 2) == 0xBF) ? 3 : 0;  // ḿ
    default: return 0;
    }
}

/// Whether the character that ends just before byte `i` is a CJK ideograph (U+3400..U+9FFF,
/// three bytes in UTF-8 starting E3..E9).
bool cjk_before(std::string_view s, std::size_t i) noexcept {
    if (i < 3) return false;
    const auto lead = static_cast<unsigned char>(s[i - 3]);
    return lead >= 0xE3 && lead <= 0xE9 && (static_cast<unsigned char>(s[i - 2]) & 0xC0) == 0x80 &&
           (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80;
}

#ifdef JIXIAO_WITH_OPENCC
/// One t2s converter for the process, opened on first use (its dictionaries load once).
class converter {
public:
    converter() : handle_(opencc_open(OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP)) {}
    ~converter() {
        if (handle_ != reinterpret_cast<opencc_t>(-1)) opencc_close(handle_);
    }
    converter(const converter&) = delete;
    converter& operator=(const converter&) = delete;

    std::optional<std::string> convert(std::string_view text) {
        if (handle_ == reinterpret_cast<opencc_t>(-1)) return std::nullopt;
        std::lock_guard lock(mutex_);  // one conversion at a time: OpenCC promises no more
        char* out = opencc_convert_utf8(handle_, text.data(), text.size());
        if (out == nullptr) return std::nullopt;
        std::string result(out);
        opencc_convert_utf8_free(out);
        return result;
    }

private:
    opencc_t handle_;
    std::mutex mutex_;
};
#endif

}  // namespace

std::size_t gloss_at(std::string_view text, std::size_t i) noexcept {
    std::size_t k = i;
    if (text.substr(k, 1) == "(") k += 1;
    else if (text.substr(k, 3) == "\xEF\xBC\x88") k += 3;  // （
    else return 0;
    if (!cjk_before(text, i)) return 0;
    std::size_t letters = 0;
    while (letters < 8) {
        const std::size_t n = pinyin_letter_at(text, k);
        if (n == 0) break;
        k += n;
        ++letters;
    }
    if (letters == 0) return 0;
    if (text.substr(k, 1) == ")") return k + 1 - i;
    if (text.substr(k, 3) == "\xEF\xBC\x89") return k + 3 - i;  // ）
    return 0;
}

std::string without_glosses(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t n = gloss_at(text, i); n != 0) {
            i += n;
            continue;
        }
        out += text[i++];
    }
    return out;
}

}  // namespace jixiao::io::detail

namespace jixiao::io {

bool folds_traditional_characters() noexcept { return detail::traditional_folding(); }

}  // namespace jixiao::io

namespace jixiao::io::detail {

bool traditional_folding() noexcept {
#ifdef JIXIAO_WITH_OPENCC
    return true;
#else
    return false;
#endif
}

#ifdef JIXIAO_WITH_OPENCC
namespace {
converter& t2s() {
    static converter c;
    return c;
}
}  // namespace
#endif

bool has_traditional(std::string_view text) {
#ifdef JIXIAO_WITH_OPENCC
    const std::optional<std::string> out = t2s().convert(text);
    return out && *out != text;
#else
    (void)text;
    return false;
#endif
}

std::optional<std::string> to_simplified(std::string_view text) {
#ifdef JIXIAO_WITH_OPENCC
    bool wide = false;
    for (char c : text) wide = wide || static_cast<unsigned char>(c) >= 0xE3;
    if (!wide) return std::nullopt;  // no CJK character: nothing to fold
    std::optional<std::string> out = t2s().convert(text);
    if (!out || *out == text || out->size() != text.size()) return std::nullopt;
    return out;
#else
    (void)text;
    return std::nullopt;
#endif
}

}  // namespace jixiao::io::detail
