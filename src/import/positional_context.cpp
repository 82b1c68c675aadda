// positional_context.cpp — what the stages write to the import report: notes with their
// location and the form they belong to, cells removed or left unplaced, wrapped cells unwrapped.
#include "import/positional_internal.hpp"

#include <string>
#include <string_view>
#include <utility>

namespace jixiao::io::detail::positional {

void recognition_context::note(note_kind kind, std::string code, std::string message, const wcell& c) {
    report_.notes.push_back(import_note{std::move(code), kind, std::move(message), where(c), std::string(c.text),
                                        form_index});
}

void recognition_context::note_row(note_kind kind, std::string code, std::string message, const wrow* r) {
    source_location w = r != nullptr ? where_row(*r) : source_location{source_name_, 0, 0, 0};
    report_.notes.push_back(import_note{std::move(code), kind, std::move(message), std::move(w), {}, form_index});
}

void recognition_context::drop(const wcell& c, std::string code, std::string message) {
    note(note_kind::repair, std::move(code), std::move(message), c);
    c.fate = cell_fate::noted;
}

void recognition_context::unmapped(const wcell& c, std::string message) {
    note(note_kind::unmapped, "cell_unmapped", std::move(message), c);
    c.fate = cell_fate::noted;
}

std::string recognition_context::unwrapped_slow(const wcell& c) {
    std::string t = unwrap(c.text);
    if (t != c.text) {
        note(note_kind::repair, "line_break_removed",
             "spaces or line breaks inside the cell come from a line wrap and were removed", c);
    }
    return t;
}

std::string_view recognition_context::unwrapped_view_slow(const wcell& c) {
    std::string t = unwrap(c.text);
    if (t == c.text) return c.text;
    note(note_kind::repair, "line_break_removed",
         "spaces or line breaks inside the cell come from a line wrap and were removed", c);
    return owned_texts_.emplace_back(std::move(t));
}

}  // namespace jixiao::io::detail::positional
