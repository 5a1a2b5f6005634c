"""Acute situations told in everyday words (the fresh7 families, in the helper's own words), and the report-level
staff and home cases beside them:
- a fresh mark on a child who does not want the adult who collects to come ("vill inte att pappa hämtar", "daddy will
  do it again", refuses to dress when told mum is coming);
- sexual abuse in a child's words or signs (sore when peeing, red or bleeding down there, "nej pappa", "playing
  doctor" with an adult) with that adult close;
- fresh bruises on a baby who cannot walk or crawl yet;
- violence heard from a home now ("låter som mord") with a small child there;
- marks round the neck with an adult named, whatever else the message is about;
- a parent who signals killing himself and the child ("försvinna tillsammans", "klar med allt", "ingen ska leta");
- a colleague who hurts or shuts children in and is with the children now;
and, below acute: a colleague's photos of undressing children, a squeezed throat, screaming in a face, a harsh tone;
violence between the adults in everyday words. Called from `read` after the other rule modules.
"""

from __future__ import annotations

from knowledge.reading.demote import _demote
from knowledge.reading.signals import _disarmed
from knowledge.reading.text import Act, Hit, Reading, _actor, _Text, add_before_fear

# The adult who may harm at home (staff have their own path).
_HOME_ADULTS = frozenset({"parent", "relative", "adult"})
# Words of a mark that is fresh, today's or just seen.
_FRESH = frozenset({"nya", "nytt", "ny", "färsk", "färska", "färskt", "new", "fresh", "nyss", "idag", "today",
                    "morse", "morning", "just"})
# Coming or being here, for a refusal told before it ("vägrar klä på sig när vi säger att pappa snart är här").
_COMING = frozenset({"kommer", "hämtar", "hämta", "här", "coming", "comes", "here", "collects", "collect", "picks",
                     "pick", "picking", "collecting", "hämtning", "hämtningen"})
_REFUSE = frozenset({"vägrar", "vägrade", "refuses", "refused", "won't"})
# Reasons to stay that are no fear: play, a friend, fun ("vill inte att mamma hämtar för hon vill leka klart").
_FUN = frozenset({"leka", "leker", "lek", "play", "playing", "kompis", "kompisen", "friend", "roligt", "kul", "fun",
                  "klart", "stanna", "stay", "kalas", "party", "sandlådan", "drawing", "rita", "finish", "pussla",
                  "spela", "game", "feelings", "känslor", "känslorna", "laughing", "laughed", "skrattade", "skrattar",
                  "chess", "schack"})
# A fall told as the cause of the mark.
_FALL = frozenset({"fell", "falling", "fall", "tripped", "ramlade", "ramlat", "trillade", "trillat", "föll",
                   "snubblade"})
# A baby who cannot move about yet: "kan inte gå/krypa än", "can't walk yet", "not crawling".
_MOBILITY = frozenset({"gå", "krypa", "kryper", "går", "walk", "walking", "crawl", "crawling", "rulla", "roll"})
_YET = frozenset({"än", "ännu", "yet"})
_NUMBERS = ("en", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "one", "two", "three",
            "four", "five", "six", "seven", "eight", "nine", "ten")
# After a number of months, these make it an age: "tre månader gammal", "6 month old", "5 mån bebis".
_AGED = frozenset({"gammal", "gamla", "old", "bebis", "bebisen", "baby", "infant"})
# Holidays, moves and jokes: "försvinna tillsammans" to the country cottage.
_HOLIDAY = frozenset({"semester", "semestern", "stugan", "landet", "resa", "resan", "holiday", "vacation", "trip",
                      "flyget", "thailand", "skämt", "skämtade", "joked", "joke", "kidding", "skojade", "move",
                      "moving", "flytt", "flytten", "flyttar", "flyttlådor", "packing", "packar"})
# The child is there: at home, in the flat, inside.
_THERE = frozenset({"hemma", "home", "där", "there", "inne", "inside", "lägenheten", "flat", "apartment"})
# Small children: words that name them without an age.
_SMALL_WORDS = frozenset({"vagn", "vagnen", "barnvagnen", "pram", "buggy", "toddler", "tvååring", "treåring",
                          "fyraåring", "ettåring", "tvååringen", "treåringen", "fyraåringen", "ettåringen", "småbarn"})
