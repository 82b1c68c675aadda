// common.cpp — what every subcommand shares: options, reading inputs, the rulebook, the thread
// pool with its progress bar, writing outputs, the human summary and the exit code.
#include "cli.hpp"

#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>
#include <jixiao/json.hpp>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

namespace jixiao::cli {

namespace fs = std::filesystem;

// ---- options ------------------------------------------------------------------------------------

io::read_options read_options_of(const common_options& o) {
    io::read_options r;
    r.legacy_office.convert = !o.no_convert;
    r.ocr.mode = o.ocr == "never" ? io::ocr_mode::never : o.ocr == "always" ? io::ocr_mode::always : io::ocr_mode::automatic;
    r.ocr.languages = o.ocr_languages;
    r.ocr.dpi = o.ocr_dpi;
    r.ocr.jobs = static_cast<unsigned>(std::min<std::size_t>(o.jobs, 256));
    if (!o.quiet && ::isatty(STDERR_FILENO)) {
        // OCR takes a second or more a page: a page counter on a terminal, cleared when done.
        r.ocr.progress = [](std::size_t done, std::size_t total) {
            if (done < total) {
                std::fprintf(stderr, "\r\x1b[KOCR: %zu/%zu pages", done, total);
            } else {
                std::fprintf(stderr, "\r\x1b[K");
            }
            std::fflush(stderr);
        };
    }
    return r;
}

void add_input_options(CLI::App& app, common_options& o) {
    app.add_option("inputs", o.inputs, "Input files, globs (quoted: 'forms/*.txt') or - for stdin")->required();
    app.add_option("-f,--format", o.format, "Input reader: auto, json, tsv, pipe, lines, csv, html, pdf, xlsx, docx, image")
        ->check(CLI::IsMember({"auto", "json", "tsv", "tab", "pipe", "lines", "cell_per_line", "csv", "html", "pdf", "xlsx", "docx", "image"}))
        ->capture_default_str();
    app.add_option("--layout", o.layouts,
                   "A layout family file (JSON, see `jixiao layouts show national`) read beside the built-in ones; repeatable");
    app.add_flag("--no-convert", o.no_convert,
                 "Refuse old binary Office files (.xls, .et, .doc, .wps) instead of converting them to .xlsx/.docx with "
                 "LibreOffice (soffice --headless, when installed)");
    app.add_option("--ocr", o.ocr,
                   "Scans (images, PDF pages without text): auto reads them by OCR, and PDF pages whose text layer is a "
                   "poor OCR layer; always re-reads every PDF page; never refuses scans (needs a build with jixiao::ocr)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    app.add_option("--ocr-lang", o.ocr_languages, "Tesseract language data for OCR, e.g. chi_sim or chi_sim+eng")
        ->capture_default_str();
    app.add_option("--ocr-dpi", o.ocr_dpi, "Resolution at which PDF pages are rendered for OCR")
        ->check(CLI::Range(72U, 1200U))
        ->capture_default_str();
    app.add_flag("--fail-fast", o.fail_fast,
                 "Stop at the first input that cannot be read (default: read every other input, write every output, "
                 "list the unread files, exit 3)");
}

void add_rulebook_options(CLI::App& app, common_options& o) {
    app.add_option("-r,--rulebook", o.rulebook,
                   "Built-in rulebook name (see `jixiao rulebooks list`) or a rulebook JSON file; default: the rulebook "
                   "each form's layout family names (mof-2020 for the national template)");
}

void add_output_options(CLI::App& app, common_options& o, bool json, bool csv, bool markdown, bool html) {
    if (json) app.add_option("--json", o.json, "Write JSON to FILE (- or no FILE: stdout)")->expected(0, 1)->default_str("-");
    if (csv) app.add_option("--csv", o.csv, "Write CSV to FILE (- or no FILE: stdout)")->expected(0, 1)->default_str("-");
    if (markdown) {
        app.add_option("--markdown", o.markdown, "Write Markdown to FILE (- or no FILE: stdout)")->expected(0, 1)->default_str("-");
    }
    if (html) app.add_option("--html", o.html, "Write the self-contained HTML report to FILE");
    if (csv) {
        app.add_flag("--bom", o.bom, "Start CSV on stdout with a UTF-8 byte order mark too (a CSV file has one by default)");
        app.add_flag("--no-bom", o.no_bom, "No UTF-8 byte order mark, even in a CSV file");
    }
}

void add_xlsx_options(CLI::App& app, common_options& o) {
    app.add_option("--xlsx", o.xlsx, "Write an Excel workbook to FILE (forms, indicators, findings, portfolio)");
    app.add_option("--xlsx-lang", o.xlsx_lang, "Headers and sheet names of the workbook: zh or en (default: Chinese, or --lang)")
        ->check(CLI::IsMember({"zh", "en"}));
}

void write_xlsx_output(const common_options& o, std::span<const evaluation> evaluations, const portfolio& p) {
    if (!o.xlsx) return;
    // The workbook is Chinese unless asked otherwise (--xlsx-lang, or --lang en).
    const bool english = !o.xlsx_lang.empty() ? o.xlsx_lang == "en" : o.lang == "en";
    if (auto e = io::write_xlsx(*o.xlsx, evaluations, p, {.english = english})) {
        throw failure(exit_input, *o.xlsx + ": " + e->message);
    }
}

void add_run_options(CLI::App& app, common_options& o, bool fail_on) {
    app.add_option("-j,--jobs", o.jobs, "Worker threads (default: one per core)")->check(CLI::Range(0, 256));
    app.add_flag("-q,--quiet", o.quiet, "No summary and no progress bar");
    app.add_option("--lang", o.lang, "zh or en: CSV and workbook headers and the summary (default: zh when LANG starts with zh)")
        ->check(CLI::IsMember({"zh", "en"}));
    if (fail_on) {
        app.add_option("--fail-on", o.fail_on, "Exit 1 when a finding is at or above this severity: error, warning, notice, none")
            ->check(CLI::IsMember({"error", "warning", "notice", "none"}))
            ->capture_default_str();
    }
}

// ---- inputs -------------------------------------------------------------------------------------

namespace {

/// `*` and `?` glob match on one path component (no backtracking explosion: the classic
/// two-pointer algorithm, linear in practice and O(n*m) at worst).
bool glob_match(std::string_view pattern, std::string_view name) {
    std::size_t p = 0;
    std::size_t n = 0;
    std::size_t star = std::string_view::npos;
    std::size_t mark = 0;
    while (n < name.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == name[n])) {
            ++p;
            ++n;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = n;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            n = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

bool has_wildcard(std::string_view s) { return s.find_first_of("*?") != std::string_view::npos; }

/// `line L, column C` of a byte offset (column in characters), for error messages.
std::string position_of(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0u) != 0x80u) {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace

std::string describe_error(const std::string& source, std::string_view text, const error& e) {
    std::string out = source;
    if (e.offset > 0 || e.code == errc::json_syntax) out += ":" + position_of(text, e.offset);
    std::string_view where = e.where;
    if (where.starts_with(source)) where.remove_prefix(source.size());  // the file is named already
    while (!where.empty() && (where.front() == ':' || where.front() == ' ' || where.front() == ',')) where.remove_prefix(1);
    if (!where.empty()) out += ": " + std::string(where);
    out += ": " + e.message + " (" + std::string(to_string(e.code)) + ", byte " + std::to_string(e.offset) + ")";
    return out;
}

namespace {

std::string read_stdin() {
    std::string data;
    char buffer[65536];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) {
        data.append(buffer, got);
        if (data.size() > io::read_options{}.max_bytes) {
            throw failure(exit_input, "-: input larger than " + std::to_string(io::read_options{}.max_bytes) + " bytes");
        }
    }
    return data;
}

/// Whether the text (BOM and leading white space skipped) looks like a JSON document.
bool looks_like_json(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        return c == '{';
    }
    return false;
}

std::string report_to_json(const io::import_report& r) {
    nlohmann::ordered_json out;
    out["format"] = "jixiao.import_report";
    out["version"] = 1;
    out["source"] = r.source;
    out["reader"] = std::string(io::to_string(r.format));
    out["reader_notes"] = r.reader_notes;
    out["cells_total"] = r.cells_total;
    out["cells_mapped"] = r.cells_mapped;
    nlohmann::ordered_json notes = nlohmann::ordered_json::array();
    for (const io::import_note& n : r.notes) {
        nlohmann::ordered_json item;
        item["code"] = n.code;
        item["kind"] = std::string(io::to_string(n.kind));
        item["message"] = n.message;
        item["form"] = n.form ? nlohmann::ordered_json(*n.form + 1) : nlohmann::ordered_json(nullptr);  // 1-based
        item["line"] = n.where.line;
        item["row"] = n.where.row;
        item["column"] = n.where.column;
        if (n.where.page != 0) item["page"] = n.where.page;  // PDF: the page the cell is on
        item["text"] = n.text;
        notes.push_back(item);
    }
    out["notes"] = notes;
    return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

/// The import report of an input in which no form was read: the reader that would read it, the
/// error and why, so that the report is written on failure too.
std::string failure_report_json(const std::string& source, std::string_view bytes, const std::string& format,
                                const error& e) {
    nlohmann::ordered_json out;
    out["format"] = "jixiao.import_report";
    out["version"] = 1;
    out["source"] = source;
    std::optional<io::grid_format> reader;
    if (format != "auto") reader = io::grid_format_from_string(format);
    else reader = io::detect_format(bytes);
    out["reader"] = reader ? nlohmann::ordered_json(std::string(io::to_string(*reader))) : nlohmann::ordered_json(nullptr);
    out["error"] = nlohmann::ordered_json{{"code", std::string(to_string(e.code))}, {"message", e.message}};
    out["cells_total"] = 0;
    out["cells_mapped"] = 0;
    out["notes"] = nlohmann::ordered_json::array();
    return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

loaded_input load_one(const std::string& source, const std::string& format, const std::vector<io::layout_family>& layouts,
                      bool keep_failures, const io::read_options& reading) {
    std::string bytes;
    if (source == "-") {
        bytes = read_stdin();
    } else {
        auto r = io::read_file(source, io::read_options{}.max_bytes);
        if (!r && keep_failures) {
            loaded_input out;
            out.source = source;
            out.failure = describe_error(source, {}, r.error());
            out.report_json = failure_report_json(source, {}, format, r.error());
            return out;
        }
        if (!r) throw failure(exit_input, describe_error(source, {}, r.error()));
        bytes = std::move(*r);
    }
    loaded_input out;
    out.source = source;
    if (format == "json" || (format == "auto" && looks_like_json(bytes))) {
        auto r = read_forms_json(bytes);
        if (!r && keep_failures) {
            out.failure = describe_error(source, bytes, r.error());
            return out;
        }
        if (!r) throw failure(exit_input, describe_error(source, bytes, r.error()));
        out.forms = std::move(*r);
        for (form& f : out.forms) {
            if (f.where.file.empty()) f.where.file = source;
        }
        out.notes.resize(out.forms.size());
        return out;
    }
    io::import_options options;
    options.source_name = source;
    options.layouts = layouts;
    options.limits = reading;
    if (format != "auto") options.format = io::grid_format_from_string(format);
    auto r = io::import_text(bytes, options);
    if (!r && keep_failures) {
        out.failure = describe_error(source, bytes, r.error());
        out.report_json = failure_report_json(source, bytes, format, r.error());
        return out;
    }
    if (!r) throw failure(exit_input, describe_error(source, bytes, r.error()));
    out.forms = std::move(r->forms);
    out.notes.resize(out.forms.size());
    for (const io::import_note& n : r->report.notes) {
        if (n.form && *n.form < out.forms.size()) {
            out.notes[*n.form].push_back(n);
        } else {
            ++out.document_notes;
        }
    }
    out.report_json = report_to_json(r->report);
    return out;
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& patterns) {
    std::vector<std::string> out;
    for (const std::string& pattern : patterns) {
        if (pattern == "-" || !has_wildcard(pattern)) {
            out.push_back(pattern);
            continue;
        }
        const fs::path path(pattern);
        const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
        if (has_wildcard(dir.string())) {
            throw failure(exit_usage, pattern + ": wildcards are supported in the file name only");
        }
        const std::string name = path.filename().string();
        std::vector<std::string> matches;
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            if (!it->is_regular_file(ec)) continue;
            const std::string file = it->path().filename().string();
            if (glob_match(name, file)) {
                matches.push_back(path.has_parent_path() ? (dir / file).string() : file);
            }
        }
        if (ec) throw failure(exit_input, dir.string() + ": " + ec.message());
        if (matches.empty()) throw failure(exit_input, pattern + ": no file matches");
        std::sort(matches.begin(), matches.end());
        out.insert(out.end(), matches.begin(), matches.end());
    }
    if (std::count(out.begin(), out.end(), "-") > 1) throw failure(exit_usage, "stdin (-) can be read only once");
    return out;
}

/// The built-in layout families and the --layout files (empty when there are none: the
/// recognizer then takes the built-in ones).
std::vector<io::layout_family> user_layouts(const common_options& o) {
    std::vector<io::layout_family> layouts;
    if (!o.layouts.empty()) {
        layouts = io::builtin_layouts();
        for (const std::string& file : o.layouts) {
            auto fam = io::load_layout_file(file);
            if (!fam) throw failure(exit_input, fam.error().describe());
            layouts.push_back(std::move(*fam));
        }
    }
    return layouts;
}


std::vector<loaded_input> load_inputs(const common_options& o) {
    std::vector<loaded_input> out;
    const std::vector<io::layout_family> layouts = user_layouts(o);
    const std::vector<std::string> sources = expand_inputs(o.inputs);
    const io::read_options reading = read_options_of(o);
    // Reading is the long phase of a big batch: a counter on a terminal (cleared when done).
    const bool progress = !o.quiet && ::isatty(STDERR_FILENO) && sources.size() > 1;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        if (progress) {
            std::fprintf(stderr, "\rreading %zu/%zu files", i + 1, sources.size());
            std::fflush(stderr);
        }
        out.push_back(load_one(sources[i], o.format, layouts, !o.fail_fast, reading));
        if (!out.back().failure.empty()) {
            std::fprintf(stderr, "%sjixiao: error: %s\n", progress ? "\r\x1b[K" : "", out.back().failure.c_str());
        }
    }
    if (progress) {
        std::fprintf(stderr, "\r\x1b[K");
        std::fflush(stderr);
    }
    return out;
}

std::vector<unread_file> files_not_read(const std::vector<loaded_input>& inputs) {
    std::vector<unread_file> out;
    for (const loaded_input& in : inputs) {
        if (!in.failure.empty()) out.push_back(unread_file{in.source, in.failure});
    }
    return out;
}

portfolio summarize_batch(std::span<const evaluation> evaluations, const rulebook& book,
                          const std::vector<loaded_input>& inputs) {
    portfolio p = summarize(evaluations, book);
    p.files_not_read = files_not_read(inputs);
    return p;
}

namespace {

/// The rulebook of each layout family the forms were read by, when no --rulebook was given.
std::map<std::string, rulebook> rulebooks_by_layout(const std::vector<loaded_input>& inputs, const common_options& o) {
    std::map<std::string, rulebook> out;
    if (!o.rulebook.empty()) return out;  // --rulebook: one rulebook for every form
    std::vector<io::layout_family> families = user_layouts(o);
    if (families.empty()) families = io::builtin_layouts();
    for (const loaded_input& in : inputs) {
        for (const form& f : in.forms) {
            if (f.layout.empty() || out.count(f.layout) != 0) continue;
            const auto fam = std::find_if(families.begin(), families.end(),
                                          [&](const io::layout_family& l) { return l.id == f.layout; });
            if (fam == families.end() || fam->rulebook.empty()) continue;  // scored by the default
            try {
                out.emplace(f.layout, resolve_rulebook(fam->rulebook));
            } catch (const failure& e) {
                throw failure(e.code, "layout family " + fam->id + " names its rulebook: " + e.what());
            }
        }
    }
    return out;
}

/// The rulebooks of the kinds that have their own (department-2020, rubric-2020), when no
/// --rulebook was given.
std::map<std::string, rulebook, std::less<>> rulebooks_by_kind(const std::vector<loaded_input>& inputs,
                                                               const common_options& o) {
    std::map<std::string, rulebook, std::less<>> out;
    if (!o.rulebook.empty()) return out;
    for (const loaded_input& in : inputs) {
        for (const form& f : in.forms) {
            const std::string_view own = kind_rulebook_name(f.kind);
            if (!own.empty() && out.find(own) == out.end()) out.emplace(std::string(own), resolve_rulebook(std::string(own)));
        }
    }
    return out;
}

}  // namespace

rulebook resolve_rulebook(const std::string& spec_or_empty) {
    const std::string spec = spec_or_empty.empty() ? std::string("mof-2020") : spec_or_empty;
    const auto names = builtin_rulebook_names();
    if (std::find(names.begin(), names.end(), spec) != names.end()) return builtin_rulebook(spec).value_or_throw();
    std::error_code ec;
    if (fs::exists(spec, ec)) {
        auto r = load_rulebook_file(spec);
        if (!r) {
            std::string text;
            if (auto bytes = io::read_file(spec, io::read_options{}.max_bytes)) text = std::move(*bytes);
            throw failure(exit_input, describe_error(spec, text, r.error()));
        }
        return std::move(*r);
    }
    std::string known;
    for (const std::string& n : names) known += (known.empty() ? "" : ", ") + n;
    throw failure(exit_usage, "--rulebook " + spec + ": neither a built-in rulebook (" + known + ") nor a file");
}

// ---- evaluation ---------------------------------------------------------------------------------

std::vector<evaluation> evaluate_all(const std::vector<loaded_input>& inputs, const rulebook& book,
                                     const common_options& o) {
    struct task {
        const form* subject;
        const std::vector<io::import_note>* notes;
        const std::string* source;
    };
    std::vector<task> tasks;
    for (const loaded_input& in : inputs) {
        for (std::size_t i = 0; i < in.forms.size(); ++i) tasks.push_back({&in.forms[i], &in.notes[i], &in.source});
    }
    // No --rulebook: a kind with a rulebook of its own (department, rubric) is scored by it; any
    // other form read by a layout family by the rulebook the family names; the rest by `book`.
    // (A declaration is never scored, whatever the rulebook.) docs/rulebooks.md.
    const std::map<std::string, rulebook> by_layout = rulebooks_by_layout(inputs, o);
    const std::map<std::string, rulebook, std::less<>> by_kind = rulebooks_by_kind(inputs, o);
    auto book_for = [&](const form& f) -> const rulebook& {
        if (const auto k = by_kind.find(kind_rulebook_name(f.kind)); k != by_kind.end()) return k->second;
        const auto it = f.layout.empty() ? by_layout.end() : by_layout.find(f.layout);
        return it == by_layout.end() ? book : it->second;
    };
    std::vector<evaluation> results(tasks.size());
    std::size_t jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = std::min(jobs, std::max<std::size_t>(tasks.size(), 1));

    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::exception_ptr first_error;
    std::mutex error_mutex;
    auto worker = [&] {
        for (std::size_t i = next++; i < tasks.size(); i = next++) {
            try {
                results[i] = evaluate(*tasks[i].subject, book_for(*tasks[i].subject), *tasks[i].source, *tasks[i].notes);
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!first_error) first_error = std::current_exception();
            }
            ++done;
        }
    };

    const bool progress = !o.quiet && ::isatty(STDERR_FILENO) && tasks.size() > 1;
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < jobs; ++t) threads.emplace_back(worker);
    if (progress) {
        // The main thread draws the bar while the workers run.
        std::thread last(worker);
        const std::size_t width = 30;
        for (;;) {
            const std::size_t d = done.load();
            const std::size_t filled = width * d / tasks.size();
            std::fprintf(stderr, "\r[%s%s] %zu/%zu forms", std::string(filled, '#').c_str(),
                         std::string(width - filled, '.').c_str(), d, tasks.size());
            std::fflush(stderr);
            if (d >= tasks.size()) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(80));
        }
        last.join();
        std::fprintf(stderr, "\r%*s\r", static_cast<int>(width + 30), "");
        std::fflush(stderr);
    } else {
        worker();
    }
    for (std::thread& t : threads) t.join();
    if (first_error) std::rethrow_exception(first_error);
    flag_duplicate_forms(results);
    flag_linked_forms(results);  // declarations against their self-evaluations, departments against projects
    return results;
}

