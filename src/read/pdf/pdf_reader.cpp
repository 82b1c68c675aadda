// pdf_reader.cpp — PDF documents to grids through poppler (see include/jixiao/io/pdf.hpp and
// docs/readers.md). poppler-cpp (stable API) gives the words with their boxes; poppler's core API
// (pdf_lines.cpp, when built with it) gives the ruling lines; pdf_layout.cpp makes the cells.
#include <jixiao/io/pdf.hpp>

#include <jixiao/detail/utf8.hpp>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <poppler-image.h>

#include "core/parallel.hpp"
#include "read/page_grid.hpp"
#include "read/page_layout.hpp"
#if JIXIAO_PDF_RULING_LINES
#include "pdf_lines.hpp"
#endif

namespace jixiao::pdf {
namespace {

using io::layout::page_input;

constexpr std::int32_t max_units = 20'000'000;  // 200,000 pt: beyond any real page

std::int32_t to_units(double points) noexcept {
    const double v = std::round(points * 100.0);
    if (!std::isfinite(v)) return 0;
    if (v > max_units) return max_units;
    if (v < -max_units) return -max_units;
    return static_cast<std::int32_t>(v);
}

/// "1-3, 5" from sorted page numbers.
std::string page_ranges(const std::vector<int>& pages) {
    std::string out;
    for (std::size_t i = 0; i < pages.size();) {
        std::size_t j = i;
        while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
        if (!out.empty()) out += ", ";
        out += std::to_string(pages[i]);
        if (j > i) out += "-" + std::to_string(pages[j]);
        i = j + 1;
    }
    return out;
}

error limit(std::string message) { return error{errc::limit_exceeded, 0, {}, std::move(message)}; }

/// The em of a word: the width of its first CJK character (those are one em wide), otherwise
/// twice its average character width, at most the font size poppler reports. The reported size
/// alone is not reliable: Chromium's PDFs report twice the printed size. A word written
/// sideways (rotation 1 or 3) runs down the page: its widths are heights.
double em_of(const poppler::text_box& box, const poppler::ustring& text) {
    const double reported = box.get_font_size();
    const bool sideways = (box.rotation() & 1) != 0;
    const auto along = [&](const poppler::rectf& r) { return sideways ? r.height() : r.width(); };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned unit = text[i];
        if (unit >= 0x2E80 && unit < 0xD800) {  // CJK radicals .. Hangul: one em wide
            const double w = along(box.char_bbox(i));
            if (w > 0) return reported > 0 ? std::min(w, reported) : w;
        }
    }
    const double average = text.empty() ? 0.0 : along(box.bbox()) / static_cast<double>(text.size());
    if (average > 0 && reported > 0) return std::min(reported, 2 * average);
    return average > 0 ? 2 * average : reported;
}

/// The words of a page from poppler-cpp's text layer; returns the quarter turn most of its
/// characters are written at (0: upright; see io::layout::turn_upright).
int read_words(const poppler::page& p, page_input& out) {
    std::array<std::size_t, 4> turned{};
    for (const poppler::text_box& box : p.text_list(poppler::page::text_list_include_font)) {
        const poppler::ustring text16 = box.text();
        const poppler::byte_array utf8 = text16.to_utf8();
        std::string text(utf8.begin(), utf8.end());
        while (!text.empty() && text.back() == '\0') text.pop_back();
        if (text.empty()) continue;
        // Lone surrogates in a broken ToUnicode map: U+FFFD, so that every cell is valid UTF-8.
        if (!jixiao::detail::utf8::is_valid(text)) text = jixiao::detail::utf8::replace_invalid(text);
        const poppler::rectf r = box.bbox();
        io::layout::word w;
        w.text = std::move(text);
        w.bounds = io::box{to_units(r.left()), to_units(r.top()), to_units(r.right()), to_units(r.bottom())};
        w.font_size = to_units(em_of(box, text16));
        if (w.font_size <= 0) w.font_size = std::max<std::int32_t>(100, (w.bounds.y1 - w.bounds.y0) / 2);
        turned[static_cast<std::size_t>(box.rotation() & 3)] += text16.size();
        out.words.push_back(std::move(w));
    }
    return static_cast<int>(std::max_element(turned.begin(), turned.end()) - turned.begin());
}

/// Whether a page holds (part of) a form: a form's title or a label of its blocks among its
/// words (joined, so that a label split over two word boxes is seen). Conservative: a page of
/// prose that names a form is read too; the words only say which pages need no layout at all.
bool holds_form_marker(const std::vector<io::layout::word>& words) {
    static constexpr std::array<std::string_view, 14> markers{
        "自评表", "目标表", "申报表", "评价表", "项目名称", "项目资金", "预算执行", "全年预算", "全年执行", "年初预算",
        "指标", "总体目标", "总分", "得分"};
    std::string text;
    for (const io::layout::word& w : words) text += w.text;
    return std::any_of(markers.begin(), markers.end(),
                       [&](std::string_view m) { return text.find(m) != std::string::npos; });
}

void quiet(const std::string& /*message*/, void* /*closure*/) {}

/// Renders page `number` (`width` x `height` in 1/100 pt, as shown) as a grey image at the OCR
/// resolution.
result<io::layout::page_image> render_for_ocr(const poppler::page& p, int number, std::int32_t width, std::int32_t height,
                                              const io::read_options& options) {
    const unsigned dpi = std::clamp(options.ocr.dpi, 50u, 1200u);
    // 1/100 pt to pixels; widths are at most 2e7 units (to_units), so the product fits 64 bits.
    const std::uint64_t pixels = static_cast<std::uint64_t>(std::max(0, width)) * dpi / 7200 *
                                 (static_cast<std::uint64_t>(std::max(0, height)) * dpi / 7200);
    if (pixels > options.ocr.max_pixels) {
        return limit("page " + std::to_string(number) + ": at " + std::to_string(dpi) + " dpi its image would have " +
                     std::to_string(pixels) + " pixels, more than the limit of " +
                     std::to_string(options.ocr.max_pixels));
    }
    // In colour, then its red channel: a red seal over the table drops out, as in a colour scan
    // read by jixiao::ocr (poppler's grey would make it dark).
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_argb32);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    const poppler::image img = renderer.render_page(&p, dpi, dpi);
    if (!img.is_valid() || img.width() <= 0 || img.height() <= 0) {
        return error{errc::invalid_document, 0, {}, "page " + std::to_string(number) + ": cannot be rendered for OCR"};
    }
    io::layout::page_image image;
    image.width = img.width();
    image.height = img.height();
    image.dpi = dpi;
    image.pixels.resize(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height));
    const char* data = img.const_data();
    for (int y = 0; y < image.height; ++y) {
        // ARGB32 in native (little-endian) order: B, G, R, A in memory.
        const auto* row = reinterpret_cast<const std::uint8_t*>(data + static_cast<std::ptrdiff_t>(y) * img.bytes_per_row());
        std::uint8_t* to = image.pixels.data() + static_cast<std::ptrdiff_t>(y) * image.width;
        for (int x = 0; x < image.width; ++x) to[x] = row[4 * x + 2];
    }
    return image;
}

