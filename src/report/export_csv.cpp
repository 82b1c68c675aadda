// export_csv.cpp — CSV of scorecards (one row per scored line), findings (one row per finding)
// and portfolios (one row per form). RFC 4180: CRLF line ends, every field through `csv_field`
// (quoted when needed, formula-neutralised). Columns are documented in docs/cli.md.
#include <jixiao/io/export.hpp>
#include <jixiao/io/export_stream.hpp>
#include <jixiao/detail/utf8.hpp>

#include "report/export_internal.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jixiao::io {

namespace {

void append_row(std::string& out, const std::vector<std::string>& fields) {
    bool first = true;
    for (const std::string& f : fields) {
        if (!first) out += ',';
        first = false;
        out += csv_field(f);
    }
    out += "\r\n";
}

std::string start(const csv_options& options) {
    return options.bom ? std::string(jixiao::detail::utf8::bom) : std::string();
}

/// The header row: the English names, or their Chinese names (`csv_options::chinese_headers`).
void append_header(std::string& out, const std::vector<std::pair<std::string, std::string>>& columns,
                   const csv_options& options) {
    std::vector<std::string> names;
    names.reserve(columns.size());
    for (const auto& [en, zh] : columns) names.push_back(options.chinese_headers ? zh : en);
    append_row(out, names);
}

std::string bool_text(bool b) { return b ? "true" : "false"; }

std::string index_text(std::size_t i) { return std::to_string(i + 1); }

/// The `source_line` cell: the line number, or `p. 3` for a PDF (whose running row numbers mean
/// nothing on paper); empty when unknown.
std::string source_line(const source_location& w) {
    if (w.page != 0) return place_text(w);
    return w.line != 0 ? std::to_string(w.line) : std::string();
}

}  // namespace

namespace {

void scorecards_header(std::string& out, const csv_options& options) {
    append_header(out,
                  {{"source", "来源文件"}, {"form", "序号"}, {"project_name", "项目名称"}, {"line", "行"},
                   {"level1", "一级指标"}, {"level2", "二级指标"}, {"indicator", "三级指标"}, {"target", "年度指标值"},
                   {"actual", "实际完成值"}, {"weight", "分值"}, {"reported_score", "自评得分"},
                   {"computed_score", "复核得分"}, {"difference", "差额"}, {"counted", "计入总分"}, {"status", "状态"},
                   {"reason", "原因"}, {"outcome", "结果"}, {"deviation_percent", "偏差(%)"},
                   {"over_achieved", "超额完成"}, {"deviation_note", "偏差原因分析及改进措施"}, {"rulebook", "评分规则"}},
                  options);
}

/// The rows of evaluation `e`, the `i`th (0-based) of its batch.
void scorecard_rows(std::string& out, const evaluation& e, std::size_t i) {
    const form& f = e.subject;
    auto write_line = [&](const score_line& line) {
        std::vector<std::string> row{e.source, index_text(i), f.project_name};
        if (line.is_execution()) {
            row.insert(row.end(), {"execution", "", "", std::string(vocabulary::report::execution_line),
                                   f.money.at(funds_row::total, funds_column::full_year_budget).text,
                                   f.money.at(funds_row::total, funds_column::executed).text});
        } else {
            const indicator* ind = line.index < f.indicators.size() ? &f.indicators[line.index] : nullptr;
            row.push_back(index_text(line.index));
            row.push_back(ind ? ind->level1_text : "");
            row.push_back(ind ? ind->level2_text : "");
            row.push_back(ind ? ind->name : "");
            row.push_back(ind ? ind->target.text : "");
            row.push_back(ind ? ind->actual.text : "");
        }
        row.push_back(detail::number_text(line.weight));
        row.push_back(line.reported_score.text);
        row.push_back(detail::number_text(line.computed));
        row.push_back(detail::number_text(line.difference));
        row.push_back(detail::number_text(line.counted));
        row.push_back(std::string(to_string(line.status)));
        row.push_back(std::string(to_string(line.reason)));
        row.push_back(std::string(to_string(line.result)));
        row.push_back(detail::number_text(detail::deviation_percent(line)));
        row.push_back(bool_text(line.over_achieved));
        row.push_back(line.is_execution() || line.index >= f.indicators.size()
                          ? std::string()
                          : f.indicators[line.index].deviation_note);
        row.push_back(e.card.rulebook_id);
        append_row(out, row);
    };
    write_line(e.card.execution);
    for (const score_line& line : e.card.indicators) write_line(line);
}

void findings_header(std::string& out, const csv_options& options) {
    append_header(out,
                  {{"source", "来源文件"}, {"form", "序号"}, {"project_name", "项目名称"}, {"code", "代码"},
                   {"severity", "严重程度"}, {"block", "部分"}, {"indicator", "指标序号"}, {"indicator_name", "指标名称"},
                   {"field", "字段"}, {"source_line", "源文件行"}, {"message_zh", "说明"}, {"message_en", "说明(英文)"},
                   {"evidence", "依据"}},
                  options);
}

void finding_rows(std::string& out, const evaluation& e, std::size_t i) {
    for (const finding& fd : e.findings) {
        std::string evidence;
        for (const auto& [key, value] : fd.evidence) {
            if (!evidence.empty()) evidence += "; ";
            evidence += key;
            evidence += '=';
            evidence += value;
        }
        std::string indicator_name;
        if (fd.indicator && *fd.indicator < e.subject.indicators.size()) {
            indicator_name = e.subject.indicators[*fd.indicator].name;
        }
        append_row(out, {e.source, index_text(i), e.subject.project_name, fd.code,
                         std::string(to_string(fd.level)), fd.block,
                         fd.indicator ? index_text(*fd.indicator) : std::string(), indicator_name,
                         fd.field, source_line(fd.where),
                         fd.message_zh, fd.message_en, evidence});
    }
}

}  // namespace

