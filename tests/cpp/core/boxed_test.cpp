// Tests of boxed<T>: an optional value on the heap with value semantics (the error of a cell).
#include <jixiao/boxed.hpp>
#include <jixiao/error.hpp>
#include <jixiao/form.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>

namespace {

using jixiao::boxed;

TEST(boxed, is_one_pointer_and_starts_empty) {
    EXPECT_EQ(sizeof(boxed<jixiao::error>), sizeof(void*));
    const boxed<std::string> empty;
    EXPECT_FALSE(empty.has_value());
    EXPECT_FALSE(static_cast<bool>(empty));
    EXPECT_EQ(empty.to_optional(), std::nullopt);
    const boxed<std::string> from_nullopt = std::nullopt;
    EXPECT_EQ(empty, from_nullopt);
}

TEST(boxed, copies_deeply_and_moves_by_stealing) {
    boxed<std::string> a = std::string("invalid number");
    ASSERT_TRUE(a.has_value());
    boxed<std::string> b = a;
    EXPECT_EQ(*b, "invalid number");
    b->append("!");  // the copy is its own value
    EXPECT_EQ(*a, "invalid number");
    EXPECT_NE(a, b);
    const std::string* address = &*a;
    boxed<std::string> c = std::move(a);
    EXPECT_EQ(&*c, address);
    EXPECT_FALSE(a.has_value());  // NOLINT(bugprone-use-after-move): a moved-from box is empty
    c = b;
    EXPECT_EQ(c, b);
    const boxed<std::string>& itself = c;
    c = itself;  // self-assignment keeps the value
    EXPECT_EQ(*c, "invalid number!");
    c = std::nullopt;
    EXPECT_FALSE(c.has_value());
    c = std::string("again");
    EXPECT_EQ(c.to_optional(), std::optional<std::string>("again"));
    c.reset();
    EXPECT_EQ(c, boxed<std::string>());
}

TEST(boxed, compares_values_not_addresses) {
    const boxed<int> one = 1;
    const boxed<int> other_one = std::optional<int>(1);
    const boxed<int> two = 2;
    const boxed<int> none;
    EXPECT_EQ(one, other_one);
    EXPECT_NE(one, two);
    EXPECT_NE(one, none);
    EXPECT_NE(none, one);
    EXPECT_EQ(none, boxed<int>(std::optional<int>()));
}

TEST(boxed, holds_the_error_of_an_invalid_cell) {
    const auto cell = jixiao::read_number_cell("12..5");
    ASSERT_EQ(cell.state, jixiao::cell_state::invalid);
    ASSERT_TRUE(cell.problem.has_value());
    EXPECT_FALSE(cell.problem->message.empty());
    auto copy = cell;
    EXPECT_EQ(copy, cell);
    EXPECT_NE(&*copy.problem, &*cell.problem);
    EXPECT_FALSE(jixiao::read_number_cell("12.5").problem.has_value());
}

}  // namespace
