// form_stream.cpp — io::form_stream: a document handed out form by form (form_stream.hpp).
//
// The chunked path: the file is read once to choose it (UTF-8 throughout, no NUL byte, no word
// that names another kind of form: what `import_text` checks on the whole text), then chunk by
// chunk; each chunk (cut after a line feed) goes through the tab-separated reader, its rows
// (lines and offsets moved to the document's) through the one positional recognizer, which hands
// each form out as soon as the next one starts (positional_segment.cpp). The forms wait in a
// queue until the first one with indicators or funds is seen: a document without one goes to
// the recognizer by meaning through `import_text`, as it would without streaming.
#include <jixiao/io/form_stream.hpp>

#include "import/meaning_recognizer.hpp"
#include "import/positional_recognizer.hpp"
#include "read/grid_internal.hpp"

#include <jixiao/detail/utf8.hpp>

#include <algorithm>
#include <cstring>
#include <deque>
#include <fstream>
#include <limits>
#include <utility>

namespace jixiao::io {

namespace {

/// The bytes of a document, piece by piece, each piece ending after a line feed (or at the end).
class piece_source {
public:
    piece_source() = default;
    /// From a file.
    bool open(const std::filesystem::path& path) {
        file_ = std::make_unique<std::ifstream>(path, std::ios::binary);
        return static_cast<bool>(*file_);
    }
    /// From bytes in memory (kept by the source).
    void hold(std::string bytes) { memory_ = std::move(bytes); }

    /// Back to the start.
    void rewind() {
        if (file_) {
            file_->clear();
            file_->seekg(0);
        }
        memory_pos_ = 0;
        carry_.clear();
        done_ = false;
        offset_ = 0;
    }

    /// The next piece into `out` (false at the end). A piece is at least `chunk` bytes unless it is
    /// the last, and ends after a line feed; one longer than `limit` (a line longer than the limit)
    /// is an error.
    result<bool> next(std::string& out, std::size_t chunk, std::size_t limit) {
        out.clear();
        out.swap(carry_);
        while (!done_ && out.size() < chunk) append(out, chunk - out.size());
        while (!done_) {
            const std::size_t cut = out.rfind('\n');
            if (cut != std::string::npos) {
                carry_ = out.substr(cut + 1);  // a fresh string: no chunk-sized buffer kept
                out.resize(cut + 1);
                break;
            }
            if (out.size() > limit) {
                return error{errc::limit_exceeded, offset_ + out.size(), {},
                             "a line longer than the limit of " + std::to_string(limit) + " bytes"};
            }
            append(out, chunk);
        }
        if (out.empty()) return false;
        start_ = offset_;
        offset_ += out.size();
        return true;
    }
    /// Byte offset of the last piece in the document.
    [[nodiscard]] std::size_t piece_offset() const noexcept { return start_; }
    [[nodiscard]] bool failed() const noexcept { return file_ && file_->bad(); }

    /// The whole document (the whole-document path).
    result<std::string> whole(const std::filesystem::path& path, std::size_t max_bytes) {
        if (!file_) return memory_;
        return read_file(path, max_bytes);
    }

private:
    void append(std::string& out, std::size_t n) {
        const std::size_t old = out.size();
        if (file_) {
            out.resize(old + n);
            file_->read(out.data() + old, static_cast<std::streamsize>(n));
            const auto got = static_cast<std::size_t>(file_->gcount());
            out.resize(old + got);
            if (got < n) done_ = true;
        } else {
            const std::size_t take = std::min(n, memory_.size() - memory_pos_);
            out.append(memory_, memory_pos_, take);
            memory_pos_ += take;
            if (memory_pos_ >= memory_.size()) done_ = true;
        }
    }

    std::unique_ptr<std::ifstream> file_;
    std::string memory_;
    std::size_t memory_pos_ = 0;
    std::string carry_;
    bool done_ = false;
    std::size_t offset_ = 0;  ///< bytes handed out so far
    std::size_t start_ = 0;
};

/// Number of line ends in `text` (\n, \r\n and \r each end one line, as line_tracker counts).
std::size_t line_ends(std::string_view text) noexcept {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') ++n;
        else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) ++n;
    }
    return n;
}

/// Whether the text starts with a byte order mark of UTF-16 (converted as a whole).
bool utf16_bom(std::string_view b) noexcept {
    return b.size() >= 2 && ((b[0] == '\xFF' && b[1] == '\xFE') || (b[0] == '\xFE' && b[1] == '\xFF'));
}

}  // namespace

/// More than detect_format looks at (64 KiB).
constexpr std::size_t sample_bytes = std::size_t{128} << 10;

