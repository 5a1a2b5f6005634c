"""An adult unfit to care now, with the child (DOMAIN.md §3: a child about to be handed to a clearly intoxicated
adult is acute): signs the intoxication words miss — nodding off mid-sentence, no balance, pin pupils, sniffing, an
empty bottle, an adult hardly to be roused beside a baby, "bara två glas" and dropped keys — read with the adult here
now, about to drive or leave with the child, or asked about ("kan jag skicka hem honom med mamma när hon är så här?").
A past night, a pattern, a child's own tiredness and tiredness with a reason (a night shift, an operation) are not.
"""

from __future__ import annotations

from knowledge.reading.carers import MEALS, _dated_away
from knowledge.reading.emergency import _collapsed_person
from knowledge.reading.signals import _gender, _sober
from knowledge.reading.subjects import _subject, _subject_kind
from knowledge.reading.text import Hit, Token, _actor, _Text, add_before_fear
from knowledge.reading.vocabulary import ADULTS, NOUN_PREPOSITIONS, OBJECT_PRONOUNS, PLAY_REACH

# Signs strong enough alone; the others (nodding off, no balance, dropped keys, "two glasses") need a second.
STRONG = frozenset({"intox", "impaired", "intox_smell"})
WEAK_PREFIXES = ("tom", "empty", "somn", "nick", "slock", "svår", "tapp", "ingen", "kan", "kunde", "can", "could",
                 "losing", "nod", "fall", "fell", "bara", "just", "only", "ett", "dropp", "fumbl", "ögon", "blick",
                 "eyes", "rök", "tagit", "tog", "smoked", "taken")
# Past forms that place a sign in the past when no "now" stands in its sentence.
PAST_FORMS = frozenset({"var", "was", "were", "hade", "had", "fick", "kunde", "could", "couldn't", "låg", "satt", "sov",
                        "drack", "drank", "tappade", "dropped", "somnade", "nickade", "luktade", "sniffade",
                        "verkade", "seemed", "smelled", "kom", "came"})
PAST_TIMES = ("past_strong", "past_day", "pattern", "distant", "conditional", "months", "weeks")
# Habits: "det ligger ofta tomma flaskor", "brukar somna".
HABITS = frozenset({"ofta", "often", "brukar", "usually", "alltid", "always", "ibland", "sometimes", "förut", "igen",
                    "again", "gånger", "times"})
# A body that hurts or heals: unsteady from pain, not from a substance.
PAIN = frozenset({"cast", "ont", "värk", "ryggen", "foten", "benet", "höften", "gips", "pain", "sore", "hurt",
                  "injured", "limping", "haltar"})
# An adult here now or the child about to leave with one.
LEAVING = ("pickup", "drive", "leaving", "ride_off", "taking", "arriving", "send_home")
# "hela tiden": all the time, now — no pattern of days.
ALL_THE_TIME = frozenset({"hela", "all", "constantly"})
# Possessives and articles that may stand between "mamman till" and the child ("mamman till vår fyraåring").
POSSESSIVES = frozenset({"his", "her", "hans", "hennes", "sin", "sitt", "sina", "their", "deras"})
TALK = ("prata", "talk", "samtal")
SUBJECT_PRONOUNS = frozenset({"hon", "han", "she", "he"})
OWNERS = frozenset({"vår", "våra", "er", "era", "min", "mina", "en", "ett", "our", "my", "a", "the", "one"})


def _live(text: _Text, hit: Hit) -> bool:
    """Whether the sign at *hit* is told as now: no past or pattern word in its comma segment, no pluperfect, and a
    past verb at it only with "now" or "today" in its sentence."""
    tokens = text.tokens
    if _present_now(text, hit):
        return True
    segment = tokens[hit.start].segment
    since = text.of("since_recent", "since_yesterday")
    dated = [other for other in text.of(*PAST_TIMES) if other.sentence == hit.sentence
             and not any(span.start <= other.start <= span.end for span in since) and not _relative(text, other)
             and tokens[other.start].surface not in ALL_THE_TIME]
    if any(tokens[other.start].segment == segment for other in dated) or (
            dated and not text.in_sentence(hit.sentence, "now", "still_here")):
        return False
    if any(token.sentence == hit.sentence and token.surface in HABITS for token in tokens):
        return False
    before = tokens[max(0, hit.start - 2):hit.start + 1]
    if any(token.surface in {"hade", "had"} and token.segment == segment and not (
            token.index and tokens[token.index - 1].surface in {"has", "have", "'s", "'ve"}) for token in before):
        return False  # "hade druckit", not "has had"
    past = any(token.surface in PAST_FORMS or token.surface.endswith("ade") for token in before
               if token.segment == segment)
    return not past or text.in_sentence(hit.sentence, "now", "still_here")


