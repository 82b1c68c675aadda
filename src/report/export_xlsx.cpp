// export_xlsx.cpp — evaluations as an Excel workbook (libxlsxwriter): forms, scored indicator
// lines, findings and the portfolio summary, one sheet each, headers in Chinese or English.
//
// Numbers: a cell holds an exact decimal as an Excel number (the one float conversion, for the
// output cell only: docs/cli.md) with a number format of exactly its places, so the displayed
// text is the exact decimal; a decimal of more than 15 significant digits (beyond what a
// double holds) is written as text instead. Text is always written as a string, never as a
// formula (`=SUM(...)` in a form stays text).
#include <jixiao/io/export.hpp>

#include "report/export_internal.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <deque>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/export_internal.hpp"

namespace jixiao::io {

namespace {

constexpr std::size_t max_string_bytes = 32767;  // Excel's limit on the text of a cell
constexpr int max_exact_digits = 15;             // significant digits a double keeps exactly

struct header {
    std::string_view zh;
    std::string_view en;
};

/// One value of a row: text, or an exact number.
struct value {
    std::string text;
    bool number = false;
    static value of(std::string t) { return {std::move(t), false}; }
    static value num(const std::optional<decimal>& d) {
        if (!d) return {};
        return {d->to_string(), true};
    }
    static value count(std::size_t n) { return {std::to_string(n), true}; }
};

/// The `source_line` cell: the line number, or the text `p. 3` for a PDF; empty when unknown.
value source_line(const source_location& w) {
    if (w.page != 0) return value::of(place_text(w));
    return w.line != 0 ? value::count(w.line) : value{};
}

/// Display width of a text in Excel's units: CJK and full-width characters count two.
double display_width(std::string_view s) {
    double width = 0;
    double line = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        if (s[i] == '\n') {
            width = std::max(width, line);
            line = 0;
        } else {
            line += len >= 3 ? 2.0 : 1.0;
        }
        i += len;
    }
    return std::max(width, line);
}

/// Significant digits of plain decimal text.
int significant_digits(std::string_view t) {
    int n = 0;
    bool leading = true;
    for (const char c : t) {
        if (c < '0' || c > '9') continue;
        if (leading && c == '0') continue;
        leading = false;
        ++n;
    }
    return n;
}

class workbook_writer {
public:
    explicit workbook_writer(const std::string& path) {
        lxw_workbook_options options{};
        options.constant_memory = LXW_FALSE;
        wb_ = workbook_new_opt(path.c_str(), &options);
        if (wb_ == nullptr) return;
        header_ = workbook_add_format(wb_);
        format_set_bold(header_);
        format_set_bg_color(header_, 0xDDEBF7);
        format_set_text_wrap(header_);
        text_ = workbook_add_format(wb_);
        format_set_text_wrap(text_);
        format_set_align(text_, LXW_ALIGN_VERTICAL_TOP);
    }
    workbook_writer(const workbook_writer&) = delete;
    workbook_writer& operator=(const workbook_writer&) = delete;
    ~workbook_writer() {
        if (wb_ != nullptr && !closed_) workbook_close(wb_);
    }

    [[nodiscard]] bool ok() const noexcept { return wb_ != nullptr && status_ == LXW_NO_ERROR; }

    void sheet(std::string_view name, const std::vector<header>& headers, bool english,
               const std::vector<std::vector<value>>& rows) {
        if (wb_ == nullptr) return;
        lxw_worksheet* ws = workbook_add_worksheet(wb_, std::string(name).c_str());
        if (ws == nullptr) {
            status_ = LXW_ERROR_MEMORY_MALLOC_FAILED;
            return;
        }
        std::vector<double> widths(headers.size(), 6.0);
        for (std::size_t c = 0; c < headers.size(); ++c) {
            const std::string h(english ? headers[c].en : headers[c].zh);
            check(worksheet_write_string(ws, 0, column(c), h.c_str(), header_));
            widths[c] = std::max(widths[c], display_width(h) + 2);
        }
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const auto row = static_cast<lxw_row_t>(r + 1);
            for (std::size_t c = 0; c < rows[r].size() && c < headers.size(); ++c) {
                const value& v = rows[r][c];
                if (v.text.empty()) continue;
                widths[c] = std::max(widths[c], std::min(display_width(v.text) + 2, 60.0));
                if (v.number && write_number(ws, row, column(c), v.text)) continue;
                const std::string t = clip(v.text);
                check(worksheet_write_string(ws, row, column(c), t.c_str(), text_));
            }
        }
        for (std::size_t c = 0; c < headers.size(); ++c) {
            check(worksheet_set_column(ws, column(c), column(c), widths[c], nullptr));
        }
        worksheet_freeze_panes(ws, 1, 0);
        if (!rows.empty()) {
            check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows.size()), column(headers.size() - 1)));
        }
    }

    lxw_error close() {
        if (wb_ == nullptr) return LXW_ERROR_CREATING_XLSX_FILE;
        closed_ = true;
        const lxw_error e = workbook_close(wb_);
        return status_ != LXW_NO_ERROR ? status_ : e;
    }

