// positional_header.cpp — the indicator table's header as a map from grid column to role
// (一级 / 二级 / 三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析 ...): a row of column labels
// under the header (指标性质 / 指标值 / 度量单位 under 年度指标值) is merged in, and then 年度指标值
// is only the value part of a target split over several columns. Unknown labels are extra
// columns; fragments of the vertical label 绩效指标 are dropped.
#include "import/positional_internal.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace jixiao::io::detail::positional {

void add_header_row(recognition_context& ctx, const wrow& r, std::vector<header_col>& header) {
    for (const wcell& c : r.cells) {
        if (!c.is(bit_indicator_column)) {
            if (c.is(bit_indicator_fragment)) {
                ctx.drop(c, "split_label_dropped", "a fragment of the vertical label 绩效指标");
            } else {
                // An unknown column label: an extra column.
                header.push_back(header_col{c.column, col_role::extra, std::string(c.text)});
                recognition_context::map(c);
            }
            continue;
        }
        recognition_context::map(c);
        header.erase(std::remove_if(header.begin(), header.end(), [&](const header_col& h) { return h.column == c.column; }),
                     header.end());
        header.push_back(header_col{c.column, c.indicator, std::string(c.text)});
    }
    std::sort(header.begin(), header.end(), [](const header_col& a, const header_col& b) { return a.column < b.column; });
}

std::size_t read_indicator_header(recognition_context& ctx, const working_rows& rows, std::size_t begin,
                                  std::size_t end, std::vector<header_col>& header) {
    add_header_row(ctx, rows[begin], header);
    std::size_t i = begin + 1;
    while (i < end && !rows[i].cells.empty()) {
        bool all_labels = true;
        for (const wcell& c : rows[i].cells) all_labels = all_labels && c.is(bit_indicator_column);
        if (!all_labels) break;
        add_header_row(ctx, rows[i], header);
        ++i;
    }
    const bool split_target = std::any_of(header.begin(), header.end(), [](const header_col& h) {
        return h.role == col_role::nature || h.role == col_role::unit;
    });
    if (split_target) {
        for (header_col& h : header) {
            if (h.role == col_role::target) h.role = col_role::target_value;
        }
    }
    return i;
}

}  // namespace jixiao::io::detail::positional