/// The size of a page as shown (turned by its /Rotate), 1/100 pt.
std::pair<std::int32_t, std::int32_t> shown_size(const poppler::page& p) {
    const poppler::rectf shown = p.page_rect();
    const bool sideways = p.orientation() == poppler::page::landscape || p.orientation() == poppler::page::seascape;
    return {to_units(sideways ? shown.height() : shown.width()), to_units(sideways ? shown.width() : shown.height())};
}

}  // namespace

result<io::grid> read_pdf(std::string_view bytes, const io::read_options& options) {
    if (bytes.size() > options.max_bytes) {
        return error{errc::limit_exceeded, options.max_bytes, {},
                     "the input holds " + std::to_string(bytes.size()) + " bytes, more than the limit of " +
                         std::to_string(options.max_bytes) + " bytes"};
    }
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        return error{errc::limit_exceeded, 0, {}, "a PDF larger than 2 GiB"};
    }
    // poppler reads the bytes in place: they outlive the documents below.
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
        return error{errc::invalid_document, 0, {},
                     "not a PDF that can be read (damaged, truncated or not a PDF at all: poppler cannot open it)"};
    }
    if (doc->is_locked()) {
        return error{errc::password_required, 0, {},
                     "the PDF is encrypted with a password that is needed to open it (a user password); "
                     "open it with the password and save it without one"};
    }
    const int pages = doc->pages();
    if (pages < 0 || static_cast<std::size_t>(pages) > options.max_pages) {
        return limit("the PDF has " + std::to_string(pages) + " pages, more than the limit of " +
                     std::to_string(options.max_pages) + " pages");
    }
    io::layout::paged_grid out(io::grid_format::pdf, options);
    if (doc->is_encrypted()) out.note("encrypted PDF opened without a password (owner password only)");
