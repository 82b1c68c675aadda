// A tiny program built against the installed jixiao::pdf: the reader registers, opens a PDF
// through poppler and tells a damaged one from a form.
#include <jixiao/io/grid.hpp>
#include <jixiao/io/pdf.hpp>

#include <iostream>

int main() {
    jixiao::pdf::register_reader();
    if (jixiao::io::registered_reader(jixiao::io::grid_format::pdf) == nullptr) return 1;
    auto g = jixiao::io::read_grid("%PDF-1.4\nnot a PDF body\n", jixiao::io::grid_format::pdf);
    if (g || g.error().code != jixiao::errc::invalid_document) return 2;
    std::cout << "consumer_pdf: " << g.error().message << '\n';
    return 0;
}
