// positional_test_support.hpp — working rows of the positional recognizer built from tab text,
// for the tests of its stages (tests/cpp/import/positional_*_test.cpp).
#pragma once

#include <jixiao/form.hpp>
#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>

#include "import/positional_internal.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace positional_test {

namespace io = jixiao::io;
namespace pos = jixiao::io::detail::positional;

/// A document read by a grid reader (tab text unless told) and built into working rows, with a
/// context whose notes go to `report`. Neither copied nor moved: the rows point into the grid.
class document {
public:
    explicit document(std::string_view text, io::grid_format format = io::grid_format::tsv)
        : grid(read(text, format)), ctx(format, source, report) {
        for (const io::row& r : grid.rows) rows.add(r);
    }
    document(const document&) = delete;
    document& operator=(const document&) = delete;

    std::string source = "stage-test.txt";
    io::import_report report;
    io::grid grid;
    pos::working_rows rows{source};
    pos::recognition_context ctx;

    [[nodiscard]] const pos::wrow& row(std::size_t i) const { return rows[i]; }
    /// Cell `k` of row `i` (non-empty cells only, in column order).
    [[nodiscard]] const pos::wcell& cell(std::size_t i, std::size_t k) const { return rows[i].cells[k]; }
    /// The codes of the report's notes, in order.
    [[nodiscard]] std::vector<std::string> codes() const {
        std::vector<std::string> out;
        for (const io::import_note& n : report.notes) out.push_back(n.code);
        return out;
    }
    /// How many notes have `code`.
    [[nodiscard]] std::size_t count(std::string_view code) const {
        std::size_t n = 0;
        for (const io::import_note& note : report.notes) n += note.code == code ? 1U : 0U;
        return n;
    }
    /// The first note with `code`, or null.
    [[nodiscard]] const io::import_note* find(std::string_view code) const {
        for (const io::import_note& n : report.notes) {
            if (n.code == code) return &n;
        }
        return nullptr;
    }
    /// How many cells of the rows held are still open (in no form field, not in the report).
    [[nodiscard]] std::size_t open_cells() const {
        std::size_t open = 0;
        for (std::size_t i = rows.base(); i < rows.size(); ++i) {
            for (const pos::wcell& c : rows[i].cells) open += c.fate == pos::cell_fate::open ? 1U : 0U;
        }
        return open;
    }
    /// All rows read as one form.
    [[nodiscard]] jixiao::form read_form() {
        jixiao::form f;
        pos::read_form(ctx, rows, 0, rows.size(), f);
        return f;
    }

private:
    static io::grid read(std::string_view text, io::grid_format format) {
        auto g = io::read_grid(text, format);
        EXPECT_TRUE(g.has_value()) << (g.has_value() ? "" : g.error().describe());
        return g.has_value() ? std::move(*g) : io::grid{};
    }
};

}  // namespace positional_test
