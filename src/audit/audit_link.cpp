// audit_link.cpp — the link between forms of one cycle: each self-evaluation against the
// declaration of the same unit, project and year (targets changed, lowered to what was achieved,
// indicators dropped or added), and a department self-evaluation's 项目支出 line against the
// executed funds of its project forms. Rules and matching: docs/checks.md, "Link".
#include "audit/audit_internal.hpp"

#include <jixiao/detail/utf8.hpp>

#include <algorithm>
#include <map>
#include <tuple>

namespace jixiao {

std::string normalize_name(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        detail::utf8::decoded d = detail::utf8::decode(text, pos);
        if (d.length == 0) {  // an invalid byte is kept as it is
            out += text[pos++];
            continue;
        }
        char32_t c = d.code_point;
        const bool space = c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' ||
                           c == 0x3000 || c == 0xA0;
        if (!space) {
            if (c >= 0xFF01 && c <= 0xFF5E) {
                out += static_cast<char>(c - 0xFF01 + 0x21);  // full-width ASCII -> ASCII
            } else {
                out.append(text.substr(pos, d.length));
            }
        }
        pos += d.length;
    }
    return out;
}

namespace {

using audit_detail::evidence_list;

/// Where a form is for a person: its file (`-` when unknown) and its 1-based number in that file.
struct form_label {
    std::string source;
    std::string number;
};

std::vector<form_label> labels_of(std::span<const form> forms) {
    std::map<std::string, std::size_t> in_file;
    std::vector<form_label> out;
    out.reserve(forms.size());
    for (const form& f : forms) {
        const std::size_t n = ++in_file[f.where.file];
        out.push_back({f.where.file.empty() ? std::string("-") : f.where.file, std::to_string(n)});
    }
    return out;
}

bool self_evaluation_of_project(form_kind k) noexcept {
    return k == form_kind::project_self_evaluation || k == form_kind::transfer_self_evaluation;
}

/// The kind of declaration a self-evaluation of kind `k` is paired with (`other`: none).
form_kind declaration_for(form_kind k) noexcept {
    if (self_evaluation_of_project(k)) return form_kind::project_declaration;
    if (k == form_kind::department_self_evaluation) return form_kind::department_declaration;
    return form_kind::other;
}

/// The unit names of a form, normalised and non-empty: 主管部门 and 实施单位, and for a department
/// form its 部门(单位)名称.
std::vector<std::string> unit_names(const form& f) {
    std::vector<std::string> out;
    for (const std::string* s : {&f.department, &f.implementing_unit}) {
        std::string n = normalize_name(*s);
        if (!n.empty()) out.push_back(std::move(n));
    }
    if (is_department_form(f.kind)) {
        std::string n = normalize_name(f.project_name);
        if (!n.empty()) out.push_back(std::move(n));
    }
    return out;
}

/// Same unit: the same 实施单位 when both print one, else a unit name in common.
bool same_unit(const form& a, const form& b) {
    const std::string ua = normalize_name(a.implementing_unit);
    const std::string ub = normalize_name(b.implementing_unit);
    if (!ua.empty() && !ub.empty()) return ua == ub;
    const std::vector<std::string> na = unit_names(a);
    const std::vector<std::string> nb = unit_names(b);
    return std::any_of(na.begin(), na.end(),
                       [&](const std::string& n) { return std::find(nb.begin(), nb.end(), n) != nb.end(); });
}

bool pairs_with(const form& self, const form& declaration) {
    const std::string name = normalize_name(self.project_name);
    return declaration.kind == declaration_for(self.kind) && self.year == declaration.year && !name.empty() &&
           name == normalize_name(declaration.project_name) && same_unit(self, declaration);
}

comparator direction(comparator op) noexcept { return op == comparator::none ? comparator::equal : op; }

/// Whether two targets say the same: quantities with the same comparator and exactly equal numbers
/// (across scales), ranges with equal ends, anything else the same canonical text.
bool same_target(const reported<value_expr>& a, const reported<value_expr>& b) {
    if (!a.value || !b.value) return normalize_name(a.text) == normalize_name(b.text);
    const value_expr& x = *a.value;
    const value_expr& y = *b.value;
    auto equal = [](const quantity& p, const quantity& q) {
        auto o = compare(p, q);
        return o && *o == std::strong_ordering::equal;
    };
    if (x.kind == value_kind::quantity && y.kind == value_kind::quantity) {
        return direction(x.op) == direction(y.op) && equal(x.amount, y.amount);
    }
    if (x.kind == value_kind::range && y.kind == value_kind::range) {
        return equal(x.amount, y.amount) && equal(x.upper, y.upper);
    }
    return normalize_name(to_string(x)) == normalize_name(to_string(y));
}

/// Whether the self-evaluation's target is easier than the declared one: the same comparator
/// direction, one dimension, a lower number for >=, >, = and a higher one for <=, <.
bool lowered(const value_expr& declared, const value_expr& now) {
    if (declared.kind != value_kind::quantity || now.kind != value_kind::quantity) return false;
    const comparator op = direction(declared.op);
    if (op != direction(now.op)) return false;
    auto o = compare(now.amount, declared.amount);
    if (!o) return false;
    switch (op) {
    case comparator::equal:
    case comparator::greater_equal:
    case comparator::greater: return *o == std::strong_ordering::less;
    case comparator::less_equal:
    case comparator::less: return *o == std::strong_ordering::greater;
    default: return false;
    }
}

/// Indicator pairs (declared index, self-evaluation index): equal names after normalisation
/// first, in order, then the most similar remaining names at or above the threshold.
std::vector<std::pair<std::size_t, std::size_t>> match_indicators(const form& declared, const form& self,
                                                                 const link_options& options) {
    const std::size_t nd = declared.indicators.size();
    const std::size_t ns = self.indicators.size();
    std::vector<std::string> dn(nd);
    std::vector<std::string> sn(ns);
    for (std::size_t d = 0; d < nd; ++d) dn[d] = normalize_name(declared.indicators[d].name);
    for (std::size_t s = 0; s < ns; ++s) sn[s] = normalize_name(self.indicators[s].name);
    std::vector<bool> used_d(nd, false);
    std::vector<bool> used_s(ns, false);
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t s = 0; s < ns; ++s) {
        if (sn[s].empty()) continue;
        for (std::size_t d = 0; d < nd; ++d) {
            if (!used_d[d] && dn[d] == sn[s]) {
                used_d[d] = used_s[s] = true;
                out.emplace_back(d, s);
                break;
            }
        }
    }
    // Similar names: bounded work (a form has tens of indicators; beyond this many candidate pairs
    // only equal names are matched).
    constexpr std::size_t max_similarity_pairs = 10000;
    std::size_t left_d = static_cast<std::size_t>(std::count(used_d.begin(), used_d.end(), false));
    std::size_t left_s = static_cast<std::size_t>(std::count(used_s.begin(), used_s.end(), false));
    if (left_d == 0 || left_s == 0 || left_d * left_s > max_similarity_pairs) return out;
    struct candidate {
        exact_ratio similarity;
        std::size_t d;
        std::size_t s;
    };
    std::vector<candidate> cands;
    for (std::size_t d = 0; d < nd; ++d) {
        if (used_d[d] || dn[d].empty()) continue;
        for (std::size_t s = 0; s < ns; ++s) {
            if (used_s[s] || sn[s].empty()) continue;
            exact_ratio r = text_similarity(dn[d], sn[s]);
            if (r.compare_to(options.name_similarity) >= 0) cands.push_back({r, d, s});
        }
    }
    std::stable_sort(cands.begin(), cands.end(), [](const candidate& a, const candidate& b) {
        const decimal l = a.similarity.numerator * b.similarity.denominator;
        const decimal r = b.similarity.numerator * a.similarity.denominator;
        if (l != r) return l > r;
        return std::tie(a.d, a.s) < std::tie(b.d, b.s);
    });
    for (const candidate& c : cands) {
        if (used_d[c.d] || used_s[c.s]) continue;
        used_d[c.d] = used_s[c.s] = true;
        out.emplace_back(c.d, c.s);
    }
    return out;
}

