// cmd_rulebooks.cpp — `jixiao rulebooks list|show`: the built-in rulebooks.
#include "cli.hpp"

#include <cstdio>
#include <memory>

namespace jixiao::cli {

command add_rulebooks(CLI::App& root) {
    auto name = std::make_shared<std::string>();
    CLI::App* app = root.add_subcommand("rulebooks", "List the built-in rulebooks or show one");
    app->require_subcommand(1);
    CLI::App* list = app->add_subcommand("list", "Names, versions and titles of the built-in rulebooks");
    CLI::App* show = app->add_subcommand("show", "A rulebook (built-in name or file) as full JSON");
    show->add_option("rulebook", *name, "Built-in name or rulebook file")->required();
    return {app, [list, show, name] {
                if (list->parsed()) {
                    for (const std::string& n : builtin_rulebook_names()) {
                        const rulebook book = builtin_rulebook(n).value_or_throw();
                        std::printf("%-28s %-10s %s\n", n.c_str(), book.version.c_str(), book.title.c_str());
                    }
                } else if (show->parsed()) {
                    write_output("-", to_json(resolve_rulebook(*name)) + "\n");
                }
                return static_cast<int>(exit_clean);
            }};
}

}  // namespace jixiao::cli
