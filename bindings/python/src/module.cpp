// module.cpp — the `jixiao._core` extension module (pybind11). Types are converted here; every
// rule, parser and formatter lives in the C++ library.
#include "bindings.hpp"

#if JIXIAO_WITH_PDF
#include <jixiao/io/pdf.hpp>
#endif
#if JIXIAO_WITH_OCR
#include <jixiao/io/ocr.hpp>
#endif

PYBIND11_MODULE(_core, m) {
    m.doc() = "jixiao._core: the compiled core of the jixiao package (exact decimals, form model, "
              "scoring, import, audit). Use the `jixiao` package rather than this module.";
    jixiao::python::register_exceptions(m);
#if JIXIAO_WITH_PDF
    jixiao::pdf::register_reader();  // PDF input (jixiao::pdf)
    m.attr("has_pdf_reader") = true;
#else
    m.attr("has_pdf_reader") = false;
#endif
#if JIXIAO_WITH_OCR
    jixiao::ocr::register_reader();  // scans: images, PDF pages without text (jixiao::ocr)
    m.attr("has_ocr_reader") = true;
#else
    m.attr("has_ocr_reader") = false;
#endif
    jixiao::python::bind_values(m);
    jixiao::python::bind_form(m);
    jixiao::python::bind_scoring(m);
    jixiao::python::bind_score_table(m);
    jixiao::python::bind_io(m);
    jixiao::python::bind_audit(m);
    jixiao::python::bind_export(m);
}
