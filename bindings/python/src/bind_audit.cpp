// bind_audit.cpp — the audit (findings), evaluations and the portfolio summary.
#include "bindings.hpp"

#include <jixiao/audit.hpp>
#include <jixiao/io/import.hpp>
#include <jixiao/portfolio.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace jixiao::python {

namespace {

const enum_table<severity> severity_names = {
    {severity::error, "error"}, {severity::warning, "warning"}, {severity::notice, "notice"}};
const enum_table<trust_level> trust_names = {
    {trust_level::trusted, "trusted"}, {trust_level::review, "review"}, {trust_level::untrusted, "untrusted"}};

std::vector<io::import_note> notes_from(py::handle notes) {
    std::vector<io::import_note> out;
    if (notes.is_none()) return out;
    for (py::handle h : notes.cast<py::iterable>()) out.push_back(h.cast<io::import_note>());
    return out;
}

py::tuple finding_state(const finding& f) {
    return py::make_tuple(f.code, static_cast<int>(f.level), f.block, f.indicator, f.field,
                          location_state(f.where), f.message_zh,
                          f.message_en, py::cast(f.evidence));
}
finding finding_from(py::handle h) {
    auto t = h.cast<py::tuple>();
    return finding{t[0].cast<std::string>(),
                   static_cast<severity>(t[1].cast<int>()),
                   t[2].cast<std::string>(),
                   t[3].cast<std::optional<std::size_t>>(),
                   t[4].cast<std::string>(),
                   location_from_state(t[5]),
                   t[6].cast<std::string>(),
                   t[7].cast<std::string>(),
                   t[8].cast<std::vector<std::pair<std::string, std::string>>>()};
}

/// `n` source names from an optional Python iterable of them (None: all empty; extra ones ignored).
std::vector<std::string> sources_of(py::handle sources, std::size_t n) {
    std::vector<std::string> out(n);
    if (sources.is_none()) return out;
    std::size_t i = 0;
    for (py::handle s : sources.cast<py::iterable>()) {
        if (i < n) out[i] = s.cast<std::string>();
        ++i;
    }
    return out;
}

py::dict summary_dict(const form_summary& s) {
    py::dict d;
    d["errors"] = s.errors;
    d["warnings"] = s.warnings;
    d["notices"] = s.notices;
    d["trust"] = enum_name(s.trust, trust_names);
    return d;
}

py::dict check_dict(const check_info& c) {
    py::dict d;
    d["code"] = std::string(c.code);
    d["family"] = std::string(to_string(c.family));
    d["severity"] = enum_name(c.level, severity_names);
    d["block"] = std::string(c.block);
    d["title_zh"] = std::string(c.title_zh);
    d["title_en"] = std::string(c.title_en);
    d["description"] = std::string(c.description);
    d["message_zh"] = std::string(c.message_zh);
    d["message_en"] = std::string(c.message_en);
    return d;
}

py::list kinds_list(const std::vector<kind_summary>& kinds) {
    py::list out;
    for (const kind_summary& k : kinds) {
        py::dict d;
        d["kind"] = std::string(to_string(k.kind));
        d["kind_zh"] = std::string(chinese_name(k.kind));
        d["forms"] = k.forms;
        d["scored"] = k.scored;
        d["computed_total_sum"] = k.computed_total_sum;
        d["computed_total_mean"] = k.computed_total_mean;
        d["initial_budget_sum"] = k.initial_budget_sum;
        d["budget_sum"] = k.budget_sum;
        d["executed_sum"] = k.executed_sum;
        out.append(d);
    }
    return out;
}

py::dict entry_dict(const portfolio_entry& e) {
    py::dict d;
    d["index"] = e.index;
    d["source"] = e.source;
    d["project_name"] = e.project_name;
    d["department"] = e.department;
    d["implementing_unit"] = e.implementing_unit;
    d["kind"] = std::string(to_string(e.kind));
    d["scored"] = e.scored;
    d["not_scored"] = e.unscored == unscored_reason::none ? py::object(py::none()) : py::object(py::str(std::string(to_string(e.unscored))));
    d["reported_total"] = py::cast(e.reported_total);
    // An unscored form (a declaration, an empty shell) has no total.
    d["computed_total"] = e.scored ? py::cast(e.computed_total) : py::object(py::none());
    d["total_complete"] = e.total_complete;
    d["computed_grade"] = e.computed_grade;
    d["reported_grade"] = e.reported_grade;
    d["execution_rate_percent"] = py::cast(e.execution_rate_percent);
    d["errors"] = e.counts.errors;
    d["warnings"] = e.counts.warnings;
    d["notices"] = e.counts.notices;
    d["trust"] = enum_name(e.counts.trust, trust_names);
    return d;
}

evaluation evaluation_from_state(const py::tuple& t) {
    evaluation e;
    e.subject = t[0].cast<form>();
    e.card = t[1].cast<scorecard>();
    for (py::handle f : t[2].cast<py::list>()) e.findings.push_back(finding_from(f));
    e.source = t[3].cast<std::string>();
    for (py::handle n : t[4].cast<py::list>()) {
        auto x = n.cast<py::tuple>();
        e.import_notes.push_back(io::import_note{
            x[0].cast<std::string>(), static_cast<io::note_kind>(x[1].cast<int>()), x[2].cast<std::string>(),
            location_from_state(x[3]),
            x[4].cast<std::string>(), x[5].cast<std::optional<std::size_t>>(), x[6].cast<std::optional<std::size_t>>()});
    }
    return e;
}

}  // namespace