private:
    static lxw_col_t column(std::size_t c) { return static_cast<lxw_col_t>(c); }

    static std::string clip(const std::string& t) {
        if (t.size() <= max_string_bytes) return t;
        std::size_t end = max_string_bytes - 3;
        while (end > 0 && (static_cast<unsigned char>(t[end]) & 0xC0) == 0x80) --end;
        return t.substr(0, end) + "\xE2\x80\xA6";  // …
    }

    /// Writes `text` (plain decimal) as a number showing exactly its places; false when it has
    /// more significant digits than a double keeps (the caller writes it as text).
    bool write_number(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& text) {
        if (significant_digits(text) > max_exact_digits) return false;
        double d = 0;
        const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
        if (ec != std::errc() || ptr != text.data() + text.size()) return false;
        const std::size_t point = text.find('.');
        const std::size_t places = point == std::string::npos ? 0 : text.size() - point - 1;
        check(worksheet_write_number(ws, row, col, d, number_format(places)));
        return true;
    }

    lxw_format* number_format(std::size_t places) {
        auto it = number_formats_.find(places);
        if (it != number_formats_.end()) return it->second;
        lxw_format* f = workbook_add_format(wb_);
        const std::string code = places == 0 ? "0" : "0." + std::string(places, '0');
        format_set_num_format(f, code.c_str());
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        number_formats_.emplace(places, f);
        return f;
    }

    void check(lxw_error e) {
        if (e != LXW_NO_ERROR && status_ == LXW_NO_ERROR) status_ = e;
    }

    lxw_workbook* wb_ = nullptr;
    lxw_format* header_ = nullptr;
    lxw_format* text_ = nullptr;
    std::map<std::size_t, lxw_format*> number_formats_;
    lxw_error status_ = LXW_NO_ERROR;
    bool closed_ = false;
};


std::string yes_no(bool b, bool english) {
    if (english) return b ? "yes" : "no";
    return b ? "是" : "否";
}

}  // namespace

