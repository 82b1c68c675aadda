// office_internal.hpp — the Office readers (private to src/): .xlsx and .docx through libzip
// and pugixml, and the sniffing of ZIP and OLE2 (old binary Office) files.
//
//   (sniff_container and read_office, which the text entry points call, are in grid_internal.hpp)
//   zip_archive                 a ZIP held in memory, its parts read under the byte limits
//   xlsx_number_text(v)         the digits of a <v> number as exact decimal text (no double)
//   format_number(text, code)   the displayed text of a number under an Excel number format
//   convert_legacy_office(...)  an old binary .xls/.doc converted by LibreOffice (office_convert.cpp)
//
// docs/readers.md (sections xlsx, docx) describes what the readers do.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include <jixiao/error.hpp>
#include <jixiao/io/grid.hpp>

#include "read/grid_internal.hpp"

namespace jixiao::io::detail {

/// A ZIP archive held in memory (the bytes must outlive it). Reading a part counts its size
/// against `read_options::max_bytes` for the whole archive; a part whose declared size is over
/// what is left is refused before it is read.
class zip_archive {
public:
    /// Opens the archive; `kind` ("xlsx", "docx", "ZIP") names it in error messages.
    [[nodiscard]] static result<zip_archive> open(std::string_view bytes, std::string kind,
                                                  const read_options& options);

    /// Whether the archive holds a part named `name` (exact, case-sensitive as in OPC).
    [[nodiscard]] bool contains(std::string_view name) const;
    /// The bytes of part `name`; errors name the part (missing, too large, corrupt, encrypted).
    [[nodiscard]] result<std::string> read(std::string_view name);
    /// The names of the parts, in archive order.
    [[nodiscard]] std::vector<std::string> names() const;
    /// What the archive is called in messages ("xlsx", "docx").
    [[nodiscard]] const std::string& kind() const noexcept { return kind_; }
    /// Renames the archive in messages (once its kind is known).
    void set_kind(std::string kind) { kind_ = std::move(kind); }

    zip_archive(zip_archive&&) noexcept;
    zip_archive& operator=(zip_archive&&) noexcept;
    zip_archive(const zip_archive&) = delete;
    zip_archive& operator=(const zip_archive&) = delete;
    ~zip_archive();

private:
    struct impl;
    explicit zip_archive(std::unique_ptr<impl> p);
    std::unique_ptr<impl> impl_;
    std::string kind_;
};

/// Part `name` of `archive` parsed as XML (pugixml: no DTD, no external entities); errors name
/// the part and the byte where the XML breaks.
[[nodiscard]] result<std::unique_ptr<pugi::xml_document>> parse_xml_part(zip_archive& archive, std::string_view name);
/// The local name of an element (`w:tbl` -> `tbl`): SpreadsheetML and WordprocessingML are
/// read whatever prefix a writer chose.
[[nodiscard]] std::string_view local_name(const pugi::xml_node& node) noexcept;
/// The first child element of `node` with local name `name` (or an empty node).
[[nodiscard]] pugi::xml_node child_named(const pugi::xml_node& node, std::string_view name) noexcept;
/// The attribute of `node` with local name `name` (`r:id` -> `id`), or an empty attribute.
[[nodiscard]] pugi::xml_attribute attribute_named(const pugi::xml_node& node, std::string_view name) noexcept;
/// The relationships of part `part` (`xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`): id ->
/// (type, target resolved to a part name). Missing relationships part: empty.
struct relationship {
    std::string id;
    std::string type;
    std::string target;  ///< part name inside the archive (`xl/worksheets/sheet1.xml`); empty if external
};
[[nodiscard]] result<std::vector<relationship>> read_relationships(zip_archive& archive, std::string_view part);

/// The value of an xlsx number (`<v>` text: `-?digits(.digits)?([eE][+-]?digits)?`) as exact plain
/// decimal text, its digits kept as written (`0.0900000762939453` stays, `1.5E-3` -> `0.0015`);
/// nullopt when the text is not such a number or its exponent is out of range.
[[nodiscard]] std::optional<std::string> xlsx_number_text(std::string_view v);

/// What `format_number` did beyond formatting.
enum class format_outcome {
    formatted,    ///< the format was applied (or General: the number as it is)
    date,         ///< a date format: an ISO date (`2023-12-31`) for a whole serial number
    date_kept,    ///< a date or time format whose serial could not be shown as a date: kept as the number
    unsupported,  ///< a part of the format not applied (scientific, fractions): the plain number
};

/// The text Excel displays for the number `number` (exact plain decimal text, as from
/// `xlsx_number_text`) under the number format `code` (`0.00`, `0.00%`, `#,##0.00`,
/// `0.00"万元"`, `General`, ...). Rounds half away from zero, on the decimal digits.
/// `date1904`: the workbook counts dates from 1904.
[[nodiscard]] std::string format_number(std::string_view number, std::string_view code, format_outcome* outcome = nullptr,
                                        bool date1904 = false);

/// The format code of a built-in number format id (0-49), or empty when the id is not built in.
[[nodiscard]] std::string_view builtin_number_format(unsigned id) noexcept;

/// A1-style reference of a 1-based row and column (`B5`).
[[nodiscard]] std::string cell_reference(std::size_t row, std::size_t column);

/// What an OLE2 compound document holds, from the names of its streams.
enum class legacy_office_kind {
    workbook,   ///< a `Workbook` / `Book` stream: .xls, WPS .et
    document,   ///< a `WordDocument` stream: .doc, WPS .wps
    encrypted,  ///< an `EncryptedPackage`: a password-protected .xlsx / .docx
    unknown,    ///< another OLE2 file (.ppt, .msg, ...)
};
[[nodiscard]] legacy_office_kind sniff_legacy_office(std::string_view bytes) noexcept;

/// The .xlsx (workbook) or .docx (document) bytes LibreOffice headless makes of an old binary
/// Office file (office_convert.cpp). Errors: `reader_unavailable` (no LibreOffice, with how to
/// install it), `invalid_document` (it could not convert the file), `io_error` (a temporary
/// file, or the time limit), `limit_exceeded` (the result is over `max_bytes`).
[[nodiscard]] result<std::string> convert_legacy_office(std::string_view bytes, legacy_office_kind kind,
                                                        const legacy_office_options& options, std::size_t max_bytes);

/// The readers proper, on an opened archive (`read_office` chooses).
[[nodiscard]] result<grid> read_xlsx(zip_archive& archive, const read_options& options);
[[nodiscard]] result<grid> read_docx(zip_archive& archive, const read_options& options);

/// Limits of the XML parts beyond the byte limit: element nesting the readers walk.
inline constexpr std::size_t max_xml_depth = 256;

}  // namespace jixiao::io::detail