# Shut in for the night or in the dark, in a shed or a cupboard.
_SHUT_AWAY = frozenset({"natt", "natten", "night", "mörkret", "dark", "förrådet", "garderoben", "closet", "källaren",
                        "cellar", "shed", "skrubben"})
# An adult with the child: "ensam hemma med pappa".
_WITH = frozenset({"med", "with", "hos", "bredvid", "beside"})
# Siblings are relatives, but a big sister of four is no adult with the child.
_SIBLINGS = ("storasyster", "storebror", "lillebror", "lillasyster", "syster", "bror", "sister", "brother")
# Asleep in a pram at the preschool, as Swedish preschools do: no child alone.
_ASLEEP_HERE = frozenset({"sover", "sov", "sleeps", "sleeping", "napping", "vilan", "vila", "gården", "förskolans"})
# A toy kit or a doll: doctor games that are games.
_TOY_DOCTOR = frozenset({"dockan", "dockor", "docka", "doll", "dolls", "nallen", "teddy", "väskan", "doktorsväskan",
                         "kit", "stetoskop", "stethoscope", "leksaks", "toy"})


def _adults_named(text: _Text, kinds: frozenset[str] = _HOME_ADULTS) -> bool:
    return any(_actor(token) in kinds for token in text.tokens)


def _hits_any(text: _Text, concept: str) -> list[Hit]:
    """The hits of *concept*, negated or not (a fear told with "inte vill" is the fear itself)."""
    return text.of(concept) + [hit for hit in text.negated if hit.concept == concept]


def _near(text: _Text, hit: Hit, *concepts: str) -> bool:
    """Whether any of *concepts* stands in the sentence of *hit* or the one after it (a long message's other news
    never disarms a sign)."""
    return any(text.in_sentence(sentence, *concepts) for sentence in (hit.sentence, hit.sentence + 1))


def _around_sentences(sentences: set[int]) -> set[int]:
    return {near for sentence in sentences for near in (sentence - 1, sentence, sentence + 1)}


def _around(hits: list[Hit]) -> set[int]:
    """The sentences of *hits* and those beside them: where a long message tells this piece of news."""
    return _around_sentences({hit.sentence for hit in hits})


def _in_any(text: _Text, sentences: set[int], *concepts: str) -> bool:
    return any(hit.sentence in sentences for hit in text.of(*concepts))


def _words(text: _Text, sentences: set[int]) -> set[str]:
    return {token.surface for token in text.tokens if token.sentence in sentences}


def _sentence_words(text: _Text, sentence: int) -> set[str]:
    return {token.surface for token in text.tokens if token.sentence == sentence}


def _fresh_mark(text: _Text, acts: list[Act]) -> bool:
    """A mark, burn or visible harm told as new or today's, not a fall's; or a blow by an adult at home."""
    harmed = any(act.kind in ("hit", "shake", "burn_act", "strangle") and act.agent in _HOME_ADULTS for act in acts)
    if harmed:
        return True
    marks = text.of("injury", "burn", "visible_harm", "fresh", "new_since")
    around = _around(marks)
    if _in_any(text, around, "accident", "minor_injury") or _words(text, around) & _FALL:
        return False
    if text.has("new_since"):
        return True
    for hit in marks:
        near = {token.surface for token in text.tokens[max(0, hit.start - 4):hit.end + 8]
                if token.sentence == hit.sentence}
        if hit.concept == "fresh" or near & _FRESH or text.in_sentence(hit.sentence, "now", "today"):
            return True
    return False


