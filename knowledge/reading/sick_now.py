"""A dangerously ill child with no medicine or nobody coming (DOMAIN.md §3 immediate danger, §4 untreated health
problems): laboured breathing with the inhaler empty, a diabetic without insulin, a fever of 40 or a limp baby who
will not drink, while the carer will not come before the evening, cannot be reached or says to give a painkiller.
Not a sick child whose carer is on the way, an ambulance called, a mild fever, a past illness, an adult's illness."""

from __future__ import annotations

from knowledge.reading.carers import _dated_away
from knowledge.reading.injuries import _infants
from knowledge.reading.subjects import _subject_kind
from knowledge.reading.text import Hit, _Text, add_before_fear
from knowledge.reading.vocabulary import ADULTS

FEVER_WORDS = frozenset({"feber", "febern", "fever", "temp", "tempen", "temperatur", "temperature", "graders"})
# A fever this high (in degrees) is dangerous whatever the age; a lower one in a limp baby who will not drink.
HIGH_FEVER = 40
LOW_FEVER = 38
# How far (in words) the number may stand from the fever word ("feber 40,5", "40 graders feber").
FEVER_REACH = 3
SINCE = frozenset({"sen", "sedan", "since"})
# A state told in the past: "hade feber", "was wheezing".
PAST_STATE = frozenset({"hade", "had", "var", "was", "were", "andades"})
# Words that make a grave sign the adult's, not the child's ("mamma har astma och andas tungt").
CARE_NEEDED = ("grave_sign",)


def _fever(text: _Text) -> int:
    """The highest fever told as a number next to a fever word (0 when none)."""
    tokens = text.tokens
    highest = 0
    for token in tokens:
        if token.surface not in FEVER_WORDS:
            continue
        for other in tokens[max(0, token.index - FEVER_REACH):token.index + FEVER_REACH + 1]:
            if other.surface.isdigit() and LOW_FEVER <= int(other.surface) <= 43 and other.sentence == token.sentence:
                highest = max(highest, int(other.surface))
    return highest


def _childs(text: _Text, hit: Hit) -> bool:
    """Whether the sign at *hit* is the child's: no adult is its subject, and it is not dated away or in a story."""
    return (_subject_kind(text, hit.start) not in ADULTS and not _past_here(text, hit)
            and not text.in_sentence(hit.sentence, "fiction", "disarm"))


def _past_here(text: _Text, hit: Hit) -> bool:
    """Whether a past word stands in the segment of *hit* ("i fredags andades hon tungt"), not a since ("sen igår"),
    or a past verb before it ("hade feber", "andades tungt förra veckan")."""
    tokens = text.tokens
    segment = tokens[hit.start].segment
    for other in text.of("past_strong", "past_day", "recent"):
        since = other.start > 0 and tokens[other.start - 1].surface in SINCE
        if tokens[other.start].segment == segment and not since:
            return True
    return any(token.surface in PAST_STATE for token in tokens[max(0, hit.start - 2):hit.start + 1])


def _gravely_ill(text: _Text) -> bool:
    """Whether a child is gravely ill now: a grave sign, a fever of 40, or a feverish infant who is limp or dry."""
    if any(_childs(text, hit) for hit in text.of(*CARE_NEEDED)):
        return True
    fever = _fever(text)
    if fever >= HIGH_FEVER and not text.has("past_strong", "past_day", "recent"):
        return True
    weak = any(_childs(text, hit) for hit in text.of("collapse", "dry")) or any(
        hit.concept in ("unfed", "hunger") for hit in text.negated + text.of("unfed"))
    return bool(_infants(text)) and (fever > 0 or text.has("illness")) and weak


def _nobody_coming(text: _Text) -> bool:
    """Whether no care is coming: the medicine ran out, the carer will not come before hours have passed or cannot
    be reached, and nobody is on the way."""
    if text.has("care_coming", "arriving"):
        return False
    delayed = text.of("carer_delayed") + [hit for hit in text.negated if hit.concept == "carer_delayed"]
    unreached = [hit for hit in text.of("carer_unreachable", "unreachable") if not _dated_away(text, hit)]
    return bool(delayed or unreached or text.of("no_care"))


def _sick_left(text: _Text) -> bool:
    """Whether a gravely ill child is left without medicine or a carer who comes."""
    return _gravely_ill(text) and _nobody_coming(text)


def _add_sick_now(text: _Text, codes: list[str]) -> None:
    """Add "immediate_danger" to *codes* when a gravely ill child has no medicine and nobody coming."""
    if "immediate_danger" not in codes and _sick_left(text):
        add_before_fear(codes, ["immediate_danger"])
