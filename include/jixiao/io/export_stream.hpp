// jixiao/io/export_stream.hpp — the batch exporters, one evaluation at a time (bounded memory).
//
// Synopsis:
//   class evaluation_writer        add(e) for each evaluation in batch order, then finish(p)
//   evaluations_json_writer(out)   writes what evaluations_to_json(evaluations, p, indent) writes
//   findings_csv_writer(out)       what findings_to_csv(evaluations, options) writes
//   scorecards_csv_writer(out)     what scorecards_to_csv(evaluations, options) writes
//   html_report_writer(out)        what html_report(evaluations, p, options) writes
//
// Byte for byte the text of the batch exporter over the same evaluations and portfolio (the
// batch exporters are these writers over a span: one flow). CSV rows go to `out` as they come;
// the JSON document and the HTML report put the portfolio first, so their per-form parts wait
// in an anonymous temporary file (std::tmpfile) until `finish`. What a writer keeps in memory:
// the HTML report's names of the forms and the file names (the portfolio table shows them).
// `finish` returns an error (errc::io_error) when the temporary file or `out` failed.
#pragma once

#include <jixiao/error.hpp>
#include <jixiao/io/export.hpp>
#include <jixiao/portfolio.hpp>

#include <cstddef>
#include <cstdio>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::io {

/// Writes one export of a batch, evaluation by evaluation.
class evaluation_writer {
public:
    virtual ~evaluation_writer() = default;
    /// The next evaluation of the batch: `append(render(e, index), e)` with its 0-based index.
    void add(const evaluation& e) { append(render(e, added_), e); }
    /// The text of evaluation `e`, the `index`th of the batch (pure: safe to call from many
    /// threads at once, e.g. to render a batch in parallel before appending it in order).
    [[nodiscard]] virtual std::string render(const evaluation& e, std::size_t index) const = 0;
    /// Appends what `render` gave for the next evaluation `e` of the batch.
    void append(std::string_view text, const evaluation& e) {
        take(text, e);
        ++added_;
    }
    /// Evaluations added so far.
    [[nodiscard]] std::size_t added() const noexcept { return added_; }
    /// After the last evaluation: the rest of the export, with the batch's portfolio.
    [[nodiscard]] virtual std::optional<error> finish(const portfolio& p) = 0;

protected:
    /// A writer with nothing added.
    evaluation_writer() = default;
    /// Copies (for the derived writers only).
    evaluation_writer(const evaluation_writer&) = default;
    /// Copies (for the derived writers only).
    evaluation_writer& operator=(const evaluation_writer&) = default;
    /// Keeps the text of the next evaluation (`added()` evaluations came before it).
    virtual void take(std::string_view text, const evaluation& e) = 0;

private:
    std::size_t added_ = 0;
};

/// Per-form parts kept in an anonymous temporary file until the head is known.
class spill_file {
public:
    /// An empty anonymous temporary file (std::tmpfile; a failure shows at copy_to).
    spill_file();
    /// Closes (and so deletes) the file.
    ~spill_file();
    spill_file(const spill_file&) = delete;
    spill_file& operator=(const spill_file&) = delete;
    /// Appends `text`.
    void write(std::string_view text);
    /// Copies everything written to `out`; an error when the file failed.
    [[nodiscard]] std::optional<error> copy_to(std::ostream& out);

private:
    std::FILE* file_ = nullptr;
    bool failed_ = false;
};

/// `evaluations_to_json`, streamed (`indent` as there).
class evaluations_json_writer final : public evaluation_writer {
public:
    /// Writes to `out` (at `finish`), `indent` spaces per level (negative: one line).
    explicit evaluations_json_writer(std::ostream& out, int indent = 2) : out_(out), indent_(indent) {}
    [[nodiscard]] std::string render(const evaluation& e, std::size_t index) const override;
    [[nodiscard]] std::optional<error> finish(const portfolio& p) override;

private:
    void take(std::string_view text, const evaluation& e) override;

    std::ostream& out_;
    int indent_;
    spill_file body_;
};

/// `findings_to_csv`, streamed.
class findings_csv_writer final : public evaluation_writer {
public:
    /// Writes the header to `out` now, the rows as they come.
    explicit findings_csv_writer(std::ostream& out, const csv_options& options = {});
    [[nodiscard]] std::string render(const evaluation& e, std::size_t index) const override;
    [[nodiscard]] std::optional<error> finish(const portfolio& p) override;

private:
    void take(std::string_view text, const evaluation& e) override;

    std::ostream& out_;
    csv_options options_;
};

/// `scorecards_to_csv`, streamed.
class scorecards_csv_writer final : public evaluation_writer {
public:
    /// Writes the header to `out` now, the rows as they come.
    explicit scorecards_csv_writer(std::ostream& out, const csv_options& options = {});
    [[nodiscard]] std::string render(const evaluation& e, std::size_t index) const override;
    [[nodiscard]] std::optional<error> finish(const portfolio& p) override;

private:
    void take(std::string_view text, const evaluation& e) override;

    std::ostream& out_;
    csv_options options_;
};

/// `html_report`, streamed.
class html_report_writer final : public evaluation_writer {
public:
    /// Writes to `out` (at `finish`); `book`: the rulebook the portfolio is summarised by (its grades).
    html_report_writer(std::ostream& out, const rulebook& book, const html_options& options = {});
    [[nodiscard]] std::string render(const evaluation& e, std::size_t index) const override;
    [[nodiscard]] std::optional<error> finish(const portfolio& p) override;

private:
    void take(std::string_view text, const evaluation& e) override;

    std::ostream& out_;
    html_options options_;
    portfolio grades_;                 ///< the rulebook's grades (what a form section needs of the portfolio)
    std::vector<std::string> sources_; ///< the files, in the order first seen
    spill_file body_;
};

}  // namespace jixiao::io