struct form_stream::impl final : detail::row_sink {
    import_options options;
    std::filesystem::path path;
    std::size_t chunk = form_stream::default_chunk_bytes;
    bool is_chunked = false;
    piece_source source;

    // The chunked path.
    std::unique_ptr<detail::positional::positional_recognizer> recognizer;
    std::deque<row> held;             ///< rows the recognizer still needs
    std::size_t first_held = 0;
    std::size_t held_cells = 0;
    std::size_t line_base = 0;        ///< lines before the current piece
    std::size_t byte_base = 0;        ///< UTF-8 bytes before the current piece
    bool committed = false;           ///< a form with indicators or funds was seen
    bool ended = false;
    std::optional<error> failure;
    std::string piece;
    bool first_piece = true;
    bool detected = false;            ///< the format was detected (not asked for)

    std::deque<streamed_form> ready;  ///< forms handed out next
    std::deque<streamed_form> waiting;  ///< before `committed`: empty shells so far
    std::size_t index = 0;
    import_report report;

    void take_row(row&& r) override {
        for (cell& c : r.cells) {
            c.line += line_base;
            c.offset += byte_base;
        }
        r.line += line_base;
        held_cells += r.cells.size();
        held.push_back(std::move(r));
        recognizer->add_row(held.back());
        for (const std::size_t released = recognizer->released(); first_held < released; ++first_held) {
            held_cells -= held.front().cells.size();
            held.pop_front();
        }
        if (held_cells > options.limits.max_cells && !failure) {
            const bool at_cell = !held.empty() && !held.front().cells.empty();
            failure = error{errc::limit_exceeded, at_cell ? held.front().cells.front().offset : byte_base,
                            options.source_name,
                            "form " + std::to_string(recognizer->forms_done() + 1) + " holds more than " +
                                std::to_string(options.limits.max_cells) + " cells (the limit per form)"};
        }
    }

    void on_form(form&& f, std::vector<import_note>&& notes) {
        streamed_form s{std::move(f), std::move(notes), index++};
        if (!committed && !is_empty_shell(s.subject)) {
            committed = true;
            std::move(waiting.begin(), waiting.end(), std::back_inserter(ready));
            waiting.clear();
        }
        (committed ? ready : waiting).push_back(std::move(s));
    }

    /// Reads pieces until a form is ready or the document ends.
    void pump() {
        while (ready.empty() && !ended && !failure) {
            result<bool> more = source.next(piece, chunk, options.limits.max_bytes);
            if (!more) {
                failure = more.error();
                break;
            }
            if (!*more) {
                finish();
                break;
            }
            read_piece();
        }
    }

    void read_piece() {
        result<detail::prepared_text> text = detail::prepare_text(piece, grid_format::tsv, options.limits);
        if (!text) {
            error e = text.error();
            e.offset += source.piece_offset();
            if (e.where.empty()) e.where = options.source_name;
            failure = std::move(e);
            return;
        }
        if (first_piece) {
            // The notes import_text writes: the encoding's, then the format detected.
            report.reader_notes = text->notes;
            if (detected) report.reader_notes.push_back("format detected from the content: tsv");
        }
        first_piece = false;
        // The cell limit is one form's (take_row); a piece's cells are bounded by its bytes.
        read_options piece_limits = options.limits;
        piece_limits.max_cells = std::numeric_limits<std::size_t>::max();
        result<grid> g = detail::read_prepared(*text, piece_limits, this);
        if (!g) {
            error e = g.error();
            e.offset += byte_base;
            if (e.where.empty()) e.where = options.source_name;
            failure = std::move(e);
            return;
        }
        line_base += line_ends(text->text());
        byte_base += text->text().size();
        std::string().swap(piece);  // an open stream between pieces holds no chunk buffer
    }

    void finish() {
        ended = true;
        result<import_result> r = recognizer->finish(report.reader_notes);
        if (!r || !committed) {
            // No form the national layout reads with indicators or funds: the whole document, as
            // import_text reads it (the recognizer by meaning, or its error).
            waiting.clear();
            whole_document();
            return;
        }
        const std::vector<std::string> notes = std::move(report.reader_notes);
        report = std::move(r->report);
        report.reader_notes = notes;
        held.clear();
    }

