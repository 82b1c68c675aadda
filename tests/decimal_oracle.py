#!/usr/bin/python3
"""Generate differential test cases for jixiao::decimal with Python's decimal module
(CPython's libmpdec) as the oracle.

Usage: decimal_oracle.py OUTPUT [--count-scale N]

Each output line is one case, fields separated by one space:

    op mode arg a b expected

op       add sub mul cmp parse quantize roundsig div divsig
mode     a rounding name of jixiao (half_away_from_zero, ...) or "-"
arg      places / significant digits, or "-"
a, b     operands, written so that jixiao::decimal reads them ("-" when unused)
expected the answer in jixiao's plain form (decimal::to_string): scale kept, no exponent,
         no negative zero; for cmp one of -1 0 1

The generator is deterministic (fixed seed). Conventions that differ from Python's are
translated here, in one place:
  * jixiao keeps scale >= 0; operands are written in plain notation so both sides agree.
  * negative zero does not exist in jixiao: "-0.00" is written "0.00".
  * round_significant / divide_significant pad to exactly N significant digits (1.5 -> 1.50
    for 3 digits); zero becomes zero with scale N - 1.
"""

import decimal
import random
import sys
from decimal import Decimal

SEED = 20231127

MODES = {
    "half_away_from_zero": decimal.ROUND_HALF_UP,
    "half_even": decimal.ROUND_HALF_EVEN,
    "half_down": decimal.ROUND_HALF_DOWN,
    "up": decimal.ROUND_UP,
    "down": decimal.ROUND_DOWN,
    "ceiling": decimal.ROUND_CEILING,
    "floor": decimal.ROUND_FLOOR,
}

# Exact arithmetic: enough precision for every operand we generate.
EXACT = decimal.Context(prec=200000, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN,
                        traps=[decimal.InvalidOperation, decimal.DivisionByZero])


def plain(d: Decimal) -> str:
    """jixiao's to_string: plain digits, scale kept, no negative zero."""
    if d.is_zero():
        d = d.copy_abs()
    if d.as_tuple().exponent > 0:
        d = d.quantize(Decimal(1), context=EXACT)
    return format(d, "f")


def quantum(places: int) -> Decimal:
    return Decimal((0, (1,), -places))


def quantize(d: Decimal, places: int, mode: str) -> Decimal:
    return d.quantize(quantum(places), rounding=MODES[mode], context=EXACT)


def pad_significant(r: Decimal, digits: int) -> Decimal:
    """Show exactly `digits` significant digits where the scale (>= 0) allows it."""
    if r.is_zero():
        return quantize(Decimal(0), max(digits - 1, 0), "down")
    places = digits - 1 - r.adjusted()
    return r.quantize(quantum(max(places, 0)), context=EXACT)  # exact: only pads


def round_significant(d: Decimal, digits: int, mode: str) -> Decimal:
    if d.is_zero():
        return pad_significant(d, digits)
    ctx = decimal.Context(prec=digits, rounding=MODES[mode], Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)
    return pad_significant(ctx.plus(d), digits)


def sticky_quotient(a: Decimal, b: Decimal, digits: int) -> Decimal:
    """a / b to `digits` significant digits with ROUND_05UP, which keeps a later rounding to
    fewer digits correct (no double rounding)."""
    ctx = decimal.Context(prec=max(digits, 3), rounding=decimal.ROUND_05UP,
                          Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)
    return ctx.divide(a, b)


def divide_places(a: Decimal, b: Decimal, places: int, mode: str) -> Decimal:
    digits = a.adjusted() - b.adjusted() + 1 + places + 3
    return quantize(sticky_quotient(a, b, digits), places, mode)


def divide_significant(a: Decimal, b: Decimal, digits: int, mode: str) -> Decimal:
    if a.is_zero():
        return pad_significant(Decimal(0), digits)
    q = sticky_quotient(a, b, digits + 3)
    ctx = decimal.Context(prec=digits, rounding=MODES[mode], Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)
    return pad_significant(ctx.plus(q), digits)


