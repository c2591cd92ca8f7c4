# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Pure functions of the add-on: no environment, no database."""

from .dates import add_six_day_week_days, age_on
from .register_number import (
    birth_date_from_register_number,
    make_register_number,
    normalize_register_number,
)
from .street import house_number, street_line_covers, street_match_key, street_match_pattern
from .text import fold
from .xlsx import write_cell, write_table
