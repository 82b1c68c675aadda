// bind_io.cpp — grids of cells and the import (recognizer) of forms.
#include "bindings.hpp"

#include <jixiao/io/grid.hpp>
#include <jixiao/io/form_stream.hpp>
#include <jixiao/io/import.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace jixiao::python {

namespace {

/// "auto", "always" or "never" (ValueError otherwise).
io::ocr_mode ocr_mode_from(const std::string& name) {
    if (name == "auto") return io::ocr_mode::automatic;
    if (name == "always") return io::ocr_mode::always;
    if (name == "never") return io::ocr_mode::never;
    throw py::value_error("ocr must be 'auto', 'always' or 'never', not '" + name + "'");
}

}  // namespace

namespace {

const enum_table<io::note_kind> note_kind_names = {
    {io::note_kind::repair, "repair"}, {io::note_kind::unmapped, "unmapped"}, {io::note_kind::warning, "warning"}};

io::grid_format format_from(const std::string& name) {
    if (auto f = io::grid_format_from_string(name)) return *f;
    throw py::value_error("unknown grid format '" + name + "' (one of: tsv, pipe, cell_per_line, csv, html, xlsx, docx)");
}

/// Bytes from a Python str (UTF-8) or bytes-like object.
std::string bytes_of(py::handle data) {
    if (PyUnicode_Check(data.ptr())) return data.cast<std::string>();
    if (PyBytes_Check(data.ptr())) return data.cast<std::string>();
    return py::bytes(py::module_::import("builtins").attr("bytes")(data)).cast<std::string>();
}

io::grid grid_from_python(py::handle rows, const std::string& format) {
    if (py::isinstance<io::grid>(rows)) return rows.cast<io::grid>();
    io::grid g;
    g.format = format_from(format);
    std::size_t line = 0;
    for (py::handle r : rows.cast<py::iterable>()) {
        ++line;
        io::row out;
        out.line = line;
        std::size_t column = 0;
        for (py::handle c : r.cast<py::iterable>()) {
            ++column;
            io::cell cell;
            if (py::isinstance<io::cell>(c)) {
                cell = c.cast<io::cell>();
                if (cell.line == 0) cell.line = line;
                if (cell.column == 0) cell.column = column;
            } else if (c.is_none()) {
                cell.line = line;
                cell.column = column;
            } else if (PyUnicode_Check(c.ptr())) {
                cell.text = c.cast<std::string>();
                cell.line = line;
                cell.column = column;
            } else {
                throw py::type_error("jixiao: a grid cell is a str, None or a jixiao.Cell");
            }
            out.cells.push_back(std::move(cell));
        }
        if (!out.cells.empty()) out.line = out.cells.front().line;
        g.rows.push_back(std::move(out));
    }
    return g;
}

io::import_options options_from(std::optional<std::string> format, const std::string& source_name) {
    io::import_options options;
    if (format) options.format = format_from(*format);
    options.source_name = source_name;
    return options;
}

io::import_result run(const std::function<result<io::import_result>()>& call) {
    std::optional<result<io::import_result>> r;
    {
        py::gil_scoped_release release;
        r.emplace(call());
    }
    return unwrap(std::move(*r));
}

}  // namespace

