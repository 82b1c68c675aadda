// jixiao/error.hpp — errors for data that comes from users.
//
// Synopsis:
//   enum class errc            every error code of the library, grouped by stage
//   struct error               code + byte offset + where (form/row/column/JSON path) + message
//   template <T> class result  holds a T or an error (an `expected`-like type; no exceptions)
//   class exception            the one exception type, thrown only at the edges (CLI, Python,
//                              `value_or_throw`)
//   JIXIAO_EXPECTS(cond)       the one checked precondition macro (programmer errors)
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace jixiao {

/// Every error code of the library. Stable names (see `to_string`); new codes go at the end of
/// their group.
enum class errc : int {
    // numbers (decimal)
    empty_number = 1,       ///< no digits at all
    invalid_character,      ///< a character that has no place in a number
    misplaced_sign,         ///< sign not at the start, or two signs
    misplaced_separator,    ///< thousands separator in a wrong place
    multiple_points,        ///< more than one decimal point
    exponent_out_of_range,  ///< exponent beyond the documented bound
    too_many_digits,        ///< more digits than the documented bound
    division_by_zero,       ///< divisor is zero
    // value expressions and units
    empty_value = 100,      ///< the cell holds no value
    invalid_value,          ///< the text is not a value expression
    invalid_range,          ///< a range whose ends do not parse or do not agree
    incompatible_units,     ///< quantities of different dimensions compared
    inexact_conversion,     ///< a unit conversion whose result is not a finite decimal
    // JSON and schemas
    json_syntax = 200,      ///< not well-formed JSON
    json_schema,            ///< well-formed JSON that breaks the schema
    unsupported_version,    ///< a format version this build does not read
    // rulebooks
    rulebook_invalid = 300, ///< a rulebook file that breaks its schema
    rulebook_not_found,     ///< no built-in rulebook of that name
    // import
    no_form_found = 400,    ///< a document in which no form was recognised
    invalid_utf8,           ///< bytes that are not UTF-8
    encoding_error,         ///< conversion from another encoding failed
    io_error,               ///< a file could not be read or written
    limit_exceeded,         ///< input beyond a documented limit
    unknown_format,         ///< the reader could not be detected
    reader_unavailable,     ///< a known format whose reader is not in this build (PDF without jixiao::pdf)
    password_required,      ///< an encrypted document that cannot be opened without a password
    invalid_document,       ///< a document its reader cannot open or parse (a broken PDF)
    no_text_layer,          ///< a paged document without text (a scan): it needs OCR
    corrupt_file,           ///< a container (ZIP: .xlsx, .docx) that is truncated, corrupt or encrypted
};

/// Stable lower-case name of a code, e.g. `"invalid_character"`.
[[nodiscard]] constexpr std::string_view to_string(errc code) noexcept {
    switch (code) {
    case errc::empty_number: return "empty_number";
    case errc::invalid_character: return "invalid_character";
    case errc::misplaced_sign: return "misplaced_sign";
    case errc::misplaced_separator: return "misplaced_separator";
    case errc::multiple_points: return "multiple_points";
    case errc::exponent_out_of_range: return "exponent_out_of_range";
    case errc::too_many_digits: return "too_many_digits";
    case errc::division_by_zero: return "division_by_zero";
    case errc::empty_value: return "empty_value";
    case errc::invalid_value: return "invalid_value";
    case errc::invalid_range: return "invalid_range";
    case errc::incompatible_units: return "incompatible_units";
    case errc::inexact_conversion: return "inexact_conversion";
    case errc::json_syntax: return "json_syntax";
    case errc::json_schema: return "json_schema";
    case errc::unsupported_version: return "unsupported_version";
    case errc::rulebook_invalid: return "rulebook_invalid";
    case errc::rulebook_not_found: return "rulebook_not_found";
    case errc::no_form_found: return "no_form_found";
    case errc::invalid_utf8: return "invalid_utf8";
    case errc::encoding_error: return "encoding_error";
    case errc::io_error: return "io_error";
    case errc::limit_exceeded: return "limit_exceeded";
    case errc::unknown_format: return "unknown_format";
    case errc::reader_unavailable: return "reader_unavailable";
    case errc::password_required: return "password_required";
    case errc::invalid_document: return "invalid_document";
    case errc::no_text_layer: return "no_text_layer";
    case errc::corrupt_file: return "corrupt_file";
    }
    return "unknown";
}

/// An error in user data: what (code, message), where (byte offset into the text that was
/// parsed, and a human location such as `form 3, row 12, column 4` or a JSON path).
struct error {
    /// What went wrong (stable name: `to_string(code)`).
    errc code{};
    std::size_t offset = 0;  ///< byte offset into the parsed text (0 when not applicable)
    std::string where;       ///< location beyond the text: file, form, row, column, JSON path
    std::string message;     ///< why, in English

    /// One line: `where: message (code at byte N)`.
    [[nodiscard]] std::string describe() const {
        std::string out;
        if (!where.empty()) {
            out += where;
            out += ": ";
        }
        out += message;
        out += " (";
        out += to_string(code);
        out += " at byte ";
        out += std::to_string(offset);
        out += ')';
        return out;
    }
    /// Member-wise equality.
    friend bool operator==(const error&, const error&) = default;
};

/// The one exception type; carries the `error`. Thrown only at the edges of the library.
class exception : public std::runtime_error {
public:
    /// Wraps `e`; `what()` is `e.describe()`.
    explicit exception(error e) : std::runtime_error(e.describe()), error_(std::move(e)) {}
    /// The error carried.
    [[nodiscard]] const error& get() const noexcept { return error_; }

private:
    error error_;
};

namespace detail {
[[noreturn]] inline void expects_failed(const char* condition, const char* file, int line) {
    std::fprintf(stderr, "jixiao: precondition failed: %s (%s:%d)\n", condition, file, line);
    std::abort();
}
}  // namespace detail

/// A value of type `T` or an `error`; the result of every operation on user data.
template <class T>
class [[nodiscard]] result {
public:
    /// A success holding `value`.
    result(T value) : state_(std::in_place_index<0>, std::move(value)) {}          // NOLINT
    /// A failure holding `e`.
    result(jixiao::error e) : state_(std::in_place_index<1>, std::move(e)) {}              // NOLINT

    /// Whether this holds a value (not an error).
    [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }
    /// Same as `has_value()`.
    explicit operator bool() const noexcept { return has_value(); }

    /// The value; checked: an error here is a programmer error.
    [[nodiscard]] T& value() & { check(); return std::get<0>(state_); }
    /// The value; checked: an error here is a programmer error.
    [[nodiscard]] const T& value() const& { check(); return std::get<0>(state_); }
    /// The value, moved out; checked: an error here is a programmer error.
    [[nodiscard]] T&& value() && { check(); return std::get<0>(std::move(state_)); }
    /// The value (checked).
    [[nodiscard]] T& operator*() & { return value(); }
    /// The value (checked).
    [[nodiscard]] const T& operator*() const& { return value(); }
    /// The value, moved out (checked).
    [[nodiscard]] T&& operator*() && { return std::move(*this).value(); }
    /// Member access to the value (checked).
    [[nodiscard]] T* operator->() { return &value(); }
    /// Member access to the value (checked).
    [[nodiscard]] const T* operator->() const { return &value(); }

    /// The error; precondition: `!has_value()`.
    [[nodiscard]] const jixiao::error& error() const& {
        if (has_value()) detail::expects_failed("!has_value()", __FILE__, __LINE__);
        return std::get<1>(state_);
    }

    /// The value, or throws `jixiao::exception` (for the edges: CLI, Python, tests).
    [[nodiscard]] T value_or_throw() const& {
        if (!has_value()) throw exception(std::get<1>(state_));
        return std::get<0>(state_);
    }
    /// The value, or throws `jixiao::exception` carrying the error.
    [[nodiscard]] T value_or_throw() && {
        if (!has_value()) throw exception(std::get<1>(state_));
        return std::get<0>(std::move(state_));
    }

private:
    void check() const {
        if (!has_value()) throw exception(std::get<1>(state_));
    }
    std::variant<T, jixiao::error> state_;
};

}  // namespace jixiao

/// The one checked precondition macro: a broken precondition is a programmer error and aborts
/// with the condition and its place.
#define JIXIAO_EXPECTS(cond) \
    ((cond) ? static_cast<void>(0) : ::jixiao::detail::expects_failed(#cond, __FILE__, __LINE__))
