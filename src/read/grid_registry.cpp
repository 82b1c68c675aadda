// grid_registry.cpp — readers that live outside the core library (the PDF reader of jixiao::pdf)
// plug in here, and read_grid / import_text route binary documents to them.
#include <array>
#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>

#include "read/grid_internal.hpp"

namespace jixiao::io {
namespace {

/// One slot per format (the enum is small and dense); atomics, so registering from one thread
/// while another reads is safe.
std::array<std::atomic<document_reader>, 16>& slots() noexcept {
    static std::array<std::atomic<document_reader>, 16> table{};
    return table;
}

}  // namespace

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

bool is_binary_document(std::string_view bytes, std::optional<grid_format> format) noexcept {
    return format ? *format == grid_format::pdf : is_pdf(bytes);
}

result<grid> read_binary_document(std::string_view bytes, std::optional<grid_format> format,
                                  const read_options& options) {
    const grid_format f = format.value_or(grid_format::pdf);
    if (bytes.size() > options.max_bytes) {
        return error{errc::limit_exceeded, options.max_bytes, {},
                     "the input holds " + std::to_string(bytes.size()) + " bytes, more than the limit of " +
                         std::to_string(options.max_bytes) + " bytes"};
    }
    const document_reader reader = registered_reader(f);
    if (reader == nullptr) {
        return error{errc::reader_unavailable, 0, {},
                     "a PDF file: this build has no PDF reader (built without poppler; see README)"};
    }
    result<grid> g = reader(bytes, options);
    if (g && !format) g->notes.insert(g->notes.begin(), "format detected from the content: " + std::string(to_string(f)));
    return g;
}

}  // namespace detail
}  // namespace jixiao::io
