// libFuzzer target: the PDF reader (jixiao::pdf; poppler itself is not instrumented, our
// geometry and grid code is). The input is the PDF. Invariants: never crashes; an error is one
// of the documented codes; every cell is valid UTF-8, on a page of the document, inside the
// limits; the recognizer takes the grid.
#include "fuzz_support.hpp"

#include <jixiao/io/import.hpp>
#include <jixiao/io/pdf.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace jixiao;
    static const bool registered = (pdf::register_reader(), true);  // also silences poppler
    (void)registered;
    const std::string_view bytes = fuzz::as_text(data, size);

    io::read_options limits;
    limits.max_pages = 16;  // bounded time per input
    limits.max_cells = 20'000;
    limits.max_cell_bytes = 4'096;
    limits.max_bytes = 1u << 20;

    auto g = pdf::read_pdf(bytes, limits);
    if (!g) {
        const errc c = g.error().code;
        fuzz::check(c == errc::invalid_document || c == errc::password_required || c == errc::no_text_layer ||
                        c == errc::limit_exceeded,
                    "PDF errors are documented codes");
        return 0;
    }
    std::size_t cells = 0;
    for (const auto& r : g->rows) {
        for (const auto& c : r.cells) {
            ++cells;
            fuzz::check_utf8(c.text, "PDF cell text is UTF-8");
            fuzz::check(c.text.size() <= limits.max_cell_bytes, "PDF cell within max_cell_bytes");
            fuzz::check(c.page >= 1 && c.page <= limits.max_pages, "PDF cell on a page of the document");
            fuzz::check(c.bounds.x0 <= c.bounds.x1 && c.bounds.y0 <= c.bounds.y1, "PDF cell box is ordered");
            fuzz::check(c.column >= 1, "PDF cell column is 1-based");
        }
    }
    fuzz::check(cells <= limits.max_cells, "PDF grid within max_cells");
    auto r = io::recognize(*g);
    if (!r) fuzz::check(r.error().code == errc::no_form_found, "recognizing a PDF grid fails only with no_form_found");
    return 0;
}
