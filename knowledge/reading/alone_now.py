"""A small child alone now where no small child should be (DOMAIN.md §3, immediate danger): a baby in a pram outside a
shop with no adult for 40 minutes, a toddler in the stairwell, a child crying behind a door nobody opens, a
three-year-old walking to preschool alone in pyjamas in the cold, a four-year-old minding a baby sibling at home.
Told in the present (or since a time today), with no adult beside the child; a past day, a pattern, an older child
and a parent standing by are not."""

from __future__ import annotations

import re

from knowledge.reading.subjects import SIBLINGS
from knowledge.reading.text import Hit, Token, _actor, _Text, add_before_fear
from knowledge.reading.vocabulary import ADULTS

ALONE_WORDS = frozenset({"ensam", "ensamt", "själv", "alone", "unattended", "själva", "ensamma", "inlåst",
                         "inlåsta"})
MARKERS = ("alone_place", "no_adult", "minding", "unaccompanied", "nobody_home", "nobody_near", "unattended",
           "home_alone")
PAST_TIMES = ("past_strong", "past_day", "pattern", "distant", "conditional", "months", "weeks")
# More than once: a pattern to report, not this morning's emergency ("kom själv igen", "tre gång nu").
AGAIN = frozenset({"igen", "again", "återigen", "ofta", "often", "brukar", "usually", "alltid", "always", "gång",
                   "gånger", "times", "ibland", "sometimes", "förut", "before", "vanligt", "vanligtvis"})
# "enligt henne själv", "säger själv": the self, not alone.
NOT_ALONE_BEFORE = frozenset({"henne", "honom", "hon", "han", "sig", "dem", "mig", "säger", "sa", "sade", "berättar",
                              "berättade", "her", "him", "it", "herself", "himself"})
# "en pedagog sitter på bänken bredvid": a carer beside the child, in the next clause too.
BESIDE = frozenset({"bredvid", "intill", "beside", "next"})
# Present verbs that tell the scene as it is now.
PRESENT = frozenset({"sitter", "står", "ligger", "är", "e", "går", "gråter", "skriker", "hör", "ser", "springer",
                     "vandrar", "is", "'s", "sits", "stands", "lies", "crying", "screaming", "walking", "wandering",
                     "hear", "see", "passar", "svarar", "öppnar", "opens", "answers"})
PAST_FORMS = frozenset({"var", "was", "were", "satt", "stod", "låg", "gick", "hade", "had", "sat", "stood", "lay",
                        "walked", "fick", "hittade", "found", "kom", "came", "lämnades"})
