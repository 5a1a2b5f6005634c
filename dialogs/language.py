"""Which language to answer in: the user's stored choice, else the Teams locale; typed switches."""

from __future__ import annotations

from botbuilder.core import TurnContext, UserState

from knowledge.text import normalize

LANGUAGE_PROPERTY = "Language"
_SWITCHES = {
    "english": "en",
    "in english": "en",
    "engelska": "en",
    "pa engelska": "en",
    "svenska": "sv",
    "pa svenska": "sv",
    "in swedish": "sv",
    "swedish": "sv",
}


def language_from_locale(locale: str | None) -> str:
    """English for en-* locales, Swedish for everything else."""
    return "en" if (locale or "").lower().startswith("en") else "sv"


def requested_language(text: str | None) -> str | None:
    """The language a message like "in english" or "på svenska" asks for, or None."""
    return _SWITCHES.get(normalize(text or ""))


async def stored_language(turn_context: TurnContext, user_state: UserState) -> str | None:
    """The language the user chose explicitly, or None."""
    stored = await user_state.create_property(LANGUAGE_PROPERTY).get(turn_context, None)
    return stored if stored in ("sv", "en") else None


async def language_of(turn_context: TurnContext, user_state: UserState) -> str:
    """The user's stored language, else the one their Teams locale suggests."""
    stored = await user_state.create_property(LANGUAGE_PROPERTY).get(turn_context, None)
    if stored in ("sv", "en"):
        return stored
    return language_from_locale(turn_context.activity.locale)


async def set_language(turn_context: TurnContext, user_state: UserState, lang: str) -> None:
    """Remember *lang* for this user (saved with user state at the end of the turn)."""
    await user_state.create_property(LANGUAGE_PROPERTY).set(turn_context, lang)
