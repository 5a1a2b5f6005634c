"""A child about to be taken abroad against the family's will or to be cut (DOMAIN.md §3, imminent risk of being taken
abroad): a trip within days with passports taken, "never coming back", a trip to "learn respect"; a girl to be
"closed" or made "clean like the other girls" with a date in days. A trip with no date or a far date ("när hon är
större", "nästa sommarlov"), a wedding or a holiday, a door that closes, are not."""

from __future__ import annotations

from knowledge.reading.acute import _boy_only, _girl_context
from knowledge.reading.text import Hit, Reading, _actor, _Text, add_before_fear
from knowledge.reading.vocabulary import GIRL_WORDS

# The trip: a journey word, a country, going "home".
TRIP = ("travel", "country", "send_away", "trip_home")
# Within days: "på söndag", "om fem dagar", "imorgon".
SOON = ("imminent", "near_date")
FAR = ("distant", "conditional", "months")
# Words for what closes that are no girl: a door, a preschool, an account.
THINGS = frozenset({"dörren", "dörr", "grinden", "förskolan", "avdelningen", "kontot", "appen", "butiken", "affären",
                    "fönstret", "locket", "door", "gate", "window", "shop", "account", "väskan", "jackan", "såret",
                    "wound", "bag", "zip", "dragkedjan"})
# How near (in words) a girl must be named before "stängas".
GIRL_REACH = 5
# A grandchild told of by a grandmother: "barnbarnet", "our granddaughter".
GRANDCHILD = ("barnbarn", "grandchild", "granddaughter", "grandkid")
# "stängd och tyst": closed as a mood, not a body.
MOODS = frozenset({"tyst", "tystare", "ledsen", "blyg", "inåtvänd", "sluten", "quiet", "withdrawn", "sad", "shy"})
# Told as done: "blev stängd", "had been closed", "är ren nu".
DONE = frozenset({"blev", "blivit", "var", "är", "been", "was", "got", "had", "has"})
# Everyday reasons for a trip: with these alone, "never back" is a move.
MOVE_WORDS = ("flytt", "move", "moving", "jobb", "job", "arbete", "work")
# A passport needs a taker: "passen är klara" is a holiday.
TAKERS = frozenset({"tagit", "tog", "tar", "tagits", "beslagtagit", "took", "taken", "takes", "hid", "hidden"})
# Fear, a whisper or a secret makes "never back" a warning, not news of a move.
WARNED = ("fear", "distress", "secrecy", "told", "honour", "family_decided", "control")


def _soon(text: _Text, sentence: int) -> bool:
    """Whether a near date stands in *sentence* or the next one ("Friday is in two days"), with no far date there."""
    near = [hit for hit in text.of(*SOON) if hit.sentence in (sentence, sentence + 1, sentence - 1)]
    return bool(near) and not any(text.in_sentence(hit.sentence, *FAR) for hit in near)


def _coerced(text: _Text, hit: Hit) -> bool:
    """Whether the coercion at *hit* is one: passports taken, re-education, against her will, or never back said in
    fear, in a whisper, as the men's decision — not a family moving for work."""
    words = {token.surface for token in text.tokens[hit.start:hit.end + 1]}
    if words & {"passen", "passet", "pass", "passports", "passport"}:
        return bool(words & TAKERS)
    if words & {"aldrig", "never", "not", "tillbaka", "back"} and not words & {"respekt", "respect"}:
        moving = any(token.surface.startswith(MOVE_WORDS) for token in text.tokens)
        # A move is news, unless honour or control is named ("så att flickorna inte blir för svenska").
        return (not moving or text.has("honour", "control")) and any(text.has(concept) for concept in WARNED)
    return True


def _forced_trip(text: _Text) -> bool:
    """Whether a child is to be taken abroad within days under coercion."""
    if not any(_actor(token) == "child" for token in text.tokens):
        return False
    for hit in text.of("coerced_trip"):
        if not _coerced(text, hit) or text.in_sentence(hit.sentence, "fiction"):
            continue
        sentences = {hit.sentence - 1, hit.sentence, hit.sentence + 1}
        trip = [other for other in text.of(*TRIP) if other.sentence in sentences]
        if trip and any(_soon(text, other.sentence) for other in trip):
            return True
    return False