def _dreads_collector(text: _Text) -> bool:
    """Whether the child does not want the adult who collects to come, or refuses to dress when told they come."""
    for hit in _hits_any(text, "dread_collector") + text.of("again_tonight"):
        words = _sentence_words(text, hit.sentence)
        if words & _FUN or text.in_sentence(hit.sentence, "joking"):
            continue
        return True
    # "hid under the table when we said daddy is coming", "won't put his jacket on when we say dad is here"
    ends = [(hit.end, hit.sentence) for hit in text.of("refuses", "hides", "distress")]
    ends += [(token.index, token.sentence) for token in text.tokens if token.surface in _REFUSE]
    for end, sentence in ends:
        after = [token for token in text.tokens[end + 1:] if token.sentence == sentence]
        if any(token.surface in _COMING for token in after) and any(
                _actor(token) in _HOME_ADULTS for token in after) and not {token.surface for token in after} & _FUN:
            return True
    return False


def _hurt_and_dreads(text: _Text, acts: list[Act]) -> bool:
    # A long message may say who writes ("jag är vikarie", "en kollega och jag"): staff count only beside the news.
    core = _around(text.of("injury", "burn", "visible_harm", "dread_collector", "again_tonight", "refuses"))
    return (_adults_named(text) and not _in_any(text, core, "staff") and _fresh_mark(text, acts)
            and _dreads_collector(text))


def _child_genital_word(text: _Text) -> bool:
    pee = any(token.surface in {"pee", "wee"} and index + 1 < len(text.tokens)
              and text.tokens[index + 1].surface in {"pee", "wee"} for index, token in enumerate(text.tokens))
    return pee or text.has("genital_child", "genital")


def _close(text: _Text) -> bool:
    """The adult is close to the child: at home tonight, collecting today, living together."""
    return text.has("pickup", "home", "lives_with", "night_secret", "today", "now", "again_tonight", "imminent",
                    "soon")


def _sexual_in_childs_words(text: _Text, acts: list[Act]) -> bool:
    """Sexual abuse told by a sign and the child's words about an adult at home, with that adult close."""
    if not _adults_named(text) or not _close(text):
        return False
    # A long message may tell of a fever or of the writer being a substitute: only the sign's own sentence counts.
    game = {index for hit in text.of("doctor_game") for index in range(hit.start, hit.end + 1)}
    care = {hit.sentence for hit in text.of("medical") if hit.start not in game}  # "leker doktor" is no doctor
    signs = [hit for hit in text.of("genital_harm", "genital_pain", "genital_sign")
             if not _near(text, hit, "illness", "staff") and not care & {hit.sentence, hit.sentence + 1}]
    sign = bool(signs)
    cry = any(not _near(text, hit, "staff") for hit in text.of("no_cry"))
    touches = [act for act in acts if act.kind == "touch" and act.agent in _HOME_ADULTS]
    touched = bool(touches) and _child_genital_word(text) and not _in_any(
        text, _around_sentences({act.sentence for act in touches}), "staff", "illness", "medical")
    doctor = False
    for hit in text.of("doctor_game"):
        words = _sentence_words(text, hit.sentence)
        before = [token for token in text.tokens[max(0, hit.start - 6):hit.start] if token.sentence == hit.sentence]
        doer = next((_actor(token) for token in reversed(before) if _actor(token)), None)
        if doer in _HOME_ADULTS and not words & _TOY_DOCTOR:
            doctor = True
    secret = text.has("hush", "secrecy", "night_secret", "alone_with_adult")
    return (doctor and (sign or secret)) or (cry and sign) or touched


def _non_mobile_baby_bruised(text: _Text) -> bool:
    """Fresh bruises on a baby who cannot walk or crawl yet (or is a few months old), not from a fall."""
    if not text.has("injury") or _in_any(text, _around(text.of("injury")), "accident", "minor_injury", "illness"):
        return False
    fresh = any(token.surface in _FRESH for token in text.tokens) or text.has("fresh", "now", "today", "new_since")
    cannot = any(token.surface in _MOBILITY and any(other.surface in _YET or other.negated
                                                   for other in text.tokens[max(0, token.index - 3):token.index + 3])
                 for token in text.tokens)
    months = any(_age_in_months(text, token.index) for token in text.tokens)
    birth_mark = any(token.surface.startswith(("födelsemärk", "birthmark", "mongolfläck")) for token in text.tokens)
    return fresh and (cannot or months) and (months or text.has("infant", "child")) and not birth_mark


