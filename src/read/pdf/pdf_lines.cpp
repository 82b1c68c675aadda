// pdf_lines.cpp — ruling lines through poppler's core API (see pdf_lines.hpp).
//
// Tables printed from Excel, Word, LibreOffice or a browser draw their borders either as stroked
// paths (`m`/`l`/`re` + `S`) or as thin filled rectangles (`re` + `f`, what Skia/Chromium does).
// An OutputDev sees both after the content stream, form XObjects and the CTM have been applied,
// which a hand-written content stream scanner would have to redo.
#include "pdf_lines.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

#include <GfxState.h>
#include <Object.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Stream.h>

namespace jixiao::pdf::detail {

using io::layout::page_input;
using io::layout::segment;
namespace {

constexpr double max_coordinate = 2.0e7;  // 200,000 pt in 1/100 pt: far beyond any page

/// 1/100 pt from points, rounded once; false for coordinates that are not finite or absurd.
bool to_units(double points, std::int32_t& out) noexcept {
    const double v = std::round(points * 100.0);
    if (!std::isfinite(v) || v > max_coordinate || v < -max_coordinate) return false;
    out = static_cast<std::int32_t>(v);
    return true;
}

class line_collector final : public OutputDev {
public:
    explicit line_collector(page_input& out) : out_(out) {}

    bool upsideDown() override { return true; }
    bool useDrawChar() override { return false; }
    bool interpretType3Chars() override { return false; }
    bool needNonText() override { return true; }

    void stroke(GfxState* state) override { collect(state, false); }
    void fill(GfxState* state) override { collect(state, true); }
    void eoFill(GfxState* state) override { collect(state, true); }

private:
    void add(double x0, double y0, double x1, double y1) {
        std::int32_t a = 0, b = 0, c = 0, d = 0;
        if (!to_units(x0, a) || !to_units(y0, b) || !to_units(x1, c) || !to_units(y1, d)) return;
        if (b == d) {
            out_.horizontals.push_back({std::min(a, c), b, std::max(a, c), b});
        } else {
            out_.verticals.push_back({a, std::min(b, d), a, std::max(b, d)});
        }
    }

    void collect(GfxState* state, bool filled) {
        const GfxPath* path = state->getPath();
        if (path == nullptr) return;
        if (out_.horizontals.size() + out_.verticals.size() > max_segments) return;  // bounded
        for (int i = 0; i < path->getNumSubpaths(); ++i) {
            const GfxSubpath* sub = path->getSubpath(i);
            const int n = sub->getNumPoints();
            if (n < 2) continue;
            if (filled) {
                // A thin filled shape is a line: its long axis through its middle.
                double x0 = 0, y0 = 0;
                state->transform(sub->getX(0), sub->getY(0), &x0, &y0);
                double x1 = x0, y1 = y0;
                for (int k = 1; k < n; ++k) {
                    double x = 0, y = 0;
                    state->transform(sub->getX(k), sub->getY(k), &x, &y);
                    x0 = std::min(x0, x);
                    x1 = std::max(x1, x);
                    y0 = std::min(y0, y);
                    y1 = std::max(y1, y);
                }
                const double w = x1 - x0;
                const double h = y1 - y0;
                if (h <= thin && w >= minimum && w > 2 * h) add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
                else if (w <= thin && h >= minimum && h > 2 * w) add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
                continue;
            }
            double px = 0, py = 0;
            state->transform(sub->getX(0), sub->getY(0), &px, &py);
            for (int k = 1; k < n; ++k) {
                double x = 0, y = 0;
                state->transform(sub->getX(k), sub->getY(k), &x, &y);
                const bool curve = sub->getCurve(k) || sub->getCurve(k - 1);
                if (!curve) {
                    if (std::abs(y - py) <= straight && std::abs(x - px) >= minimum) add(px, (y + py) / 2, x, (y + py) / 2);
                    else if (std::abs(x - px) <= straight && std::abs(y - py) >= minimum) add((x + px) / 2, py, (x + px) / 2, y);
                }
                px = x;
                py = y;
            }
        }
    }

    static constexpr double thin = 3.0;      ///< pt: a filled shape at most this thick is a line
    static constexpr double minimum = 1.0;   ///< pt: shorter segments are not ruling lines
    static constexpr double straight = 0.5;  ///< pt: slant allowed in a horizontal or vertical line
    static constexpr std::size_t max_segments = 200000;  ///< per page
    page_input& out_;
};

}  // namespace

struct ruling_lines::impl {
    std::unique_ptr<PDFDoc> doc;
};

ruling_lines::ruling_lines(std::string_view bytes) : impl_(std::make_unique<impl>()) {
    // The stream does not own the bytes; PDFDoc owns the stream.
    auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
    impl_->doc = std::make_unique<PDFDoc>(stream);
}

ruling_lines::~ruling_lines() = default;

bool ruling_lines::ok() const noexcept { return impl_->doc && impl_->doc->isOk(); }

void ruling_lines::read_page(int page, page_input& out) {
    if (!ok() || page < 1 || page > impl_->doc->getNumPages()) return;
    line_collector collector(out);
    // The same transformation as poppler-cpp's text_list(): 72 dpi, crop box, no extra rotation.
    impl_->doc->displayPageSlice(&collector, page, 72, 72, 0, false, false, false, -1, -1, -1, -1);
}

}  // namespace jixiao::pdf::detail
