// module.cpp — the `jixiao._core` extension module (pybind11). Types are converted here; every
// rule, parser and formatter lives in the C++ library.
#include "bindings.hpp"

PYBIND11_MODULE(_core, m) {
    m.doc() = "jixiao._core: the compiled core of the jixiao package (exact decimals, form model, "
              "scoring, import, audit). Use the `jixiao` package rather than this module.";
    jixiao::python::register_exceptions(m);
    jixiao::python::bind_values(m);
    jixiao::python::bind_form(m);
    jixiao::python::bind_scoring(m);
    jixiao::python::bind_score_table(m);
    jixiao::python::bind_io(m);
    jixiao::python::bind_audit(m);
    jixiao::python::bind_export(m);
}
