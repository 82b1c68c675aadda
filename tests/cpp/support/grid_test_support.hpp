// grid_test_support.hpp — small helpers shared by the grid reader tests.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include <jixiao/io/grid.hpp>

namespace grid_test {

/// The cell texts of each row.
inline std::vector<std::vector<std::string>> texts(const jixiao::io::grid& g) {
    std::vector<std::vector<std::string>> out;
    for (const auto& r : g.rows) {
        std::vector<std::string> row;
        for (const auto& c : r.cells) row.push_back(c.text);
        out.push_back(row);
    }
    return out;
}

/// Reads with an explicit format and fails the test on error.
inline jixiao::io::grid read(std::string_view bytes, jixiao::io::grid_format format,
                             const jixiao::io::read_options& options = {}) {
    auto r = jixiao::io::read_grid(bytes, format, options);
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().describe());
    return r ? *r : jixiao::io::grid{};
}

inline std::string data_file(const std::string& relative) {
    auto r = jixiao::io::read_file(std::filesystem::path(JIXIAO_TEST_DATA_DIR) / relative, 64u << 20);
    EXPECT_TRUE(r.has_value()) << relative;
    return r ? *r : std::string{};
}

inline std::string sample_file(const std::string& name) {
    auto r = jixiao::io::read_file(std::filesystem::path(JIXIAO_SAMPLES_DIR) / name, 64u << 20);
    EXPECT_TRUE(r.has_value()) << name;
    return r ? *r : std::string{};
}

}  // namespace grid_test
