"""Days offices keep closed (holidays.Sweden + eves) and short days before public holidays."""

from datetime import date

import pytest

from routing.holiday import closed_days, day_type


@pytest.mark.parametrize(("day", "closed", "short", "name"), [
    (date(2026, 6, 19), True, False, "Midsommarafton"),
    (date(2026, 12, 24), True, False, "Julafton"),
    (date(2026, 12, 31), True, False, "Nyårsafton"),
    (date(2026, 4, 4), True, False, "Påskafton"),
    (date(2026, 4, 3), True, False, "Långfredagen"),
    (date(2026, 12, 25), True, False, "Juldagen"),
    (date(2026, 12, 23), False, False, None),  # the day before an eve is an ordinary day
    (date(2026, 4, 30), False, True, None),  # day before första maj
    (date(2026, 4, 2), False, True, None),  # skärtorsdagen, before långfredagen
    (date(2026, 11, 22), False, False, None),  # an ordinary Sunday is no holiday (weekly hours handle it)
    (date(2026, 11, 24), False, False, None),
])
def test_day_type(day, closed, short, name):
    kind = day_type(day)
    assert (kind.closed, kind.short, kind.name) == (closed, short, name)


def test_closed_days_come_from_the_holidays_library_without_plain_sundays():
    days = closed_days(2027)
    assert date(2027, 6, 25) in days  # midsommarafton 2027
    assert date(2027, 1, 3) not in days  # a Sunday
