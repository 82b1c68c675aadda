// jixiao/io/export.hpp — exporters: evaluations (form + scorecard + findings) as JSON, CSV,
// Markdown and a self-contained HTML report.
//
// Synopsis:
//   escape_html(text)                      text safe inside HTML elements and attribute values
//   csv_field(text)                        one RFC 4180 field, formula-neutralised
//   scorecard_to_json(card, form)          `{"format":"jixiao.scorecard","version":1,...}`
//   evaluation_to_json(evaluation)         form + scorecard + findings + summary of one form
//   evaluations_to_json(evaluations, p)    `{"format":"jixiao.evaluations",...}` with the portfolio
//   portfolio_to_json(p)                   the portfolio summary alone
//   scorecards_to_csv(evaluations)         one row per scored line (execution + indicators)
//   findings_to_csv(evaluations)           one row per finding
//   portfolio_to_csv(p)                    one row per form
//   portfolio_groups_to_csv(p)             one row per group (summary --by)
//   to_markdown(evaluation)                one form in the official layout, with computed scores
//   portfolio_to_markdown(evaluations, p)  the portfolio and every form
//   html_report(evaluations, p, options)   the whole report: portfolio page + one section per form
//   html_form(evaluation, options)         one form as a page (the official layout)
//   write_xlsx(path, evaluations, p, o)    an Excel workbook: forms, indicators, findings, portfolio
//                                          (libxlsxwriter)
//
// Every text that comes from a form is untrusted: HTML output escapes it (no markup from the
// input ever reaches the page), Markdown escapes it, CSV neutralises cells that a spreadsheet
// would run as formulas (leading `=`, `+`, `-`, `@`, tab, CR get a `'` prefix). Numbers are
// printed from exact decimals only. The HTML is one file: inline CSS, inline SVG charts, a tiny
// inline script, no external resource (a Content-Security-Policy forbids any network access).
// Column lists and formats are documented in docs/cli.md.
#pragma once

#include <jixiao/portfolio.hpp>

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace jixiao::io {

/// `&`, `<`, `>`, `"`, `'` replaced by character references; invalid UTF-8 bytes become U+FFFD;
/// control characters other than tab and newline are dropped.
[[nodiscard]] std::string escape_html(std::string_view text);

/// One CSV field: neutralised when it starts with `=`, `+`, `-`, `@`, tab or CR (prefix `'`;
/// a plain signed number such as `-0.50` is left as it is) or their full-width forms,
/// then quoted per RFC 4180 when it holds `,`, `"`, CR or LF (or was neutralised).
[[nodiscard]] std::string csv_field(std::string_view text);

/// Options of the CSV writers.
struct csv_options {
    bool bom = false;              ///< start with a UTF-8 byte order mark (for Excel)
    bool chinese_headers = false;  ///< Chinese column names (序号, 项目名称, ...) instead of the English ids
};

/// One scorecard as JSON (`indent` spaces per level; negative: one line). `f` is the form it
/// scores (indicator names are written beside each line).
[[nodiscard]] std::string scorecard_to_json(const scorecard& card, const form& f, int indent = 2);
/// One evaluation: `{"format":"jixiao.evaluation","version":1,"source":...,"form":{canonical},
/// "scorecard":{...},"findings":{findings_to_json},"summary":{...}}`.
[[nodiscard]] std::string evaluation_to_json(const evaluation& e, int indent = 2);
/// Many evaluations and their portfolio: `{"format":"jixiao.evaluations","version":1,
/// "rulebook":{...},"portfolio":{...},"evaluations":[...]}`.
[[nodiscard]] std::string evaluations_to_json(std::span<const evaluation> evaluations, const portfolio& p,
                                              int indent = 2);
/// Scorecards of many evaluations: `{"format":"jixiao.scorecards","version":1,"scorecards":[...]}`.
[[nodiscard]] std::string scorecards_to_json(std::span<const evaluation> evaluations, int indent = 2);
/// The portfolio summary: `{"format":"jixiao.portfolio","version":1,...}`.
[[nodiscard]] std::string portfolio_to_json(const portfolio& p, int indent = 2);

/// One row per scored line (the execution line first, then each indicator), header first.
[[nodiscard]] std::string scorecards_to_csv(std::span<const evaluation> evaluations, const csv_options& options = {});
/// One row per finding, header first.
[[nodiscard]] std::string findings_to_csv(std::span<const evaluation> evaluations, const csv_options& options = {});
/// One row per form of the portfolio, header first.
[[nodiscard]] std::string portfolio_to_csv(const portfolio& p, const csv_options& options = {});
/// One row per group of a grouped portfolio (`p.groups`), header first: the group, forms,
/// mean total, budget and executed (yuan), rate, forms per grade, findings by severity.
[[nodiscard]] std::string portfolio_groups_to_csv(const portfolio& p, const csv_options& options = {});

/// One form in the official layout with computed scores beside the reported ones, and its
/// findings (GitHub-flavoured Markdown; every input text escaped).
[[nodiscard]] std::string to_markdown(const evaluation& e);
/// The portfolio overview followed by every form.
[[nodiscard]] std::string portfolio_to_markdown(std::span<const evaluation> evaluations, const portfolio& p);

/// Options of the HTML writers.
struct html_options {
    std::string title;          ///< page title (default: a title naming the number of forms)
    std::string generator;      ///< e.g. `jixiao 0.1.0` (written in the footer)
    bool portfolio_page = true; ///< html_report: include the portfolio overview
};

/// The self-contained report: a portfolio page (grade distribution, execution-rate distribution
/// and findings by code as inline SVG charts, one line per form) and one section per form (the
/// official table with computed scores beside reported ones, differences highlighted, findings
/// with their evidence). Printable (each form starts a new page).
[[nodiscard]] std::string html_report(std::span<const evaluation> evaluations, const portfolio& p,
                                      const html_options& options = {});
/// One form as a self-contained page in the official layout.
[[nodiscard]] std::string html_form(const evaluation& e, const html_options& options = {});

/// Options of the Excel writer.
struct xlsx_options {
    bool english = false;  ///< English headers and sheet names (default: Chinese)
};

/// Writes an Excel workbook to `path`: sheets 表单 (one row per form), 指标得分 (one row per
/// scored line, as `scorecards_to_csv`), 问题 (one row per finding) and 汇总 (the portfolio).
/// Exact decimals become Excel numbers shown with exactly their places (the one float
/// conversion, for the output cell); more than 15 significant digits stay text. Text is never
/// a formula. Frozen header row, autofilter, column widths fitted to CJK text. Returns
/// `errc::io_error` when the file cannot be written. Columns: docs/cli.md.
[[nodiscard]] std::optional<error> write_xlsx(const std::filesystem::path& path, std::span<const evaluation> evaluations,
                                              const portfolio& p, const xlsx_options& options = {});

}  // namespace jixiao::io