void bind_audit(py::module_& m) {
    py::class_<finding>(m, "Finding", "One audit finding: stable code, severity, location, zh/en message, evidence.")
        .def_readonly("code", &finding::code, "Stable code, e.g. 'funds.sources_mismatch'.")
        .def_property_readonly("severity", [](const finding& f) { return enum_name(f.level, severity_names); },
                               "error, warning or notice.")
        .def_readonly("block", &finding::block, "form, funds, goal, indicators, total or import.")
        .def_readonly("indicator", &finding::indicator, "0-based indicator index, or None.")
        .def_readonly("field", &finding::field, "e.g. 'full_year_budget', 'actual', 'weight'.")
        .def_readonly("where", &finding::where, "SourceLocation.")
        .def_readonly("message_zh", &finding::message_zh, "Chinese message with the numbers filled in.")
        .def_readonly("message_en", &finding::message_en, "English message with the numbers filled in.")
        .def_readonly("evidence", &finding::evidence, "(name, text) pairs of what was compared, in order.")
        .def("evidence_value", [](const finding& f, const std::string& name) { return std::string(f.evidence_value(name)); },
             py::arg("name"), "The evidence value named `name`, or ''.")
        .def("__eq__", [](const finding& a, const finding& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const finding& f) {
            return "Finding('" + f.code + "', " + enum_name(f.level, severity_names) + ", '" + f.message_en + "')";
        })
        .def(py::pickle([](const finding& f) { return finding_state(f); }, [](const py::tuple& t) { return finding_from(t); }));

    m.def("audit", [](const form& f, const scorecard& card, const rulebook& book, py::handle notes) {
              std::vector<io::import_note> io_notes = notes_from(notes);
              std::vector<finding> out;
              {
                  py::gil_scoped_release release;
                  out = audit(f, card, book, io_notes);
              }
              return out;
          }, py::arg("form"), py::arg("scorecard"), py::arg("rulebook"), py::arg("notes") = py::none(),
          "Every finding of one form (sorted by severity, then location), given its scorecard and rulebook; "
          "`notes` are the form's ImportNote objects (ImportReport.notes_for(i)), reported as import.* findings.");
    m.def("check_catalogue", [] {
              py::list out;
              for (const check_info& c : check_catalogue()) out.append(check_dict(c));
              return out;
          }, "Every audit check (code, family, severity, block, titles, description, message templates) as dicts.");
    m.def("summarize_findings", [](const std::vector<finding>& findings) { return summary_dict(summarize(findings)); },
          py::arg("findings"), "Counts by severity and the trust level (trusted / review / untrusted) of one form's findings.");
    m.def("findings_to_json", [](const std::vector<finding>& findings, int indent) { return findings_to_json(findings, indent); },
          py::arg("findings"), py::arg("indent") = 2, "Findings as JSON (format jixiao.findings).");
    m.def("link_check", [](const std::vector<form>& forms, py::handle name_similarity) {
              link_options options;
              if (!name_similarity.is_none()) options.name_similarity = from_python_decimal(name_similarity);
              std::vector<link_finding> found;
              {
                  py::gil_scoped_release release;
                  found = link_check(forms, options);
              }
              py::list out;
              for (const link_finding& lf : found) out.append(py::make_tuple(lf.form, lf.what));
              return out;
          }, py::arg("forms"), py::arg("name_similarity") = py::none(),
          "The link check over forms of one cycle: (form index, Finding) pairs, on the self-evaluation paired with "
          "its declaration (same unit, project name and year) and on a department self-evaluation against its "
          "project forms. `name_similarity` (Decimal, default 0.80): two indicator names that are not equal still "
          "match at or above it.");
    m.def("normalize_name", &normalize_name, py::arg("text"),
          "A name as the link check compares it: whitespace removed, full-width ASCII made half-width.");
    m.def("vague_target_words", [] {
              py::list out;
              for (std::string_view w : vague_target_words()) out.append(std::string(w));
              return out;
          }, "The words that make a declared target vague (declaration.vague_target).");
    m.def("text_similarity", [](const std::string& a, const std::string& b) {
              exact_ratio r = text_similarity(a, b);
              py::object fraction = py::module_::import("fractions").attr("Fraction");
              return fraction(to_python_decimal(r.numerator)) / fraction(to_python_decimal(r.denominator));
          }, py::arg("a"), py::arg("b"), "Character-bigram Dice coefficient of two texts, exact (fractions.Fraction).");

    py::class_<evaluation>(m, "Evaluation", "One evaluated form: the form, its scorecard, its findings and its source.")
        .def_readonly("form", &evaluation::subject, "The form as read.")
        .def_readonly("scorecard", &evaluation::card, "Its Scorecard.")
        .def_readonly("findings", &evaluation::findings, "Its findings (list of Finding).")
        .def_readonly("source", &evaluation::source, "File name, '-' or ''.")
        .def_property_readonly("summary", [](const evaluation& e) { return summary_dict(summarize(e.findings)); },
                               "Counts by severity and the trust level.")
        .def("__eq__", [](const evaluation& a, const evaluation& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const evaluation& e) {
            return "Evaluation('" + e.subject.project_name + "', total=" + e.card.computed_total.to_string() +
                   ", findings=" + std::to_string(e.findings.size()) + ")";
        })
        .def(py::pickle(
            [](const evaluation& e) {
                py::list findings;
                for (const auto& f : e.findings) findings.append(finding_state(f));
                py::list notes;
                for (const auto& n : e.import_notes)
                    notes.append(py::make_tuple(n.code, static_cast<int>(n.kind), n.message, location_state(n.where),
                                                n.text, n.form, n.indicator));
                return py::make_tuple(e.subject, e.card, findings, e.source, notes);
            },
            [](const py::tuple& t) { return evaluation_from_state(t); }));

    m.def("evaluate", [](const form& f, const rulebook& book, const std::string& source, py::handle notes, bool traces) {
              std::vector<io::import_note> io_notes = notes_from(notes);
              score_options options;
              options.traces = traces;
              py::gil_scoped_release release;
              return evaluate(f, book, source, std::move(io_notes), options);
          }, py::arg("form"), py::arg("rulebook"), py::arg("source") = "", py::arg("notes") = py::none(),
          py::arg("traces") = true, "Scores and audits one form: an Evaluation.");
    m.def("flag_duplicate_forms", [](std::vector<evaluation> evaluations) {
              {
                  py::gil_scoped_release release;
                  flag_duplicate_forms(evaluations);
              }
              return evaluations;
          }, py::arg("evaluations"),
          "The batch check on evaluations made in parts: a copy of them in which each form that repeats an earlier "
          "one has a batch.duplicate_form finding.");
    m.def("evaluate_batch", [](const py::iterable& forms, const rulebook& book, py::handle sources, py::handle notes,
                               bool traces, int threads, bool batch_check) {
              std::vector<const form*> items;
              for (py::handle h : forms) items.push_back(&h.cast<const form&>());
              std::vector<std::string> srcs = sources_of(sources, items.size());
              std::vector<std::vector<io::import_note>> per_form(items.size());
              if (!notes.is_none()) {
                  std::size_t i = 0;
                  for (py::handle n : notes.cast<py::iterable>()) {
                      if (i < per_form.size()) per_form[i] = notes_from(n);
                      ++i;
                  }
              }
              score_options options;
              options.traces = traces;
              std::vector<evaluation> out(items.size());
              {
                  py::gil_scoped_release release;
                  parallel_for(items.size(), threads, [&](std::size_t i) {
                      out[i] = evaluate(*items[i], book, srcs[i], std::move(per_form[i]), options);
                  });
                  if (batch_check) {
                      flag_duplicate_forms(out);  // the batch check: a form submitted twice
                      flag_linked_forms(out);     // declarations vs self-evaluations, departments vs projects
                  }
              }
              return out;
          }, py::arg("forms"), py::arg("rulebook"), py::arg("sources") = py::none(), py::arg("notes") = py::none(),
          py::arg("traces") = true, py::arg("threads") = 1, py::arg("batch_check") = true,
          "Scores and audits many forms (GIL released); `sources` and `notes` (one list of ImportNote per form) are "
          "optional; threads > 1 works on that many threads (0: one per hardware thread). A form that repeats an "
          "earlier one of the batch gets a batch.duplicate_form finding; the link check (link.*) runs over the batch.");
    m.def("batch_findings", [](const py::iterable& forms, py::handle sources) {
              // The batch checks on the forms alone (no scoring): what evaluate_batch adds to each
              // evaluation after it scored and audited them.
              std::vector<evaluation> light;
              for (py::handle h : forms) {
                  evaluation e;
                  e.subject = h.cast<const form&>();
                  light.push_back(std::move(e));
              }
              std::vector<std::string> srcs = sources_of(sources, light.size());
              for (std::size_t i = 0; i < light.size(); ++i) light[i].source = std::move(srcs[i]);
              {
                  py::gil_scoped_release release;
                  flag_duplicate_forms(light);
                  flag_linked_forms(light);
              }
              std::vector<std::vector<finding>> out;
              out.reserve(light.size());
              for (evaluation& e : light) out.push_back(std::move(e.findings));
              return out;
          }, py::arg("forms"), py::arg("sources") = py::none(),
          "The findings the batch checks (batch.duplicate_form, link.*) give each of `forms` (with their `sources`), "
          "without scoring them: for a batch scored in parts (jixiao.dask.portfolio_of_files).");
    m.def("trust_for", [](std::size_t errors, std::size_t warnings) {
              return enum_name(trust_for(errors, warnings), trust_names);
          }, py::arg("errors"), py::arg("warnings"),
          "The trust level of a form with that many errors and warnings (the rule of summarize_findings).");
    py::class_<duplicate_tracker>(m, "DuplicateTracker",
                                  "The batch check one evaluation at a time (evaluate_iter): a form that repeats one "
                                  "checked before gets a batch.duplicate_form finding.")
        .def(py::init<>())
        .def("check", [](duplicate_tracker& t, evaluation& e) { return t.check(e); }, py::arg("evaluation"),
             "Adds the finding to `evaluation` (in place) when it repeats an earlier one; True when it did.");
    m.def("flag_linked_forms", [](std::vector<evaluation> evaluations) {
              {
                  py::gil_scoped_release release;
                  flag_linked_forms(evaluations);
              }
              return evaluations;
          }, py::arg("evaluations"),
          "The link check on evaluations made in parts: a copy of them in which each self-evaluation has the link.* "
          "findings against its declaration, and each department self-evaluation those against its project forms.");

    py::class_<portfolio>(m, "Portfolio", "The summary of a batch of evaluations: grades, execution rates, findings by code, one entry per form.")
        .def_readonly("rulebook_id", &portfolio::rulebook_id)
        .def_readonly("rulebook_version", &portfolio::rulebook_version)
        .def_readonly("forms", &portfolio::forms, "Number of forms.")
        .def_property_readonly("grades", [](const portfolio& p) {
            py::list out;
            for (const auto& g : p.grades) {
                py::dict d;
                d["grade"] = g.grade;
                d["computed"] = g.computed;
                d["reported"] = g.reported;
                out.append(d);
            }
            return out;
        }, "Grade distribution: dicts (grade, computed, reported).")
        .def_property_readonly("execution_rates", [](const portfolio& p) {
            py::list out;
            for (const auto& b : p.execution_rates) {
                py::dict d;
                d["label"] = b.label;
                d["forms"] = b.forms;
                out.append(d);
            }
            return out;
        }, "Execution-rate distribution: dicts (label, forms).")
        .def_property_readonly("findings_by_code", [](const portfolio& p) {
            py::list out;
            for (const auto& c : p.findings_by_code) {
                py::dict d;
                d["code"] = c.code;
                d["severity"] = enum_name(c.level, severity_names);
                d["title_en"] = c.title_en;
                d["title_zh"] = c.title_zh;
                d["findings"] = c.findings;
                d["forms"] = c.forms;
                out.append(d);
            }
            return out;
        }, "Findings by code, most first: dicts (code, severity, titles, findings, forms).")
        .def_property_readonly("entries", [](const portfolio& p) {
            py::list out;
            for (const auto& e : p.entries) out.append(entry_dict(e));
            return out;
        }, "One dict per form, in input order (totals, grades, rate, counts, trust).")
        .def_readonly("computed_total_sum", &portfolio::computed_total_sum)
        .def_readonly("computed_total_mean", &portfolio::computed_total_mean)
        .def_readonly("budget_sum", &portfolio::budget_sum, "Σ 全年预算数 in 元.")
        .def_readonly("executed_sum", &portfolio::executed_sum, "Σ 全年执行数 in 元.")
        .def_property_readonly("kinds", [](const portfolio& p) { return kinds_list(p.kinds); },
                               "The forms by kind: dicts (kind, kind_zh, forms, scored, computed_total_sum, computed_total_mean, "
                               "initial_budget_sum, budget_sum, executed_sum).")
        .def_property_readonly("grouped_by", [](const portfolio& p) -> py::object {
            if (!p.grouped_by) return py::none();
            return py::str(std::string(to_string(*p.grouped_by)));
        }, "What the groups are by ('department', 'implementing_unit', 'grade', 'file'), or None.")
        .def_property_readonly("groups", [](const portfolio& p) {
            py::list out;
            for (const auto& g : p.groups) {
                py::dict d;
                d["key"] = g.key;
                d["forms"] = g.forms;
                d["scorable"] = g.scorable;
                d["computed_total_sum"] = g.computed_total_sum;
                d["computed_total_mean"] = g.computed_total_mean;
                d["budget_sum"] = g.budget_sum;
                d["executed_sum"] = g.executed_sum;
                d["execution_rate_percent"] = g.execution_rate_percent;
                py::dict grades;
                for (std::size_t k = 0; k < g.grades.size() && k < p.grades.size(); ++k) grades[py::str(p.grades[k].grade)] = g.grades[k];
                d["grades"] = grades;
                d["errors"] = g.errors;
                d["warnings"] = g.warnings;
                d["notices"] = g.notices;
                d["kinds"] = kinds_list(g.kinds);
                out.append(d);
            }
            return out;
        }, "The portfolio by group (summarize_portfolio(..., by=...)): one dict per group.")
        .def_property_readonly("files_not_read", [](const portfolio& p) {
            py::list out;
            for (const auto& u : p.files_not_read) out.append(py::make_tuple(u.source, u.reason));
            return out;
        }, "Files of the batch in which no form was read: (source, reason) tuples.")
        .def("__repr__", [](const portfolio& p) { return "Portfolio(forms=" + std::to_string(p.forms) + ")"; });

    m.def("summarize_portfolio", [](const std::vector<evaluation>& evaluations, const rulebook& book, py::handle unread,
                                    const std::string& by) {
              std::optional<group_by> grouping;
              if (!by.empty()) {
                  grouping = group_by_from_string(by);
                  if (!grouping) {
                      throw py::value_error("by: department, unit, grade, file or budget_unit (or 主管部门, 实施单位, 等级, 文件, 预算单位), not " + by);
                  }
              }
              std::vector<unread_file> files;
              if (!unread.is_none()) {
                  for (py::handle h : unread.cast<py::iterable>()) {
                      auto t = h.cast<py::tuple>();
                      files.push_back(unread_file{t[0].cast<std::string>(), t[1].cast<std::string>()});
                  }
              }
              py::gil_scoped_release release;
              portfolio p = summarize(evaluations, book);
              p.files_not_read = std::move(files);
              if (grouping) {
                  p.grouped_by = grouping;
                  p.groups = group_portfolio(evaluations, p, *grouping);
              }
              return p;
          }, py::arg("evaluations"), py::arg("rulebook"), py::arg("files_not_read") = py::none(), py::arg("by") = "",
          "The Portfolio of a batch of evaluations (grade bands and rate rounding from `rulebook`); "
          "`files_not_read`: (source, reason) pairs of the files in which no form was read.");
}

}  // namespace jixiao::python
