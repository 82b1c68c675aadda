#include <filesystem>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include <jixiao/detail/utf8.hpp>

#include "support/grid_test_support.hpp"

using jixiao::errc;
using jixiao::io::grid_format;
using jixiao::io::read_grid;
using jixiao::io::to_utf8;
namespace utf8 = jixiao::detail::utf8;

TEST(grid_encoding, passes_valid_utf8_unchanged_and_strips_a_bom) {
    EXPECT_EQ(*to_utf8("项目 abc"), "项目 abc");
    EXPECT_EQ(*to_utf8("\xEF\xBB\xBF项目"), "项目");
    EXPECT_EQ(*to_utf8(""), "");
}

TEST(grid_encoding, converts_gbk_bytes) {
    // 中文 in GBK/GB18030 is D6D0 CEC4 (GB2312 code chart).
    EXPECT_EQ(*to_utf8("\xD6\xD0\xCE\xC4,a"), "中文,a");
    // A four-byte GB18030 sequence: U+20AC (euro sign) is A2E3 in GB18030.
    EXPECT_EQ(*to_utf8("\xA2\xE3"), "\xE2\x82\xAC");
}

TEST(grid_encoding, converts_utf16_with_a_byte_order_mark) {
    const std::string le("\xFF\xFE" "a\0\t\0-N", 8);  // "a\t中" (U+4E2D)
    EXPECT_EQ(*to_utf8(le), "a\t中");
    const std::string be("\xFE\xFF\0a", 4);
    EXPECT_EQ(*to_utf8(be), "a");
}

TEST(grid_encoding, reports_damaged_utf8_with_the_offset_of_the_bad_byte) {
    // Four valid Chinese characters, then a stray continuation byte: damaged UTF-8, not GB18030.
    const std::string text = "项目名称\x80";
    auto r = to_utf8(text);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::invalid_utf8);
    EXPECT_EQ(r.error().offset, 12u);

    auto b = to_utf8("\xEF\xBB\xBF" "ab\xC3");
    ASSERT_FALSE(b.has_value());
    EXPECT_EQ(b.error().code, errc::invalid_utf8);
    EXPECT_EQ(b.error().offset, 5u);
}

TEST(grid_encoding, reports_bytes_that_are_neither_utf8_nor_gb18030) {
    auto r = to_utf8("ab\xFF\xFF");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::invalid_utf8);
    EXPECT_EQ(r.error().offset, 2u);
    EXPECT_NE(r.error().message.find("GB18030"), std::string::npos);
}

TEST(grid_encoding, rejects_nul_bytes_with_their_offset) {
    auto r = read_grid(std::string("a\tb\0c", 5), grid_format::tsv);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, errc::invalid_utf8);
    EXPECT_EQ(r.error().offset, 3u);
}

TEST(grid_encoding, never_crashes_on_random_bytes) {
    std::mt19937 rng(12345);
    for (int round = 0; round < 300; ++round) {
        std::string bytes(static_cast<std::size_t>(rng() % 2000), '\0');
        for (auto& c : bytes) c = static_cast<char>(rng() % 256);
        if (round % 3 == 0) {  // mostly markup and delimiters
            static constexpr char alphabet[] = "<>/tdrhabcolspanw=\"'&#;x|,\t\n\r -";
            for (auto& c : bytes) c = alphabet[rng() % (sizeof alphabet - 1)];
        }
        for (auto f : {grid_format::tsv, grid_format::pipe, grid_format::cell_per_line, grid_format::csv,
                       grid_format::html}) {
            auto r = read_grid(bytes, f);
            if (r) {
                for (const auto& row : r->rows) {
                    for (const auto& c : row.cells) EXPECT_TRUE(utf8::is_valid(c.text));
                }
            }
        }
        (void)read_grid(bytes);
    }
}

TEST(grid_limits, refuse_input_beyond_each_limit_with_a_clear_message) {
    jixiao::io::read_options small;
    small.max_bytes = 10;
    auto a = read_grid("0123456789x", grid_format::tsv, small);
    ASSERT_FALSE(a.has_value());
    EXPECT_EQ(a.error().code, errc::limit_exceeded);
    EXPECT_NE(a.error().message.find("limit"), std::string::npos);

    jixiao::io::read_options cells;
    cells.max_cells = 3;
    auto b = read_grid("a\tb\nc\td\n", grid_format::tsv, cells);
    ASSERT_FALSE(b.has_value());
    EXPECT_EQ(b.error().code, errc::limit_exceeded);
    EXPECT_EQ(b.error().offset, 6u);  // the fourth cell
    EXPECT_TRUE(read_grid("a\tb\nc\n", grid_format::tsv, cells).has_value());

    jixiao::io::read_options wide;
    wide.max_cell_bytes = 4;
    auto c = read_grid("abcd,abcde", grid_format::csv, wide);
    ASSERT_FALSE(c.has_value());
    EXPECT_EQ(c.error().code, errc::limit_exceeded);
    EXPECT_EQ(c.error().offset, 5u);
}

TEST(grid_limits, read_file_reports_missing_files_and_files_over_the_limit) {
    auto missing = jixiao::io::read_file("/nonexistent/jixiao.txt", 100);
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().code, errc::io_error);

    const auto path = std::filesystem::path(JIXIAO_SAMPLES_DIR) / "songjiang-2023.txt";
    auto big = jixiao::io::read_file(path, 100);
    ASSERT_FALSE(big.has_value());
    EXPECT_EQ(big.error().code, errc::limit_exceeded);
    auto whole = jixiao::io::read_file(path, 1u << 20);
    ASSERT_TRUE(whole.has_value());
    EXPECT_EQ(whole->size(), std::filesystem::file_size(path));
}
