// audit.cpp — the audit driver: runs the check families (src/audit_*.cpp; each family skips
// what does not apply to the form's kind, and declarations get their own), fills the
// messages from the catalogue (src/audit/audit_catalogue.cpp), sorts the findings, summarises them
// and writes them as JSON. Also the goal-text similarity (character-bigram Dice, exact).
#include <jixiao/audit.hpp>
#include <jixiao/detail/utf8.hpp>
#include <jixiao/vocabulary.hpp>

#include "audit/audit_internal.hpp"
#include "core/text_blanks.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <tuple>

namespace jixiao {

std::string_view to_string(severity s) noexcept {
    switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::notice: return "notice";
    }
    return "unknown";
}

std::optional<severity> severity_from_string(std::string_view name) noexcept {
    for (severity s : {severity::error, severity::warning, severity::notice}) {
        if (to_string(s) == name) return s;
    }
    return std::nullopt;
}

std::string_view to_string(trust_level t) noexcept {
    switch (t) {
    case trust_level::trusted: return "trusted";
    case trust_level::review: return "review";
    case trust_level::untrusted: return "untrusted";
    }
    return "unknown";
}

namespace audit_detail {

std::string_view trim(std::string_view s) noexcept { return detail::text::trim(s); }

std::string fill(std::string_view text, const evidence_list& evidence) {
    std::string out;
    out.reserve(text.size() + 32);
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            std::size_t close = text.find('}', i + 1);
            if (close != std::string_view::npos) {
                std::string_view name = text.substr(i + 1, close - i - 1);
                auto it = std::find_if(evidence.begin(), evidence.end(),
                                       [&](const auto& kv) { return kv.first == name; });
                if (it != evidence.end()) {
                    out += it->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i];
        ++i;
    }
    return out;
}

std::string_view field_zh(std::string_view id) noexcept {
    for (const auto& f : vocabulary::audit_field_names) {
        if (f.id == id) return f.zh;
    }
    return id;
}

std::string_view field_en(std::string_view id) noexcept {
    for (const auto& f : vocabulary::audit_field_names) {
        if (f.id == id) return f.en;
    }
    return id;
}

std::string percent_text(const exact_ratio& r, int places, rounding mode) {
    return divide(r.numerator * decimal{100}, r.denominator, places, mode).value_or_throw().to_string();
}

void context::emit(std::string_view code, std::string_view block, std::optional<std::size_t> indicator,
                   std::string field, evidence_list evidence) const {
    out.push_back(make_finding(code, f, block, indicator, std::move(field), std::move(evidence)));
}

bool is_bound(comparator op) noexcept {
    return op == comparator::greater_equal || op == comparator::greater || op == comparator::less_equal ||
           op == comparator::less || op == comparator::approximately;
}

bool restates_target(const indicator& ind) {
    if (!ind.target.value || !ind.actual.value) return false;
    const value_expr& t = *ind.target.value;
    const value_expr& a = *ind.actual.value;
    if (t.kind != value_kind::quantity || a.kind != value_kind::quantity) return false;
    if (!is_bound(t.op) || a.op != t.op) return false;
    if (compare(a.amount, t.amount) == std::strong_ordering::equal) return true;
    // One side lost its unit (`>=90` vs `>=90%`): the same digits still restate the promise.
    bool one_bare = a.amount.in.symbol().empty() != t.amount.in.symbol().empty();
    return one_bare && a.amount.number == t.amount.number;
}

}  // namespace audit_detail

