// builtin_rulebooks.hpp (internal) — the rulebook texts compiled into the library.
// The definitions are generated at build time by cmake/embed_rulebooks.cmake from
// data/rulebooks/*.json.
#pragma once

#include <cstddef>
#include <string_view>

namespace jixiao::detail {

/// One built-in rulebook: its name (the file name without `.json`) and its JSON text.
struct builtin_rulebook_text {
    std::string_view name;
    std::string_view json;
};

extern const builtin_rulebook_text builtin_rulebook_texts[];  ///< sorted by name
extern const std::size_t builtin_rulebook_count;

}  // namespace jixiao::detail