std::string scorecards_to_csv(std::span<const evaluation> evaluations, const csv_options& options) {
    std::string out = start(options);
    scorecards_header(out, options);
    for (std::size_t i = 0; i < evaluations.size(); ++i) scorecard_rows(out, evaluations[i], i);
    return out;
}

std::string findings_to_csv(std::span<const evaluation> evaluations, const csv_options& options) {
    std::string out = start(options);
    findings_header(out, options);
    for (std::size_t i = 0; i < evaluations.size(); ++i) finding_rows(out, evaluations[i], i);
    return out;
}

findings_csv_writer::findings_csv_writer(std::ostream& out, const csv_options& options) : out_(out), options_(options) {
    std::string head = start(options_);
    findings_header(head, options_);
    out_ << head;
}

std::string findings_csv_writer::render(const evaluation& e, std::size_t index) const {
    std::string rows;
    finding_rows(rows, e, index);
    return rows;
}

void findings_csv_writer::take(std::string_view text, const evaluation&) { out_ << text; }

std::optional<error> findings_csv_writer::finish(const portfolio&) {
    out_.flush();
    if (!out_) return error{errc::io_error, 0, {}, "writing the findings CSV failed"};
    return std::nullopt;
}

scorecards_csv_writer::scorecards_csv_writer(std::ostream& out, const csv_options& options)
    : out_(out), options_(options) {
    std::string head = start(options_);
    scorecards_header(head, options_);
    out_ << head;
}

std::string scorecards_csv_writer::render(const evaluation& e, std::size_t index) const {
    std::string rows;
    scorecard_rows(rows, e, index);
    return rows;
}

void scorecards_csv_writer::take(std::string_view text, const evaluation&) { out_ << text; }

std::optional<error> scorecards_csv_writer::finish(const portfolio&) {
    out_.flush();
    if (!out_) return error{errc::io_error, 0, {}, "writing the scorecards CSV failed"};
    return std::nullopt;
}

