"""Acute codes for a trip abroad or a night of violence that the account places out of reach of today (called from
knowledge/reading/demote.py): a cutting or marriage abroad whose date nobody knows, a country where cutting "is
common" with nothing said of this girl, and police at home on a past day with calm said now. Each keeps what the
account still grounds: a report of honour-related risk, a consultation, a report of violence the child saw."""

from __future__ import annotations

from knowledge.reading.text import Reading, _Text

# A date within days, today or tonight keeps a trip acute.
_NEAR = ("imminent", "near_date", "now", "today", "again_tonight", "arriving", "waiting_outside")
# A blow told beside a mark: paint explains nothing then.
_BLOWS = ("hit", "strangle", "shake", "burn_act", "rough", "violence", "neck_grab", "held_mouth", "threat", "kill")
# The codes a past night with calm said now may lose.
_PAST_NIGHT = frozenset({"immediate_danger", "ongoing_violence"})
# What keeps a night of violence acute whatever calm is said: fresh marks, fear of home, a threat.
_STILL = ("fresh", "injury", "pickup_dread", "reluctant_home", "fear", "threat", "kill", "weapon", "since_recent",
          "still_here", "again_tonight")


def _demote_undated_trip(text: _Text, reading: Reading) -> None:
    """A girl to be cut or married abroad "when they go", with the date unknown ("vi vet inte när de åker"): a report
    of honour-related risk to make now, not 112; a country where cutting is common with nothing said of this child
    ("omskärelse är vanligt där, men inget har sagts"): a consultation."""
    if reading.acute != ["taken_abroad"]:
        return
    if _only_common(text):
        reading.acute.clear()
        reading.report = False
        reading.categories.discard("honour")
        reading.reasons.discard("honour_or_fgm")
        return
    if text.has("unknown_date") and not text.has(*_NEAR) and not _near_in_sentence(text):
        reading.acute.clear()
        reading.report = True
        reading.categories.add("honour")
        reading.reasons.add("honour_or_fgm")


def _only_common(text: _Text) -> bool:
    """Whether every word of cutting stands beside "is common there" and "nothing has been said" is told."""
    cutting = text.of("fgm", "fgm_euphemism", "fgm_closing", "fgm_cut")
    said_nothing = any(text.tokens[hit.start].surface in {"inget", "ingenting", "nothing"}
                       for hit in text.of("prevalence_only"))
    return bool(cutting) and said_nothing and all(text.in_sentence(hit.sentence, "prevalence_only") for hit in cutting)


def _near_in_sentence(text: _Text) -> bool:
    """Whether a near date ("på söndag", "i jul") stands in the sentence of a cutting word."""
    cutting = text.of("fgm", "fgm_euphemism", "fgm_closing", "fgm_cut", "coming_of_age", "marriage")
    return any(text.in_sentence(hit.sentence, "soon") for hit in cutting)


def _demote_calm_after(text: _Text, reading: Reading) -> None:
    """Police at home or a fight on a past day ("polisen var hemma hos oss i helgen, allt är lugnt nu") with calm said
    now and nothing fresh: violence the child saw, to report, not 112."""
    if not reading.acute or not set(reading.acute) <= _PAST_NIGHT or not text.has("calm_now") or text.has(*_STILL):
        return
    if not text.has("past_strong", "past_day") or not text.has("dv", "hit", "dv_told"):
        return
    reading.acute.clear()
    reading.report = True
    reading.categories.add("domestic_violence")
    reading.signals.add("witnessed_violence")
    reading.reasons.add("witnessed_violence")


def _demote_painted(text: _Text, reading: Reading) -> None:
    """"Blod" that paint explains beside it ("'blod' på armen men det är röd vattenfärg"), with no blow told: no
    injury, so no hurt child afraid of home (a consultation at most)."""
    if reading.acute != ["injury_afraid_home"] or text.has(*_BLOWS):
        return
    marks = text.of("injury", "burn")
    if marks and all(text.in_sentence(hit.sentence, "mark_cause") for hit in marks):
        reading.acute.clear()
        reading.categories.discard("physical")


def _demote_not_now(text: _Text, reading: Reading) -> None:
    """Take back the acute codes of this module's families."""
    _demote_painted(text, reading)
    _demote_undated_trip(text, reading)
    _demote_calm_after(text, reading)
