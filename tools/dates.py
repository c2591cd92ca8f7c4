# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


def age_on(birth_date, day):
    """Age in whole years on ``day`` of a person born on ``birth_date``.

    Born on 29 February: a year older on 1 March of a common year.
    """
    if not birth_date or not day:
        return 0
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))
