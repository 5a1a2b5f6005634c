"""Acute codes an account does not bear out, taken back after the rule modules have spoken (called from
knowledge/reading/told.py): a past day's account taken back, marks on the neck explained beside them, and a
parent's injury (not the child's) beside a child's fear of telling. Each keeps the report the account still grounds.
"""

from __future__ import annotations

from knowledge.reading.not_now import _demote_not_now
from knowledge.reading.text import Hit, Reading, _actor, _Text

_HOME_ADULTS = frozenset({"parent", "relative", "adult"})
# Bleeding told of a person: "blöder", "blödde", "bleeds", "bleeding".
_BLEEDING = ("blöd", "bleed")


def _near(text: _Text, hit: Hit, *concepts: str) -> bool:
    """Whether any of *concepts* stands in the sentence of *hit* or the one after it."""
    return any(text.in_sentence(sentence, *concepts) for sentence in (hit.sentence, hit.sentence + 1))


def _demote(text: _Text, reading: Reading) -> None:
    """Take back the acute codes the account does not bear out."""
    _demote_taken_back(text, reading)
    _demote_explained_neck(text, reading)
    _demote_parents_injury(text, reading)
    _demote_old_injury(text, reading)
    _demote_not_now(text, reading)  # a trip with no date, calm after a past night


# Acute codes an account dated in the past and taken back may lose (never sexual abuse, a threat or a child alone).
_DEMOTABLE = frozenset({"strangulation", "intoxicated_pickup", "injury_afraid_home", "ongoing_violence"})


def _demote_taken_back(text: _Text, reading: Reading) -> None:
    """An account of a past day, taken back ("pappan tog stryptag på henne i julas, men nu säger hon att hon
    överdrev"), with nothing of today in it: a report to make (retracted, still reportable), not 112 now."""
    if not reading.acute or not set(reading.acute) <= _DEMOTABLE or not text.has("retract", "took_back"):
        return
    if not text.has("past_strong", "past_day") or text.has(
            "now", "today", "fresh", "imminent", "soon", "again_tonight", "still_here", "on_shift", "since_recent",
            "pickup_dread", "fear"):
        return
    reading.categories.add("parent" if reading.acute == ["intoxicated_pickup"] else "physical")
    reading.acute.clear()
    reading.report = True
    reading.reasons.add("retracted_still_reportable")


def _demote_explained_neck(text: _Text, reading: Reading) -> None:
    """Marks on the neck explained beside them by a scarf, a strap, a rash or a child's tug, with no grip, hold or
    adult's blow told: no strangling (a consultation at most)."""
    if "strangulation" not in reading.acute or text.has("neck_grab", "neck_squeeze", "held_mouth", "strangle",
                                                        "smothered_until", "hit"):
        return
    neck = text.of("neck")
    if neck and all(_near(text, hit, "neck_innocent", "illness", "neck_cause") or any(
            _actor(token) == "peer" for token in text.tokens if token.sentence == hit.sentence) for hit in neck):
        reading.acute.remove("strangulation")


def _parents_injury(text: _Text, hit: Hit) -> bool:
    """Whether the injury at *hit* is a parent's: a parent's possessive right before it ("mammas blåmärken"), or a
    bleeding whose nearest person before it in its clause is a parent, no child between ("mamma gråter och blöder";
    "mamma kommer och har blåmärken" may be the child's)."""
    previous = text.tokens[hit.start - 1] if hit.start else None
    if previous is not None and _actor(previous) in ("parent", "relative") and previous.surface.endswith(("s", "'s")):
        return True
    if not text.tokens[hit.start].surface.startswith(_BLEEDING):
        return False
    for token in reversed(text.tokens[max(0, hit.start - 4):hit.start]):
        if token.clause != text.tokens[hit.start].clause:
            return False
        kind = _actor(token)
        if kind:
            return kind in ("parent", "relative") and token.surface not in {"henne", "honom", "her", "him"}
    return False


def _demote_parents_injury(text: _Text, reading: Reading) -> None:
    """A hurt child who dreads home, read from a parent's injury and the child's fear of telling ("mamma gråter
    och blöder, hon var rädd när hon berättade"): witnessed violence to report, not the child's fresh injury."""
    if reading.acute != ["injury_afraid_home"] or text.has(
            "now", "fresh", "pickup_dread", "reluctant_home", "dread_collector", "again_tonight", "refuses", "hides"):
        return
    injuries = text.of("injury", "burn", "visible_harm")
    if injuries and all(_parents_injury(text, hit) for hit in injuries):
        reading.acute.clear()
        reading.report = True
        reading.categories.add("domestic_violence")
        reading.signals.add("witnessed_violence")
        reading.reasons.add("witnessed_violence")


def _demote_old_injury(text: _Text, reading: Reading) -> None:
    """A hurt child who dreads home, where every mark is told of a day long gone ("i somras slog mamma henne med ett
    skärp, vi såg ett märke", now she wets herself when mum comes): a report of past violence and present fear, not
    a fresh injury (yesterday, last night or today stays acute)."""
    if reading.acute != ["injury_afraid_home"]:
        return
    injuries = text.of("injury", "burn", "visible_harm")
    if injuries and all(text.in_sentence(hit.sentence, "past_strong", "past_day") and not text.in_sentence(
            hit.sentence, "recent", "since_recent", "since_yesterday", "today", "now", "fresh", "new_since")
                        for hit in injuries) and not text.has("fresh", "new_since", "recent"):
        reading.acute.clear()
        reading.report = True
        reading.categories.add("physical")
        reading.reasons.add("violence_account")
