// office_convert_test.cpp — old binary Office files (OLE2): what they are told apart by, and the
// conversion by LibreOffice, run here with small stand-in programs (shell scripts that behave as
// soffice does: write the converted file, fail, or hang), so that the spawning, the time limit
// and the messages are tested without LibreOffice. The real conversion is tested on files
// LibreOffice makes (tests/office).
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>

#include "read/office_internal.hpp"
#include "read/office_test_support.hpp"

namespace {

namespace io = jixiao::io;
namespace detail = jixiao::io::detail;
namespace fs = std::filesystem;
using jixiao::errc;

/// An OLE2 file whose directory names `stream` (as a .xls names `Workbook`).
std::string ole2_with(const std::string& stream) {
    std::string out("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    out.append(504, '\0');
    for (char c : stream) {
        out += c;
        out += '\0';
    }
    out.append(64, '\0');
    return out;
}

/// A directory of its own for the stand-in programs, removed after the test.
class office_convert : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "jixiao-convert-test-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
        // Conversions make their temporary directories here: the tests see that they are removed.
        fs::create_directory(dir_ / "tmp");
        ::setenv("TMPDIR", (dir_ / "tmp").c_str(), 1);
    }
    void TearDown() override {
        ::unsetenv("TMPDIR");
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    /// An executable shell script `name` with `body`.
    fs::path program(const std::string& name, const std::string& body) {
        const fs::path p = dir_ / name;
        std::ofstream(p) << "#!/bin/sh\n" << body;
        ::chmod(p.c_str(), 0700);
        return p;
    }
    io::read_options converting(const fs::path& soffice, unsigned timeout = 30) {
        io::read_options o;
        o.legacy_office.convert = true;
        o.legacy_office.soffice = soffice;
        o.legacy_office.timeout_seconds = timeout;
        return o;
    }
    fs::path dir_;
};

TEST(office_ole2, tells_a_workbook_a_document_and_an_encrypted_file_apart_by_their_streams) {
    EXPECT_EQ(detail::sniff_legacy_office(ole2_with("Workbook")), detail::legacy_office_kind::workbook);
    EXPECT_EQ(detail::sniff_legacy_office(ole2_with("Book")), detail::legacy_office_kind::workbook);  // Excel 5 / WPS
    EXPECT_EQ(detail::sniff_legacy_office(ole2_with("WordDocument")), detail::legacy_office_kind::document);
    EXPECT_EQ(detail::sniff_legacy_office(ole2_with("EncryptedPackage")), detail::legacy_office_kind::encrypted);
    EXPECT_EQ(detail::sniff_legacy_office(ole2_with("PowerPoint Document")), detail::legacy_office_kind::unknown);
}

TEST(office_ole2, is_refused_with_what_it_is_unless_conversion_is_asked_for) {
    auto doc = io::read_grid(ole2_with("WordDocument"));
    ASSERT_FALSE(doc.has_value());
    EXPECT_EQ(doc.error().code, errc::unknown_format);
    EXPECT_NE(doc.error().message.find("--convert-to docx"), std::string::npos) << doc.error().message;
    EXPECT_NE(doc.error().message.find("legacy_office.convert"), std::string::npos);

    auto locked = io::read_grid(ole2_with("EncryptedPackage"));
    ASSERT_FALSE(locked.has_value());
    EXPECT_EQ(locked.error().code, errc::password_required);

    auto slides = io::read_grid(ole2_with("PowerPoint Document"));
    ASSERT_FALSE(slides.has_value());
    EXPECT_EQ(slides.error().code, errc::unknown_format);
    EXPECT_NE(slides.error().message.find("neither a workbook nor a Word document"), std::string::npos);
}

TEST_F(office_convert, without_libreoffice_the_message_says_how_to_install_it) {
    auto g = io::read_grid(ole2_with("Workbook"), converting(dir_ / "no-such-soffice"));
    ASSERT_FALSE(g.has_value());
    EXPECT_EQ(g.error().code, errc::reader_unavailable);
    EXPECT_NE(g.error().message.find("apt-get install libreoffice-calc-nogui"), std::string::npos) << g.error().message;
}

TEST_F(office_convert, a_program_in_the_current_folder_is_not_run_through_an_empty_path_entry) {
    // A downloads folder holding an executable named soffice, and a PATH with an empty entry
    // (the current folder, to a shell): it is not run.
    program("soffice", "touch ran\nexit 0\n");
    const fs::path before = fs::current_path();
    fs::current_path(dir_);
    const char* old = std::getenv("PATH");
    const std::string saved = old != nullptr ? old : "";
    ::setenv("PATH", ":relative/bin", 1);
    io::read_options o;
    o.legacy_office.convert = true;
    auto g = io::read_grid(ole2_with("Workbook"), o);
    ::setenv("PATH", saved.c_str(), 1);
    fs::current_path(before);
    ASSERT_FALSE(g.has_value());
    EXPECT_EQ(g.error().code, errc::reader_unavailable);
    EXPECT_FALSE(fs::exists(dir_ / "ran"));
}

TEST_F(office_convert, reads_the_xlsx_the_program_writes_and_says_it_was_converted) {
    // The stand-in writes a workbook where soffice would: <outdir>/input.xlsx.
    const std::string xlsx = office_test::make_xlsx(
        {{"表1", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>项目名称</t></is></c>"
                 "<c r=\"B1\"><v>524760.00</v></c></row></sheetData>"}});
    const fs::path made = dir_ / "made.xlsx";
    std::ofstream(made, std::ios::binary) << xlsx;
    const fs::path soffice = program("soffice", "out=\nwhile [ $# -gt 0 ]; do\n  if [ \"$1\" = --outdir ]; then out=$2; shift; fi\n"
                                                "  last=$1; shift\ndone\nmkdir -p \"$out\"\ncp '" + made.string() +
                                                    "' \"$out/$(basename \"$last\" .xls).xlsx\"\n");
    auto g = io::read_grid(ole2_with("Workbook"), converting(soffice));
    ASSERT_TRUE(g.has_value()) << g.error().describe();
    EXPECT_EQ(g->format, io::grid_format::xlsx);
    ASSERT_FALSE(g->rows.empty());
    EXPECT_EQ(g->rows[0].cells.at(0).text, "项目名称");
    EXPECT_EQ(g->rows[0].cells.at(1).text, "524760.00");  // the digits of the XML, exactly
    ASSERT_FALSE(g->notes.empty());
    EXPECT_NE(g->notes.front().find("converted to .xlsx by LibreOffice"), std::string::npos) << g->notes.front();
    // The temporary directory of the conversion is gone.
    EXPECT_TRUE(fs::is_empty(dir_ / "tmp"));
    // A document is asked for as .docx: the stand-in writes none, so the failure is named.
    auto doc = io::read_grid(ole2_with("WordDocument"), converting(soffice));
    ASSERT_FALSE(doc.has_value());
    EXPECT_EQ(doc.error().code, errc::invalid_document);
    EXPECT_NE(doc.error().message.find("could not convert the .doc file to .docx"), std::string::npos) << doc.error().message;
}

TEST_F(office_convert, a_program_that_fails_is_named_with_what_it_said) {
    const fs::path soffice = program("soffice", "echo 'Error: source file could not be loaded' >&2\nexit 1\n");
    auto g = io::read_grid(ole2_with("Workbook"), converting(soffice));
    ASSERT_FALSE(g.has_value());
    EXPECT_EQ(g.error().code, errc::invalid_document);
    EXPECT_NE(g.error().message.find("exit 1: Error: source file could not be loaded"), std::string::npos) << g.error().message;
}

TEST_F(office_convert, a_program_that_hangs_is_stopped_at_the_time_limit) {
    const fs::path soffice = program("soffice", "sleep 30\n");
    const auto start = std::chrono::steady_clock::now();
    auto g = io::read_grid(ole2_with("Workbook"), converting(soffice, 1));
    ASSERT_FALSE(g.has_value());
    EXPECT_EQ(g.error().code, errc::io_error);
    EXPECT_NE(g.error().message.find("within 1 s: stopped"), std::string::npos) << g.error().message;
    // Stopped, not waited for (generous: the machine may be loaded).
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(25));
}

TEST_F(office_convert, import_text_converts_through_the_import_options) {
    io::import_options options;
    options.limits = converting(dir_ / "no-such-soffice");
    options.source_name = "old.xls";
    auto r = io::import_text(ole2_with("Workbook"), options);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::reader_unavailable);
    EXPECT_EQ(r.error().where, "old.xls");
}

}  // namespace
