// page_grid_test.cpp — the paged grid builder and the OCR value grammar (no PDF, no Tesseract):
// pages built by hand with words carrying OCR confidences, as jixiao::ocr hands them over.
#include <gtest/gtest.h>

#include <jixiao/io/import.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "read/page_grid.hpp"

namespace {

using namespace jixiao::io::layout;
namespace io = jixiao::io;

constexpr std::int32_t pt = 100;

word ocr_word(std::string text, std::int32_t x, std::int32_t y, std::int32_t chars, std::int16_t confidence) {
    word w{std::move(text), io::box{x * pt, y * pt, (x + 10 * chars) * pt, (y + 12) * pt}, 10 * pt};
    w.confidence = confidence;
    return w;
}

TEST(ocr_repair, letters_that_look_like_digits_in_a_figure_become_digits) {
    EXPECT_EQ(repair_ocr_text("IO"), "10");
    EXPECT_EQ(repair_ocr_text("l5.O"), "15.0");
    EXPECT_EQ(repair_ocr_text("1OO%"), "100%");
    EXPECT_EQ(repair_ocr_text("968.191 8"), "968.1918");
    EXPECT_EQ(repair_ocr_text("１２３"), "123");
    EXPECT_EQ(repair_ocr_text("1，234．5"), "1,234.5");
}

TEST(ocr_repair, signs_and_units_read_as_chinese_are_repaired) {
    EXPECT_EQ(repair_ocr_text("万兀"), "万元");
    EXPECT_EQ(repair_ocr_text("<一3次"), "<=3次");
    EXPECT_EQ(repair_ocr_text(">二95%"), ">=95%");
    EXPECT_EQ(repair_ocr_text("一12月"), "=12月");
    EXPECT_EQ(repair_ocr_text("=一0.6万元"), "=0.6万元");
}

TEST(ocr_repair, text_that_is_not_a_figure_is_left_alone) {
    EXPECT_EQ(repair_ocr_text("I"), "I");          // a letter alone is not taken for a digit
    EXPECT_EQ(repair_ocr_text("O"), "O");
    EXPECT_EQ(repair_ocr_text("IT系统"), "IT系统");
    EXPECT_EQ(repair_ocr_text("一次性"), "一次性");  // 一 before no figure
    EXPECT_EQ(repair_ocr_text("12 34 abc"), "12 34 abc");
    EXPECT_EQ(repair_ocr_text("548760.00"), "548760.00");
}

std::vector<word> words_of(const std::vector<std::string>& texts) {
    std::vector<word> out;
    for (const std::string& t : texts) out.push_back(word{t, io::box{}, 10 * pt});
    return out;
}

TEST(poor_text_layer, a_layer_that_reads_well_is_kept) {
    EXPECT_FALSE(poor_text_layer(words_of({"项目名称", "网络信息系统开发", "548760.00", "100.00%", "10", "=7个", "2023"})));
    EXPECT_FALSE(poor_text_layer({}));
}

TEST(poor_text_layer, unreadable_characters_broken_figures_and_yuan_misread_are_reasons) {
    const auto pua = poor_text_layer(words_of({"\uE001\uE002\uE003\uE004", "项目名称项目名称项目名称项目名称项目名称", "\uFFFD\uFFFD"}));
    ASSERT_TRUE(pua);
    EXPECT_NE(pua->find("% of its characters unreadable"), std::string::npos) << *pua;
    const auto figures = poor_text_layer(words_of({"IO", "l5", "2O23", "100", "项目"}));
    ASSERT_TRUE(figures);
    EXPECT_NE(figures->find("3 figures broken"), std::string::npos) << *figures;
    EXPECT_TRUE(poor_text_layer(words_of({"项目资金(万兀)"})));
    // Latin words are not a reason: an English document reads as well as a Chinese one.
    EXPECT_FALSE(poor_text_layer(words_of({"Indicator", "Target", "Actual", "Output", "548760.00", "Quantity",
                                           "Quality", "Timeliness", "Cost", "Satisfaction", "Total", "Score"})));
    EXPECT_FALSE(poor_text_layer(words_of({"IT2023", "5G", "IO", "100", "200", "300"})));  // one broken in many
}

/// One ruled table of two rows and two columns, each cell holding one word.
page_input table_page(const std::vector<word>& words) {
    page_input p;
    p.height = 800 * pt;
    for (std::int32_t y : {100, 130, 160}) p.horizontals.push_back({50 * pt, y * pt, 350 * pt, y * pt});
    for (std::int32_t x : {50, 200, 350}) p.verticals.push_back({x * pt, 100 * pt, x * pt, 160 * pt});
    p.words = words;
    return p;
}

TEST(paged_grid, cells_keep_the_lowest_confidence_and_the_text_as_read) {
    io::read_options options;
    paged_grid g(io::grid_format::image, options);
    ASSERT_FALSE(g.add_page(1,
                            table_page({ocr_word("项目", 55, 105, 2, 93), ocr_word("名称", 75, 105, 2, 41),
                                        ocr_word("IO", 205, 105, 2, 88), ocr_word("548760.00", 205, 135, 9, 96)}),
                            0, 0, "no table"));
    const io::grid grid = std::move(g).take();
    std::vector<io::cell> cells;
    for (const io::row& r : grid.rows)
        for (const io::cell& c : r.cells)
            if (!c.text.empty()) cells.push_back(c);
    ASSERT_EQ(cells.size(), 3U);
    EXPECT_EQ(cells[0].text, "项目名称");
    EXPECT_EQ(cells[0].confidence, 41);  // the least certain word
    EXPECT_EQ(cells[1].text, "10");
    EXPECT_EQ(cells[1].as_read, "IO");
    EXPECT_EQ(cells[1].confidence, 88);
    EXPECT_EQ(cells[2].text, "548760.00");
    EXPECT_TRUE(cells[2].as_read.empty());
    EXPECT_EQ(cells[2].page, 1U);
}

TEST(paged_grid, cells_of_a_text_layer_have_no_confidence_and_are_never_repaired) {
    io::read_options options;
    paged_grid g(io::grid_format::pdf, options);
    word w{"IO", io::box{205 * pt, 105 * pt, 225 * pt, 117 * pt}, 10 * pt};
    ASSERT_FALSE(g.add_page(1, table_page({w}), 0, 0, "no table"));
    const io::grid grid = std::move(g).take();
    for (const io::row& r : grid.rows)
        for (const io::cell& c : r.cells) {
            EXPECT_EQ(c.confidence, -1);
            if (!c.text.empty()) {
                EXPECT_EQ(c.text, "IO");
            }
        }
}

TEST(ocr_import, low_confidence_and_repaired_cells_become_ocr_uncertain_notes_on_their_form) {
    // A form's grid as the OCR reader gives it: one uncertain amount, one repaired weight.
    io::grid g;
    g.format = io::grid_format::image;
    const auto row = [&](std::vector<std::string> texts, std::vector<std::int16_t> confidence, std::string as_read = {}) {
        io::row r;
        r.line = g.rows.size() + 1;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            io::cell c;
            c.text = texts[i];
            c.line = r.line;
            c.column = i + 1;
            c.page = 1;
            c.bounds = io::box{static_cast<std::int32_t>(i) * 5000, static_cast<std::int32_t>(r.line) * 2000,
                               static_cast<std::int32_t>(i + 1) * 5000, static_cast<std::int32_t>(r.line + 1) * 2000};
            c.confidence = confidence[i];
            if (i == 5 && !as_read.empty()) c.as_read = as_read;
            r.cells.push_back(c);
        }
        g.rows.push_back(r);
    };
    row({"财政项目支出绩效自评表"}, {95});
    row({"项目名称", "测试项目", "", "", "", ""}, {95, 95, -1, -1, -1, -1});
    row({"项目资金(万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值"}, {95, 95, 95, 95, 95, 95});
    row({"", "年度资金总额", "100", "100", "9O", "10"}, {95, 95, 95, 95, 52, 90}, "IO");
    const auto r = io::recognize(g);
    ASSERT_TRUE(r.has_value()) << r.error().message;
    std::vector<const io::import_note*> marked;
    for (const io::import_note& n : r->report.notes)
        if (n.code == "ocr_uncertain") marked.push_back(&n);
    ASSERT_EQ(marked.size(), 2U);
    EXPECT_EQ(marked[0]->text, "9O");
    EXPECT_NE(marked[0]->message.find("confidence 52 (below 80)"), std::string::npos) << marked[0]->message;
    EXPECT_NE(marked[0]->message.find("page 1, box (200.0, 80.0)-(250.0, 100.0) pt"), std::string::npos) << marked[0]->message;
    EXPECT_EQ(marked[0]->where.page, 1U);
    EXPECT_EQ(marked[1]->text, "10");
    EXPECT_NE(marked[1]->message.find("repaired from \"IO\""), std::string::npos) << marked[1]->message;
    ASSERT_TRUE(marked[0]->form.has_value());
    EXPECT_EQ(*marked[0]->form, 0U);
}

}  // namespace
