// convert.cpp — Decimal conversion and the exception family (see convert.hpp).
#include "convert.hpp"

#include <string>

namespace jixiao::python {

namespace {

// Exception classes, created by register_exceptions (owned by the module; never freed).
PyObject* parse_error = nullptr;
PyObject* decimal_error = nullptr;
PyObject* value_expression_error = nullptr;
PyObject* json_error = nullptr;
PyObject* rulebook_error = nullptr;
PyObject* document_error = nullptr;

PyObject* class_for(errc code) {
    int c = static_cast<int>(code);
    if (c < 100) return decimal_error;
    if (c < 200) return value_expression_error;
    if (c < 300) return json_error;
    if (c < 400) return rulebook_error;
    if (c < 500) return document_error;
    return parse_error;
}

PyObject* new_class(py::module_& m, const char* name, PyObject* base, const char* doc) {
    std::string qualified = std::string("jixiao.") + name;
    PyObject* cls = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, base, nullptr);
    if (cls == nullptr) throw py::error_already_set();
    m.add_object(name, py::handle(cls));
    return cls;
}

}  // namespace

py::handle decimal_class() {
    static PyObject* cls = [] {
        py::object c = py::module_::import("decimal").attr("Decimal");
        return c.release().ptr();  // kept for the life of the process
    }();
    return cls;
}

py::object to_python_decimal(const decimal& d) {
    return decimal_class()(py::str(d.to_string()));
}

decimal from_python_decimal(py::handle value, bool allow_float) {
    if (PyBool_Check(value.ptr())) {
        throw py::type_error("jixiao: a bool is not a number; pass a decimal.Decimal, an int or a str");
    }
    if (PyLong_Check(value.ptr())) {
        return unwrap(decimal::parse(py::str(value).cast<std::string>()));
    }
    if (PyUnicode_Check(value.ptr())) {
        return unwrap(decimal::parse(value.cast<std::string>()));
    }
    if (py::isinstance(value, decimal_class())) {
        if (!value.attr("is_finite")().cast<bool>()) {
            throw py::value_error("jixiao: " + py::repr(value).cast<std::string>() +
                                  " is not a finite number");
        }
        // format(d, 'f') writes the plain digits with the scale kept: Decimal('1E+5') -> 100000.
        std::string text = py::module_::import("builtins").attr("format")(value, "f").cast<std::string>();
        return unwrap(decimal::parse(text));
    }
    if (PyFloat_Check(value.ptr())) {
        if (!allow_float) {
            throw py::type_error(
                "jixiao: refusing float " + py::repr(value).cast<std::string>() +
                ": binary floating point cannot hold most decimal fractions exactly. Pass a "
                "decimal.Decimal or a str (e.g. Decimal('0.1') or '0.1'), or convert explicitly "
                "with jixiao.to_decimal(x, allow_float=True)");
        }
        double v = value.cast<double>();
        if (v != v || v - v != 0.0) throw py::value_error("jixiao: float " + py::repr(value).cast<std::string>() + " is not a finite number");
        return unwrap(decimal::parse(py::repr(value).cast<std::string>()));
    }
    throw py::type_error(std::string("jixiao: expected a decimal.Decimal, an int or a str, not ") +
                         Py_TYPE(value.ptr())->tp_name);
}

namespace {
/// Text for Python even when it holds bytes that are not UTF-8 (an error may quote bad input).
py::str lenient_str(const std::string& s) {
    PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
    if (o == nullptr) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(o);
}
}  // namespace

py::object make_exception(const error& e) {
    PyObject* cls = class_for(e.code);
    py::object instance = py::handle(cls)(lenient_str(e.describe()));
    instance.attr("code") = py::str(std::string(to_string(e.code)));
    instance.attr("offset") = py::int_(e.offset);
    instance.attr("where") = lenient_str(e.where);
    instance.attr("message") = lenient_str(e.message);
    return instance;
}

void throw_error(const error& e) {
    py::object instance = make_exception(e);
    PyErr_SetObject(class_for(e.code), instance.ptr());
    throw py::error_already_set();
}

void register_exceptions(py::module_& m) {
    parse_error = new_class(m, "ParseError", PyExc_ValueError,
                            "Bad input data (a number, a value, JSON, a rulebook or a document).\n\n"
                            "Attributes: code (stable name, e.g. 'invalid_character'), offset (byte "
                            "offset into the parsed text), where (form / row / column / JSON path), "
                            "message (English).");
    decimal_error = new_class(m, "DecimalError", parse_error, "A number that is not a valid decimal.");
    value_expression_error =
        new_class(m, "ValueExpressionError", parse_error, "A value expression or unit that does not parse or compare.");
    json_error = new_class(m, "JSONError", parse_error, "JSON that is malformed or breaks the jixiao.forms format.");
    rulebook_error = new_class(m, "RulebookError", parse_error, "A rulebook that is invalid or unknown.");
    document_error = new_class(m, "DocumentError", parse_error,
                               "A document that cannot be read or in which no form was recognised.");
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const jixiao::exception& e) {
            py::object instance = make_exception(e.get());
            PyErr_SetObject(class_for(e.get().code), instance.ptr());
        }
    });
}

}  // namespace jixiao::python
