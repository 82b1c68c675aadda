// bind_values.cpp — decimals, units, quantities and value expressions.
#include "bindings.hpp"

#include <jixiao/decimal.hpp>
#include <jixiao/unit.hpp>
#include <jixiao/value.hpp>

#include <pybind11/operators.h>

namespace jixiao::python {

const enum_table<rounding> rounding_names = {
    {rounding::half_away_from_zero, "half_away_from_zero"}, {rounding::half_even, "half_even"},
    {rounding::half_down, "half_down"}, {rounding::up, "up"}, {rounding::down, "down"},
    {rounding::ceiling, "ceiling"}, {rounding::floor, "floor"}};
const enum_table<dimension> dimension_names = {
    {dimension::dimensionless, "dimensionless"}, {dimension::money, "money"}, {dimension::count, "count"},
    {dimension::time, "time"}, {dimension::opaque, "opaque"}, {dimension::physical, "physical"}};
const enum_table<value_kind> value_kind_names = {
    {value_kind::empty, "empty"}, {value_kind::not_applicable, "not_applicable"},
    {value_kind::quantity, "quantity"}, {value_kind::range, "range"},
    {value_kind::time_point, "time_point"}, {value_kind::qualitative, "qualitative"},
    {value_kind::text, "text"}};
const enum_table<period_part> period_part_names = {
    {period_part::whole, "whole"}, {period_part::early, "early"}, {period_part::middle, "middle"},
    {period_part::late, "late"}, {period_part::end, "end"}, {period_part::before_end, "before_end"}};
const enum_table<qualitative_kind> qualitative_kind_names = {
    {qualitative_kind::tier_met, "tier_met"}, {qualitative_kind::tier_partly_met, "tier_partly_met"},
    {qualitative_kind::tier_not_met, "tier_not_met"}, {qualitative_kind::positive, "positive"},
    {qualitative_kind::negative, "negative"}, {qualitative_kind::other, "other"}};
const enum_table<outcome> outcome_names = {
    {outcome::met, "met"}, {outcome::not_met, "not_met"}, {outcome::not_comparable, "not_comparable"}};

rounding rounding_from(const std::string& name) { return enum_from(name, rounding_names, "rounding mode"); }

namespace {

value_expr parse_or_raise(const std::string& text) { return unwrap(parse_value(text)); }

}  // namespace

void bind_values(py::module_& m) {
    m.def("to_decimal", [](py::handle x, bool allow_float) { return from_python_decimal(x, allow_float); },
          py::arg("x"), py::kw_only(), py::arg("allow_float") = false,
          "The exact decimal.Decimal of `x`: a Decimal, an int, or a str written as in forms "
          "('1,675,799.58', '１２３．４５', '1e5'). A float raises TypeError unless allow_float=True "
          "(then its shortest repr is used: 0.1 -> Decimal('0.1')). Bad text raises DecimalError.");
    m.def("format_decimal",
          [](const decimal& x, std::optional<int> places, const std::string& mode, bool thousands, bool percent) {
              format_spec spec;
              spec.places = places;
              spec.mode = rounding_from(mode);
              spec.thousands = thousands;
              spec.percent = percent;
              return x.format(spec);
          },
          py::arg("x"), py::arg("places") = py::none(), py::kw_only(), py::arg("mode") = "half_away_from_zero",
          py::arg("thousands") = false, py::arg("percent") = false,
          "Text of `x`: rounded to `places` (by `mode`), with thousands separators, or as a percent "
          "(value x 100 followed by '%').");
    m.def("round_decimal", [](const decimal& x, int places, const std::string& mode) { return x.round(places, rounding_from(mode)); },
          py::arg("x"), py::arg("places"), py::arg("mode") = "half_away_from_zero",
          "`x` quantized to exactly `places` decimal places by `mode` (default half_away_from_zero, 四舍五入).");
    m.def("divide",
          [](const decimal& a, const decimal& b, int places, const std::string& mode) {
              return unwrap(jixiao::divide(a, b, places, rounding_from(mode)));
          },
          py::arg("dividend"), py::arg("divisor"), py::arg("places"), py::arg("mode") = "half_away_from_zero",
          "`dividend / divisor` rounded to `places` by `mode`; DecimalError (division_by_zero) for a zero divisor.");
    m.def("rounding_modes", [] {
              std::vector<std::string> out;
              for (const auto& [mode, name] : rounding_names) out.emplace_back(name);
              return out;
          },
          "Names of the rounding modes: half_away_from_zero (四舍五入, the default), half_even, ...");

    py::class_<unit>(m, "Unit", "A unit: a dimension key plus an exact scale to its base (万元 -> 10000, % -> 0.01).")
        .def_property_readonly("symbol", &unit::symbol, "Canonical spelling: '万元', '%', '元/人次'; '' for a plain number.")
        .def_property_readonly("key", &unit::key, "Dimension key: units with equal keys are commensurable ('money', 'count:人次').")
        .def_property_readonly("dimension", [](const unit& u) { return enum_name(u.dim(), dimension_names); },
                               "Dimension of the numerator: dimensionless, money, count, time, opaque, physical.")
        .def_property_readonly("scale", [](const unit& u) { return u.scale(); }, "Exact factor to the base unit (Decimal).")
        .def("__eq__", [](const unit& a, const unit& b) { return a == b; }, py::is_operator())
        .def("__repr__", [](const unit& u) { return "Unit('" + u.symbol() + "', key='" + u.key() + "')"; })
        .def(py::pickle([](const unit& u) { return py::make_tuple(static_cast<int>(u.dim()), u.key(), u.scale(), u.symbol()); },
                        [](const py::tuple& t) {
                            return unit(static_cast<dimension>(t[0].cast<int>()), t[1].cast<std::string>(),
                                        t[2].cast<decimal>(), t[3].cast<std::string>());
                        }));
    m.def("find_unit", &find_unit, py::arg("spelling"),
          "The unit of a spelling ('万元', '％', '元/ 次'), or None when it is not in the unit table.");

    py::class_<quantity>(m, "Quantity", "An exact number in a unit.")
        .def_property_readonly("number", [](const quantity& q) { return q.number; }, "The number as written (Decimal, scale kept).")
        .def_property_readonly("unit", [](const quantity& q) { return q.in; }, "The unit.")
        .def("in_base", &quantity::in_base, "The value in the base unit of its dimension (3.50万元 -> Decimal('35000.0000')).")
        .def("__str__", &quantity::to_string)
        .def("__repr__", [](const quantity& q) { return "Quantity('" + q.to_string() + "')"; })
        .def("__eq__", [](const quantity& a, const quantity& b) { return a == b; }, py::is_operator());

    py::class_<time_point>(m, "TimePoint", "A calendar point: year and/or month and which part of it.")
        .def_property_readonly("year", [](const time_point& t) { return t.year; })
        .def_property_readonly("month", [](const time_point& t) { return t.month; })
        .def_property_readonly("part", [](const time_point& t) { return enum_name(t.part, period_part_names); },
                               "whole, early, middle, late, end or before_end.")
        .def("__eq__", [](const time_point& a, const time_point& b) { return a == b; }, py::is_operator());

    py::class_<value_expr>(m, "ValueExpr",
                           "One parsed value expression (年度指标值 / 实际完成值); `text` keeps the original.")
        .def(py::init(&parse_or_raise), py::arg("text"), "Parses `text` (same as jixiao.parse_value).")
        .def_readonly("text", &value_expr::text, "The original text, exactly as given.")
        .def_property_readonly("kind", [](const value_expr& v) { return enum_name(v.kind, value_kind_names); },
                               "empty, not_applicable, quantity, range, time_point, qualitative or text.")
        .def_property_readonly("comparator", [](const value_expr& v) { return std::string(to_string(v.op)); },
                               "Canonical comparator: '=', '>=', '>', '<=', '<', '~' (approximately) or ''.")
        .def_property_readonly("amount", [](const value_expr& v) -> std::optional<quantity> {
                                   if (v.kind == value_kind::quantity || v.kind == value_kind::range) return v.amount;
                                   return std::nullopt;
                               }, "The quantity (quantity kind) or the lower end (range kind), else None.")
        .def_property_readonly("upper", [](const value_expr& v) -> std::optional<quantity> {
                                   if (v.kind == value_kind::range) return v.upper;
                                   return std::nullopt;
                               }, "The upper end of a range, else None.")
        .def_property_readonly("when", [](const value_expr& v) -> std::optional<time_point> {
                                   if (v.kind == value_kind::time_point) return v.when;
                                   return std::nullopt;
                               }, "The time point (time_point kind), else None.")
        .def_property_readonly("quality", [](const value_expr& v) { return enum_name(v.quality, qualitative_kind_names); },
                               "For qualitative values: tier_met, tier_partly_met, tier_not_met, positive, negative, other.")
        .def_readonly("label", &value_expr::label, "Qualitative: the normalised label; text: the trimmed text.")
        .def_readonly("subject", &value_expr::subject, "Words before the value ('满意率达' in '满意率达95%以上').")
        .def("canonical", [](const value_expr& v) { return to_string(v); }, "Canonical spelling: '>=80%', '9-11月', '及时'.")
        .def("__str__", [](const value_expr& v) { return to_string(v); })
        .def("__repr__", [](const value_expr& v) { return "ValueExpr('" + v.text + "')"; })
        .def("__eq__", [](const value_expr& a, const value_expr& b) { return a == b; }, py::is_operator())
        .def(py::pickle([](const value_expr& v) { return py::make_tuple(v.text); },
                        [](const py::tuple& t) { return parse_or_raise(t[0].cast<std::string>()); }));

    m.def("parse_value", &parse_or_raise, py::arg("text"),
          "Parses a target or actual ('>=80%', '=3.50万元', '9-11月', '及时'). Free text becomes kind "
          "'text'; text that starts like a value and breaks raises ValueExpressionError with .offset.");
    m.def("compare_actual", [](const value_expr& a, const value_expr& t) { return enum_name(compare_actual(a, t), outcome_names); },
          py::arg("actual"), py::arg("target"),
          "Exact check of an actual against a target: 'met', 'not_met' or 'not_comparable'.");
}

}  // namespace jixiao::python