std::optional<error> write_xlsx(const std::filesystem::path& path, std::span<const evaluation> evaluations,
                                const portfolio& p, const xlsx_options& options) {
    const bool en = options.english;
    workbook_writer w(path.string());

    // Forms: one row per form (the portfolio entries).
    std::vector<std::vector<value>> forms;
    for (const portfolio_entry& e : p.entries) {
        // An unscored form (a declaration, an empty shell) has no total: its cell says why.
        forms.push_back({value::count(e.index + 1), value::of(e.source), value::of(e.project_name), value::of(e.department),
                         value::num(e.reported_total),
                         e.scored ? value::num(e.computed_total) : value::of(detail::unscored_text(e.unscored)),
                         value::of(yes_no(e.total_complete, en)),
                         value::of(e.reported_grade), value::of(e.computed_grade), value::num(e.execution_rate_percent),
                         value::count(e.counts.errors), value::count(e.counts.warnings), value::count(e.counts.notices),
                         value::of(std::string(to_string(e.counts.trust))),
                         value::of(std::string(en ? to_string(e.kind) : chinese_name(e.kind)))});
    }
    w.sheet(en ? "forms" : "表单",
            {{"序号", "form"}, {"来源文件", "source"}, {"项目名称", "project_name"}, {"主管部门", "department"},
             {"自评总分", "reported_total"}, {"复核总分", "computed_total"}, {"总分完整", "total_complete"},
             {"自评等级", "reported_grade"}, {"复核等级", "computed_grade"}, {"预算执行率(%)", "execution_rate_percent"},
             {"错误", "errors"}, {"警告", "warnings"}, {"提示", "notices"}, {"可信度", "trust"}, {"表类", "kind"}},
            en, forms);

    // Indicators: one row per scored line (the execution line first), as the scorecard CSV.
    std::vector<std::vector<value>> lines;
    for (std::size_t i = 0; i < evaluations.size(); ++i) {
        const evaluation& e = evaluations[i];
        const form& f = e.subject;
        auto add = [&](const score_line& line) {
            std::vector<value> row{value::count(i + 1), value::of(e.source), value::of(f.project_name)};
            if (line.is_execution()) {
                row.insert(row.end(), {value::of(en ? "execution" : "预算执行"), value::of(""), value::of(""),
                                       value::of(std::string(vocabulary::report::execution_line)),
                                       value::of(f.money.at(funds_row::total, funds_column::full_year_budget).text),
                                       value::of(f.money.at(funds_row::total, funds_column::executed).text)});
            } else {
                const indicator* ind = line.index < f.indicators.size() ? &f.indicators[line.index] : nullptr;
                row.push_back(value::count(line.index + 1));
                row.push_back(value::of(ind ? ind->level1_text : ""));
                row.push_back(value::of(ind ? ind->level2_text : ""));
                row.push_back(value::of(ind ? ind->name : ""));
                row.push_back(value::of(ind ? ind->target.text : ""));
                row.push_back(value::of(ind ? ind->actual.text : ""));
            }
            row.push_back(value::num(line.weight));
            row.push_back(line.reported_score.value ? value::num(line.reported_score.value) : value::of(line.reported_score.text));
            row.push_back(value::num(line.computed));
            row.push_back(value::num(line.difference));
            row.push_back(value::num(line.counted));
            row.push_back(value::of(std::string(to_string(line.status))));
            row.push_back(value::of(std::string(to_string(line.reason))));
            row.push_back(value::of(std::string(to_string(line.result))));
            row.push_back(value::num(detail::deviation_percent(line)));
            row.push_back(value::of(yes_no(line.over_achieved, en)));
            row.push_back(value::of(line.is_execution() || line.index >= f.indicators.size()
                                        ? std::string()
                                        : f.indicators[line.index].deviation_note));
            lines.push_back(std::move(row));
        };
        add(e.card.execution);
        for (const score_line& line : e.card.indicators) add(line);
    }
    w.sheet(en ? "indicators" : "指标得分",
            {{"序号", "form"}, {"来源文件", "source"}, {"项目名称", "project_name"}, {"行", "line"},
             {"一级指标", "level1"}, {"二级指标", "level2"}, {"三级指标", "indicator"}, {"年度指标值", "target"},
             {"实际完成值", "actual"}, {"分值", "weight"}, {"自评得分", "reported_score"}, {"复核得分", "computed_score"},
             {"差额", "difference"}, {"计入总分", "counted"}, {"状态", "status"}, {"原因", "reason"},
             {"结果", "outcome"}, {"偏差(%)", "deviation_percent"}, {"超额完成", "over_achieved"},
             {"偏差原因分析及改进措施", "deviation_note"}},
            en, lines);

    // Findings: one row per finding.
    std::vector<std::vector<value>> findings;
    for (std::size_t i = 0; i < evaluations.size(); ++i) {
        const evaluation& e = evaluations[i];
        for (const finding& fd : e.findings) {
            std::string evidence;
            for (const auto& [key, v] : fd.evidence) {
                if (!evidence.empty()) evidence += "; ";
                evidence += key + "=" + v;
            }
            const bool known = fd.indicator && *fd.indicator < e.subject.indicators.size();
            findings.push_back({value::count(i + 1), value::of(e.source), value::of(e.subject.project_name),
                                value::of(fd.code), value::of(std::string(to_string(fd.level))), value::of(fd.block),
                                fd.indicator ? value::count(*fd.indicator + 1) : value{},
                                value::of(known ? e.subject.indicators[*fd.indicator].name : std::string()),
                                value::of(fd.field), source_line(fd.where),
                                value::of(en ? fd.message_en : fd.message_zh), value::of(evidence)});
        }
    }
    w.sheet(en ? "findings" : "问题",
            {{"序号", "form"}, {"来源文件", "source"}, {"项目名称", "project_name"}, {"代码", "code"},
             {"严重程度", "severity"}, {"部分", "block"}, {"指标序号", "indicator"}, {"指标名称", "indicator_name"},
             {"字段", "field"}, {"源文件行", "source_line"}, {"说明", "message"}, {"依据", "evidence"}},
            en, findings);

    // Portfolio summary: key / value / count rows.
    std::vector<std::vector<value>> summary;
    auto put = [&](std::string_view zh, std::string_view english, value v) {
        summary.push_back({value::of(std::string(en ? english : zh)), std::move(v), value{}});
    };
    put("评分规则", "rulebook", value::of(p.rulebook_id + " " + p.rulebook_version));
    put("表单数", "forms", value::count(p.forms));
    put("复核总分合计", "computed_total_sum", value::num(p.computed_total_sum));
    put("复核总分平均", "computed_total_mean", value::num(p.computed_total_mean));
    put("全年预算数合计(元)", "budget_sum_yuan", value::num(p.budget_sum));
    put("全年执行数合计(元)", "executed_sum_yuan", value::num(p.executed_sum));
    for (const kind_summary& k : p.kinds) {
        summary.push_back({value::of((en ? "kind " + std::string(to_string(k.kind)) : "表类 " + std::string(chinese_name(k.kind))) +
                                     (en ? " (forms / scored)" : "（表数 / 评分）")),
                           value::count(k.forms), value::count(k.scored)});
    }
    for (const grade_count& g : p.grades) {
        summary.push_back({value::of((en ? "grade " : "等级 ") + (g.grade.empty() ? std::string("—") : g.grade)),
                           value::count(g.computed), value::count(g.reported)});
    }
    for (const rate_bucket& b : p.execution_rates) {
        summary.push_back({value::of((en ? "execution rate " : "预算执行率 ") + b.label), value::count(b.forms), value{}});
    }
    for (const code_count& c : p.findings_by_code) {
        summary.push_back({value::of(c.code + " " + (en ? c.title_en : c.title_zh)), value::count(c.findings),
                           value::count(c.forms)});
    }
    w.sheet(en ? "portfolio" : "汇总", {{"项目", "item"}, {"数值", "value"}, {"自评 / 表单数", "reported / forms"}}, en,
            summary);

    // The portfolio by group (`summary --by`): one row per group, as portfolio_groups_to_csv.
    if (p.grouped_by) {
        std::deque<std::string> names;  // the grade headers: header holds views
        std::vector<header> headers{
            {detail::group_by_zh(*p.grouped_by), to_string(*p.grouped_by)},
            {"表数", "forms"}, {"可评分表数", "scorable"}, {"平均复核总分", "computed_total_mean"},
            {"全年预算数合计(元)", "budget_sum_yuan"}, {"全年执行数合计(元)", "executed_sum_yuan"},
            {"预算执行率(%)", "execution_rate_percent"}};
        for (const grade_count& g : p.grades) {
            const std::string& zh = names.emplace_back("等级" + (g.grade.empty() ? std::string("（无）") : g.grade));
            const std::string& english = names.emplace_back("grade_" + (g.grade.empty() ? std::string("none") : g.grade));
            headers.push_back({zh, english});
        }
        headers.push_back({"错误", "errors"});
        headers.push_back({"警告", "warnings"});
        headers.push_back({"提示", "notices"});
        std::vector<std::vector<value>> groups;
        for (const portfolio_group& g : p.groups) {
            std::vector<value> row{value::of(g.key), value::count(g.forms), value::count(g.scorable),
                                   value::num(g.computed_total_mean), value::num(g.budget_sum), value::num(g.executed_sum),
                                   value::num(g.execution_rate_percent)};
            for (std::size_t n : g.grades) row.push_back(value::count(n));
            row.push_back(value::count(g.errors));
            row.push_back(value::count(g.warnings));
            row.push_back(value::count(g.notices));
            groups.push_back(std::move(row));
        }
        w.sheet(en ? "groups" : "分组", headers, en, groups);
    }

    const lxw_error e = w.close();
    if (e != LXW_NO_ERROR) {
        return error{errc::io_error, 0, path.string(),
                     std::string("cannot write the Excel workbook: ") + lxw_strerror(e)};
    }
    return std::nullopt;
}

}  // namespace jixiao::io
