// stream.cpp — the streaming path of `jixiao audit`: each document read chunk by chunk
// (io::form_stream), its forms scored and audited a batch at a time on `--jobs` threads, then
// checked for duplicates, written (io/export_stream.hpp) and counted into the portfolio in
// input order, and released. Memory holds one batch of forms, the per-form summary rows of the
// portfolio and the digests of the duplicate check, however many forms (docs/performance.md).
//
// Taken when every input is a UTF-8 tab-separated document that form_stream reads in chunks
// (then every form is a project self-evaluation of the national layout, so the link check of
// the whole path finds nothing to link) and the outputs are JSON, CSV, scores CSV and HTML, at
// most one of them on stdout. Anything else takes the whole path (common.cpp), which gives the
// same bytes; `--no-stream` forces it.
#include "cli.hpp"

#include <jixiao/io/export_stream.hpp>
#include <jixiao/io/form_stream.hpp>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

namespace jixiao::cli {

namespace {

/// Streams kept open from the check to the run (each holds a file and up to one form; with
/// more inputs each is opened again when its turn comes).
constexpr std::size_t max_open_streams = 16;

/// The first bytes of a file (to tell JSON input).
std::string file_start(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string out(4096, '\0');
    in.read(out.data(), static_cast<std::streamsize>(out.size()));
    out.resize(static_cast<std::size_t>(in.gcount()));
    return out;
}

bool looks_like_json_start(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        return c == '{';
    }
    return true;  // blank so far: let the whole path decide
}

/// One output: a file, or stdout.
struct output {
    std::unique_ptr<std::ofstream> file;
    std::ostream* stream = nullptr;
    std::string path;
};

output open_output(const std::string& path) {
    output out;
    out.path = path;
    if (path == "-") {
        out.stream = &std::cout;
        return out;
    }
    out.file = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
    if (!*out.file) throw failure(exit_input, path + ": cannot open for writing");
    out.stream = out.file.get();
    return out;
}

/// The rulebook of each form, as evaluate_all chooses it (found as the forms come).
class rulebook_chooser {
public:
    rulebook_chooser(const rulebook& book, const common_options& o) : book_(book), o_(o) {
        if (o.rulebook.empty()) {
            families_ = user_layouts(o);
            if (families_.empty()) families_ = io::builtin_layouts();
        }
    }

    const rulebook& book_for(const form& f) {
        if (!o_.rulebook.empty()) return book_;
        const std::string_view own = kind_rulebook_name(f.kind);
        if (!own.empty()) {
            auto it = by_kind_.find(own);
            if (it == by_kind_.end()) it = by_kind_.emplace(std::string(own), resolve_rulebook(std::string(own))).first;
            return it->second;
        }
        if (f.layout.empty()) return book_;
        auto it = by_layout_.find(f.layout);
        if (it == by_layout_.end()) {
            const auto fam = std::find_if(families_.begin(), families_.end(),
                                          [&](const io::layout_family& l) { return l.id == f.layout; });
            std::optional<rulebook> chosen;
            if (fam != families_.end() && !fam->rulebook.empty()) {
                try {
                    chosen = resolve_rulebook(fam->rulebook);
                } catch (const failure& e) {
                    throw failure(e.code, "layout family " + fam->id + " names its rulebook: " + e.what());
                }
            }
            it = by_layout_.emplace(f.layout, std::move(chosen)).first;
        }
        return it->second ? *it->second : book_;
    }

private:
    const rulebook& book_;
    const common_options& o_;
    std::vector<io::layout_family> families_;
    std::map<std::string, rulebook, std::less<>> by_kind_;
    std::map<std::string, std::optional<rulebook>> by_layout_;
};

/// Runs `work(i)` for i in [0, n) on `jobs` threads; the first exception is rethrown.
template <class Work>
void parallel_for(std::size_t n, std::size_t jobs, const Work& work) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr first_error;
    std::mutex error_mutex;
    auto worker = [&] {
        for (std::size_t i = next++; i < n; i = next++) {
            try {
                work(i);
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!first_error) first_error = std::current_exception();
            }
        }
    };
    std::vector<std::thread> threads;
    const std::size_t count = std::min(jobs, std::max<std::size_t>(n, 1));
    for (std::size_t t = 1; t < count; ++t) threads.emplace_back(worker);
    worker();
    for (std::thread& t : threads) t.join();
    if (first_error) std::rethrow_exception(first_error);
}

}  // namespace

