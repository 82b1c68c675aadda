// rulebook_by_kind.cpp — which built-in rulebook a kind of form is scored by when the caller
// names none (docs/rulebooks.md, "Which rulebook scores a form").
#include <jixiao/rulebook.hpp>

namespace jixiao {

std::string_view kind_rulebook_name(form_kind k) noexcept {
    switch (k) {
    case form_kind::department_self_evaluation:
    case form_kind::department_declaration: return "department-2020";
    case form_kind::rubric_evaluation: return "rubric-2020";
    case form_kind::project_self_evaluation:
    case form_kind::transfer_self_evaluation:
    case form_kind::project_declaration:
    case form_kind::other: return {};
    }
    return {};
}

std::string_view rulebook_name_for(form_kind k) noexcept {
    const std::string_view own = kind_rulebook_name(k);
    return own.empty() ? default_rulebook_name : own;
}

}  // namespace jixiao