def _age_in_months(text: _Text, index: int) -> bool:
    """Whether the word at *index* gives an age in months ("fyra månaders", "bebisen på 5 mån", "6 months old"),
    not a duration ("i tre månader")."""
    word = text.tokens[index].surface
    if not word.endswith(("månaders", "månader", "mån", "months", "month")):
        return False
    before = [token.surface for token in text.tokens[max(0, index - 2):index]]
    counted = word[0].isdigit() or word.startswith(_NUMBERS[1:]) or (bool(before) and (
        before[-1].isdigit() or before[-1] in _NUMBERS))
    after = text.tokens[index + 1].surface if index + 1 < len(text.tokens) else ""
    aged = word.endswith("månaders") or after in _AGED or (len(before) == 2 and before[0] in {"på", "of"})
    return counted and aged


def _violence_heard_now(text: _Text) -> bool:
    """Violence heard from a home now, with a small child there."""
    for hit in text.of("heard_violence"):
        if _disarmed(text, hit) or text.in_sentence(hit.sentence, "fiction", "storytime", "past_strong"):
            continue
        now = text.in_sentence(hit.sentence, "now") or any(
            text.in_sentence(sentence, "now") for sentence in (hit.sentence - 1, hit.sentence + 1))
        there = any(token.surface in _THERE for token in text.tokens) and text.has("child", "infant")
        if now and there:
            return True
    return False


def _neck_marked(text: _Text) -> str | None:
    """Marks round the neck with an adult named: strangulation (a colleague's: staff, below acute)."""
    for hit in text.of("neck_marks"):
        if _near(text, hit, "neck_innocent", "illness", "medical", "neck_cause", "joking"):
            continue
        near = [token for token in text.tokens if abs(token.sentence - hit.sentence) <= 1]
        kinds = {_actor(token) for token in near}
        if "peer" in kinds:
            continue  # "en kompis drog i halsduken", children's games
        if kinds & _HOME_ADULTS:
            return "strangulation"
        if "staff" in kinds:
            return "staff"
    return None


def _exit_with_child(text: _Text) -> bool:
    """A parent who signals killing himself and the child: two kinds of farewell, or one said outright."""
    farewell = {hit.sentence for hit in text.of("exit_together", "exit_done", "exit_trace", "exit_strong")
                + [hit for hit in text.negated if hit.concept.startswith("exit_")]}
    if not _adults_named(text, frozenset({"parent", "relative"})) or _words(text, farewell) & _HOLIDAY or _in_any(
            text, farewell, "joking", "storytime"):
        return False
    kinds = sum(bool(_hits_any(text, kind)) for kind in ("exit_together", "exit_done", "exit_trace"))
    return text.has("exit_strong") or kinds >= 2


def _colleague_with_children_now(text: _Text, acts: list[Act]) -> bool:
    """A colleague who hurt or shut children in today and is with the children now."""
    only_staff = text.has("staff") and not text.has("parent", "relative")
    harm = any(act.kind in ("hit", "shake", "burn_act", "strangle", "rough", "lock_in", "touch") and (
        act.kind != "lock_in" or text.in_sentence(act.sentence, "child")) and (
        act.agent == "staff" or (only_staff and act.agent in ("pronoun", None)))
               and (not text.in_sentence(act.sentence, "past_strong") or text.in_sentence(act.sentence, "since_recent"))
               for act in acts)
    today = text.has("today", "now") or any(act.now for act in acts)
    return only_staff and harm and today and text.has("on_shift", "still_here")


def _small(text: _Text) -> bool:
    """A baby or a child of four or younger is named: "bebis", "i vagnen", "1,5-åring", "storasyster på 4 år"."""
    if text.has("infant") or any(token.surface in _SMALL_WORDS for token in text.tokens):
        return True
    for token in text.tokens:
        if token.surface.startswith(("åring", "år", "year", "yo")) and token.index:
            number = next((other.surface for other in text.tokens[max(0, token.index - 2):token.index]
                           if other.surface.isdigit()), None)
            if number is not None and int(number) <= 4:
                return True
    return False


