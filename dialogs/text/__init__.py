"""Every user-facing string, one package per language (dialogs/text/sv/, en/): `text_for(lang)[key]` or
`say(lang, key, **values)`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, tzinfo

from dialogs.text import en, sv
from knowledge.law import law

LANGUAGES = ("sv", "en")
_TEXTS: dict[str, Mapping[str, str]] = {"sv": sv.TEXT, "en": en.TEXT}
_REASONS: dict[str, Mapping[str, str]] = {"sv": sv.REASONS, "en": en.REASONS}


def text_for(lang: str) -> Mapping[str, str]:
    """All strings of *lang* (Swedish for anything unknown)."""
    return _TEXTS.get(lang, sv.TEXT)


def say(lang: str, key: str, **values: object) -> str:
    """The string *key* in *lang*, with *values* filled in."""
    template = text_for(lang)[key]
    return template.format(**values) if values else template


def when_text(lang: str, moment: datetime, zone: tzinfo) -> str:
    """A time as people say it, in *zone*: "tisdag 24/11 kl. 08:00"."""
    local = moment.astimezone(zone)
    weekday = text_for(lang)["relay.weekdays"].split("|")[local.weekday()]
    return say(lang, "relay.opens_at", weekday=weekday, day=local.day, month=local.month, time=local.strftime("%H:%M"))


def reason_text(lang: str, code: str) -> str | None:
    """The wording of an assessment or routing reason code, or None when no wording exists."""
    return _REASONS.get(lang, sv.REASONS).get(code)


def law_reference(lang: str) -> str:
    """How the duty to report is cited, from knowledge/law.py (the one editable place for sections)."""
    return law().reference(lang)
