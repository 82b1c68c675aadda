// jixiao/boxed.hpp — an optional value kept on the heap: one pointer wide when empty.
//
// Synopsis:
//   template <T> class boxed   like std::optional<T> (has_value, *, ->, reset, ==, = T,
//                              = std::nullopt), but the value lives on the heap
//
// For members that are almost always empty and large when set, such as the error of a cell that
// did not parse (`reported<T>::problem`): an std::optional<error> is 88 bytes in every cell of
// every form; a boxed<error> is 8. Copies are deep (value semantics), moves steal the pointer.
#pragma once

#include <memory>
#include <optional>
#include <utility>

namespace jixiao {

/// An optional `T` on the heap (see the file comment). Value semantics like std::optional.
template <class T>
class boxed {
public:
    /// Empty.
    boxed() noexcept = default;
    /// Empty.
    boxed(std::nullopt_t) noexcept {}  // NOLINT: converts like std::optional
    /// Holds `value`.
    boxed(T value) : p_(std::make_unique<T>(std::move(value))) {}  // NOLINT: converts like std::optional
    /// Holds the value of `value`, if any.
    boxed(const std::optional<T>& value) : p_(value ? std::make_unique<T>(*value) : nullptr) {}  // NOLINT
    /// A deep copy.
    boxed(const boxed& other) : p_(other.p_ ? std::make_unique<T>(*other.p_) : nullptr) {}
    /// Takes the value of `other`, which is left empty.
    boxed(boxed&&) noexcept = default;
    /// A deep copy.
    boxed& operator=(const boxed& other) {
        if (this != &other) p_ = other.p_ ? std::make_unique<T>(*other.p_) : nullptr;
        return *this;
    }
    /// Takes the value of `other`, which is left empty.
    boxed& operator=(boxed&&) noexcept = default;
    /// Empties the box.
    boxed& operator=(std::nullopt_t) noexcept {
        p_.reset();
        return *this;
    }
    /// Holds `value`.
    boxed& operator=(T value) {
        p_ = std::make_unique<T>(std::move(value));
        return *this;
    }
    ~boxed() = default;  ///< Frees the value.

    /// Whether a value is held.
    [[nodiscard]] bool has_value() const noexcept { return p_ != nullptr; }
    /// Whether a value is held.
    explicit operator bool() const noexcept { return p_ != nullptr; }
    /// The value (precondition: has_value()).
    [[nodiscard]] const T& operator*() const noexcept { return *p_; }
    /// The value (precondition: has_value()).
    [[nodiscard]] T& operator*() noexcept { return *p_; }
    /// The value's members (precondition: has_value()).
    [[nodiscard]] const T* operator->() const noexcept { return p_.get(); }
    /// The value's members (precondition: has_value()).
    [[nodiscard]] T* operator->() noexcept { return p_.get(); }
    /// Empties the box.
    void reset() noexcept { p_.reset(); }
    /// The value as an std::optional (a copy).
    [[nodiscard]] std::optional<T> to_optional() const { return p_ ? std::optional<T>(*p_) : std::nullopt; }

    /// Both empty, or both set to equal values.
    friend bool operator==(const boxed& a, const boxed& b) {
        if (!a.p_ || !b.p_) return !a.p_ && !b.p_;
        return *a.p_ == *b.p_;
    }

private:
    std::unique_ptr<T> p_;
};

}  // namespace jixiao
