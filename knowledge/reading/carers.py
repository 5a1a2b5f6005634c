"""A child with no fit carer now, and a girl cut or about to be (DOMAIN.md §3): an adult impaired now who is about to
drive or ride off with the child, a guardian out cold at home, a small child not collected with nobody to reach or
alone at a height, a baby drying out; a girl just back and cut, one to become a "big girl" abroad within days, and
relatives who come for a girl tonight."""

from __future__ import annotations

from knowledge.reading.acute import _girl_context, _with_adult
from knowledge.reading.injuries import _infants
from knowledge.reading.signals import _past_verb as _past_verb_form
from knowledge.reading.signals import _sober
from knowledge.reading.subjects import _subject, _subject_kind
from knowledge.reading.text import Hit, Reading, _actor, _Text, add_before_fear
from knowledge.reading.vocabulary import ADULTS, PLAY_REACH

# Meals where adults drink: they do not disarm a drink the way a lunch disarms a knife.
MEALS = frozenset({"lunch", "lunchen", "middag", "middagen", "frukost", "frukosten", "fika", "fikat", "dinner",
                   "breakfast", "brunch", "måltid", "måltiden"})
# Words before a taking verb that make it intended now: "ska ta tjejen", "is going to take her".
INTENDING = frozenset({"ska", "skall", "vill", "tänker", "going", "gonna", "will", "wants", "want", "about"})
TAKING = frozenset({"ta", "take", "hämta", "fetch", "bära", "carry"})
# How far (in words) the child may stand after a taking verb ("ska ta med lilla tjejen").
TAKEN_REACH = 3
# A whenever-clause after a state ("vaknar inte när barnen gråter"): a habit, not tonight.
WHENEVER = frozenset({"när", "when", "whenever", "om"})
PAST_WAKING = frozenset({"vaknade", "väcktes", "woke", "svimmade", "fainted", "däckade"})
# A count right after a clumsy act ("tappade nyckeln två gånger") counts slips in the moment, not a pattern of days.
COUNTS = frozenset({"gånger", "ggr", "times", "gången"})
# Recently back or cut: the last day or two.
RECENT_WORDS = frozenset({"igår", "yesterday", "nyss", "förrgår", "helgen", "weekend", "just", "morse", "idag",
                          "today", "natt", "night"})
SOON_TAKEN = ("now", "today", "imminent", "soon")
# More than once: "igen", "både förra veckan och veckan innan", "brukar".
AGAIN = frozenset({"igen", "again", "återigen", "både", "both", "brukar", "ofta", "often", "usually", "flera", "förut",
                   "tillfällen", "occasions", "gånger", "times"})
# What an intoxicated adult did to the child in the moment: dropped, forgot, fell with it.
MISHAPS = frozenset({"ramlade", "föll", "tappade", "glömde", "glömt", "fell", "dropped", "forgot", "forgotten",
                     "snubblade", "tripped", "krockade", "crashed"})
# "four-year-old", "fyraåringen": a child named by its age.
CHILD_AGES = ("year-old", "åring", "åringen", "yr-old")
# Words that end like a past verb and are none: "moped", "med".
NOT_PAST = frozenset({"moped", "med", "bed", "red", "need", "speed", "shed"})
# A state told in the past: "var full", "was drunk".
PAST_COPULAS = frozenset({"var", "was", "were", "blev", "verkade", "seemed", "looked"})


def _past_verb(text: _Text, hit: Hit) -> bool:
    """Whether *hit* starts with a past-tense verb (not a noun that ends like one: "moped")."""
    return text.tokens[hit.start].surface not in NOT_PAST and _past_verb_form(text, hit)


def _dated_away(text: _Text, hit: Hit) -> bool:
    """Whether *hit* is placed in the past, a pattern or a condition: a past word in its segment, or in its sentence
    with no "now" or "today" there; a past copula or verb at it ("var full", "vinglade") with no "now" in its
    segment. Not "sedan igår" (it goes on), not a count of slips after another past verb ("stinker sprit och tappade
    nycklarna två gånger")."""
    tokens = text.tokens
    segment = tokens[hit.start].segment
    since = text.of("since_recent", "since_yesterday")
    now_here = any(tokens[other.start].segment == segment for other in text.of("now", "today", "still_here"))
    now_in_sentence = text.in_sentence(hit.sentence, "now", "today", "still_here", "arriving")
    for other in text.of("past_strong", "past_day", "pattern", "distant", "conditional", "months", "weeks"):
        if other.sentence != hit.sentence or any(span.start <= other.start <= span.end for span in since):
            continue
        if tokens[other.end].surface in COUNTS and any(
                _past_verb(text, Hit("", index, index, 0, 0)) for index in range(max(0, other.start - 3), other.start)
                if not hit.start <= index <= hit.end):
            continue
        if tokens[other.start].segment == segment or not now_in_sentence:
            return True
    before = tokens[max(0, hit.start - 3):hit.start]
    if any(token.surface in {"hade", "had"} for token in [*before[-2:], tokens[hit.start]]):
        return True
    past_here = any(token.surface in PAST_COPULAS and token.segment == segment for token in before) or _past_verb(
        text, hit)
    return past_here and not now_here


