"""Emergencies told without the usual words (DOMAIN.md §3): those on the child's body (`injuries.py`: a neck marked
by hands the child shows, a child who swallowed an adult's pills, a shaken or broken-limbed baby), an adult who
collapsed beside the child, a small child alone in a car or at home now, and a girl's cutting set for a near date."""

from __future__ import annotations

from knowledge.reading.acute import _boy_only, _girl_context, _with_adult
from knowledge.reading.injuries import FIRST_PERSON, _infant_fracture, _neck_shown, _poisoned, _shaken_infant
from knowledge.reading.signals import _disarmed, _gender
from knowledge.reading.subjects import _owns_pills, _past_outside_since, _subject_kind
from knowledge.reading.text import Hit, _actor, _Text, add_before_fear
from knowledge.reading.vocabulary import ADULTS, DONE_WORDS, GIRL_WORDS, OBJECT_PRONOUNS, STATE_WORDS

# A message this short ("tvååring ensam i bil") tells what is happening as the staff member writes.
TELEGRAM = 6
# A posture or state in the past: "satt ensam i bilen" tells of then, not now.
PAST_STATE = frozenset({"satt", "var", "låg", "sov", "stod", "fick", "lämnades", "glömdes", "was", "were", "sat",
                        "slept", "lay", "got", "hade", "had"})
# Euphemisms for cutting that say what is done (not "fixas" or "ceremonin", which are everyday words).
CUTTING_WORDS = frozenset({"ren", "rena", "renad", "renas", "kvinna", "kvinnor", "nere", "skäras", "skuren", "cut",
                           "cleansed", "woman"})
# These count only when a girl is named ("hennes rening på lördag"; "ska bli fin imorgon" is a party dress).
GIRL_CUTTING_WORDS = frozenset({"rening", "reningen", "clean", "pure"})
# A collapse told in the past tense ("gick inte att väcka", "vaknade inte").
PAST_COLLAPSE = frozenset({"gick", "vaknade", "somnade", "kunde", "däckade", "passed", "couldn't", "wouldn't",
                           "didn't", "collapsed"})
# A state told in the present: "ligger ensam hemma", "is alone at home".
PRESENT_STATE = frozenset({"ligger", "sitter", "sover", "står", "är", "e", "is", "'s", "sits", "lies"})




def _emergencies(text: _Text) -> list[str]:
    """The acute codes of the emergencies this module reads (knowledge.acute.ACUTE_CODES)."""
    codes = []
    if _neck_shown(text):
        codes.append("strangulation")
    if (_poisoned(text) or _shaken_infant(text) or _infant_fracture(text) or _adult_collapsed(text)
            or _alone_in_car(text) or _nobody_at_car(text) or _alone_at_home(text)):
        codes.append("immediate_danger")
    if _cut_soon(text):
        codes.append("taken_abroad")
    return codes


def _add_emergencies(text: _Text, codes: list[str]) -> None:
    """Add the emergencies of this module to *codes*, before fear of going home (the less decisive codes)."""
    add_before_fear(codes, _emergencies(text))

# --- an adult collapsed beside the child


def _adult_collapsed(text: _Text) -> bool:
    """Whether an adult cannot be woken or is unconscious here and now: the child beside them, in our hall, or
    we are trying to wake them ("vi får inte liv i henne")."""
    contact = [hit for hit in text.of("no_response") if text.in_sentence(hit.sentence, "asleep")] + [
        hit for hit in text.of("lying_floor") if text.in_sentence(hit.sentence, "no_answer")
        and _subject_kind(text, hit.start) in ADULTS and not _disarmed(text, hit)]
    for hit in text.of("unresponsive", "collapsed_adult") + contact:
        # An accident beside it (not the collapse itself, "ramlade ihop") is a fall: first aid, not this.
        fall = any(other.sentence == hit.sentence and not hit.start <= other.start <= hit.end
                   for other in text.of("accident"))
        if fall or text.in_sentence(hit.sentence, "pattern", "past_strong", "distant", "conditional"):
            continue
        if _collapsed_person(text, hit) == "child":
            continue  # "vi får inte liv i barnen på morgonen": sleepy children, an idiom
        we_try = any(token.surface in FIRST_PERSON for token in text.tokens[max(0, hit.start - 3):hit.end + 1]
                     if token.clause == hit.clause)
        told_as_past = any(token.surface in PAST_STATE | PAST_COLLAPSE
                           for token in text.tokens[max(0, hit.start - 1):hit.end + 1])
        # ... and the rest of the sentence is the past too ("och han satt bredvid henne hela natten"), not "her little
        # boy is sitting next to her".
        story = any(token.sentence == hit.sentence and token.surface in PAST_STATE and token.index > hit.end
                    for token in text.tokens)
        if told_as_past and story and not we_try and not text.in_sentence(hit.sentence, "now", "today"):
            continue  # "mamma gick inte att väcka och han satt bredvid henne": told afterwards
        if we_try or text.in_sentence(hit.sentence, "beside", "here_place") or any(
                text.in_sentence(sentence, "beside") for sentence in (hit.sentence - 1, hit.sentence + 1)):
            return True
    return False


