// Tests of io::form_stream (form_stream.hpp): the forms and notes handed out one by one are those
// of import_text, whatever the chunk size, on the chunked path (UTF-8 tsv) and the whole path
// (every other document); limits apply per form on the chunked path.
#include <jixiao/error.hpp>
#include <jixiao/io/form_stream.hpp>
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

struct drained {
    std::vector<io::streamed_form> forms;
    std::optional<jixiao::error> failure;
    bool chunked = false;
    io::import_report report;
};

drained drain(const std::string& bytes, const io::import_options& options, std::size_t chunk) {
    drained out;
    auto s = io::form_stream::open_text(bytes, options, chunk);
    if (!s) {
        out.failure = s.error();
        return out;
    }
    out.chunked = s->chunked();
    for (;;) {
        auto next = s->next();
        if (!next) {
            out.failure = next.error();
            break;
        }
        if (!*next) break;
        out.forms.push_back(std::move(**next));
    }
    out.report = s->report();
    return out;
}

/// The stream gives import_text's forms, each with import_report::notes_for(its index).
void expect_same_as_import_text(const std::string& bytes, std::size_t chunk, bool chunked) {
    io::import_options options;
    options.source_name = "doc.txt";
    const auto whole = io::import_text(bytes, options);
    ASSERT_TRUE(whole.has_value()) << whole.error().describe();
    const drained d = drain(bytes, options, chunk);
    ASSERT_FALSE(d.failure.has_value()) << d.failure->describe();
    EXPECT_EQ(d.chunked, chunked);
    ASSERT_EQ(d.forms.size(), whole->forms.size());
    for (std::size_t i = 0; i < d.forms.size(); ++i) {
        EXPECT_EQ(d.forms[i].index, i);
        EXPECT_EQ(d.forms[i].subject, whole->forms[i]) << "form " << i << ", chunk " << chunk;
        EXPECT_EQ(d.forms[i].notes, whole->report.notes_for(i)) << "form " << i << ", chunk " << chunk;
    }
    EXPECT_EQ(d.report.reader_notes, whole->report.reader_notes);
    EXPECT_EQ(d.report.cells_total, whole->report.cells_total);
    EXPECT_EQ(d.report.cells_mapped, whole->report.cells_mapped);
    std::vector<io::import_note> loose;
    for (const io::import_note& n : whole->report.notes) {
        if (!n.form) loose.push_back(n);
    }
    EXPECT_EQ(d.report.notes, loose);
}

TEST(form_stream, hands_out_the_forms_of_import_text_whatever_the_chunk) {
    const std::string text = sample("songjiang-2023.txt");
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{97}, std::size_t{4096}, io::form_stream::default_chunk_bytes}) {
        expect_same_as_import_text(text, chunk, true);
    }
}

TEST(form_stream, streams_a_long_document_with_a_bom_and_crlf_line_ends) {
    std::string text = sample("songjiang-2023.txt");
    std::string crlf;
    for (const char c : text) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    const std::string doc = "\xEF\xBB\xBF" + crlf + crlf + crlf;  // 24 forms, the same projects three times
    expect_same_as_import_text(doc, 333, true);
    expect_same_as_import_text(doc, 1 << 20, true);
}

TEST(form_stream, takes_the_whole_path_for_other_formats) {
    for (const char* name : {"songjiang-2023.csv", "songjiang-2023.html", "songjiang-2023.pipe.txt",
                             "songjiang-2023.lines.txt", "songjiang-2023.gb18030.csv"}) {
        SCOPED_TRACE(name);
        expect_same_as_import_text(sample(name), 100, false);
    }
}

TEST(form_stream, applies_the_cell_limit_per_form_on_the_chunked_path) {
    const std::string text = sample("songjiang-2023.txt");
    io::import_options options;
    const auto one = io::import_text(text, options);
    ASSERT_TRUE(one.has_value());
    // A limit below the document's cells but above every form's: import_text refuses the
    // document, the stream reads it.
    options.limits.max_cells = one->report.cells_total / 2;
    EXPECT_FALSE(io::import_text(text, options).has_value());
    const drained d = drain(text, options, 4096);
    EXPECT_FALSE(d.failure.has_value()) << d.failure->describe();
    EXPECT_EQ(d.forms.size(), one->forms.size());
    // A limit below one form's cells: an error that names the form and the limit.
    options.limits.max_cells = 20;
    const drained small = drain(text, options, 4096);
    ASSERT_TRUE(small.failure.has_value());
    EXPECT_EQ(small.failure->code, errc::limit_exceeded);
    EXPECT_NE(small.failure->message.find("the limit per form"), std::string::npos) << small.failure->message;
}

TEST(form_stream, reports_what_import_text_reports_for_a_document_without_forms) {
    io::import_options options;
    options.source_name = "doc.txt";
    const std::string text = "a\tb\nc\td\n";
    const auto whole = io::import_text(text, options);
    ASSERT_FALSE(whole.has_value());
    const drained d = drain(text, options, 4);
    ASSERT_TRUE(d.failure.has_value());
    EXPECT_EQ(d.failure->code, whole.error().code);
    EXPECT_EQ(d.failure->message, whole.error().message);
}

TEST(form_stream, refuses_a_file_it_cannot_read) {
    auto s = io::form_stream::open_file("/nonexistent/jixiao/forms.txt");
    ASSERT_FALSE(s.has_value());
    EXPECT_EQ(s.error().code, errc::io_error);
}

}  // namespace
