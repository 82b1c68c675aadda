// A tiny program built against the *installed* jixiao package.
#include <jixiao/jixiao.hpp>

#include <iostream>

int main() {
    auto rate = jixiao::decimal::parse("524,760");
    if (!rate) return 1;
    auto third = jixiao::divide(*rate, jixiao::decimal{3}, 2, jixiao::rounding::half_away_from_zero);
    if (!third || third->to_string() != "174920.00") return 2;
    std::cout << "consumer: " << third->to_string() << '\n';
    return 0;
}
