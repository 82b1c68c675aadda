"""Exact numbers cross as decimal.Decimal both ways; floats are refused unless asked for."""

import pickle
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

import jixiao


@pytest.mark.parametrize("text", ["0", "1.50", "-7", "1675799.58", "0.00", "123456789012345678901234567890.123"])
def test_decimal_round_trip_keeps_value_and_scale(text):
    d = jixiao.to_decimal(text)
    assert isinstance(d, Decimal)
    assert str(d) == text
    assert jixiao.to_decimal(d) == d and str(jixiao.to_decimal(d)) == text


@pytest.mark.parametrize("text,expected", [("1,675,799.58", "1675799.58"), ("１２３．４５", "123.45"), ("1e5", "100000")])
def test_real_world_spellings(text, expected):
    assert jixiao.to_decimal(text) == Decimal(expected)


def test_ints_and_exponent_decimals_come_in_exactly():
    assert jixiao.to_decimal(10**30) == Decimal(10**30)
    assert str(jixiao.to_decimal(Decimal("1E+5"))) == "100000"
    assert jixiao.to_decimal(Decimal("-0.00")) == 0


def test_float_is_refused_with_a_clear_type_error():
    with pytest.raises(TypeError, match="float"):
        jixiao.to_decimal(0.1)
    with pytest.raises(TypeError, match="allow_float"):
        jixiao.ReportedNumber.of(2.5)
    f = jixiao.Form()
    with pytest.raises(TypeError):
        f.total_score = 99.5
    assert f.total_score.state == "missing"  # nothing changed


def test_float_converts_only_on_explicit_request():
    assert jixiao.to_decimal(0.1, allow_float=True) == Decimal("0.1")
    with pytest.raises(ValueError):
        jixiao.to_decimal(float("nan"), allow_float=True)


def test_non_numbers_are_type_errors():
    for bad in (True, None, [1], object()):
        with pytest.raises(TypeError):
            jixiao.to_decimal(bad)
    with pytest.raises(ValueError):
        jixiao.to_decimal(Decimal("NaN"))


def test_bad_number_text_raises_decimal_error_with_position():
    with pytest.raises(jixiao.DecimalError) as info:
        jixiao.to_decimal("12a4")
    assert info.value.code == "invalid_character"
    assert info.value.offset == 2
    assert isinstance(info.value, ValueError)
    again = pickle.loads(pickle.dumps(info.value))
    assert again.code == "invalid_character" and again.offset == 2


def test_rounding_and_division_are_exact():
    assert jixiao.round_decimal("2.345", 2) == Decimal("2.35")       # 四舍五入
    assert jixiao.round_decimal("2.345", 2, "half_even") == Decimal("2.34")
    assert jixiao.divide("524760", "548760", 4) == Decimal("0.9563")
    assert jixiao.format_decimal(Decimal("1675799.5"), 2, thousands=True) == "1,675,799.50"
    assert jixiao.format_decimal(Decimal("0.8618304"), 2, percent=True) == "86.18%"
    with pytest.raises(jixiao.DecimalError) as info:
        jixiao.divide(1, 0, 2)
    assert info.value.code == "division_by_zero"
    with pytest.raises(ValueError):
        jixiao.round_decimal(1, 2, "sideways")
    assert "half_away_from_zero" in jixiao.rounding_modes()


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=Decimal("-1e15"), max_value=Decimal("1e15")))
def test_any_finite_decimal_round_trips_by_value(d):
    assert jixiao.to_decimal(d) == d


@given(st.integers(min_value=-10**40, max_value=10**40), st.integers(min_value=0, max_value=12))
def test_coefficient_and_scale_survive(coefficient, scale):
    d = Decimal(f"{coefficient}E-{scale}")  # exact: no context rounding
    out = jixiao.to_decimal(d)
    assert out == d
    assert out.as_tuple() == d.as_tuple()  # same digits, same scale
