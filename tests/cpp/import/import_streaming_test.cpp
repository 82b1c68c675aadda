// Tests of the streaming import (docs/performance.md, "Import"): `import_text` recognises the
// rows of the tsv, pipe, cell-per-line and csv readers as they are read instead of building the
// whole grid first; its results must be exactly those of `recognize(read_grid(...))`.
#include <jixiao/error.hpp>
#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>

#include <gtest/gtest.h>

#include "support/grid_test_support.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace {

namespace io = jixiao::io;
using jixiao::errc;

std::string sample(const std::string& name) { return grid_test::data_file("samples/" + name); }

/// import_text(bytes) and recognize(read_grid(bytes)) give the same forms, report or error.
void expect_same_as_whole_grid(const std::string& bytes, std::optional<io::grid_format> format,
                               const io::read_options& limits = {}) {
    io::import_options options;
    options.format = format;
    options.limits = limits;
    options.source_name = "doc.txt";
    const auto streamed = io::import_text(bytes, options);
    const auto g = format ? io::read_grid(bytes, *format, limits) : io::read_grid(bytes, limits);
    if (!g.has_value() && g.error().code == errc::unknown_format && !format) {
        // Text with no table structure a reader knows (a PDF dump) is read line by line, then
        // by meaning: the same as asking for the lines reader.
        io::import_options lines = options;
        lines.format = io::grid_format::cell_per_line;
        const auto as_lines = io::import_text(bytes, lines);
        ASSERT_EQ(streamed.has_value(), as_lines.has_value());
        if (streamed.has_value()) {
            EXPECT_EQ(streamed->forms, as_lines->forms);
        } else {
            EXPECT_EQ(streamed.error().message, as_lines.error().message);
        }
        expect_same_as_whole_grid(bytes, io::grid_format::cell_per_line, limits);
        return;
    }
    if (!g.has_value()) {
        ASSERT_FALSE(streamed.has_value());
        EXPECT_EQ(streamed.error().offset, g.error().offset);
        EXPECT_EQ(streamed.error().where, "doc.txt");
        if (g.error().code == errc::unknown_format) {
            EXPECT_EQ(streamed.error().code, errc::no_form_found);
            EXPECT_EQ(streamed.error().message, "no form found: " + g.error().message);
        } else {
            EXPECT_EQ(streamed.error().code, g.error().code);
            EXPECT_EQ(streamed.error().message, g.error().message);
        }
        return;
    }
    const auto whole = io::recognize(*g, options);
    ASSERT_EQ(streamed.has_value(), whole.has_value());
    if (!whole.has_value()) {
        EXPECT_EQ(streamed.error().code, whole.error().code);
        EXPECT_EQ(streamed.error().message, whole.error().message);
        return;
    }
    EXPECT_EQ(streamed->forms.size(), whole->forms.size());
    EXPECT_TRUE(streamed->forms == whole->forms);
    EXPECT_EQ(streamed->report.notes.size(), whole->report.notes.size());
    EXPECT_TRUE(streamed->report == whole->report);
    EXPECT_EQ(streamed->report.cells_total, whole->report.cells_total);
    EXPECT_EQ(streamed->report.cells_mapped, whole->report.cells_mapped);
}

const std::vector<io::grid_format> streamed_formats = {io::grid_format::tsv, io::grid_format::pipe,
                                                       io::grid_format::cell_per_line, io::grid_format::csv};

}  // namespace

TEST(import_streaming, gives_the_whole_grid_result_for_every_sample) {
    for (const char* name : {"songjiang-2023.txt", "songjiang-2023.pipe.txt", "songjiang-2023.lines.txt",
                             "songjiang-2023.csv", "songjiang-2023.gb18030.csv", "songjiang-2023.html"}) {
        SCOPED_TRACE(name);
        const std::string bytes = sample(name);
        ASSERT_FALSE(bytes.empty());
        expect_same_as_whole_grid(bytes, std::nullopt);
        for (const auto format : streamed_formats) expect_same_as_whole_grid(bytes, format);
    }
}