def _cut_in_days(text: _Text) -> bool:
    """Whether a girl is to be closed or made clean like the other girls with a date in days ("dottern ska
    'stängas'", "get clean like the other girls", "flickfesten" abroad), not a boy, not a door."""
    like_mother = text.has("like_mother")  # "barnbarnet ska bli stängd som mamman": a girl, like the women before
    if not (_girl_context(text) or like_mother) or _boy_only(text):
        return False
    for hit in text.of("fgm_closing"):
        words = [token for token in text.tokens if token.sentence == hit.sentence]
        if any(token.surface in THINGS for token in words):
            continue
        closing = text.tokens[hit.start].surface in {"stängas", "stängd"}
        if closing and not any(token.surface in GIRL_WORDS for token in text.tokens[
                max(0, hit.start - GIRL_REACH):hit.start]) and not _like_mother_after(text, hit):
            continue
        trip = text.has(*TRIP) or text.has("fgm_euphemism", "fgm")
        if trip and (_soon(text, hit.sentence) or any(_soon(text, other.sentence) for other in text.of(*TRIP))):
            return True
    return False


def _like_mother_after(text: _Text, hit: Hit) -> bool:
    """Whether a child is named before the closing at *hit* and "like her mother" follows it in the sentence."""
    return any(other.sentence == hit.sentence and other.start > hit.end for other in text.of("like_mother")) and any(
        _actor(token) in ("child", "relative") or token.surface.startswith(GRANDCHILD)
        for token in text.tokens[max(0, hit.start - 2 * GIRL_REACH):hit.start])


def _cut_done(text: _Text) -> bool:
    """Whether a girl back from a trip is told to have been closed or made clean already ("hon blev 'stängd' där",
    "she had been closed", "är ren nu som kusinerna"): a report to make now (DOMAIN.md §3 keeps 112 for what is to
    come or bleeds now)."""
    if not _girl_context(text) or _boy_only(text) or not text.has("travel", "country", "back_from"):
        return False
    for hit in text.of("fgm_closing"):
        words = {token.surface for token in text.tokens[max(0, hit.start - 2):hit.end + 1]}
        sentence = {token.surface for token in text.tokens if token.sentence == hit.sentence}
        if words & DONE and not sentence & (THINGS | MOODS):
            return True
    return False


def _grown_abroad(text: _Text) -> bool:
    """Whether a girl is to "become a big girl" or a woman on a trip to a country where girls are cut, with no date
    ("ska bli en stor tjej när vi åker till Somalia"): a report of risk to make now, not 112."""
    if not _girl_context(text) or _boy_only(text) or not text.has("country") or not text.has("travel", "trip_home"):
        return False
    return any(not text.in_sentence(hit.sentence, "fiction", "disarm", "potty", "medical")
               and text.in_sentence(hit.sentence, "country", "travel", "trip_home") for hit in text.of("coming_of_age"))


def _signs_after_trip(text: _Text) -> bool:
    """Whether a girl back from a country where girls are cut pees slowly or with pain, or hides when changing, and
    someone there "did something" ("doktorn i Etiopien gjorde något"): a report of a cutting that may be done."""
    if not _girl_context(text) or _boy_only(text) or not text.has("country"):
        return False
    return text.has("slow_pee", "genital_pain") and text.has("medical", "fgm", "fgm_euphemism")


def _add_cut_done(text: _Text, reading: Reading) -> None:
    """Mark a report (honour, not to be told to the guardians first) for a cutting already done, or a girl to become
    a woman abroad with no date."""
    if not reading.acute and (_cut_done(text) or _grown_abroad(text) or _signs_after_trip(text)):
        reading.categories.add("honour")
        reading.reasons.add("honour_or_fgm")
        reading.report = True


def _add_sent_away(text: _Text, codes: list[str]) -> None:
    """Add "taken_abroad" to *codes* when a child is to be taken abroad or cut within days."""
    if _forced_trip(text) or _cut_in_days(text):
        add_before_fear(codes, ["taken_abroad"])
