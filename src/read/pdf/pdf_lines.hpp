// pdf_lines.hpp — the ruling lines drawn on each page (poppler's core API: an OutputDev that
// records stroked and thin filled paths). Built only when libpoppler-private-dev is there.
#pragma once

#include <memory>
#include <string_view>

#include "read/page_layout.hpp"

namespace jixiao::pdf::detail {

/// Opens the document once more with poppler's core API and hands out each page's lines.
class ruling_lines {
public:
    /// `bytes` must outlive this object.
    explicit ruling_lines(std::string_view bytes);
    ~ruling_lines();
    ruling_lines(const ruling_lines&) = delete;
    ruling_lines& operator=(const ruling_lines&) = delete;

    /// Whether the document opened (if not, pages get no lines: alignment only).
    [[nodiscard]] bool ok() const noexcept;
    /// Adds the horizontal and vertical segments drawn on 1-based page `page` to `out`.
    void read_page(int page, io::layout::page_input& out);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace jixiao::pdf::detail
