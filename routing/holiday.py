"""Which days offices keep closed or short: Swedish public holidays and eves, from `holidays.Sweden`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import lru_cache

import holidays

# holidays.Sweden: PUBLIC holds the red days (Sundays only with include_sundays=True, which we leave off:
# weekends are handled by weekly hours); DE_FACTO adds midsommarafton, julafton and nyårsafton.
# Påskafton is in neither (it is always a Saturday), so it is derived from Easter Sunday.
_CATEGORIES = (holidays.PUBLIC, holidays.DE_FACTO)
EASTER_SUNDAY = "Påskdagen"
# [unsure] When offices close on "dag före helgdag"; local agreements differ. A dated exception in the
# routing tables overrides it for one unit and day.
SHORT_DAY_CLOSES = time(13, 0)


@dataclass(frozen=True)
class DayType:
    """What kind of day a date is for office hours; `name` is the Swedish holiday or eve name."""

    closed: bool
    short: bool
    name: str | None = None


@lru_cache(maxsize=64)
def closed_days(year: int) -> dict[date, str]:
    """Public holidays and eves of *year* (Swedish names), the days offices keep closed."""
    found = dict(holidays.country_holidays("SE", years=year, categories=_CATEGORIES, language="sv",
                                           include_sundays=False))
    for day, name in list(found.items()):
        if name == EASTER_SUNDAY:
            found[day - timedelta(days=1)] = "Påskafton"
    return found


def _public(day: date) -> str | None:
    name = closed_days(day.year).get(day)
    return name if name and not name.endswith("afton") else None


def day_type(day: date) -> DayType:
    """Closed on holidays and eves; short ("dag före helgdag") on a weekday before a public holiday."""
    name = closed_days(day.year).get(day)
    if name is not None:
        return DayType(closed=True, short=False, name=name)
    tomorrow = day + timedelta(days=1)
    # Eves are days off themselves; the weekday before an eve is an ordinary day.
    short = day.weekday() < 5 and _public(tomorrow) is not None
    return DayType(closed=False, short=short, name=None)