TEST(import_streaming, gives_the_whole_grid_result_for_many_forms) {
    // Hundreds of forms: the working cells grow and move, and the forms' room is estimated
    // from the first form.
    const std::string one = sample("songjiang-2023.txt");
    std::string many = "text before the first form\t-3-\n\n";
    for (int k = 0; k < 200; ++k) many += one + "\n";
    const auto r = io::import_text(many);
    ASSERT_TRUE(r.has_value());
    EXPECT_GE(r->forms.size(), 200u);
    expect_same_as_whole_grid(many, io::grid_format::tsv);
    expect_same_as_whole_grid(sample("songjiang-2023.pipe.txt") + "\n" + sample("songjiang-2023.pipe.txt"),
                              io::grid_format::pipe);
}

TEST(import_streaming, gives_the_whole_grid_result_when_the_first_form_is_tiny) {
    // The estimate of the number of forms from a tiny first form is bounded; the last form has
    // thousands of cells (the working cells grow while its rows are held).
    std::string text = "财政项目支出绩效自评表\n项目名称\tX\n" + sample("songjiang-2023.txt");
    for (int k = 0; k < 1500; ++k) text += "a line of text that is no form\tcell\t" + std::to_string(k) + "\n";
    expect_same_as_whole_grid(text, io::grid_format::tsv);
    expect_same_as_whole_grid(text, std::nullopt);
}

TEST(import_streaming, skips_pipe_separator_rows_as_the_grid_does) {
    const std::string text = "| 财政项目支出绩效自评表 |\n|---|---|\n| 项目名称 | 道路养护 |\n| :-: | --- |\n\n| 总分 | 100 |\n";
    expect_same_as_whole_grid(text, io::grid_format::pipe);
    const auto r = io::import_text(text, io::import_options{io::grid_format::pipe, {}, "-"});
    ASSERT_TRUE(r.has_value());
    ASSERT_FALSE(r->report.reader_notes.empty());
    EXPECT_EQ(r->report.reader_notes.back(), "skipped 2 separator rows (|---|)");
}

TEST(import_streaming, keeps_the_reader_notes_in_order) {
    // A GB18030 file read as CSV with semicolons: conversion, detection and reader notes.
    const std::string bytes = sample("songjiang-2023.gb18030.csv");
    const auto streamed = io::import_text(bytes);
    const auto g = io::read_grid(bytes);
    ASSERT_TRUE(streamed.has_value());
    ASSERT_TRUE(g.has_value());
    EXPECT_EQ(streamed->report.reader_notes, g->notes);
    EXPECT_FALSE(g->notes.empty());
}

TEST(import_streaming, reports_the_limit_errors_of_read_grid) {
    const std::string bytes = sample("songjiang-2023.txt") + sample("songjiang-2023.txt");
    io::read_options few_cells;
    few_cells.max_cells = 300;  // reached inside the second form, after the first was recognised
    io::read_options small_cells;
    small_cells.max_cell_bytes = 40;
    io::read_options few_bytes;
    few_bytes.max_bytes = bytes.size() / 2;
    for (const auto* limits : {&few_cells, &small_cells, &few_bytes}) {
        for (const auto format : streamed_formats) {
            SCOPED_TRACE(io::to_string(format));
            expect_same_as_whole_grid(bytes, format, *limits);
        }
        const auto r = io::import_text(bytes, io::import_options{io::grid_format::tsv, *limits, "doc.txt"});
        ASSERT_FALSE(r.has_value());
        EXPECT_EQ(r.error().code, errc::limit_exceeded);
    }
}

TEST(import_streaming, reports_no_form_as_the_whole_grid_does) {
    for (const std::string text : {"a\tb\nc\td\n", "", "plain text\n\nmore text\n", "x,y\n1,2\n"}) {
        expect_same_as_whole_grid(text, std::nullopt);
        for (const auto format : streamed_formats) expect_same_as_whole_grid(text, format);
    }
}
