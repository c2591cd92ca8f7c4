# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The Belgian national register number (NISS) and the BIS number."""

from stdnum.be import bis, nn
from stdnum.exceptions import ValidationError


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
    return (bis if bis_number else nn).format(f"{base}{check:02d}")
