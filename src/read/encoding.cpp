// encoding.cpp — bytes to UTF-8 (BOM, GB18030, UTF-16 via iconv) and reading files.
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <iconv.h>

#include <jixiao/detail/utf8.hpp>
#include <jixiao/io/grid.hpp>

#include "read/grid_internal.hpp"

namespace jixiao::io {
namespace {

namespace utf8 = jixiao::detail::utf8;

/// Text that shows this many valid multi-byte UTF-8 characters before its first bad byte is
/// taken to be damaged UTF-8, not GB18030 (GB18030 Chinese text almost never forms even one).
constexpr std::size_t utf8_evidence = 4;

/// Owns an iconv descriptor.
class iconv_handle {
public:
    iconv_handle(const char* to, const char* from) : cd_(iconv_open(to, from)) {}
    ~iconv_handle() {
        if (ok()) iconv_close(cd_);
    }
    iconv_handle(const iconv_handle&) = delete;
    iconv_handle& operator=(const iconv_handle&) = delete;
    [[nodiscard]] bool ok() const noexcept { return cd_ != reinterpret_cast<iconv_t>(-1); }  // NOLINT
    [[nodiscard]] iconv_t get() const noexcept { return cd_; }

private:
    iconv_t cd_;
};

/// Converts `bytes` from `encoding` to UTF-8; on failure the error carries the offset of the
/// first byte iconv could not convert.
result<std::string> convert(std::string_view bytes, const char* encoding) {
    iconv_handle cd("UTF-8", encoding);
    if (!cd.ok()) {
        return error{errc::encoding_error, 0, {},
                     std::string("this system's iconv cannot convert from ") + encoding};
    }
    std::string out;
    out.resize(bytes.size() + bytes.size() / 2 + 16);
    // iconv's interface takes char** for its input; it does not write through it.
    char* in_ptr = const_cast<char*>(bytes.data());  // NOLINT
    std::size_t in_left = bytes.size();
    std::size_t out_used = 0;
    while (in_left > 0) {
        char* out_ptr = out.data() + out_used;
        std::size_t out_left = out.size() - out_used;
        const std::size_t rc = iconv(cd.get(), &in_ptr, &in_left, &out_ptr, &out_left);
        out_used = out.size() - out_left;
        if (rc != static_cast<std::size_t>(-1)) continue;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        const auto offset = static_cast<std::size_t>(in_ptr - bytes.data());
        const char* why = errno == EINVAL ? "an incomplete multi-byte sequence at the end"
                                          : "a byte sequence that is not valid";
        return error{errc::encoding_error, offset, {},
                     std::string("not valid ") + encoding + ": " + why + " at byte " +
                         std::to_string(offset)};
    }
    out.resize(out_used);
    return out;
}

}  // namespace

namespace detail {

/// `utf8::first_invalid`, with the three-byte sequences of Chinese text checked inline: the
/// same answer (E1..EC and EE..EF followed by two continuation bytes are always valid; every
/// other multi-byte sequence goes through `utf8::decode`).
std::size_t first_invalid_utf8(std::string_view text) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());  // NOLINT: bytes
    const std::size_t size = text.size();
    std::size_t pos = 0;
    while (pos < size) {
        if (size - pos >= 8) {
            std::uint64_t chunk = 0;
            std::memcpy(&chunk, p + pos, 8);
            if ((chunk & 0x8080808080808080ULL) == 0) {
                pos += 8;
                continue;
            }
        }
        const unsigned char b0 = p[pos];
        if (b0 < 0x80U) {
            ++pos;
            continue;
        }
        if (((b0 >= 0xE1U && b0 <= 0xECU) || b0 >= 0xEEU) && b0 <= 0xEFU && size - pos >= 3 &&
            utf8::is_continuation(p[pos + 1]) && utf8::is_continuation(p[pos + 2])) {
            pos += 3;
            continue;
        }
        const utf8::decoded d = utf8::decode(text, pos);
        if (d.length == 0) return pos;
        pos += d.length;
    }
    return std::string_view::npos;
}


result<std::string> to_utf8_noted(std::string_view bytes, std::vector<std::string>* notes) {
    const auto add_note = [notes](std::string text) {
        if (notes != nullptr) notes->push_back(std::move(text));
    };
    if (utf8::has_bom(bytes)) {
        const std::string_view rest = bytes.substr(utf8::bom.size());
        const std::size_t bad = utf8::first_invalid(rest);
        if (bad != std::string_view::npos) {
            const std::size_t offset = bad + utf8::bom.size();
            return error{errc::invalid_utf8, offset, {},
                         "the text starts with a UTF-8 byte order mark but byte " +
                             std::to_string(offset) + " is not valid UTF-8"};
        }
        add_note("removed the UTF-8 byte order mark (offsets count from the byte after it)");
        return std::string(rest);
    }
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        const bool little = bytes[0] == '\xFF';
        const char* name = little ? "UTF-16LE" : "UTF-16BE";
        auto converted = convert(bytes.substr(2), name);
        if (!converted) {
            error e = converted.error();
            e.offset += 2;
            e.message = "the text starts with a " + std::string(name) + " byte order mark but is " +
                        e.message;
            return e;
        }
        add_note(std::string("converted from ") + name + " (offsets count in the UTF-8 text)");
        return converted;
    }
    const std::size_t bad = first_invalid_utf8(bytes);
    if (bad == std::string_view::npos) return std::string(bytes);

    const std::string utf8_message = "byte " + std::to_string(bad) + " is not valid UTF-8";
    if (utf8::count_multibyte(bytes, bad) >= utf8_evidence) {
        return error{errc::invalid_utf8, bad, {},
                     utf8_message + " (the text before it is UTF-8, so it is not read as GB18030)"};
    }
    auto converted = convert(bytes, "GB18030");
    if (!converted) {
        return error{errc::invalid_utf8, bad, {},
                     utf8_message + ", and the text is not GB18030/GBK either (" +
                         converted.error().message + ")"};
    }
    add_note("converted from GB18030 (offsets count in the UTF-8 text)");
    return converted;
}

}  // namespace detail

result<std::string> to_utf8(std::string_view bytes) { return detail::to_utf8_noted(bytes, nullptr); }

result<std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        return error{errc::io_error, 0, path.string(), "is a directory, not a file"};
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return error{errc::io_error, 0, path.string(), "cannot open the file for reading"};
    }
    std::string out;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec) {
        if (size > max_bytes) {
            return error{errc::limit_exceeded, 0, path.string(),
                         "the file holds " + std::to_string(size) + " bytes, more than the limit of " +
                             std::to_string(max_bytes) + " bytes"};
        }
        out.reserve(static_cast<std::size_t>(size));
    }
    // Read in chunks (also for files whose size is not known in advance, e.g. pipes).
    std::vector<char> buffer(1u << 16);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (out.size() + got > max_bytes) {
            return error{errc::limit_exceeded, max_bytes, path.string(),
                         "the file holds more than the limit of " + std::to_string(max_bytes) + " bytes"};
        }
        out.append(buffer.data(), got);
    }
    if (in.bad()) {
        return error{errc::io_error, out.size(), path.string(), "read error"};
    }
    return out;
}

}  // namespace jixiao::io
