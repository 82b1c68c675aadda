// bind_export.cpp — exporters (JSON, CSV, Markdown, HTML) of evaluations and portfolios.
#include "bindings.hpp"

#include <jixiao/io/export.hpp>

#include <string>
#include <vector>

namespace jixiao::python {

namespace {

io::html_options html_options_from(const std::string& title, const std::string& generator, bool portfolio_page) {
    io::html_options o;
    o.title = title;
    o.generator = generator;
    o.portfolio_page = portfolio_page;
    return o;
}

}  // namespace

void bind_export(py::module_& m) {
    m.def("escape_html", &io::escape_html, py::arg("text"), "Text made safe inside HTML elements and attributes.");
    m.def("csv_field", &io::csv_field, py::arg("text"), "One RFC 4180 CSV field, formula-neutralised (= + - @).");
    m.def("scorecard_to_json", [](const scorecard& c, const form& f, int indent) { return io::scorecard_to_json(c, f, indent); },
          py::arg("scorecard"), py::arg("form"), py::arg("indent") = 2, "One scorecard as JSON (format jixiao.scorecard).");
    m.def("evaluation_to_json", [](const evaluation& e, int indent) { return io::evaluation_to_json(e, indent); },
          py::arg("evaluation"), py::arg("indent") = 2, "One evaluation as JSON (format jixiao.evaluation).");
    m.def("evaluations_to_json", [](const std::vector<evaluation>& e, const portfolio& p, int indent) {
              return io::evaluations_to_json(e, p, indent);
          }, py::arg("evaluations"), py::arg("portfolio"), py::arg("indent") = 2,
          "Evaluations and their portfolio as JSON (format jixiao.evaluations).");
    m.def("portfolio_to_json", [](const portfolio& p, int indent) { return io::portfolio_to_json(p, indent); },
          py::arg("portfolio"), py::arg("indent") = 2, "The portfolio summary as JSON (format jixiao.portfolio).");
    m.def("scorecards_to_csv", [](const std::vector<evaluation>& e, bool bom) { return io::scorecards_to_csv(e, {bom}); },
          py::arg("evaluations"), py::arg("bom") = false, "One CSV row per scored line.");
    m.def("findings_to_csv", [](const std::vector<evaluation>& e, bool bom) { return io::findings_to_csv(e, {bom}); },
          py::arg("evaluations"), py::arg("bom") = false, "One CSV row per finding.");
    m.def("portfolio_to_csv", [](const portfolio& p, bool bom) { return io::portfolio_to_csv(p, {bom}); },
          py::arg("portfolio"), py::arg("bom") = false, "One CSV row per form of the portfolio.");
    m.def("to_markdown", [](const evaluation& e) { return io::to_markdown(e); }, py::arg("evaluation"),
          "One form in the official layout with computed scores and findings (Markdown).");
    m.def("portfolio_to_markdown", [](const std::vector<evaluation>& e, const portfolio& p) {
              return io::portfolio_to_markdown(e, p);
          }, py::arg("evaluations"), py::arg("portfolio"), "The portfolio overview followed by every form (Markdown).");
    m.def("html_form", [](const evaluation& e, const std::string& title, const std::string& generator) {
              return io::html_form(e, html_options_from(title, generator, true));
          }, py::arg("evaluation"), py::arg("title") = "", py::arg("generator") = "",
          "One form as a self-contained HTML page (official layout, computed beside reported, findings).");
    m.def("html_report", [](const std::vector<evaluation>& e, const portfolio& p, const std::string& title,
                            const std::string& generator, bool portfolio_page) {
              return io::html_report(e, p, html_options_from(title, generator, portfolio_page));
          }, py::arg("evaluations"), py::arg("portfolio"), py::arg("title") = "", py::arg("generator") = "",
          py::arg("portfolio_page") = true, "The self-contained HTML report (portfolio page + one section per form).");
    m.def("write_xlsx", [](const std::filesystem::path& path, const std::vector<evaluation>& e, const portfolio& p,
                           bool english) {
              std::optional<error> failed;
              {
                  py::gil_scoped_release release;
                  failed = io::write_xlsx(path, e, p, {.english = english});
              }
              if (failed) throw_error(*failed);
          }, py::arg("path"), py::arg("evaluations"), py::arg("portfolio"), py::arg("english") = false,
          "Writes an Excel workbook (forms, indicators, findings, portfolio); DocumentError (io_error) on failure.");
}

}  // namespace jixiao::python