void compare_pair(const form& self, const form& declared, const form_label& where, const link_options& options,
                  std::vector<finding>& out) {
    auto named = [&](evidence_list ev) {
        ev.emplace_back("declaration_form", where.number);
        ev.emplace_back("declaration_source", where.source);
        return ev;
    };
    // A side without any indicator is a table that was not read (its import notes say so), not a
    // tree of dropped or added indicators.
    if (declared.indicators.empty() || self.indicators.empty()) return;
    const auto pairs = match_indicators(declared, self, options);
    std::vector<bool> matched_d(declared.indicators.size(), false);
    std::vector<bool> matched_s(self.indicators.size(), false);
    for (const auto& [d, s] : pairs) {
        matched_d[d] = matched_s[s] = true;
        const indicator& di = declared.indicators[d];
        const indicator& si = self.indicators[s];
        if (same_target(di.target, si.target)) continue;
        evidence_list ev{{"declared_name", di.name}, {"declared", di.target.text}, {"target", si.target.text}};
        const bool easier = di.target.value && si.target.value && lowered(*di.target.value, *si.target.value);
        if (easier && si.actual.value && compare_actual(*si.actual.value, *si.target.value) == outcome::met &&
            compare_actual(*si.actual.value, *di.target.value) == outcome::not_met) {
            const auto eq = compare(si.actual.value->amount, si.target.value->amount);
            const bool at_actual = si.actual.value->kind == value_kind::quantity && eq &&
                                   *eq == std::strong_ordering::equal;
            ev.emplace_back("actual", si.actual.text);
            ev.emplace_back("actual_equals_target", at_actual ? "true" : "false");
            out.push_back(make_finding("link.target_lowered_to_actual", self, "indicators", s, "target", named(std::move(ev))));
        } else {
            out.push_back(make_finding("link.target_changed", self, "indicators", s, "target", named(std::move(ev))));
        }
    }
    for (std::size_t d = 0; d < declared.indicators.size(); ++d) {
        if (matched_d[d]) continue;
        const indicator& di = declared.indicators[d];
        out.push_back(make_finding("link.indicator_dropped", self, "indicators", std::nullopt, "indicators",
                                   named({{"declared_name", di.name}, {"declared", di.target.text}})));
    }
    for (std::size_t s = 0; s < self.indicators.size(); ++s) {
        if (matched_s[s]) continue;
        out.push_back(make_finding("link.indicator_added", self, "indicators", s, "indicators", named({})));
    }
}

