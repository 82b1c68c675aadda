// office_test_support.hpp — Office files built in memory for the reader tests: a ZIP written
// with libzip from (name, content) pairs, and the minimal parts of a workbook / a document.
#pragma once

#include <zip.h>

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace office_test {

using parts = std::vector<std::pair<std::string, std::string>>;

/// A ZIP archive holding `files` (deflated unless `store`).
inline std::string make_zip(const parts& files, bool store = false) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
    zip_source_keep(src);
    zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
    EXPECT_NE(za, nullptr);
    for (const auto& [name, content] : files) {
        zip_source_t* s = zip_source_buffer(za, content.data(), content.size(), 0);
        const zip_int64_t index = zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8);
        EXPECT_GE(index, 0);
        if (store) zip_set_file_compression(za, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    EXPECT_EQ(zip_close(za), 0);
    std::string out;
    EXPECT_EQ(zip_source_open(src), 0);
    char buffer[4096];
    for (;;) {
        const zip_int64_t n = zip_source_read(src, buffer, sizeof buffer);
        if (n <= 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&err);
    return out;
}

inline const char* main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/// A workbook of sheets (name, sheetData+ XML after <sheetData>, e.g. "<sheetData>...</sheetData><mergeCells>...")
/// with optional shared strings (`<si>` items) and styles (`<numFmts>...<cellXfs>...`).
struct sheet {
    std::string name;
    std::string body;
    std::string state{};
};

inline std::string make_xlsx(const std::vector<sheet>& sheets, const std::string& shared_strings = "",
                             const std::string& styles = "", const std::string& workbook_pr = "") {
    const std::string ns = main_ns;
    const std::string r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    std::string wb = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + ns + "\" xmlns:r=\"" + r + "\">" +
                     workbook_pr + "<sheets>";
    std::string rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    parts files;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        const std::string id = "rId" + std::to_string(i + 1);
        wb += "<sheet name=\"" + sheets[i].name + "\" sheetId=\"" + std::to_string(i + 1) + "\" r:id=\"" + id + "\"" +
              (sheets[i].state.empty() ? "" : " state=\"" + sheets[i].state + "\"") + "/>";
        rels += "<Relationship Id=\"" + id + "\" Type=\"" + r + "/worksheet\" Target=\"worksheets/sheet" +
                std::to_string(i + 1) + ".xml\"/>";
        files.emplace_back("xl/worksheets/sheet" + std::to_string(i + 1) + ".xml",
                           "<?xml version=\"1.0\"?><worksheet xmlns=\"" + ns + "\">" + sheets[i].body + "</worksheet>");
    }
    wb += "</sheets></workbook>";
    if (!shared_strings.empty()) {
        rels += "<Relationship Id=\"rIdS\" Type=\"" + r + "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
        files.emplace_back("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"" + ns + "\">" + shared_strings + "</sst>");
    }
    if (!styles.empty()) {
        rels += "<Relationship Id=\"rIdT\" Type=\"" + r + "/styles\" Target=\"/xl/styles.xml\"/>";
        files.emplace_back("xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet xmlns=\"" + ns + "\">" + styles + "</styleSheet>");
    }
    rels += "</Relationships>";
    files.emplace_back("xl/workbook.xml", wb);
    files.emplace_back("xl/_rels/workbook.xml.rels", rels);
    files.emplace_back("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>");
    return make_zip(files);
}

/// A document whose body is `body` (WordprocessingML, prefix w).
inline std::string make_docx(const std::string& body) {
    return make_zip({{"[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"},
                     {"word/document.xml",
                      "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                      "wordprocessingml/2006/main\"><w:body>" +
                          body + "</w:body></w:document>"}});
}

}  // namespace office_test