def _collapsed_person(text: _Text, hit: Hit) -> str | None:
    """Who cannot be woken at *hit*: the object right after it ("liv i henne", "wake him": the adult of that gender
    named before, else the child), else its subject."""
    tokens = text.tokens
    following = tokens[hit.end + 1] if hit.end + 1 < len(tokens) else None
    if following is None or following.sentence != hit.sentence:
        return _subject_kind(text, hit.start)
    if following.surface in OBJECT_PRONOUNS:
        gender = _gender(following)
        for earlier in reversed(tokens[:hit.start]):
            kind = _actor(earlier)
            if kind in ADULTS and not _owns_pills(text, earlier) and _gender(earlier) in (gender, None):
                return kind
        return "child"
    if _actor(following) and tokens[hit.end].surface in {"i", "in"}:
        return _actor(following)  # "liv i mamman", "liv i barnen"
    return _subject_kind(text, hit.start)


# --- a small child alone now


def _present(text: _Text, hit: Hit) -> bool:
    """Whether the state at *hit* is told as now: no past posture verb before it in its clause, or "nu" beside it."""
    if text.in_sentence(hit.sentence, "now", "today", "since_recent"):
        return True
    clause = [token for token in text.tokens[:hit.start] if token.clause == hit.clause]
    return not any(token.surface in PAST_STATE for token in clause[-4:])


def _alone_in_car(text: _Text) -> bool:
    """Whether a small child sits alone in a car now: with heat or cold, in a car park, with nobody near, or told
    in a few words ("tvååring ensam i bil") — not told as the past or a pattern, not in play."""
    for hit in text.of("car_alone"):
        if (_past_outside_since(text, hit, "pattern", "past_strong", "distant", "conditional")
                or _disarmed(text, hit) or text.in_sentence(hit.sentence, "fiction")):
            continue
        if not _present(text, hit) or not _child_in_car(text, hit) or _with_adult(text, hit):
            continue
        if text.in_sentence(hit.sentence, "now", "today", "since_recent", "weather", "car_park", "unattended") or (
                len(text.tokens) <= TELEGRAM) or text.has("weather"):
            return True
    return False


def _child_in_car(text: _Text, hit: Hit) -> bool:
    """Whether the one alone in the car at *hit* is a child: named in the phrase ("lämnat bebisen i bilen") or the
    nearest person before it (not "pappa satt ensam i bilen", not "jag satt själv i bilen")."""
    tokens = text.tokens
    if any(_actor(token) == "child" for token in tokens[hit.start:hit.end + 1]):
        return True
    for token in reversed(tokens[:hit.start]):
        if token.sentence != hit.sentence:
            break
        kind = _actor(token)
        if kind == "pronoun" and token.surface in {"de", "they"}:
            continue
        if kind:
            return kind in ("child", "pronoun")
    return True  # "tvååring ensam i bil" names the child first; "ensam i bilen" alone is about the child


def _nobody_at_car(text: _Text) -> bool:
    """Whether a child sits in a car and nobody is near it ("bebis sover i bilen utanför, ingen förälder syns till")."""
    if _parent_went_in(text):
        return True
    if not text.has("nobody_near", "unattended"):
        return False
    cars = [token for token in text.tokens if token.forms & {"bil", "bilen", "car", "baksätet", "babyskyddet"}]
    # "no parent around" names no adult beside the car
    nobody = {index for hit in text.of("nobody_near", "unattended", "no_adult")
              for index in range(hit.start, hit.end + 1)}
    return any(text.in_sentence(car.sentence, "nobody_near", "unattended") and any(
        token.sentence == car.sentence and _actor(token) == "child" for token in text.tokens) and not any(
        token.sentence == car.sentence and _actor(token) in ADULTS and token.index not in nobody
        for token in text.tokens)
        and not text.in_sentence(car.sentence, "pattern", "disarm", "fiction") and not _past_then(text, car.sentence)
        for car in cars)


def _past_then(text: _Text, sentence: int) -> bool:
    """Whether *sentence* is placed in the past, not by "för tjugo minuter sedan" (that is now)."""
    recent = text.of("now")
    return any(hit.sentence == sentence and not any(now.start <= hit.start <= now.end for now in recent)
               for hit in text.of("past_strong"))


def _parent_went_in(text: _Text) -> bool:
    """Whether a child sits in a car while the adult went in somewhere ("ettåringen sitter i bilen, pappan gick in på
    apoteket för en halvtimme sedan, det är 27 grader"): with heat, cold or a time, nobody with the child."""
    if not text.has("went_in") or not text.has("weather", "since_recent", "now"):
        return False
    for car in (token for token in text.tokens if token.forms & {"bil", "bilen", "car", "baksätet", "babyskyddet"}):
        seated = any(token.sentence == car.sentence and token.surface in PRESENT_STATE for token in text.tokens
                     if car.index - 3 <= token.index < car.index)
        child = _subject_kind(text, car.index) in ("child", "pronoun")
        attended = any(token.piece == car.piece and _actor(token) in ADULTS for token in text.tokens)  # "med pappa"
        if seated and child and not attended and not text.in_sentence(car.sentence, "pattern", "disarm", "fiction"):
            return True
    return False


