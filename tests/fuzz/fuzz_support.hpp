// Shared helpers of the libFuzzer targets: a checked invariant that crashes loudly (libFuzzer
// then saves the input), and the UTF-8 check applied to every text the library writes.
#pragma once

#include <jixiao/detail/utf8.hpp>
#include <jixiao/error.hpp>
#include <jixiao/rulebook.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace jixiao::fuzz {

/// The input as text (libFuzzer hands bytes).
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) noexcept {
    return {reinterpret_cast<const char*>(data), size};  // NOLINT: bytes viewed as chars
}

/// An invariant of the library; a broken one aborts so that libFuzzer records the input.
inline void check(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "jixiao fuzz invariant broken: %s\n", what);
        std::abort();
    }
}

/// Every text the library writes (JSON, HTML, CSV, Markdown, cells) is valid UTF-8.
inline void check_utf8(std::string_view out, const char* what) {
    check(detail::utf8::is_valid(out), what);
}

/// An error explains itself in UTF-8 (messages may quote input bytes) and points at most
/// `max_offset` bytes in.
inline void check_error(const error& e, std::size_t max_offset) {
    check(!e.message.empty(), "error has a message");
    check_utf8(e.message, "error message is UTF-8");
    check_utf8(e.where, "error location is UTF-8");
    check(e.offset <= max_offset, "error offset inside the input");
}

/// The default built-in rulebook, loaded once for all inputs.
inline const rulebook& default_book() {
    static const rulebook book = builtin_rulebook(default_rulebook_name).value_or_throw();
    return book;
}

}  // namespace jixiao::fuzz
