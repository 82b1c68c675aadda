// office_import_test.cpp — the sample's forms as .xlsx and .docx files (made at build time by
// tests/data/office/make_office_fixtures.py from the tab-separated sample) import to the same
// forms as the text.
#include <algorithm>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <jixiao/io/import.hpp>
#include <jixiao/json.hpp>

namespace {

namespace io = jixiao::io;

/// The canonical JSON of the forms without where they came from (file, lines, rows, columns).
nlohmann::json without_locations(const std::vector<jixiao::form>& forms) {
    nlohmann::json j = nlohmann::json::parse(jixiao::write_json(forms));
    std::vector<nlohmann::json*> stack{&j};
    while (!stack.empty()) {
        nlohmann::json* node = stack.back();
        stack.pop_back();
        if (node->is_object()) {
            for (const char* key : {"where", "source", "file", "line", "row", "column"}) node->erase(key);
            for (auto& [k, v] : node->items()) stack.push_back(&v);
        } else if (node->is_array()) {
            for (auto& v : *node) stack.push_back(&v);
        }
    }
    return j;
}

io::import_result import(const std::filesystem::path& p) {
    auto r = io::import_file(p);
    EXPECT_TRUE(r.has_value()) << p << ": " << (r ? "" : r.error().describe());
    return r ? *r : io::import_result{};
}

class office_sample : public ::testing::TestWithParam<const char*> {};

TEST_P(office_sample, imports_to_the_same_forms_as_the_text) {
    const auto text = import(std::filesystem::path(JIXIAO_SAMPLES_DIR) / "songjiang-2023.txt");
    const auto office = import(std::filesystem::path(JIXIAO_OFFICE_FIXTURES_DIR) / GetParam());
    ASSERT_EQ(text.forms.size(), 8u);
    ASSERT_EQ(office.forms.size(), 8u);
    const auto a = without_locations(text.forms);
    const auto b = without_locations(office.forms);
    for (std::size_t i = 0; i < 8; ++i) EXPECT_EQ(a["forms"][i].dump(1), b["forms"][i].dump(1)) << "form " << i;
    EXPECT_EQ(office.forms[0].where.file, GetParam());
    for (const auto& n : office.report.notes) {
        if (n.text == "本工作簿由测试生成") continue;  // the hidden notes sheet of the .xlsx: reported, below
        EXPECT_NE(n.kind, io::note_kind::unmapped) << n.message << ": " << n.text;
    }
}

INSTANTIATE_TEST_SUITE_P(every_file, office_sample,
                         ::testing::Values("songjiang-2023.xlsx", "songjiang-2023-onesheet.xlsx", "songjiang-2023.docx"),
                         [](const auto& param_info) {
                             std::string n = param_info.param;
                             for (char& c : n)
                                 if (c == '.' || c == '-') c = '_';
                             return n;
                         });

TEST(office_sample_notes, the_formula_without_a_value_and_the_hidden_sheet_are_noted) {
    const auto r = import(std::filesystem::path(JIXIAO_OFFICE_FIXTURES_DIR) / "songjiang-2023.xlsx");
    EXPECT_EQ(r.report.format, io::grid_format::xlsx);
    const auto& notes = r.report.reader_notes;
    auto has = [&](const std::string& s) {
        return std::any_of(notes.begin(), notes.end(), [&](const std::string& n) { return n.find(s) != std::string::npos; });
    };
    EXPECT_TRUE(has("`表1` cell T1: the formula `SUM(1,2)` has no cached value")) << testing::PrintToString(notes);
    EXPECT_TRUE(has("sheet 9 of 9 `说明` is hidden"));
    // Nothing lost: the text of the hidden sheet is in the report as an unmapped cell.
    EXPECT_TRUE(std::any_of(r.report.notes.begin(), r.report.notes.end(), [](const io::import_note& n) {
        return n.kind == io::note_kind::unmapped && n.text == "本工作簿由测试生成";
    }));
}

TEST(office_sample_notes, a_formula_without_a_value_is_an_import_warning_on_the_forms) {
    const auto r = import(std::filesystem::path(JIXIAO_OFFICE_FIXTURES_DIR) / "songjiang-2023.xlsx");
    ASSERT_FALSE(r.forms.empty());
    for (std::size_t i = 0; i < r.forms.size(); ++i) {
        const auto notes = r.report.notes_for(i);
        const auto it = std::find_if(notes.begin(), notes.end(),
                                     [](const io::import_note& n) { return n.code == "formula_without_value"; });
        ASSERT_NE(it, notes.end()) << "form " << i;
        EXPECT_EQ(it->kind, io::note_kind::warning);
        EXPECT_NE(it->message.find("cell T1"), std::string::npos) << it->message;
        EXPECT_NE(it->message.find("LibreOffice"), std::string::npos) << it->message;
    }
    // The text twin has no formula: no such warning.
    const auto twin = io::import_text("项目名称\t测试\n");
    if (twin.has_value()) {
        for (const auto& n : twin->report.notes) EXPECT_NE(n.code, "formula_without_value");
    }
}

TEST(office_sample_notes, the_deleted_revision_of_the_docx_is_not_read) {
    const auto r = import(std::filesystem::path(JIXIAO_OFFICE_FIXTURES_DIR) / "songjiang-2023.docx");
    EXPECT_EQ(r.report.format, io::grid_format::docx);
    for (const auto& n : r.report.notes) EXPECT_EQ(n.text.find("删除的文字"), std::string::npos);
}

}  // namespace