void bind_io(py::module_& m) {
    py::class_<io::cell>(m, "Cell", "One cell of a grid: its text and where it came from (line, column, spans).")
        .def(py::init([](std::string text, std::size_t line, std::size_t column, std::size_t offset, std::size_t row_span,
                         std::size_t col_span, bool from_span) {
                 return io::cell{std::move(text), line, column, offset, row_span, col_span, from_span};
             }),
             py::arg("text") = "", py::kw_only(), py::arg("line") = 0, py::arg("column") = 0, py::arg("offset") = 0,
             py::arg("row_span") = 1, py::arg("col_span") = 1, py::arg("from_span") = false,
             "A cell; line and column default to the cell's place in the grid given to recognize().")
        .def_readwrite("text", &io::cell::text, "Cell text (UTF-8).")
        .def_readwrite("line", &io::cell::line, "1-based source line (Excel: the sheet row).")
        .def_readwrite("column", &io::cell::column, "1-based position in the row.")
        .def_readwrite("offset", &io::cell::offset, "Byte offset in the source text (0 when not applicable).")
        .def_readwrite("row_span", &io::cell::row_span, "Rows covered by a merged cell (1 otherwise).")
        .def_readwrite("col_span", &io::cell::col_span, "Columns covered by a merged cell (1 otherwise).")
        .def_readwrite("from_span", &io::cell::from_span, "A copy placed in a position covered by a merged cell.")
        .def_readonly("page", &io::cell::page, "1-based page of a PDF (0 for text formats).")
        .def_property_readonly("bounds", [](const io::cell& c) {
            return py::make_tuple(c.bounds.x0, c.bounds.y0, c.bounds.x1, c.bounds.y1);
        }, "(x0, y0, x1, y1) of the cell on its page in 1/100 pt, from the top left (PDF; zeros otherwise).")
        .def_property_readonly("confidence", [](const io::cell& c) -> py::object {
            if (c.confidence < 0) return py::none();
            return py::int_(c.confidence);
        }, "Read by OCR: the confidence (0-100) of the cell's least certain word; None otherwise.")
        .def_readonly("as_read", &io::cell::as_read,
                      "Read by OCR and repaired by the value grammar: the text as read ('' when not repaired).")
        .def("__eq__", [](const io::cell& a, const io::cell& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const io::cell& c) {
            return "Cell('" + c.text + "', line=" + std::to_string(c.line) + ", column=" + std::to_string(c.column) + ")";
        })
        .def(py::pickle([](const io::cell& c) {
                            return py::make_tuple(c.text, c.line, c.column, c.offset, c.row_span, c.col_span, c.from_span,
                                                  c.page, c.bounds.x0, c.bounds.y0, c.bounds.x1, c.bounds.y1);
                        },
                        [](const py::tuple& t) {
                            io::cell c{t[0].cast<std::string>(), t[1].cast<std::size_t>(), t[2].cast<std::size_t>(),
                                       t[3].cast<std::size_t>(), t[4].cast<std::size_t>(), t[5].cast<std::size_t>(),
                                       t[6].cast<bool>()};
                            if (t.size() >= 12) {  // a cell of a paged source (PDF)
                                c.page = t[7].cast<std::size_t>();
                                c.bounds = io::box{t[8].cast<std::int32_t>(), t[9].cast<std::int32_t>(),
                                                   t[10].cast<std::int32_t>(), t[11].cast<std::int32_t>()};
                            }
                            return c;
                        }));

    py::class_<io::grid>(m, "Grid", "A document as rows of cells, as a reader produced it.")
        .def(py::init([](py::handle rows, const std::string& format) { return grid_from_python(rows, format); }),
             py::arg("rows"), py::arg("format") = "html",
             "A grid from rows of cells (each a str, None or Cell); `format` names the reader it stands for.")
        .def_property_readonly("rows", [](const io::grid& g) {
            std::vector<std::vector<io::cell>> out;
            out.reserve(g.rows.size());
            for (const auto& r : g.rows) out.push_back(r.cells);
            return out;
        }, "The rows: lists of Cell (empty for a blank line).")
        .def_property_readonly("format", [](const io::grid& g) { return std::string(io::to_string(g.format)); })
        .def_readonly("notes", &io::grid::notes, "What the reader did beyond splitting (encoding conversion ...).")
        .def("__len__", [](const io::grid& g) { return g.rows.size(); })
        .def("__repr__", [](const io::grid& g) {
            return "Grid(format='" + std::string(io::to_string(g.format)) + "', rows=" + std::to_string(g.rows.size()) + ")";
        });

    m.def("detect_format", [](py::handle data) -> std::optional<std::string> {
              auto f = io::detect_format(bytes_of(data));
              if (!f) return std::nullopt;
              return std::string(io::to_string(*f));
          }, py::arg("data"), "The reader that fits the text (tsv, pipe, cell_per_line, csv, html, pdf), or None.");
    m.def("read_grid", [](py::handle data, std::optional<std::string> format) {
              std::string bytes = bytes_of(data);
              std::optional<result<io::grid>> r;
              std::optional<io::grid_format> f;
              if (format) f = format_from(*format);
              {
                  py::gil_scoped_release release;
                  r.emplace(f ? io::read_grid(bytes, *f) : io::read_grid(bytes));
              }
              return unwrap(std::move(*r));
          }, py::arg("data"), py::arg("format") = py::none(),
          "Reads a document (str or bytes, any supported encoding) into a Grid; the format is detected when None.");

    py::class_<io::import_note>(m, "ImportNote", "One entry of an import report: a repair, an unmapped cell or a warning.")
        .def_readonly("code", &io::import_note::code, "Stable id, e.g. 'page_number_dropped'.")
        .def_property_readonly("kind", [](const io::import_note& n) { return enum_name(n.kind, note_kind_names); },
                               "repair, unmapped or warning.")
        .def_readonly("message", &io::import_note::message, "English, with the specifics filled in.")
        .def_readonly("where", &io::import_note::where, "SourceLocation.")
        .def_readonly("text", &io::import_note::text, "The cell text concerned.")
        .def_readonly("form", &io::import_note::form, "Index of the form it belongs to, or None.")
        .def_readonly("indicator", &io::import_note::indicator, "Index of the indicator it belongs to, or None.")
        .def("__eq__", [](const io::import_note& a, const io::import_note& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const io::import_note& n) { return "ImportNote('" + n.code + "', '" + n.message + "')"; });

    py::class_<io::import_report>(m, "ImportReport", "Everything the recognizer did with a document (nothing is lost).")
        .def(py::init([](std::string source) {
                 io::import_report r;
                 r.source = std::move(source);
                 return r;
             }), py::arg("source") = "-", "An empty report (e.g. for forms read from canonical JSON).")
        .def("__eq__", [](const io::import_report& a, const io::import_report& b) { return a == b; }, py::is_operator())
        .def_readonly("source", &io::import_report::source, "File name or '-'.")
        .def_property_readonly("format", [](const io::import_report& r) { return std::string(io::to_string(r.format)); })
        .def_readonly("reader_notes", &io::import_report::reader_notes)
        .def_readonly("notes", &io::import_report::notes, "ImportNote list.")
        .def_readonly("cells_total", &io::import_report::cells_total, "Non-empty cells read.")
        .def_readonly("cells_mapped", &io::import_report::cells_mapped, "Non-empty cells that went into a form field.")
        .def("notes_for", &io::import_report::notes_for, py::arg("index"), "Notes that belong to form `index`.")
        .def("__repr__", [](const io::import_report& r) {
            return "ImportReport(source='" + r.source + "', notes=" + std::to_string(r.notes.size()) +
                   ", cells " + std::to_string(r.cells_mapped) + "/" + std::to_string(r.cells_total) + ")";
        })
        .def(py::pickle(
            [](const io::import_report& r) {
                py::list notes;
                for (const auto& n : r.notes)
                    notes.append(py::make_tuple(n.code, static_cast<int>(n.kind), n.message, location_state(n.where),
                                                n.text, n.form, n.indicator));
                return py::make_tuple(r.source, static_cast<int>(r.format), r.reader_notes, notes, r.cells_total,
                                      r.cells_mapped);
            },
            [](const py::tuple& t) {
                io::import_report r;
                r.source = t[0].cast<std::string>();
                r.format = static_cast<io::grid_format>(t[1].cast<int>());
                r.reader_notes = t[2].cast<std::vector<std::string>>();
                for (py::handle h : t[3].cast<py::list>()) {
                    auto n = h.cast<py::tuple>();
                    r.notes.push_back(io::import_note{
                        n[0].cast<std::string>(), static_cast<io::note_kind>(n[1].cast<int>()), n[2].cast<std::string>(),
                        location_from_state(n[3]),
                        n[4].cast<std::string>(), n[5].cast<std::optional<std::size_t>>(),
                        n[6].cast<std::optional<std::size_t>>()});
                }
                r.cells_total = t[4].cast<std::size_t>();
                r.cells_mapped = t[5].cast<std::size_t>();
                return r;
            }));

    py::class_<io::import_result>(m, "ImportResult", "The forms of a document and its import report.")
        .def(py::init([](std::vector<form> forms, io::import_report report) {
                 return io::import_result{std::move(forms), std::move(report)};
             }), py::arg("forms"), py::arg("report") = io::import_report{}, "Forms with a report.")
        .def_property_readonly("notes", [](const io::import_result& r) { return r.report.notes; }, "The report's notes.")
        .def_readonly("forms", &io::import_result::forms, "The recognised forms (list of Form).")
        .def_readonly("report", &io::import_result::report, "The ImportReport.")
        .def("__iter__", [](const io::import_result& r) {
            return py::iter(py::make_tuple(py::cast(r.forms), py::cast(r.report)));
        }, "Unpacks as (forms, report).")
        .def("__repr__", [](const io::import_result& r) {
            return "ImportResult(forms=" + std::to_string(r.forms.size()) + ", notes=" + std::to_string(r.report.notes.size()) + ")";
        })
        .def(py::pickle([](py::handle self) { return py::make_tuple(self.attr("forms"), self.attr("report")); },
                        [](const py::tuple& t) {
                            return io::import_result{t[0].cast<std::vector<form>>(), t[1].cast<io::import_report>()};
                        }));

    m.def("recognize", [](py::handle rows, const std::string& format, const std::string& source_name) {
              io::grid g = grid_from_python(rows, format);
              io::import_options options = options_from(std::nullopt, source_name);
              return run([&] { return io::recognize(g, options); });
          }, py::arg("grid"), py::arg("format") = "html", py::arg("source_name") = "-",
          "Recognizes the forms in a grid (a Grid, or rows of str / None / Cell built e.g. from a spreadsheet); "
          "`format` names the reader the rows stand for. Returns ImportResult; DocumentError when no form is found.");
    m.def("import_text", [](py::handle data, std::optional<std::string> format, const std::string& source_name, bool convert,
                            const std::string& ocr) {
              std::string bytes = bytes_of(data);
              io::import_options options = options_from(format, source_name);
              options.limits.legacy_office.convert = convert;
              options.limits.ocr.mode = ocr_mode_from(ocr);
              return run([&] { return io::import_text(bytes, options); });
          }, py::arg("data"), py::arg("format") = py::none(), py::arg("source_name") = "-", py::arg("convert") = true,
          py::arg("ocr") = "auto",
          "Reads a document (str or bytes; any supported format and encoding) and recognizes its forms (GIL released). "
          "convert: an old binary .xls/.et/.doc/.wps is converted by LibreOffice (when installed) instead of refused. "
          "ocr: auto (scans and PDF pages without text read by OCR, when built with it), always, never.");
    m.def("import_file", [](const std::filesystem::path& path, std::optional<std::string> format,
                            std::optional<std::string> source_name, bool convert, const std::string& ocr) {
              io::import_options options;
              if (format) options.format = format_from(*format);
              if (source_name) options.source_name = *source_name;
              options.limits.legacy_office.convert = convert;
              options.limits.ocr.mode = ocr_mode_from(ocr);
              return run([&] { return io::import_file(path, options); });
          }, py::arg("path"), py::arg("format") = py::none(), py::arg("source_name") = py::none(), py::arg("convert") = true,
          py::arg("ocr") = "auto",
          "Imports the forms of a file (GIL released). Returns ImportResult; DocumentError on failure. "
          "convert: an old binary .xls/.et/.doc/.wps is converted by LibreOffice (when installed) instead of refused. "
          "ocr: auto (scans and PDF pages without text read by OCR, when built with it), always, never.");

    py::class_<io::form_stream>(m, "FormStream",
                                "A file read form by form in bounded memory (UTF-8 tab-separated text in chunks; "
                                "other documents whole): iterate for (Form, list of ImportNote) pairs.")
        .def(py::init([](const std::filesystem::path& path, std::optional<std::string> format,
                         std::optional<std::string> source_name, std::size_t chunk_bytes) {
                 io::import_options options;
                 if (format) options.format = format_from(*format);
                 if (source_name) options.source_name = *source_name;
                 options.limits.legacy_office.convert = true;  // as read(): old .xls/.doc through LibreOffice
                 result<io::form_stream> r = [&] {
                     py::gil_scoped_release release;
                     return io::form_stream::open_file(path, options, chunk_bytes);
                 }();
                 return unwrap(std::move(r));
             }),
             py::arg("path"), py::arg("format") = py::none(), py::arg("source_name") = py::none(),
             py::arg("chunk_bytes") = io::form_stream::default_chunk_bytes)
        .def("__iter__", [](io::form_stream& s) -> io::form_stream& { return s; }, py::return_value_policy::reference_internal)
        .def("__next__", [](io::form_stream& s) {
            result<std::optional<io::streamed_form>> r = [&] {
                py::gil_scoped_release release;
                return s.next();
            }();
            std::optional<io::streamed_form> f = unwrap(std::move(r));
            if (!f) throw py::stop_iteration();
            return py::make_tuple(std::move(f->subject), std::move(f->notes));
        })
        .def_property_readonly("chunked", &io::form_stream::chunked,
                               "Whether the file is read chunk by chunk (False: read whole, the forms handed out one by one).")
        .def_property_readonly("report", [](const io::form_stream& s) { return s.report(); },
                               "ImportReport: reader notes, the notes of no form; the cell counts once the last form was read.");
}

}  // namespace jixiao::python
