// grid_xlsx.cpp — Excel workbooks (.xlsx, SpreadsheetML): every sheet in workbook order, cell
// values as Excel displays them (shared and inline strings, numbers under their number format,
// cached formula results), merged ranges as spans with `from_span` copies (as the HTML reader).
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <jixiao/detail/utf8.hpp>

#include "read/grid_internal.hpp"
#include "read/office_internal.hpp"

namespace jixiao::io::detail {

namespace {

namespace utf8 = jixiao::detail::utf8;

constexpr std::size_t max_sheet_rows = 1'048'576;  // Excel's limits
constexpr std::size_t max_sheet_columns = 16'384;
constexpr std::size_t max_listed = 20;              // positions listed in one note

bool ends_with(std::string_view s, std::string_view suffix) noexcept { return s.ends_with(suffix); }

bool truthy(const pugi::xml_attribute& a) noexcept {
    const std::string_view v = a.value();
    return v == "1" || v == "true";
}

/// `B5` -> (5, 2); nullopt when it is not an A1 reference inside Excel's limits.
std::optional<std::pair<std::size_t, std::size_t>> parse_reference(std::string_view ref) {
    std::size_t i = 0;
    std::size_t col = 0;
    while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
        const char c = static_cast<char>(ref[i] >= 'a' ? ref[i] - 'a' + 'A' : ref[i]);
        col = col * 26 + static_cast<std::size_t>(c - 'A' + 1);
        if (col > max_sheet_columns) return std::nullopt;
        ++i;
    }
    if (i == 0 || i == ref.size()) return std::nullopt;
    std::size_t row = 0;
    const std::size_t digits = i;
    while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
        row = row * 10 + static_cast<std::size_t>(ref[i] - '0');
        if (row > max_sheet_rows) return std::nullopt;
        ++i;
    }
    if (i != ref.size() || i == digits || row == 0) return std::nullopt;
    return std::pair{row, col};
}

std::optional<std::size_t> parse_count(std::string_view v, std::size_t max) {
    if (v.empty() || v.size() > 9) return std::nullopt;
    std::size_t n = 0;
    for (const char c : v) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    if (n > max) return std::nullopt;
    return n;
}

/// OOXML escapes characters XML cannot hold as `_xHHHH_` (`_x000D_` for CR).
std::string decode_ooxml_escapes(std::string_view s) {
    if (s.find("_x") == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '_' && i + 7 <= s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
            std::uint32_t cp = 0;
            bool hex = true;
            for (std::size_t k = i + 2; k < i + 6; ++k) {
                const char c = s[k];
                std::uint32_t d = 0;
                if (c >= '0' && c <= '9') d = static_cast<std::uint32_t>(c - '0');
                else if (c >= 'a' && c <= 'f') d = static_cast<std::uint32_t>(c - 'a' + 10);
                else if (c >= 'A' && c <= 'F') d = static_cast<std::uint32_t>(c - 'A' + 10);
                else hex = false;
                cp = cp * 16 + d;
            }
            if (hex) {
                if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) cp = utf8::replacement_character;
                utf8::append(out, static_cast<char32_t>(cp));
                i += 7;
                continue;
            }
        }
        out += s[i];
        ++i;
    }
    return out;
}

/// The text of a string item (`<si>` or `<is>`): `<t>`, or the `<t>` of every rich-text run
/// `<r>` joined; phonetic runs (`<rPh>`) are not text.
std::string string_item_text(const pugi::xml_node& item) {
    std::string out;
    for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        const std::string_view n = local_name(c);
        if (n == "t") {
            out += c.child_value();
        } else if (n == "r") {
            if (const pugi::xml_node t = child_named(c, "t")) out += t.child_value();
        }
    }
    return decode_ooxml_escapes(out);
}

/// Compact list of row numbers: `5, 7-9, 12`.
std::string list_numbers(const std::vector<std::size_t>& numbers) {
    std::string out;
    std::size_t listed = 0;
    for (std::size_t i = 0; i < numbers.size();) {
        std::size_t j = i;
        while (j + 1 < numbers.size() && numbers[j + 1] == numbers[j] + 1) ++j;
        if (listed == max_listed) {
            out += ", ...";
            break;
        }
        if (!out.empty()) out += ", ";
        out += std::to_string(numbers[i]);
        if (j > i) out += "-" + std::to_string(numbers[j]);
        ++listed;
        i = j + 1;
    }
    return out;
}

/// One cell as placed on the sheet.
struct placed {
    std::string text;
    std::size_t offset = 0;
    std::size_t row_span = 1;
    std::size_t col_span = 1;
    bool from_span = false;
};