def _drinking_now(text: _Text, hit: Hit) -> bool:
    """Whether a drink told at *hit* was taken today (a lunch, "idag", a present perfect with no past word)."""
    tokens = text.tokens
    if _dated_away(text, hit):
        return False
    segment = tokens[hit.start].segment
    meal = any(token.surface in MEALS for token in tokens if token.sentence == tokens[hit.start].sentence)
    perfect = any(token.surface in {"har", "has", "have", "'s"}
                  for token in tokens[max(0, hit.start - 2):hit.start + 1])
    today = any(tokens[other.start].segment == segment or other.sentence == hit.sentence
                for other in text.of("today", "now"))
    return meal or perfect or today


def _impaired_hits(text: _Text) -> list[Hit]:
    """Signs that an adult is impaired now: intoxication words, unsteadiness, pupils, a drink taken today."""
    hits = [hit for hit in text.of("intox", "intox_smell", "impaired") if not _dated_away(text, hit)
            and not _played(text, hit) and not text.in_sentence(hit.sentence, "illness", "medical", "frail")]
    hits += [hit for hit in text.of("drank") if _drinking_now(text, hit) and not _played(text, hit)]
    return [hit for hit in hits if (subject := _subject(text, hit.start)) is None or _actor(subject) != "child"]


def _played(text: _Text, hit: Hit) -> bool:
    """Whether *hit* stands in fiction or near a play word (a meal does not count: adults drink at meals)."""
    if text.in_sentence(hit.sentence, "fiction"):
        return True
    return any(other.sentence == hit.sentence and abs(other.start - hit.start) <= PLAY_REACH and not any(
        token.surface in MEALS for token in text.tokens[other.start:other.end + 1])
        for other in text.of("disarm", "toy"))


def _taking_child(text: _Text) -> list[int]:
    """Indexes of an intended taking of a child: "ska ta tjejen", "is going to take her" (a modal before the verb)."""
    tokens = text.tokens
    found = []
    for token in tokens:
        if not token.forms & TAKING or token.surface.endswith(("ade", "ed")) or token.surface in {"tog", "took"}:
            continue
        intended = any(other.surface in INTENDING for other in tokens[max(0, token.index - 3):token.index])
        child = any(_actor(other) in ("child", "pronoun") and other.surface not in {"han", "hon", "he", "she"}
                    for other in tokens[token.index + 1:token.index + 1 + TAKEN_REACH] if other.piece == token.piece)
        if intended and child:
            found.append(token.index)
    return found


def _impaired_leaving(text: _Text) -> bool:
    """Whether an adult impaired now is about to drive, ride or leave with the child (DOMAIN.md §3: 112)."""
    impaired = _impaired_hits(text)
    if not impaired:
        return False
    leaving = [hit for hit in text.of("pickup", "drive", "leaving", "ride_off", "taking", "arriving")
               if not _past_verb(text, hit) and not _sober(text, hit) and not _dated_away(text, hit)]
    taken = _taking_child(text)
    if text.has("sober"):
        return False
    # "lät mamma köra": another adult named right before the drive is the driver.
    drinkers = {subject.surface for hit in impaired if (subject := _subject(text, hit.start)) is not None}
    leaving = [hit for hit in leaving if not _other_driver(text, hit, drinkers)]
    sentences = {hit.sentence for hit in impaired}
    return any(hit.sentence in sentences or hit.sentence - 1 in sentences for hit in leaving) or any(
        text.tokens[index].sentence in sentences for index in taken)


def _other_driver(text: _Text, hit: Hit, drinkers: set[str]) -> bool:
    """Whether an adult other than the impaired one is named just before the drive at *hit* ("lät mamma köra")."""
    before = [token for token in text.tokens[max(0, hit.start - 2):hit.start] if token.sentence == hit.sentence]
    return any(_actor(token) in ADULTS and token.surface not in drinkers for token in before)