def _alone_at_home(text: _Text) -> bool:
    """Whether a young child is alone at home now, since yesterday or this morning ("har inte ätit sedan igår"):
    the parent gone, nobody there. A parent alone with the children, or a pattern, is not."""
    for hit in text.of("alone", "home_alone"):
        words = {token.surface for token in text.tokens[hit.start:hit.end + 1]}
        if not words & {"hemma", "home", "lägenheten", "huset", "flat", "apartment", "house", "bostaden"}:
            continue
        if _past_outside_since(text, hit, "pattern", "past_strong", "distant", "conditional"):
            continue
        if _subject_kind(text, hit.start) in ADULTS or _with_adult(text, hit):
            continue  # "mamma är ensam hemma med barnen", "ensam hemma med pappa"
        near_now = any(text.tokens[now.start].segment == text.tokens[hit.start].segment for now in text.of("now")) or (
            hit.end + 1 < len(text.tokens) and text.tokens[hit.end + 1].surface in {"nu", "now"})  # "hemma nu säger"
        # "sedan igår" may stand in a denial ("hasn't eaten since yesterday"): it still says the state goes on.
        since = [other for other in text.of("since_recent") + text.negated if other.concept == "since_recent"]
        # "lillasyster ligger ensam hemma och gråter, mamma kom inte hem i natt": told in the present, the parent away.
        posture = any(token.surface in PRESENT_STATE for token in text.tokens[max(0, hit.start - 2):hit.start])
        away = text.has("parent_away", "hunger", "distress") or any(
            other.concept in ("parent_away", "hunger") for other in text.negated)
        if (posture and away and not text.in_sentence(hit.sentence, "pattern")) or near_now or text.in_sentence(
                hit.sentence, "today") or any(
                other.sentence == hit.sentence for other in since) or (since and text.has("gone", "hunger")):
            return True
    return False


# --- cutting on a near date


def _cut_soon(text: _Text) -> bool:
    """Whether a girl is to be cut on a near date: a euphemism with "imorgon"/"på söndag", an older sister already
    cut and a trip booked, or a vague "fixa det med dottern" there with a date."""
    if not text.has("fgm_euphemism", "fgm", "fgm_done", "fgm_cut", "vague_deed") or _boy_only(text):
        return False
    potty = text.has("potty") and not text.has("country")
    return not potty and (_euphemism_dated(text) or _sister_cut(text) or _vague_deed_dated(text))


def _euphemism_dated(text: _Text) -> bool:
    """A cutting euphemism with a date in days ("ska bli ren imorgon"), about the child, not an adult's."""
    tokens = text.tokens
    for hit in text.of("fgm_euphemism"):
        words = {token.surface for token in tokens[hit.start:hit.end + 1]}
        if not (words & CUTTING_WORDS or (words & GIRL_CUTTING_WORDS and _girl_context(text))) or not (
                text.in_sentence(hit.sentence, "imminent")):
            continue
        previous = tokens[hit.start - 1].surface if hit.start else ""
        if previous in STATE_WORDS or tokens[hit.start].surface in DONE_WORDS:
            continue  # "hon blev ren": done
        if text.in_sentence(hit.sentence, "distant", "conditional"):
            continue
        if _subject_kind(text, hit.start) in ("parent", "staff", "adult"):
            continue  # "mamma ska bli ren imorgon" is a mother off drugs
        return True
    return False


def _sister_cut(text: _Text) -> bool:
    """An older sister already cut and the younger girl on a trip soon: the family's practice reaches her next."""
    if text.has("opposed") or not text.has("travel", "country") or not text.has("soon", "imminent"):
        return False
    tokens = text.tokens
    for hit in text.of("fgm", "fgm_done", "fgm_cut"):
        if not any(sister.clause == hit.clause for sister in text.of("sister")):
            continue
        previous = {token.surface for token in tokens[max(0, hit.start - 2):hit.start]}
        done = bool(previous & (STATE_WORDS | {"redan", "already", "blev", "blivit", "was", "been"})) or (
            hit.concept == "fgm_done") or (
            text.in_clause(hit.clause, "past_strong"))
        if not done or text.in_sentence(hit.sentence, "distant", "conditional"):
            continue
        sisters = {index for sister in text.of("sister") for index in range(sister.start, sister.end + 1)}
        other_girl = any(token.surface in GIRL_WORDS and token.index not in sisters and token.surface not in {
            "hon", "she"} for token in tokens)
        if other_girl:
            return True
    return False


def _vague_deed_dated(text: _Text) -> bool:
    """"Mormor fixar det med dottern när de är där", with a trip or a country and a date: cutting said as a deed."""
    return any(_girl_context(text) and text.has("country", "travel") and text.has("imminent", "soon")
               and not text.in_sentence(hit.sentence, "distant", "conditional") for hit in text.of("vague_deed"))
