// bind_scoring.cpp — rulebooks, scorecards, score and score_batch.
#include "bindings.hpp"

#include <jixiao/json.hpp>
#include <jixiao/rulebook.hpp>
#include <jixiao/score_table.hpp>
#include <jixiao/scoring.hpp>

#include <cstddef>
#include <algorithm>
#include <exception>
#include <filesystem>
#include <thread>
#include <vector>

namespace jixiao::python {

namespace {

py::object fraction(const std::optional<exact_ratio>& r) {
    if (!r) return py::none();
    static PyObject* cls = py::object(py::module_::import("fractions").attr("Fraction")).release().ptr();
    py::handle f(cls);
    return f(to_python_decimal(r->numerator)) / f(to_python_decimal(r->denominator));
}

py::object ratio_state(const std::optional<exact_ratio>& r) {
    if (!r) return py::none();
    return py::make_tuple(r->numerator, r->denominator);
}
std::optional<exact_ratio> ratio_from(py::handle h) {
    if (h.is_none()) return std::nullopt;
    auto t = h.cast<py::tuple>();
    return exact_ratio{t[0].cast<decimal>(), t[1].cast<decimal>()};
}

py::tuple reported_number_state(const reported<decimal>& r) {
    return py::make_tuple(r.text, static_cast<int>(r.state), r.value ? py::cast(*r.value) : py::none(),
                          error_state(r.problem));
}
reported<decimal> reported_number_from(py::handle h) {
    auto t = h.cast<py::tuple>();
    reported<decimal> r;
    r.text = t[0].cast<std::string>();
    r.state = static_cast<cell_state>(t[1].cast<int>());
    if (!t[2].is_none()) r.value = t[2].cast<decimal>();
    r.problem = error_from_state(t[3]);
    return r;
}

py::tuple line_state(const score_line& l) {
    py::object band = py::none();
    if (l.band) band = py::make_tuple(static_cast<int>(l.band->tier), l.band->lower, l.band->upper, l.band->upper_inclusive);
    py::tuple trace = py::make_tuple(l.trace.rule, py::cast(l.trace.inputs), l.trace.formula, l.trace.rounding,
                                     l.trace.citation);
    return py::make_tuple(l.is_execution() ? py::object(py::none()) : py::object(py::int_(l.index)), l.weight, l.computed,
                          reported_number_state(l.reported_score), l.difference, l.counted,
                          static_cast<int>(l.status), static_cast<int>(l.reason), static_cast<int>(l.result),
                          ratio_state(l.deviation), l.over_achieved, band, trace);
}

score_line line_from(py::handle h) {
    auto t = h.cast<py::tuple>();
    score_line l;
    l.index = t[0].is_none() ? score_line::execution_line : t[0].cast<std::size_t>();
    l.weight = t[1].cast<std::optional<decimal>>();
    l.computed = t[2].cast<std::optional<decimal>>();
    l.reported_score = reported_number_from(t[3]);
    l.difference = t[4].cast<std::optional<decimal>>();
    l.counted = t[5].cast<std::optional<decimal>>();
    l.status = static_cast<line_status>(t[6].cast<int>());
    l.reason = static_cast<line_reason>(t[7].cast<int>());
    l.result = static_cast<outcome>(t[8].cast<int>());
    l.deviation = ratio_from(t[9]);
    l.over_achieved = t[10].cast<bool>();
    if (!t[11].is_none()) {
        auto b = t[11].cast<py::tuple>();
        l.band = score_band{static_cast<qualitative_kind>(b[0].cast<int>()), b[1].cast<decimal>(), b[2].cast<decimal>(),
                            b[3].cast<bool>()};
    }
    auto tr = t[12].cast<py::tuple>();
    l.trace = score_trace{tr[0].cast<std::string>(), tr[1].cast<std::vector<std::pair<std::string, std::string>>>(),
                          tr[2].cast<std::string>(), tr[3].cast<std::string>(), tr[4].cast<std::string>()};
    return l;
}

py::tuple card_state(const scorecard& c) {
    py::list lines;
    for (const auto& l : c.indicators) lines.append(line_state(l));
    return py::make_tuple(c.rulebook_id, c.rulebook_version, line_state(c.execution), lines, ratio_state(c.execution_rate),
                          c.execution_rate_percent, c.weight_total, c.computed_total, c.total_complete,
                          reported_number_state(c.reported_total), c.total_difference, c.computed_grade, c.scorable,
                          static_cast<int>(c.kind), static_cast<int>(c.unscored));
}

scorecard card_from(const py::tuple& t) {
    scorecard c;
    c.rulebook_id = t[0].cast<std::string>();
    c.rulebook_version = t[1].cast<std::string>();
    c.execution = line_from(t[2]);
    for (py::handle l : t[3].cast<py::list>()) c.indicators.push_back(line_from(l));
    c.execution_rate = ratio_from(t[4]);
    c.execution_rate_percent = t[5].cast<std::optional<decimal>>();
    c.weight_total = t[6].cast<decimal>();
    c.computed_total = t[7].cast<decimal>();
    c.total_complete = t[8].cast<bool>();
    c.reported_total = reported_number_from(t[9]);
    c.total_difference = t[10].cast<std::optional<decimal>>();
    c.computed_grade = t[11].cast<std::string>();
    c.scorable = t[12].cast<bool>();
    if (t.size() > 14) {  // pickles of older versions have no kind
        c.kind = static_cast<form_kind>(t[13].cast<int>());
        c.unscored = static_cast<unscored_reason>(t[14].cast<int>());
    } else if (!c.scorable) {
        c.unscored = unscored_reason::empty_shell;
    }
    return c;
}

}  // namespace

std::vector<const form*> collect_forms(const py::iterable& forms) {
    std::vector<const form*> out;
    if (PyList_Check(forms.ptr())) out.reserve(static_cast<std::size_t>(PyList_GET_SIZE(forms.ptr())));
    // The registered type is looked up once: pybind's generic cast hashes the C++ type name for
    // every item (measurable at ~2 us per form). Items of exactly that type are read directly,
    // anything else (a subclass, a wrong type) takes the generic path below.
    const py::detail::type_info* form_type = py::detail::get_type_info(typeid(form));
    for (py::handle h : forms) {
        if (form_type != nullptr && Py_TYPE(h.ptr()) == form_type->type) {
            auto* inst = reinterpret_cast<py::detail::instance*>(h.ptr());
            const void* p = inst->get_value_and_holder(form_type).value_ptr();
            if (p != nullptr) {
                out.push_back(static_cast<const form*>(p));
                continue;
            }
        }
        if (!py::isinstance<form>(h)) {
            throw py::type_error("jixiao: item " + std::to_string(out.size()) + " is of type " +
                                 std::string(py::str(py::type::of(h).attr("__name__"))) + ", not a Form");
        }
        out.push_back(&h.cast<const form&>());
    }
    return out;
}

void parallel_ranges(std::size_t n, int threads, const std::function<void(std::size_t, std::size_t)>& work) {
    std::size_t count = threads > 0 ? static_cast<std::size_t>(threads) : std::max(1u, std::thread::hardware_concurrency());
    count = std::min(count, std::max<std::size_t>(1, n / 64));  // not worth a thread below 64 forms each
    if (count <= 1) {
        work(0, n);
        return;
    }
    std::vector<std::thread> pool;
    std::vector<std::exception_ptr> errors(count);
    for (std::size_t t = 0; t < count; ++t) {
        pool.emplace_back([&, t] {
            try {
                work(t * n / count, (t + 1) * n / count);
            } catch (...) {
                errors[t] = std::current_exception();
            }
        });
    }
    for (auto& th : pool) th.join();
    for (auto& e : errors)
        if (e) std::rethrow_exception(e);
}

void parallel_for(std::size_t n, int threads, const std::function<void(std::size_t)>& work) {
    parallel_ranges(n, threads, [&](std::size_t first, std::size_t last) {
        for (std::size_t i = first; i < last; ++i) work(i);
    });
}

void bind_scoring(py::module_& m) {
    py::class_<rulebook>(m, "Rulebook",
                         "Scoring rules as data (a versioned rulebook). Take a built-in (Rulebook.builtin('mof-2020')), "
                         "load JSON (Rulebook.from_json / from_file), or tweak one with jixiao.rulebook(...).")
        .def_static("builtin", [](const std::string& name) { return unwrap(builtin_rulebook(name)); }, py::arg("name") = "mof-2020",
                    "A built-in rulebook by name; RulebookError (rulebook_not_found) for an unknown name.")
        .def_static("builtin_names", &builtin_rulebook_names, "Names of the built-in rulebooks, sorted.")
        .def_static("builtin_source", [](const std::string& name) { return std::string(builtin_rulebook_source(name)); },
                    py::arg("name"), "The JSON text a built-in was compiled from ('' if no such built-in).")
        .def_static("from_json", [](const std::string& text) { return unwrap(load_rulebook_json(text)); }, py::arg("text"),
                    "Parses and validates a rulebook (JSON; may 'extends' a built-in); raises RulebookError / JSONError.")
        .def_static("from_file", [](const std::filesystem::path& p) { return unwrap(load_rulebook_file(p)); }, py::arg("path"),
                    "Loads a rulebook file; raises RulebookError, JSONError or DocumentError (io_error).")
        .def("to_json", [](const rulebook& b) { return to_json(b); },
             "The whole rulebook as JSON (no 'extends'); Rulebook.from_json reads it back to an equal rulebook.")
        .def_readonly("id", &rulebook::id, "e.g. 'mof-2020'.")
        .def_readonly("version", &rulebook::version, "Version of the rulebook's content.")
        .def_readonly("title", &rulebook::title)
        .def_readonly("description", &rulebook::description)
        .def("grade_for", [](const rulebook& b, const decimal& total) { return std::string(b.grade_for(total)); },
             py::arg("total"), "The grade (优/良/中/差) of a total under this rulebook.")
        .def("__eq__", [](const rulebook& a, const rulebook& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const rulebook& b) { return "Rulebook('" + b.id + "', version='" + b.version + "')"; })
        .def(py::pickle([](const rulebook& b) { return py::make_tuple(to_json(b)); },
                        [](const py::tuple& t) { return unwrap(load_rulebook_json(t[0].cast<std::string>())); }));

    py::class_<score_band>(m, "ScoreBand", "A qualitative tier's band of points.")
        .def_property_readonly("tier", [](const score_band& b) { return enum_name(b.tier, qualitative_kind_names); })
        .def_readonly("lower", &score_band::lower)
        .def_readonly("upper", &score_band::upper)
        .def_readonly("upper_inclusive", &score_band::upper_inclusive)
        .def("contains", &score_band::contains, py::arg("points"), "Whether `points` lies in the band.")
        .def("__repr__", [](const score_band& b) {
            return "ScoreBand(" + b.lower.to_string() + ", " + b.upper.to_string() + (b.upper_inclusive ? "]" : ")");
        });

    py::class_<score_trace>(m, "ScoreTrace", "How a number came about: rule, inputs, formula with numbers, rounding, citation.")
        .def_readonly("rule", &score_trace::rule, "Rule id, e.g. 'quantitative.higher'.")
        .def_readonly("inputs", &score_trace::inputs, "(name, text) pairs, in order.")
        .def_readonly("formula", &score_trace::formula, "With the numbers filled in: 'round(10 * 98 / 100, 2) = 9.80'.")
        .def_readonly("rounding", &score_trace::rounding)
        .def_readonly("citation", &score_trace::citation)
        .def("empty", &score_trace::empty, "True when traces were off.")
        .def("__repr__", [](const score_trace& t) { return "ScoreTrace('" + t.rule + "', '" + t.formula + "')"; });

    py::class_<score_line>(m, "ScoreLine", "One line of a scorecard (the execution line or one indicator).")
        .def_property_readonly("index", [](const score_line& l) -> std::optional<std::size_t> {
                                   if (l.is_execution()) return std::nullopt;
                                   return l.index;
                               }, "Indicator index in the form; None for the execution line.")
        .def("is_execution", &score_line::is_execution, "Whether this is the 预算执行率 line.")
        .def_readonly("weight", &score_line::weight, "Weight used (Decimal) or None.")
        .def_readonly("computed", &score_line::computed, "The engine's score (Decimal, rounded per the rulebook) or None.")
        .def_readonly("reported", &score_line::reported_score, "得分 as reported (ReportedNumber).")
        .def_readonly("difference", &score_line::difference, "computed - reported, when both exist.")
        .def_readonly("counted", &score_line::counted, "What went into the computed total, or None.")
        .def_property_readonly("status", [](const score_line& l) { return std::string(to_string(l.status)); },
                               "computed, validated_in_band, out_of_band, manual or not_scorable.")
        .def_property_readonly("reason", [](const score_line& l) { return std::string(to_string(l.reason)); },
                               "Stable id of why the line has its status (e.g. 'higher_ratio').")
        .def_property_readonly("reason_text", [](const score_line& l) { return std::string(describe(l.reason)); },
                               "The reason as an English sentence.")
        .def_property_readonly("outcome", [](const score_line& l) { return enum_name(l.result, outcome_names); },
                               "met, not_met or not_comparable.")
        .def_property_readonly("deviation", [](const score_line& l) { return fraction(l.deviation); },
                               "(actual - target) / target as an exact fractions.Fraction, or None.")
        .def("deviation_rounded", [](const score_line& l, int places, const std::string& mode) -> std::optional<decimal> {
                 if (!l.deviation) return std::nullopt;
                 return l.deviation->rounded(places, rounding_from(mode));
             }, py::arg("places") = 4, py::arg("mode") = "half_away_from_zero",
             "The deviation as a Decimal rounded to `places`, or None.")
        .def_readonly("over_achieved", &score_line::over_achieved, "Deviation at/beyond the audit threshold, favourable side.")
        .def_readonly("band", &score_line::band, "The tier's band (ScoreBand) for qualitative lines, else None.")
        .def_readonly("trace", &score_line::trace, "The ScoreTrace (empty when traces were off).")
        .def("__eq__", [](const score_line& a, const score_line& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const score_line& l) {
            return std::string("ScoreLine(") + (l.is_execution() ? "execution" : std::to_string(l.index)) + ", " +
                   std::string(to_string(l.status)) + ", computed=" + (l.computed ? l.computed->to_string() : "None") + ")";
        })
        .def(py::pickle([](const score_line& l) { return line_state(l); },
                        [](const py::tuple& t) { return line_from(t); }));

    py::class_<scorecard>(m, "Scorecard", "The scores of one form under one rulebook: computed beside reported, with traces.")
        .def_readonly("rulebook_id", &scorecard::rulebook_id)
        .def_readonly("rulebook_version", &scorecard::rulebook_version)
        .def_readonly("execution", &scorecard::execution, "The 预算执行率 line (ScoreLine).")
        .def_readonly("indicators", &scorecard::indicators, "One ScoreLine per form indicator, same order.")
        .def_property_readonly("lines", [](const scorecard& c) {
            std::vector<score_line> out;
            out.reserve(c.indicators.size() + 1);
            out.push_back(c.execution);
            out.insert(out.end(), c.indicators.begin(), c.indicators.end());
            return out;
        }, "The execution line followed by the indicator lines.")
        .def_property_readonly("execution_rate", [](const scorecard& c) { return fraction(c.execution_rate); },
                               "全年执行数 / 全年预算数 as an exact fractions.Fraction, or None.")
        .def_readonly("execution_rate_percent", &scorecard::execution_rate_percent, "The rate in percent, rounded per the rulebook (Decimal).")
        .def_readonly("weight_total", &scorecard::weight_total, "Sum of the weights used.")
        .def_readonly("computed_total", &scorecard::computed_total, "Sum of the counted parts.")
        .def_readonly("total_complete", &scorecard::total_complete, "False when a line contributed nothing.")
        .def_readonly("scorable", &scorecard::scorable,
                      "False for an empty shell (no indicator, no funds figure read) and a declaration: no total, no grade.")
        .def_property_readonly("kind", [](const scorecard& c) { return std::string(to_string(c.kind)); },
                               "The kind of the form scored ('project_self_evaluation', 'project_declaration' ...).")
        .def_property_readonly("not_scored", [](const scorecard& c) -> std::optional<std::string> {
                                   if (c.unscored == unscored_reason::none) return std::nullopt;
                                   return std::string(to_string(c.unscored));
                               }, "Why the card has no total: 'declaration', 'empty_shell', or None when scored.")
        .def_property_readonly("not_scored_text", [](const scorecard& c) { return std::string(not_scored_text(c, false)); },
                               "'not scored: a declaration' ... ('' when scored).")
        .def_property_readonly("not_scored_text_zh", [](const scorecard& c) { return std::string(not_scored_text(c, true)); },
                               "'目标申报表不评分' ... ('' when scored).")
        .def_readonly("reported_total", &scorecard::reported_total, "总分 as reported (ReportedNumber).")
        .def_readonly("total_difference", &scorecard::total_difference, "computed - reported total, or None.")
        .def_readonly("computed_grade", &scorecard::computed_grade, "Grade of the computed total (优/良/中/差).")
        .def("__eq__", [](const scorecard& a, const scorecard& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const scorecard& c) {
            return "Scorecard(computed_total=" + c.computed_total.to_string() + ", grade='" + c.computed_grade +
                   "', lines=" + std::to_string(c.indicators.size() + 1) + ")";
        })
        .def(py::pickle([](const scorecard& c) { return card_state(c); }, [](const py::tuple& t) { return card_from(t); }));

    m.def("score", [](const form& f, const rulebook* book, bool traces) {
              score_options options;
              options.traces = traces;
              return book != nullptr ? score(f, *book, options) : score(f, options);
          }, py::arg("form"), py::arg("rulebook") = nullptr, py::kw_only(), py::arg("traces") = true,
          "Scores one form under `rulebook` (exact; reported numbers are kept beside the computed ones); None: the "
          "rulebook of the form's kind (rulebook_name_for). A declaration is never scored.");
    m.def("rulebook_name_for", [](const std::string& kind) {
              auto k = form_kind_from_string(kind);
              if (!k) throw py::value_error("not a form kind: " + kind);
              return std::string(rulebook_name_for(*k));
          }, py::arg("kind"),
          "The built-in rulebook a kind is scored by when none is named: 'department-2020', 'rubric-2020', else 'mof-2020'.");
    m.def("kind_rulebook_name", [](const std::string& kind) {
              auto k = form_kind_from_string(kind);
              if (!k) throw py::value_error("not a form kind: " + kind);
              return std::string(kind_rulebook_name(*k));
          }, py::arg("kind"), "The rulebook a kind has of its own ('' for project, transfer and declaration forms).");
    m.def("score_batch", [](const py::iterable& forms, const rulebook& book, bool traces, int threads) {
              std::vector<const form*> items = collect_forms(forms);
              score_options options;
              options.traces = traces;
              std::vector<scorecard> out(items.size());
              {
                  py::gil_scoped_release release;
                  parallel_ranges(items.size(), threads, [&](std::size_t first, std::size_t last) {
                      score_batch_into(std::span<const form* const>(items).subspan(first, last - first), book,
                                       std::span<scorecard>(out).subspan(first, last - first), options);
                  });
              }
              return out;
          }, py::arg("forms"), py::arg("rulebook"), py::kw_only(), py::arg("traces") = true, py::arg("threads") = 1,
          "Scores many forms with one rulebook (the GIL is released while scoring); one Scorecard per form, in order. "
          "threads > 1 scores on that many threads (0: one per hardware thread); the results are the same.");
    m.def("score_json_batch", [](const std::string& document, const rulebook& book, bool traces) {
              score_options options;
              options.traces = traces;
              std::vector<scorecard> out;
              std::optional<error> failure;
              {
                  py::gil_scoped_release release;
                  auto forms = read_forms_json(document);
                  if (forms.has_value()) out = score_batch(*forms, book, options);
                  else failure = forms.error();
              }
              if (failure) throw_error(*failure);
              return out;
          }, py::arg("document"), py::arg("rulebook"), py::kw_only(), py::arg("traces") = true,
          "Reads a jixiao.forms JSON document and scores every form (GIL released throughout).");
}

}  // namespace jixiao::python
