// ocr_reader.cpp — scans to grids (see include/jixiao/io/ocr.hpp and docs/readers.md, "Scans").
// Leptonica cleans the image and finds its ruling lines; Tesseract reads the text cell by cell;
// the core's page layout (read/page_layout.hpp) and paged grid (read/page_grid.hpp) make the
// cells, as for a PDF.
#include <jixiao/io/ocr.hpp>

#include <jixiao/detail/utf8.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#if JIXIAO_OCR_OPENMP
#include <omp.h>
#endif

#include "core/parallel.hpp"
#include "read/page_grid.hpp"
#include "read/page_layout.hpp"

namespace jixiao::ocr {
namespace {

using io::layout::page_input;
using io::layout::recognized_page;

/// A Leptonica image, destroyed with it.
struct pix_deleter {
    void operator()(Pix* p) const noexcept { pixDestroy(&p); }
};
using pix_ptr = std::unique_ptr<Pix, pix_deleter>;

struct boxa_deleter {
    void operator()(Boxa* b) const noexcept { boxaDestroy(&b); }
};
using boxa_ptr = std::unique_ptr<Boxa, boxa_deleter>;

struct box_deleter {
    void operator()(Box* b) const noexcept { boxDestroy(&b); }
};
using box_ptr = std::unique_ptr<Box, box_deleter>;

error limit(std::string message) { return error{errc::limit_exceeded, 0, {}, std::move(message)}; }

/// 1/100 pt from pixels at `dpi`.
std::int32_t units(std::int64_t pixels, unsigned dpi) noexcept {
    return static_cast<std::int32_t>(pixels * 7200 / static_cast<std::int64_t>(dpi));
}
/// Pixels from 1/100 pt at `dpi`.
std::int32_t pixels(std::int64_t u, unsigned dpi) noexcept { return static_cast<std::int32_t>(u * dpi / 7200); }

/// An 8-bit grey Pix from a page image.
pix_ptr to_pix(const io::layout::page_image& image) {
    pix_ptr p(pixCreate(image.width, image.height, 8));
    if (!p) return p;
    l_uint32* data = pixGetData(p.get());
    const l_int32 wpl = pixGetWpl(p.get());
    for (std::int32_t y = 0; y < image.height; ++y) {
        l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
        const std::uint8_t* from = image.pixels.data() + static_cast<std::ptrdiff_t>(y) * image.width;
        for (std::int32_t x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, from[x]);
    }
    pixSetResolution(p.get(), static_cast<l_int32>(image.dpi), static_cast<l_int32>(image.dpi));
    return p;
}

/// The Tesseract of this thread, set up for `languages` (loading the language data takes a
/// while: once per thread). nullptr when the data is not installed.
/// `key` is the languages, or `languages|eng` for the Latin model used beside them.
tesseract::TessBaseAPI* engine(const std::string& key) {
    struct loaded_engine {
        std::string key;
        std::unique_ptr<tesseract::TessBaseAPI> api;  ///< nullptr: the data is not installed
    };
    thread_local std::vector<loaded_engine> loaded;
    for (const loaded_engine& e : loaded) {
        if (e.key == key) return e.api.get();
    }
    if (loaded.size() >= 4) loaded.erase(loaded.begin());
    const std::size_t bar = key.find('|');
    const std::string languages = bar == std::string::npos ? key : key.substr(bar + 1);
    auto api = std::make_unique<tesseract::TessBaseAPI>();
    api->SetVariable("debug_file", "/dev/null");  // no warnings on standard error
    if (api->Init(nullptr, languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0) api.reset();
    loaded.push_back({key, std::move(api)});
    return loaded.back().api.get();
}

/// A word as Tesseract read it, in pixels.
struct seen_word {
    std::string text;
    l_int32 x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float confidence = 0;  ///< Tesseract's own type (0-100); rounded to an integer in the cell
};

bool ascii_alnum(char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// The words of one text line joined into runs: words closer than 0.6 of the line's height are
/// one run (a Chinese phrase comes as a word per character or two), with a space only between
/// two ASCII letters or digits set apart; a wider gap starts a new run (the page layout splits
/// text outside tables into cells there).
void add_line(std::vector<seen_word>& line, unsigned dpi, page_input& out) {
    if (line.empty()) return;
    l_int32 height = 0;
    for (const seen_word& w : line) height = std::max(height, w.y1 - w.y0);
    std::sort(line.begin(), line.end(), [](const seen_word& a, const seen_word& b) { return a.x0 < b.x0; });
    std::optional<seen_word> run;
    const auto flush = [&] {
        if (!run || run->text.empty()) return;
        io::layout::word w;
        w.text = std::move(run->text);
        if (!jixiao::detail::utf8::is_valid(w.text)) w.text = jixiao::detail::utf8::replace_invalid(w.text);
        w.bounds = io::box{units(run->x0, dpi), units(run->y0, dpi), units(run->x1, dpi), units(run->y1, dpi)};
        w.font_size = std::max<std::int32_t>(100, units(height, dpi));
        w.confidence = static_cast<std::int16_t>(std::clamp(std::lround(run->confidence), 0L, 100L));
        out.words.push_back(std::move(w));
    };
    for (seen_word& w : line) {
        if (run && w.x0 - run->x1 <= height * 6 / 10) {
            const bool space = ascii_alnum(run->text.back()) && ascii_alnum(w.text.front()) && w.x0 - run->x1 > height / 4;
            if (space) run->text += ' ';
            run->text += w.text;
            run->x1 = std::max(run->x1, w.x1);
            run->y0 = std::min(run->y0, w.y0);
            run->y1 = std::max(run->y1, w.y1);
            run->confidence = std::min(run->confidence, w.confidence);
            continue;
        }
        flush();
        run = std::move(w);
    }
    flush();
    line.clear();
}

/// The words Tesseract reads in a rectangle of the image set in `api`, by text line.
std::vector<std::vector<seen_word>> read_block(tesseract::TessBaseAPI& api, l_int32 x, l_int32 y, l_int32 w, l_int32 h) {
    std::vector<std::vector<seen_word>> lines(1);
    api.SetRectangle(x, y, w, h);
    if (api.Recognize(nullptr) != 0) return {};
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (!it) return {};
    constexpr auto word_level = tesseract::RIL_WORD;
    do {
        if (it->Empty(word_level)) continue;
        const std::unique_ptr<char[]> text(it->GetUTF8Text(word_level));
        if (!text) continue;
        seen_word sw;
        sw.text = text.get();
        sw.text.erase(std::remove_if(sw.text.begin(), sw.text.end(), [](char c) { return c == ' ' || c == '\n'; }),
                      sw.text.end());
        it->BoundingBox(word_level, &sw.x0, &sw.y0, &sw.x1, &sw.y1);
        sw.confidence = it->Confidence(word_level);
        const bool line_end = it->IsAtFinalElement(tesseract::RIL_TEXTLINE, word_level);
        if (!sw.text.empty()) lines.back().push_back(std::move(sw));
        if (line_end && !lines.back().empty()) lines.emplace_back();
    } while (it->Next(word_level));
    if (lines.back().empty()) lines.pop_back();
    return lines;
}

std::string joined(const std::vector<std::vector<seen_word>>& lines) {
    std::string out;
    for (const auto& line : lines)
        for (const seen_word& w : line) out += w.text;
    return out;
}

/// Whether `text` is a figure in ASCII as the Latin model reads it: digits, separators,
/// comparison signs, `%` (no letters).
bool ascii_figure(std::string_view text) {
    bool digit = false;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            digit = true;
        } else if (std::string_view(".,%<>=+-~/()").find(c) == std::string_view::npos) {
            return false;
        }
    }
    return digit;
}

/// Whether `text` has a CJK character other than those the Chinese model reads for signs and
/// digits (一 二 三 王 for `=`, 丨 for `|` or `1`, 了 for `7`, 宇 干 士 于 for `≥` and `+`).
bool has_cjk_word(std::string_view text) {
    static constexpr std::u32string_view sign_like = U"一二三王了丨宇干士于";
    for (std::size_t i = 0; i < text.size();) {
        const jixiao::detail::utf8::decoded d = jixiao::detail::utf8::decode(text, i);
        if (d.length == 0) return true;  // not UTF-8: not a figure either
        if (d.code_point >= 0x2E80 && sign_like.find(d.code_point) == std::u32string_view::npos) return true;
        i += d.length;
    }
    return false;
}

/// The engines a page is read with: the languages asked for, and the Latin model for figures
/// (the Chinese model reads `100%` as `1009%`; the Latin one reads `人` as `A`): a line with a
/// digit is read by both, and the Latin reading is taken when it is a figure and the Chinese one
/// has no Chinese word in it.
struct engines {
    tesseract::TessBaseAPI* text = nullptr;
    tesseract::TessBaseAPI* figures = nullptr;  ///< nullptr: not installed, or the languages have it already
};

/// The bands of rows with ink in a rectangle of a binary image: its lines of text, top to
/// bottom (a band lower than `least` rows is a speck, not text). Each is read as one line:
/// Tesseract repeats or drops characters when it reads a single line as a block.
std::vector<std::pair<l_int32, l_int32>> ink_bands(Pix* binary, l_int32 x0, l_int32 y0, l_int32 x1, l_int32 y1, l_int32 least) {
    std::vector<std::pair<l_int32, l_int32>> bands;
    const l_uint32* data = pixGetData(binary);
    const l_int32 wpl = pixGetWpl(binary);
    l_int32 start = -1;
    l_int32 blank = 0;
    const auto close = [&](l_int32 end) {
        if (start >= 0 && end - start >= least) bands.emplace_back(start, end);
        start = -1;
    };
    for (l_int32 y = y0; y < y1; ++y) {
        const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
        bool ink = false;
        for (l_int32 x = x0; x < x1 && !ink; ++x) ink = GET_DATA_BIT(line, x) != 0;
        if (ink) {
            if (start < 0) start = y;
            blank = 0;
        } else if (start >= 0 && ++blank >= 2) {
            close(y - blank + 1);
        }
    }
    if (start >= 0) close(y1 - blank);
    return bands;
}

/// A sign at the start of a line that neither model can read: `≥` and `≤` are in neither the
/// Chinese nor the Latin model's character set, which read them as `2`, `=`, `三`, `宇` (and
/// `≥90%` as `290%`: a wrong figure). Found by its shape: a chevron (`>`: ink at the left at its
/// top and bottom, at the right in its middle; `<` mirrored) over a bar as wide as the glyph.
struct leading_sign {
    std::string_view sign;   ///< "≥" or "≤"
    l_int32 x0 = 0, y0 = 0;  ///< the glyph's box, in pixels
    l_int32 x1 = 0, y1 = 0;
    l_int32 text_from = 0;   ///< the first column with ink after it: where the rest of the line starts
};

/// The leftmost glyph of the line `[top, bottom)` starting at column `left` (`right` its
/// end), when it is `≥` or `≤`.
std::optional<leading_sign> find_leading_sign(Pix* binary, l_int32 left, l_int32 right, l_int32 top, l_int32 bottom) {
    const l_uint32* data = pixGetData(binary);
    const l_int32 wpl = pixGetWpl(binary);
    const auto ink = [&](l_int32 x, l_int32 y) { return GET_DATA_BIT(data + static_cast<std::ptrdiff_t>(y) * wpl, x) != 0; };
    const l_int32 band = bottom - top;
    if (band < 8) return std::nullopt;
    const auto column_has_ink = [&](l_int32 x) {
        for (l_int32 y = top; y < bottom; ++y) {
            if (ink(x, y)) return true;
        }
        return false;
    };
    // The glyph: the columns with ink from `left` up to the first blank column.
    l_int32 end = left;
    while (end < right && column_has_ink(end)) ++end;
    const l_int32 width = end - left;
    if (end >= right || width < 4 || width > band) return std::nullopt;  // the whole line, or too wide for a sign
    l_int32 y0 = bottom;
    l_int32 y1 = top;
    std::vector<std::pair<l_int32, l_int32>> extent(static_cast<std::size_t>(band), {-1, -1});  // per row: first, last ink
    for (l_int32 y = top; y < bottom; ++y) {
        for (l_int32 x = left; x < end; ++x) {
            if (!ink(x, y)) continue;
            auto& e = extent[static_cast<std::size_t>(y - top)];
            if (e.first < 0) e.first = x - left;
            e.second = x - left;
            y0 = std::min(y0, y);
            y1 = std::max(y1, y + 1);
        }
    }
    const l_int32 height = y1 - y0;
    if (height < band / 3 || height < 6 || width * 3 < height) return std::nullopt;
    // The bar: the lowest rows with ink across (nearly) the whole width, thin.
    const auto row = [&](l_int32 y) { return extent[static_cast<std::size_t>(y - top)]; };
    const auto across = [&](l_int32 y) {
        const auto e = row(y);
        return e.first >= 0 && e.first * 6 <= width && (e.second + 1) * 6 >= width * 5;
    };
    l_int32 bar_top = y1;
    while (bar_top > y0 && across(bar_top - 1)) --bar_top;
    const l_int32 bar = y1 - bar_top;
    if (bar == 0 || bar * 3 > height) return std::nullopt;
    // Above it, the chevron (after the blank rows between, if any).
    l_int32 chevron_bottom = bar_top;
    while (chevron_bottom > y0 && row(chevron_bottom - 1).first < 0) --chevron_bottom;
    const l_int32 chevron = chevron_bottom - y0;
    if (chevron * 2 < height || chevron < 5) return std::nullopt;
    // Where the ink of a row sits: -1 all in the left half, +1 reaching the right edge from the
    // middle on, 0 otherwise; the same mirrored for `<`.
    const auto side = [&](l_int32 y, bool mirrored) {
        auto [a, b] = row(y);
        if (a < 0) return 0;
        if (mirrored) {
            const l_int32 t = width - 1 - b;
            b = width - 1 - a;
            a = t;
        }
        if (b * 2 < width && a * 5 <= width) return -1;  // from the left edge, in the left half
        if (a * 5 >= width * 2 && (b + 1) * 6 >= width * 5) return 1;
        return 0;
    };
    // The far end of the ink moves right down to the middle of the chevron, and back: a stroke
    // standing straight (上, 土) does not.
    const auto far_end = [&](l_int32 y, bool mirrored) {
        const auto [a, b] = row(y);
        return a < 0 ? -1 : (mirrored ? width - 1 - a : b);
    };
    const auto diagonal = [&](l_int32 from, l_int32 to, bool mirrored) {
        const l_int32 step = from < to ? 1 : -1;
        l_int32 last = far_end(from, mirrored);
        const l_int32 first = last;
        for (l_int32 y = from + step; y != to; y += step) {
            const l_int32 e = far_end(y, mirrored);
            if (e < 0 || e + 2 < last) return false;  // a gap, or back to the left
            last = std::max(last, e);
        }
        return (last - first) * 2 >= width;
    };
    for (const bool mirrored : {false, true}) {
        const l_int32 quarter = std::max<l_int32>(1, chevron / 5);
        bool ok = diagonal(y0, y0 + chevron / 2, mirrored) && diagonal(chevron_bottom - 1, y0 + chevron / 2, mirrored);
        for (l_int32 y = y0; y < y0 + quarter && ok; ++y) ok = side(y, mirrored) == -1;                       // top at the left
        for (l_int32 y = chevron_bottom - quarter; y < chevron_bottom && ok; ++y) ok = side(y, mirrored) == -1;  // bottom at the left
        const l_int32 middle = y0 + chevron / 2;
        ok = ok && (side(middle, mirrored) == 1 || side(middle - 1, mirrored) == 1 || side(middle + 1, mirrored) == 1);
        if (!ok) continue;
        l_int32 next = end;
        while (next < right && !column_has_ink(next)) ++next;
        return leading_sign{mirrored ? "≤" : "≥", left, y0, end, y1, next};
    }
    return std::nullopt;
}

/// Reads the lines of text in a rectangle one by one.
void read_lines(const engines& with, Pix* binary, l_int32 x0, l_int32 y0, l_int32 x1, l_int32 y1, unsigned dpi,
                page_input& out) {
    const l_int32 least = std::max<l_int32>(3, static_cast<l_int32>(dpi / 60));
    const l_int32 pad = std::max<l_int32>(2, static_cast<l_int32>(dpi / 25));
    const std::vector<std::pair<l_int32, l_int32>> bands = ink_bands(binary, x0, y0, x1, y1, least);
    for (std::size_t k = 0; k < bands.size(); ++k) {
        const auto [top, bottom] = bands[k];
        // A margin of white around the line, never into the next line (half the gap at most).
        const l_int32 above = k == 0 ? pad : std::min(pad, (top - bands[k - 1].second) / 2);
        const l_int32 below = k + 1 == bands.size() ? pad : std::min(pad, (bands[k + 1].first - bottom) / 2);
        const l_int32 t = std::max(y0, top - above);
        const l_int32 b = std::min(y1, bottom + below);
        // Across the ink only, with a margin: a line of text alone in a wide blank strip (a
        // title over the table) is not found by Tesseract's line finder.
        l_int32 left = x1;
        l_int32 right = x0;
        const l_uint32* data = pixGetData(binary);
        const l_int32 wpl = pixGetWpl(binary);
        for (l_int32 y = top; y < bottom; ++y) {
            const l_uint32* row = data + static_cast<std::ptrdiff_t>(y) * wpl;
            for (l_int32 x = x0; x < left; ++x) {
                if (GET_DATA_BIT(row, x) != 0) left = x;
            }
            for (l_int32 x = x1 - 1; x > right; --x) {
                if (GET_DATA_BIT(row, x) != 0) right = x;
            }
        }
        if (right < left) continue;
        // A `≥` or `≤` first: the rest of the line read without it, the sign put before it.
        const std::optional<leading_sign> sign = find_leading_sign(binary, left, right + 1, top, bottom);
        if (sign) left = sign->text_from;
        const l_int32 l = std::max({x0, left - pad, sign ? sign->x1 : x0});  // none of the sign in the margin
        const l_int32 r = std::min(x1, right + 1 + pad);
        std::vector<std::vector<seen_word>> lines = read_block(*with.text, l, t, r - l, b - t);
        const std::string text = joined(lines);
        if (with.figures != nullptr && std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
            !has_cjk_word(text)) {
            std::vector<std::vector<seen_word>> latin = read_block(*with.figures, l, t, r - l, b - t);
            if (ascii_figure(joined(latin))) lines = std::move(latin);
        }
        if (sign && !lines.empty()) {
            // As sure of the sign as of the word after it (its shape was checked, not read).
            const float confidence = lines.front().empty() ? 0.0F : lines.front().front().confidence;
            lines.front().insert(lines.front().begin(), seen_word{std::string(sign->sign), sign->x0, sign->y0, sign->x1, sign->y1, confidence});
        }
        for (auto& line : lines) add_line(line, dpi, out);
    }
}

/// Segments of the lines in `lines` (a binary image of horizontal or vertical strokes only).
void add_segments(Pix* lines, bool horizontal, l_int32 max_thickness, unsigned dpi, page_input& out) {
    const boxa_ptr boxes(pixConnCompBB(lines, 8));
    if (!boxes) return;
    const l_int32 n = boxaGetCount(boxes.get());
    for (l_int32 i = 0; i < n && out.horizontals.size() + out.verticals.size() < 100000; ++i) {
        l_int32 x = 0, y = 0, w = 0, h = 0;
        if (boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h) != 0) continue;
        if (horizontal) {
            if (h > max_thickness) continue;  // a filled block, not a line
            const std::int32_t at = units(y + h / 2, dpi);
            out.horizontals.push_back({units(x, dpi), at, units(x + w, dpi), at});
        } else {
            if (w > max_thickness) continue;
            const std::int32_t at = units(x + w / 2, dpi);
            out.verticals.push_back({at, units(y, dpi), at, units(y + h, dpi)});
        }
    }
}

/// Reads one grey page image.
result<recognized_page> recognize_grey(Pix* grey, unsigned dpi, const io::read_options& options) {
#if JIXIAO_OCR_OPENMP
    // Tesseract's OpenMP regions ask for threads of their own, which on a small page only spin
    // (three times the CPU time on this machine); the pages run in parallel instead. No nested
    // or top-level region of this thread is active (OMP_THREAD_LIMIT=1 does the same).
    omp_set_num_threads(1);
    omp_set_max_active_levels(0);
#endif
    recognized_page page;
    engines with;
    with.text = engine(options.ocr.languages);
    tesseract::TessBaseAPI* api = with.text;
    if (api == nullptr) {
        return error{errc::reader_unavailable, 0, {},
                     "Tesseract cannot load its language data '" + options.ocr.languages +
                         "' (apt-get install tesseract-ocr-chi-sim tesseract-ocr-eng)"};
    }
    // Tesseract reads best at about 300 dpi (characters 30 pixels high): a coarser image is
    // scaled up first (a 150 dpi render loses most of its figures otherwise).
    pix_ptr scaled;
    if (dpi < 280) {
        // Leptonica takes the scale as a float: image geometry, not a figure of the form.
        const l_float32 factor = 300.0F / static_cast<l_float32>(dpi);
        scaled.reset(pixScaleGrayLI(grey, factor, factor));
        if (scaled) {
            grey = scaled.get();
            page.notes.push_back("a " + std::to_string(dpi) + " dpi image: scaled to 300 dpi for OCR");
            dpi = 300;
        }
    }
    // Straightened: a scan is rarely square to the page.
    l_float32 angle = 0;
    l_float32 confidence = 0;
    pix_ptr straight(pixDeskewGeneral(grey, 0, 0.0F, 0.0F, 0, 0, &angle, &confidence));
    if (!straight) straight.reset(pixClone(grey));
    if (std::fabs(angle) >= 0.05F && confidence > 0) {
        char text[64];
        std::snprintf(text, sizeof text, "%.2f", static_cast<double>(angle));
        page.notes.push_back(std::string("the image straightened by ") + text + " degrees");
    }
    // Binarised against the local background (Sauvola): shading, blur and JPEG noise.
    const l_int32 window = std::max<l_int32>(7, static_cast<l_int32>(dpi / 12));
    Pix* binary_raw = nullptr;
    if (pixSauvolaBinarizeTiled(straight.get(), window, 0.34F, 1, 1, nullptr, &binary_raw) != 0 || binary_raw == nullptr) {
        return error{errc::invalid_document, 0, {}, "the image cannot be binarised (too small?)"};
    }
    const pix_ptr binary(binary_raw);
    const l_int32 width = pixGetWidth(binary.get());
    const l_int32 height = pixGetHeight(binary.get());
    page.input.height = units(height, dpi);

    // Ruling lines: long thin runs of black, horizontal and vertical.
    const l_int32 long_h = std::max<l_int32>(20, static_cast<l_int32>(dpi / 4));
    const l_int32 long_v = std::max<l_int32>(16, static_cast<l_int32>(dpi / 5));
    const pix_ptr hor(pixOpenBrick(nullptr, binary.get(), long_h, 1));
    const pix_ptr ver(pixOpenBrick(nullptr, binary.get(), 1, long_v));
    if (!hor || !ver) return error{errc::invalid_document, 0, {}, "the image cannot be read for lines"};
    const l_int32 thick = std::max<l_int32>(4, static_cast<l_int32>(dpi / 15));
    add_segments(hor.get(), true, thick, dpi, page.input);
    add_segments(ver.get(), false, thick, dpi, page.input);
    // The lines taken out of the image, so that they are not read as characters (一, 丨, 1).
    const pix_ptr lines(pixOr(nullptr, hor.get(), ver.get()));
    const pix_ptr fat(pixDilateBrick(nullptr, lines.get(), 3, 3));
    const pix_ptr text(pixSubtract(nullptr, binary.get(), fat.get()));
    if (!text) return error{errc::invalid_document, 0, {}, "the image cannot be cleaned of its lines"};

    if (options.ocr.languages.find("eng") == std::string::npos) with.figures = engine(options.ocr.languages + "|eng");
    const auto set_image = [&](Pix* image) {
        for (tesseract::TessBaseAPI* e : {with.text, with.figures}) {
            if (e == nullptr) continue;
            e->SetImage(image);
            e->SetSourceResolution(static_cast<int>(dpi));  // SetImage forgets it
        }
    };
    for (tesseract::TessBaseAPI* e : {with.text, with.figures}) {
        if (e != nullptr) e->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
    }
    set_image(text.get());
    // Each table cell on its own: a cell is a block of text, never joined with its neighbours;
    // its whole box (text may touch a line: the lines are out of the image already).
    const l_int32 least = std::max<l_int32>(6, static_cast<l_int32>(dpi / 30));
    std::size_t cells = 0;
    std::size_t unread_cells = 0;  ///< ink found, no text read
    for (const io::box& b : io::layout::cell_regions(page.input)) {
        const l_int32 x0 = std::max<l_int32>(0, pixels(b.x0, dpi));
        const l_int32 y0 = std::max<l_int32>(0, pixels(b.y0, dpi));
        const l_int32 x1 = std::min<l_int32>(width, pixels(b.x1, dpi));
        const l_int32 y1 = std::min<l_int32>(height, pixels(b.y1, dpi));
        if (x1 - x0 < least || y1 - y0 < least) continue;
        const box_ptr area(boxCreate(x0, y0, x1 - x0, y1 - y0));
        l_int32 ink = 0;
        if (pixCountPixelsInRect(text.get(), area.get(), &ink, nullptr) != 0 || ink < least * 2) continue;  // blank
        ++cells;
        const std::size_t before = page.input.words.size();
        read_lines(with, text.get(), x0, y0, x1, y1, dpi, page.input);
        if (page.input.words.size() == before) {
            // Ink in the cell and nothing read line by line: the cell as one block, and if that
            // reads nothing either, an empty word of confidence 0, so that the cell is marked
            // for review (a figure lost under a stamp is never silently empty).
            std::vector<std::vector<seen_word>> block;
            api->SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
            block = read_block(*api, x0, y0, x1 - x0, y1 - y0);
            api->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
            for (auto& line : block) add_line(line, dpi, page.input);
            if (page.input.words.size() == before && !ink_bands(text.get(), x0, y0, x1, y1, least / 2).empty()) {
                io::layout::word unread;
                unread.bounds = io::box{units(x0, dpi), units(y0, dpi), units(x1, dpi), units(y1, dpi)};
                unread.font_size = std::max<std::int32_t>(100, units(y1 - y0, dpi) / 2);
                unread.confidence = 0;
                page.input.words.push_back(std::move(unread));
                ++unread_cells;
            }
        }
    }
    // The text outside the tables (title, year, unit line), the tables blanked out.
    const pix_ptr outside(pixCopy(nullptr, text.get()));
    for (const io::box& b : io::layout::table_bounds(page.input)) {
        const box_ptr area(boxCreate(pixels(b.x0, dpi) - 4, pixels(b.y0, dpi) - 4, pixels(b.x1 - b.x0, dpi) + 8,
                                     pixels(b.y1 - b.y0, dpi) + 8));
        pixClearInRect(outside.get(), area.get());
    }
    l_int32 ink = 0;
    pixCountPixels(outside.get(), &ink, nullptr);
    if (ink > least * 2) {
        set_image(outside.get());
        read_lines(with, outside.get(), 0, 0, width, height, dpi, page.input);
    }
    for (tesseract::TessBaseAPI* e : {with.text, with.figures}) {
        if (e != nullptr) e->Clear();
    }
    page.notes.push_back("OCR read " + std::to_string(page.input.words.size() - unread_cells) + " words (" +
                         std::to_string(cells) + " table cells recognised one by one" +
                         (unread_cells == 0 ? std::string()
                                            : ", " + std::to_string(unread_cells) + " with ink but no text read: marked") +
                         ")");
    return page;
}

result<recognized_page> recognize_image(const io::layout::page_image& image, const io::read_options& options) {
    if (image.width <= 0 || image.height <= 0 ||
        static_cast<std::uint64_t>(image.width) * static_cast<std::uint64_t>(image.height) != image.pixels.size()) {
        return error{errc::invalid_document, 0, {}, "a page image with no pixels"};
    }
    const pix_ptr grey = to_pix(image);
    if (!grey) return error{errc::invalid_document, 0, {}, "a page image that cannot be made"};
    return recognize_grey(grey.get(), image.dpi, options);
}

bool is_tiff(l_int32 format) noexcept { return format >= IFF_TIFF && format <= IFF_TIFF_JPEG; }

/// The pages of a TIFF file (0 when they cannot be counted): the total of the progress bar.
std::size_t tiff_pages(std::string_view bytes) {
    // Leptonica counts the directories of a stream; the bytes are read through one in memory.
    FILE* stream = ::fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "rb");
    if (stream == nullptr) return 0;
    l_int32 n = 0;
    if (tiffGetCount(stream, &n) != 0) n = 0;
    std::fclose(stream);
    return static_cast<std::size_t>(std::max<l_int32>(n, 0));
}