def _present_now(text: _Text, hit: Hit) -> bool:
    """Whether the sign at *hit* follows a present copula with "just nu" in its sentence ("inte första gången pappan
    är full ..., han står vid bilen just nu"): it happened before and it is happening now."""
    before = text.tokens[hit.start - 1].surface if hit.start else ""
    # Only "inte första gången" may date it: "på helgerna", "varje fredag" make it a habit.
    first_time = all(text.tokens[other.end].surface in {"gången", "gång", "time"} for other in text.of(*PAST_TIMES)
                     if other.sentence == hit.sentence)
    return before in {"är", "e", "is", "'s"} and first_time and any(
        now.sentence == hit.sentence and text.tokens[now.start].surface != "precis" for now in text.of("now"))


def _relative(text: _Text, hit: Hit) -> bool:
    """Whether *hit* stands in a relative clause ("Farmor, som hämtar på fredagar, ..."): it dates the habit of the
    one named, not the sign."""
    words = [token for token in text.tokens if token.segment == text.tokens[hit.start].segment]
    return bool(words) and words[0].surface in {"som", "who", "which"}


def _perfect(text: _Text, hit: Hit) -> bool:
    """Whether the sign at *hit* is a present perfect ("har druckit") whose sentence is dated only in a relative
    clause."""
    tokens = text.tokens
    has = any(token.surface in {"har", "has", "have"} for token in tokens[max(0, hit.start - 2):hit.start + 1])
    dated = [other for other in text.of(*PAST_TIMES) if other.sentence == hit.sentence]
    return has and all(_relative(text, other) for other in dated)


def _earlier_adult(text: _Text, pronoun: Token) -> str | None:
    """The kind of the adult of *pronoun*'s gender named before it, if any; "pronoun" when nobody but objects
    ("collect him") is named before."""
    gender = _gender(pronoun)
    for token in reversed(text.tokens[:pronoun.index]):
        kind = _actor(token)
        if kind in ADULTS and _gender(token) in (gender, None):
            return kind
    named = [token for token in text.tokens[:pronoun.index] if _actor(token) not in (None, "pronoun", "self")
             and token.surface not in OBJECT_PRONOUNS]
    return None if named else "pronoun"


def _whose(text: _Text, hit: Hit) -> str | None:
    """The kind of person the sign at *hit* is about: the one after "liv i", else the subject before it; "mamman till
    vår fyraåring" is the mother."""
    if text.tokens[hit.end].surface in {"i", "in", "med"}:
        return _collapsed_person(text, hit)
    subject = _subject(text, hit.start)
    if subject is not None and subject.surface in SUBJECT_PRONOUNS:
        # "Mamman ska ta hem tvååringen, hon nickar bort": the adult of that gender, not the child named between.
        adult = _earlier_adult(text, subject)
        if adult is not None:
            return adult
    if subject is not None and _actor(subject) == "child" and subject.index and text.tokens[
            subject.index - 1].surface in POSSESSIVES:
        # "He is here to collect his daughter, pupils tiny": the daughter is the object, the one before is the adult.
        first = next((token for token in text.tokens if token.sentence == hit.sentence and _actor(token)), None)
        if first is not None and first.surface in SUBJECT_PRONOUNS:
            return _earlier_adult(text, first) or "pronoun"
        if first is not None and _actor(first) in ADULTS:
            return _actor(first)
    if subject is not None and _actor(subject) == "child":
        earlier = [token for token in text.tokens[max(0, subject.index - 3):subject.index]
                   if token.surface not in OWNERS]
        if earlier and earlier[-1].surface in NOUN_PREPOSITIONS and earlier[-1].index >= 1 and _actor(
                text.tokens[earlier[-1].index - 1]) in ADULTS:
            return _actor(text.tokens[earlier[-1].index - 1])
    if subject is not None and subject.surface in OBJECT_PRONOUNS:
        adult = _earlier_adult(text, subject)  # "vi såg honom sniffa": the adult seen
        if adult is not None:
            return adult
    if subject is not None and _actor(subject) == "pronoun" and not any(
            _actor(token) not in (None, "pronoun", "self") for token in text.tokens[:subject.index]):
        return "pronoun"  # "Han är här och ska hämta, pupillerna ...": nobody named before, not a child
    return _subject_kind(text, hit.start)


