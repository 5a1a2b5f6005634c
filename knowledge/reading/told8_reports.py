"""Report-level families told in everyday words (fresh8, in the helper's own words), read after `told.py`'s:
- a mark the child says was the adult's hand, whatever the adult said ("farsan sa dörren, han sa pappas hand");
- sexual acts acted out in play with a secret, over weeks, or "as grandpa does" (never a plain doctor game);
- flinching when an adult raises a hand, with marks seen;
- a secret about what an adult did in the shower, the bath or the bed;
- a child forgotten at pickup over and over (every other week, nobody answers);
- an illness whose care the parents keep missing (three missed appointments).
Look-alikes that stay calm: a child who runs into a door and says so, dolls put to bed, a child who ducks in a game,
a shower secret about a birthday present, one late pickup, one moved appointment.
"""

from __future__ import annotations

from knowledge.reading.text import Reading, _actor, _Text

_HOME_ADULTS = frozenset({"parent", "relative", "adult"})
_SECRET_PLACES = frozenset({"duschen", "badet", "sängen", "badkaret", "shower", "bath", "bed", "bathtub"})
_PRESENT = ("present", "presenten", "paket", "paketet", "överraskning", "överraskningen", "surprise", "födelsedag",
            "birthday", "julklapp", "kalas")
_OVER_TIME = frozenset({"varannan", "ofta", "often", "igen", "again", "alltid", "always", "jämt", "every",
                        "varje", "månad", "månaden", "veckor", "weeks", "month", "hela"})
_GAME = frozenset({"kurragömma", "tittut", "leken", "game", "peekaboo", "boll", "bollen", "ball"})
_ILL = frozenset({"diabetes", "astma", "asthma", "epilepsi", "epilepsy", "infektion", "infection", "öron",
                  "ear", "ears", "pees", "kissar", "dricker", "drinks", "hosta", "cough", "eksem", "eczema", "syn",
                  "hörsel", "hearing", "sight", "ont", "pain", "tänderna", "teeth", "karies"})


def _words(text: _Text, sentence: int | None = None) -> set[str]:
    return {token.surface for token in text.tokens if sentence is None or token.sentence == sentence}


def _mark(reading: Reading, category: str, *reasons: str) -> None:
    reading.categories.add(category)
    reading.reasons.update(reasons)
    reading.report = True


def _secret_of_a_place(text: _Text) -> bool:
    for hit in text.of("hush", "secrecy"):
        words = _words(text, hit.sentence)
        adult = any(_actor(token) in _HOME_ADULTS for token in text.tokens if token.sentence == hit.sentence)
        if adult and words & _SECRET_PLACES and not any(word.startswith(_PRESENT) or word.endswith(_PRESENT)
                                                            for word in words):
            return True
    return False


def _sexual_play(text: _Text) -> bool:
    for hit in text.of("sexual_play"):
        words = _words(text, hit.sentence)
        adult = any(_actor(token) in _HOME_ADULTS for token in text.tokens if token.sentence == hit.sentence)
        if adult or text.has("hush", "secrecy", "pattern", "weeks", "months") or words & _OVER_TIME or words & {
                "hemligt", "hemlis", "secret"}:
            return True
    return False


def _add_told8_reports(text: _Text, reading: Reading) -> None:
    """Mark the report-level families of this module (never when an acute situation is already read)."""
    if reading.acute or reading.staff_suspected or text.has("staff"):
        return
    if text.has("adult_hand") and text.has("injury", "visible_harm", "injury_concern", "unusual_site"):
        _mark(reading, "physical", "violence_account", "injury_of_concern")
    if _sexual_play(text):
        _mark(reading, "sexual", "serious_category")
    if any(not _words(text, hit.sentence) & _GAME for hit in text.of("flinch_raised_hand")) and text.has(
            "injury", "visible_harm", "injury_concern"):
        _mark(reading, "physical", "injury_of_concern")
    if _secret_of_a_place(text):
        _mark(reading, "sexual", "serious_category")
    if text.has("forgotten") and (text.has("pattern") or _words(text) & _OVER_TIME) and text.has(
            "not_collected", "uncollected", "pickup", "unreachable", "carer_unreachable"):
        _mark(reading, "neglect", "persistent_concern")
    if text.has("missed_care") and (text.has("illness", "medical") or _words(text) & _ILL):
        _mark(reading, "neglect", "persistent_concern")
