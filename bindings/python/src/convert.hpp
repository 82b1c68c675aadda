// convert.hpp — type conversions between jixiao and Python, shared by the binding files.
//
// Synopsis:
//   type_caster<jixiao::decimal>   decimal.Decimal out; Decimal / int / str in; float refused
//   to_python_decimal / from_python_decimal   the same as plain functions (allow_float opt-in)
//   enum_table<E> / enum_name / enum_from   enums cross as their stable English names
//   exceptions: register_exceptions(m), make_exception(error) -> ParseError family instance
//
// The binding layer only converts types: no scoring, parsing or formatting logic lives here.
#pragma once

#include <jixiao/decimal.hpp>
#include <jixiao/error.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace jixiao::python {

namespace py = pybind11;

/// The `decimal.Decimal` class (imported once, kept for the life of the process).
py::handle decimal_class();

/// `d` as a `decimal.Decimal` with the same value and scale (`1.50` -> `Decimal('1.50')`).
py::object to_python_decimal(const decimal& d);

/// A Python number as a decimal: `Decimal` (finite), `int`, or `str` (read like a form cell:
/// `"1,675,799.58"`). A `float` raises TypeError unless `allow_float` (then its shortest repr
/// is used: 0.1 -> 0.1). `bool` and other types raise TypeError.
decimal from_python_decimal(py::handle value, bool allow_float = false);

/// Raises the Python exception of the ParseError family that matches `e`.
[[noreturn]] void throw_error(const error& e);

/// An (unraised) exception instance of the ParseError family for `e` (for `.problem`).
py::object make_exception(const error& e);

/// Creates the exception classes in `m` and the translator of `jixiao::exception`.
void register_exceptions(py::module_& m);

/// The value of a result, or the matching Python exception.
template <class T>
T unwrap(result<T>&& r) {
    if (!r.has_value()) throw_error(r.error());
    return std::move(*r);
}

// ---- enums as stable names ------------------------------------------------------------------

template <class E>
using enum_table = std::initializer_list<std::pair<E, std::string_view>>;

template <class E>
std::string enum_name(E value, enum_table<E> table) {
    for (const auto& [v, name] : table)
        if (v == value) return std::string(name);
    return "unknown";
}

template <class E>
E enum_from(std::string_view name, enum_table<E> table, const char* what) {
    for (const auto& [v, n] : table)
        if (n == name) return v;
    std::string allowed;
    for (const auto& [v, n] : table) {
        if (!allowed.empty()) allowed += ", ";
        allowed += n;
    }
    throw py::value_error(std::string("unknown ") + what + " '" + std::string(name) + "' (one of: " + allowed + ")");
}

}  // namespace jixiao::python

namespace pybind11::detail {

/// jixiao::decimal <-> decimal.Decimal.
template <>
struct type_caster<jixiao::decimal> {
public:
    PYBIND11_TYPE_CASTER(jixiao::decimal, const_name("decimal.Decimal"));

    bool load(handle src, bool /*convert*/) {
        if (!src || src.is_none()) return false;
        value = jixiao::python::from_python_decimal(src, false);
        return true;
    }
    static handle cast(const jixiao::decimal& d, return_value_policy, handle) {
        return jixiao::python::to_python_decimal(d).release();
    }
};

}  // namespace pybind11::detail
