// examples/custom_rulebook.cpp — docs/howto/rulebook.md in C++: score one indicator under the
// default rulebook, under a rulebook file that `extends` it, and under a rulebook changed in code.
//
//   custom_rulebook [SAMPLE] [RULEBOOK.json]
//     SAMPLE         forms to read (default tests/data/samples/songjiang-2023.txt)
//     RULEBOOK.json  default examples/rulebooks/example-ratio-whole-points.json
#include <jixiao/jixiao.hpp>

#include <iostream>
#include <string>

namespace {

// Prints the score of indicator `index` of `f` under `book`, with its formula.
void show(const jixiao::form& f, std::size_t index, const jixiao::rulebook& book) {
    const jixiao::scorecard card = jixiao::score(f, book);
    const jixiao::score_line& line = card.indicators.at(index);
    std::cout << book.id << ": " << (line.computed ? line.computed->to_string() : "-") << "  ("
              << line.trace.rule << ": " << line.trace.formula << "); total "
              << card.computed_total.to_string() << ' ' << card.computed_grade << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    const std::string sample = argc > 1 ? argv[1] : "tests/data/samples/songjiang-2023.txt";
    const std::string file = argc > 2 ? argv[2] : "examples/rulebooks/example-ratio-whole-points.json";

    auto imported = jixiao::io::import_file(sample);
    if (!imported) {
        std::cerr << imported.error().describe() << '\n';
        return 3;
    }
    // Form 3 of the sample (政府采购管理), indicator 7: 专家评审费, target <=700元/人次, weight 6.
    // Pretend the expert fees overran: actual 800元/人次 instead of 700元/人次.
    jixiao::form f = imported->forms.at(2);
    jixiao::indicator& fees = f.indicators.at(6);
    fees.actual = jixiao::read_value_cell("800元/人次");
    std::cout << fees.name << ": target " << fees.target.text << ", actual " << fees.actual.text << '\n';

    // [builtin]
    const jixiao::rulebook standard = jixiao::builtin_rulebook("mof-2020").value_or_throw();
    show(f, 6, standard);  // 6 x (1 - (800 - 700) / 700) = 5.14
    // [builtin]

    // [file]
    auto from_file = jixiao::load_rulebook_file(file);  // `extends: mof-2020` + the changes
    if (!from_file) {
        std::cerr << from_file.error().describe() << '\n';  // names the JSON path of a bad field
        return 3;
    }
    show(f, 6, *from_file);  // round(6 x 700 / 800, 0) = 5
    // [file]

    // [code]
    jixiao::rulebook in_code = standard;  // a rulebook is plain data
    in_code.id = "mof-2020-ratio-in-code";
    in_code.quantitative.lower = jixiao::lower_formula::ratio;
    show(f, 6, in_code);  // 6 x 700 / 800 = 5.25
    // [code]
    return 0;
}
