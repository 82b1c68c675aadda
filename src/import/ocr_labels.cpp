// ocr_labels.cpp — see ocr_labels.hpp.
#include "import/ocr_labels.hpp"

#include <jixiao/detail/utf8.hpp>
#include <jixiao/vocabulary.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::io::detail {
namespace {

/// Code points of `text` without spaces (labels are compared without them); empty when the
/// text is not UTF-8.
std::u32string code_points(std::string_view text) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const jixiao::detail::utf8::decoded d = jixiao::detail::utf8::decode(text, i);
        if (d.length == 0) return {};
        if (d.code_point != U' ' && d.code_point != 0x3000 && d.code_point != U'\n') out.push_back(d.code_point);
        i += d.length;
    }
    return out;
}

/// Whether `a` becomes `b` by adding, dropping or changing one code point.
bool one_apart(const std::u32string& a, const std::u32string& b) {
    if (a.size() > b.size() + 1 || b.size() > a.size() + 1 || a == b) return false;
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    std::size_t ja = a.size();
    std::size_t jb = b.size();
    while (ja > i && jb > i && a[ja - 1] == b[jb - 1]) {
        --ja;
        --jb;
    }
    return ja - i <= 1 && jb - i <= 1;
}

/// The part of the form a label belongs to: a misreading as near to labels of two parts is
/// read as the one of the part the row's other labels are of (`实际完成什` among indicator
/// columns is 实际完成值, not the 实际完成数 of a funds table).
enum class part : unsigned char { header, funds, goal, indicators, total };

struct label {
    std::string text;
    std::u32string points;
    part of = part::header;
};

/// The labels to repair to and the words never repaired (level-1 and level-2 texts: `时效指标`
/// is one character from `绩效指标`, and content).
struct label_set {
    std::vector<label> labels;
    std::vector<std::u32string> keep;
};

/// The structural labels: of the national template (vocabulary.hpp) and of every family.
label_set labels_of(std::span<const layout_family> families) {
    using namespace jixiao::vocabulary;
    label_set out;
    for (const auto& c : category_spellings) out.keep.push_back(code_points(c.spelling));
    for (const auto& c : subcategory_spellings) out.keep.push_back(code_points(c.spelling));
    for (const layout_family& f : families) {
        for (const std::string& l : f.level1_labels) out.keep.push_back(code_points(l));
    }
    std::vector<std::pair<std::string, part>> all;
    const auto add = [&](std::string_view t, part p) { all.emplace_back(std::string(t), p); };
    for (const auto& l : header_field_labels) add(l.spelling, part::header);
    for (const std::string_view l : funds_labels) add(l, part::funds);
    for (const auto& l : funds_column_labels) add(l.spelling, part::funds);
    for (const auto& l : funds_row_labels) add(l.spelling, part::funds);
    for (const auto& l : goal_labels) add(l.spelling, part::goal);
    for (const auto& l : indicator_column_labels) add(l.spelling, part::indicators);
    for (const auto& l : total_labels) add(l.spelling, part::total);
    for (const layout_family& f : families) {
        for (const auto& l : f.header_fields) add(l.first, part::header);
        for (const auto& l : f.funds_labels) add(l, part::funds);
        for (const auto& l : f.funds_columns) add(l.first, part::funds);
        for (const auto& l : f.funds_rows) add(l.first, part::funds);
        for (const auto& l : f.goal_labels) add(l.first, part::goal);
        for (const auto& l : f.indicator_columns) add(l.first, part::indicators);
        for (const auto& l : f.total_labels) add(l, part::total);
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    for (auto& [t, p] : all) {
        // The vertical block label 绩效指标 comes in fragments the recognizer knows (`效指标`).
        if (t == indicator_block_label) continue;
        std::u32string points = code_points(t);
        if (points.size() >= 2) out.labels.push_back({std::move(t), std::move(points), p});
    }
    return out;
}

/// The label `t` is as it is, or nullptr.
const label* label_as_is(const std::u32string& t, const label_set& set) {
    const auto it = std::find_if(set.labels.begin(), set.labels.end(), [&](const label& l) { return l.points == t; });
    return it == set.labels.end() ? nullptr : &*it;
}

/// `row_parts`: the parts the labels of the cell's row are of (a bit each; 0: not known).
std::optional<std::string> misread_of(const std::u32string& t, const label_set& set, unsigned row_parts = 0) {
    if (t.size() < 3 || t.size() > 24) return std::nullopt;
    if (std::any_of(t.begin(), t.end(), [](char32_t c) { return (c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19); })) {
        return std::nullopt;
    }
    if (std::find(set.keep.begin(), set.keep.end(), t) != set.keep.end()) return std::nullopt;
    std::vector<const label*> near;
    for (const label& l : set.labels) {
        if (l.points == t) return std::nullopt;                                   // a label as it is
        if (l.points.find(t) != std::u32string::npos) return std::nullopt;        // a fragment of one
        const bool extra_at_end = t.size() == l.points.size() + 1 &&
                                  (t.compare(1, std::u32string::npos, l.points) == 0 || t.compare(0, l.points.size(), l.points) == 0);
        const bool one_off = l.points.size() >= 4 && one_apart(t, l.points);
        if (extra_at_end || one_off) near.push_back(&l);
    }
    const auto in_row = [&](const label* l) { return (row_parts & (1U << static_cast<unsigned>(l->of))) != 0; };
    if (std::any_of(near.begin(), near.end(), in_row)) near.erase(std::remove_if(near.begin(), near.end(), [&](const label* l) { return !in_row(l); }), near.end());
    for (const label* l : near) {
        if (l->text != near.front()->text) return std::nullopt;  // as near to two labels
    }
    if (near.empty()) return std::nullopt;
    return near.front()->text;
}

}  // namespace

std::optional<std::string> misread_label(std::string_view text, std::span<const layout_family> families) {
    return misread_of(code_points(text), labels_of(families));
}

std::optional<grid> with_ocr_labels_repaired(const grid& g, std::span<const layout_family> families) {
    const bool ocr = std::any_of(g.rows.begin(), g.rows.end(), [](const row& r) {
        return std::any_of(r.cells.begin(), r.cells.end(), [](const cell& c) { return c.confidence >= 0; });
    });
    if (!ocr) return std::nullopt;
    const label_set labels = labels_of(families);
    std::optional<grid> out;
    for (std::size_t i = 0; i < g.rows.size(); ++i) {
        // Only in a row of labels (one of its cells a label as printed): a cell of content one
        // character from a label (`预算单位数`) stays as it is.
        const std::vector<cell>& cells = g.rows[i].cells;
        unsigned parts = 0;
        for (const cell& c : cells) {
            if (const label* l = label_as_is(code_points(c.text), labels)) parts |= 1U << static_cast<unsigned>(l->of);
        }
        if (parts == 0) continue;
        for (std::size_t k = 0; k < cells.size(); ++k) {
            const cell& c = cells[k];
            if (c.confidence < 0 || c.text.empty() || c.from_span) continue;
            std::optional<std::string> fixed = misread_of(code_points(c.text), labels, parts);
            if (!fixed) continue;
            if (!out) out = g;
            cell& put = out->rows[i].cells[k];
            if (put.as_read.empty()) put.as_read = put.text;
            put.text = std::move(*fixed);
        }
    }
    return out;
}

}  // namespace jixiao::io::detail