/// What the whole workbook shares: strings, number formats of the cell styles, the date system.
struct workbook_data {
    std::vector<std::string> shared_strings;
    std::vector<std::string> style_formats;  // number format code per cellXfs index
    bool date1904 = false;
};

class xlsx_reader {
public:
    xlsx_reader(zip_archive& archive, const read_options& options)
        : archive_(archive), options_(options), builder_(grid_format::xlsx, options) {}

    result<grid> run() {
        constexpr std::string_view workbook_part = "xl/workbook.xml";
        auto wb = parse_xml_part(archive_, workbook_part);
        if (!wb) return wb.error();
        const pugi::xml_node workbook = child_named(**wb, "workbook");
        if (!workbook) return corrupt(workbook_part, "has no <workbook> element");
        data_.date1904 = truthy(attribute_named(child_named(workbook, "workbookPr"), "date1904"));
        auto rels = read_relationships(archive_, workbook_part);
        if (!rels) return rels.error();
        std::string strings_part = "xl/sharedStrings.xml";
        std::string styles_part = "xl/styles.xml";
        for (const relationship& r : *rels) {
            if (ends_with(r.type, "/sharedStrings") && !r.target.empty()) strings_part = r.target;
            if (ends_with(r.type, "/styles") && !r.target.empty()) styles_part = r.target;
        }
        if (archive_.contains(strings_part)) {
            if (auto e = read_shared_strings(strings_part)) return *e;
        }
        if (archive_.contains(styles_part)) {
            if (auto e = read_styles(styles_part)) return *e;
        }
        const pugi::xml_node sheets = child_named(workbook, "sheets");
        std::size_t count = 0;
        for (pugi::xml_node s = sheets.first_child(); s; s = s.next_sibling()) {
            if (s.type() == pugi::node_element && local_name(s) == "sheet") ++count;
        }
        if (count == 0) return corrupt(workbook_part, "lists no sheet");
        std::size_t number = 0;
        for (pugi::xml_node s = sheets.first_child(); s; s = s.next_sibling()) {
            if (s.type() != pugi::node_element || local_name(s) != "sheet") continue;
            ++number;
            const std::string name = s.attribute("name").value();
            const std::string state = s.attribute("state").value();
            const std::string id = attribute_named(s, "id").value();
            const relationship* rel = nullptr;
            for (const relationship& r : *rels) {
                if (r.id == id) rel = &r;
            }
            const std::string label = "sheet " + std::to_string(number) + " of " + std::to_string(count) + " `" + name + "`";
            if (rel == nullptr || rel->target.empty()) {
                return corrupt(workbook_part, "names " + label + " without a relationship to its part");
            }
            if (!ends_with(rel->type, "/worksheet")) {
                builder_.note(label + " is not a worksheet (" + rel->type.substr(rel->type.rfind('/') + 1) +
                              "): skipped");
                continue;
            }
            if (auto e = read_sheet(rel->target, label, state)) return *e;
        }
        if (formulas_without_value_ > max_listed) {
            builder_.note(std::to_string(formulas_without_value_ - max_listed) +
                          " more formula cells without a cached value (not listed)");
        }
        return std::move(builder_).take();
    }

private:
    error corrupt(std::string_view part, const std::string& why) const {
        return error{errc::corrupt_file, 0, {}, "the xlsx part " + std::string(part) + " " + why};
    }

    std::optional<error> read_shared_strings(const std::string& part) {
        auto doc = parse_xml_part(archive_, part);
        if (!doc) return doc.error();
        const pugi::xml_node sst = child_named(**doc, "sst");
        for (pugi::xml_node si = sst.first_child(); si; si = si.next_sibling()) {
            if (si.type() != pugi::node_element || local_name(si) != "si") continue;
            data_.shared_strings.push_back(string_item_text(si));
            strings_bytes_ += data_.shared_strings.back().size();
            if (strings_bytes_ > options_.max_bytes) {
                return grid_builder::limit_error(0, "the shared strings hold more than " +
                                                        std::to_string(options_.max_bytes) + " bytes");
            }
        }
        return std::nullopt;
    }

