// libFuzzer target: the grid readers. The first byte chooses the reader (0 tsv, 1 pipe,
// 2 cell_per_line, 3 csv, 4 html, anything else: detect_format); the rest is the document.
// Invariants: never crashes; every cell text is valid UTF-8 (invalid input is converted or
// reported, never passed through); cells lie inside the limits; errors point inside the input.
#include "fuzz_support.hpp"

#include <jixiao/io/grid.hpp>

#include <array>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace jixiao;
    if (size == 0) return 0;
    constexpr std::array formats{io::grid_format::tsv, io::grid_format::pipe, io::grid_format::cell_per_line,
                                 io::grid_format::csv, io::grid_format::html};
    const unsigned selector = data[0] % 8u;
    auto text = fuzz::as_text(data + 1, size - 1);

    io::read_options limits;
    limits.max_cells = 20'000;        // small limits so that the limit paths are reached too
    limits.max_cell_bytes = 4'096;
    limits.max_bytes = 1u << 20;

    auto g = selector < formats.size() ? io::read_grid(text, formats[selector], limits) : io::read_grid(text, limits);
    if (!g) {
        // Offsets count in the converted text after an encoding conversion (docs/readers.md).
        fuzz::check_error(g.error(), text.size() * 2 + 4);
        return 0;
    }
    std::size_t cells = 0;
    for (const auto& r : g->rows) {
        for (const auto& c : r.cells) {
            ++cells;
            fuzz::check_utf8(c.text, "grid cell text is UTF-8");
            fuzz::check(c.text.size() <= limits.max_cell_bytes, "grid cell within max_cell_bytes");
        }
    }
    fuzz::check(cells <= limits.max_cells, "grid within max_cells");

    auto utf8 = io::to_utf8(text);
    if (utf8) fuzz::check_utf8(*utf8, "to_utf8 output is UTF-8");
    (void)io::detect_format(text);
    return 0;
}
