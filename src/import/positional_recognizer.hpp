// positional_recognizer.hpp (internal) — the positional recognizer of the national template as
// the door sees it: grid rows in, in document order, forms and the import report out. The
// stages behind it are in positional_internal.hpp.
#pragma once

#include <jixiao/error.hpp>
#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>

#include "import/positional_internal.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace jixiao::io::detail::positional {

/// Segments the rows into forms (positional_segment.cpp) and reads each form as soon as the
/// next one starts.
class positional_recognizer {
public:
    positional_recognizer(grid_format format, const import_options& options);
    // The context refers to the result's report: neither copied nor moved.
    positional_recognizer(const positional_recognizer&) = delete;
    positional_recognizer& operator=(const positional_recognizer&) = delete;

    /// Takes grid row `src`, the next row of the document (rows arrive in order). The row's
    /// cells must stay alive (unchanged) until `released()` passes its index.
    void add_row(const row& src);
    /// Rows [0, released()) are finished with: the caller may free them.
    [[nodiscard]] std::size_t released() const noexcept { return rows_.base(); }
    /// The forms parsed so far.
    [[nodiscard]] std::size_t forms_done() const noexcept { return forms_done_; }
    /// Streams the forms (io::form_stream): each form, once read, goes to `on_form` with its
    /// notes (those `import_report::notes_for` would give) instead of into the result; `finish`
    /// then returns no forms, and only the notes that belong to no form. Call before `add_row`.
    using form_handler = std::function<void(form&&, std::vector<import_note>&&)>;
    void stream_forms(form_handler on_form) { on_form_ = std::move(on_form); }
    /// Room for `forms` forms in the result (a hint: a form is a large object, and growing
    /// the vector moves every form parsed so far, long out of the cache).
    void expect_forms(std::size_t forms) { out_.forms.reserve(forms); }
    /// After the last row: the forms and the report (`reader_notes`: the grid's notes).
    result<import_result> finish(std::vector<std::string> reader_notes);

private:
    const import_options& options_;
    import_result out_;
    working_rows rows_;
    recognition_context ctx_;
    // Form starts so far, and the state of the start search (see add_row).
    std::vector<std::size_t> starts_;
    bool in_form_ = false, has_name_ = false;
    std::vector<import_note> late_notes_;  ///< cells nothing placed (last in the report)
    std::size_t accounted_ = 0;            ///< rows [0, accounted_) are accounted for
    std::size_t forms_done_ = 0;
    form_handler on_form_;                 ///< set: the forms are streamed (stream_forms)
    std::vector<import_note> loose_notes_; ///< streamed: the notes that belong to no form
    std::size_t page_notes_taken_ = 0;     ///< streamed: page notes [0, page_notes_taken_) handed out

    /// Streamed: hands form `f` (rows [begin, end), index `index`) out with its notes.
    void hand_out(form&& f, std::size_t begin, std::size_t end, std::size_t index);

    /// Nothing lost: lists the cells of the rows up to `end` still open (in `late_notes_`) and
    /// counts the mapped ones.
    void account_rows(std::size_t end, std::optional<std::size_t> form);
    /// Parses rows [begin, end) as the next form, then accounts for and releases its rows.
    void finish_form(std::size_t begin, std::size_t end);
};

}  // namespace jixiao::io::detail::positional