    std::optional<error> read_styles(const std::string& part) {
        auto doc = parse_xml_part(archive_, part);
        if (!doc) return doc.error();
        const pugi::xml_node ss = child_named(**doc, "styleSheet");
        std::map<unsigned, std::string> custom;
        for (pugi::xml_node f = child_named(ss, "numFmts").first_child(); f; f = f.next_sibling()) {
            if (f.type() != pugi::node_element || local_name(f) != "numFmt") continue;
            const auto id = parse_count(f.attribute("numFmtId").value(), 1'000'000);
            if (id) custom[static_cast<unsigned>(*id)] = f.attribute("formatCode").value();
        }
        for (pugi::xml_node xf = child_named(ss, "cellXfs").first_child(); xf; xf = xf.next_sibling()) {
            if (xf.type() != pugi::node_element || local_name(xf) != "xf") continue;
            const auto id = parse_count(xf.attribute("numFmtId").value(), 1'000'000).value_or(0);
            std::string code;
            if (auto it = custom.find(static_cast<unsigned>(id)); it != custom.end()) code = it->second;
            else code = std::string(builtin_number_format(static_cast<unsigned>(id)));
            if (code.empty()) {
                code = "General";
                unknown_formats_ = true;
            }
            data_.style_formats.push_back(std::move(code));
        }
        if (unknown_formats_) builder_.note("a cell style names a number format id that is neither built in nor defined: read as General");
        return std::nullopt;
    }

    /// The displayed text of a number cell with style `style`.
    std::string number_text(std::string_view v, std::size_t style, std::size_t row, std::size_t col) {
        auto number = xlsx_number_text(v);
        if (!number) {
            note_cell(row, col, "holds the number `" + std::string(v.substr(0, 64)) + "` that is not a plain decimal: kept as written");
            return std::string(v);
        }
        if (style >= data_.style_formats.size()) return *number;
        const std::string& code = data_.style_formats[style];
        format_outcome how{};
        std::string text = format_number(*number, code, &how, data_.date1904);
        if (how == format_outcome::date_kept) {
            note_cell(row, col, "has the date/time format `" + code + "`: kept as its serial number " + text);
        } else if (how == format_outcome::unsupported) {
            note_cell(row, col, "has the number format `" + code + "` (not applied): shown as the plain number " + text);
        }
        return text;
    }

    void note_cell(std::size_t row, std::size_t col, const std::string& what) {
        if (++cell_notes_ > max_listed * 5) return;
        builder_.note(sheet_label_ + " cell " + cell_reference(row, col) + " " + what);
    }