/// A page of an image file as 8-bit grey: the red channel of a colour page (a red stamp over
/// the table drops out, black and blue ink stay), a palette resolved, bits widened.
pix_ptr grey_of(Pix* page, bool& colour) {
    pix_ptr flat(pixGetColormap(page) != nullptr ? pixRemoveColormap(page, REMOVE_CMAP_BASED_ON_SRC) : pixClone(page));
    if (!flat) return flat;
    colour = pixGetDepth(flat.get()) == 32;
    if (colour) return pix_ptr(pixGetRGBComponent(flat.get(), COLOR_RED));
    return pix_ptr(pixConvertTo8(flat.get(), 0));
}

}  // namespace

result<io::grid> read_image(std::string_view bytes, const io::read_options& options) {
    if (bytes.size() > options.max_bytes) {
        return error{errc::limit_exceeded, options.max_bytes, {},
                     "the input holds " + std::to_string(bytes.size()) + " bytes, more than the limit of " +
                         std::to_string(options.max_bytes) + " bytes"};
    }
    const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
    l_int32 format = 0, width = 0, height = 0, bps = 0, spp = 0, cmap = 0;
    if (pixReadHeaderMem(data, bytes.size(), &format, &width, &height, &bps, &spp, &cmap) != 0 || width <= 0 || height <= 0) {
        return error{errc::invalid_document, 0, {}, "not an image that can be read (damaged, or not PNG, JPEG or TIFF)"};
    }
    const auto too_big = [&](l_int32 pw, l_int32 ph, std::size_t page) -> std::optional<error> {
        if (static_cast<std::uint64_t>(pw) * static_cast<std::uint64_t>(ph) <= options.ocr.max_pixels) return std::nullopt;
        return limit("page " + std::to_string(page) + ": an image of " + std::to_string(pw) + " x " + std::to_string(ph) +
                     " pixels, more than the limit of " + std::to_string(options.ocr.max_pixels) + " pixels");
    };
    if (auto e = too_big(width, height, 1)) return *e;
    // Pages decoded a batch at a time (one per job: a 300 dpi colour page is 35 MB), recognised
    // in parallel, laid out in order.
    const bool tiff = is_tiff(format);
    std::size_t offset = 0;
    bool done = false;
    const auto next_page = [&]() -> pix_ptr {
        if (done) return nullptr;
        if (!tiff) {
            done = true;
            return pix_ptr(pixReadMem(data, bytes.size()));
        }
        pix_ptr p(pixReadMemFromMultipageTiff(data, bytes.size(), &offset));
        if (!p || offset == 0) done = true;  // offset 0: that was the last page
        return p;
    };
    struct page_work {
        pix_ptr grey;
        unsigned dpi = 300;
        std::vector<std::string> notes;
        std::optional<result<recognized_page>> seen;
    };
    const std::size_t jobs = jixiao::detail::thread_count(options.ocr.jobs);
    io::layout::page_progress progress(options.ocr.progress, tiff ? tiff_pages(bytes) : 1);
    io::layout::paged_grid out(io::grid_format::image, options);
    std::size_t with_text = 0;
    std::size_t number = 0;
    while (!done) {
        std::vector<page_work> work;
        while (work.size() < jobs && !done) {
            pix_ptr page = next_page();
            if (!page) {
                if (number == 0 && work.empty()) {
                    return error{errc::invalid_document, 0, {}, "an image that cannot be decoded (damaged or truncated)"};
                }
                break;
            }
            const std::size_t n = number + work.size() + 1;
            if (n > options.max_pages) {
                return limit("the image has more than " + std::to_string(options.max_pages) + " pages (the limit)");
            }
            if (auto e = too_big(pixGetWidth(page.get()), pixGetHeight(page.get()), n)) return *e;
            page_work& w = work.emplace_back();
            bool colour = false;
            w.grey = grey_of(page.get(), colour);
            if (!w.grey) return error{errc::invalid_document, 0, {}, "page " + std::to_string(n) + ": cannot be made grey"};
            if (colour) w.notes.push_back("a colour scan: read in its red channel (a red stamp drops out)");
            const l_int32 xres = pixGetXRes(page.get());
            if (xres >= 50 && xres <= 1200) {
                w.dpi = static_cast<unsigned>(xres);
            } else {
                // No resolution in the file: the page taken for A4 (its long side 11.69 in).
                const l_int32 longest = std::max(pixGetWidth(page.get()), pixGetHeight(page.get()));
                w.dpi = static_cast<unsigned>(std::clamp<l_int32>(longest * 100 / 1169, 72, 1200));
                w.notes.push_back("no resolution in the file: taken as " + std::to_string(w.dpi) + " dpi (an A4 page)");
            }
        }
        jixiao::detail::parallel_for(work.size(), jobs, [&](std::size_t i) {
            work[i].seen = recognize_grey(work[i].grey.get(), work[i].dpi, options);
            work[i].grey.reset();
            progress.page_done();
        });
        for (page_work& w : work) {
            const int page_number = static_cast<int>(++number);
            result<recognized_page>& seen = *w.seen;
            if (!seen.has_value()) return seen.error();
            for (std::string& n : w.notes) out.note("page " + std::to_string(page_number) + ": " + std::move(n));
            for (std::string& n : seen->notes) out.note("page " + std::to_string(page_number) + ": " + std::move(n));
            if (seen->input.words.empty()) {
                out.note("page " + std::to_string(page_number) + ": no text found by OCR (a blank page or a picture)");
                out.skip_page(page_number, false);
                continue;
            }
            ++with_text;
            // Upright already (straightened): the width is not needed to turn it.
            if (auto e = out.add_page(page_number, std::move(seen->input), 0, 0, "no table with ruling lines in the image")) {
                return *e;
            }
        }
    }
    if (with_text == 0) return error{errc::no_text_layer, 0, {}, "OCR found no text in the image"};
    out.note("read by OCR (Tesseract " + std::string(tesseract::TessBaseAPI::Version()) + ", " + options.ocr.languages +
             "): cells below confidence " + std::to_string(options.ocr.low_confidence) + " are marked");
    return std::move(out).take();
}

void register_reader() noexcept {
    setMsgSeverity(L_SEVERITY_NONE);  // Leptonica's messages on damaged input: errors say it
    io::register_reader(io::grid_format::image, &read_image);
    io::layout::register_page_recognizer(&recognize_image);
}

}  // namespace jixiao::ocr
