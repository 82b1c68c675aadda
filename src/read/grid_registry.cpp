// grid_registry.cpp — readers that live outside the core library (the PDF reader of jixiao::pdf,
// the OCR reader of jixiao::ocr) plug in here, and read_grid / import_text route binary documents
// to them; the OCR reader's page recogniser plugs in here too, for the PDF reader's image pages.
#include <array>
#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>

#include "read/grid_internal.hpp"
#include "read/page_grid.hpp"

namespace jixiao::io {
namespace {

/// One slot per format (the enum is small and dense); atomics, so registering from one thread
/// while another reads is safe.
std::array<std::atomic<document_reader>, 16>& slots() noexcept {
    static std::array<std::atomic<document_reader>, 16> table{};
    return table;
}

std::atomic<layout::page_recognizer>& recognizer_slot() noexcept {
    static std::atomic<layout::page_recognizer> slot{nullptr};
    return slot;
}

}  // namespace

void layout::register_page_recognizer(page_recognizer recognizer) noexcept {
    recognizer_slot().store(recognizer, std::memory_order_release);
}

layout::page_recognizer layout::registered_page_recognizer() noexcept {
    return recognizer_slot().load(std::memory_order_acquire);
}

void register_reader(grid_format format, document_reader reader) noexcept {
    const auto i = static_cast<std::size_t>(format);
    if (i < slots().size()) slots()[i].store(reader, std::memory_order_release);
}

document_reader registered_reader(grid_format format) noexcept {
    const auto i = static_cast<std::size_t>(format);
    return i < slots().size() ? slots()[i].load(std::memory_order_acquire) : nullptr;
}

namespace detail {

bool is_pdf(std::string_view bytes) noexcept { return bytes.starts_with("%PDF-"); }

bool is_image(std::string_view bytes) noexcept {
    return !image_kind(bytes).empty() && registered_reader(grid_format::image) != nullptr;
}

bool is_binary_document(std::string_view bytes, std::optional<grid_format> format) noexcept {
    if (format) return *format == grid_format::pdf || *format == grid_format::image;
    return is_pdf(bytes) || is_image(bytes);
}

result<grid> read_binary_document(std::string_view bytes, std::optional<grid_format> format,
                                  const read_options& options) {
    const grid_format f = format.value_or(is_image(bytes) ? grid_format::image : grid_format::pdf);
    if (bytes.size() > options.max_bytes) {
        return error{errc::limit_exceeded, options.max_bytes, {},
                     "the input holds " + std::to_string(bytes.size()) + " bytes, more than the limit of " +
                         std::to_string(options.max_bytes) + " bytes"};
    }
    const document_reader reader = registered_reader(f);
    if (reader == nullptr) {
        if (f == grid_format::image) {
            return error{errc::reader_unavailable, 0, {},
                         "an image (a scan): this build has no OCR reader (built without Tesseract; see README)"};
        }
        return error{errc::reader_unavailable, 0, {},
                     "a PDF file: this build has no PDF reader (built without poppler; see README)"};
    }
    if (f == grid_format::image && options.ocr.mode == ocr_mode::never) {
        const std::string_view kind = image_kind(bytes);
        return error{errc::no_text_layer, 0, {},
                     (kind.empty() ? std::string("an") : "a " + std::string(kind)) +
                         " image (a scan): OCR is turned off (--ocr never)"};
    }
    result<grid> g = reader(bytes, options);
    if (g && !format) g->notes.insert(g->notes.begin(), "format detected from the content: " + std::string(to_string(f)));
    return g;
}

}  // namespace detail
}  // namespace jixiao::io
