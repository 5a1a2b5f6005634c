"""Emergencies told without the usual words: a neck marked by hands the child shows, a child who swallowed an adult's
pills, a shaken or broken-limbed baby, an adult who collapsed beside the child, a small child alone in a car or at
home now, and a girl's cutting set for a near date (DOMAIN.md §3)."""

from __future__ import annotations

from knowledge.reading.acute import _boy_only, _girl_context, _with_adult
from knowledge.reading.signals import _disarmed, _gender
from knowledge.reading.text import Hit, Token, _actor, _Text, add_before_fear
from knowledge.reading.vocabulary import (
    ADULTS,
    DONE_WORDS,
    GIRL_WORDS,
    OBJECT_PRONOUNS,
    PATIENT_REACH,
    SOURCE_WORDS,
    STATE_WORDS,
)

# How far (in words) the swallowing verb may stand before the pills ("har ätit av mammas gamla tabletter").
INGEST_REACH = 7
# How far (in words) a baby may stand from the shaking word ("skakade lillebror på fyra månader").
INFANT_REACH = 4
# A message this short ("tvååring ensam i bil") tells what is happening as the staff member writes.
TELEGRAM = 6
# Words that make pills the child's own ("sin medicin", "his inhaler").
OWN = frozenset({"sin", "sina", "hans", "hennes", "egen", "egna", "his", "her", "own"})
# The month words after an age in months ("bebisen 7 mån", "4 månader gammal").
MONTHS = frozenset({"mån", "månader", "månaders", "months", "month", "mths"})
AGE_WORDS = frozenset({"gammal", "gammalt", "gamla", "old"})
# A posture or state in the past: "satt ensam i bilen" tells of then, not now.
PAST_STATE = frozenset({"satt", "var", "låg", "sov", "stod", "fick", "lämnades", "glömdes", "was", "were", "sat",
                        "slept", "lay", "got", "hade", "had"})
# Euphemisms for cutting that say what is done (not "fixas" or "ceremonin", which are everyday words).
CUTTING_WORDS = frozenset({"ren", "rena", "renad", "renas", "kvinna", "kvinnor", "nere", "skäras", "skuren", "cut",
                           "cleansed", "woman"})
# These count only when a girl is named ("hennes rening på lördag"; "ska bli fin imorgon" is a party dress).
GIRL_CUTTING_WORDS = frozenset({"rening", "reningen", "clean", "pure"})
FIRST_PERSON = frozenset({"vi", "we", "jag"})
# "om ett barn", "if a child": someone, not the child of this message.
INDEFINITE = frozenset({"ett", "en", "någon", "något", "man", "a", "an", "someone", "any", "ditt", "your"})
# A collapse told in the past tense ("gick inte att väcka", "vaknade inte").
PAST_COLLAPSE = frozenset({"gick", "vaknade", "somnade", "kunde", "däckade", "passed", "couldn't", "wouldn't",
                           "didn't", "collapsed"})
# "blev skakad", "was shaken": the one named is the one shaken.
PASSIVE_AUXILIARIES = frozenset({"blev", "blivit", "was", "got", "been"})
SIBLINGS = frozenset({"syster", "systern", "storasyster", "storasystern", "bror", "brodern", "brorsan", "storebror",
                      "storebrodern", "sister", "brother", "sisters", "brothers", "syskon", "syskonen", "siblings"})
# A state told in the present: "ligger ensam hemma", "is alone at home".
PRESENT_STATE = frozenset({"ligger", "sitter", "sover", "står", "är", "e", "is", "'s", "sits", "lies"})
HARD = frozenset({"hårt", "våldsamt", "kraftigt", "hard", "violently", "roughly"})


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

def _past_outside_since(text: _Text, hit: Hit, *concepts: str) -> bool:
    """Whether *concepts* occur in the sentence of *hit*, not counting a past word inside "sedan igår" / "since
    this morning" (which says the state goes on now)."""
    since = text.of("since_recent")
    return any(other.sentence == hit.sentence and not any(span.start <= other.start <= span.end for span in since)
               for other in text.of(*concepts))


def _time_in_sentence(text: _Text, sentence: int, *concepts: str) -> bool:
    """Whether a time word of *concepts* stands in *sentence*, even inside a denial ("när hon inte slutade skrika
    igår kväll" still says when)."""
    return text.in_sentence(sentence, *concepts) or any(
        hit.sentence == sentence and hit.concept in concepts for hit in text.negated)


def _subject(text: _Text, index: int) -> Token | None:
    """The nearest person named before token *index* in its sentence, skipping an owner of pills ("mammas
    tabletter"); a he or she is read as the adult of that gender named before, else as the child."""
    tokens = text.tokens
    for token in reversed(tokens[:index]):
        if token.sentence != tokens[index].sentence:
            return None
        if not _actor(token) or _owns_pills(text, token) or _actor(token) == "self":
            continue
        if token.index and tokens[token.index - 1].surface in SOURCE_WORDS | {"to"}:
            continue  # "enligt mamma", "according to mum": who told, not who did
        return token
    return None


def _subject_kind(text: _Text, index: int) -> str | None:
    """The kind of person doing what token *index* says: a pronoun resolves to a same-gender adult named before it."""
    token = _subject(text, index)
    if token is None:
        return None
    if token.surface in SIBLINGS:
        return "child"  # "his baby sister is alone at home": a sibling of a preschool child is a child
    kind = _actor(token)
    if kind != "pronoun":
        return kind
    gender = _gender(token)
    for earlier in reversed(text.tokens[:token.index]):
        earlier_kind = _actor(earlier)
        if earlier_kind in (None, "pronoun", "self") or _owns_pills(text, earlier):
            continue
        if earlier_kind in ADULTS and gender is not None and _gender(earlier) not in (gender, None):
            continue  # "han" after "mammas" is not the mother
        return earlier_kind
    return "child"


def _owns_pills(text: _Text, token: Token) -> bool:
    """Whether *token* is the owner just before pills ("mammas tabletter", "grandma's pills")."""
    return any(other.concepts & {"pills", "adult_only"} for other in text.tokens[token.index + 1:token.index + 3])


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
    nobody = {index for hit in text.of("nobody_near", "unattended") for index in range(hit.start, hit.end + 1)}
    return any(text.in_sentence(car.sentence, "nobody_near", "unattended") and any(
        token.sentence == car.sentence and _actor(token) == "child" for token in text.tokens) and not any(
        token.sentence == car.sentence and _actor(token) in ADULTS and token.index not in nobody
        for token in text.tokens)
        and not text.in_sentence(car.sentence, "pattern", "past_strong", "disarm", "fiction") for car in cars)


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
