// portfolio.cpp — evaluate one form (score + audit) and summarise a batch.
#include <jixiao/portfolio.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/sha256.hpp"

namespace jixiao {

evaluation evaluate(form subject, const rulebook& book, std::string source,
                    std::vector<io::import_note> notes, const score_options& options) {
    evaluation out;
    out.subject = std::move(subject);
    out.card = score(out.subject, book, options);
    out.findings = audit(out.subject, out.card, book, notes);
    out.source = std::move(source);
    out.import_notes = std::move(notes);
    return out;
}

namespace {

/// What makes two forms the same submission: every printed text that a reader of the form sees,
/// without where it was read (a copy in another file is the same form).
std::string submission_key(const form& f) {
    std::string key;
    auto add = [&key](std::string_view text) {
        key += text;
        key += '\x1f';
    };
    add(f.project_name);
    add(f.department);
    add(f.implementing_unit);
    add(f.year ? std::to_string(*f.year) : std::string());
    for (const auto& row : f.money.amounts) {
        for (const reported<decimal>& cell : row) add(cell.text);
    }
    add(f.money.weight.text);
    add(f.money.execution_rate.text);
    add(f.money.score.text);
    for (const indicator& ind : f.indicators) {
        add(ind.name);
        add(ind.target.text);
        add(ind.actual.text);
        add(ind.weight.text);
        add(ind.score.text);
    }
    add(f.total_weight.text);
    add(f.total_score.text);
    return key;
}

}  // namespace

namespace {

/// The SHA-256 of a submission key: two forms are copies when their keys' digests agree, and
/// no one can make two different forms agree (a non-cryptographic hash could be made to
/// collide by a crafted form, flagging an original as a copy).
std::array<std::uint8_t, 32> digest_of(std::string_view key) noexcept { return detail::sha256(key); }

}  // namespace

bool duplicate_tracker::check(evaluation& e) {
    auto [file, known] = forms_in_file_.try_emplace(e.source, files_.size(), 0);
    if (known) files_.push_back(e.source.empty() ? std::string("-") : e.source);
    const std::size_t number = ++file->second.second;
    if (is_empty_shell(e.subject)) return false;  // empty shells are alike without being copies
    auto [it, inserted] = seen_.try_emplace(digest_of(submission_key(e.subject)), first_copy{file->second.first, number});
    if (inserted) return false;
    e.findings.push_back(make_finding("batch.duplicate_form", e.subject, "form", std::nullopt, "form",
                                      {{"first_source", files_[it->second.file]},
                                       {"first_form", std::to_string(it->second.number_in_file)},
                                       {"project_name", e.subject.project_name}}));
    sort_findings(e.findings);
    return true;
}

std::size_t flag_duplicate_forms(std::span<evaluation> evaluations) {
    duplicate_tracker tracker;
    std::size_t added = 0;
    for (evaluation& e : evaluations) if (tracker.check(e)) ++added;
    return added;
}

std::size_t flag_linked_forms(std::span<evaluation> evaluations) {
    std::vector<form> subjects;
    subjects.reserve(evaluations.size());
    for (const evaluation& e : evaluations) {
        subjects.push_back(e.subject);
        if (!e.source.empty()) subjects.back().where.file = e.source;  // evidence names the file given
    }
    const std::vector<link_finding> found = link_check(subjects);
    std::vector<bool> touched(evaluations.size(), false);
    for (const link_finding& lf : found) {
        evaluations[lf.form].findings.push_back(lf.what);
        touched[lf.form] = true;
    }
    for (std::size_t i = 0; i < evaluations.size(); ++i) {
        if (touched[i]) sort_findings(evaluations[i].findings);
    }
    return found.size();
}

std::size_t execution_rate_bucket(const std::optional<exact_ratio>& rate) {
    if (!rate) return 7;
    // Boundaries as exact fractions: 0.60, 0.80, 0.90, 0.95, 1.
    const std::array<decimal, 4> bounds{decimal::from_parts(60, 2), decimal::from_parts(80, 2),
                                        decimal::from_parts(90, 2), decimal::from_parts(95, 2)};
    for (std::size_t i = 0; i < bounds.size(); ++i) {
        if (rate->compare_to(bounds[i]) < 0) return i;
    }
    const auto vs_one = rate->compare_to(decimal(1));
    if (vs_one < 0) return 4;
    if (vs_one == 0) return 5;
    return 6;
}

namespace {

/// An amount of the funds block in yuan (万元 forms scaled), when it is a number.
std::optional<decimal> amount_in_yuan(const form& f, funds_column column) {
    const auto& cell = f.money.at(funds_row::total, column);
    if (!cell.value) return std::nullopt;
    if (f.money.unit == money_unit::ten_thousand_yuan) return cell.value->times_power_of_ten(4);
    return *cell.value;
}

/// The unit named by a department form: 部门(单位)名称, else 实施单位, else 主管部门.
const std::string& department_form_unit(const form& f) {
    if (!f.project_name.empty()) return f.project_name;
    if (!f.implementing_unit.empty()) return f.implementing_unit;
    return f.department;
}

/// The units that department forms of the batch name.
std::set<std::string> department_units(std::span<const evaluation> evaluations) {
    std::set<std::string> out;
    for (const evaluation& e : evaluations) {
        if (is_department_form(e.subject.kind)) out.insert(department_form_unit(e.subject));
    }
    out.erase(std::string());
    return out;
}

/// The budget unit of a form (group_by::budget_unit).
std::string budget_unit_of(const form& f, const std::set<std::string>& units) {
    if (is_department_form(f.kind)) return department_form_unit(f);
    if (units.count(f.implementing_unit) != 0) return f.implementing_unit;
    if (units.count(f.department) != 0) return f.department;
    return f.implementing_unit.empty() ? f.department : f.implementing_unit;
}

}  // namespace

namespace {

using kind_map = std::map<form_kind, kind_summary>;

void add_to_kinds(kind_map& by_kind, const evaluation& e) {
    {
        kind_summary& k = by_kind[e.subject.kind];
        k.kind = e.subject.kind;
        ++k.forms;
        if (e.card.scorable) {
            ++k.scored;
            k.computed_total_sum += e.card.computed_total;
        }
        if (auto b = amount_in_yuan(e.subject, funds_column::initial_budget)) k.initial_budget_sum += *b;
        if (auto b = amount_in_yuan(e.subject, funds_column::full_year_budget)) k.budget_sum += *b;
        if (auto x = amount_in_yuan(e.subject, funds_column::executed)) k.executed_sum += *x;
    }
}

std::vector<kind_summary> finish_kinds(kind_map& by_kind) {
    std::vector<kind_summary> out;
    for (auto& [kind, k] : by_kind) {
        if (k.scored > 0) {
            if (auto m = divide(k.computed_total_sum, decimal(k.scored), 2, rounding::half_away_from_zero)) {
                k.computed_total_mean = *m;
            }
        }
        out.push_back(std::move(k));
    }
    return out;
}

}  // namespace

std::vector<kind_summary> summarize_kinds(std::span<const evaluation> evaluations) {
    kind_map by_kind;
    for (const evaluation& e : evaluations) add_to_kinds(by_kind, e);
    return finish_kinds(by_kind);
}

portfolio_builder::portfolio_builder(const rulebook& book) : book_(book) {
    out_.rulebook_id = book.id;
    out_.rulebook_version = book.version;
    for (const grade_band& band : book.grades) out_.grades.push_back(grade_count{band.name, 0, 0});
    out_.grades.push_back(grade_count{"", 0, 0});
    for (std::string_view label : execution_rate_bucket_labels) {
        out_.execution_rates.push_back(rate_bucket{std::string(label), 0});
    }
}

void portfolio_builder::add(const evaluation& e) {
    // Forms scored by the rulebooks of their layout families: all of them are named.
    if (!e.card.rulebook_id.empty() && std::find(ids_.begin(), ids_.end(), e.card.rulebook_id) == ids_.end()) {
        ids_.push_back(e.card.rulebook_id);
    }
    auto grade_slot = [&](std::string_view name) -> grade_count& {
        for (grade_count& g : out_.grades) {
            if (g.grade == name) return g;
        }
        return out_.grades.back();
    };
    add_to_summary(out_.findings, e.findings);

    portfolio_entry entry;
    entry.index = out_.entries.size();
    entry.source = e.source;
    entry.project_name = e.subject.project_name;
    entry.department = e.subject.department;
    entry.implementing_unit = e.subject.implementing_unit;
    entry.kind = e.subject.kind;
    entry.scored = e.card.scorable;
    entry.unscored = e.card.unscored;
    if (e.card.reported_total.value) entry.reported_total = *e.card.reported_total.value;
    entry.computed_total = e.card.computed_total;
    entry.total_complete = e.card.total_complete;
    entry.computed_grade = e.card.computed_grade;
    entry.reported_grade = e.subject.reported_grade;
    if (entry.reported_grade.empty() && entry.reported_total) {
        entry.reported_grade = std::string(book_.grade_for(*entry.reported_total));
    }
    entry.execution_rate_percent = e.card.execution_rate_percent;
    entry.counts = summarize(std::span<const finding>(e.findings));

    // A declaration is never graded: it stays out of the grades and the execution rates.
    if (e.card.unscored != unscored_reason::declaration) {
        grade_slot(entry.computed_grade).computed += 1;
        if (entry.reported_total) {
            grade_slot(book_.grade_for(*entry.reported_total)).reported += 1;
        } else {
            grade_slot("").reported += 1;
        }
        out_.execution_rates[execution_rate_bucket(e.card.execution_rate)].forms += 1;
    }

    if (e.card.scorable) {  // an empty shell's 0 is no total: it stays out of the sum and the mean
        out_.computed_total_sum += e.card.computed_total;
        ++scored_;
    }
    if (auto b = amount_in_yuan(e.subject, funds_column::full_year_budget)) out_.budget_sum += *b;
    if (auto x = amount_in_yuan(e.subject, funds_column::executed)) out_.executed_sum += *x;
    out_.entries.push_back(std::move(entry));
    add_to_kinds(kinds_, e);
}

portfolio portfolio_builder::finish() && {
    portfolio out = std::move(out_);
    if (ids_.size() > 1 || (ids_.size() == 1 && ids_[0] != book_.id)) {
        out.rulebook_id.clear();
        for (const std::string& id : ids_) out.rulebook_id += (out.rulebook_id.empty() ? "" : " + ") + id;
        out.rulebook_version = "(by kind or layout family)";
    }
    out.forms = out.entries.size();
    if (scored_ > 0) {
        auto mean = divide(out.computed_total_sum, decimal(scored_), 2, rounding::half_away_from_zero);
        if (mean) out.computed_total_mean = *mean;
    }
    out.kinds = finish_kinds(kinds_);
    for (const auto& [code, count] : out.findings.findings_by_code) {
        code_count c;
        c.code = code;
        c.findings = count;
        if (auto it = out.findings.forms_by_code.find(code); it != out.findings.forms_by_code.end()) {
            c.forms = it->second;
        }
        if (const check_info* info = find_check(code)) {
            c.level = info->level;
            c.title_en = std::string(info->title_en);
            c.title_zh = std::string(info->title_zh);
        }
        out.findings_by_code.push_back(std::move(c));
    }
    std::stable_sort(out.findings_by_code.begin(), out.findings_by_code.end(),
                     [](const code_count& a, const code_count& b) {
                         if (a.findings != b.findings) return a.findings > b.findings;
                         return a.code < b.code;
                     });
    return out;
}

portfolio summarize(std::span<const evaluation> evaluations, const rulebook& book) {
    portfolio_builder builder(book);
    for (const evaluation& e : evaluations) builder.add(e);
    return std::move(builder).finish();
}

std::string_view to_string(group_by by) noexcept {
    switch (by) {
    case group_by::department: return "department";
    case group_by::implementing_unit: return "implementing_unit";
    case group_by::grade: return "grade";
    case group_by::file: return "file";
    case group_by::budget_unit: return "budget_unit";
    }
    return "department";
}

std::optional<group_by> group_by_from_string(std::string_view name) noexcept {
    if (name == "department" || name == "主管部门") return group_by::department;
    if (name == "implementing_unit" || name == "unit" || name == "实施单位") return group_by::implementing_unit;
    if (name == "grade" || name == "等级" || name == "评价等级") return group_by::grade;
    if (name == "file" || name == "source" || name == "文件") return group_by::file;
    if (name == "budget_unit" || name == "预算单位" || name == "单位") return group_by::budget_unit;
    return std::nullopt;
}

std::vector<portfolio_group> group_portfolio(std::span<const evaluation> evaluations, const portfolio& p, group_by by) {
    std::vector<portfolio_group> out;
    std::map<std::string, std::size_t> slot;
    const std::set<std::string> units = department_units(evaluations);
    auto key_of = [&](std::size_t i) -> std::string {
        const evaluation& e = evaluations[i];
        switch (by) {
        case group_by::budget_unit: return budget_unit_of(e.subject, units);
        case group_by::department: return e.subject.department;
        case group_by::implementing_unit: return e.subject.implementing_unit;
        case group_by::grade: return e.card.computed_grade;
        case group_by::file: return e.source;
        }
        return {};
    };
    if (by == group_by::grade) {  // every grade of the rulebook, in order, even when empty
        for (const grade_count& g : p.grades) {
            slot.emplace(g.grade, out.size());
            portfolio_group group;
            group.key = g.grade;
            out.push_back(std::move(group));
        }
    }
    std::map<std::size_t, kind_map> kinds;  // per group
    for (std::size_t i = 0; i < evaluations.size(); ++i) {
        const evaluation& e = evaluations[i];
        const std::string key = key_of(i);
        auto [it, inserted] = slot.try_emplace(key, out.size());
        if (inserted) {
            portfolio_group group;
            group.key = key;
            out.push_back(std::move(group));
        }
        portfolio_group& g = out[it->second];
        if (g.grades.empty()) g.grades.assign(p.grades.size(), 0);
        ++g.forms;
        if (e.card.scorable) {
            ++g.scorable;
            g.computed_total_sum += e.card.computed_total;
        }
        if (auto b = amount_in_yuan(e.subject, funds_column::full_year_budget)) g.budget_sum += *b;
        if (auto x = amount_in_yuan(e.subject, funds_column::executed)) g.executed_sum += *x;
        for (std::size_t k = 0; k < p.grades.size() && e.card.unscored != unscored_reason::declaration; ++k) {
            if (p.grades[k].grade == e.card.computed_grade || (k + 1 == p.grades.size() && e.card.computed_grade.empty())) {
                ++g.grades[k];
                break;
            }
        }
        const form_summary s = summarize(std::span<const finding>(e.findings));
        g.errors += s.errors;
        g.warnings += s.warnings;
        g.notices += s.notices;
        add_to_kinds(kinds[it->second], e);
    }
    for (std::size_t k = 0; k < out.size(); ++k) out[k].kinds = finish_kinds(kinds[k]);
    for (portfolio_group& g : out) {
        if (g.grades.empty()) g.grades.assign(p.grades.size(), 0);
        if (g.scorable > 0) {
            if (auto m = divide(g.computed_total_sum, decimal(g.scorable), 2, rounding::half_away_from_zero)) {
                g.computed_total_mean = *m;
            }
        }
        if (!g.budget_sum.is_zero() && !g.budget_sum.is_negative()) {
            if (auto r = divide(g.executed_sum * decimal(100), g.budget_sum, 2, rounding::half_away_from_zero)) {
                g.execution_rate_percent = *r;
            }
        }
    }
    if (by == group_by::department || by == group_by::implementing_unit || by == group_by::budget_unit) {
        std::stable_sort(out.begin(), out.end(), [](const portfolio_group& a, const portfolio_group& b) {
            if (a.key.empty() != b.key.empty()) return b.key.empty();  // blank last
            return a.key < b.key;
        });
    }
    return out;
}

}  // namespace jixiao
