// grid_office.cpp — Office files: what a ZIP or OLE2 file is, and the reader for it; and image
// files (a scan), which are named as such instead of being read as text.
#include <string>
#include <string_view>

#include "read/office_internal.hpp"

namespace jixiao::io::detail {

namespace {

constexpr std::string_view ole2_message =
    "an old binary Office file (.xls/.et/.doc/.wps, an OLE2 compound document): jixiao reads it through "
    "LibreOffice when asked to (the jixiao command and the Python module do, unless --no-convert / "
    "convert=False; in C++ read_options::legacy_office.convert); or convert it with "
    "`soffice --headless --convert-to xlsx FILE` (`--convert-to docx` for a Word document), or save it from "
    "Excel/WPS as .xlsx";

error not_office(std::string message) { return error{errc::unknown_format, 0, {}, std::move(message)}; }

bool is_office(grid_format f) noexcept { return f == grid_format::xlsx || f == grid_format::docx; }

/// What a ZIP that is neither .xlsx nor .docx is, in words.
std::string describe_zip(const zip_archive& archive) {
    if (archive.contains("xl/workbook.bin")) {
        return "a binary Excel workbook (.xlsb): convert it with `soffice --headless --convert-to xlsx FILE` or save "
               "it from Excel as .xlsx";
    }
    if (archive.contains("content.xml") && archive.contains("mimetype")) {
        return "an OpenDocument file (.ods/.odt): convert it with `soffice --headless --convert-to xlsx FILE` "
               "(`docx` for a text document)";
    }
    if (archive.contains("ppt/presentation.xml")) return "a PowerPoint presentation (.pptx), not a form";
    std::string names;
    std::size_t listed = 0;
    for (const std::string& n : archive.names()) {
        if (listed == 5) {
            names += ", ...";
            break;
        }
        names += (listed == 0 ? "" : ", ") + n.substr(0, 100);
        ++listed;
    }
    return "a ZIP archive that is neither an Excel workbook (.xlsx: no xl/workbook.xml) nor a Word document (.docx: no "
           "word/document.xml); it holds " +
           (names.empty() ? std::string("no file") : names);
}

/// A ZIP: the .xlsx or .docx reader, or what else it is; nullopt when the bytes are no ZIP and
/// no Office format was asked for.
std::optional<result<grid>> read_office_zip(std::string_view bytes, std::optional<grid_format> format,
                                            const read_options& options) {
    if (sniff_container(bytes) == container_kind::none) {
        if (format && is_office(*format)) {
            return result<grid>(not_office("the input is not a ZIP archive, so not a ." +
                                           std::string(to_string(*format)) + " file"));
        }
        return std::nullopt;
    }
    if (format && !is_office(*format)) {
        return result<grid>(not_office("the input is a ZIP archive (an .xlsx or .docx file?), not " +
                                       std::string(to_string(*format)) + " text: leave the format unset to detect it"));
    }
    auto archive = zip_archive::open(bytes, "ZIP", options);
    if (!archive) return result<grid>(archive.error());
    grid_format chosen{};
    if (archive->contains("xl/workbook.xml")) chosen = grid_format::xlsx;
    else if (archive->contains("word/document.xml")) chosen = grid_format::docx;
    else return result<grid>(not_office("the input is " + describe_zip(*archive)));
    if (format && *format != chosen) {
        return result<grid>(not_office("the input is a ." + std::string(to_string(chosen)) + " file, not ." +
                                       std::string(to_string(*format))));
    }
    archive->set_kind(std::string(to_string(chosen)));
    result<grid> g = chosen == grid_format::xlsx ? read_xlsx(*archive, options) : read_docx(*archive, options);
    if (g && !format) g->notes.insert(g->notes.begin(), "format detected from the content: " + std::string(to_string(chosen)));
    return g;
}

/// An OLE2 file: refused with what it is, or converted by LibreOffice and read as .xlsx / .docx.
result<grid> read_legacy_office(std::string_view bytes, std::optional<grid_format> format, const read_options& options) {
    const legacy_office_kind kind = sniff_legacy_office(bytes);
    if (kind == legacy_office_kind::encrypted) {
        return error{errc::password_required, 0, {},
                     "a password-protected Office file (an encrypted .xlsx/.docx): open it with the password and "
                     "save it without one"};
    }
    if (kind == legacy_office_kind::unknown) {
        return not_office("an OLE2 compound document that is neither a workbook nor a Word document (a .ppt, a "
                          "mail message?): not a form");
    }
    if (!options.legacy_office.convert) return not_office(std::string(ole2_message));
    const bool workbook = kind == legacy_office_kind::workbook;
    if (format && *format != (workbook ? grid_format::xlsx : grid_format::docx)) {
        return not_office(std::string("the input is an old binary ") + (workbook ? "workbook (.xls)" : "Word document (.doc)") +
                          ", not ." + std::string(to_string(*format)));
    }
    auto converted = convert_legacy_office(bytes, kind, options.legacy_office, options.max_bytes);
    if (!converted) return converted.error();
    std::optional<result<grid>> g =
        read_office_zip(*converted, workbook ? grid_format::xlsx : grid_format::docx, options);
    if (!g) return not_office("LibreOffice wrote no .xlsx / .docx file");
    if (*g) {
        (*g)->notes.insert((*g)->notes.begin(),
                           std::string("an old binary ") + (workbook ? "workbook (.xls/.et)" : "Word document (.doc/.wps)") +
                               " converted to ." + (workbook ? "xlsx" : "docx") +
                               " by LibreOffice, then read (positions are those of the converted file)");
    }
    return std::move(*g);
}

}  // namespace

/// The kind of image file the bytes start with (PNG, JPEG, TIFF, GIF, BMP, WebP), or empty.
std::string_view image_kind(std::string_view b) noexcept {
    if (b.starts_with("\x89PNG\r\n\x1a\n")) return "PNG";
    if (b.starts_with("\xFF\xD8\xFF")) return "JPEG";
    if (b.starts_with(std::string_view("II*\0", 4)) || b.starts_with(std::string_view("MM\0*", 4))) return "TIFF";
    if (b.starts_with("GIF87a") || b.starts_with("GIF89a")) return "GIF";
    if (b.starts_with("BM") && b.size() > 14 && b[6] == 0 && b[7] == 0 && b[8] == 0 && b[9] == 0) return "BMP";
    if (b.size() >= 12 && b.starts_with("RIFF") && b.substr(8, 4) == "WEBP") return "WebP";
    return {};
}

std::optional<result<grid>> read_office(std::string_view bytes, std::optional<grid_format> format,
                                        const read_options& options) {
    if (const std::string_view image = image_kind(bytes); !image.empty()) {
        return result<grid>(error{errc::no_text_layer, 0, {},
                                  "a " + std::string(image) +
                                      " image (a scan or a photo of the form), which has no text to read: this build "
                                      "reads no images (built without the OCR reader jixiao::ocr: Tesseract, see README); "
                                      "run OCR first, e.g. `ocrmypdf -l chi_sim scan.pdf out.pdf` or "
                                      "`tesseract FILE out -l chi_sim pdf`, and read the PDF it writes"});
    }
    if (sniff_container(bytes) == container_kind::ole2) return read_legacy_office(bytes, format, options);
    return read_office_zip(bytes, format, options);
}


}  // namespace jixiao::io::detail