    /// The whole-document path: import_text, its forms queued with their notes.
    void whole_document() {
        is_chunked = false;
        ended = true;
        result<std::string> bytes = source.whole(path, options.limits.max_bytes);
        if (!bytes) {
            failure = bytes.error();
            return;
        }
        result<import_result> r = import_text(*bytes, options);
        if (!r) {
            failure = r.error();
            return;
        }
        std::vector<std::vector<import_note>> per_form(r->forms.size());
        std::vector<import_note> loose;
        for (import_note& n : r->report.notes) {
            if (n.form && *n.form < per_form.size()) per_form[*n.form].push_back(std::move(n));
            else loose.push_back(std::move(n));
        }
        r->report.notes = std::move(loose);
        for (std::size_t i = 0; i < r->forms.size(); ++i) {
            ready.push_back(streamed_form{std::move(r->forms[i]), std::move(per_form[i]), i});
        }
        report = std::move(r->report);
    }

    /// Reads the document once: whether the chunked path gives what import_text gives.
    result<bool> can_chunk() {
        if (!options.layouts.empty()) return false;
        if (options.format && *options.format != grid_format::tsv) return false;
        std::string p;
        std::string sample;  // the first bytes after a BOM: what detect_format looks at
        bool first = true;
        for (;;) {
            result<bool> more = source.next(p, chunk, options.limits.max_bytes);
            if (!more) return more.error();
            if (!*more) break;
            std::string_view text = p;
            if (first) {
                if (detail::is_binary_document(text, options.format) ||
                    detail::sniff_container(text) != detail::container_kind::none || utf16_bom(text)) {
                    return false;
                }
                if (jixiao::detail::utf8::has_bom(text)) text.remove_prefix(jixiao::detail::utf8::bom.size());
            }
            if (sample.size() < sample_bytes) sample.append(text.substr(0, sample_bytes - sample.size()));
            first = false;
            if (text.find('\0') != std::string_view::npos) return false;
            if (detail::first_invalid_utf8(text) != std::string_view::npos) return false;
            if (detail::may_hold_other_kind(text)) return false;
        }
        if (source.failed()) return error{errc::io_error, 0, options.source_name, "read failed"};
        if (first) return false;  // empty: import_text's error
        if (!options.format) {
            if (detect_format(sample) != grid_format::tsv) return false;
            detected = true;
        }
        source.rewind();
        return true;
    }

    result<bool> start() {
        report.source = options.source_name;
        result<bool> chunkable = can_chunk();
        if (!chunkable) return chunkable.error();
        if (!*chunkable) {
            whole_document();
            if (failure) return *failure;
            return true;
        }
        is_chunked = true;
        recognizer = std::make_unique<detail::positional::positional_recognizer>(grid_format::tsv, options);
        recognizer->stream_forms([this](form&& f, std::vector<import_note>&& notes) { on_form(std::move(f), std::move(notes)); });
        report.format = grid_format::tsv;
        pump();
        if (failure && ready.empty()) return *failure;
        return true;
    }
};

form_stream::form_stream(std::unique_ptr<impl> p) noexcept : impl_(std::move(p)) {}
form_stream::form_stream(form_stream&&) noexcept = default;
form_stream& form_stream::operator=(form_stream&&) noexcept = default;
form_stream::~form_stream() = default;

result<form_stream> form_stream::open_file(const std::filesystem::path& path, const import_options& options,
                                           std::size_t chunk_bytes) {
    auto p = std::make_unique<impl>();
    p->options = options;
    if (p->options.source_name == "-") p->options.source_name = path.filename().string();
    p->path = path;
    p->chunk = std::max<std::size_t>(chunk_bytes, 1);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec) || !p->source.open(path)) {
        // The error read_file gives (io_error, with the path).
        result<std::string> bytes = read_file(path, options.limits.max_bytes);
        if (!bytes) return bytes.error();
        return error{errc::io_error, 0, path.string(), "cannot open the file"};
    }
    if (result<bool> ok = p->start(); !ok) return ok.error();
    return form_stream(std::move(p));
}

result<form_stream> form_stream::open_text(std::string bytes, const import_options& options, std::size_t chunk_bytes) {
    auto p = std::make_unique<impl>();
    p->options = options;
    p->chunk = std::max<std::size_t>(chunk_bytes, 1);
    p->source.hold(std::move(bytes));
    if (result<bool> ok = p->start(); !ok) return ok.error();
    return form_stream(std::move(p));
}

result<std::optional<streamed_form>> form_stream::next() {
    impl& s = *impl_;
    if (s.is_chunked) s.pump();
    if (!s.ready.empty()) {
        streamed_form f = std::move(s.ready.front());
        s.ready.pop_front();
        return std::optional<streamed_form>(std::move(f));
    }
    if (s.failure) return *s.failure;
    return std::optional<streamed_form>();
}

bool form_stream::chunked() const noexcept { return impl_->is_chunked; }

const import_report& form_stream::report() const noexcept { return impl_->report; }

}  // namespace jixiao::io