def _out_cold(text: _Text) -> bool:
    """Whether a guardian cannot be woken now, at home or beside the child: told in the present or since yesterday,
    not as a habit ("vaknar inte när han gråter på nätterna") or a past night."""
    for hit in text.of("unresponsive", "collapsed_adult", "out_cold"):
        if _dated_away(text, hit) or text.in_sentence(hit.sentence, "fiction", "accident"):
            continue
        if _subject_kind(text, hit.start) not in ADULTS and not any(
                _actor(token) in ADULTS for token in text.tokens[max(0, hit.start - 4):hit.end + 2]):
            continue
        words = text.tokens[hit.start:hit.end + 2]
        if any(token.surface in PAST_WAKING for token in words) and not text.in_sentence(
                hit.sentence, "since_recent", "since_yesterday"):
            continue
        following = text.tokens[hit.end + 1:hit.end + 2]
        if following and following[0].surface in WHENEVER:
            continue
        if text.has("overslept"):
            continue
        if text.in_sentence(hit.sentence, "since_recent", "since_yesterday", "now", "today", "home") or text.has(
                "infant", "unaccompanied", "alone", "home_alone", "hunger", "unfed", "dry"):
            return True
    return False


def _stranded(text: _Text) -> bool:
    """Whether a child is still here, not collected, and nobody can be reached, with no word from the carer."""
    if text.has("called_in", "pattern", "weeks", "months"):
        return False
    uncollected = [hit for hit in text.of("uncollected", "not_collected") if not _dated_away(text, hit)
                   and not _past_verb(text, hit)]
    unreachable = text.of("carer_unreachable", "unreachable")
    return any(not any(other.start <= hit.start <= other.end or hit.start <= other.start <= hit.end
                       for other in unreachable) for hit in uncollected) and any(
        not _dated_away(text, hit) for hit in unreachable)


def _alone_high(text: _Text) -> bool:
    """Whether a small child is alone at a height (a balcony, an open window) or at home with no adult, now."""
    if not any(_actor(token) == "child" or token.surface.endswith(CHILD_AGES) or (
            token.surface == "year" and token.index + 1 < len(text.tokens)
            and text.tokens[token.index + 1].surface == "old") for token in text.tokens):
        return False
    for hit in text.of("height"):
        if _dated_away(text, hit) or text.in_sentence(hit.sentence, "fiction") or _past_verb(text, hit):
            continue
        alone = any(token.sentence == hit.sentence and token.surface in {"ensam", "ensamt", "själv", "alone"}
                    for token in text.tokens) or text.has("nobody_home")
        adult_with = any(token.sentence == hit.sentence and _actor(token) in ADULTS and token.surface not in {
            "granne", "grannen", "neighbour", "neighbor"} and not any(
            nobody.start <= token.index <= nobody.end for nobody in text.of("nobody_home", "unattended", "nobody_near"))
            for token in text.tokens)
        if alone and not adult_with and not _with_adult(text, hit):
            return True
    return any(not _dated_away(text, hit) and not text.in_sentence(hit.sentence, "fiction") and (
        text.in_sentence(hit.sentence, "alone", "distress", "now", "today", "height")) and any(
        token.sentence == hit.sentence and _actor(token) == "child" for token in text.tokens)
        for hit in text.of("nobody_home"))


def _baby_drying_out(text: _Text) -> bool:
    """Whether a baby is limp or dry and unfed since yesterday: care now."""
    if not _infants(text):
        return False
    weak = text.has("collapse", "dry")
    since = ("since_recent", "since_yesterday")
    unfed = any(text.in_sentence(hit.sentence, *since) for hit in text.of("hunger", "unfed")) or any(
        hit.concept in ("hunger", "unfed") and text.in_sentence(hit.sentence, *since) for hit in text.negated)
    return weak and (unfed or (text.has("dry") and text.has("collapse")))


def _cut_now(text: _Text) -> bool:
    """Whether a girl was just cut and shows it: sewn or cut told as done, or back from abroad in the last days, with
    genital signs (walks oddly, will not pee, bleeds)."""
    if not _girl_context(text) or not text.has("genital_sign", "genital_pain"):
        return False
    if text.has("cut_done"):
        return True
    # Back from a trip with these signs but no cutting told is a report to make today, not 112.
    done = text.has("fgm", "fgm_done", "fgm_euphemism")
    recent = any(token.surface in RECENT_WORDS for token in text.tokens)
    return done and recent and not text.has("illness", "medical")


