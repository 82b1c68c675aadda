// cli.hpp — shared pieces of the jixiao command: options, inputs, evaluation, outputs, exit codes.
#pragma once

#include <jixiao/audit.hpp>
#include <jixiao/error.hpp>
#include <jixiao/form.hpp>
#include <jixiao/io/export.hpp>
#include <jixiao/io/import.hpp>
#include <jixiao/portfolio.hpp>
#include <jixiao/rulebook.hpp>

#include <CLI/CLI.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace jixiao::cli {

/// Exit codes (docs/cli.md).
enum exit_code : int {
    exit_clean = 0,     ///< no finding at or above --fail-on
    exit_findings = 1,  ///< findings at or above --fail-on
    exit_usage = 2,     ///< bad command line
    exit_input = 3,     ///< an input could not be read
};

/// A failure that ends the command with `code` after printing `message` (to stderr).
struct failure : std::runtime_error {
    failure(int exit, const std::string& message) : std::runtime_error(message), code(exit) {}
    int code;
};

/// Options every form-reading subcommand has.
struct common_options {
    std::vector<std::string> inputs;   ///< paths, globs or `-`
    std::string format = "auto";       ///< auto | json | tsv | pipe | lines | csv | html
    std::vector<std::string> layouts;  ///< layout family files added to the built-in ones
    /// Built-in name or file; empty (no --rulebook): each form by the rulebook its layout family
    /// names (`mof-2020` for the national template).
    std::string rulebook;
    std::size_t jobs = 0;              ///< 0: hardware concurrency
    bool quiet = false;
    bool bom = false;                  ///< --bom: a BOM on CSV to stdout too
    bool no_bom = false;               ///< --no-bom: no BOM, even on a file
    std::string fail_on = "error";     ///< error | warning | notice | none
    std::optional<std::string> json;   ///< output file (`-` = stdout)
    std::optional<std::string> csv;
    std::optional<std::string> markdown;
    std::optional<std::string> html;
    std::optional<std::string> xlsx;   ///< Excel workbook file (--xlsx)
    std::string xlsx_lang;             ///< zh | en: headers and sheet names of the workbook (default: `lang`)
    /// zh | en (`--lang`; default from LANG: zh when it starts with `zh`): CSV and workbook
    /// headers, the human summary. Error messages stay English, with their stable codes.
    std::string lang;
    /// `--fail-fast`: the first input that cannot be read ends the command (exit 3) before any
    /// output is written. Without it an unreadable input is recorded (`loaded_input::failure`,
    /// and an import report that says why), every other input is processed and written, and
    /// the command exits 3 at the end.
    bool fail_fast = false;
    /// `--no-convert`: an old binary .xls/.et/.doc/.wps is refused instead of converted by
    /// LibreOffice (read_options::legacy_office).
    bool no_convert = false;
    /// `--ocr auto|always|never`, `--ocr-lang`, `--ocr-dpi`: scans (read_options::ocr).
    std::string ocr = "auto";
    std::string ocr_languages = io::ocr_options{}.languages;
    unsigned ocr_dpi = io::ocr_options{}.dpi;
};

/// The read options the input options ask for (LibreOffice conversion, OCR, the jobs).
[[nodiscard]] io::read_options read_options_of(const common_options& o);

/// Adds the options of `common_options` to a subcommand (`outputs`: which output flags it has).
void add_input_options(CLI::App& app, common_options& o);
void add_rulebook_options(CLI::App& app, common_options& o);
void add_output_options(CLI::App& app, common_options& o, bool json, bool csv, bool markdown, bool html);
void add_run_options(CLI::App& app, common_options& o, bool fail_on);
/// `--xlsx FILE` and `--xlsx-lang zh|en` (score, audit, summary).
void add_xlsx_options(CLI::App& app, common_options& o);
/// Writes the Excel workbook when `--xlsx` was given (throws `failure` when it cannot).
void write_xlsx_output(const common_options& o, std::span<const evaluation> evaluations, const portfolio& p);

/// One loaded input document.
struct loaded_input {
    std::string source;                 ///< path as given, `-` for stdin
    std::vector<form> forms;
    std::vector<std::vector<io::import_note>> notes;  ///< per form: the recognizer's notes for it
    std::string report_json;            ///< the import report as JSON (empty for JSON input)
    std::size_t document_notes = 0;     ///< notes that belong to no form
    std::string failure;                ///< why no form was read (not with `fail_fast`), else empty
};

