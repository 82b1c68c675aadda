// export_page_test.cpp — the reports cite a PDF form by page (`p. 3`) and a text form by line,
// as before: HTML findings and form heading, Markdown, the findings CSV and JSON.
#include <jixiao/audit.hpp>
#include <jixiao/io/export.hpp>
#include <jixiao/json.hpp>
#include <jixiao/portfolio.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <fstream>
#include <span>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace jixiao;

form golden_form(int n) {
    const std::string path = std::string(JIXIAO_TEST_DATA_DIR) + "/forms/songjiang-2023-" + std::to_string(n) + ".json";
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return read_form_json(s.str()).value_or_throw();
}

const rulebook& book() {
    static const rulebook b = builtin_rulebook("mof-2020").value_or_throw();
    return b;
}

/// Golden form 1 as read from a PDF: the form starts on page 2, its indicators are on page 3.
evaluation from_pdf() {
    form f = golden_form(1);
    f.where = {"forms.pdf", 30, 30, 0, 2};
    std::size_t row = 40;
    for (indicator& ind : f.indicators) {
        ind.where = {"forms.pdf", row, row, 1, 3};
        ++row;
    }
    return evaluate(std::move(f), book(), "forms.pdf");
}

/// The same form from a text file (no pages).
evaluation from_text() {
    form f = golden_form(1);
    f.where = {"forms.txt", 30, 30, 0};
    std::size_t row = 40;
    for (indicator& ind : f.indicators) {
        ind.where = {"forms.txt", row, row, 1};
        ++row;
    }
    return evaluate(std::move(f), book(), "forms.txt");
}

std::size_t count(std::string_view haystack, std::string_view needle) {
    std::size_t n = 0;
    for (std::size_t pos = haystack.find(needle); pos != std::string_view::npos; pos = haystack.find(needle, pos + 1)) ++n;
    return n;
}

TEST(export_pages, the_fixture_has_findings_on_indicators_and_on_the_form) {
    const evaluation e = from_pdf();
    bool on_indicator = false, on_form = false;
    for (const finding& fd : e.findings) {
        if (fd.indicator) on_indicator = on_indicator || fd.where.page == 3;
        else on_form = on_form || fd.where.page == 2;
    }
    EXPECT_TRUE(on_indicator);
    EXPECT_TRUE(on_form);
}

TEST(export_pages, html_cites_the_page_of_a_pdf_and_the_line_of_text) {
    const std::vector<evaluation> pdf{from_pdf()};
    const std::string html = io::html_report(pdf, summarize(pdf, book()));
    EXPECT_NE(html.find("source forms.pdf, p. 2 · rulebook"), std::string::npos);
    for (const finding& fd : pdf[0].findings) {
        if (!fd.indicator) continue;
        const std::string loc = "<span class=\"loc\">indicator " + std::to_string(*fd.indicator + 1) + " · " +
                                io::escape_html(pdf[0].subject.indicators[*fd.indicator].name) + " · " + fd.field + " · p. 3</span>";
        EXPECT_NE(html.find(loc), std::string::npos) << loc;
    }
    EXPECT_EQ(count(html, " · line "), 0u);

    const std::vector<evaluation> text{from_text()};
    const std::string plain = io::html_report(text, summarize(text, book()));
    EXPECT_NE(plain.find("source forms.txt, line 30 · rulebook"), std::string::npos);
    EXPECT_EQ(count(plain, " · line "), text[0].findings.size());
    EXPECT_EQ(plain.find(" · p. "), std::string::npos);
}

TEST(export_pages, markdown_cites_the_page_of_a_pdf_only) {
    const std::string md = io::to_markdown(from_pdf());
    EXPECT_NE(md.find("Source: `forms.pdf`, p. 2 · rulebook"), std::string::npos);
    EXPECT_GT(count(md, " (p. 3): "), 0u);
    const std::string plain = io::to_markdown(from_text());
    EXPECT_NE(plain.find("Source: `forms.txt` · rulebook"), std::string::npos);
    EXPECT_EQ(plain.find("(p. "), std::string::npos);
}

TEST(export_pages, the_findings_csv_and_json_carry_the_page) {
    const std::vector<evaluation> pdf{from_pdf()};
    const std::string csv = io::findings_to_csv(pdf);
    EXPECT_EQ(count(csv, ",p. 3,") + count(csv, ",p. 2,"), pdf[0].findings.size()) << csv;
    const std::vector<evaluation> text{from_text()};
    EXPECT_EQ(count(io::findings_to_csv(text), ",p. "), 0u);

    const auto doc = nlohmann::json::parse(findings_to_json(std::span<const finding>(pdf[0].findings)));
    for (const auto& fd : doc["findings"]) {
        ASSERT_TRUE(fd["where"].contains("page")) << fd.dump();
        EXPECT_EQ(fd["where"]["page"], fd["indicator"].is_null() ? 2 : 3) << fd.dump();
    }
    const auto plain = nlohmann::json::parse(findings_to_json(std::span<const finding>(text[0].findings)));
    for (const auto& fd : plain["findings"]) EXPECT_FALSE(fd["where"].contains("page")) << fd.dump();
}

}  // namespace
