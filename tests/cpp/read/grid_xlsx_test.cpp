// grid_xlsx_test.cpp — the .xlsx reader on workbooks built in memory: values as displayed,
// exact numbers, merged cells, sheets, formulas without a cached value, hostile archives.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>

#include "read/office_internal.hpp"
#include "read/office_test_support.hpp"

#include <string>
#include <utility>
#include <vector>

namespace {

namespace io = jixiao::io;
namespace detail = jixiao::io::detail;
using jixiao::errc;
using office_test::make_xlsx;
using office_test::sheet;

io::grid read_ok(const std::string& bytes, const io::read_options& o = {}) {
    auto g = io::read_grid(bytes, o);
    EXPECT_TRUE(g.has_value()) << (g ? "" : g.error().describe());
    return g ? *g : io::grid{};
}

bool has_note(const io::grid& g, const std::string& part) {
    return std::any_of(g.notes.begin(), g.notes.end(), [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

TEST(xlsx_numbers, keeps_the_digits_of_the_xml_exactly) {
    EXPECT_EQ(detail::xlsx_number_text("0.0900000762939453"), "0.0900000762939453");
    EXPECT_EQ(detail::xlsx_number_text("1.5E-3"), "0.0015");
    EXPECT_EQ(detail::xlsx_number_text("2.5e2"), "250");
    EXPECT_EQ(detail::xlsx_number_text("-524760"), "-524760");
    EXPECT_EQ(detail::xlsx_number_text("1E+20"), "100000000000000000000");
    EXPECT_FALSE(detail::xlsx_number_text("1,5").has_value());
    EXPECT_FALSE(detail::xlsx_number_text("NaN").has_value());
    EXPECT_FALSE(detail::xlsx_number_text("1e").has_value());
    EXPECT_FALSE(detail::xlsx_number_text("").has_value());
    EXPECT_FALSE(detail::xlsx_number_text("1e9999999").has_value());
}

TEST(xlsx_numbers, applies_number_formats_on_the_decimal_digits) {
    EXPECT_EQ(detail::format_number("0.8619", "0.00%"), "86.19%");
    EXPECT_EQ(detail::format_number("1", "0.00%"), "100.00%");
    EXPECT_EQ(detail::format_number("0.86185", "0.00%"), "86.19%");  // half away from zero
    EXPECT_EQ(detail::format_number("0.9", "0%"), "90%");
    EXPECT_EQ(detail::format_number("548760", "0.00"), "548760.00");
    EXPECT_EQ(detail::format_number("1675799.575", "#,##0.00"), "1,675,799.58");
    EXPECT_EQ(detail::format_number("524760", "#,##0"), "524,760");
    EXPECT_EQ(detail::format_number("3.5", "0.00\"万元\""), "3.50万元");
    EXPECT_EQ(detail::format_number("0.0900000762939453", "General"), "0.0900000762939453");
    EXPECT_EQ(detail::format_number("0.0900000762939453", "0.00"), "0.09");
    EXPECT_EQ(detail::format_number("-2.5", "0.00"), "-2.50");
    EXPECT_EQ(detail::format_number("-2.5", "0.00;(0.00)"), "(2.50)");
    EXPECT_EQ(detail::format_number("0", "0.00;-0.00;\"—\""), "—");
    EXPECT_EQ(detail::format_number("0", "0.00;-0.00;"), "");  // an empty zero section shows nothing
    EXPECT_EQ(detail::format_number("12", "[$¥-804]#,##0.00"), "¥12.00");
    EXPECT_EQ(detail::format_number("7", "0\\个"), "7个");
    EXPECT_EQ(detail::format_number("1.5", "0.0#"), "1.5");
    EXPECT_EQ(detail::format_number("1.256", "0.0#"), "1.26");
    EXPECT_EQ(detail::format_number("1500000", "#,##0,"), "1,500");
    detail::format_outcome how{};
    EXPECT_EQ(detail::format_number("45291", "yyyy-mm-dd", &how), "2023-12-31");
    EXPECT_EQ(how, detail::format_outcome::date);
    EXPECT_EQ(detail::format_number("45291.5", "yyyy-mm-dd h:mm", &how), "45291.5");
    EXPECT_EQ(how, detail::format_outcome::date_kept);
    EXPECT_EQ(detail::format_number("0.00015", "0.00E+00", &how), "0.00015");
    EXPECT_EQ(how, detail::format_outcome::unsupported);
    EXPECT_EQ(detail::builtin_number_format(10), "0.00%");
    EXPECT_EQ(detail::builtin_number_format(4), "#,##0.00");
    EXPECT_EQ(detail::cell_reference(5, 2), "B5");
    EXPECT_EQ(detail::cell_reference(1, 28), "AB1");
}

TEST(xlsx_reader, reads_shared_inline_rich_boolean_error_and_formatted_cells) {
    const std::string styles =
        "<numFmts count=\"1\"><numFmt numFmtId=\"176\" formatCode=\"0.00&quot;万元&quot;\"/></numFmts>"
        "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"10\"/><xf numFmtId=\"176\"/><xf numFmtId=\"4\"/></cellXfs>";
    const std::string strings =
        "<si><t>项目名称</t></si><si><r><t>政府</t></r><r><rPr><b/></rPr><t>采购</t></r><rPh><t>せいふ</t></rPh></si>"
        "<si><t xml:space=\"preserve\"> 两边 </t></si>";
    const std::string body =
        "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
        "<c r=\"D1\" t=\"inlineStr\"><is><t>内联_x000D_</t></is></c></row>"
        "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>0.8619</v></c><c r=\"B2\" s=\"2\"><v>3.5</v></c>"
        "<c r=\"C2\" s=\"3\"><v>1675799.58</v></c><c r=\"D2\"><v>0.0900000762939453</v></c><c r=\"E2\"><v>1.5E-3</v></c></row>"
        "<row r=\"3\"><c r=\"A3\" t=\"b\"><v>1</v></c><c r=\"B3\" t=\"e\"><v>#N/A</v></c>"
        "<c r=\"C3\" t=\"str\"><f>A1&amp;B1</f><v>项目名称政府采购</v></c><c r=\"D3\" t=\"s\"><v>2</v></c></row></sheetData>";
    const auto g = read_ok(make_xlsx({{"Sheet1", body}}, strings, styles));
    EXPECT_EQ(g.format, io::grid_format::xlsx);
    ASSERT_EQ(g.rows.size(), 3u);
    ASSERT_EQ(g.rows[0].cells.size(), 4u);
    EXPECT_EQ(g.rows[0].cells[0].text, "项目名称");
    EXPECT_EQ(g.rows[0].cells[1].text, "政府采购");  // runs joined, phonetic run not text
    EXPECT_EQ(g.rows[0].cells[2].text, "");           // the gap C1 keeps D1 in column 4
    EXPECT_EQ(g.rows[0].cells[3].text, "内联\r");
    EXPECT_EQ(g.rows[0].cells[3].column, 4u);
    EXPECT_EQ(g.rows[1].cells[0].text, "86.19%");
    EXPECT_EQ(g.rows[1].cells[1].text, "3.50万元");
    EXPECT_EQ(g.rows[1].cells[2].text, "1,675,799.58");
    EXPECT_EQ(g.rows[1].cells[3].text, "0.0900000762939453");
    EXPECT_EQ(g.rows[1].cells[4].text, "0.0015");
    EXPECT_EQ(g.rows[2].cells[0].text, "TRUE");
    EXPECT_EQ(g.rows[2].cells[1].text, "#N/A");
    EXPECT_EQ(g.rows[2].cells[2].text, "项目名称政府采购");
    EXPECT_EQ(g.rows[2].cells[3].text, " 两边 ");
    EXPECT_EQ(g.rows[2].cells[0].line, 3u);
    EXPECT_TRUE(has_note(g, "cell B3 holds the error value #N/A"));
    EXPECT_TRUE(has_note(g, "format detected from the content: xlsx"));
}

TEST(xlsx_reader, notes_a_formula_without_a_cached_value_with_its_cell_and_the_fix) {
    const std::string body =
        "<sheetData><row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>合计</t></is></c>"
        "<c r=\"C4\"><f>SUM(C1:C3)</f></c></row></sheetData>";
    const auto g = read_ok(make_xlsx({{"表1", body}}));
    ASSERT_EQ(g.rows.size(), 1u);
    ASSERT_EQ(g.rows[0].cells.size(), 1u);  // the empty formula cell is trailing: dropped
    EXPECT_TRUE(has_note(g, "`表1` cell C4: the formula `SUM(C1:C3)` has no cached value"));
    EXPECT_TRUE(has_note(g, "recalculate it with LibreOffice"));
}

TEST(xlsx_reader, places_merged_cells_as_spans_with_copies) {
    const std::string body =
        "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>产出指标</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>数量</t></is></c></row>"
        "<row r=\"2\"><c r=\"A2\"/><c r=\"B2\" t=\"inlineStr\"><is><t>质量</t></is></c></row>"
        "<row r=\"3\"><c r=\"A3\"/><c r=\"B3\" t=\"inlineStr\"><is><t>时效</t></is></c></row></sheetData>"
        "<mergeCells count=\"1\"><mergeCell ref=\"A1:A3\"/></mergeCells>";
    const auto g = read_ok(make_xlsx({{"s", body}}));
    ASSERT_EQ(g.rows.size(), 3u);
    const io::cell& top = g.rows[0].cells[0];
    EXPECT_EQ(top.row_span, 3u);
    EXPECT_EQ(top.col_span, 1u);
    EXPECT_FALSE(top.from_span);
    for (std::size_t r = 1; r < 3; ++r) {
        const io::cell& copy = g.rows[r].cells[0];
        EXPECT_EQ(copy.text, "产出指标");
        EXPECT_TRUE(copy.from_span);
        EXPECT_EQ(copy.row_span, 1u);
        EXPECT_EQ(copy.line, r + 1);
        EXPECT_EQ(copy.column, 1u);
    }
    EXPECT_EQ(g.rows[2].cells[1].text, "时效");
}

TEST(xlsx_reader, reads_every_sheet_in_workbook_order_and_notes_hidden_ones) {
    const std::string a = "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>甲</t></is></c></row></sheetData>";
    const std::string b =
        "<sheetData><row r=\"2\" hidden=\"1\"><c r=\"B2\" t=\"inlineStr\"><is><t>乙</t></is></c></row>"
        "<row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>丙</t></is></c></row></sheetData>"
        "<cols><col min=\"2\" max=\"16384\" hidden=\"1\"/></cols>";
    const auto g = read_ok(make_xlsx({{"一", a}, {"二", b, "hidden"}}));
    // 甲 | (a row without cells between sheets) | 乙 | (empty rows 3-8 as one blank row) | 丙
    ASSERT_EQ(g.rows.size(), 5u);
    EXPECT_EQ(g.rows[0].cells.at(0).text, "甲");
    EXPECT_TRUE(g.rows[1].cells.empty());
    EXPECT_EQ(g.rows[2].cells.at(1).text, "乙");
    EXPECT_EQ(g.rows[2].cells.at(1).line, 2u);
    EXPECT_TRUE(g.rows[3].cells.empty());
    EXPECT_EQ(g.rows[4].cells.at(0).text, "丙");
    EXPECT_EQ(g.rows[4].line, 9u);
    EXPECT_TRUE(has_note(g, "sheet 2 of 2 `二` is hidden (hidden): read"));
    EXPECT_TRUE(has_note(g, "`二`: hidden rows 2 (read)"));
    EXPECT_TRUE(has_note(g, "`二`: hidden columns B (read)"));  // clamped to the columns in use
    EXPECT_TRUE(has_note(g, "`二`: sheet rows 1-9 are grid rows 3-5"));
}

TEST(xlsx_reader, rejects_corrupt_and_truncated_archives_naming_the_part) {
    const std::string good = make_xlsx({{"s", "<sheetData/>"}});
    auto truncated = io::read_grid(good.substr(0, good.size() / 2));
    ASSERT_FALSE(truncated.has_value());
    EXPECT_EQ(truncated.error().code, errc::corrupt_file);
    EXPECT_NE(truncated.error().message.find("not a readable ZIP archive"), std::string::npos) << truncated.error().message;

    const std::string bad_xml = office_test::make_zip({{"xl/workbook.xml", "<workbook><sheets>"}});
    auto b = io::read_grid(bad_xml);
    ASSERT_FALSE(b.has_value());
    EXPECT_EQ(b.error().code, errc::corrupt_file);
    EXPECT_NE(b.error().message.find("xl/workbook.xml is not well-formed XML"), std::string::npos) << b.error().message;

    const std::string no_sheet_part = make_xlsx({{"s", "<sheetData/>"}});
    std::string renamed = office_test::make_zip({{"xl/workbook.xml",
        "<workbook xmlns:r=\"x\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/missing.xml\"/></Relationships>"}});
    auto m = io::read_grid(renamed);
    ASSERT_FALSE(m.has_value());
    EXPECT_NE(m.error().message.find("xl/worksheets/missing.xml is missing"), std::string::npos) << m.error().message;
}

TEST(xlsx_reader, refuses_a_part_whose_declared_size_is_over_the_limit_before_reading_it) {
    // A zip bomb in small: 8 MiB of zeros deflate to a few KiB.
    const std::string zeros(8u << 20, '0');
    const std::string bomb = office_test::make_zip({{"xl/workbook.xml", "<workbook/>"}, {"xl/sharedStrings.xml", zeros}});
    ASSERT_LT(bomb.size(), 100'000u);
    io::read_options o;
    o.max_bytes = 1u << 20;
    auto g = io::read_grid(bomb, o);
    ASSERT_FALSE(g.has_value());
    EXPECT_EQ(g.error().code, errc::limit_exceeded);
    EXPECT_NE(g.error().message.find("xl/sharedStrings.xml declares 8388608 uncompressed bytes"), std::string::npos)
        << g.error().message;
}

TEST(office_detect, explains_old_binary_files_and_other_zips) {
    std::string ole2("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    ole2.append(504, '\0');
    ole2.append(std::string("W\0o\0r\0k\0b\0o\0o\0k\0", 16));  // the directory entry of an .xls
    auto g = io::read_grid(ole2);
    ASSERT_FALSE(g.has_value());
    EXPECT_EQ(g.error().code, errc::unknown_format);
    EXPECT_NE(g.error().message.find("an old binary Office file (.xls"), std::string::npos);
    EXPECT_NE(g.error().message.find("soffice --headless --convert-to xlsx FILE"), std::string::npos);
    io::import_options options;
    options.source_name = "old.xls";
    auto imported = io::import_text(ole2, options);
    ASSERT_FALSE(imported.has_value());
    EXPECT_EQ(imported.error().code, errc::unknown_format);
    EXPECT_EQ(imported.error().where, "old.xls");

    const std::string other = office_test::make_zip({{"hello.txt", "hi"}});
    auto z = io::read_grid(other);
    ASSERT_FALSE(z.has_value());
    EXPECT_EQ(z.error().code, errc::unknown_format);
    EXPECT_NE(z.error().message.find("neither an Excel workbook"), std::string::npos);
    EXPECT_NE(z.error().message.find("hello.txt"), std::string::npos);

    const std::string xlsx = make_xlsx({{"s", "<sheetData/>"}});
    EXPECT_EQ(io::detect_format(xlsx), io::grid_format::xlsx);
    auto as_docx = io::read_grid(xlsx, io::grid_format::docx);
    ASSERT_FALSE(as_docx.has_value());
    EXPECT_NE(as_docx.error().message.find("is a .xlsx file, not .docx"), std::string::npos);
    auto as_tsv = io::read_grid(xlsx, io::grid_format::tsv);
    ASSERT_FALSE(as_tsv.has_value());
    EXPECT_EQ(as_tsv.error().code, errc::unknown_format);
    EXPECT_EQ(io::grid_format_from_string("xlsx"), io::grid_format::xlsx);
    EXPECT_EQ(io::to_string(io::grid_format::docx), "docx");
}

}  // namespace

TEST(office_detect, names_an_image_as_a_scan_that_needs_ocr) {
    const std::vector<std::pair<std::string, std::string>> images{
        {"PNG", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\0')},
        {"JPEG", std::string("\xFF\xD8\xFF\xE0", 4) + std::string(64, 'x')},
        {"TIFF", std::string("II*\0", 4) + std::string(64, '\0')},
        {"GIF", "GIF89a" + std::string(64, '\0')},
    };
    for (const auto& [kind, bytes] : images) {
        SCOPED_TRACE(kind);
        auto g = io::read_grid(bytes);
        ASSERT_FALSE(g.has_value());
        EXPECT_EQ(g.error().code, errc::no_text_layer);
        EXPECT_NE(g.error().message.find("a " + kind + " image"), std::string::npos) << g.error().message;
        EXPECT_NE(g.error().message.find("OCR"), std::string::npos);
        auto imported = io::import_text(bytes);
        ASSERT_FALSE(imported.has_value());
        EXPECT_EQ(imported.error().code, errc::no_text_layer);
    }
    // Text that merely starts like one of them is still text.
    EXPECT_TRUE(io::read_grid("BMW 项目\t1\n").has_value());
}