std::optional<int> audit_streaming(const common_options& o, const std::string& scores_csv) {
    // The outputs the streaming path writes, at most one on stdout.
    if (o.markdown || o.xlsx || !o.layouts.empty() || (o.format != "auto" && o.format != "tsv")) return std::nullopt;
    std::size_t on_stdout = 0;
    for (const std::optional<std::string>* out : {&o.json, &o.csv, &o.html}) if (*out && **out == "-") ++on_stdout;
    if (scores_csv == "-") ++on_stdout;
    if (on_stdout > 1) return std::nullopt;

    // Every input must be read in chunks.
    const std::vector<std::string> sources = expand_inputs(o.inputs);
    if (sources.empty()) return std::nullopt;
    io::import_options options;
    if (o.format == "tsv") options.format = io::grid_format::tsv;
    std::vector<std::optional<io::form_stream>> open;
    for (const std::string& source : sources) {
        if (source == "-" || looks_like_json_start(file_start(source))) return std::nullopt;
        options.source_name = source;
        result<io::form_stream> s = io::form_stream::open_file(source, options);
        if (!s || !s->chunked()) return std::nullopt;
        if (sources.size() <= max_open_streams) open.push_back(std::move(*s));
    }

    const rulebook book = resolve_rulebook(o.rulebook);
    rulebook_chooser chooser(book, o);
    std::vector<output> outputs;
    std::vector<std::unique_ptr<io::evaluation_writer>> writers;
    std::vector<std::string> endings;  // written after a writer's finish
    if (o.json) {
        outputs.push_back(open_output(*o.json));
        writers.push_back(std::make_unique<io::evaluations_json_writer>(*outputs.back().stream));
        endings.emplace_back("\n");
    }
    if (o.csv) {
        outputs.push_back(open_output(*o.csv));
        writers.push_back(std::make_unique<io::findings_csv_writer>(
            *outputs.back().stream, io::csv_options{.bom = csv_bom(o, *o.csv), .chinese_headers = chinese(o)}));
        endings.emplace_back();
    }
    if (!scores_csv.empty()) {
        outputs.push_back(open_output(scores_csv));
        writers.push_back(std::make_unique<io::scorecards_csv_writer>(
            *outputs.back().stream, io::csv_options{.bom = csv_bom(o, scores_csv), .chinese_headers = chinese(o)}));
        endings.emplace_back();
    }
    if (o.html) {
        outputs.push_back(open_output(*o.html));
        writers.push_back(std::make_unique<io::html_report_writer>(*outputs.back().stream, book, report_options()));
        endings.emplace_back();
    }

    const std::size_t jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
    const std::size_t batch_size = 64 * jobs;
    portfolio_builder builder(book);
    {
        // Room for the per-form rows of every form the inputs can hold (at least 256 bytes of
        // text a form), so that the rows are written once and never copied as they grow: the
        // room not written is address space, not memory. Capped: a guess, not a limit.
        std::uintmax_t bytes = 0;
        for (const std::string& source : sources) {
            std::error_code ec;
            const std::uintmax_t size = std::filesystem::file_size(source, ec);
            if (!ec) bytes += size;
        }
        builder.reserve(static_cast<std::size_t>(std::min<std::uintmax_t>(bytes / 256 + 64, std::uintmax_t{1} << 24)));
    }
    duplicate_tracker duplicates;
    std::vector<unread_file> unread;
    std::vector<io::streamed_form> batch;
    std::vector<evaluation> evaluated;
    std::vector<const rulebook*> books;
    std::vector<std::string> texts;  // the outputs' text of each form of the batch
    for (std::size_t k = 0; k < sources.size(); ++k) {
        const std::string& source = sources[k];
        std::optional<io::form_stream> reopened;
        if (k >= open.size()) {
            options.source_name = source;
            result<io::form_stream> s = io::form_stream::open_file(source, options);
            if (!s) {  // changed since it was checked
                const std::string why = describe_error(source, {}, s.error());
                if (o.fail_fast) throw failure(exit_input, why);
                std::fprintf(stderr, "jixiao: error: %s\n", why.c_str());
                unread.push_back(unread_file{source, why});
                continue;
            }
            reopened = std::move(*s);
        }
        io::form_stream& stream = k < open.size() ? *open[k] : *reopened;
        for (bool more = true; more;) {
            batch.clear();
            books.clear();
            while (batch.size() < batch_size) {
                result<std::optional<io::streamed_form>> next = stream.next();
                if (!next) {
                    // An error after forms were read (a limit): the forms before it stay counted.
                    const std::string why = describe_error(source, {}, next.error());
                    if (o.fail_fast) throw failure(exit_input, why);
                    std::fprintf(stderr, "jixiao: error: %s\n", why.c_str());
                    unread.push_back(unread_file{source, why});
                    more = false;
                    break;
                }
                if (!*next) {
                    more = false;
                    break;
                }
                books.push_back(&chooser.book_for((*next)->subject));
                batch.push_back(std::move(**next));
            }
            // Scored and audited in parallel; the duplicate check in order; each output's text of
            // each form rendered in parallel; then written and counted in order.
            evaluated.clear();
            evaluated.resize(batch.size());
            parallel_for(batch.size(), jobs, [&](std::size_t i) {
                evaluated[i] = evaluate(std::move(batch[i].subject), *books[i], source, std::move(batch[i].notes));
            });
            for (evaluation& e : evaluated) duplicates.check(e);
            const std::size_t base = builder.forms();
            texts.assign(evaluated.size() * writers.size(), std::string());
            parallel_for(texts.size(), jobs, [&](std::size_t t) {
                const std::size_t i = t / writers.size();
                texts[t] = writers[t % writers.size()]->render(evaluated[i], base + i);
            });
            for (std::size_t i = 0; i < evaluated.size(); ++i) {
                for (std::size_t w = 0; w < writers.size(); ++w) writers[w]->append(texts[i * writers.size() + w], evaluated[i]);
                builder.add(evaluated[i]);
            }
        }
        if (k < open.size()) open[k].reset();
    }

    const std::size_t forms = builder.forms();
    portfolio p = std::move(builder).finish();
    p.files_not_read = std::move(unread);
    for (std::size_t i = 0; i < writers.size(); ++i) {
        if (std::optional<error> e = writers[i]->finish(p)) throw failure(exit_input, outputs[i].path + ": " + e->message);
        *outputs[i].stream << endings[i];
        outputs[i].stream->flush();
        if (!*outputs[i].stream) throw failure(exit_input, outputs[i].path + ": write failed");
    }
    print_summary(forms, p, o, true);
    return findings_exit_code(p, o.fail_on);
}

}  // namespace jixiao::cli
