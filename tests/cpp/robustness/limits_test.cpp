// Documented limits (docs/robustness.md) give clear errors when exceeded, and adversarial input
// (deep nesting, huge numbers, long lines, invalid UTF-8, NUL bytes, mixed encodings) is read in
// bounded time and memory. Invalid UTF-8 never reaches JSON or HTML output.
#include <jixiao/decimal.hpp>
#include <jixiao/detail/utf8.hpp>
#include <jixiao/io/export.hpp>
#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>
#include <jixiao/json.hpp>
#include <jixiao/portfolio.hpp>
#include <jixiao/rulebook.hpp>
#include <jixiao/value.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

using namespace jixiao;

namespace {

bool mentions(const jixiao::error& e, std::string_view word) { return e.message.find(word) != std::string::npos; }

/// Wall time of `f` in milliseconds (the bounds below are generous: sanitizer builds are slow).
template <class F>
long long millis(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

// ---- numbers ----------------------------------------------------------------------------------

TEST(limits, decimal_digits_beyond_the_bound_are_too_many_digits_at_the_first_extra_digit) {
    const std::string text(static_cast<std::size_t>(decimal::max_parse_digits) + 1, '7');
    auto r = decimal::parse(text);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, errc::too_many_digits);
    EXPECT_EQ(r.error().offset, static_cast<std::size_t>(decimal::max_parse_digits));
    EXPECT_TRUE(mentions(r.error(), "10000"));
}

TEST(limits, a_million_digit_number_is_refused_quickly) {
    const std::string text(1'000'000, '9');
    const auto ms = millis([&] { EXPECT_FALSE(decimal::parse(text)); });
    EXPECT_LT(ms, 2000);
}

TEST(limits, exponent_beyond_the_bound_is_out_of_range_however_long) {
    auto r = decimal::parse("1e" + std::string(100'000, '9'));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, errc::exponent_out_of_range);
    EXPECT_EQ(r.error().offset, 1u);
}

TEST(limits, a_value_folded_beyond_the_digit_bound_does_not_read_back_but_fails_clearly) {
    // Finding 1 of docs/robustness.md: `1e10000` is accepted (exponent within the bound) and
    // prints as 10,001 digits, more than parse reads back. The failure is a clear error.
    auto big = decimal::parse("1e10000");
    ASSERT_TRUE(big);
    auto again = decimal::parse(big->to_string());
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, errc::too_many_digits);
}

TEST(limits, value_with_a_huge_number_is_an_error_with_its_offset) {
    auto r = parse_value(">=" + std::string(20'000, '9') + "%");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, errc::invalid_value);  // value errors: docs/values.md
    EXPECT_TRUE(mentions(r.error(), "10000"));
    EXPECT_GE(r.error().offset, 2u);
}

// ---- value text -------------------------------------------------------------------------------

TEST(limits, long_value_text_is_kept_as_text_in_linear_time) {
    std::string text;
    for (int i = 0; i < 100'000; ++i) text += "提升";
    std::optional<result<value_expr>> r;
    const auto ms = millis([&] { r = parse_value(text); });
    ASSERT_TRUE(*r);
    EXPECT_EQ((*r)->text, text);
    EXPECT_LT(ms, 3000);
}

TEST(limits, nul_bytes_and_invalid_utf8_in_values_are_errors_with_offsets) {
    auto bad = parse_value(std::string_view("=7\xC3", 3));
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, errc::invalid_utf8);
    EXPECT_EQ(bad.error().offset, 2u);
    auto nul = parse_value(std::string_view("=7\0个", 6));
    if (nul) {
        // NUL is valid UTF-8: if accepted, it is kept verbatim (nothing lost).
        EXPECT_EQ(nul->text.size(), 6u);
    } else {
        EXPECT_LE(nul.error().offset, 6u);
    }
}

// ---- grid readers -----------------------------------------------------------------------------

TEST(limits, grid_input_bigger_than_max_bytes_is_limit_exceeded) {
    io::read_options o;
    o.max_bytes = 1000;
    auto r = io::read_grid(std::string(1001, 'a'), io::grid_format::tsv, o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, errc::limit_exceeded);
    EXPECT_TRUE(mentions(r.error(), "1000"));
}

TEST(limits, grid_with_more_cells_than_max_cells_is_limit_exceeded_for_every_reader) {
    io::read_options o;
    o.max_cells = 100;
    std::string tsv, pipe, lines, csv, html = "<table>";
    for (int i = 0; i < 101; ++i) {
        tsv += "x\n";
        pipe += "| x |\n";
        lines += "x\n\n";
        csv += "x\n";
        html += "<tr><td>x</td></tr>";
    }
    html += "</table>";
    const std::pair<io::grid_format, std::string> inputs[] = {{io::grid_format::tsv, tsv},
                                                              {io::grid_format::pipe, pipe},
                                                              {io::grid_format::cell_per_line, lines},
                                                              {io::grid_format::csv, csv},
                                                              {io::grid_format::html, html}};
    for (const auto& [format, text] : inputs) {
        auto r = io::read_grid(text, format, o);
        ASSERT_FALSE(r) << to_string(format);
        EXPECT_EQ(r.error().code, errc::limit_exceeded) << to_string(format);
        EXPECT_GT(r.error().offset, 0u) << to_string(format);
    }
}

TEST(limits, a_cell_longer_than_max_cell_bytes_is_limit_exceeded_at_its_offset) {
    io::read_options o;
    o.max_cell_bytes = 100;
    auto r = io::read_grid("short\t" + std::string(101, 'y') + "\n", io::grid_format::tsv, o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, errc::limit_exceeded);
    EXPECT_EQ(r.error().offset, 6u);
}

TEST(limits, html_spans_cannot_multiply_cells_beyond_the_limits) {
    io::read_options o;
    o.max_cells = 10'000;
    std::string html = "<table>";
    for (int i = 0; i < 50; ++i) html += R"(<tr><td rowspan="65534" colspan="1000">x</td></tr>)";
    html += "</table>";
    std::optional<result<io::grid>> r;
    const auto ms = millis([&] { r = io::read_grid(html, io::grid_format::html, o); });
    if (*r) {
        std::size_t cells = 0;
        for (const auto& row : (*r)->rows) cells += row.cells.size();
        EXPECT_LE(cells, o.max_cells);
    } else {
        EXPECT_EQ(r->error().code, errc::limit_exceeded);
    }
    EXPECT_LT(ms, 5000);
}

TEST(limits, deeply_nested_html_is_read_without_recursion) {
    std::string html = "<table><tr><td>";
    for (int i = 0; i < 200'000; ++i) html += "<b>";
    html += "x</td></tr></table>";
    auto r = io::read_grid(html, io::grid_format::html);
    EXPECT_TRUE(r || r.error().code == errc::limit_exceeded);
}

TEST(limits, a_long_line_of_one_megabyte_reads_as_one_row) {
    std::string line;
    for (int i = 0; i < 1000; ++i) line += std::string(999, 'x') + "\t";
    line += "\n";
    auto r = io::read_grid(line, io::grid_format::tsv);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->rows.size(), 1u);
    EXPECT_EQ(r->rows[0].cells.size(), 1001u);
}

TEST(limits, nul_byte_anywhere_is_invalid_utf8_with_its_offset) {
    static constexpr char bytes[] = "项目名称\t金额\n名称\t1\0 2\n";
    const std::string text(bytes, sizeof bytes - 1);  // the NUL is byte 28
    for (auto format : {io::grid_format::tsv, io::grid_format::csv, io::grid_format::pipe,
                        io::grid_format::cell_per_line, io::grid_format::html}) {
        auto r = io::read_grid(text, format);
        ASSERT_FALSE(r) << to_string(format);
        EXPECT_EQ(r.error().code, errc::invalid_utf8) << to_string(format);
        EXPECT_EQ(r.error().offset, 28u) << to_string(format);
    }
}

TEST(limits, mixed_utf8_and_gb18030_never_yields_invalid_utf8_cells) {
    const std::string mixed = std::string("项目名称\t") + "\xBD\xF0\xB6\xEE" /* 金额 in GB18030 */ + "\n";
    auto r = io::read_grid(mixed, io::grid_format::tsv);
    if (r) {
        for (const auto& row : r->rows)
            for (const auto& c : row.cells) EXPECT_TRUE(detail::utf8::is_valid(c.text));
        EXPECT_FALSE(r->notes.empty());  // a conversion is always noted
    } else {
        EXPECT_TRUE(r.error().code == errc::encoding_error || r.error().code == errc::invalid_utf8);
    }
}

TEST(limits, to_utf8_output_is_always_valid_utf8) {
    const std::string inputs[] = {std::string("\xFF\xFE" "a\0b\0", 6), "\xEF\xBB\xBF" "abc",
                                  "\xB0\xA1\xB0\xA2", std::string("\xFE\xFF\xD8\x00", 4), "\xC0\xAF"};
    for (const auto& in : inputs) {
        auto r = io::to_utf8(in);
        if (r) {
            EXPECT_TRUE(detail::utf8::is_valid(*r));
        }
    }
}

// ---- JSON and rulebooks -----------------------------------------------------------------------

TEST(limits, json_nesting_deeper_than_max_depth_is_limit_exceeded) {
    const std::size_t depth = json_limits::max_depth + 1;
    const std::string text = std::string(depth, '[') + std::string(depth, ']');
    auto r = read_forms_json(text);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, errc::limit_exceeded);
}

TEST(limits, json_nested_a_million_deep_fails_without_stack_overflow) {
    const std::string text = std::string(1'000'000, '[') + std::string(1'000'000, ']');
    auto r = read_forms_json(text);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, errc::limit_exceeded);
}

TEST(limits, rulebook_nested_a_million_deep_fails_without_stack_overflow) {
    const std::string text = "{\"extends\":\"mof-2020\",\"x\":" + std::string(1'000'000, '[') +
                             std::string(1'000'000, ']') + "}";
    auto r = load_rulebook_json(text);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, errc::limit_exceeded);
    EXPECT_TRUE(mentions(r.error(), "32"));
}

TEST(limits, rulebook_nesting_within_the_bound_is_read) {
    // 30 levels inside an unknown field: read, then refused by the schema (not by the limit).
    const std::string text = "{\"extends\":\"mof-2020\",\"x\":" + std::string(30, '[') + std::string(30, ']') + "}";
    auto r = load_rulebook_json(text);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, errc::rulebook_invalid);
}

