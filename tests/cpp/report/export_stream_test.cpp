// Tests of the streamed exporters (export_stream.hpp), portfolio_builder and duplicate_tracker:
// byte for byte the batch exporters' text on the sample's evaluations (twice over, so that the
// duplicate check finds copies).
#include <jixiao/io/export.hpp>
#include <jixiao/io/export_stream.hpp>
#include <jixiao/io/import.hpp>
#include <jixiao/portfolio.hpp>
#include <jixiao/rulebook.hpp>

#include <gtest/gtest.h>

#include "support/grid_test_support.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace {

namespace io = jixiao::io;

std::vector<jixiao::evaluation> sample_evaluations(const jixiao::rulebook& book) {
    const std::string text = grid_test::data_file("samples/songjiang-2023.txt");
    auto r = io::import_text(text + text, io::import_options{});
    EXPECT_TRUE(r.has_value());
    std::vector<jixiao::evaluation> out;
    if (!r) return out;
    for (std::size_t i = 0; i < r->forms.size(); ++i) {
        out.push_back(jixiao::evaluate(r->forms[i], book, "songjiang-2023.txt", r->report.notes_for(i)));
    }
    return out;
}

TEST(export_stream, writers_write_the_batch_exporters_bytes) {
    const jixiao::rulebook book = jixiao::builtin_rulebook("mof-2020").value_or_throw();
    std::vector<jixiao::evaluation> batch = sample_evaluations(book);
    ASSERT_EQ(batch.size(), 16u);
    std::vector<jixiao::evaluation> streamed = batch;

    EXPECT_EQ(jixiao::flag_duplicate_forms(batch), 8u);
    const jixiao::portfolio p = jixiao::summarize(batch, book);

    std::ostringstream json, json_compact, csv, scores, html;
    io::evaluations_json_writer w_json(json);
    io::evaluations_json_writer w_compact(json_compact, -1);
    io::findings_csv_writer w_csv(csv, {.bom = true, .chinese_headers = true});
    io::scorecards_csv_writer w_scores(scores);
    io::html_report_writer w_html(html, book);
    jixiao::portfolio_builder builder(book);
    jixiao::duplicate_tracker duplicates;
    std::size_t copies = 0;
    for (jixiao::evaluation& e : streamed) {
        if (duplicates.check(e)) ++copies;
        for (io::evaluation_writer* w : std::vector<io::evaluation_writer*>{&w_json, &w_compact, &w_csv, &w_scores, &w_html}) w->add(e);
        builder.add(e);
    }
    EXPECT_EQ(copies, 8u);
    EXPECT_EQ(streamed, batch);
    const jixiao::portfolio built = std::move(builder).finish();
    EXPECT_EQ(built, p);
    for (io::evaluation_writer* w : std::vector<io::evaluation_writer*>{&w_json, &w_compact, &w_csv, &w_scores, &w_html}) {
        EXPECT_FALSE(w->finish(built).has_value());
    }
    EXPECT_EQ(json.str(), io::evaluations_to_json(batch, p));
    EXPECT_EQ(json_compact.str(), io::evaluations_to_json(batch, p, -1));
    EXPECT_EQ(csv.str(), io::findings_to_csv(batch, {.bom = true, .chinese_headers = true}));
    EXPECT_EQ(scores.str(), io::scorecards_to_csv(batch));
    EXPECT_EQ(html.str(), io::html_report(batch, p));
    EXPECT_NE(json.str().find("batch.duplicate_form"), std::string::npos);
}

TEST(export_stream, an_empty_batch_writes_the_empty_documents) {
    const jixiao::rulebook book = jixiao::builtin_rulebook("mof-2020").value_or_throw();
    const jixiao::portfolio p = jixiao::summarize({}, book);
    std::ostringstream json, html;
    io::evaluations_json_writer w_json(json);
    io::html_report_writer w_html(html, book);
    EXPECT_FALSE(w_json.finish(p).has_value());
    EXPECT_FALSE(w_html.finish(p).has_value());
    EXPECT_EQ(json.str(), io::evaluations_to_json({}, p));
    EXPECT_EQ(html.str(), io::html_report({}, p));
    EXPECT_NE(json.str().find("\"evaluations\": []"), std::string::npos);
}

}  // namespace