std::string portfolio_to_csv(const portfolio& p, const csv_options& options) {
    std::string out = start(options);
    append_header(out,
                  {{"form", "序号"}, {"source", "来源文件"}, {"project_name", "项目名称"}, {"department", "主管部门"},
                   {"reported_total", "自评总分"}, {"computed_total", "复核总分"}, {"total_complete", "总分完整"},
                   {"reported_grade", "自评等级"}, {"computed_grade", "复核等级"},
                   {"execution_rate_percent", "预算执行率(%)"}, {"errors", "错误"}, {"warnings", "警告"},
                   {"notices", "提示"}, {"trust", "可信度"}, {"implementing_unit", "实施单位"}, {"kind", "表类"},
                   {"not_scored", "不评分原因"}},
                  options);
    for (const portfolio_entry& e : p.entries) {
        append_row(out, {index_text(e.index), e.source, e.project_name, e.department,
                         detail::number_text(e.reported_total), e.scored ? e.computed_total.to_string() : std::string(),
                         bool_text(e.total_complete), e.reported_grade, e.computed_grade,
                         detail::number_text(e.execution_rate_percent), std::to_string(e.counts.errors),
                         std::to_string(e.counts.warnings), std::to_string(e.counts.notices),
                         std::string(to_string(e.counts.trust)), e.implementing_unit, std::string(to_string(e.kind)),
                         detail::unscored_text(e.unscored)});
    }
    return out;
}

std::string portfolio_groups_to_csv(const portfolio& p, const csv_options& options) {
    std::string out = start(options);
    std::vector<std::pair<std::string, std::string>> header{
        {p.grouped_by ? std::string(to_string(*p.grouped_by)) : std::string("group"),
         p.grouped_by ? std::string(detail::group_by_zh(*p.grouped_by)) : std::string("分组")},
        {"forms", "表数"}, {"scorable", "可评分表数"}, {"computed_total_mean", "平均复核总分"},
        {"budget_sum", "全年预算数合计(元)"}, {"executed_sum", "全年执行数合计(元)"},
        {"execution_rate_percent", "预算执行率(%)"}};
    for (const grade_count& g : p.grades) {
        const std::string name = g.grade.empty() ? std::string("none") : g.grade;
        header.emplace_back("grade_" + name, "等级" + (g.grade.empty() ? std::string("（无）") : g.grade));
    }
    header.emplace_back("errors", "错误");
    header.emplace_back("warnings", "警告");
    header.emplace_back("notices", "提示");
    // The kinds of the whole batch side by side: forms and mean total of each (blank: none scored).
    for (const kind_summary& k : p.kinds) {
        header.emplace_back("forms_" + std::string(to_string(k.kind)), std::string(chinese_name(k.kind)) + "表数");
        header.emplace_back("mean_" + std::string(to_string(k.kind)), std::string(chinese_name(k.kind)) + "平均复核总分");
    }
    append_header(out, header, options);
    for (const portfolio_group& g : p.groups) {
        std::vector<std::string> row{g.key, std::to_string(g.forms), std::to_string(g.scorable),
                                     detail::number_text(g.computed_total_mean), g.budget_sum.to_string(),
                                     g.executed_sum.to_string(), detail::number_text(g.execution_rate_percent)};
        for (std::size_t n : g.grades) row.push_back(std::to_string(n));
        row.push_back(std::to_string(g.errors));
        row.push_back(std::to_string(g.warnings));
        row.push_back(std::to_string(g.notices));
        for (const kind_summary& k : p.kinds) {
            const auto it = std::find_if(g.kinds.begin(), g.kinds.end(), [&](const kind_summary& x) { return x.kind == k.kind; });
            row.push_back(it == g.kinds.end() ? std::string("0") : std::to_string(it->forms));
            row.push_back(it == g.kinds.end() ? std::string() : detail::number_text(it->computed_total_mean));
        }
        append_row(out, row);
    }
    return out;
}

}  // namespace jixiao::io
