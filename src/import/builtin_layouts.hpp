// builtin_layouts.hpp (internal) — the layout family texts compiled into the library.
// The definitions are generated at build time by cmake/embed_rulebooks.cmake from
// data/layouts/*.json.
#pragma once

#include <cstddef>
#include <string_view>

namespace jixiao::detail {

/// One built-in layout family: its name (the file name without `.json`) and its JSON text.
struct builtin_layout_text {
    std::string_view name;
    std::string_view json;
};

extern const builtin_layout_text builtin_layout_texts[];  ///< sorted by name
extern const std::size_t builtin_layout_count;

}  // namespace jixiao::detail