namespace {

int block_rank(std::string_view block) noexcept {
    constexpr std::string_view order[] = {"form", "funds", "goal", "indicators", "total", "import"};
    for (std::size_t i = 0; i < std::size(order); ++i) {
        if (order[i] == block) return static_cast<int>(i);
    }
    return static_cast<int>(std::size(order));
}

/// Code points of `text` without whitespace, at most `similarity_max_chars` of them. Invalid
/// UTF-8 bytes count as one character each (their byte value), so nothing is skipped.
std::vector<char32_t> letters(std::string_view text) {
    std::vector<char32_t> out;
    std::size_t pos = 0;
    while (pos < text.size() && out.size() < similarity_max_chars) {
        detail::utf8::decoded d = detail::utf8::decode(text, pos);
        if (d.length == 0) {
            out.push_back(static_cast<char32_t>(0x110000u + static_cast<unsigned char>(text[pos])));
            ++pos;
            continue;
        }
        pos += d.length;
        char32_t c = d.code_point;
        if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' || c == 0x3000 ||
            c == 0xA0) {
            continue;
        }
        out.push_back(c);
    }
    return out;
}

std::vector<std::uint64_t> bigrams(const std::vector<char32_t>& s) {
    std::vector<std::uint64_t> out;
    if (s.size() == 1) out.push_back(static_cast<std::uint64_t>(s[0]) << 32);
    for (std::size_t i = 1; i < s.size(); ++i) {
        out.push_back((static_cast<std::uint64_t>(s[i - 1]) << 32) | static_cast<std::uint64_t>(s[i]));
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

exact_ratio text_similarity(std::string_view a, std::string_view b) {
    std::vector<std::uint64_t> x = bigrams(letters(a));
    std::vector<std::uint64_t> y = bigrams(letters(b));
    if (x.empty() && y.empty()) return exact_ratio{decimal{1}, decimal{1}};
    if (x.empty() || y.empty()) return exact_ratio{decimal{0}, decimal{1}};
    std::size_t common = 0;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < x.size() && j < y.size()) {
        if (x[i] == y[j]) {
            ++common;
            ++i;
            ++j;
        } else if (x[i] < y[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return exact_ratio{decimal{2 * common}, decimal{x.size() + y.size()}};
}

finding make_finding(std::string_view code, const form& subject, std::string_view block,
                     std::optional<std::size_t> indicator, std::string field, audit_detail::evidence_list evidence) {
    const check_info* info = find_check(code);
    JIXIAO_EXPECTS(info != nullptr);
    finding fd;
    fd.code = std::string(code);
    fd.level = info->level;
    fd.block = std::string(block);
    fd.indicator = indicator;
    fd.field = std::move(field);
    fd.where = subject.where;
    if (indicator && *indicator < subject.indicators.size()) {
        const jixiao::indicator& ind = subject.indicators[*indicator];
        fd.where = ind.where;
        evidence.insert(evidence.begin(), {"indicator_name", ind.name});
    }
    fd.message_zh = audit_detail::fill(info->message_zh, evidence);
    fd.message_en = audit_detail::fill(info->message_en, evidence);
    fd.evidence = std::move(evidence);
    return fd;
}

void sort_findings(std::vector<finding>& findings) {
    std::stable_sort(findings.begin(), findings.end(), [](const finding& l, const finding& r) {
        auto key = [](const finding& x) {
            return std::make_tuple(static_cast<int>(x.level), block_rank(x.block), x.indicator.has_value(),
                                   x.indicator.value_or(0), std::string_view(x.field), std::string_view(x.code));
        };
        return key(l) < key(r);
    });
}

std::vector<finding> audit(const form& f, const scorecard& card, const rulebook& book,
                           std::span<const io::import_note> notes) {
    std::vector<finding> out;
    audit_detail::context c{f, card, book, out};
    audit_detail::check_hygiene(c, notes);
    audit_detail::check_arithmetic(c);
    audit_detail::check_rule_fit(c);
    audit_detail::check_evidence(c);
    if (is_declaration(f.kind)) audit_detail::check_declaration(c);
    sort_findings(out);
    return out;
}

std::vector<finding> audit(const form& f, const rulebook& book, std::span<const io::import_note> notes) {
    return audit(f, score(f, book), book, notes);
}

form_summary summarize(std::span<const finding> findings) {
    form_summary s;
    for (const finding& fd : findings) {
        switch (fd.level) {
        case severity::error: ++s.errors; break;
        case severity::warning: ++s.warnings; break;
        case severity::notice: ++s.notices; break;
        }
    }
    s.trust = trust_for(s.errors, s.warnings);
    return s;
}

trust_level trust_for(std::size_t errors, std::size_t warnings) noexcept {
    return errors > 0 ? trust_level::untrusted : (warnings > 0 ? trust_level::review : trust_level::trusted);
}

void add_to_summary(portfolio_summary& p, std::span<const finding> findings) {
    ++p.forms;
    form_summary s = summarize(findings);
    p.errors += s.errors;
    p.warnings += s.warnings;
    p.notices += s.notices;
    ++p.forms_by_trust[static_cast<std::size_t>(s.trust)];
    std::vector<std::string_view> seen;
    for (const finding& fd : findings) {
        ++p.findings_by_code[fd.code];
        if (std::find(seen.begin(), seen.end(), fd.code) == seen.end()) {
            seen.push_back(fd.code);
            ++p.forms_by_code[fd.code];
        }
    }
}

portfolio_summary summarize_portfolio(std::span<const std::vector<finding>> per_form) {
    portfolio_summary p;
    for (const std::vector<finding>& findings : per_form) add_to_summary(p, findings);
    return p;
}

namespace {

using ojson = nlohmann::ordered_json;

ojson location_json(const source_location& w) {
    ojson j = ojson::object();
    if (!w.file.empty()) j["file"] = w.file;
    if (w.line != 0) j["line"] = w.line;
    if (w.row != 0) j["row"] = w.row;
    if (w.column != 0) j["column"] = w.column;
    if (w.page != 0) j["page"] = w.page;
    return j;
}

std::string dump(const ojson& j, int indent) {
    return j.dump(indent < 0 ? -1 : indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string findings_to_json(std::span<const finding> findings, int indent) {
    form_summary s = summarize(findings);
    ojson doc = ojson::object();
    doc["format"] = "jixiao.findings";
    doc["version"] = 1;
    doc["summary"] = ojson{{"errors", s.errors}, {"warnings", s.warnings}, {"notices", s.notices},
                           {"trust", std::string(to_string(s.trust))}};
    ojson list = ojson::array();
    for (const finding& fd : findings) {
        ojson j = ojson::object();
        j["code"] = fd.code;
        j["severity"] = std::string(to_string(fd.level));
        j["block"] = fd.block;
        if (fd.indicator) {
            j["indicator"] = *fd.indicator + 1;  // the indicator's 1-based number, as every report prints it
        } else {
            j["indicator"] = nullptr;
        }
        j["field"] = fd.field;
        j["where"] = location_json(fd.where);
        j["message_zh"] = fd.message_zh;
        j["message_en"] = fd.message_en;
        ojson ev = ojson::object();
        for (const auto& [k, v] : fd.evidence) ev[k] = v;
        j["evidence"] = std::move(ev);
        list.push_back(std::move(j));
    }
    doc["findings"] = std::move(list);
    return dump(doc, indent);
}

std::string to_json(const portfolio_summary& p, int indent) {
    ojson doc = ojson::object();
    doc["format"] = "jixiao.portfolio_findings";
    doc["version"] = 1;
    doc["forms"] = p.forms;
    doc["errors"] = p.errors;
    doc["warnings"] = p.warnings;
    doc["notices"] = p.notices;
    doc["forms_by_trust"] = ojson{{"trusted", p.forms_by_trust[0]}, {"review", p.forms_by_trust[1]},
                                  {"untrusted", p.forms_by_trust[2]}};
    ojson by_code = ojson::object();
    for (const auto& [code, n] : p.findings_by_code) {
        auto it = p.forms_by_code.find(code);
        by_code[code] = ojson{{"findings", n}, {"forms", it == p.forms_by_code.end() ? 0 : it->second}};
    }
    doc["codes"] = std::move(by_code);
    return dump(doc, indent);
}

}  // namespace jixiao
