// bind_score_table.cpp — ScoreTable and score_table(): batch scoring into one compact table.
// Numbers stay in C++ until asked for; each accessor converts what it returns.
#include "bindings.hpp"

#include <jixiao/score_table.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jixiao::python {

namespace {

/// The per-line fields of a row, in the order of ScoreTable.lines() dicts and row_columns().
using row_field = py::object (*)(const score_row&);
const std::pair<const char*, row_field> row_fields[] = {
    {"indicator",
     [](const score_row& r) { return r.is_execution() ? py::object(py::none()) : py::object(py::int_(r.line - 1)); }},
    {"weight", [](const score_row& r) { return py::cast(r.weight); }},
    {"computed", [](const score_row& r) { return py::cast(r.computed); }},
    {"reported", [](const score_row& r) { return py::cast(r.reported); }},
    {"difference", [](const score_row& r) { return py::cast(r.difference); }},
    {"counted", [](const score_row& r) { return py::cast(r.counted); }},
    {"status", [](const score_row& r) { return py::object(py::str(std::string(to_string(r.status)))); }},
    {"reason", [](const score_row& r) { return py::object(py::str(std::string(to_string(r.reason)))); }},
    {"outcome", [](const score_row& r) { return py::object(py::str(enum_name(r.result, outcome_names))); }},
    {"over_achieved", [](const score_row& r) { return py::object(py::bool_(r.over_achieved)); }},
};

py::dict row_dict(const score_row& r) {
    py::dict d;
    for (const auto& [name, get] : row_fields) d[name] = get(r);
    return d;
}

const score_table& checked(const score_table& t, std::size_t i) {
    if (i >= t.size()) throw py::index_error("jixiao: form " + std::to_string(i) + " of a table of " + std::to_string(t.size()));
    return t;
}

/// `get(i)` for every form, as a Python list.
template <class Get>
py::list per_form(const score_table& t, Get get) {
    py::list out(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) out[i] = get(t.forms[i]);
    return out;
}

/// `get(row)` for every row, as a Python list.
template <class Get>
py::list per_row(const score_table& t, Get get) {
    py::list out(t.rows.size());
    for (std::size_t i = 0; i < t.rows.size(); ++i) out[i] = get(t.rows[i]);
    return out;
}

py::tuple table_state(const score_table& t) {
    py::list forms;
    for (const form_score& f : t.forms) {
        forms.append(py::make_tuple(f.first_row, f.row_count, py::cast(f.execution_rate_percent), f.weight_total,
                                    f.computed_total, f.total_complete, py::cast(f.reported_total),
                                    py::cast(f.total_difference), f.grade, f.scored));
    }
    py::list rows;
    for (const score_row& r : t.rows) {
        rows.append(py::make_tuple(r.form, r.line, static_cast<int>(r.status), static_cast<int>(r.reason),
                                   static_cast<int>(r.result), r.over_achieved, py::cast(r.weight), py::cast(r.computed),
                                   py::cast(r.reported), py::cast(r.difference), py::cast(r.counted)));
    }
    return py::make_tuple(t.rulebook_id, t.rulebook_version, forms, rows);
}

score_table table_from(const py::tuple& state) {
    using maybe_decimal = std::optional<decimal>;
    score_table t;
    t.rulebook_id = state[0].cast<std::string>();
    t.rulebook_version = state[1].cast<std::string>();
    for (py::handle h : state[2].cast<py::list>()) {
        auto f = h.cast<py::tuple>();
        t.forms.push_back(form_score{f[0].cast<std::size_t>(), f[1].cast<std::size_t>(), f[2].cast<maybe_decimal>(),
                                     f[3].cast<decimal>(), f[4].cast<decimal>(), f[5].cast<bool>(),
                                     f[6].cast<maybe_decimal>(), f[7].cast<maybe_decimal>(), f[8].cast<std::string>(),
                                     f.size() > 9 ? f[9].cast<bool>() : true});  // older pickles: scored
    }
    for (py::handle h : state[3].cast<py::list>()) {
        auto r = h.cast<py::tuple>();
        t.rows.push_back(score_row{r[0].cast<std::uint32_t>(), r[1].cast<std::uint32_t>(),
                                   static_cast<line_status>(r[2].cast<int>()), static_cast<line_reason>(r[3].cast<int>()),
                                   static_cast<outcome>(r[4].cast<int>()), r[5].cast<bool>(), r[6].cast<maybe_decimal>(),
                                   r[7].cast<maybe_decimal>(), r[8].cast<maybe_decimal>(), r[9].cast<maybe_decimal>(),
                                   r[10].cast<maybe_decimal>()});
    }
    return t;
}

}  // namespace