def _signs(text: _Text) -> list[Hit]:
    """Signs of an adult impaired now, live, about an adult (or nobody named), not in fiction, play or illness."""
    found = []
    for hit in text.of("unfit_sign", *STRONG):
        if not _live(text, hit) or _in_play(text, hit) or text.in_sentence(hit.sentence, "no_alcohol"):
            continue
        if hit.concept in STRONG and (text.in_sentence(hit.sentence, "illness", "medical") or (
                _dated_away(text, hit) and not _perfect(text, hit) and not _present_now(text, hit))):
            continue
        frail = [other for other in text.of("frail", "tired_reason") if other.sentence == hit.sentence
                 and not any(sign.start <= other.start <= sign.end for sign in text.of("unfit_sign"))]
        if (frail and hit.concept != "intox") or any(
                token.sentence == hit.sentence and token.surface in PAIN for token in text.tokens):
            continue
        if _whose(text, hit) in ("child", "peer", "staff", "self"):
            continue
        after = text.tokens[hit.end + 1].surface if hit.end + 1 < len(text.tokens) else ""
        if text.tokens[hit.start].surface.startswith("sniff") and after in {"på", "at", "on", "around"}:
            continue  # "sniffar på blommorna": smelling, not sniffing a substance
        found.append(hit)
    return found


def _in_play(text: _Text, hit: Hit) -> bool:
    """Whether *hit* stands in fiction or near a play word — not a meal (adults drink at meals) and not talk ("när vi
    pratar": the adult nods off while we speak)."""
    if text.in_sentence(hit.sentence, "fiction"):
        return True
    return any(other.sentence == hit.sentence and abs(other.start - hit.start) <= PLAY_REACH and not any(
        token.surface in MEALS or token.surface.startswith(TALK) for token in text.tokens[other.start:other.end + 1])
        for other in text.of("disarm", "toy"))


def _weak(text: _Text, hit: Hit) -> bool:
    return hit.concept == "unfit_sign" and text.tokens[hit.start].surface.startswith(WEAK_PREFIXES)


def _enough(text: _Text, signs: list[Hit]) -> bool:
    """One strong sign, or two different weak ones, or one weak sign and the wheel now ("nickar bort, ska köra hem
    barnet nu") — with no reason for tiredness given."""
    if any(not _weak(text, hit) for hit in signs):
        return True
    starts = {text.tokens[hit.end].surface for hit in signs}
    driving = any(_live(text, hit) and not _sober(text, hit) for hit in text.of("drive", "ride_off"))
    return (len(starts) >= 2 or driving) and not text.has("tired_reason")


def _with_child_now(text: _Text, signs: list[Hit]) -> bool:
    """Whether a child is named and the adult is here now or about to leave, drive or be sent home with it."""
    tokens = text.tokens
    if not any(_actor(token) == "child" for token in tokens) and not text.has(
            "infant", "leaving", "pickup", "send_home", "children_more"):
        return False
    leaving = [hit for hit in text.of(*LEAVING) if _live(text, hit) and not _sober(text, hit)]
    # "nu" or "idag" beside a sign ("hon är inne hos oss nu"), not a "now I wonder" of the writer.
    segments = {tokens[sign.start].segment for sign in signs}
    here = text.has("here_place", "still_here", "is_here") or any(
        tokens[now.start].segment in segments for now in text.of("now", "today"))
    return bool(leaving) or here


def _unfit_now(text: _Text) -> bool:
    """Whether an adult unfit to care now is with the child or about to leave with it (112, not a questionnaire)."""
    if text.has("sober", "no_alcohol"):
        return False
    signs = _signs(text)
    return bool(signs) and _enough(text, signs) and _with_child_now(text, signs)


def _unfit(text: _Text) -> list[str]:
    """The acute codes of this module (knowledge.acute.ACUTE_CODES)."""
    return ["intoxicated_pickup"] if _unfit_now(text) else []


def _add_unfit(text: _Text, codes: list[str]) -> None:
    """Add the codes of this module to *codes*, before fear of going home (the less decisive codes)."""
    add_before_fear(codes, _unfit(text))
