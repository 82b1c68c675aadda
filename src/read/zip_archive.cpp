// zip_archive.cpp — a ZIP archive in memory (libzip), read under the byte limits: the declared
// size of a part is checked before it is read, and no more than that many bytes are taken.
#include <zip.h>

#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "read/office_internal.hpp"

namespace jixiao::io::detail {

namespace {

std::string zip_message(int code) {
    zip_error_t e;
    zip_error_init_with_code(&e, code);
    std::string out = zip_error_strerror(&e);
    zip_error_fini(&e);
    return out;
}

std::string archive_message(zip_t* za) {
    zip_error_t* e = zip_get_error(za);
    return e == nullptr ? std::string("unknown error") : std::string(zip_error_strerror(e));
}

}  // namespace

container_kind sniff_container(std::string_view bytes) noexcept {
    if (bytes.starts_with(std::string_view("PK\x03\x04", 4)) || bytes.starts_with(std::string_view("PK\x05\x06", 4))) {
        return container_kind::zip;
    }
    if (bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) return container_kind::ole2;
    return container_kind::none;
}

struct zip_archive::impl {
    zip_t* za = nullptr;
    std::size_t budget = 0;  // bytes that may still be read from the archive
    std::size_t input_size = 0;

    impl() = default;
    impl(const impl&) = delete;
    impl& operator=(const impl&) = delete;
    ~impl() {
        if (za != nullptr) zip_discard(za);
    }
};

zip_archive::zip_archive(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
zip_archive::zip_archive(zip_archive&&) noexcept = default;
zip_archive& zip_archive::operator=(zip_archive&&) noexcept = default;
zip_archive::~zip_archive() = default;

result<zip_archive> zip_archive::open(std::string_view bytes, std::string kind, const read_options& options) {
    if (bytes.size() > options.max_bytes) {
        return error{errc::limit_exceeded, options.max_bytes, {},
                     "the " + kind + " file holds " + std::to_string(bytes.size()) + " bytes, more than the limit of " +
                         std::to_string(options.max_bytes) + " bytes"};
    }
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src == nullptr) {
        std::string m = zip_error_strerror(&err);
        zip_error_fini(&err);
        return error{errc::corrupt_file, 0, {}, "cannot read the " + kind + " file as a ZIP archive: " + m};
    }
    zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (za == nullptr) {
        zip_source_free(src);
        const int code = zip_error_code_zip(&err);
        zip_error_fini(&err);
        return error{errc::corrupt_file, 0, {},
                     "the " + kind + " file is not a readable ZIP archive (truncated or corrupt?): " + zip_message(code)};
    }
    zip_error_fini(&err);
    auto p = std::make_unique<impl>();
    p->za = za;
    p->budget = options.max_bytes;
    p->input_size = bytes.size();
    zip_archive out(std::move(p));
    out.kind_ = std::move(kind);
    return out;
}

bool zip_archive::contains(std::string_view name) const {
    const std::string n(name);
    return zip_name_locate(impl_->za, n.c_str(), 0) >= 0;
}

std::vector<std::string> zip_archive::names() const {
    std::vector<std::string> out;
    const zip_int64_t n = zip_get_num_entries(impl_->za, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        const char* name = zip_get_name(impl_->za, static_cast<zip_uint64_t>(i), 0);
        if (name != nullptr) out.emplace_back(name);
    }
    return out;
}

result<std::string> zip_archive::read(std::string_view name) {
    const std::string n(name);
    const auto part_error = [&](errc code, const std::string& why) {
        return error{code, 0, {}, "the " + kind_ + " part " + n + " " + why};
    };
    const zip_int64_t index = zip_name_locate(impl_->za, n.c_str(), 0);
    if (index < 0) return part_error(errc::corrupt_file, "is missing");
    const auto i = static_cast<zip_uint64_t>(index);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(impl_->za, i, 0, &st) != 0 || (st.valid & ZIP_STAT_SIZE) == 0) {
        return part_error(errc::corrupt_file, "cannot be read: " + archive_message(impl_->za));
    }
    if (st.size > impl_->budget) {
        return part_error(errc::limit_exceeded,
                          "declares " + std::to_string(st.size) + " uncompressed bytes, more than the " +
                              std::to_string(impl_->budget) + " bytes left of the limit (read_options::max_bytes)");
    }
    const auto size = static_cast<std::size_t>(st.size);
    zip_file_t* f = zip_fopen_index(impl_->za, i, 0);
    if (f == nullptr) return part_error(errc::corrupt_file, "cannot be opened: " + archive_message(impl_->za));
    std::string out(size, '\0');
    std::size_t got = 0;
    bool failed = false;
    std::string why;
    while (got < size) {
        const zip_int64_t r = zip_fread(f, out.data() + got, size - got);
        if (r < 0) {
            failed = true;
            zip_error_t* e = zip_file_get_error(f);
            why = e == nullptr ? "unknown error" : zip_error_strerror(e);
            break;
        }
        if (r == 0) break;
        got += static_cast<std::size_t>(r);
    }
    if (!failed && got == size) {
        // Nothing beyond the declared size (and the CRC checked at the end of the data).
        char extra = 0;
        const zip_int64_t r = zip_fread(f, &extra, 1);
        if (r < 0) {
            failed = true;
            zip_error_t* e = zip_file_get_error(f);
            why = e == nullptr ? "unknown error" : zip_error_strerror(e);
        } else if (r > 0) {
            failed = true;
            why = "holds more data than its declared size";
        }
    }
    zip_fclose(f);
    if (failed) return part_error(errc::corrupt_file, "is corrupt: " + why);
    if (got != size) {
        return part_error(errc::corrupt_file, "is truncated: " + std::to_string(got) + " of " + std::to_string(size) +
                                                    " bytes");
    }
    impl_->budget -= size;
    return out;
}

