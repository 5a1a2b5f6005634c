"""Emergencies told on the child's body without the usual words (DOMAIN.md §3): a neck marked by hands the child
shows, a child who swallowed an adult's pills, a shaken or broken-limbed baby."""

from __future__ import annotations

from knowledge.reading.signals import _disarmed
from knowledge.reading.subjects import _past_outside_since, _subject, _subject_kind, _time_in_sentence
from knowledge.reading.text import Hit, _actor, _Text
from knowledge.reading.vocabulary import ADULTS, OBJECT_PRONOUNS, PATIENT_REACH

# How far (in words) the swallowing verb may stand before the pills ("har ätit av mammas gamla tabletter").
INGEST_REACH = 7
# How far (in words) a baby may stand from the shaking word ("skakade lillebror på fyra månader").
INFANT_REACH = 4
# Words that make pills the child's own ("sin medicin", "his inhaler").
OWN = frozenset({"sin", "sina", "hans", "hennes", "egen", "egna", "his", "her", "own"})
# The month words after an age in months ("bebisen 7 mån", "4 månader gammal").
MONTHS = frozenset({"mån", "månader", "månaders", "months", "month", "mths"})
AGE_WORDS = frozenset({"gammal", "gammalt", "gamla", "old"})
FIRST_PERSON = frozenset({"vi", "we", "jag"})
# "om ett barn", "if a child": someone, not the child of this message.
INDEFINITE = frozenset({"ett", "en", "någon", "något", "man", "a", "an", "someone", "any", "ditt", "your"})
# "blev skakad", "was shaken": the one named is the one shaken.
PASSIVE_AUXILIARIES = frozenset({"blev", "blivit", "was", "got", "been"})
HARD = frozenset({"hårt", "våldsamt", "kraftigt", "hard", "violently", "roughly"})


def _collapsed(text: _Text) -> bool:
    """Whether a child is told to be drowsy, limp, vomiting or hard to wake (not an adult: "mamman sluddrar")."""
    return any(_intoxicated_kind(text, hit) not in ADULTS for hit in text.of("collapse"))


# --- strangling shown with the hands


def _neck_shown(text: _Text) -> bool:
    """Whether a child shows with the hands what an adult did at the neck ("gjorde så med händerna", "did it like
    this with his hands"): strangling, without the word (a stripe on the neck is read in acute.py)."""
    # Pointing at the neck is the gesture when a grip is named in its sentence ("visar på halsen, 'pappa klämma'").
    pointing = [hit for hit in text.of("neck_point") if text.in_sentence(hit.sentence, "grip")]
    for gesture in text.of("hand_gesture") + pointing:
        if _disarmed(text, gesture) or text.in_sentence(gesture.sentence, "fiction", "play_fight"):
            continue
        neck = text.in_sentence(gesture.sentence, "neck") or (
            text.in_sentence(gesture.sentence, "blame") and any(
                text.in_sentence(gesture.sentence - step, "neck") for step in (1, 2)))
        adult = any(token.sentence == gesture.sentence and _actor(token) in ("parent", "relative", "adult")
                    for token in text.tokens)
        # The child shows; an adult who shows ("pappa visade hur man knäpper jackan vid halsen") teaches, unless the
        # neck is marked.
        shower = _subject(text, gesture.start)
        marked = any(text.in_clause(neck_hit.clause, "injury") for neck_hit in text.of("neck"))
        showing = text.tokens[gesture.start].forms & {"visa", "visar", "visade", "show", "shows", "showed"}
        if showing and shower is not None and _actor(shower) in ADULTS and not marked:
            continue
        if neck and adult and not text.in_sentence(gesture.sentence, "neck_cause", "medical", "illness", "sore_throat"):
            return True
    return False


# --- a child who swallowed an adult's pills


def _pills_of_adult(text: _Text, pill: Hit) -> bool:
    """Whether the pills at *pill* are an adult's: an adult owner just before them, or pills only adults have."""
    tokens = text.tokens
    if any("harmless_pill" in token.concepts for token in tokens[pill.start:pill.end + 1]):
        return False
    if any("adult_only" in token.concepts for token in tokens[pill.start:pill.end + 1]):
        return True
    # An adult owner just before them: "mammas tabletter", learner "mamma medicin", "grandma's pills", "her mum's
    # meds", "mammas gamla tabletter" (a genitive two words back); not "mamma tar sina tabletter".
    if pill.start and _actor(tokens[pill.start - 1]) in ADULTS:
        return True
    owner = tokens[pill.start - 2] if pill.start >= 2 else None
    return owner is not None and _actor(owner) in ADULTS and owner.surface.endswith(("s", "'s"))