/// An amount in 元 (a 万元 form's amount scaled exactly).
decimal in_yuan(const form& f, const decimal& amount) {
    return f.money.unit == money_unit::ten_thousand_yuan ? amount.times_power_of_ten(4) : amount;
}

/// The unit a project form belongs to: its 实施单位, else its 主管部门 (normalised).
std::string project_unit(const form& f) {
    std::string u = normalize_name(f.implementing_unit);
    return u.empty() ? normalize_name(f.department) : u;
}

void check_department_funds(std::span<const form> forms, std::size_t i, std::vector<finding>& out) {
    const form& dept = forms[i];
    const funds_line* line = nullptr;
    for (const funds_line& l : dept.money.breakdown) {
        if (l.label.find("项目支出") != std::string::npos) {
            line = &l;
            break;
        }
    }
    if (line == nullptr || !line->at(funds_column::executed).has_value()) return;
    std::vector<std::string> names;
    for (const std::string* s : {&dept.project_name, &dept.implementing_unit}) {
        std::string n = normalize_name(*s);
        if (!n.empty()) names.push_back(std::move(n));
    }
    decimal sum{0};
    std::size_t projects = 0;
    std::string project_names;
    for (const form& p : forms) {
        if (!self_evaluation_of_project(p.kind) || p.year != dept.year) continue;
        const std::string unit = project_unit(p);
        if (unit.empty() || std::find(names.begin(), names.end(), unit) == names.end()) continue;
        const reported<decimal>& executed = p.money.at(funds_row::total, funds_column::executed);
        if (!executed.has_value()) return;  // a sum over part of the projects would mislead
        sum += in_yuan(p, *executed.value);
        ++projects;
        project_names += (project_names.empty() ? "" : "、") + p.project_name;
    }
    if (projects == 0) return;
    const decimal department_amount = in_yuan(dept, *line->at(funds_column::executed).value);
    if (department_amount == sum) return;
    out.push_back(make_finding("link.department_project_funds", dept, "funds", std::nullopt, "breakdown",
                               {{"line_label", line->label},
                                {"department_amount", department_amount.to_string()},
                                {"project_sum", sum.to_string()},
                                {"difference", (department_amount - sum).to_string()},
                                {"projects", std::to_string(projects)},
                                {"project_names", project_names}}));
}

}  // namespace

std::vector<link_finding> link_check(std::span<const form> forms, const link_options& options) {
    const std::vector<form_label> labels = labels_of(forms);
    std::vector<link_finding> result;
    for (std::size_t i = 0; i < forms.size(); ++i) {
        const form& self = forms[i];
        std::vector<finding> out;
        if (declaration_for(self.kind) != form_kind::other) {
            std::vector<std::size_t> candidates;
            for (std::size_t j = 0; j < forms.size(); ++j) {
                if (j != i && pairs_with(self, forms[j])) candidates.push_back(j);
            }
            if (!candidates.empty()) {
                const std::size_t first = candidates.front();
                if (candidates.size() > 1) {
                    std::string others;
                    for (std::size_t k = 1; k < candidates.size(); ++k) {
                        others += (others.empty() ? "" : ", ") + labels[candidates[k]].source + " #" +
                                  labels[candidates[k]].number;
                    }
                    out.push_back(make_finding("link.several_declarations", self, "form", std::nullopt, "form",
                                               {{"count", std::to_string(candidates.size())},
                                                {"declaration_form", labels[first].number},
                                                {"declaration_source", labels[first].source},
                                                {"others", others}}));
                }
                compare_pair(self, forms[first], labels[first], options, out);
            }
        }
        if (self.kind == form_kind::department_self_evaluation) check_department_funds(forms, i, out);
        sort_findings(out);
        for (finding& f : out) result.push_back({i, std::move(f)});
    }
    return result;
}

}  // namespace jixiao
