// export_xlsx_test.cpp — the Excel workbook of `write_xlsx`, read back with the .xlsx reader:
// sheets, headers, exact numbers, text that looks like a formula staying text.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <jixiao/io/export.hpp>
#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>
#include <jixiao/portfolio.hpp>
#include <jixiao/rulebook.hpp>

namespace {

namespace io = jixiao::io;

std::vector<jixiao::evaluation> sample_evaluations(const jixiao::rulebook& book) {
    auto r = io::import_file(std::filesystem::path(JIXIAO_SAMPLES_DIR) / "songjiang-2023.txt");
    EXPECT_TRUE(r.has_value());
    std::vector<jixiao::evaluation> out;
    if (!r) return out;
    for (auto& f : r->forms) out.push_back(jixiao::evaluate(f, book, "songjiang-2023.txt"));
    return out;
}

bool has_row(const io::grid& g, const std::vector<std::string>& prefix) {
    return std::any_of(g.rows.begin(), g.rows.end(), [&](const io::row& r) {
        if (r.cells.size() < prefix.size()) return false;
        for (std::size_t i = 0; i < prefix.size(); ++i)
            if (r.cells[i].text != prefix[i]) return false;
        return true;
    });
}

TEST(export_xlsx, writes_four_sheets_with_exact_numbers_and_text_never_a_formula) {
    const auto book = jixiao::builtin_rulebook(jixiao::default_rulebook_name).value_or_throw();
    auto evaluations = sample_evaluations(book);
    ASSERT_EQ(evaluations.size(), 8u);
    evaluations[1].subject.project_name = "=HYPERLINK(\"http://x\")";
    const auto p = jixiao::summarize(evaluations, book);
    const auto path = std::filesystem::temp_directory_path() / "jixiao-export-xlsx-test.xlsx";
    const auto e = io::write_xlsx(path, evaluations, p);
    ASSERT_FALSE(e.has_value()) << e->describe();
    auto bytes = io::read_file(path, 64u << 20);
    ASSERT_TRUE(bytes.has_value());
    const auto g = io::read_grid(*bytes);
    ASSERT_TRUE(g.has_value()) << g.error().describe();
    const auto& notes = g->notes;
    auto noted = [&](const std::string& s) {
        return std::any_of(notes.begin(), notes.end(), [&](const std::string& n) { return n.find(s) != std::string::npos; });
    };
    EXPECT_TRUE(noted("sheet 1 of 4 `表单`"));
    EXPECT_TRUE(noted("sheet 4 of 4 `汇总`"));
    EXPECT_FALSE(noted("formula"));  // no cell became a formula
    EXPECT_TRUE(has_row(*g, {"序号", "来源文件", "项目名称", "主管部门", "自评总分", "复核总分"}));
    // Form 1: reported 100, computed 100.00 (two places, as the exact decimal prints).
    EXPECT_TRUE(has_row(*g, {"1", "songjiang-2023.txt", evaluations[0].subject.project_name,
                             evaluations[0].subject.department, "100", "100.00"}));
    EXPECT_TRUE(has_row(*g, {"2", "songjiang-2023.txt", "=HYPERLINK(\"http://x\")"}));
    EXPECT_TRUE(has_row(*g, {"表单数", "8"}));

    const auto en = std::filesystem::temp_directory_path() / "jixiao-export-xlsx-test-en.xlsx";
    ASSERT_FALSE(io::write_xlsx(en, evaluations, p, {.english = true}).has_value());
    const auto g2 = io::read_grid(*io::read_file(en, 64u << 20));
    ASSERT_TRUE(g2.has_value());
    EXPECT_TRUE(has_row(*g2, {"form", "source", "project_name", "department", "reported_total", "computed_total"}));
    std::filesystem::remove(path);
    std::filesystem::remove(en);
}

TEST(export_xlsx, a_grouped_portfolio_gets_a_sheet_of_its_groups) {
    const auto book = jixiao::builtin_rulebook(jixiao::default_rulebook_name).value_or_throw();
    auto evaluations = sample_evaluations(book);
    ASSERT_EQ(evaluations.size(), 8u);
    auto p = jixiao::summarize(evaluations, book);
    p.grouped_by = jixiao::group_by::department;
    p.groups = jixiao::group_portfolio(evaluations, p, jixiao::group_by::department);
    ASSERT_FALSE(p.groups.empty());
    const auto path = std::filesystem::temp_directory_path() / "jixiao-export-xlsx-groups.xlsx";
    ASSERT_FALSE(io::write_xlsx(path, evaluations, p).has_value());
    const auto g = io::read_grid(*io::read_file(path, 64u << 20));
    ASSERT_TRUE(g.has_value()) << g.error().describe();
    EXPECT_TRUE(std::any_of(g->notes.begin(), g->notes.end(),
                            [](const std::string& n) { return n.find("sheet 5 of 5 `分组`") != std::string::npos; }));
    EXPECT_TRUE(has_row(*g, {"主管部门", "表数", "可评分表数", "平均复核总分", "全年预算数合计(元)"}));
    const auto& first = p.groups.front();
    EXPECT_TRUE(has_row(*g, {first.key, std::to_string(first.forms), std::to_string(first.scorable)}));
    // Without a grouping there is no such sheet.
    p.grouped_by.reset();
    p.groups.clear();
    ASSERT_FALSE(io::write_xlsx(path, evaluations, p).has_value());
    const auto plain = io::read_grid(*io::read_file(path, 64u << 20));
    ASSERT_TRUE(plain.has_value());
    EXPECT_TRUE(std::any_of(plain->notes.begin(), plain->notes.end(),
                            [](const std::string& n) { return n.find("sheet 4 of 4 `汇总`") != std::string::npos; }));
    std::filesystem::remove(path);
}

TEST(export_xlsx, reports_a_path_it_cannot_write) {
    const auto book = jixiao::builtin_rulebook(jixiao::default_rulebook_name).value_or_throw();
    const std::vector<jixiao::evaluation> none;
    const auto e = io::write_xlsx("/nonexistent-dir/x.xlsx", none, jixiao::summarize(none, book));
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->code, jixiao::errc::io_error);
}

}  // namespace