def _poisoned(text: _Text) -> bool:
    """Whether a child has swallowed an adult's pills or drugs today or now, or shows it (drowsy, hard to wake):
    a poisoning, 112 now, not an intoxicated adult."""
    return any(_child_swallowed(text, pill) for pill in text.of("pills", "adult_only"))


def _child_swallowed(text: _Text, pill: Hit) -> bool:
    """Whether the pills at *pill* were swallowed by the child, now or today (or with signs of it)."""
    tokens = text.tokens
    # The verb before the pills ("har ätit av mammas tabletter"), or just after them, joined ("found his mum's
    # tablets in her bag and swallowed some").
    ingest = [hit for hit in text.of("ingest") if hit.sentence == pill.sentence and (
        (hit.clause == pill.clause and 0 <= pill.start - hit.end <= INGEST_REACH) or (
            0 < hit.start - pill.end <= INGEST_REACH + 2 and any(
                token.surface in {"och", "and", "o"} for token in text.tokens[pill.end + 1:hit.start])))]
    if not ingest:
        return False
    verb = ingest[-1]
    accidental = any(token.surface in {"i", "into", "hittade", "hittat", "hittar", "found"}
                     for token in tokens[verb.start:verb.end + 1])
    own = any(token.surface in OWN for token in tokens[max(0, pill.start - 2):pill.start])
    adults = _pills_of_adult(text, pill)
    if not (adults or (accidental and not own)):
        return False
    if _subject_kind(text, verb.start) in ADULTS:
        return False  # "mamma tar sina tabletter": the adult's own medicine
    if any(token.surface in {"om", "if"} and tokens[token.index + 1].surface in INDEFINITE
           for token in tokens[max(0, verb.start - 4):verb.start]):
        return False  # "vad gör man om ett barn fått i sig tabletter?": a question, no child named
    if _disarmed(text, pill) or text.in_sentence(pill.sentence, "fiction"):
        return False  # a first-aid course, a story
    if _past_outside_since(text, pill, "pattern", "past_strong", "distant", "conditional"):
        return False
    # "har fått i sig", "has swallowed": just now; a plain past ("åt", "ate") needs today, now or the signs.
    told_perfect = accidental or any(token.surface in {"har", "has", "have", "hade", "had", "'s"}
                                     for token in tokens[max(0, verb.start - 3):verb.start])
    return told_perfect or _collapsed(text) or text.has("tired") or text.in_sentence(
        pill.sentence, "now", "today", "since_recent")


def _intoxicated_kind(text: _Text, hit: Hit) -> str | None:
    """Who is slurring or staggering at *hit*: the person right after it (Swedish V2, "nu sluddrar han"), else the
    subject before it."""
    following = text.tokens[hit.end + 1] if hit.end + 1 < len(text.tokens) else None
    if following is not None and following.sentence == hit.sentence and _actor(following) in ("pronoun", "child"):
        return "child" if _actor(following) == "child" else _subject_kind(text, following.index + 1)
    return _subject_kind(text, hit.start)


def _symptoms_not_intoxication(text: _Text) -> None:
    """Read slurring and staggering as the poisoned child's symptoms, not as an intoxicated adult: drop the
    intoxication words whose subject is a child when a child has swallowed an adult's pills."""
    if not _poisoned(text) or "intox" not in text.by:
        return
    kept = [hit for hit in text.by["intox"] if _intoxicated_kind(text, hit) in ADULTS]
    dropped = {(hit.start, hit.concept) for hit in text.by["intox"]} - {(hit.start, hit.concept) for hit in kept}
    text.hits = [hit for hit in text.hits if (hit.start, hit.concept) not in dropped]
    if kept:
        text.by["intox"] = kept
    else:
        del text.by["intox"]


# --- a shaken or injured baby


