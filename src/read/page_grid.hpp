// page_grid.hpp — pages laid out one after another into one grid, for every paged reader (the
// PDF reader of jixiao::pdf, the OCR reader of jixiao::ocr): a page's words and ruling lines
// in, its rows added under the limits of `read_options`, with what runs over a page break
// handled once for all of them (a table row cut by the page end, the header row a printer
// repeats on each page). And the slot through which jixiao::ocr reads the image pages of a PDF
// without either library linking the other.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <jixiao/error.hpp>
#include <jixiao/io/grid.hpp>

#include "read/page_layout.hpp"

namespace jixiao::io::layout {

/// A page as an image: 8-bit grey (0 black, 255 white), rows top to bottom.
struct page_image {
    std::int32_t width = 0;            ///< pixels
    std::int32_t height = 0;           ///< pixels
    std::vector<std::uint8_t> pixels;  ///< width * height
    unsigned dpi = 300;                ///< pixels per inch
};

/// What OCR read on one page image: the words (each with its confidence) and the ruling lines
/// found in the image, in 1/100 pt (`height` set), and what was done to the image (notes).
struct recognized_page {
    page_input input;
    std::vector<std::string> notes;
};

/// Reads the text of a page image (jixiao::ocr registers one).
using page_recognizer = result<recognized_page> (*)(const page_image& image, const read_options& options);

/// Makes `recognizer` the one the PDF reader uses for pages without text (thread-safe; nullptr
/// removes it).
void register_page_recognizer(page_recognizer recognizer) noexcept;
/// The page recogniser registered, or nullptr.
[[nodiscard]] page_recognizer registered_page_recognizer() noexcept;

/// Counts the pages OCR has read for `ocr_options::progress`: `page_done()` from any thread,
/// the callback called under a lock (never two at once).
class page_progress {
public:
    page_progress(const std::function<void(std::size_t, std::size_t)>& callback, std::size_t total)
        : callback_(callback), total_(total) {}
    void page_done() {
        if (!callback_) return;
        const std::lock_guard lock(mutex_);
        ++done_;
        callback_(done_, std::max(total_, done_));
    }

private:
    const std::function<void(std::size_t, std::size_t)>& callback_;
    std::size_t total_;
    std::size_t done_ = 0;
    std::mutex mutex_;
};

/// Repairs what OCR misreads in a figure by the value grammar: a cell that is a number but for
/// letters that look like digits (`IO` -> `10`, `l5.O` -> `15.0`), a number split by a space
/// (`968.191 8` -> `968.1918`), full-width separators, and `兀` for `元` anywhere. Returns the
/// text unchanged when it is not such a cell.
[[nodiscard]] std::string repair_ocr_text(std::string_view text);

/// Whether a figure read by OCR has a mark that is more likely a speck than the form's: a point,
/// comma or quote before its first digit (`.4`, `，4`, `””6`), a comma after its last
/// (`0.6万元、`), or a lone `<` or `>` first (`≤` and `≥` are in neither Tesseract model, so
/// `<30` may be `≤30`; the OCR reader finds most of them by their shape, not all). `paged_grid`
/// gives such a cell confidence 50 at most, so that it is marked for review.
[[nodiscard]] bool doubtful_figure(std::string_view text) noexcept;

/// Why the text layer of a page (its words) looks like a poor OCR layer, or nullopt when it
/// reads well: at least a tenth of its characters unreadable (U+FFFD, private-use code points
/// of a font without a Unicode map, control characters), or figures broken by letters that look
/// like digits (`IO`, `l5`, `2O23`: three or more, a tenth of the words with digits or more), or
/// `兀` for `元` in a unit (`万兀`). (A layer of Latin letters where the Chinese is, made with a
/// Latin model, is not told from an English document: `ocr_mode::always` reads it.) The PDF reader reads such a page again by OCR in
/// `ocr_mode::automatic`, with the reason noted.
[[nodiscard]] std::optional<std::string> poor_text_layer(const std::vector<word>& words);

/// The grid of a paged document, built page by page.
class paged_grid {
public:
    paged_grid(grid_format format, const read_options& options);

    /// Lays out page `page` (1-based) and adds its rows. `input.height` is the page's height as
    /// shown, `shown_width` its width; `turned` the quarter turns its text is written at (0:
    /// upright). `no_table` says why a page has no table (for its quality note).
    [[nodiscard]] std::optional<error> add_page(int page, page_input input, int turned, std::int32_t shown_width,
                                                std::string_view no_table);

    /// A page that is not laid out (no text, or skipped): a page break, nothing runs over it;
    /// `forget_header`: the header row of the table before is not looked for after it.
    void skip_page(int page, bool forget_header);

    void note(std::string text);

    /// The grid, the columns of its rows of text outside ruled tables numbered over the whole
    /// document: a header on one page and the values under it on the next share columns.
    [[nodiscard]] grid take() &&;

private:
    [[nodiscard]] std::optional<error> add_row(std::vector<layout_cell>&& cells, int page, bool text);
    [[nodiscard]] bool join_row(std::size_t target, const std::vector<layout_cell>& cells, std::optional<error>& e);
    [[nodiscard]] bool continues_closed_row(std::size_t target, const std::vector<layout_cell>& cells) const;
    void blank_row();

    const read_options& options_;
    grid grid_;
    std::vector<std::size_t> text_rows_;  ///< rows of text outside ruled tables
    std::size_t line_ = 0;
    std::size_t cells_ = 0;
    std::size_t bytes_ = 0;
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t continued_ = none;     ///< the grid row of a table row cut by the page end, if any
    bool continued_closed_ = false;    ///< `continued_` has its bottom line drawn (a cell may run on)
    std::vector<box> running_;         ///< the cells of `continued_` whose text may run on
    std::vector<std::string> header_;  ///< the header row of the last table of the page before
};

}  // namespace jixiao::io::layout
