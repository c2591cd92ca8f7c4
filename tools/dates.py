# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

SUNDAY = 6


def age_on(birth_date, day):
    """Age in whole years on ``day`` of a person born on ``birth_date``.

    Born on 29 February: a year older on 1 March of a common year.
    """
    if not birth_date or not day:
        return 0
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def add_six_day_week_days(start, days):
    """The date of the ``days``-th day of a 6-day week (Monday to Saturday,
    as the unemployment regulation counts days of work) counted from
    ``start`` included: 312 days from a Monday end on the Saturday of the 52nd
    week."""
    day = start
    if day.weekday() == SUNDAY:
        day += timedelta(days=1)
    weeks, rest = divmod(days - 1, 6)
    day += timedelta(weeks=weeks)
    while rest:
        day += timedelta(days=1)
        if day.weekday() != SUNDAY:
            rest -= 1
    return day