def _infants(text: _Text) -> set[int]:
    """Indexes of the words naming a baby: "bebisen", "spädbarn", an age in months ("7 mån", "fyra månader gammal")."""
    tokens = text.tokens
    found = {token.index for token in tokens if "infant" in token.concepts}
    for token in tokens:
        if token.surface in MONTHS and token.index:
            number = tokens[token.index - 1]
            if not (number.surface.isdigit() or number.surface in {"en", "ett", "två", "tre", "fyra", "fem", "sex",
                                                                   "sju", "åtta", "nio", "tio", "elva"}):
                continue
            named = [other for other in tokens[max(0, number.index - 3):number.index] if _actor(other) == "child"]
            aged = token.index + 1 < len(tokens) and tokens[token.index + 1].surface in AGE_WORDS
            if named or aged:
                found.add(token.index)
    return found


def _shaken_infant(text: _Text) -> bool:
    """Whether a baby was shaken and is now limp, vomiting or drowsy, or was shaken in the last day: 112 now."""
    if not text.has("shake", "shaken_passive"):
        return False
    infants = _infants(text)
    if not infants:
        return False
    tokens = text.tokens
    for hit in text.of("shake", "shaken_passive"):
        if _disarmed(text, hit) or text.in_sentence(hit.sentence, "fiction"):
            continue
        word = tokens[hit.start].surface
        # "bebisen skakades", "blev skakad", learner "bebis skaka av pappa": the one named before is the one shaken.
        by_adult = hit.end + 2 < len(tokens) and tokens[hit.end + 1].surface in {"av", "by"} and _actor(
            tokens[hit.end + 2]) in ADULTS
        passive = by_adult or word.endswith(("ad", "ades", "ats", "ts", "en")) or any(
            token.surface in PASSIVE_AUXILIARIES for token in tokens[max(0, hit.start - 2):hit.start])
        # The baby after the verb ("skakade bebisen"), named before a passive ("bebisen skakades") or before an
        # object pronoun ("bebisen ... efter att mamma skakat henne").
        pronoun = any(token.surface in OBJECT_PRONOUNS for token in tokens[hit.end + 1:hit.end + 3])
        reach = PATIENT_REACH * 2 if pronoun else PATIENT_REACH
        near = [index for index in infants if tokens[index].sentence == hit.sentence and (
            hit.start < index <= hit.end + INFANT_REACH or ((passive or pronoun) and abs(index - hit.start) <= reach))]
        if not near:
            continue
        if _collapsed(text):
            return True  # limp, vomiting, drowsy now: whenever it was shaken
        if text.in_sentence(hit.sentence, "pattern", "distant"):
            continue
        # Shaken hard ("skakade bebisen våldsamt"), untold when: a brain injury to see to now, unless long ago.
        hard = any(token.surface in HARD for token in tokens[hit.end + 1:hit.end + 4])
        if _time_in_sentence(text, hit.sentence, "today", "now", "recent", "since_recent") or (
                hard and not text.in_sentence(hit.sentence, "past_strong")):
            return True
    return False


def _infant_fracture(text: _Text) -> bool:
    """Whether a baby has a limb that hangs oddly or that it will not move, or marks on the head with drowsiness:
    a fracture or a head injury on a child who cannot yet move about (DOMAIN.md §4), care now."""
    if not text.has("limb_odd", "collapse") or text.has("medical"):
        return False
    if not _infants(text):
        return False
    if text.has("accident") and not any(_actor(token) in ADULTS for token in text.tokens):
        return False  # "ettåringen ramlade från rutschkanan": an accident here, first aid and the parents
    witnessed = any(text.in_sentence(hit.sentence, "accident") and any(
        token.sentence == hit.sentence and token.surface in FIRST_PERSON for token in text.tokens)
        for hit in text.of("limb_odd"))
    if witnessed:
        return False  # "vi såg när hon ramlade": an accident here, first aid and the parents
    if any(not text.in_sentence(hit.sentence, "pattern", "past_strong", "distant") for hit in text.of("limb_odd")):
        return True
    # Drowsy or vomiting after a blow to the head or a fall ("tappades i golvet", "ramlade från skötbordet").
    return _collapsed(text) and ((text.has("injury") and text.has("unusual_site")) or text.has("accident", "dropped"))