#if JIXIAO_PDF_RULING_LINES
    detail::ruling_lines lines(bytes);
    const bool lines_available = lines.ok();
#else
    const bool lines_available = false;
#endif
    const std::string_view no_table =
        lines_available ? "no table with ruling lines" : "ruling lines not read (built without poppler's core API)";
    const io::layout::page_recognizer ocr =
        options.ocr.mode == io::ocr_mode::never ? nullptr : io::layout::registered_page_recognizer();
    const bool ocr_all = ocr != nullptr && options.ocr.mode == io::ocr_mode::always;
    std::vector<int> without_text;
    std::vector<int> by_ocr;

    // Pass 1: the words of every page, and which pages hold a form. A long document (a 部门决算
    // of 100 pages with the forms on a few) is laid out only where forms are: on a page with a
    // form's title or block label, and on the page after one (a form's last rows); the other
    // pages are skipped, and noted. A document in which no page has a marker is read whole.
    struct page_text {
        page_input input;
        int turned = 0;
        bool marked = false;
        std::optional<std::string> poor;  ///< why its text layer is read again by OCR
    };
    std::vector<page_text> page_texts(static_cast<std::size_t>(pages));
    bool any_marked = false;
    for (int i = 0; i < pages; ++i) {
        const std::unique_ptr<poppler::page> p(doc->create_page(i));
        if (!p) continue;
        page_text& t = page_texts[static_cast<std::size_t>(i)];
        t.turned = read_words(*p, t.input);
        t.marked = holds_form_marker(t.input.words);
        any_marked = any_marked || t.marked;
    }
    std::vector<int> skipped;
    for (int i = 0; i < pages; ++i) {
        const std::size_t k = static_cast<std::size_t>(i);
        const bool laid_out = !any_marked || page_texts[k].marked || (k > 0 && page_texts[k - 1].marked);
        if (!laid_out && !page_texts[k].input.words.empty() && !ocr_all) {
            skipped.push_back(i + 1);
            page_texts[k].input = page_input{};
        }
    }
    if (!skipped.empty()) {
        out.note("pages " + page_ranges(skipped) + ": no form title or block label on them (prose, other tables): " +
                 "skipped, their text not read");
    }

    // The pages to read by OCR, recognised before the layout, `ocr.jobs` at once: poppler renders
    // them one after another, the recogniser reads a batch in parallel.
    std::vector<std::optional<result<io::layout::recognized_page>>> recognized(static_cast<std::size_t>(pages));
    if (ocr != nullptr) {
        std::vector<int> todo;
        for (int i = 0; i < pages; ++i) {
            if (std::binary_search(skipped.begin(), skipped.end(), i + 1)) continue;
            page_text& t = page_texts[static_cast<std::size_t>(i)];
            if (!t.input.words.empty() && !ocr_all) {
                // A text layer that is itself a poor OCR layer (a scan "made searchable"): read again.
                t.poor = io::layout::poor_text_layer(t.input.words);
                if (!t.poor) continue;
            }
            todo.push_back(i);
        }
        const std::size_t jobs = jixiao::detail::thread_count(options.ocr.jobs);
        io::layout::page_progress progress(options.ocr.progress, todo.size());
        for (std::size_t start = 0; start < todo.size(); start += jobs) {
            const std::size_t end = std::min(todo.size(), start + jobs);
            std::vector<std::optional<result<io::layout::page_image>>> images(end - start);
            for (std::size_t j = start; j < end; ++j) {
                const std::unique_ptr<poppler::page> p(doc->create_page(todo[j]));
                if (!p) continue;  // a damaged page: the loop below says so
                const auto [width, height] = shown_size(*p);
                images[j - start] = render_for_ocr(*p, todo[j] + 1, width, height, options);
            }
            jixiao::detail::parallel_for(end - start, jobs, [&](std::size_t k) {
                std::optional<result<io::layout::page_image>>& image = images[k];
                if (!image) return;
                recognized[static_cast<std::size_t>(todo[start + k])] =
                    image->has_value() ? ocr(**image, options) : result<io::layout::recognized_page>(image->error());
                image.reset();
                progress.page_done();
            });
        }
    }

    for (int i = 0; i < pages; ++i) {
        const std::unique_ptr<poppler::page> p(doc->create_page(i));
        if (!p) {
            without_text.push_back(i + 1);
            out.note("page " + std::to_string(i + 1) + ": cannot be read (damaged page)");
            continue;
        }
        if (std::binary_search(skipped.begin(), skipped.end(), i + 1)) {
            out.skip_page(i + 1, true);
            continue;
        }
        page_input input = std::move(page_texts[static_cast<std::size_t>(i)].input);
        int turned = page_texts[static_cast<std::size_t>(i)].turned;
        // The page as shown: its box, turned by its /Rotate (poppler gives the text so).
        const auto [shown_width, shown_height] = shown_size(*p);
        if (std::optional<result<io::layout::recognized_page>>& read = recognized[static_cast<std::size_t>(i)]) {
            // An image of the page (a scan), or a text layer to be read again: read by OCR above.
            result<io::layout::recognized_page> seen = std::move(*read);
            read.reset();
            if (!seen.has_value()) return seen.error();
            if (const auto& poor = page_texts[static_cast<std::size_t>(i)].poor) {
                out.note("page " + std::to_string(i + 1) + ": its text layer looks like a poor OCR layer (" + *poor +
                         "): read again by OCR (--ocr never keeps it)");
            }
            input = std::move(seen->input);
            turned = 0;  // OCR straightens the image itself
            for (std::string& n : seen->notes) out.note("page " + std::to_string(i + 1) + ": " + std::move(n));
            by_ocr.push_back(i + 1);
            if (input.words.empty()) {
                without_text.push_back(i + 1);
                out.note("page " + std::to_string(i + 1) + ": no text found by OCR (a blank page or a picture)");
                out.skip_page(i + 1, false);
                continue;
            }
            if (auto e = out.add_page(i + 1, std::move(input), turned, shown_width, "no table with ruling lines in the image")) {
                return *e;
            }
            continue;
        }
        if (input.words.empty()) {
            without_text.push_back(i + 1);
            out.note("page " + std::to_string(i + 1) +
                     (ocr == nullptr && options.ocr.mode != io::ocr_mode::never
                          ? ": no text (an image or a blank page; this build reads no scans: built without jixiao::ocr)"
                          : ": no text (an image or a blank page; OCR turned off)"));
            out.skip_page(i + 1, false);
            continue;
        }
#if JIXIAO_PDF_RULING_LINES
        if (lines_available) lines.read_page(i + 1, input);
#endif
        input.height = shown_height;
        if (auto e = out.add_page(i + 1, std::move(input), turned, shown_width, no_table)) return *e;
    }
    if (!by_ocr.empty()) {
        out.note("pages " + page_ranges(by_ocr) + ": read by OCR (Tesseract, " + options.ocr.languages + ", " +
                 std::to_string(options.ocr.dpi) + " dpi): cells below confidence " +
                 std::to_string(options.ocr.low_confidence) + " are marked");
    }
    if (pages == 0) return error{errc::invalid_document, 0, {}, "the PDF has no pages"};
    if (static_cast<int>(without_text.size()) == pages) {
        const char* why = options.ocr.mode == io::ocr_mode::never ? "; OCR is turned off (--ocr never)"
                          : io::layout::registered_page_recognizer() == nullptr
                              ? "; this build reads no scans (built without Tesseract: jixiao::ocr, see README)"
                              : "; OCR found no text on them";
        return error{errc::no_text_layer, 0, {}, "scanned PDF: no text layer on pages " + page_ranges(without_text) + why};
    }
    return std::move(out).take();
}

void register_reader() noexcept {
    poppler::set_debug_error_function(quiet, nullptr);
    io::register_reader(io::grid_format::pdf, &read_pdf);
}

}  // namespace jixiao::pdf