void bind_score_table(py::module_& m) {
    py::class_<score_table>(m, "ScoreTable",
                            "The scores of many forms in one compact table (traces off): one row per line, totals per "
                            "form. Numbers are converted to Decimal when asked for.")
        .def_readonly("rulebook_id", &score_table::rulebook_id)
        .def_readonly("rulebook_version", &score_table::rulebook_version)
        .def("__len__", &score_table::size, "Number of forms.")
        .def_property_readonly("line_count", [](const score_table& t) { return t.rows.size(); },
                               "Number of rows (every line of every form).")
        .def_property_readonly("computed_totals", [](const score_table& t) {
            return per_form(t, [](const form_score& f) { return to_python_decimal(f.computed_total); });
        }, "The computed total of each form (Decimal).")
        .def_property_readonly("weight_totals", [](const score_table& t) {
            return per_form(t, [](const form_score& f) { return to_python_decimal(f.weight_total); });
        }, "The sum of the weights used, per form (Decimal).")
        .def_property_readonly("reported_totals", [](const score_table& t) {
            return per_form(t, [](const form_score& f) { return py::cast(f.reported_total); });
        }, "总分 as reported (Decimal, None when missing or unreadable).")
        .def_property_readonly("total_differences", [](const score_table& t) {
            return per_form(t, [](const form_score& f) { return py::cast(f.total_difference); });
        }, "computed - reported total (Decimal or None).")
        .def_property_readonly("grades", [](const score_table& t) {
            return per_form(t, [](const form_score& f) { return py::str(f.grade); });
        }, "The grade of each computed total (优/良/中/差).")
        .def_property_readonly("scored", [](const score_table& t) {
            return per_form(t, [](const form_score& f) { return py::bool_(f.scored); });
        }, "False for a form that is not scored (an empty shell, a declaration): its computed total means nothing.")
        .def_property_readonly("complete", [](const score_table& t) {
            return per_form(t, [](const form_score& f) { return py::bool_(f.total_complete); });
        }, "False for a form with a line that contributed nothing.")
        .def_property_readonly("execution_rates", [](const score_table& t) {
            return per_form(t, [](const form_score& f) { return py::cast(f.execution_rate_percent); });
        }, "执行率 in percent points, rounded per the rulebook (Decimal or None).")
        .def("lines", [](const score_table& t, std::size_t i) {
            py::list out;
            for (const score_row& r : checked(t, i).rows_of(i)) out.append(row_dict(r));
            return out;
        }, py::arg("form"), "The lines of form `form` as dicts (execution line first).")
        .def("totals", [](const score_table& t, std::size_t i) {
            const form_score& f = checked(t, i).forms[i];
            py::dict d;
            d["execution_rate_percent"] = py::cast(f.execution_rate_percent);
            d["weight_total"] = to_python_decimal(f.weight_total);
            d["computed_total"] = to_python_decimal(f.computed_total);
            d["reported_total"] = py::cast(f.reported_total);
            d["total_difference"] = py::cast(f.total_difference);
            d["total_complete"] = f.total_complete;
            d["computed_grade"] = f.grade;
            d["scored"] = f.scored;
            return d;
        }, py::arg("form"), "The totals of form `form` as a dict.")
        .def("row_columns", [](const score_table& t) {
            py::dict d;
            d["form"] = per_row(t, [](const score_row& r) { return py::int_(r.form); });
            d["line"] = per_row(t, [](const score_row& r) { return py::str(r.is_execution() ? "execution" : "indicator"); });
            for (const auto& [name, get] : row_fields) d[name] = per_row(t, get);
            return d;
        }, "Every row as columns (a dict of equal-length lists), for DataFrames.")
        .def("__eq__", [](const score_table& a, const score_table& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const score_table& t) {
            return "ScoreTable(forms=" + std::to_string(t.size()) + ", lines=" + std::to_string(t.rows.size()) +
                   ", rulebook='" + t.rulebook_id + "')";
        })
        .def(py::pickle([](const score_table& t) { return table_state(t); },
                        [](const py::tuple& state) { return table_from(state); }));

    m.def("score_table", [](const py::iterable& forms, const rulebook& book, int threads) {
              std::vector<const form*> items = collect_forms(forms);
              py::gil_scoped_release release;
              if (threads == 1) return tabulate(items, book);
              score_table table = score_table::sized_for(items, book);
              parallel_ranges(items.size(), threads, [&](std::size_t first, std::size_t last) {
                  tabulate_range(table, items, book, first, last);
              });
              return table;
          }, py::arg("forms"), py::arg("rulebook"), py::kw_only(), py::arg("threads") = 1,
          "Scores many forms into one ScoreTable (traces off; the GIL is released while scoring). threads > 1 "
          "scores on that many threads (0: one per hardware thread); the table is the same.");
}

}  // namespace jixiao::python
