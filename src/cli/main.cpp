// main.cpp — the jixiao command: subcommands import, score, audit, render, summary, rulebooks, layouts.
// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, 3 input error
// (docs/cli.md).
#include "cli.hpp"

#if JIXIAO_WITH_PDF
#include <jixiao/io/pdf.hpp>
#endif
#if JIXIAO_WITH_OCR
#include <jixiao/io/ocr.hpp>
#endif

#include <cstdio>
#include <exception>
#include <vector>

int main(int argc, char** argv) {
    using namespace jixiao::cli;
#if JIXIAO_WITH_PDF
    jixiao::pdf::register_reader();  // PDF input (jixiao::pdf)
#endif
#if JIXIAO_WITH_OCR
    jixiao::ocr::register_reader();  // scans: images, and PDF pages without text (jixiao::ocr)
#endif
    CLI::App root{"jixiao: import, score, audit and report China's project expenditure performance "
                  "self-evaluation forms (财政项目支出绩效自评表)",
                  "jixiao"};
    root.set_version_flag("-V,--version", version_text());
    root.require_subcommand(1);
    std::vector<command> commands{add_import(root), add_score(root),   add_audit(root),
                                  add_render(root), add_summary(root), add_rulebooks(root),
                                  add_layouts(root)};
    try {
        root.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return root.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return root.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return root.exit(e);
    } catch (const CLI::ParseError& e) {
        root.exit(e);
        return exit_usage;
    }
    try {
        for (const command& c : commands) {
            if (c.app->parsed()) return c.run();
        }
        return exit_usage;
    } catch (const failure& f) {
        std::fprintf(stderr, "jixiao: error: %s\n", f.what());
        return f.code;
    } catch (const jixiao::exception& e) {
        std::fprintf(stderr, "jixiao: error: %s\n", e.what());
        return exit_input;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "jixiao: internal error: %s\n", e.what());
        return 4;
    }
}