/// Expands paths and globs (`*`, `?` in the file name part; `-` is stdin). Throws `failure`.
[[nodiscard]] std::vector<std::string> expand_inputs(const std::vector<std::string>& patterns);
/// Reads every input (canonical JSON or any format the recognizer reads). An input that cannot
/// be read is printed on stderr (`jixiao: error: FILE: why (code, position)`) and recorded in
/// its `loaded_input::failure`; with `--fail-fast` it throws `failure` (exit 3) instead.
[[nodiscard]] std::vector<loaded_input> load_inputs(const common_options& o);
/// The inputs in which no form was read, for `portfolio::files_not_read`.
[[nodiscard]] std::vector<unread_file> files_not_read(const std::vector<loaded_input>& inputs);
/// `summarize(evaluations, book)` with the files that were not read.
[[nodiscard]] portfolio summarize_batch(std::span<const evaluation> evaluations, const rulebook& book,
                                        const std::vector<loaded_input>& inputs);
/// The rulebook named by `--rulebook` (built-in name or file). Throws `failure`.
[[nodiscard]] rulebook resolve_rulebook(const std::string& spec);
/// Scores and audits every form on `jobs` threads, with a progress bar on a terminal, then runs
/// the batch checks (`flag_duplicate_forms`, then the link check `flag_linked_forms`).
[[nodiscard]] std::vector<evaluation> evaluate_all(const std::vector<loaded_input>& inputs, const rulebook& book,
                                                   const common_options& o);

/// Writes `text` to `path` (`-` = stdout). Throws `failure` (exit 3) when it cannot.
void write_output(const std::string& path, const std::string& text);
/// Whether CSV written to `path` starts with a UTF-8 BOM: yes for a file (Excel on a Chinese
/// Windows reads it as UTF-8), no for stdout; `--bom` / `--no-bom` decide otherwise.
[[nodiscard]] bool csv_bom(const common_options& o, const std::string& path);
/// The language of the outputs: `--lang`, else zh when LANG (or LC_ALL) starts with `zh`, else en.
[[nodiscard]] bool chinese(const common_options& o);
/// Whether any output option writes to stdout.
[[nodiscard]] bool stdout_taken(const common_options& o);
/// Prints the short human summary (forms, grades, findings by severity) to stdout, or to stderr
/// when stdout carries an output; nothing with --quiet.
void print_summary(const std::vector<evaluation>& evaluations, const portfolio& p, const common_options& o,
                   bool with_findings);
/// The same for a batch of `forms` forms (the streaming path keeps no evaluations).
void print_summary(std::size_t forms, const portfolio& p, const common_options& o, bool with_findings);
/// `jixiao audit` on the streaming path (stream.cpp): the forms read, scored, audited and written
/// one batch at a time, with the outputs of the whole path byte for byte; nullopt when the inputs
/// or the outputs asked for need the whole path (then nothing was read or written).
[[nodiscard]] std::optional<int> audit_streaming(const common_options& o, const std::string& scores_csv);
/// The layout families of `--layouts` (empty without it), as load_inputs reads them.
[[nodiscard]] std::vector<io::layout_family> user_layouts(const common_options& o);
/// `source:line:column: where: message (code, byte N)`: how an input error is printed.
[[nodiscard]] std::string describe_error(const std::string& source, std::string_view text, const error& e);
/// Exit code: 3 when a file was not read (`p.files_not_read`), else from the findings and `--fail-on`.
[[nodiscard]] int findings_exit_code(const portfolio& p, const std::string& fail_on);
/// The version line.
[[nodiscard]] std::string version_text();
/// HTML options with the generator set to the version line.
[[nodiscard]] inline io::html_options report_options() {
    io::html_options options;
    options.generator = version_text();
    return options;
}

// Subcommands: each registers itself and returns the function that runs it.
struct command {
    CLI::App* app = nullptr;
    std::function<int()> run;
};
command add_import(CLI::App& root);
command add_score(CLI::App& root);
command add_audit(CLI::App& root);
command add_render(CLI::App& root);
command add_summary(CLI::App& root);
command add_rulebooks(CLI::App& root);
/// `jixiao layouts list|show`: the layout families.
command add_layouts(CLI::App& root);

}  // namespace jixiao::cli
