// export_html.cpp — the self-contained HTML report: a portfolio page with inline SVG charts and
// one section per form in the official table layout, computed scores beside reported ones.
//
// Safety: every text that comes from a form goes through `escape_html` (element content and
// attribute values alike); the only markup is written here. A Content-Security-Policy meta tag
// forbids every network access (no external font, image, script or style can load). The one
// inline script only counts the rendered forms (a marker for tests and for the reader).
// Numbers: exact decimals printed with `to_string`; SVG coordinates are integers.
#include <jixiao/io/export.hpp>
#include <jixiao/io/export_stream.hpp>

#include "core/text_blanks.hpp"
#include "report/export_internal.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::io {

namespace {

namespace label = vocabulary::report;

std::string esc(std::string_view text) { return escape_html(text); }
std::string num(std::size_t n) { return std::to_string(n); }
std::string lbl(std::string_view zh) { return std::string(zh); }

constexpr std::string_view style = R"CSS(
:root{--ink:#1f2430;--muted:#6b7280;--line:#cfd4dc;--soft:#f5f6f8;--accent:#a61b1b;--accent2:#c2410c;
--ok:#15803d;--warn:#b45309;--err:#b91c1c;--note:#1d4ed8;--calc:#eef4ff;--diff:#fde8e8}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#eceef1;color:var(--ink);font:14px/1.55 "Noto Sans CJK SC","Source Han Sans SC",
"PingFang SC","Microsoft YaHei",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.page{max-width:1180px;margin:0 auto;padding:0 20px 40px}
header.top{background:linear-gradient(120deg,#7f1d1d 0%,#a61b1b 55%,#c2410c 100%);color:#fff;padding:28px 0 22px;
margin-bottom:22px;box-shadow:0 2px 8px rgba(0,0,0,.12)}
header.top .page{padding-bottom:0}
header.top h1{margin:0;font-size:28px;letter-spacing:.04em;font-weight:700}
header.top h1 small{font-size:15px;font-weight:400;opacity:.85;margin-left:12px;letter-spacing:0}
header.top .meta{margin-top:8px;opacity:.9;font-size:13px}
header.top .meta code{background:rgba(255,255,255,.16);padding:1px 6px;border-radius:4px;color:#fff}
.card{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(15,23,42,.08),0 1px 1px rgba(15,23,42,.04);
padding:18px 20px;margin-bottom:18px}
h2{font-size:19px;margin:4px 0 14px;letter-spacing:.02em}
h2 .en,h3 .en{color:var(--muted);font-weight:400;font-size:13px;margin-left:8px}
h3{font-size:15px;margin:18px 0 10px}
.kpis{display:grid;grid-template-columns:repeat(5,1fr);gap:14px;margin-bottom:18px}
.kpi{background:#fff;border-radius:10px;padding:14px 16px;box-shadow:0 1px 3px rgba(15,23,42,.08);
border-top:4px solid var(--accent)}
.kpi .v{font-size:26px;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.kpi .k{color:var(--muted);font-size:12px;margin-top:2px}
.kpi.err{border-top-color:var(--err)}.kpi.warn{border-top-color:var(--warn)}.kpi.ok{border-top-color:var(--ok)}
.kpi.note{border-top-color:var(--note)}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:18px}
.charts .card{margin-bottom:0}
.charts .wide{grid-column:1 / span 2}
.chart-title{font-weight:600;margin-bottom:6px}
.chart-title .en{color:var(--muted);font-weight:400;font-size:12px;margin-left:6px}
svg{display:block;max-width:100%;height:auto}
svg text{font-family:inherit}
.legend{font-size:12px;color:var(--muted);margin-top:4px}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px;vertical-align:-1px}
table{border-collapse:collapse;width:100%}
table.list th,table.list td{padding:7px 8px;border-bottom:1px solid #e6e8ec;text-align:left;vertical-align:top}
table.list th{font-size:12px;color:var(--muted);font-weight:600;background:var(--soft)}
table.list td.n,table.list th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.list tr:hover td{background:#fafbfc}
a{color:#9a1b1b;text-decoration:none}a:hover{text-decoration:underline}
.chip{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:600;white-space:nowrap}
.g-0{background:#dcfce7;color:#166534}.g-1{background:#dbeafe;color:#1e40af}.g-2{background:#fef3c7;color:#92400e}
.g-3{background:#fee2e2;color:#991b1b}.g-x{background:#e5e7eb;color:#374151}
.t-trusted{background:#dcfce7;color:#166534}.t-review{background:#fef3c7;color:#92400e}
.t-untrusted{background:#fee2e2;color:#991b1b}
.cnt{display:inline-block;min-width:22px;text-align:center;border-radius:4px;font-size:12px;font-weight:700;padding:0 4px;margin-right:2px}
.cnt.e{background:#fee2e2;color:#991b1b}.cnt.w{background:#fef3c7;color:#92400e}.cnt.n{background:#dbeafe;color:#1e40af}
.cnt.z{background:#f3f4f6;color:#9ca3af}
.delta{font-size:11px;font-weight:700;color:var(--err);white-space:nowrap}
section.form{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(15,23,42,.08);padding:20px 22px;margin:26px 0}
.form-head{display:flex;justify-content:space-between;align-items:flex-start;gap:16px;border-bottom:2px solid var(--accent);
padding-bottom:10px;margin-bottom:14px}
.form-head h2{margin:0;font-size:20px}
.form-head .no{color:var(--accent);margin-right:8px}
.form-head .sub{color:var(--muted);font-size:12px;margin-top:3px}
.form-head .badges{text-align:right;white-space:nowrap}
.score-big{font-size:26px;font-weight:700;font-variant-numeric:tabular-nums;line-height:1.1}
.score-big small{font-size:12px;color:var(--muted);font-weight:400}
.official-title{text-align:center;font-weight:700;font-size:16px;letter-spacing:.12em;margin:4px 0 2px}
.official-year{text-align:center;color:var(--muted);font-size:12px;margin-bottom:8px}
table.official{table-layout:fixed;font-size:13px}
table.official td,table.official th{border:1px solid #9aa3af;padding:5px 6px;vertical-align:middle;word-break:break-word}
table.official th{background:#f1f3f6;font-weight:600;text-align:center}
table.official td.l{background:#f7f8fa;font-weight:600;text-align:center}
table.official td.n{text-align:right;font-variant-numeric:tabular-nums}
table.official td.c{text-align:center}
table.official td.calc,table.official th.calc{background:var(--calc)}
table.official th.calc{color:#1e3a8a}
table.official td.calc.bad{background:var(--diff);box-shadow:inset 3px 0 0 var(--err)}
table.official tr.flag td.name{box-shadow:inset 3px 0 0 var(--warn)}
table.official td.ocr{background:#fff3c4;outline:2px dashed var(--warn);outline-offset:-3px}
table.official td.goal{white-space:pre-line;font-size:12.5px;line-height:1.6;vertical-align:top}
table.official td.name .fl{display:inline-block;margin-left:4px;font-size:10px;font-weight:700;color:#fff;background:var(--warn);
border-radius:8px;padding:0 5px;vertical-align:1px}
table.official td.name .fl.e{background:var(--err)}
.st{display:block;font-size:10.5px;color:var(--muted);font-weight:400;white-space:nowrap}
.st.manual,.st.not_scorable{color:var(--warn)}.st.out_of_band{color:var(--err)}
tr.total td{font-weight:700;background:#fbfbfc}
ol.findings{list-style:none;margin:0;padding:0}
ol.findings li{border:1px solid #e6e8ec;border-left:4px solid var(--note);border-radius:6px;padding:8px 12px;margin:8px 0;
background:#fff;page-break-inside:avoid;break-inside:avoid}
ol.findings li.error{border-left-color:var(--err);background:#fffafa}
ol.findings li.warning{border-left-color:var(--warn);background:#fffdf7}
.fh{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.sev{font-size:11px;font-weight:700;padding:1px 7px;border-radius:4px;color:#fff;background:var(--note)}
.sev.error{background:var(--err)}.sev.warning{background:var(--warn)}
.code{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12px;color:#374151;background:#f3f4f6;
padding:0 5px;border-radius:3px}
.loc{color:var(--muted);font-size:12px}
.msg{margin-top:3px}
.msg-en{color:var(--muted);font-size:12.5px}
.ev{margin-top:5px;display:flex;flex-wrap:wrap;gap:6px}
.ev span{font-size:11.5px;background:#f3f4f6;border-radius:4px;padding:1px 6px;color:#374151}
.ev b{font-weight:600;color:var(--muted);margin-right:4px}
.none{color:var(--ok);font-weight:600}
footer{color:var(--muted);font-size:12px;text-align:center;margin-top:30px}
.muted{color:var(--muted)}
@media (max-width:900px){.kpis{grid-template-columns:repeat(2,1fr)}.charts{grid-template-columns:1fr}.charts .wide{grid-column:auto}}
@media print{
 @page{size:A4;margin:12mm}
 body{background:#fff;font-size:11.5px}
 header.top{background:#fff;color:var(--ink);box-shadow:none;border-bottom:3px solid var(--accent);padding:0 0 8px}
 header.top .meta code{background:#f3f4f6;color:var(--ink)}
 .card,.kpi,section.form{box-shadow:none;border:1px solid #d1d5db}
 section.form{break-before:page;margin:0;padding:0;border:none}
 .page{max-width:none;padding:0}
 a{color:inherit}
 table.official{font-size:10.5px}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)CSS";

/// The inline script: counts the rendered forms and records the number in a marker element.
constexpr std::string_view script = R"JS(
(function(){var n=document.querySelectorAll('section.form').length;
var m=document.getElementById('jixiao-ready');m.setAttribute('data-forms-rendered',String(n));
m.textContent=n+' form'+(n===1?'':'s')+' rendered';})();
)JS";

std::string head(std::string_view title) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"jixiao\">\n";
    out += "<title>" + esc(title) + "</title>\n<style>" + std::string(style) + "</style>\n</head>\n";
    return out;
}

std::string grade_class(std::string_view grade, const portfolio* p) {
    if (grade.empty()) return "g-x";
    if (p) {
        for (std::size_t i = 0; i < p->grades.size() && i < 4; ++i) {
            if (p->grades[i].grade == grade) return "g-" + num(i);
        }
        return "g-x";
    }
    return "g-x";
}

std::string grade_chip(std::string_view grade, const portfolio* p) {
    if (grade.empty()) return "<span class=\"chip g-x\">—</span>";
    return "<span class=\"chip " + grade_class(grade, p) + "\">" + esc(grade) + "</span>";
}

std::string trust_chip(trust_level t) {
    return "<span class=\"chip t-" + std::string(to_string(t)) + "\">" + lbl(detail::trust_zh(t)) + " · " +
           std::string(to_string(t)) + "</span>";
}

std::string counts_html(const form_summary& c) {
    auto one = [](std::size_t n, const char* cls, const char* tip) {
        return "<span class=\"cnt " + std::string(n ? cls : "z") + "\" title=\"" + tip + "\">" + num(n) + "</span>";
    };
    return one(c.errors, "e", "errors") + one(c.warnings, "w", "warnings") + one(c.notices, "n", "notices");
}

// ---- SVG charts (integer coordinates) ---------------------------------------------------------

/// A "nice" upper bound for an axis showing counts up to `max`.
std::size_t axis_max(std::size_t max) {
    if (max <= 5) return std::max<std::size_t>(max, 1);
    std::size_t step = 1;
    while (max > step * 10) step *= 10;
    for (std::size_t m : {step * 2, step * 5, step * 10}) {
        if (m >= max && m % 5 == 0) return m;
    }
    return ((max + 4) / 5) * 5;
}

struct bar {
    std::string label;
    std::string sublabel;
    std::size_t value = 0;
    std::size_t value2 = 0;  // second series (grade chart: reported)
    std::string color;
};

/// A vertical bar chart; `two_series` draws `value` and `value2` side by side.
std::string column_chart(const std::vector<bar>& bars, bool two_series, std::string_view aria) {
    const std::size_t width = 520;
    const std::size_t height = 250;
    const std::size_t left = 40;
    const std::size_t right = 12;
    const std::size_t top = 18;
    const std::size_t bottom = 46;
    const std::size_t plot_w = width - left - right;
    const std::size_t plot_h = height - top - bottom;
    std::size_t max = 0;
    for (const bar& b : bars) max = std::max({max, b.value, two_series ? b.value2 : 0});
    const std::size_t top_value = axis_max(max);
    std::string out = "<svg viewBox=\"0 0 " + num(width) + " " + num(height) +
                      "\" role=\"img\" aria-label=\"" + esc(aria) + "\" xmlns=\"http://www.w3.org/2000/svg\">";
    const std::size_t ticks = top_value <= 5 ? top_value : 5;
    for (std::size_t t = 0; t <= ticks; ++t) {
        const std::size_t value = top_value * t / ticks;
        const std::size_t y = top + plot_h - plot_h * t / ticks;
        out += "<line x1=\"" + num(left) + "\" x2=\"" + num(width - right) + "\" y1=\"" + num(y) + "\" y2=\"" +
               num(y) + "\" stroke=\"" + (t == 0 ? "#9aa3af" : "#eceef1") + "\"/>";
        out += "<text x=\"" + num(left - 8) + "\" y=\"" + num(y + 4) +
               "\" text-anchor=\"end\" font-size=\"11\" fill=\"#6b7280\">" + num(value) + "</text>";
    }
    if (bars.empty()) return out + "</svg>";
    const std::size_t group = plot_w / bars.size();
    const std::size_t bar_w = two_series ? std::min<std::size_t>(group * 3 / 10, 46) : std::min<std::size_t>(group * 6 / 10, 64);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const bar& b = bars[i];
        const std::size_t cx = left + group * i + group / 2;
        auto draw = [&](std::size_t value, std::size_t x, const std::string& color, const std::string& tip) {
            const std::size_t h = plot_h * value / top_value;
            const std::size_t y = top + plot_h - h;
            out += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(bar_w) + "\" height=\"" + num(h) +
                   "\" rx=\"3\" fill=\"" + color + "\"><title>" + esc(tip) + "</title></rect>";
            out += "<text x=\"" + num(x + bar_w / 2) + "\" y=\"" + num(y - 5) +
                   "\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"700\" fill=\"#1f2430\">" + num(value) +
                   "</text>";
        };
        if (two_series) {
            draw(b.value, cx - bar_w - 2, b.color, b.label + ": " + num(b.value) + " computed");
            draw(b.value2, cx + 2, "#cbd5e1", b.label + ": " + num(b.value2) + " reported");
        } else {
            draw(b.value, cx - bar_w / 2, b.color, b.label + ": " + num(b.value));
        }
        out += "<text x=\"" + num(cx) + "\" y=\"" + num(top + plot_h + 18) +
               "\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"600\" fill=\"#1f2430\">" + esc(b.label) +
               "</text>";
        if (!b.sublabel.empty()) {
            out += "<text x=\"" + num(cx) + "\" y=\"" + num(top + plot_h + 34) +
                   "\" text-anchor=\"middle\" font-size=\"10.5\" fill=\"#6b7280\">" + esc(b.sublabel) + "</text>";
        }
    }
    return out + "</svg>";
}

std::string severity_color(severity s) {
    switch (s) {
    case severity::error: return "#b91c1c";
    case severity::warning: return "#d97706";
    case severity::notice: return "#3b82f6";
    }
    return "#6b7280";
}

/// Horizontal bars: one per finding code, coloured by severity.
std::string code_chart(const portfolio& p) {
    const std::size_t width = 1080;
    const std::size_t row_h = 26;
    const std::size_t label_w = 520;
    const std::size_t bar_max = 470;
    const std::size_t rows = p.findings_by_code.size();
    const std::size_t height = std::max<std::size_t>(rows, 1) * row_h + 10;
    std::size_t max = 1;
    for (const code_count& c : p.findings_by_code) max = std::max(max, c.findings);
    std::string out = "<svg viewBox=\"0 0 " + num(width) + " " + num(height) +
                      "\" role=\"img\" aria-label=\"Findings by code\" xmlns=\"http://www.w3.org/2000/svg\">";
    if (rows == 0) {
        out += "<text x=\"10\" y=\"22\" font-size=\"13\" fill=\"#15803d\">No findings.</text>";
    }
    for (std::size_t i = 0; i < rows; ++i) {
        const code_count& c = p.findings_by_code[i];
        const std::size_t y = 5 + i * row_h;
        const std::size_t w = std::max<std::size_t>(bar_max * c.findings / max, 3);
        out += "<text x=\"" + num(label_w - 10) + "\" y=\"" + num(y + 17) +
               "\" text-anchor=\"end\" font-size=\"12\" fill=\"#1f2430\">" + esc(c.title_zh) +
               " <tspan fill=\"#6b7280\" font-family=\"ui-monospace,DejaVu Sans Mono,monospace\" font-size=\"11\">" +
               esc(c.code) + "</tspan></text>";
        out += "<rect x=\"" + num(label_w) + "\" y=\"" + num(y + 4) + "\" width=\"" + num(w) + "\" height=\"" +
               num(row_h - 8) + "\" rx=\"3\" fill=\"" + severity_color(c.level) + "\"><title>" + esc(c.code) + ": " +
               num(c.findings) + " findings in " + num(c.forms) + " forms</title></rect>";
        out += "<text x=\"" + num(label_w + w + 6) + "\" y=\"" + num(y + 17) +
               "\" font-size=\"12\" font-weight=\"700\" fill=\"#1f2430\">" + num(c.findings) +
               "<tspan font-weight=\"400\" fill=\"#6b7280\"> · " + num(c.forms) + " forms</tspan></text>";
    }
    return out + "</svg>";
}

std::string grade_chart(const portfolio& p) {
    static constexpr std::array<std::string_view, 4> colors{"#15803d", "#2563eb", "#d97706", "#b91c1c"};
    std::vector<bar> bars;
    for (std::size_t i = 0; i < p.grades.size(); ++i) {
        const grade_count& g = p.grades[i];
        if (g.grade.empty() && g.computed == 0 && g.reported == 0) continue;
        bar b;
        b.label = g.grade.empty() ? "—" : g.grade;
        b.value = g.computed;
        b.value2 = g.reported;
        b.color = std::string(i < colors.size() && !g.grade.empty() ? colors[i] : "#6b7280");
        bars.push_back(std::move(b));
    }
    return column_chart(bars, true, "Grade distribution");
}

std::string rate_chart(const portfolio& p) {
    static constexpr std::array<std::string_view, 8> colors{"#b91c1c", "#dc2626", "#ea580c", "#d97706",
                                                            "#65a30d", "#15803d", "#7c3aed", "#9ca3af"};
    std::vector<bar> bars;
    for (std::size_t i = 0; i < p.execution_rates.size(); ++i) {
        const rate_bucket& r = p.execution_rates[i];
        if (i == 7 && r.forms == 0) continue;  // "unknown" only when it happens
        bar b;
        b.label = r.label;
        b.value = r.forms;
        b.color = std::string(colors[std::min<std::size_t>(i, 7)]);
        bars.push_back(std::move(b));
    }
    return column_chart(bars, false, "Execution-rate distribution");
}

// ---- the portfolio page -------------------------------------------------------------------------

std::string kpi(std::string_view value, std::string_view key, std::string_view cls) {
    return "<div class=\"kpi " + std::string(cls) + "\"><div class=\"v\">" + std::string(value) +
           "</div><div class=\"k\">" + std::string(key) + "</div></div>";
}

std::string format_yuan(const decimal& d) {
    format_spec spec;
    spec.places = 2;
    spec.thousands = true;
    return d.format(spec);
}

/// One row of a kinds table (the kinds of a group, or of the whole batch).
std::string kind_row(const std::string& group, const kind_summary& k) {
    std::string mean = k.computed_total_mean ? k.computed_total_mean->to_string()
                       : is_declaration(k.kind) ? std::string("not scored · 不评分")
                                                : std::string("—");
    return "<tr data-kind=\"" + std::string(to_string(k.kind)) + "\"><td>" + esc(group) + "</td><td>" +
           esc(std::string(chinese_name(k.kind))) + " <span class=\"muted\">" + std::string(to_string(k.kind)) +
           "</span></td><td class=\"n\">" + num(k.forms) + "</td><td class=\"n\">" + num(k.scored) + "</td><td class=\"n\">" +
           mean + "</td><td class=\"n\">" + format_yuan(k.initial_budget_sum) + "</td><td class=\"n\">" +
           format_yuan(k.budget_sum) + "</td><td class=\"n\">" + format_yuan(k.executed_sum) + "</td></tr>";
}

/// The forms by kind (shown when the batch holds more than project self-evaluations).
std::string kinds_card(const portfolio& p) {
    if (p.kinds.size() < 2 && (p.kinds.empty() || p.kinds.front().kind == form_kind::project_self_evaluation)) return {};
    std::string out = "<div class=\"card\" id=\"kinds\"><div class=\"chart-title\">按表类<span class=\"en\">Forms by kind"
                      "</span></div><table class=\"list\"><thead><tr><th></th><th>kind · 表类</th><th class=\"n\">forms · 表数</th>"
                      "<th class=\"n\">scored · 评分</th><th class=\"n\">mean total · 平均核算总分</th><th class=\"n\">requested / "
                      "initial · 年初预算 (元)</th><th class=\"n\">budget · 预算 (元)</th><th class=\"n\">executed · 执行 (元)</th>"
                      "</tr></thead><tbody>";
    for (const kind_summary& k : p.kinds) out += kind_row("all · 全部", k);
    return out + "</tbody></table></div>\n";
}

/// The portfolio by group (`summary --by`): forms per group as a chart, then the table.
std::string groups_card(const portfolio& p) {
    if (!p.grouped_by || p.groups.empty()) return {};
    static constexpr std::array<std::string_view, 5> titles_zh{"按主管部门", "按实施单位", "按评价等级", "按文件", "按预算单位"};
    const auto by = static_cast<std::size_t>(*p.grouped_by);
    std::vector<bar> bars;
    for (const portfolio_group& g : p.groups) {
        bar b;
        b.label = g.key.empty() ? "（未填）" : g.key;
        b.value = g.forms;
        b.color = "#2563eb";
        bars.push_back(std::move(b));
    }
    std::string out = "<div class=\"card\" id=\"groups\" data-by=\"" + std::string(to_string(*p.grouped_by)) +
                      "\"><div class=\"chart-title\">" + std::string(titles_zh[by]) + "<span class=\"en\">Portfolio by " +
                      esc(std::string(to_string(*p.grouped_by))) + "</span></div>" + column_chart(bars, false, "Forms per group");
    out += "<table class=\"list\"><thead><tr><th>group · 分组</th><th class=\"n\">forms · 表数</th><th class=\"n\">mean "
           "total · 平均核算总分</th><th class=\"n\">budget · 预算 (元)</th><th class=\"n\">executed · 执行 (元)</th><th "
           "class=\"n\">rate · 执行率</th>";
    for (const grade_count& g : p.grades) out += "<th class=\"n\">" + esc(g.grade.empty() ? std::string("—") : g.grade) + "</th>";
    out += "<th class=\"n\">E / W / N</th></tr></thead><tbody>";
    for (const portfolio_group& g : p.groups) {
        out += "<tr><td>" + esc(g.key.empty() ? std::string("（未填）") : g.key) + "</td><td class=\"n\">" + num(g.forms) +
               "</td><td class=\"n\">" + (g.computed_total_mean ? g.computed_total_mean->to_string() : std::string("—")) +
               "</td><td class=\"n\">" + format_yuan(g.budget_sum) + "</td><td class=\"n\">" + format_yuan(g.executed_sum) +
               "</td><td class=\"n\">" +
               (g.execution_rate_percent ? g.execution_rate_percent->to_string() + "%" : std::string("—")) + "</td>";
        for (std::size_t k = 0; k < g.grades.size(); ++k) out += "<td class=\"n\">" + num(g.grades[k]) + "</td>";
        out += "<td class=\"n\">" + num(g.errors) + " / " + num(g.warnings) + " / " + num(g.notices) + "</td></tr>";
    }
    out += "</tbody></table>";
    // Kinds side by side: each group's department form, project forms, declarations ...
    out += "<table class=\"list\" id=\"group-kinds\"><thead><tr><th>group · 分组</th><th>kind · 表类</th><th class=\"n\">forms · "
           "表数</th><th class=\"n\">scored · 评分</th><th class=\"n\">mean total · 平均核算总分</th><th class=\"n\">requested "
           "/ initial · 年初预算 (元)</th><th class=\"n\">budget · 预算 (元)</th><th class=\"n\">executed · 执行 (元)</th></tr></thead><tbody>";
    for (const portfolio_group& g : p.groups) {
        for (const kind_summary& k : g.kinds) out += kind_row(g.key.empty() ? std::string("（未填）") : g.key, k);
    }
    out += "</tbody></table></div>\n";
    return out;
}

/// Writes the portfolio page to `os` (one row per form, a row at a time).
void portfolio_page(std::ostream& os, const portfolio& p) {
    std::string out;
    // Key figures.
    out += "<div class=\"kpis\">";
    out += kpi(num(p.forms), "forms · 自评表", "");
    out += kpi(p.computed_total_mean ? p.computed_total_mean->to_string() : "—", "mean computed total · 平均核算总分", "ok");
    std::string rate = "—";
    if (!p.budget_sum.is_zero()) {
        if (auto r = divide(p.executed_sum * decimal(100), p.budget_sum, 2, rounding::half_away_from_zero)) {
            rate = r->to_string() + "%";
        }
    }
    out += kpi(rate, "overall execution · 总体执行率 (" + format_yuan(p.executed_sum) + " / " +
                         format_yuan(p.budget_sum) + " 元)", "note");
    out += kpi(num(p.findings.errors) + " <small style=\"font-size:14px;color:#6b7280\">/ " + num(p.findings.warnings) +
                   " / " + num(p.findings.notices) + "</small>",
               "findings: errors / warnings / notices", "err");
    out += kpi(num(p.findings.forms_by_trust[2]) + " <small style=\"font-size:14px;color:#6b7280\">/ " +
                   num(p.findings.forms_by_trust[1]) + " / " + num(p.findings.forms_by_trust[0]) + "</small>",
               "forms untrusted / review / trusted", "warn");
    out += "</div>\n";
    if (!p.files_not_read.empty()) {
        out += "<div class=\"card\" id=\"files-not-read\"><div class=\"chart-title\">未读取的文件<span class=\"en\">Files not "
               "read: " + num(p.files_not_read.size()) + "</span></div><table class=\"list\"><thead><tr><th>file · 文件</th><th>why · "
               "原因</th></tr></thead><tbody>";
        for (const unread_file& u : p.files_not_read) {
            out += "<tr><td><code>" + esc(u.source) + "</code></td><td>" + esc(u.reason) + "</td></tr>";
        }
        out += "</tbody></table></div>\n";
    }
    out += kinds_card(p);
    out += groups_card(p);

    // Charts.
    out += "<div class=\"charts\">";
    out += "<div class=\"card\"><div class=\"chart-title\">等级分布<span class=\"en\">Grade distribution</span></div>" +
           grade_chart(p) +
           "<div class=\"legend\"><i style=\"background:#15803d\"></i>computed (核算)<i style=\"background:#cbd5e1\"></i>"
           "reported (填报)</div></div>";
    out += "<div class=\"card\"><div class=\"chart-title\">预算执行率分布<span class=\"en\">Execution-rate distribution "
           "(全年执行数 / 全年预算数)</span></div>" +
           rate_chart(p) + "<div class=\"legend\">forms per bucket; buckets are [lower, upper)</div></div>";
    out += "<div class=\"card wide\"><div class=\"chart-title\">审核发现（按类型）<span class=\"en\">Findings by code</span></div>" +
           code_chart(p) +
           "<div class=\"legend\"><i style=\"background:#b91c1c\"></i>error<i style=\"background:#d97706\"></i>warning"
           "<i style=\"background:#3b82f6\"></i>notice</div></div>";
    out += "</div>\n";

    // One line per form.
    out += "<div class=\"card\" style=\"margin-top:18px\"><h2>" + lbl(label::portfolio) +
           "<span class=\"en\">Forms</span></h2><table class=\"list\"><thead><tr><th class=\"n\">#</th><th>" +
           lbl(label::project_name) + "</th><th>" + lbl(label::department) + "</th><th class=\"n\">" +
           lbl(label::execution_rate) + "</th><th class=\"n\">" + lbl(label::reported_score) +
           "</th><th class=\"n\">" + lbl(label::computed_score) + "</th><th>" + lbl(label::grade) +
           "</th><th>findings</th><th>trust</th></tr></thead><tbody>";
    os << out;
    for (const portfolio_entry& e : p.entries) {
        out.clear();
        const std::string name = detail::display_name(e.project_name, e.index);
        out += "<tr data-kind=\"" + std::string(to_string(e.kind)) + "\"><td class=\"n\">" + num(e.index + 1) +
               "</td><td><a href=\"#form-" + num(e.index + 1) + "\">" + esc(name) + "</a>" +
               (e.kind == form_kind::project_self_evaluation ? std::string()
                                                             : " <span class=\"muted\">" + esc(std::string(chinese_name(e.kind))) + "</span>") +
               "</td><td class=\"muted\">" + esc(e.department) + "</td><td class=\"n\">" +
               (e.execution_rate_percent ? e.execution_rate_percent->to_string() + "%" : std::string("—")) +
               "</td><td class=\"n\">" + esc(detail::number_text(e.reported_total, "—")) + "</td><td class=\"n\">" +
               esc(detail::total_or_why(e));
        if (e.scored && e.reported_total && *e.reported_total != e.computed_total) {
            out += " <span class=\"delta\">Δ " + detail::signed_text(e.computed_total - *e.reported_total) + "</span>";
        }
        out += "</td><td>" + grade_chip(e.computed_grade, &p);
        if (!e.reported_grade.empty() && e.reported_grade != e.computed_grade) {
            out += " <span class=\"muted\" title=\"reported grade\">(" + esc(e.reported_grade) + ")</span>";
        }
        out += "</td><td>" + counts_html(e.counts) + "</td><td>" + trust_chip(e.counts.trust) + "</td></tr>";
        os << out;
    }
    os << "</tbody></table></div>\n";
}

// ---- one form in the official layout --------------------------------------------------------------

std::string computed_cell(const score_line& line, const char* extra_class = "") {
    std::string cls = "n calc";
    if (detail::differs(line)) cls += " bad";
    if (*extra_class) cls += std::string(" ") + extra_class;
    std::string tip = std::string(describe(line.reason));
    if (!line.trace.empty()) tip += "\n" + line.trace.formula;
    std::string out = "<td class=\"" + cls + "\" title=\"" + esc(tip) + "\">";
    out += line.computed ? line.computed->to_string() : std::string("—");
    if (detail::differs(line)) out += "<span class=\"delta\" style=\"display:block\">Δ " + detail::signed_text(*line.difference) + "</span>";
    std::string status(to_string(line.status));
    std::string status_text = status;
    std::replace(status_text.begin(), status_text.end(), '_', ' ');
    // The status is shown only where the engine did not simply compute the score.
    if (line.status != line_status::computed) out += "<span class=\"st " + status + "\">" + esc(status_text) + "</span>";
    out += "</td>";
    return out;
}

std::string finding_location(const finding& fd, const form& f) {
    std::string where = fd.block;
    if (fd.indicator && *fd.indicator < f.indicators.size()) {
        where = "indicator " + num(*fd.indicator + 1) + " · " + f.indicators[*fd.indicator].name;
    }
    if (!fd.field.empty()) where += " · " + fd.field;
    if (const std::string place = place_text(fd.where); !place.empty()) where += " · " + place;  // p. 3 or line 12
    return where;
}

std::string findings_html(const evaluation& e) {
    const form_summary counts = summarize(std::span<const finding>(e.findings));
    std::string out = "<h3>" + lbl(label::findings) + "<span class=\"en\">Findings: " + num(counts.errors) +
                      " errors, " + num(counts.warnings) + " warnings, " + num(counts.notices) + " notices</span></h3>";
    if (e.findings.empty()) return out + "<p class=\"none\">✓ No findings.</p>";
    out += "<ol class=\"findings\">";
    for (const finding& fd : e.findings) {
        const std::string sev(to_string(fd.level));
        out += "<li class=\"" + sev + "\" data-code=\"" + esc(fd.code) + "\"><div class=\"fh\"><span class=\"sev " + sev +
               "\">" + lbl(detail::severity_zh(fd.level)) + " " + sev + "</span><span class=\"code\">" + esc(fd.code) +
               "</span><span class=\"loc\">" + esc(finding_location(fd, e.subject)) + "</span></div>";
        out += "<div class=\"msg\">" + esc(fd.message_zh) + "</div><div class=\"msg-en\">" + esc(fd.message_en) + "</div>";
        if (!fd.evidence.empty()) {
            out += "<div class=\"ev\">";
            for (const auto& [key, value] : fd.evidence) {
                out += "<span><b>" + esc(key) + "</b>" + esc(value) + "</span>";
            }
            out += "</div>";
        }
        out += "</li>";
    }
    return out + "</ol>";
}

/// Number of consecutive indicators from `i` with the same text in `level` (1 or 2); level 2
/// runs also stop where level 1 changes.
std::size_t run_length(const form& f, std::size_t i, int level) {
    std::size_t n = 1;
    while (i + n < f.indicators.size()) {
        const indicator& a = f.indicators[i];
        const indicator& b = f.indicators[i + n];
        if (a.level1_text != b.level1_text) break;
        if (level == 2 && a.level2_text != b.level2_text) break;
        ++n;
    }
    return n;
}

/// The cells of a form that OCR read with low confidence or repaired (`ocr.uncertain`
/// findings): their text, by the indicator row they are in (`none` for the funds and the
/// header), so that the form's page highlights exactly the cells to check against the scan.
class ocr_marks {
public:
    static constexpr std::size_t none = static_cast<std::size_t>(-1);

    explicit ocr_marks(const evaluation& e) {
        for (const finding& fd : e.findings) {
            if (fd.code != "ocr.uncertain") continue;
            const std::string_view text = fd.evidence_value("text");
            std::string tip = "OCR: " + std::string(fd.evidence_value("message"));
            if (tip.size() == 5) tip = "OCR: " + fd.message_en;
            marks_.push_back({fd.indicator.value_or(none), std::string(text), std::move(tip)});
        }
    }

    /// ` ocr" title="…` to close a td's class list with, or empty when the cell is not marked.
    /// An empty cell is marked only when OCR found ink in it but read no text.
    [[nodiscard]] std::string attributes(std::size_t row, std::string_view text) const {
        for (const mark& m : marks_) {
            if (m.row != row || m.text != jixiao::detail::text::trim(text)) continue;
            if (m.text.empty() && row == none) continue;  // an unread cell outside the indicators: no way to tell which
            return " ocr\" title=\"" + esc(m.tip);
        }
        return {};
    }

    /// ` class="ocr" title="…"` for a td without classes, or empty when the cell is not marked.
    [[nodiscard]] std::string attribute(std::size_t row, std::string_view text) const {
        std::string a = attributes(row, text);
        return a.empty() ? a : " class=\"" + a.substr(1) + "\"";
    }

    /// `<td class="CLASS">TEXT</td>`, highlighted when marked.
    [[nodiscard]] std::string cell(std::string_view cls, std::size_t row, std::string_view text) const {
        return "<td class=\"" + std::string(cls) + attributes(row, text) + "\">" + esc(text) + "</td>";
    }

private:
    struct mark {
        std::size_t row;
        std::string text;
        std::string tip;
    };
    std::vector<mark> marks_;
};

std::string form_section(const evaluation& e, std::size_t index, const portfolio* p) {
    const form& f = e.subject;
    const ocr_marks ocr(e);
    constexpr std::size_t head_rows = ocr_marks::none;
    const scorecard& card = e.card;
    const form_summary counts = summarize(std::span<const finding>(e.findings));
    std::vector<std::size_t> flags(f.indicators.size(), 0);
    std::vector<bool> flag_error(f.indicators.size(), false);
    for (const finding& fd : e.findings) {
        if (fd.indicator && *fd.indicator < flags.size()) {
            flags[*fd.indicator] += 1;
            if (fd.level == severity::error) flag_error[*fd.indicator] = true;
        }
    }

    std::string out = "<section class=\"form\" id=\"form-" + num(index + 1) + "\" data-form-index=\"" + num(index + 1) +
                      "\" data-trust=\"" + std::string(to_string(counts.trust)) + "\">";
    // Heading: name, department, source; total and badges on the right.
    out += "<div class=\"form-head\"><div><h2><span class=\"no\">" + num(index + 1) + "</span><span class=\"project-name\">" +
           esc(detail::display_name(f, index)) + "</span></h2><div class=\"sub\">" + esc(f.department);
    if (!f.implementing_unit.empty() && f.implementing_unit != f.department) out += " · " + esc(f.implementing_unit);
    if (!e.source.empty()) out += " · source " + esc(e.source);
    if (const std::string place = place_text(f.where); !place.empty()) out += ", " + esc(place);
    out += " · rulebook " + esc(card.rulebook_id) + "</div></div><div class=\"badges\"><div class=\"score-big\">" +
           esc(detail::total_or_why(card)) + " <small>/ " + esc(f.total_score.text.empty() ? "—" : f.total_score.text) +
           " reported</small></div><div style=\"margin-top:6px\">" + grade_chip(card.computed_grade, p) + " " +
           trust_chip(counts.trust) + " " + counts_html(counts) + "</div></div></div>";

    out += "<div class=\"official-title\">" + esc(f.title.empty() ? label::form_title : std::string_view(f.title)) + "</div>";
    if (f.kind != form_kind::project_self_evaluation) {
        out += "<div class=\"official-year\" data-kind=\"" + std::string(to_string(f.kind)) + "\">" + esc(detail::kind_text(f.kind)) + "</div>";
    }
    if (f.year) out += "<div class=\"official-year\">（" + num(static_cast<std::size_t>(*f.year)) + " " + lbl(label::year_suffix) + "）</div>";

    // The official table: 9 columns (the printed 8 plus 核算得分 after 得分).
    out += "<table class=\"official\"><colgroup><col style=\"width:9%\"><col style=\"width:10%\"><col style=\"width:17%\">"
           "<col style=\"width:11%\"><col style=\"width:11%\"><col style=\"width:7%\"><col style=\"width:8%\">"
           "<col style=\"width:10%\"><col style=\"width:17%\"></colgroup><tbody>";
    out += "<tr><td class=\"l\">" + lbl(label::project_name) + "</td><td colspan=\"8\"" +
           ocr.attribute(head_rows, f.project_name) + ">" + esc(f.project_name) + "</td></tr>";
    out += "<tr><td class=\"l\">" + lbl(label::department) + "</td><td colspan=\"3\"" +
           ocr.attribute(head_rows, f.department) + ">" + esc(f.department) + "</td><td class=\"l\">" +
           lbl(label::implementing_unit) + "</td><td colspan=\"4\"" + ocr.attribute(head_rows, f.implementing_unit) +
           ">" + esc(f.implementing_unit) + "</td></tr>";

    // Funds.
    const std::string_view unit = f.money.unit == money_unit::yuan ? label::yuan : label::ten_thousand_yuan;
    out += "<tr><td class=\"l\" rowspan=\"5\">" + lbl(label::funds) + "<br>（" + lbl(unit) + "）</td><th></th><th>" +
           lbl(label::initial_budget) + "</th><th>" + lbl(label::full_year_budget) + "</th><th>" + lbl(label::executed) +
           "</th><th>" + lbl(label::weight) + "</th><th>" + lbl(label::execution_rate) + "</th><th>" + lbl(label::score) +
           "</th><th class=\"calc\">" + lbl(label::computed_score) + "</th></tr>";
    const std::string_view row_labels[] = {label::funds_total, label::current_appropriation, label::prior_carryover,
                                           label::other_funds};
    for (std::size_t r = 0; r < 4; ++r) {
        const auto row = static_cast<funds_row>(r);
        out += "<tr><td class=\"l\">" + lbl(row_labels[r]) + "</td>";
        for (std::size_t c = 0; c < 3; ++c) out += ocr.cell("n", head_rows, f.money.at(row, static_cast<funds_column>(c)).text);
        for (std::size_t c = 0; c < 3; ++c) {
            out += ocr.cell("n", head_rows, f.money.scoring_at(row, static_cast<funds_score_column>(c)).text);
        }
        if (row == funds_row::total) {
            out += computed_cell(card.execution);
            if (card.execution_rate_percent) {
                // The computed rate, beside the computed score.
                out.insert(out.size() - 5, "<span class=\"st\">" + lbl(label::execution_rate) + " " +
                                               card.execution_rate_percent->to_string() + "%</span>");
            }
        } else {
            out += "<td class=\"calc\"></td>";
        }
        out += "</tr>";
    }

    // Goal.
    out += "<tr><td class=\"l\" rowspan=\"2\">" + lbl(label::annual_goal) + "</td><th colspan=\"4\">" +
           lbl(label::expected_goal) + "</th><th colspan=\"4\">" + lbl(label::achieved_goal) + "</th></tr>";
    out += "<tr><td class=\"goal\" colspan=\"4\">" + esc(f.annual_goal.expected) + "</td><td class=\"goal\" colspan=\"4\">" +
           esc(f.annual_goal.achieved) + "</td></tr>";

    // Indicators.
    out += "<tr><th>" + lbl(label::level1) + "</th><th>" + lbl(label::level2) + "</th><th>" + lbl(label::level3) +
           "</th><th>" + lbl(label::target) + "</th><th>" + lbl(label::actual) + "</th><th>" + lbl(label::weight) +
           "</th><th>" + lbl(label::score) + "</th><th class=\"calc\">" + lbl(label::computed_score) + "</th><th>" +
           lbl(label::deviation_note) + "</th></tr>";
    std::size_t level1_left = 0;
    std::size_t level2_left = 0;
    for (std::size_t i = 0; i < f.indicators.size(); ++i) {
        const indicator& ind = f.indicators[i];
        const score_line* line = i < card.indicators.size() ? &card.indicators[i] : nullptr;
        out += std::string("<tr") + (flags[i] ? " class=\"flag\"" : "") + " data-indicator=\"" + num(i + 1) + "\">";
        if (level1_left == 0) {
            level1_left = run_length(f, i, 1);
            out += "<td class=\"l\" rowspan=\"" + num(level1_left) + "\">" + esc(ind.level1_text) + "</td>";
        }
        if (level2_left == 0) {
            level2_left = run_length(f, i, 2);
            out += "<td class=\"c\" rowspan=\"" + num(level2_left) + "\">" + esc(ind.level2_text) + "</td>";
        }
        --level1_left;
        --level2_left;
        out += "<td class=\"name" + ocr.attributes(i, ind.name) + "\">" + esc(ind.name);
        if (flags[i]) {
            out += "<span class=\"fl" + std::string(flag_error[i] ? " e" : "") + "\" title=\"findings\">" + num(flags[i]) + "</span>";
        }
        out += "</td>" + ocr.cell("c", i, ind.target.text) + ocr.cell("c", i, ind.actual.text) + ocr.cell("n", i, ind.weight.text) +
               ocr.cell("n", i, ind.score.text);
        out += line ? computed_cell(*line) : std::string("<td class=\"calc\"></td>");
        out += "<td>" + esc(ind.deviation_note) + "</td></tr>";
    }

    // Total.
    const bool total_differs = card.total_difference && !card.total_difference->is_zero();
    out += "<tr class=\"total\"><td class=\"l\" colspan=\"5\">" + lbl(label::total) + "</td>" +
           ocr.cell("n", head_rows, f.total_weight.text) + ocr.cell("n", head_rows, f.total_score.text) + "<td class=\"n calc" +
           (total_differs ? " bad" : "") + "\">" + esc(detail::total_or_why(card));
    if (total_differs) out += "<span class=\"delta\" style=\"display:block\">Δ " + detail::signed_text(*card.total_difference) + "</span>";
    if (!card.total_complete && card.scorable) out += "<span class=\"st manual\">incomplete</span>";
    out += "</td><td>" + lbl(label::grade) + " " + grade_chip(card.computed_grade, p);
    if (!f.reported_grade.empty()) out += " <span class=\"muted\">(" + esc(f.reported_grade) + " reported)</span>";
    out += "</td></tr>";
    if (!f.notes.empty()) {
        out += "<tr><td class=\"l\">" + lbl(label::notes) + "</td><td class=\"goal\" colspan=\"8\">" + esc(f.notes) + "</td></tr>";
    }
    out += "</tbody></table>";

    out += findings_html(e);
    out += "</section>\n";
    return out;
}

std::string top_header(std::string_view title, std::string_view meta) {
    return "<header class=\"top\"><div class=\"page\"><h1>绩效自评审核报告<small>" + esc(title) +
           "</small></h1><div class=\"meta\">" + std::string(meta) + "</div></div></header>\n";
}

std::string footer(const html_options& options) {
    std::string gen = options.generator.empty() ? std::string("jixiao") : options.generator;
    return "<footer>Generated by " + esc(gen) +
           ". Computed scores are exact decimals recomputed under the rulebook; reported numbers are shown as "
           "printed. Hover a computed score for its formula.<br><span id=\"jixiao-ready\" data-forms=\"\"></span></footer>\n";
}

}  // namespace

namespace {

/// Writes the report before the form sections to `os`: head, title, key figures, portfolio page.
void report_head(std::ostream& os, std::size_t forms, std::span<const std::string> sources, const portfolio& p,
                 const html_options& options) {
    const std::string title =
        options.title.empty() ? "Performance self-evaluation audit: " + num(forms) + " forms" : options.title;
    std::string out = head(title);
    out += "<body data-forms=\"" + num(forms) + "\">\n";
    std::string meta = num(forms) + " forms · rulebook <code>" + esc(p.rulebook_id) + "</code> " + esc(p.rulebook_version);
    if (!sources.empty()) {
        meta += " · source ";
        for (std::size_t i = 0; i < sources.size() && i < 4; ++i) meta += (i ? ", <code>" : "<code>") + esc(sources[i]) + "</code>";
        if (sources.size() > 4) meta += " and " + num(sources.size() - 4) + " more";
    }
    out += top_header(title, meta);
    out += "<main class=\"page\">\n";
    os << out;
    if (options.portfolio_page) portfolio_page(os, p);
}

std::string report_tail(const html_options& options) {
    return footer(options) + "</main>\n<script>" + std::string(script) + "</script>\n</body>\n</html>\n";
}

void add_source(std::vector<std::string>& sources, const std::string& source) {
    if (!source.empty() && std::find(sources.begin(), sources.end(), source) == sources.end()) sources.push_back(source);
}

}  // namespace

std::string html_report(std::span<const evaluation> evaluations, const portfolio& p, const html_options& options) {
    std::vector<std::string> sources;
    for (const evaluation& e : evaluations) add_source(sources, e.source);
    std::ostringstream os;
    report_head(os, evaluations.size(), sources, p, options);
    for (std::size_t i = 0; i < evaluations.size(); ++i) os << form_section(evaluations[i], i, &p);
    os << report_tail(options);
    return std::move(os).str();
}

html_report_writer::html_report_writer(std::ostream& out, const rulebook& book, const html_options& options)
    : out_(out), options_(options) {
    // What a form section reads of the portfolio: the grade names, in the rulebook's order.
    for (const grade_band& band : book.grades) grades_.grades.push_back(grade_count{band.name, 0, 0});
    grades_.grades.push_back(grade_count{"", 0, 0});
}

std::string html_report_writer::render(const evaluation& e, std::size_t index) const {
    return form_section(e, index, &grades_);
}

void html_report_writer::take(std::string_view text, const evaluation& e) {
    add_source(sources_, e.source);
    body_.write(text);
}

std::optional<error> html_report_writer::finish(const portfolio& p) {
    report_head(out_, added(), sources_, p, options_);
    if (auto e = body_.copy_to(out_)) return e;
    out_ << report_tail(options_);
    out_.flush();
    if (!out_) return error{errc::io_error, 0, {}, "writing the HTML report failed"};
    return std::nullopt;
}

std::string html_form(const evaluation& e, const html_options& options) {
    const std::string title = options.title.empty() ? detail::display_name(e.subject, 0) : options.title;
    std::string out = head(title);
    out += "<body data-forms=\"1\">\n";
    out += top_header(title, "rulebook <code>" + esc(e.card.rulebook_id) + "</code> " + esc(e.card.rulebook_version));
    out += "<main class=\"page\">\n" + form_section(e, 0, nullptr) + footer(options) + "</main>\n<script>" +
           std::string(script) + "</script>\n</body>\n</html>\n";
    return out;
}

}  // namespace jixiao::io
