// meaning_recognizer.hpp (internal) — the recognizer by meaning: tokens (meaning_tokens.hpp)
// -> forms, for the layouts of every family (data/layouts) and text of any shape: cells, cells
// joined by spaces, cells run together. Stages, each a function of meaning_recognizer.cpp:
//   segment   forms start at their titles (file names and repeated titles skipped); a form of
//             another kind (部门整体, 申报表) is named and refused
//   blocks    header fields, funds block, goal, indicator table, total, found by their labels
//   columns   funds and indicator columns from their header labels, whatever their order
//   rows      values placed in columns by what they are (a weight is a plain number, a target a
//             value expression, a rate a percent), never by position alone
// Every token ends up in a form field or in the report.
#pragma once

#include <jixiao/error.hpp>
#include <jixiao/io/grid.hpp>
#include <jixiao/io/import.hpp>
#include <jixiao/io/layouts.hpp>

namespace jixiao::io::detail {

/// Forms and report of `g` read by meaning with the given families (built-ins when empty).
/// errc::no_form_found (naming the kind of form found, if it is one jixiao does not read yet)
/// when no project form is found.
[[nodiscard]] result<import_result> recognize_by_meaning(const grid& g, const import_options& options);

/// Whether the positional recognizer's result leaves nothing a form needs: no form, or only
/// forms without indicators and without a funds figure (then the recognizer by meaning reads
/// the document instead).
[[nodiscard]] bool is_empty_result(const import_result& r) noexcept;

/// Whether the text may hold the title of a form of another kind (部门整体, 申报表, 目标表): a
/// fast scan that lets the sample-like documents skip `holds_other_kinds_only`.
[[nodiscard]] bool may_hold_other_kind(std::string_view text) noexcept;

/// Whether the titles of `g` name only forms of other kinds (department-wide forms,
/// declarations): the positional recognizer would read them as broken project forms.
[[nodiscard]] bool holds_other_kinds_only(const grid& g, const import_options& options);

}  // namespace jixiao::io::detail
