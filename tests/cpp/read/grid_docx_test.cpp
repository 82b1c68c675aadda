// grid_docx_test.cpp — the .docx reader on documents built in memory: tables in body order,
// gridSpan / vMerge as spans, paragraphs outside tables, revisions, nested tables.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include <jixiao/io/grid.hpp>

#include "read/office_test_support.hpp"

namespace {

namespace io = jixiao::io;

std::string tc(const std::string& text, const std::string& pr = "") {
    return "<w:tc>" + (pr.empty() ? "" : "<w:tcPr>" + pr + "</w:tcPr>") + "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:tc>";
}

io::grid read_ok(const std::string& body) {
    auto g = io::read_grid(office_test::make_docx(body));
    EXPECT_TRUE(g.has_value()) << (g ? "" : g.error().describe());
    return g ? *g : io::grid{};
}

TEST(docx_reader, reads_paragraphs_and_tables_in_body_order) {
    const auto g = read_ok("<w:p><w:r><w:t>财政项目支出</w:t></w:r><w:r><w:t>绩效自评表</w:t></w:r></w:p><w:p/>"
                           "<w:tbl><w:tr>" + tc("项目名称") + tc("政府采购") + "</w:tr></w:tbl>"
                           "<w:p><w:r><w:t>附注</w:t></w:r></w:p>");
    EXPECT_EQ(g.format, io::grid_format::docx);
    ASSERT_EQ(g.rows.size(), 3u);  // the empty paragraph is no row
    EXPECT_EQ(g.rows[0].cells.at(0).text, "财政项目支出绩效自评表");
    ASSERT_EQ(g.rows[1].cells.size(), 2u);
    EXPECT_EQ(g.rows[1].cells[1].text, "政府采购");
    EXPECT_EQ(g.rows[1].cells[1].column, 2u);
    EXPECT_EQ(g.rows[1].line, 2u);
    EXPECT_EQ(g.rows[2].cells.at(0).text, "附注");
}

TEST(docx_reader, turns_grid_span_and_vertical_merges_into_spans_with_copies) {
    const auto g = read_ok("<w:tbl>"
                           "<w:tr>" + tc("产出指标", "<w:vMerge w:val=\"restart\"/>") + tc("数量") + "</w:tr>"
                           "<w:tr>" + tc("", "<w:vMerge/>") + tc("质量") + "</w:tr>"
                           "<w:tr>" + tc("总分", "<w:gridSpan w:val=\"2\"/>") + tc("100") + "</w:tr>"
                           "</w:tbl>");
    ASSERT_EQ(g.rows.size(), 3u);
    EXPECT_EQ(g.rows[0].cells[0].row_span, 2u);
    const io::cell& copy = g.rows[1].cells.at(0);
    EXPECT_TRUE(copy.from_span);
    EXPECT_EQ(copy.text, "产出指标");
    EXPECT_EQ(copy.line, 1u);
    EXPECT_EQ(g.rows[1].cells.at(1).text, "质量");
    ASSERT_EQ(g.rows[2].cells.size(), 3u);
    EXPECT_EQ(g.rows[2].cells[0].col_span, 2u);
    EXPECT_TRUE(g.rows[2].cells[1].from_span);
    EXPECT_EQ(g.rows[2].cells[1].text, "总分");
    EXPECT_EQ(g.rows[2].cells[2].text, "100");
    EXPECT_EQ(g.rows[2].cells[2].column, 3u);
}

TEST(docx_reader, joins_paragraphs_keeps_breaks_and_tabs_and_skips_deleted_text) {
    const auto g = read_ok("<w:tbl><w:tr><w:tc>"
                           "<w:p><w:r><w:t>第一段</w:t><w:br/><w:t>换行</w:t></w:r></w:p>"
                           "<w:p><w:r><w:t>第二段</w:t><w:tab/><w:t>制表</w:t></w:r>"
                           "<w:del w:id=\"1\"><w:r><w:delText>删掉</w:delText></w:r></w:del>"
                           "<w:ins w:id=\"2\"><w:r><w:t>插入</w:t></w:r></w:ins></w:p>"
                           "</w:tc></w:tr></w:tbl>");
    ASSERT_EQ(g.rows.size(), 1u);
    EXPECT_EQ(g.rows[0].cells.at(0).text, "第一段\n换行\n第二段\t制表插入");
}

TEST(docx_reader, flattens_a_nested_table_into_the_cell_and_notes_it) {
    const auto g = read_ok("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p>"
                           "<w:tbl><w:tr>" + tc("a") + tc("b") + "</w:tr><w:tr>" + tc("c") + tc("d") + "</w:tr></w:tbl>"
                           "</w:tc></w:tr></w:tbl>");
    ASSERT_EQ(g.rows.size(), 1u);
    EXPECT_EQ(g.rows[0].cells.at(0).text, "外\na b\nc d");
    EXPECT_TRUE(std::any_of(g.notes.begin(), g.notes.end(),
                            [](const std::string& n) { return n.find("nested inside a cell were flattened") != std::string::npos; }));
}

TEST(docx_reader, survives_deep_nesting_without_recursion) {
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += "<w:sdt><w:sdtContent>";
    deep += "<w:p><w:r><w:t>深</w:t></w:r></w:p>";
    for (int i = 0; i < 5000; ++i) deep += "</w:sdtContent></w:sdt>";
    auto g = io::read_grid(office_test::make_docx(deep));
    ASSERT_TRUE(g.has_value()) << g.error().describe();
    EXPECT_TRUE(g->rows.empty());  // deeper than the bound: not read
}

}  // namespace