    std::optional<error> read_sheet(const std::string& part, const std::string& label, const std::string& state) {
        sheet_label_ = label;
        auto doc = parse_xml_part(archive_, part);
        if (!doc) return doc.error();
        const pugi::xml_node ws = child_named(**doc, "worksheet");
        if (!ws) return corrupt(part, "has no <worksheet> element");
        std::map<std::pair<std::size_t, std::size_t>, placed> cells;
        std::vector<std::size_t> hidden_rows;
        std::size_t last_row = 0;
        std::size_t last_col = 0;
        std::size_t bad_references = 0;
        const pugi::xml_node data = child_named(ws, "sheetData");
        std::size_t next_row = 1;
        for (pugi::xml_node r = data.first_child(); r; r = r.next_sibling()) {
            if (r.type() != pugi::node_element || local_name(r) != "row") continue;
            std::size_t row = next_row;
            if (const auto n = parse_count(r.attribute("r").value(), max_sheet_rows); n && *n > 0) row = *n;
            next_row = row + 1;
            if (truthy(r.attribute("hidden"))) hidden_rows.push_back(row);
            std::size_t next_col = 1;
            for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
                if (c.type() != pugi::node_element || local_name(c) != "c") continue;
                std::size_t cr = row;
                std::size_t cc = next_col;
                if (const std::string_view ref = c.attribute("r").value(); !ref.empty()) {
                    const auto p = parse_reference(ref);
                    if (!p) {
                        ++bad_references;
                        continue;
                    }
                    cr = p->first;
                    cc = p->second;
                }
                if (cc > max_sheet_columns) {
                    ++bad_references;
                    continue;
                }
                next_col = cc + 1;
                placed p;
                p.offset = static_cast<std::size_t>(c.offset_debug() < 0 ? 0 : c.offset_debug());
                p.text = cell_text(c, cr, cc);
                if (++cells_in_sheet_ > options_.max_cells) {
                    return grid_builder::limit_error(p.offset, "more than " + std::to_string(options_.max_cells) + " cells");
                }
                last_row = std::max(last_row, cr);
                last_col = std::max(last_col, cc);
                cells.insert_or_assign({cr, cc}, std::move(p));
            }
        }
        if (bad_references > 0) {
            builder_.note(label + ": " + std::to_string(bad_references) +
                          " cell(s) with a reference that is not a cell of a sheet were skipped");
        }
        if (auto e = apply_merges(ws, cells, last_row, last_col)) return e;
        if (state == "hidden" || state == "veryHidden") builder_.note(label + " is hidden (" + state + "): read");
        if (!hidden_rows.empty()) {
            std::sort(hidden_rows.begin(), hidden_rows.end());
            builder_.note(label + ": hidden rows " + list_numbers(hidden_rows) + " (read)");
        }
        // Hidden columns as ranges (never expanded: a range may span the whole sheet).
        std::string hidden_columns;
        std::size_t ranges = 0;
        for (pugi::xml_node col = child_named(ws, "cols").first_child(); col; col = col.next_sibling()) {
            if (col.type() != pugi::node_element || !truthy(col.attribute("hidden"))) continue;
            const auto lo = parse_count(col.attribute("min").value(), max_sheet_columns);
            const auto hi = parse_count(col.attribute("max").value(), max_sheet_columns);
            if (!lo || !hi || *lo > *hi || *lo > last_col) continue;
            if (++ranges > max_listed) continue;
            const std::size_t top = std::min(*hi, last_col);
            if (!hidden_columns.empty()) hidden_columns += ", ";
            hidden_columns += cell_reference(1, *lo).substr(0, cell_reference(1, *lo).size() - 1);
            if (top > *lo) hidden_columns += "-" + cell_reference(1, top).substr(0, cell_reference(1, top).size() - 1);
        }
        if (ranges > max_listed) hidden_columns += ", ...";
        if (!hidden_columns.empty()) builder_.note(label + ": hidden columns " + hidden_columns + " (read)");
        return emit(cells, label);
    }

    std::string cell_text(const pugi::xml_node& c, std::size_t row, std::size_t col) {
        const std::string_view type = c.attribute("t").value();
        const pugi::xml_node v = child_named(c, "v");
        const pugi::xml_node f = child_named(c, "f");
        const std::string_view value = v ? std::string_view(v.child_value()) : std::string_view();
        if (type == "inlineStr") {
            const pugi::xml_node is = child_named(c, "is");
            if (is) return string_item_text(is);
        }
        if (f && (!v || (value.empty() && type != "str"))) {
            if (++formulas_without_value_ <= max_listed) {
                builder_.note(sheet_label_ + " cell " + cell_reference(row, col) + ": the formula `" +
                              std::string(std::string_view(f.child_value()).substr(0, 200)) +
                              "` has no cached value (read as empty); open and save the file in Excel, or "
                              "recalculate it with LibreOffice (soffice --headless --convert-to xlsx), then read it again");
            }
            return {};
        }
        if (!v) return {};
        if (type == "s") {
            const auto index = parse_count(value, 1'000'000'000);
            if (!index || *index >= data_.shared_strings.size()) {
                note_cell(row, col, "refers to shared string " + std::string(value.substr(0, 20)) + " that does not exist: read as empty");
                return {};
            }
            return data_.shared_strings[*index];
        }
        if (type == "b") return value == "1" || value == "true" ? "TRUE" : "FALSE";
        if (type == "e") {
            note_cell(row, col, "holds the error value " + std::string(value.substr(0, 20)) + " (kept as text)");
            return std::string(value);
        }
        if (type == "str" || type == "d" || type == "inlineStr") return decode_ooxml_escapes(value);
        const std::size_t style = parse_count(c.attribute("s").value(), 1'000'000).value_or(0);
        return number_text(value, style, row, col);
    }

    std::optional<error> apply_merges(const pugi::xml_node& ws, std::map<std::pair<std::size_t, std::size_t>, placed>& cells,
                                      std::size_t last_row, std::size_t last_col) {
        std::size_t overlapped = 0;
        for (pugi::xml_node m = child_named(ws, "mergeCells").first_child(); m; m = m.next_sibling()) {
            if (m.type() != pugi::node_element || local_name(m) != "mergeCell") continue;
            const std::string_view ref = m.attribute("ref").value();
            const std::size_t colon = ref.find(':');
            if (colon == std::string_view::npos) continue;
            const auto a = parse_reference(ref.substr(0, colon));
            const auto b = parse_reference(ref.substr(colon + 1));
            if (!a || !b) continue;
            const std::size_t r1 = std::min(a->first, b->first);
            const std::size_t c1 = std::min(a->second, b->second);
            if (r1 > last_row || c1 > last_col) continue;  // nothing of the sheet is under it
            // A merge never creates rows or columns the sheet does not have (as HTML spans).
            const std::size_t r2 = std::min(std::max(a->first, b->first), last_row);
            const std::size_t c2 = std::min(std::max(a->second, b->second), last_col);
            if (r1 == r2 && c1 == c2) continue;
            const std::size_t copies = (r2 - r1 + 1) * (c2 - c1 + 1) - 1;
            span_copies_ += copies;
            if (span_copies_ > options_.max_cells) {
                return grid_builder::limit_error(0, "merged ranges cover more than " + std::to_string(options_.max_cells) +
                                                        " cells (" + sheet_label_ + ", " + std::string(ref) + ")");
            }
            placed& top = cells[{r1, c1}];
            if (top.from_span) {
                ++overlapped;
                continue;
            }
            top.row_span = r2 - r1 + 1;
            top.col_span = c2 - c1 + 1;
            const placed origin = top;
            for (std::size_t r = r1; r <= r2; ++r) {
                for (std::size_t c = c1; c <= c2; ++c) {
                    if (r == r1 && c == c1) continue;
                    placed& slot = cells[{r, c}];
                    if (!slot.text.empty() && !slot.from_span) {
                        note_cell(r, c, "lies under the merged range " + std::string(ref) + " and holds `" +
                                            slot.text.substr(0, 200) + "`, which Excel does not show: replaced by the merged text");
                    }
                    slot = placed{origin.text, origin.offset, 1, 1, true};
                }
            }
        }
        if (overlapped > 0) builder_.note(sheet_label_ + ": " + std::to_string(overlapped) + " overlapping merged range(s) ignored");
        return std::nullopt;
    }

    std::optional<error> emit(const std::map<std::pair<std::size_t, std::size_t>, placed>& cells, const std::string& label) {
        if (rows_emitted_ > 0) blank_row(1);  // a row without cells between sheets
        const std::size_t first_grid_row = rows_emitted_ + 1;
        std::size_t current = 0;
        std::size_t last_emitted = 0;  // sheet row of the last row with cells
        std::vector<const std::pair<const std::pair<std::size_t, std::size_t>, placed>*> row_cells;
        auto flush = [&]() -> std::optional<error> {
            // Trailing plain empty cells carry nothing.
            while (!row_cells.empty()) {
                const placed& p = row_cells.back()->second;
                if (!p.text.empty() || p.from_span || p.row_span > 1 || p.col_span > 1) break;
                row_cells.pop_back();
            }
            if (row_cells.empty()) return std::nullopt;
            // Empty sheet rows in between (any number of them) read as one row without cells.
            if (last_emitted != 0 && current > last_emitted + 1) blank_row(last_emitted + 1);
            last_emitted = current;
            builder_.begin_row(current);
            ++rows_emitted_;
            last_blank_ = false;
            std::size_t col = 1;
            for (const auto* entry : row_cells) {
                const std::size_t at = entry->first.second;
                for (; col < at; ++col) {  // gaps: empty cells, so that columns keep their place
                    if (auto e = builder_.add_cell(std::string_view(), current, col, entry->second.offset)) return e;
                }
                const placed& p = entry->second;
                cell c;
                c.text = p.text;
                c.line = current;
                c.column = at;
                c.offset = p.offset;
                c.row_span = p.row_span;
                c.col_span = p.col_span;
                c.from_span = p.from_span;
                if (auto e = builder_.add_cell(std::move(c))) return e;
                col = at + 1;
            }
            row_cells.clear();
            return std::nullopt;
        };
        for (const auto& entry : cells) {
            const std::size_t r = entry.first.first;
            if (r != current) {
                if (current != 0) {
                    if (auto e = flush()) return e;
                }
                current = r;
                row_cells.clear();
            }
            row_cells.push_back(&entry);
        }
        if (current != 0) {
            if (auto e = flush()) return e;
        }
        if (last_emitted == 0) {
            builder_.note(label + ": no cells");
        } else {
            builder_.note(label + ": sheet rows 1-" + std::to_string(last_emitted) + " are grid rows " +
                          std::to_string(first_grid_row) + "-" + std::to_string(rows_emitted_) +
                          " (a cell's line is its sheet row, its column the sheet column)");
        }
        cells_in_sheet_ = 0;
        return std::nullopt;
    }

    void blank_row(std::size_t line) {
        if (last_blank_) return;
        builder_.begin_row(line);
        ++rows_emitted_;
        last_blank_ = true;
    }

    zip_archive& archive_;
    const read_options& options_;
    grid_builder builder_;
    workbook_data data_;
    std::string sheet_label_;
    std::size_t strings_bytes_ = 0;
    std::size_t cells_in_sheet_ = 0;
    std::size_t span_copies_ = 0;
    std::size_t rows_emitted_ = 0;
    std::size_t formulas_without_value_ = 0;
    std::size_t cell_notes_ = 0;
    bool unknown_formats_ = false;
    bool last_blank_ = false;
};

}  // namespace

result<grid> read_xlsx(zip_archive& archive, const read_options& options) {
    return xlsx_reader(archive, options).run();
}

}  // namespace jixiao::io::detail
