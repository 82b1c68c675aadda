// jixiao/json.hpp — the canonical JSON format of forms (format "jixiao.forms", version 1).
//
// Synopsis:
//   write_json(form)              one form as a JSON object
//   write_json(forms)             a document {"format":"jixiao.forms","version":2,"forms":[...]}
//   read_form_json(text)          one form (a form object, or a document with exactly one form)
//   read_forms_json(text)         every form of a document (or of a single form object)
//   json_limits                   the documented bounds of the reader (size, nesting depth)
//
// Numbers travel as strings (`"524760.00"`), never as JSON numbers, so nothing is lost to
// binary floating point; every cell carries its original text. A cell given with only its
// `"text"` (a hand-written file) is read through `read_number_cell` / `read_value_cell`.
// `read_form_json(write_json(f)) == f` for every form. The format is documented in
// docs/json-format.md and described by docs/form.schema.json (JSON Schema 2020-12).
//
// Errors: malformed JSON -> errc::json_syntax (byte offset); a well-formed document that breaks
// the format -> errc::json_schema with the JSON Pointer of the offending value in
// `error.where` (`/forms/3/indicators/7/weight`); an unknown version ->
// errc::unsupported_version; input beyond `json_limits` -> errc::limit_exceeded.
#pragma once

#include <jixiao/error.hpp>
#include <jixiao/form.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

/// Bounds of the JSON reader (documented in docs/json-format.md).
struct json_limits {
    /// Largest document read, in bytes (64 MiB: about 4000 forms).
    static constexpr std::size_t max_bytes = std::size_t{64} * 1024 * 1024;
    /// Deepest nesting of arrays and objects (a form document needs at most 9).
    static constexpr std::size_t max_depth = 32;
};

/// The `"format"` member of a document.
inline constexpr std::string_view json_format_name = "jixiao.forms";
/// The format version this build writes. It reads this one and version 1 (the same members
/// without `kind` and `funds.breakdown`: its forms are project self-evaluations, or transfer-payment
/// self-evaluations when their layout is `transfer`).
inline constexpr int json_format_version = 2;

/// One form as a canonical JSON object (`indent` spaces per level; negative: one line).
[[nodiscard]] std::string write_json(const form& f, int indent = 2);
/// A document `{"format":"jixiao.forms","version":2,"forms":[...]}`.
[[nodiscard]] std::string write_json(const std::vector<form>& forms, int indent = 2);
/// Reads one form: a form object, or a document holding exactly one form.
[[nodiscard]] result<form> read_form_json(std::string_view text);
/// Reads every form of a document, or the one form of a single form object.
[[nodiscard]] result<std::vector<form>> read_forms_json(std::string_view text);

}  // namespace jixiao