result<std::unique_ptr<pugi::xml_document>> parse_xml_part(zip_archive& archive, std::string_view name) {
    auto bytes = archive.read(name);
    if (!bytes) return bytes.error();
    auto doc = std::make_unique<pugi::xml_document>();
    // No DTD processing in pugixml (a DOCTYPE is skipped, entities are not expanded); the
    // parser is iterative, so deep nesting costs memory (bounded by the part size), not stack.
    const pugi::xml_parse_result r =
        doc->load_buffer(bytes->data(), bytes->size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_auto);
    if (!r) {
        return error{errc::corrupt_file, static_cast<std::size_t>(r.offset), {},
                     "the " + archive.kind() + " part " + std::string(name) + " is not well-formed XML at byte " +
                         std::to_string(r.offset) + ": " + r.description()};
    }
    return doc;
}

std::string_view local_name(const pugi::xml_node& node) noexcept {
    const std::string_view n = node.name();
    const std::size_t colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child_named(const pugi::xml_node& node, std::string_view name) noexcept {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element && local_name(c) == name) return c;
    }
    return {};
}

pugi::xml_attribute attribute_named(const pugi::xml_node& node, std::string_view name) noexcept {
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
        std::string_view n = a.name();
        const std::size_t colon = n.find(':');
        if (colon != std::string_view::npos) n = n.substr(colon + 1);
        if (n == name) return a;
    }
    return {};
}

namespace {

/// `target` (relative to the folder of `part`, or absolute from the archive root) as a part name,
/// `..` and `.` resolved; empty when it climbs out of the archive.
std::string resolve_target(std::string_view part, std::string_view target) {
    std::string base;
    if (!target.starts_with("/")) {
        const std::size_t slash = part.rfind('/');
        if (slash != std::string_view::npos) base = std::string(part.substr(0, slash + 1));
    } else {
        target.remove_prefix(1);
    }
    std::vector<std::string> segments;
    const std::string joined = base + std::string(target);
    std::size_t pos = 0;
    while (pos <= joined.size()) {
        std::size_t slash = joined.find('/', pos);
        if (slash == std::string::npos) slash = joined.size();
        const std::string seg = joined.substr(pos, slash - pos);
        if (seg == "..") {
            if (segments.empty()) return {};
            segments.pop_back();
        } else if (!seg.empty() && seg != ".") {
            segments.push_back(seg);
        }
        pos = slash + 1;
    }
    std::string out;
    for (const auto& s : segments) {
        if (!out.empty()) out += '/';
        out += s;
    }
    return out;
}

}  // namespace

result<std::vector<relationship>> read_relationships(zip_archive& archive, std::string_view part) {
    const std::size_t slash = part.rfind('/');
    const std::string folder = slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
    const std::string file = std::string(slash == std::string_view::npos ? part : part.substr(slash + 1));
    const std::string rels = folder + "_rels/" + file + ".rels";
    std::vector<relationship> out;
    if (!archive.contains(rels)) return out;
    auto doc = parse_xml_part(archive, rels);
    if (!doc) return doc.error();
    const pugi::xml_node root = child_named(**doc, "Relationships");
    for (pugi::xml_node r = root.first_child(); r; r = r.next_sibling()) {
        if (r.type() != pugi::node_element || local_name(r) != "Relationship") continue;
        relationship rel;
        rel.id = r.attribute("Id").value();
        rel.type = r.attribute("Type").value();
        if (std::string_view(r.attribute("TargetMode").value()) != "External") {
            rel.target = resolve_target(part, r.attribute("Target").value());
        }
        out.push_back(std::move(rel));
    }
    return out;
}

}  // namespace jixiao::io::detail
