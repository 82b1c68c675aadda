// Labels OCR misread by one character, put right before recognition (src/import/ocr_labels.hpp),
// and what must never be "put right": content, fragments, level texts, figures.
#include "import/ocr_labels.hpp"

#include <jixiao/io/import.hpp>
#include <jixiao/io/layouts.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace io = jixiao::io;
using io::detail::misread_label;

namespace {

std::string fixed(const std::string& text) { return misread_label(text, io::builtin_layouts()).value_or("(none)"); }

TEST(ocr_labels, one_character_more_at_an_end_or_one_changed_is_put_right) {
    EXPECT_EQ(fixed("四分值"), "分值");          // a speck of the stamp before it
    EXPECT_EQ(fixed("本得分"), "得分");
    EXPECT_EQ(fixed("一年度指标值"), "年度指标值");
    EXPECT_EQ(fixed("实际完成清况"), "实际完成情况");  // one character misread
    EXPECT_EQ(fixed("实际完成情况:"), "实际完成情况");
    EXPECT_EQ(fixed("年初预箕数"), "年初预算数");
}

TEST(ocr_labels, labels_content_fragments_level_texts_and_figures_are_left_alone) {
    EXPECT_EQ(fixed("分值"), "(none)");            // a label as it is
    EXPECT_EQ(fixed("时效指标"), "(none)");        // a level-2 text, one character from 绩效指标
    EXPECT_EQ(fixed("效指标"), "(none)");          // a fragment of the vertical label
    EXPECT_EQ(fixed("绩效指"), "(none)");
    EXPECT_EQ(fixed("分值10"), "(none)");          // a figure is no label
    EXPECT_EQ(fixed("专家评审人次"), "(none)");    // content
    EXPECT_EQ(fixed("值"), "(none)");              // too short to tell
    // As near to 实际完成值 (an indicator column) as to 实际完成数 (a funds column): without the
    // row it is in, not put right (in a row of indicator columns it is: the test below).
    EXPECT_EQ(fixed("实际完成什"), "(none)");
}

/// A grid as the OCR reader gives it, every cell of confidence 90.
io::grid ocr_grid(const std::vector<std::vector<std::string>>& rows) {
    io::grid g;
    g.format = io::grid_format::image;
    for (const auto& texts : rows) {
        io::row r;
        r.line = g.rows.size() + 1;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            io::cell c;
            c.text = texts[i];
            c.line = r.line;
            c.column = i + 1;
            c.page = 1;
            c.confidence = texts[i].empty() ? std::int16_t{-1} : std::int16_t{90};
            r.cells.push_back(c);
        }
        g.rows.push_back(std::move(r));
    }
    return g;
}

TEST(ocr_labels, a_misread_column_header_keeps_its_column_of_figures_and_is_noted) {
    const io::grid g = ocr_grid({
        {"财政项目支出绩效自评表"},
        {"项目名称", "测试项目"},
        {"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成什", "四分值", "本得分", "偏差原因分析及改进措施"},
        {"", "产出指标", "数量指标", "培训人次", ">=100人次", "120人次", "20", "20", ""},
        {"", "效益指标", "社会效益指标", "服务覆盖", "=100%", "100%", "30", "27", "略有不足"},
    });
    const auto r = io::recognize(g);
    ASSERT_TRUE(r.has_value()) << r.error().message;
    ASSERT_EQ(r->forms.size(), 1U);
    const jixiao::form& f = r->forms[0];
    ASSERT_EQ(f.indicators.size(), 2U);
    EXPECT_EQ(f.indicators[0].weight.text, "20");
    EXPECT_EQ(f.indicators[1].score.text, "27");
    EXPECT_EQ(f.indicators[0].actual.text, "120人次");
    EXPECT_TRUE(f.indicators[1].extra.empty());
    std::vector<std::string> repaired;
    for (const io::import_note& n : r->report.notes) {
        if (n.code == "ocr_uncertain" && n.message.find("repaired from") != std::string::npos) repaired.push_back(n.text);
    }
    EXPECT_EQ(repaired, (std::vector<std::string>{"实际完成值", "分值", "得分"}));
}

TEST(ocr_labels, a_cell_marked_for_review_names_the_indicator_of_its_row) {
    io::grid g = ocr_grid({
        {"财政项目支出绩效自评表"},
        {"项目名称", "测试项目"},
        {"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"},
        {"", "产出指标", "数量指标", "培训人次", ">=100人次", "120人次", "20", "20", ""},
        {"", "效益指标", "社会效益指标", "服务覆盖", "=100%", "100%", "30", "27", ""},
    });
    g.rows[4].cells[7].confidence = 40;  // the second indicator's score, unsure
    const auto r = io::recognize(g);
    ASSERT_TRUE(r.has_value()) << r.error().message;
    const io::import_note* note = nullptr;
    for (const io::import_note& n : r->report.notes) {
        if (n.code == "ocr_uncertain" && n.text == "27") note = &n;
    }
    ASSERT_NE(note, nullptr);
    ASSERT_TRUE(note->indicator.has_value());
    EXPECT_EQ(*note->indicator, 1U);
}

// Cells of a text layer or any other reader are never touched.
TEST(ocr_labels, a_grid_without_ocr_cells_is_left_as_it_is) {
    io::grid g = ocr_grid({{"绩效指标", "四分值", "得分"}});
    for (io::cell& c : g.rows[0].cells) c.confidence = -1;
    EXPECT_FALSE(io::detail::with_ocr_labels_repaired(g, io::builtin_layouts()).has_value());
}

}  // namespace
