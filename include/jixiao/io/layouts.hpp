// jixiao/io/layouts.hpp — layout families: how each locality prints the form, as data.
//
// Synopsis:
//   form_kind                the kind of a family's forms (jixiao::form_kind, form.hpp)
//   struct layout_family     one family: titles, block labels, column and row labels with the
//                            role each names, section weights, the rulebook it is scored by
//   builtin_layouts()        the families compiled into the library (data/layouts/*.json)
//   parse_layout_family(t)   one family from JSON text (a user's file), with clear errors
//   load_layout_file(path)   the same from a file
//
// The recognizer by meaning reads labels from every family at once, so a synonym added to any
// family is understood everywhere; the family whose titles and labels a form matches best is
// named in the import report. How to add a family or a synonym: docs/import.md.
#pragma once

#include <jixiao/error.hpp>
#include <jixiao/form.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jixiao::io {

/// The kind of a family's forms (jixiao::form_kind, jixiao/form.hpp).
using jixiao::form_kind;

/// A label spelling (spaces removed) and the role it names in its block.
using label_role = std::pair<std::string, std::string>;

/// One layout family (data/layouts/ID.json; schema in docs/layouts.schema.json).
struct layout_family {
    std::string id;                 ///< stable id, the file name without `.json`
    std::string name_zh;            ///< what the family is, in Chinese
    std::string name_en;            ///< what the family is, in English
    form_kind kind = form_kind::project_self_evaluation;  ///< kind of its forms
    std::string rulebook;           ///< the built-in rulebook its forms are scored by
    std::vector<std::string> titles;             ///< title spellings (a title cell contains one)
    std::vector<label_role> header_fields;       ///< project_name / department / implementing_unit
    std::vector<std::string> funds_labels;       ///< the funds block label (项目资金 ...)
    std::vector<label_role> funds_columns;       ///< initial_budget ... score
    std::vector<label_role> funds_rows;          ///< total / current_appropriation / prior_carryover / other
    std::vector<label_role> goal_labels;         ///< goal / expected / achieved
    std::vector<label_role> indicator_columns;   ///< level1 ... deviation, extra
    std::vector<std::string> total_labels;       ///< 总分 ...
    std::vector<std::string> level1_labels;      ///< level-1 labels beyond 产出 / 效益 ... (项目决策)
    std::vector<label_role> section_weights;     ///< section -> points (decimal text)
    std::vector<std::string> department_markers; ///< title words of department-wide forms
    std::vector<std::string> declaration_markers;///< title words of declarations (unless 自评)
    std::string source;                          ///< "built-in" or the file it came from
    /// Member-wise equality.
    friend bool operator==(const layout_family&, const layout_family&) = default;
};

/// The families compiled into the library, in id order.
[[nodiscard]] const std::vector<layout_family>& builtin_layouts();

/// A family from JSON text (errc::json_syntax / errc::json_schema with the member's JSON path).
[[nodiscard]] result<layout_family> parse_layout_family(std::string_view json_text, std::string_view source = "-");

/// A family from a file (the file name without `.json` is the id unless the file names one).
[[nodiscard]] result<layout_family> load_layout_file(const std::filesystem::path& path);

}  // namespace jixiao::io
