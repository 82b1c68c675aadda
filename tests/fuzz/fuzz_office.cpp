// libFuzzer target: the Office readers. The first byte chooses xlsx (0), docx (1) or detection
// (anything else); the rest is the file. Mutated ZIPs reach the archive checks (truncated,
// corrupt, lying sizes), and seeds from tests/fuzz/corpus/office/ (small .xlsx and .docx files)
// reach the XML readers. Invariants: never crashes; cell text is valid UTF-8 and within the
// limits; errors explain themselves.
#include "fuzz_support.hpp"

#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace jixiao;
    if (size == 0) return 0;
    const unsigned selector = data[0] % 4u;
    auto bytes = fuzz::as_text(data + 1, size - 1);

    io::read_options limits;
    limits.max_cells = 20'000;  // small limits so that the limit paths are reached too
    limits.max_cell_bytes = 4'096;
    limits.max_bytes = 1u << 20;

    auto g = selector == 0   ? io::read_grid(bytes, io::grid_format::xlsx, limits)
             : selector == 1 ? io::read_grid(bytes, io::grid_format::docx, limits)
                             : io::read_grid(bytes, limits);
    if (!g) {
        fuzz::check(!g.error().message.empty(), "error has a message");
        fuzz::check_utf8(g.error().message, "error message is UTF-8");
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
    for (const auto& n : g->notes) fuzz::check_utf8(n, "grid note is UTF-8");
    if (selector == 3) {
        io::import_options o;
        o.limits = limits;
        (void)io::import_text(bytes, o);
    }
    return 0;
}
