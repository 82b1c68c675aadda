// bindings.hpp — the parts of the `jixiao._core` module, one function per binding file.
#pragma once

#include "convert.hpp"

#include <jixiao/decimal.hpp>
#include <jixiao/form.hpp>
#include <jixiao/value.hpp>

#include <pybind11/stl/filesystem.h>
#include <pybind11/stl_bind.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

// The indicator list of a form is exposed by reference (form.indicators[0].weight = ... edits
// the form), so the vector is an opaque bound type in every translation unit.
PYBIND11_MAKE_OPAQUE(std::vector<jixiao::indicator>)

namespace jixiao::python {

extern const enum_table<rounding> rounding_names;
extern const enum_table<value_kind> value_kind_names;
extern const enum_table<qualitative_kind> qualitative_kind_names;
extern const enum_table<outcome> outcome_names;
extern const enum_table<cell_state> cell_state_names;
extern const enum_table<category> category_names;
extern const enum_table<subcategory> subcategory_names;

rounding rounding_from(const std::string& name);

/// A reported number cell from Python: ReportedNumber, None (missing), str (read like a form
/// cell), Decimal or int (a value; float refused).
reported<decimal> to_reported_number(py::handle v, bool percent = false);
/// A reported value cell from Python: ReportedValue, None (missing), str, or ValueExpr.
reported<value_expr> to_reported_value(py::handle v);
/// A form as its canonical one-line JSON and back (pickling, Dask).
std::string form_to_json(const form& f);
form form_from_json(const std::string& text);
/// Python state tuples of source locations: (file, line, row, column, page); a 4-tuple (a
/// pickle made before pages were known) reads as page 0.
py::tuple location_state(const source_location& w);
source_location location_from_state(py::handle state);
/// Python state tuples of errors.
py::object error_state(const boxed<error>& e);
boxed<error> error_from_state(py::handle state);

/// The C++ forms behind a Python iterable of Form (borrowed: the iterable keeps them alive).
std::vector<const form*> collect_forms(const py::iterable& forms);

/// Runs `work(i)` for i in [0, n) on `threads` threads (1: in the calling thread; 0: one per
/// hardware thread). The caller releases the GIL; `work` must not touch Python objects.
void parallel_for(std::size_t n, int threads, const std::function<void(std::size_t)>& work);
/// Runs work(first, last) on consecutive ranges covering [0, n), one per thread (same rules).
void parallel_ranges(std::size_t n, int threads, const std::function<void(std::size_t, std::size_t)>& work);

void bind_values(py::module_& m);
void bind_form(py::module_& m);
void bind_scoring(py::module_& m);
void bind_score_table(py::module_& m);
void bind_io(py::module_& m);
void bind_audit(py::module_& m);
void bind_export(py::module_& m);

}  // namespace jixiao::python