def _small_child_alone_now(text: _Text) -> bool:
    """A small child alone outside, in a stairwell or at home now (or for a while, nobody there), no adult with it."""
    for hit in text.of("alone_out"):
        words = _sentence_words(text, hit.sentence)
        if words & _ASLEEP_HERE or text.in_sentence(hit.sentence, "pattern", "disarm", "joking") or (
                text.in_sentence(hit.sentence, "past_strong") and not text.in_sentence(hit.sentence, "now",
                                                                                       "since_recent")):
            continue
        after = text.tokens[hit.end + 1:hit.end + 5]
        if any(_actor(token) in _HOME_ADULTS | {"staff"} and not token.surface.startswith(_SIBLINGS)
               and text.tokens[token.index - 1].surface in _WITH for token in after):
            continue  # "ensam hemma med pappa"
        present = text.has("now", "nobody_near", "since_recent", "parent_away") or any(
            token.surface in {"min", "minuter", "timme", "timmar", "minutes", "hour", "hours"} for token in text.tokens)
        if present and _small(text):
            return True
    return False


def _told(text: _Text, acts: list[Act]) -> list[str]:
    codes = []
    if _exit_with_child(text):
        codes.append("threat_to_kill")
    if _violence_heard_now(text):
        codes.append("ongoing_violence")
    if _colleague_with_children_now(text, acts):
        codes.append("immediate_danger")
    if _neck_marked(text) == "strangulation":
        codes.append("strangulation")
    if _sexual_in_childs_words(text, acts):
        codes.append("sexual_abuse_home")
    if _small_child_alone_now(text):
        codes.append("immediate_danger")
    if _hurt_and_dreads(text, acts) or _non_mobile_baby_bruised(text):
        codes.append("injury_afraid_home" if _hurt_and_dreads(text, acts) else "immediate_danger")
    return codes


def _add_told(text: _Text, acts: list[Act], codes: list[str]) -> None:
    """Add the situations of this module to *codes*, before fear of going home."""
    add_before_fear(codes, _told(text, acts))


def _categorise_told(text: _Text, acts: list[Act], reading: Reading) -> None:
    """The report-level families: a colleague's photos, squeezed throat, screaming or names; a harsh tone; violence
    between the adults told in everyday words."""
    staff_named = text.has("staff") and not text.has("parent", "relative")
    # "en förälder såg" a colleague's photos: the parent is a witness, the colleague is named before the deed.
    staff_deed = any(any(_actor(token) == "staff" for token in text.tokens[max(0, hit.start - 8):hit.start]
                         if token.sentence == hit.sentence)
                     for hit in text.of("staff_pictures", "neck_squeeze", "degrading"))
    if staff_deed or (staff_named and (text.has("staff_pictures", "neck_squeeze", "degrading")
                                       or _neck_marked(text) == "staff")):
        reading.staff_suspected = True
        reading.signals.add("staff_suspected")
        reading.reasons.add("staff_suspected")
        reading.report = True
        reading.categories.add("sexual" if text.has("staff_pictures") else "physical")
    elif not staff_named and text.has("neck_squeeze") and _adults_named(text):
        reading.categories.add("physical")
        reading.reasons.add("violence_account")
        reading.report = True
    if any(act.kind == "lock_in" and act.agent in _HOME_ADULTS and _sentence_words(text, act.sentence) & _SHUT_AWAY
           for act in acts):
        reading.categories.add("physical")  # shut in a shed all night: violence, not only degrading
    if text.has("grip_shape") and text.has("injury"):
        reading.categories.add("physical")
        reading.reasons.add("injury_of_concern")
        reading.report = True
    if any(any(_actor(token) in _HOME_ADULTS for token in text.tokens if token.sentence == hit.sentence)
           for hit in text.of("dv_told")):  # "barnen bråkar med händerna" in the sandpit is no violence at home
        reading.categories.add("domestic_violence")
        reading.signals.add("witnessed_violence")
        reading.reasons.add("witnessed_violence")
        reading.report = True
    _demote(text, reading)
    if text.has("harsh_tone") and not reading.categories - {"family_support"}:
        reading.categories.add("emotional")