def _big_girl_soon(text: _Text) -> bool:
    """Whether a girl travels within days to become a "big girl" or a woman, with a party or pain foretold."""
    if not _girl_context(text) or not text.has("travel", "country") or not text.has("imminent", "soon", "near_date"):
        return False
    if text.has("potty", "medical") and not text.has("country"):
        return False
    if text.has("distant", "conditional"):
        return False
    grown = text.has("coming_of_age")
    pain = [hit for hit in text.of("pain_foretold") if not text.in_sentence(hit.sentence, "medical", "illness")]
    return (grown and (text.has("girls_party") or bool(pain) or text.has("country"))) or (
        bool(pain) and text.has("girls_party"))


def _fetched_tonight(text: _Text) -> bool:
    """Whether relatives come for a girl soon against her mother or with the family's decision: waiting outside,
    "de tar henne ikväll", "familjen har bestämt"."""
    if not text.has("relative", "honour") and not any(
            token.surface in {"familjen", "släkten", "family"} for token in text.tokens):
        return False
    decided = text.has("family_decided", "honour")
    upset = any(_actor(token) == "parent" for token in text.tokens) and text.has("distress", "fear", "upset")
    if not (decided or upset):
        return False
    # The taking and its near time in one sentence, with no condition ("om hon leker med pojkar så skickas hon").
    come = [hit.start for hit in text.of("come_for")]
    taking = [index for index in _taking_or_taken(text) + come
              if text.in_sentence(text.tokens[index].sentence, *SOON_TAKEN)
              and not text.in_sentence(text.tokens[index].sentence, "conditional", "distant")
              and not any(token.surface in {"om", "if", "annars", "otherwise"} for token in text.tokens
                          if token.sentence == text.tokens[index].sentence)]
    waiting = [hit for hit in text.of("arriving", "waiting_outside") if not _dated_away(text, hit)]
    return (bool(taking) and (decided or bool(waiting))) or (bool(waiting) and decided and upset)


def _taking_or_taken(text: _Text) -> list[int]:
    """Indexes of a taking of the girl in the present ("de tar henne ikväll") or intended."""
    tokens = text.tokens
    found = _taking_child(text)
    for token in tokens:
        if token.surface in {"tar", "hämtar", "take", "takes", "taking", "fetch", "fetching", "collect"} and any(
                other.surface in {"henne", "her", "flickan", "dottern", "tjejen"}
                for other in tokens[token.index + 1:token.index + 3]):
            found.append(token.index)
    return found


def _carers(text: _Text) -> list[str]:
    """The acute codes these rules add (codes of knowledge.acute.ACUTE_CODES), most decisive first."""
    codes = []
    if _impaired_leaving(text):
        codes.append("intoxicated_pickup")
    if _out_cold(text) or _stranded(text) or _alone_high(text) or _baby_drying_out(text) or _cut_now(text):
        codes.append("immediate_danger")
    if _big_girl_soon(text) or _fetched_tonight(text):
        codes.append("taken_abroad")
    return codes


def _add_carers(text: _Text, codes: list[str]) -> None:
    """Add the codes of this module to *codes*, before fear of going home (the less decisive codes)."""
    add_before_fear(codes, _carers(text))

def _past_intoxication(text: _Text) -> bool:
    """Whether intoxication with the child is told as a pattern ("luktade alkohol vid hämtning förra veckan och veckan
    innan", "det har hänt förut också") or with harm to the child ("ramlade med barnet i famnen", "glömde barnet"):
    a report, not 112 (DOMAIN.md §3); a single past smell at drop-off stays a consultation."""
    hits = text.of("intox_smell", "impaired", "intox") + [
        Hit("intox", token.index, token.index, token.sentence, token.clause) for token in text.tokens
        if "intox" in token.concepts and not token.negated]
    for hit in hits:
        if text.in_sentence(hit.sentence, "illness", "medical", "frail", "fiction", "sober"):
            continue
        words = [token for token in text.tokens if token.sentence == hit.sentence]
        with_child = any(not _sober(text, other) for other in text.of("pickup", "dropoff", "drive")
                         if other.sentence == hit.sentence) or any(_actor(token) == "child" for token in words)
        repeated = text.in_sentence(hit.sentence, "pattern") or any(token.surface in AGAIN for token in words)
        harmed = any(token.surface in MISHAPS for token in words) and any(_actor(token) == "child" for token in words)
        once = any(token.surface in {"once", "enda"} for token in words)
        if with_child and (repeated or harmed) and not once:
            return True
    return False


def _add_past_intoxication(text: _Text, reading: Reading) -> None:
    """Mark a report when intoxication with the child is told as a pattern (once in the past is a consultation)."""
    if not reading.acute and _past_intoxication(text):
        reading.categories.add("parent")
        reading.reasons.add("intoxicated_with_child")
        reading.report = True