class Operands:
    """Random decimals of the shapes that matter: money, ties, carries, huge, tiny, zero."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def digits(self, n: int) -> str:
        return "".join(self.rng.choice("0123456789") for _ in range(n))

    def make(self, int_digits: int, frac_digits: int, sign: str = "") -> str:
        i = self.digits(int_digits).lstrip("0") or "0"
        f = self.digits(frac_digits)
        return sign + i + ("." + f if frac_digits else "")

    def sign(self) -> str:
        return self.rng.choice(["", "", "-"])

    def money(self) -> str:
        return self.make(self.rng.randint(1, 10), self.rng.choice([0, 1, 2, 2, 2, 3, 4]), self.sign())

    def small(self) -> str:
        return self.make(self.rng.randint(1, 3), self.rng.randint(0, 3), self.sign())

    def tie(self) -> str:
        # ... ends in 5 (or 5 then zeros): a tie for the rounding one digit up
        body = self.make(self.rng.randint(1, 6), self.rng.randint(0, 4), self.sign())
        if "." not in body:
            body += "."
        return body + "5" + "0" * self.rng.randint(0, 2)

    def carry(self) -> str:
        # 9s that carry into a new digit when rounded up
        n = self.rng.randint(1, 8)
        f = self.rng.randint(1, 6)
        return self.sign() + ("9" * n) + "." + ("9" * (f - 1)) + self.rng.choice("56789")

    def huge(self) -> str:
        return self.make(self.rng.randint(19, 80), self.rng.randint(0, 30), self.sign())

    def tiny(self) -> str:
        lead = self.rng.randint(5, 60)
        return self.sign() + "0." + "0" * lead + self.digits(self.rng.randint(1, 20)).lstrip("0") + "1"

    def boundary(self) -> str:
        # around 2^63 where the machine-integer fast path hands over to cpp_int
        base = 9223372036854775807 + self.rng.randint(-3, 3)
        s = str(base)
        k = self.rng.randint(0, 6)
        if k:
            s = s[:-k] + "." + s[-k:]
        return self.sign() + s

    def zero(self) -> str:
        return self.rng.choice(["0", "-0", "0.00", "-0.00", "0.000000", "+0", "0.0"])

    def any(self) -> str:
        kind = self.rng.choices(
            [self.money, self.small, self.tie, self.carry, self.huge, self.tiny, self.boundary, self.zero],
            weights=[30, 15, 15, 8, 10, 8, 6, 4])[0]
        return kind()

    def nonzero(self) -> str:
        while True:
            s = self.any()
            if not Decimal(s).is_zero():
                return s


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out_path = argv[1]
    rng = random.Random(SEED)
    ops = Operands(rng)
    lines = []

    def emit(op, mode, arg, a, b, expected):
        lines.append(f"{op} {mode} {arg} {a} {b} {expected}")

    # add, sub, mul, cmp: 14,000 pairs -> 56,000 cases
    for _ in range(14000):
        a, b = ops.any(), ops.any()
        da, db = Decimal(a), Decimal(b)
        emit("add", "-", "-", a, b, plain(EXACT.add(da, db)))
        emit("sub", "-", "-", a, b, plain(EXACT.subtract(da, db)))
        emit("mul", "-", "-", a, b, plain(EXACT.multiply(da, db)))
        emit("cmp", "-", "-", a, b, str(EXACT.compare(da, db)))

    # parse: scientific spellings within the documented bound (|exponent| <= 10000)
    for _ in range(3000):
        d = Decimal(ops.any())
        e = rng.choice([rng.randint(-40, 40), rng.randint(-10000, 10000) if rng.random() < 0.05 else 0])
        if abs(e) > 400 and not d.is_zero():
            d = Decimal(ops.small())  # keep the case files small
        m = format(d, "f")
        text = f"{m}e{e}" if rng.random() < 0.5 else f"{m}E{e:+d}"
        value = EXACT.scaleb(d, e)
        emit("parse", "-", "-", text, "-", plain(value))

    # quantize under every mode: 7,000 values x 7 modes = 49,000 cases
    for _ in range(7000):
        a = ops.any()
        places = rng.choice([rng.randint(-4, 8), 0, 1, 2, 2, 2])
        for mode in MODES:
            emit("quantize", mode, places, a, "-", plain(quantize(Decimal(a), places, mode)))

    # round to significant digits: 1,500 x 7
    for _ in range(1500):
        a = ops.any()
        digits = rng.randint(1, 12)
        for mode in MODES:
            emit("roundsig", mode, digits, a, "-", plain(round_significant(Decimal(a), digits, mode)))

    # divide to N places: 3,000 pairs x 7 modes = 21,000 cases
    for _ in range(3000):
        a, b = ops.any(), ops.nonzero()
        if rng.random() < 0.2:
            # exact ties: b * (k + 1/2) units
            places = rng.randint(0, 4)
            k = rng.randint(-99999, 99999)
            q = (Decimal(k) + Decimal("0.5")).scaleb(-places)
            a = plain(EXACT.multiply(q, Decimal(b)))
        else:
            places = rng.choice([rng.randint(-3, 10), 2, 2, 4])
        for mode in MODES:
            emit("div", mode, places, a, b, plain(divide_places(Decimal(a), Decimal(b), places, mode)))

    # divide to N significant digits: 800 pairs x 7 modes
    for _ in range(800):
        a, b = ops.any(), ops.nonzero()
        digits = rng.randint(1, 15)
        for mode in MODES:
            emit("divsig", mode, digits, a, b, plain(divide_significant(Decimal(a), Decimal(b), digits, mode)))

    with open(out_path, "w", encoding="ascii") as f:
        f.write("# generated by tests/decimal_oracle.py (Python %s, libmpdec %s); do not edit\n"
                % (sys.version.split()[0], decimal.__libmpdec_version__))
        f.write("\n".join(lines))
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
