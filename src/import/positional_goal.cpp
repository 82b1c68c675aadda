// positional_goal.cpp — the goal block (年度总体目标): a row of labels (预期目标 / 实际完成情况,
// or the block label, whole or as a vertical fragment) opens it; the text cells of the rows
// that follow are the expected and achieved goal, by header column when a row has one text,
// else in order. `<p>` paragraphs are joined by line breaks, other tags removed.
#include "import/positional_internal.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::io::detail::positional {

bool has_goal_label(const wrow& r) noexcept {
    for (const wcell& c : r.cells) {
        if (c.is(bit_goal_label | bit_goal_or_fragment)) return true;
    }
    return false;
}

void read_goal_row(recognition_context& ctx, const wrow& r, form& f, goal_header& header) {
    std::vector<const wcell*> texts;
    for (const wcell& c : r.cells) {
        const std::string_view role = c.goal_role();
        if (role == "expected" || role == "achieved") {
            header.emplace_back(c.column, role);
            recognition_context::map(c);
        } else if (role == "goal") {
            recognition_context::map(c);
        } else if (c.is(bit_goal_or_fragment)) {
            ctx.drop(c, "split_label_dropped", "a fragment of the vertical label 年度总体目标");
        } else {
            texts.push_back(&c);
        }
    }
    for (std::size_t k = 0; k < texts.size(); ++k) {
        const wcell& c = *texts[k];
        bool tags = false;
        std::string text = detail::strip_html_paragraphs(c.text, tags);
        // Which field: by header column when known, else by order.
        std::string_view field;
        if (!header.empty() && texts.size() == 1) {
            std::size_t best = 0;
            std::size_t best_distance = static_cast<std::size_t>(-1);
            for (std::size_t h = 0; h < header.size(); ++h) {
                const std::size_t col = header[h].first;
                const std::size_t d = col > c.column ? col - c.column : c.column - col;
                if (d < best_distance) {
                    best_distance = d;
                    best = h;
                }
            }
            field = header[best].second;
        } else {
            field = k == 0 ? "expected" : (k == 1 ? "achieved" : "");
        }
        std::string* target = field == "expected" ? &f.annual_goal.expected
                              : field == "achieved" ? &f.annual_goal.achieved : nullptr;
        if (target == nullptr) {
            ctx.unmapped(c, "a third goal text in one row");
            continue;
        }
        if (tags) {
            ctx.note(note_kind::repair, "html_tags_stripped",
                     "HTML tags removed from the goal text; <p> paragraphs joined by line breaks", c);
        }
        if (!target->empty()) {
            ctx.note(note_kind::repair, "goal_text_joined", "goal text continued in a later row was appended", c);
            target->append("\n");
        }
        target->append(text);
        recognition_context::map(c);
    }
}

}  // namespace jixiao::io::detail::positional
