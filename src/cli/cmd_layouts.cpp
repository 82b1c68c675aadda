// cmd_layouts.cpp — `jixiao layouts list|show`: the layout families the recognizer reads.
#include "cli.hpp"

#include <jixiao/io/layouts.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>
#include <string>

namespace jixiao::cli {

namespace {

std::string family_json(const io::layout_family& f) {
    nlohmann::ordered_json j;
    j["id"] = f.id;
    j["name_zh"] = f.name_zh;
    j["name_en"] = f.name_en;
    j["kind"] = std::string(jixiao::to_string(f.kind));
    j["rulebook"] = f.rulebook;
    j["titles"] = f.titles;
    auto roles = [](const std::vector<io::label_role>& v) {
        nlohmann::ordered_json o = nlohmann::ordered_json::object();
        for (const auto& [label, role] : v) o[label] = role;
        return o;
    };
    j["header_fields"] = roles(f.header_fields);
    j["funds_labels"] = f.funds_labels;
    j["funds_columns"] = roles(f.funds_columns);
    j["funds_rows"] = roles(f.funds_rows);
    j["goal_labels"] = roles(f.goal_labels);
    j["indicator_columns"] = roles(f.indicator_columns);
    j["total_labels"] = f.total_labels;
    j["level1_labels"] = f.level1_labels;
    j["section_weights"] = roles(f.section_weights);
    j["department_markers"] = f.department_markers;
    j["declaration_markers"] = f.declaration_markers;
    return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

command add_layouts(CLI::App& root) {
    auto name = std::make_shared<std::string>();
    CLI::App* app = root.add_subcommand("layouts", "List the layout families (how each locality prints the form) or show one");
    app->require_subcommand(1);
    CLI::App* list = app->add_subcommand("list", "Ids, kinds, rulebooks and names of the built-in layout families");
    CLI::App* show = app->add_subcommand("show", "A layout family (built-in id or file) as JSON");
    show->add_option("family", *name, "Built-in id or layout file")->required();
    return {app, [list, show, name] {
                if (list->parsed()) {
                    for (const io::layout_family& f : io::builtin_layouts()) {
                        std::printf("%-16s %-26s %-10s %s\n", f.id.c_str(), std::string(jixiao::to_string(f.kind)).c_str(),
                                    f.rulebook.c_str(), f.name_zh.c_str());
                    }
                    return static_cast<int>(exit_clean);
                }
                if (show->parsed()) {
                    for (const io::layout_family& f : io::builtin_layouts()) {
                        if (f.id == *name) {
                            write_output("-", family_json(f) + "\n");
                            return static_cast<int>(exit_clean);
                        }
                    }
                    auto f = io::load_layout_file(*name);
                    if (!f) throw failure(exit_input, f.error().describe());
                    write_output("-", family_json(*f) + "\n");
                }
                return static_cast<int>(exit_clean);
            }};
}

}  // namespace jixiao::cli