// ---- outputs ------------------------------------------------------------------------------------

void write_output(const std::string& path, const std::string& text) {
    if (path == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::fflush(stdout);
        return;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw failure(exit_input, path + ": cannot open for writing");
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) throw failure(exit_input, path + ": write failed");
}

bool chinese(const common_options& o) {
    if (!o.lang.empty()) return o.lang == "zh";
    for (const char* name : {"LC_ALL", "LANG"}) {
        const char* v = std::getenv(name);
        if (v != nullptr && *v != '\0') return std::string_view(v).starts_with("zh");
    }
    return false;
}

bool csv_bom(const common_options& o, const std::string& path) {
    if (o.no_bom) return false;
    return o.bom || path != "-";
}

bool stdout_taken(const common_options& o) {
    return (o.json && *o.json == "-") || (o.csv && *o.csv == "-") || (o.markdown && *o.markdown == "-") ||
           (o.html && *o.html == "-");
}

void print_summary(const std::vector<evaluation>& evaluations, const portfolio& p, const common_options& o,
                   bool with_findings) {
    print_summary(evaluations.size(), p, o, with_findings);
}

void print_summary(std::size_t forms, const portfolio& p, const common_options& o, bool with_findings) {
    if (o.quiet) return;
    FILE* out = stdout_taken(o) ? stderr : stdout;
    const bool zh = chinese(o);
    auto say = [zh](std::string_view en, std::string_view cn) { return std::string(zh ? cn : en); };
    auto n = [](std::size_t k) { return std::to_string(k); };
    std::string text = zh ? "共 " + n(forms) + " 张表，评分规则 " + p.rulebook_id + " " + p.rulebook_version + "\n"
                          : n(forms) + (forms == 1 ? " form" : " forms") +
                                " scored with rulebook " + p.rulebook_id + " " + p.rulebook_version + "\n";
    text += say("grades (computed):", "复核等级：");
    for (const grade_count& g : p.grades) {
        if (g.grade.empty() && g.computed == 0) continue;
        text += " " + (g.grade.empty() ? say("none", "无") : g.grade) + " " + n(g.computed);
    }
    if (p.computed_total_mean) text += say("; mean total ", "；平均复核总分 ") + p.computed_total_mean->to_string();
    text += "\n";
    // The kinds, when the batch holds more than project self-evaluations.
    const bool only_projects = p.kinds.empty() || (p.kinds.size() == 1 && p.kinds[0].kind == form_kind::project_self_evaluation);
    auto kind_part = [&](const kind_summary& k) {
        std::string part = (zh ? std::string(chinese_name(k.kind)) : std::string(to_string(k.kind))) + " " + n(k.forms);
        if (is_declaration(k.kind)) {
            part += say(" (not scored: a declaration)", "（目标申报表不评分）");
        } else if (k.computed_total_mean) {
            part += say(" (mean total ", "（平均复核总分 ") + k.computed_total_mean->to_string() + say(")", "）");
        }
        return part;
    };
    if (!only_projects) {
        text += say("kinds:", "表类：");
        for (std::size_t i = 0; i < p.kinds.size(); ++i) text += (i == 0 ? " " : say(", ", "，")) + kind_part(p.kinds[i]);
        text += "\n";
    }
    if (!p.files_not_read.empty()) {
        text += zh ? n(p.files_not_read.size()) + " 个文件未能读取："
                   : n(p.files_not_read.size()) + (p.files_not_read.size() == 1 ? " file" : " files") + " not read:";
        for (const unread_file& u : p.files_not_read) text += " " + u.source;
        text += say(" (why: on stderr, and in the JSON and HTML report)\n", "（原因见标准错误输出、JSON 和 HTML 报告）\n");
    }
    if (p.grouped_by) {
        static constexpr std::array<std::string_view, 5> by_zh{"按主管部门：", "按实施单位：", "按复核等级：", "按文件：",
                                                               "按预算单位："};
        text += zh ? std::string(by_zh[static_cast<std::size_t>(*p.grouped_by)]) + "\n"
                   : "by " + std::string(to_string(*p.grouped_by)) + ":\n";
        for (const portfolio_group& g : p.groups) {
            text += "  " + (g.key.empty() ? say("(blank)", "（未填）") : g.key) + ": " + n(g.forms) +
                    (zh ? " 张表" : (g.forms == 1 ? " form" : " forms"));
            if (g.computed_total_mean) text += say(", mean total ", "，平均复核总分 ") + g.computed_total_mean->to_string();
            if (g.execution_rate_percent) text += say(", execution ", "，执行率 ") + g.execution_rate_percent->to_string() + "%";
            text += say(", ", "，") + n(g.errors) + "E " + n(g.warnings) + "W " + n(g.notices) + "N\n";
            if (!only_projects) {  // the group's kinds side by side
                text += "   ";
                for (std::size_t i = 0; i < g.kinds.size(); ++i) text += (i == 0 ? " " : say(" | ", " | ")) + kind_part(g.kinds[i]);
                text += "\n";
            }
        }
    }
    if (with_findings) {
        text += zh ? "问题：错误 " + n(p.findings.errors) + " 个，警告 " + n(p.findings.warnings) + " 个，提示 " +
                         n(p.findings.notices) + " 个；表：不可信 " + n(p.findings.forms_by_trust[2]) + "，需复核 " +
                         n(p.findings.forms_by_trust[1]) + "，可信 " + n(p.findings.forms_by_trust[0]) + "\n"
                   : "findings: " + n(p.findings.errors) + " errors, " + n(p.findings.warnings) + " warnings, " +
                         n(p.findings.notices) + " notices; forms: " + n(p.findings.forms_by_trust[2]) + " untrusted, " +
                         n(p.findings.forms_by_trust[1]) + " to review, " + n(p.findings.forms_by_trust[0]) + " trusted\n";
        static constexpr std::array<std::string_view, 3> trust_zh{"可信", "需复核", "不可信"};
        for (const portfolio_entry& e : p.entries) {
            text += "  " + n(e.index + 1) + ". " + e.project_name + ": ";
            if (!e.scored) {
                scorecard probe;
                probe.unscored = e.unscored;
                text += std::string(not_scored_text(probe, zh));
            } else if (e.computed_grade.empty()) {
                text += say("not scorable (no indicator, no funds figure)", "无法评分（未读到指标和资金数额）");
            } else {
                text += e.computed_total.to_string();
                if (e.reported_total) text += say(" (reported ", "（自评 ") + e.reported_total->to_string() + say(")", "）");
                text += " " + e.computed_grade;
            }
            text += ", " + n(e.counts.errors) + "E " + n(e.counts.warnings) + "W " + n(e.counts.notices) + "N, " +
                    (zh ? std::string(trust_zh[static_cast<std::size_t>(e.counts.trust)]) : std::string(to_string(e.counts.trust))) +
                    "\n";
        }
    }
    if (!with_findings) {  // score: the forms that have no total say why
        for (const portfolio_entry& e : p.entries) {
            if (e.scored) continue;
            scorecard probe;
            probe.unscored = e.unscored;
            text += "  " + n(e.index + 1) + ". " + e.project_name + ": " + std::string(not_scored_text(probe, zh)) + "\n";
        }
    }
    std::fputs(text.c_str(), out);
    std::fflush(out);
}

int findings_exit_code(const portfolio& p, const std::string& fail_on) {
    if (!p.files_not_read.empty()) return exit_input;  // after every output is written
    if (fail_on == "none") return exit_clean;
    std::size_t n = p.findings.errors;
    if (fail_on == "warning" || fail_on == "notice") n += p.findings.warnings;
    if (fail_on == "notice") n += p.findings.notices;
    return n > 0 ? exit_findings : exit_clean;
}

std::string version_text() { return std::string("jixiao ") + JIXIAO_VERSION_STRING; }

}  // namespace jixiao::cli