TEST(limits, json_document_above_max_bytes_is_refused_before_parsing) {
    std::string text(json_limits::max_bytes + 1, ' ');
    auto r = read_forms_json(text);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, errc::limit_exceeded);
}

// ---- invalid UTF-8 never reaches JSON or HTML output ------------------------------------------

TEST(limits, invalid_utf8_in_a_form_is_replaced_in_json_and_html_output) {
    // A C++ caller can put any bytes in a form; the writers must not pass them through.
    form f;
    f.project_name = "项目\xFF\xC0名称\xED\xA0\x80";
    f.department = std::string("部门\0<script>", 12);
    f.annual_goal.expected = "\xE4\xB8";  // truncated sequence at the end
    const std::string json = write_json(f);
    EXPECT_TRUE(detail::utf8::is_valid(json));
    EXPECT_NE(json.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
    auto back = read_form_json(json);
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_TRUE(detail::utf8::is_valid(back->project_name));

    const rulebook book = builtin_rulebook(default_rulebook_name).value_or_throw();
    std::vector<evaluation> evaluations{evaluate(f, book)};
    const portfolio p = summarize(evaluations, book);
    const std::string html = io::html_report(evaluations, p);
    EXPECT_TRUE(detail::utf8::is_valid(html));
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_EQ(html.find(std::string("\0", 1)), std::string::npos);
    EXPECT_TRUE(detail::utf8::is_valid(io::evaluations_to_json(evaluations, p)));
    EXPECT_TRUE(detail::utf8::is_valid(io::html_form(evaluations[0])));
    EXPECT_TRUE(detail::utf8::is_valid(io::to_markdown(evaluations[0])));
    EXPECT_TRUE(detail::utf8::is_valid(io::scorecards_to_csv(evaluations)));
    EXPECT_TRUE(detail::utf8::is_valid(io::findings_to_csv(evaluations)));
}

TEST(limits, escape_html_replaces_invalid_utf8_and_markup) {
    const std::string out = io::escape_html("<b>\xFF\"'&\xC0\xAF");
    EXPECT_TRUE(detail::utf8::is_valid(out));
    EXPECT_EQ(out.find('<'), std::string::npos);
    EXPECT_EQ(out.find('"'), std::string::npos);
}
