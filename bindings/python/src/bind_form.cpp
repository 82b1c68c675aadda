// bind_form.cpp — the form model and its canonical JSON.
#include "bindings.hpp"

#include <jixiao/form.hpp>
#include <jixiao/json.hpp>

#include <array>
#include <cstddef>

namespace jixiao::python {

const enum_table<cell_state> cell_state_names = {
    {cell_state::missing, "missing"}, {cell_state::not_applicable, "not_applicable"},
    {cell_state::value, "value"}, {cell_state::invalid, "invalid"}};

namespace {

const enum_table<money_unit> money_unit_names = {{money_unit::yuan, "yuan"},
                                                 {money_unit::ten_thousand_yuan, "ten_thousand_yuan"}};
const enum_table<funds_row> funds_row_names = {{funds_row::total, "total"},
                                               {funds_row::current_appropriation, "current_appropriation"},
                                               {funds_row::prior_carryover, "prior_carryover"},
                                               {funds_row::other, "other"}};
const enum_table<funds_column> funds_column_names = {{funds_column::initial_budget, "initial_budget"},
                                                     {funds_column::full_year_budget, "full_year_budget"},
                                                     {funds_column::executed, "executed"}};
const enum_table<funds_score_column> funds_score_column_names = {
    {funds_score_column::weight, "weight"}, {funds_score_column::execution_rate, "execution_rate"},
    {funds_score_column::score, "score"}};

category category_from(const std::string& s) {
    if (auto c = category_from_string(s)) return *c;
    throw py::value_error("unknown category '" + s + "'");
}
subcategory subcategory_from(const std::string& s) {
    if (auto c = subcategory_from_string(s)) return *c;
    throw py::value_error("unknown subcategory '" + s + "'");
}

template <class T>
py::tuple reported_state(const reported<T>& r) {
    py::object value = py::none();
    if constexpr (std::is_same_v<T, decimal>) {
        if (r.value) value = py::cast(*r.value);
    }
    return py::make_tuple(r.text, static_cast<int>(r.state), value, error_state(r.problem));
}

/// Reads a field of an object through a member pointer, returning a copy.
template <class C, class T>
auto copy_of(T C::*member) {
    return [member](const C& c) { return c.*member; };
}

}  // namespace

py::object error_state(const boxed<error>& e) {
    if (!e) return py::none();
    return py::make_tuple(static_cast<int>(e->code), e->offset, e->where, e->message);
}

boxed<error> error_from_state(py::handle state) {
    if (state.is_none()) return std::nullopt;
    auto t = state.cast<py::tuple>();
    return error{static_cast<errc>(t[0].cast<int>()), t[1].cast<std::size_t>(), t[2].cast<std::string>(),
                 t[3].cast<std::string>()};
}

reported<decimal> to_reported_number(py::handle v, bool percent) {
    if (v.is_none()) return {};
    if (py::isinstance<reported<decimal>>(v)) return v.cast<reported<decimal>>();
    if (PyUnicode_Check(v.ptr())) return read_number_cell(v.cast<std::string>(), percent);
    reported<decimal> out;
    out.value = from_python_decimal(v, false);
    out.text = out.value->to_string();
    out.state = cell_state::value;
    return out;
}

reported<value_expr> to_reported_value(py::handle v) {
    if (v.is_none()) return {};
    if (py::isinstance<reported<value_expr>>(v)) return v.cast<reported<value_expr>>();
    if (py::isinstance<value_expr>(v)) return read_value_cell(v.cast<const value_expr&>().text);
    if (PyUnicode_Check(v.ptr())) return read_value_cell(v.cast<std::string>());
    throw py::type_error("jixiao: a target or actual is a str, a ValueExpr or a ReportedValue");
}

py::tuple location_state(const source_location& w) { return py::make_tuple(w.file, w.line, w.row, w.column, w.page); }

source_location location_from_state(py::handle state) {
    const auto t = state.cast<py::tuple>();
    return source_location{t[0].cast<std::string>(), t[1].cast<std::size_t>(), t[2].cast<std::size_t>(),
                           t[3].cast<std::size_t>(), t.size() > 4 ? t[4].cast<std::size_t>() : std::size_t{0}};
}

std::string form_to_json(const form& f) { return write_json(f, -1); }
form form_from_json(const std::string& text) { return unwrap(read_form_json(text)); }

void bind_form(py::module_& m) {
    // ---- reported cells ------------------------------------------------------------------
    py::class_<reported<decimal>>(m, "ReportedNumber",
                                  "A reported number cell: the original text and, when it parsed, the exact value. "
                                  "Never zeroed, never dropped: a bad number keeps its text and its problem.")
        .def(py::init([](const std::string& text, bool percent) { return read_number_cell(text, percent); }),
             py::arg("text") = "", py::arg("percent") = false,
             "Reads `text` like a form cell: '' -> missing, '—' / '/' / '无' -> not_applicable, else a number "
             "(a trailing '%' allowed when percent=True).")
        .def_static("of", [](py::handle v) { return to_reported_number(v); }, py::arg("value"),
                    "A cell holding `value` (Decimal, int or str; float refused).")
        .def_readonly("text", &reported<decimal>::text, "The text as in the source.")
        .def_property_readonly("state", [](const reported<decimal>& r) { return enum_name(r.state, cell_state_names); },
                               "missing, not_applicable, value or invalid.")
        .def_property_readonly("value", [](const reported<decimal>& r) { return r.value; }, "The Decimal, or None.")
        .def_property_readonly("problem", [](const reported<decimal>& r) -> py::object {
                                   return r.problem ? make_exception(*r.problem) : py::none();
                               }, "For an invalid cell: the ParseError (not raised) saying why; else None.")
        .def("has_value", &reported<decimal>::has_value, "Whether the cell holds a number.")
        .def("__eq__", [](const reported<decimal>& a, const reported<decimal>& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const reported<decimal>& r) {
            return "ReportedNumber('" + r.text + "', state='" + enum_name(r.state, cell_state_names) + "')";
        })
        .def(py::pickle([](const reported<decimal>& r) { return reported_state(r); },
                        [](const py::tuple& t) {
                            reported<decimal> r;
                            r.text = t[0].cast<std::string>();
                            r.state = static_cast<cell_state>(t[1].cast<int>());
                            if (!t[2].is_none()) r.value = t[2].cast<decimal>();
                            r.problem = error_from_state(t[3]);
                            return r;
                        }));

    py::class_<reported<value_expr>>(m, "ReportedValue",
                                     "A reported target or actual: the original text and the parsed value (or the problem).")
        .def(py::init([](const std::string& text) { return read_value_cell(text); }), py::arg("text") = "",
             "Reads `text` like a form cell through parse_value.")
        .def_readonly("text", &reported<value_expr>::text, "The text as in the source.")
        .def_property_readonly("state", [](const reported<value_expr>& r) { return enum_name(r.state, cell_state_names); },
                               "missing, not_applicable, value or invalid.")
        .def_property_readonly("value", [](const reported<value_expr>& r) { return r.value; }, "The ValueExpr, or None.")
        .def_property_readonly("problem", [](const reported<value_expr>& r) -> py::object {
                                   return r.problem ? make_exception(*r.problem) : py::none();
                               }, "For an invalid cell: the ParseError (not raised); else None.")
        .def("has_value", &reported<value_expr>::has_value, "Whether the cell holds a parsed value.")
        .def("__eq__", [](const reported<value_expr>& a, const reported<value_expr>& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const reported<value_expr>& r) {
            return "ReportedValue('" + r.text + "', state='" + enum_name(r.state, cell_state_names) + "')";
        })
        .def(py::pickle([](const reported<value_expr>& r) { return py::make_tuple(r.text); },
                        [](const py::tuple& t) { return read_value_cell(t[0].cast<std::string>()); }));

    // ---- small parts ---------------------------------------------------------------------
    py::class_<source_location>(m, "SourceLocation",
                                "Where a thing came from: file, source line, grid row and column (1-based; 0 = unknown), "
                                "and the page of a PDF (1-based; 0 = not from a paged source).")
        .def(py::init<>())
        .def_readwrite("file", &source_location::file)
        .def_readwrite("line", &source_location::line)
        .def_readwrite("row", &source_location::row)
        .def_readwrite("column", &source_location::column)
        .def_readwrite("page", &source_location::page, "1-based page of a paged source (PDF); 0 = not from a paged source.")
        .def_property_readonly("place", &place_text, "Where it is for a person holding the source: 'p. 3' for a PDF, "
                                                     "'line 12' for text, '' when unknown.")
        .def("__eq__", [](const source_location& a, const source_location& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const source_location& s) {
            return "SourceLocation(file='" + s.file + "', line=" + std::to_string(s.line) + ", row=" +
                   std::to_string(s.row) + ", column=" + std::to_string(s.column) +
                   (s.page != 0 ? ", page=" + std::to_string(s.page) : std::string()) + ")";
        })
        .def(py::pickle([](const source_location& s) { return location_state(s); },
                        [](const py::tuple& t) { return location_from_state(t); }));

    py::class_<goal>(m, "Goal", "年度总体目标: expected (预期目标) and achieved (实际完成情况) text.")
        .def(py::init([](std::string expected, std::string achieved) { return goal{std::move(expected), std::move(achieved)}; }),
             py::arg("expected") = "", py::arg("achieved") = "")
        .def_readwrite("expected", &goal::expected, "预期目标.")
        .def_readwrite("achieved", &goal::achieved, "实际完成情况.")
        .def("__eq__", [](const goal& a, const goal& b) { return a == b; }, py::is_operator())
        .def(py::pickle([](const goal& g) { return py::make_tuple(g.expected, g.achieved); },
                        [](const py::tuple& t) { return goal{t[0].cast<std::string>(), t[1].cast<std::string>()}; }));

    py::class_<extra_cell>(m, "ExtraCell", "An extra column of the indicator table (指标性质, 度量单位, 指标解释 ...).")
        .def(py::init([](std::string label, std::string text) { return extra_cell{std::move(label), std::move(text)}; }),
             py::arg("label") = "", py::arg("text") = "")
        .def_readwrite("label", &extra_cell::label, "The column header as printed.")
        .def_readwrite("text", &extra_cell::text, "The cell text.")
        .def("__eq__", [](const extra_cell& a, const extra_cell& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const extra_cell& e) { return "ExtraCell('" + e.label + "', '" + e.text + "')"; })
        .def(py::pickle([](const extra_cell& e) { return py::make_tuple(e.label, e.text); },
                        [](const py::tuple& t) { return extra_cell{t[0].cast<std::string>(), t[1].cast<std::string>()}; }));

    // ---- funds -----------------------------------------------------------------------------
    py::class_<funds_line>(m, "FundsLine",
                           "A line of the funds block beyond its four rows, as printed (其中：基本支出, 项目支出, 中央 ...).")
        .def(py::init([](std::string label) {
                 funds_line l;
                 l.label = std::move(label);
                 return l;
             }), py::arg("label") = "")
        .def_readwrite("label", &funds_line::label, "The row label as printed.")
        .def("at", [](const funds_line& l, const std::string& column) {
                 return l.at(enum_from(column, funds_column_names, "funds column"));
             }, py::arg("column"), "The amount cell in a column (initial_budget, full_year_budget, executed).")
        .def("set", [](funds_line& l, const std::string& column, py::handle value) {
                 l.at(enum_from(column, funds_column_names, "funds column")) = to_reported_number(value);
             }, py::arg("column"), py::arg("value"), "Sets the amount cell in a column.")
        .def("__eq__", [](const funds_line& a, const funds_line& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const funds_line& l) { return "FundsLine('" + l.label + "')"; });

    py::class_<funds>(m, "Funds",
                      "项目资金: rows total / current_appropriation / prior_carryover / other x columns "
                      "initial_budget / full_year_budget / executed, with the block's weight, execution rate and score.")
        .def(py::init<>())
        .def_property("unit", [](const funds& f) { return enum_name(f.unit, money_unit_names); },
                      [](funds& f, const std::string& s) { f.unit = enum_from(s, money_unit_names, "money unit"); },
                      "'yuan' (元) or 'ten_thousand_yuan' (万元).")
        .def("at", [](const funds& f, const std::string& row, const std::string& column) {
                 return f.at(enum_from(row, funds_row_names, "funds row"), enum_from(column, funds_column_names, "funds column"));
             }, py::arg("row"), py::arg("column"),
             "The amount cell at (row, column), e.g. at('total', 'executed').")
        .def("set", [](funds& f, const std::string& row, const std::string& column, py::handle value) {
                 f.at(enum_from(row, funds_row_names, "funds row"), enum_from(column, funds_column_names, "funds column")) =
                     to_reported_number(value);
             }, py::arg("row"), py::arg("column"), py::arg("value"),
             "Sets the amount cell at (row, column) from a ReportedNumber, str, Decimal, int or None.")
        .def("scoring_at", [](const funds& f, const std::string& row, const std::string& column) {
                 return f.scoring_at(enum_from(row, funds_row_names, "funds row"),
                                     enum_from(column, funds_score_column_names, "funds scoring column"));
             }, py::arg("row"), py::arg("column"),
             "The weight / execution_rate / score cell of a row (for 'total': the block's own cells).")
        .def("set_scoring", [](funds& f, const std::string& row, const std::string& column, py::handle value) {
                 auto c = enum_from(column, funds_score_column_names, "funds scoring column");
                 f.scoring_at(enum_from(row, funds_row_names, "funds row"), c) =
                     to_reported_number(value, c == funds_score_column::execution_rate);
             }, py::arg("row"), py::arg("column"), py::arg("value"),
             "Sets a weight / execution_rate / score cell (execution_rate text may end in '%').")
        .def_property("weight", copy_of(&funds::weight),
                      [](funds& f, py::handle v) { f.weight = to_reported_number(v); }, "分值 of the funds row (usually 10).")
        .def_property("execution_rate", copy_of(&funds::execution_rate),
                      [](funds& f, py::handle v) { f.execution_rate = to_reported_number(v, true); },
                      "执行率 as reported, in percent points ('100.00%' -> 100.00).")
        .def_property("score", copy_of(&funds::score),
                      [](funds& f, py::handle v) { f.score = to_reported_number(v); }, "得分 of the funds row as reported.")
        .def_readwrite("breakdown", &funds::breakdown,
                       "Lines beyond the four rows (a list of FundsLine; assign a new list to change).")
        .def_property_readonly_static("rows", [](py::handle) {
            std::vector<std::string> out;
            for (const auto& [r, n] : funds_row_names) out.emplace_back(n);
            return out;
        }, "Row names.")
        .def_property_readonly_static("columns", [](py::handle) {
            std::vector<std::string> out;
            for (const auto& [c, n] : funds_column_names) out.emplace_back(n);
            return out;
        }, "Column names.")
        .def("__eq__", [](const funds& a, const funds& b) { return a == b; }, py::is_operator());

    // ---- indicator -------------------------------------------------------------------------
    py::class_<indicator>(m, "Indicator", "One 三级指标 line: categories, name, target, actual, weight, reported score, note.")
        .def(py::init<>())
        .def_property("level1", [](const indicator& i) { return std::string(to_string(i.level1)); },
                      [](indicator& i, const std::string& s) { i.level1 = category_from(s); },
                      "一级指标 id: output, cost, effect, satisfaction or unknown.")
        .def_property("level2", [](const indicator& i) { return std::string(to_string(i.level2)); },
                      [](indicator& i, const std::string& s) { i.level2 = subcategory_from(s); },
                      "二级指标 id: quantity, quality, timeliness, cost, ..., service_satisfaction or unknown.")
        .def_readwrite("level1_text", &indicator::level1_text, "一级指标 as printed.")
        .def_readwrite("level2_text", &indicator::level2_text, "二级指标 as printed.")
        .def_readwrite("name", &indicator::name, "三级指标.")
        .def_property("target", copy_of(&indicator::target),
                      [](indicator& i, py::handle v) { i.target = to_reported_value(v); },
                      "年度指标值 (ReportedValue); assign a str, a ValueExpr or a ReportedValue.")
        .def_property("actual", copy_of(&indicator::actual),
                      [](indicator& i, py::handle v) { i.actual = to_reported_value(v); },
                      "实际完成值 (ReportedValue); assign a str, a ValueExpr or a ReportedValue.")
        .def_property("weight", copy_of(&indicator::weight),
                      [](indicator& i, py::handle v) { i.weight = to_reported_number(v); },
                      "分值 (ReportedNumber); assign a str, Decimal, int, ReportedNumber or None.")
        .def_property("score", copy_of(&indicator::score),
                      [](indicator& i, py::handle v) { i.score = to_reported_number(v); },
                      "得分 as reported (ReportedNumber).")
        .def_readwrite("deviation_note", &indicator::deviation_note, "偏差原因分析及改进措施.")
        .def_readwrite("extra", &indicator::extra, "Extra columns (a list of ExtraCell; assign a new list to change).")
        .def_readwrite("where", &indicator::where, "Where the line came from.")
        .def("__eq__", [](const indicator& a, const indicator& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const indicator& i) { return "Indicator('" + i.name + "', target='" + i.target.text + "')"; })
        .def(py::pickle(
            [](const indicator& i) {
                form f;
                f.indicators.push_back(i);
                return py::make_tuple(form_to_json(f));
            },
            [](const py::tuple& t) { return form_from_json(t[0].cast<std::string>()).indicators.at(0); }));

    py::bind_vector<std::vector<indicator>>(m, "IndicatorList",
                                            "The indicators of a form (a live view: edits change the form).");

    // ---- form ------------------------------------------------------------------------------
    py::class_<form>(m, "Form", "One form of the performance cycle: a 财政项目支出绩效自评表 unless its kind says otherwise.")
        .def(py::init<>())
        .def_property("kind", [](const form& f) { return std::string(to_string(f.kind)); },
                      [](form& f, const std::string& s) {
                          const auto k = form_kind_from_string(s);
                          if (!k || *k == form_kind::other) throw py::value_error("unknown form kind '" + s + "'");
                          f.kind = *k;
                      },
                      "Which form of the cycle: project_self_evaluation, transfer_self_evaluation, "
                      "department_self_evaluation, project_declaration, department_declaration or rubric_evaluation.")
        .def_property_readonly("kind_zh", [](const form& f) { return std::string(chinese_name(f.kind)); },
                               "The kind's Chinese name (项目支出绩效自评表, 部门整体支出绩效自评表 ...).")
        .def_readwrite("title", &form::title, "e.g. 财政项目支出绩效自评表.")
        .def_readwrite("year", &form::year, "The year (int) or None.")
        .def_readwrite("project_name", &form::project_name, "项目名称.")
        .def_readwrite("department", &form::department, "主管部门.")
        .def_readwrite("implementing_unit", &form::implementing_unit, "实施单位.")
        .def_readwrite("money", &form::money, "项目资金 (Funds; a live view).")
        .def_readwrite("annual_goal", &form::annual_goal, "年度总体目标 (Goal; a live view).")
        .def_property("indicators", [](form& f) -> std::vector<indicator>& { return f.indicators; },
                      [](form& f, const py::iterable& items) {
                          std::vector<indicator> v;
                          for (py::handle h : items) v.push_back(h.cast<indicator>());
                          f.indicators = std::move(v);
                      }, py::return_value_policy::reference_internal,
                      "绩效指标 (IndicatorList, a live view; assign any iterable of Indicator).")
        .def_property("total_weight", copy_of(&form::total_weight),
                      [](form& f, py::handle v) { f.total_weight = to_reported_number(v); }, "总分 row, 分值 column.")
        .def_property("total_score", copy_of(&form::total_score),
                      [](form& f, py::handle v) { f.total_score = to_reported_number(v); }, "总分 row, 得分 column (as reported).")
        .def_readwrite("reported_grade", &form::reported_grade, "评价等级 as printed (优/良/中/差), '' if none.")
        .def_readwrite("notes", &form::notes, "其他需要说明事项.")
        .def_readwrite("layout", &form::layout, "Id of the layout family the form was read by ('' for the national template).")
        .def_readwrite("where", &form::where, "Where the form starts in its source.")
        .def("to_json", [](const form& f, int indent) { return write_json(f, indent); }, py::arg("indent") = 2,
             "The canonical JSON of the form (format jixiao.forms; numbers as strings).")
        .def_static("from_json", [](const std::string& text) { return form_from_json(text); }, py::arg("text"),
                    "Reads one form (a form object, or a document with exactly one form); raises JSONError.")
        .def("copy", [](const form& f) { return f; }, "A deep copy.")
        .def("__copy__", [](const form& f) { return f; })
        .def("__deepcopy__", [](const form& f, py::handle) { return f; }, py::arg("memo"))
        .def("__eq__", [](const form& a, const form& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const form& f) {
            return "Form('" + f.project_name + "', year=" + (f.year ? std::to_string(*f.year) : std::string("None")) +
                   ", indicators=" + std::to_string(f.indicators.size()) + ")";
        })
        .def(py::pickle([](const form& f) { return py::make_tuple(form_to_json(f)); },
                        [](const py::tuple& t) { return form_from_json(t[0].cast<std::string>()); }));

    m.def("read_forms_json", [](const std::string& text) { return unwrap(read_forms_json(text)); }, py::arg("text"),
          "Every form of a jixiao.forms JSON document (or the one form of a form object); raises JSONError.");
    m.def("write_json", [](const std::vector<form>& forms, int indent) { return write_json(forms, indent); },
          py::arg("forms"), py::arg("indent") = 2,
          "A jixiao.forms JSON document holding `forms`.");
    m.def("read_number_cell", [](const std::string& text, bool percent) { return read_number_cell(text, percent); },
          py::arg("text"), py::arg("percent") = false, "Same as ReportedNumber(text, percent).");
    m.def("read_value_cell", [](const std::string& text) { return read_value_cell(text); }, py::arg("text"),
          "Same as ReportedValue(text).");
    m.def("category_name", [](const std::string& id) { return std::string(chinese_name(category_from(id))); }, py::arg("id"),
          "The Chinese name of a category id ('output' -> '产出指标').");
    m.def("subcategory_name", [](const std::string& id) { return std::string(chinese_name(subcategory_from(id))); },
          py::arg("id"), "The Chinese name of a subcategory id ('quantity' -> '数量指标').");
}

}  // namespace jixiao::python
