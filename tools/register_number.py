# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The Belgian national register number (NISS) and the BIS number."""

import calendar
import datetime
from types import SimpleNamespace

from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)
from stdnum.util import clean, isdigits

# The fallback below stands in for ``stdnum.be.nn`` and ``stdnum.be.bis``
# where python-stdnum predates them: Odoo 18 pins python-stdnum 1.17 on
# Python 3.10 (Ubuntu 22.04), which has neither (1.18 has ``nn`` only, 1.19
# both), and the add-on must not ask the user to break Odoo's pins. It is the
# same check, built on the pieces 1.17 has (``stdnum.util``,
# ``stdnum.exceptions``): 11 digits YYMMDD + serial + check, the check being
# 97 - (first 9 digits mod 97), with a "2" in front of them for people born
# from 2000; BIS numbers add 20 (sex unknown) or 40 (sex known) to the month.


def _compact(number):
    return clean(number, " -.").strip()


def _birth_date_parts(number):
    """``(year, month, day)`` a compact number holds, ``None`` for what the
    number does not tell; checks the control digits."""
    candidates = [(1900, number)]
    if int(number[:2]) + 2000 <= datetime.date.today().year:
        candidates.append((2000, "2" + number))
    century = next(
        (c for c, digits in candidates if 97 - int(digits[:-2]) % 97 == int(digits[-2:])), None
    )
    if century is None:
        raise InvalidChecksum()
    if number[:6] in ("000001", "002001", "004001"):
        return None, None, None  # birth date unknown when the number was issued
    year = century + int(number[:2])
    month = int(number[2:4]) % 20
    if month == 0:
        return year, None, None
    if month > 12:
        raise InvalidComponent()
    day = int(number[4:6])
    if day == 0 or day > calendar.monthrange(year, month)[1]:
        return year, month, None
    return year, month, day


def _validator(month_offsets):
    def validate(number):
        number = _compact(number)
        if not isdigits(number) or int(number) <= 0:
            raise InvalidFormat()
        if len(number) != 11:
            raise InvalidLength()
        _birth_date_parts(number)
        if not any(offset <= int(number[2:4]) <= offset + 12 for offset in month_offsets):
            raise InvalidComponent()
        return number

    def is_valid(number):
        try:
            return bool(validate(number))
        except ValidationError:
            return False

    return validate, is_valid


def _format(number):
    number = _compact(number)
    return f"{number[:2]}.{number[2:4]}.{number[4:6]}-{number[6:9]}.{number[9:11]}"


def _get_birth_date(number):
    year, month, day = _birth_date_parts(_compact(number))
    return None if None in (year, month, day) else datetime.date(year, month, day)


def _fallback(month_offsets):
    validate, is_valid = _validator(month_offsets)
    return SimpleNamespace(
        compact=_compact,
        validate=validate,
        is_valid=is_valid,
        format=_format,
        get_birth_date=_get_birth_date,
    )


FALLBACK_NN = _fallback((0,))
FALLBACK_BIS = _fallback((20, 40))

try:
    from stdnum.be import bis, nn
except ImportError:  # python-stdnum < 1.19: Odoo's pin on Python 3.10
    nn, bis = FALLBACK_NN, FALLBACK_BIS


def normalize_register_number(value):
    """Return ``(formatted number, kind)`` of a national register or BIS number.

    :raise ValueError: when the number is neither.
    """
    number = nn.compact(value or "")
    if nn.is_valid(number):
        return nn.format(number), "nn"
    if bis.is_valid(number):
        return bis.format(number), "bis"
    raise ValueError(value)


def check_register_number(value):
    """Return the birth date a valid number holds (``None`` when the number
    does not tell it, as for some BIS numbers).

    :raise ValueError: when the number is neither a national register nor a BIS number.
    """
    number = nn.compact(value or "")
    module = nn if nn.is_valid(number) else bis
    try:
        module.validate(number)
    except ValidationError as error:
        raise ValueError(value) from error
    try:
        return module.get_birth_date(number)
    except ValueError:
        return None


def birth_date_from_register_number(value):
    """The birth date a valid number holds, else ``None``."""
    try:
        return check_register_number(value)
    except ValueError:
        return None


def make_register_number(birth_date, serial, bis_number=False):
    """A valid number for a birth date and a serial (1-997), formatted:
    a national register number, or a BIS number (month + 40)."""
    month = birth_date.month + (40 if bis_number else 0)
    base = f"{birth_date.year % 100:02d}{month:02d}{birth_date.day:02d}{serial:03d}"
    check = 97 - (int(base if birth_date.year < 2000 else "2" + base) % 97)
    return _format(f"{base}{check:02d}")
