// export_stream.cpp — the temporary file that holds the per-form parts of a streamed export
// until its head is known (export_stream.hpp; the writers live beside their batch exporters).
#include <jixiao/io/export_stream.hpp>

#include <array>
#include <cstdio>
#include <optional>
#include <ostream>
#include <string_view>

namespace jixiao::io {

spill_file::spill_file() : file_(std::tmpfile()) { failed_ = file_ == nullptr; }

spill_file::~spill_file() {
    if (file_ != nullptr) std::fclose(file_);
}

void spill_file::write(std::string_view text) {
    if (failed_ || text.empty()) return;
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) failed_ = true;
}

std::optional<error> spill_file::copy_to(std::ostream& out) {
    if (failed_ || std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) {
        return error{errc::io_error, 0, {}, "the temporary file of a streamed export failed (disk full?)"};
    }
    std::array<char, 1 << 16> buffer{};
    std::size_t got = 0;
    while ((got = std::fread(buffer.data(), 1, buffer.size(), file_)) > 0) out.write(buffer.data(), static_cast<std::streamsize>(got));
    if (std::ferror(file_) != 0) return error{errc::io_error, 0, {}, "reading back the temporary file of a streamed export failed"};
    return std::nullopt;
}

}  // namespace jixiao::io
