// oracle.cpp — the library's own answer for the CLI tests: reads canonical JSON form files,
// scores and audits them with a rulebook, and prints `evaluations_to_json` (as `jixiao audit
// --json` should). Usage: jixiao_cli_oracle RULEBOOK FILE...
#include <jixiao/io/export.hpp>
#include <jixiao/json.hpp>
#include <jixiao/portfolio.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace jixiao;
    if (argc < 3) {
        std::fprintf(stderr, "usage: jixiao_cli_oracle RULEBOOK FILE...\n");
        return 2;
    }
    try {
        const rulebook book = builtin_rulebook(argv[1]).value_or_throw();
        std::vector<evaluation> evaluations;
        for (int i = 2; i < argc; ++i) {
            std::ifstream in(argv[i], std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            for (form& f : read_forms_json(text.str()).value_or_throw()) {
                if (f.where.file.empty()) f.where.file = argv[i];
                evaluations.push_back(evaluate(std::move(f), book, argv[i]));
            }
        }
        const portfolio p = summarize(evaluations, book);
        std::cout << io::evaluations_to_json(evaluations, p) << '\n';
    } catch (const std::exception& e) {
        std::fprintf(stderr, "oracle: %s\n", e.what());
        return 3;
    }
    return 0;
}