# "länge", "hela tiden": how long it has gone on now, not a past day.
STILL = frozenset({"länge", "hela", "long", "all"})
# Number words for ages: "fyraåring", "en 4-åring", "storasyster på 4 år".
NUMBERS = {"ett": 1, "en": 1, "två": 2, "tvä": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
           "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "one": 1,
           "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11, "twelve": 12}
OLDEST_SMALL = 6
# Dangers that make the scene urgent on their own: cold, a time already passed, no answer, crying.
URGENT = ("weather", "since_recent", "now", "distress", "scream", "lock_in", "unreachable", "carer_unreachable",
          "no_adult", "nobody_home", "nobody_near", "infant", "parent_away")


def _age(token: Token, tokens: list[Token]) -> int | None:
    """The age a word like "fyraåringen", "4-åring", "12-year-old" or "på 4 år" gives, if any."""
    match = re.match(r"^(\w+?)[- ]?(åring|year)", token.surface)
    if match and match.group(1) in NUMBERS:
        return NUMBERS[match.group(1)]
    if token.surface.startswith(("åring", "year")) or token.surface in {"år", "years", "yrs"}:
        previous = tokens[token.index - 1].surface if token.index else ""
        if previous.isdigit():
            return int(previous)
        return NUMBERS.get(previous)
    return None


def _older_child(text: _Text, sentence: int) -> bool:
    """Whether every age given in *sentence* is school age (an eight-year-old may walk to school alone)."""
    ages = [age for token in text.tokens if token.sentence == sentence
            if (age := _age(token, text.tokens)) is not None]
    return bool(ages) and min(ages) > OLDEST_SMALL


def _small_child(text: _Text, sentence: int) -> bool:
    """Whether a child (a baby, a sibling, a child named by its age) is named in *sentence*, or at all when the
    message is a few words."""
    def child(token: Token) -> bool:
        little = token.surface in {"liten", "litet", "little"} and token.index > 0 and text.tokens[
            token.index - 1].surface in {"en", "ett", "a"}  # "en liten gråter"
        return _actor(token) == "child" or token.surface in SIBLINGS or "infant" in token.concepts or (
            _age(token, text.tokens) is not None) or little
    return any(token.sentence == sentence and child(token) for token in text.tokens)


def _live(text: _Text, hit: Hit) -> bool:
    """Whether the scene at *hit* is told as now: no past or pattern word in its segment, and either a present
    verb or a "now" in its segment or sentence, or no past verb before it."""
    tokens = text.tokens
    segment = tokens[hit.start].segment
    since = text.of("since_recent", "since_yesterday")
    if any(tokens[other.start].segment == segment and not any(span.start <= other.start <= span.end for span in since)
           and tokens[other.start].surface not in STILL and not _an_age(text, other) for other in text.of(*PAST_TIMES)):
        return False
    words = [token for token in tokens if token.segment == segment]
    if any(token.surface in PRESENT for token in words) or text.in_sentence(hit.sentence, "now", "since_recent"):
        return True
    past = any(token.surface in PAST_FORMS or token.surface.endswith("ade") for token in words)
    return not past and not any(other.sentence == hit.sentence and tokens[other.start].surface not in STILL
                                and not _an_age(text, other) for other in text.of(*PAST_TIMES))


def _an_age(text: _Text, hit: Hit) -> bool:
    """Whether the months or weeks at *hit* are an age ("lillasyster på sex månader", "åtta månader gammal")."""
    tokens = text.tokens
    before = tokens[hit.start - 1].surface if hit.start else ""
    after = tokens[hit.end + 1].surface if hit.end + 1 < len(tokens) else ""
    return before in {"på", "of"} or after in {"gammal", "gamla", "gammalt", "old"}


def _adult_beside(text: _Text, hit: Hit) -> bool:
    """Whether an adult stands in the segment of *hit* outside a "no adult" phrase ("mamma står bredvid vagnen")."""
    segment = text.tokens[hit.start].segment
    nobody = {index for other in text.of("no_adult", "nobody_home", "nobody_near", "unattended")
              for index in range(other.start, other.end + 1)}
    beside = any(token.sentence == hit.sentence and token.surface in BESIDE for token in text.tokens)
    return any((token.segment == segment or (beside and token.sentence == hit.sentence))
               and (_actor(token) in ADULTS or (beside and _actor(token) == "staff")) and token.index not in nobody
               and token.surface not in SIBLINGS and not token.surface.startswith(("grann", "neighbo"))
               for token in text.tokens)


def _alone(text: _Text, hit: Hit) -> bool:
    """Whether the child at *hit* is said to be alone: an alone word or a "no adult" phrase in its sentence."""
    tokens = text.tokens
    return text.in_sentence(hit.sentence, "no_adult", "nobody_near", "unattended", "home_alone", "unaccompanied",
                            "minding") or any(
        token.sentence == hit.sentence and token.surface in ALONE_WORDS and not (
            token.index and tokens[token.index - 1].surface in NOT_ALONE_BEFORE) for token in tokens) or any(
        other.sentence == hit.sentence and tokens[other.start].surface != "inget" for other in text.of("nobody_home"))


def _alone_now(text: _Text) -> bool:
    """Whether a small child is alone now somewhere dangerous, with no adult beside it."""
    for hit in text.of(*MARKERS):
        if not _small_child(text, hit.sentence) or _older_child(text, hit.sentence):
            continue
        if text.in_sentence(hit.sentence, "fiction", "disarm", "toy") or not _alone(text, hit):
            continue
        if text.tokens[hit.start].surface in {"inget", "nothing"} or any(
                token.sentence == hit.sentence and token.surface in AGAIN for token in text.tokens):
            continue
        if not _live(text, hit) or _adult_beside(text, hit) or _napping_here(text, hit.sentence):
            continue
        place = text.in_sentence(hit.sentence, "alone_place", "home_alone", "minding", "unaccompanied", "nobody_home")
        short = len(text.tokens) <= 8
        urgent = any(text.in_sentence(hit.sentence, concept) for concept in URGENT) or text.has("weather", "no_adult")
        if place and (urgent or short):
            return True
    return False


def _napping_here(text: _Text, sentence: int) -> bool:
    """Babies asleep in their prams in the preschool's yard, as Swedish preschools do ("som vanligt")."""
    words = {token.surface for token in text.tokens if token.sentence == sentence}
    return bool(words & {"sover", "sov", "sleeping", "napping", "asleep"}) and bool(
        words & {"gården", "förskolans", "vilan", "vanligt", "yard", "usual"})


def _add_alone_now(text: _Text, codes: list[str]) -> None:
    """Add immediate danger to *codes* when a small child is alone now (before fear of going home)."""
    if _alone_now(text):
        add_before_fear(codes, ["immediate_danger"])
