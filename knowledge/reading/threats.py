"""Acute threats told without a killing word: a parent who would die with the child, a child about to be taken,
an adult at the door or heard hitting down the phone, a violent adult waiting outside, an intoxicated adult
leaving with the child in other words, and a colleague who harmed a child and is still with the children."""

from __future__ import annotations

from knowledge.reading.signals import (
    _had_before,
    _in_play,
    _now_near,
    _past_in_clause,
    _past_verb,
    _sober,
)
from knowledge.reading.text import Act, Hit, _actor, _Text
from knowledge.reading.vocabulary import (
    ADULTS,
    FEMALE_ENDINGS,
    FEMALE_PRONOUNS,
    HARMING_ACTS,
    OBJECT_PRONOUNS,
    PLAY_REACH,
)

# How near (in words) the child must be drawn in to a parent's words of dying ("ta med sig barnen").
WITH_REACH = 8
# Words of dying that are also everyday hyperbole ("vill dö av trötthet", "kunde sova för alltid").
_SOFT = frozenset({"dö", "die", "sova", "somna", "sleep", "försvinna", "sakna", "miss", "vakna", "wake"})
# Sleeping, dying or vanishing: with "för alltid" and a child beside the parent, a life ended.
_VANISH = frozenset({"sova", "somna", "dö", "försvinna", "sleep", "die", "disappear", "vanish"})
# Past forms of those verbs the ending rule misses.
_VANISHED = frozenset({"dog", "sov", "försvann", "slept", "died", "disappeared", "vanished"})
# "kunde sova för alltid", "could sleep forever": a wish, not a plan.
_COULD = frozenset({"kunde", "could"})
# A ban lifted or a parent's consent: "gäller inte längre", "med mammas lov".
_LIFTED = frozenset({"längre", "upphävt", "upphävd", "hävt", "hävts", "lov", "lifted", "expired", "longer"})
# Someone the staff do not know.
_STRANGERS = frozenset({"okänd", "okänt", "främling", "främmande", "stranger", "unknown"})
# Words the past-tense ending rule would misread ("med" ends like "-ed").
_NOT_VERBS = frozenset({"med", "red", "bed", "need", "i"})
# Children named in the plural that the child concept may not know.
_OFFSPRING = frozenset({"boys", "girls", "döttrar", "döttrarna", "söner", "sönerna", "kids", "children"})
# Getting in, not knocking: these alone make a siege; banging on a door needs shouting, a threat or fear.
_BREAKING_IN = frozenset({"försöker", "bryta", "bryter", "trying", "break", "breaking"})
# People who cannot be the one who would die with the child or take it: children speak of their own wishes.
_CHILDREN = frozenset({"child", "peer"})
# Words of moving house: "vi kommer aldrig se dem igen" of a family moving away is no abduction.
_MOVING = ("flytt", "move", "moving")
# A call: what is heard down it happens as it is heard.
_PHONE = ("telefon", "lur", "samtal", "phone", "call", "line", "ringde", "ringer", "mobil", "speaker", "högtalar")
# Staff sheltering themselves: "vi har låst in oss", "locked ourselves in".
_US = frozenset({"oss", "ourselves", "us", "vi", "we"})
# Blows heard rather than seen ("someone being hit": English "hit" alone is no act, Swedish "hit" means here).
_BLOWS = frozenset({"hit", "slag", "slå", "slår", "smällar", "blows", "hitting", "punched"})


def _played(text: _Text, hit: Hit) -> bool:
    """Whether *hit* stands in fiction, or a play or drill word stands near it (a meal far off does not count)."""
    return text.in_sentence(hit.sentence, "fiction") or any(
        other.sentence == hit.sentence and abs(other.start - hit.start) <= PLAY_REACH
        for other in text.of("disarm", "toy"))


def _past_here(text: _Text, hit: Hit) -> bool:
    """Whether the clause of *hit* is placed in the past or a pattern; "förra sambon" (a former partner) is not."""
    recent = text.of("now")
    return any(other.clause == hit.clause and not any(now.start <= other.start <= now.end for now in recent)
               and not (other.end + 1 < len(text.tokens) and _actor(text.tokens[other.end + 1]))
               for other in text.of("past_strong", "pattern"))


def _live(text: _Text, hit: Hit) -> bool:
    """Whether *hit* is told as now or to come: not in play, a story or a drill, not placed in the past."""
    return not _played(text, hit) and (_now_near(text, hit) or text.in_clause(hit.clause, "future")
                                       or not _past_here(text, hit))


def _live_segment(text: _Text, hit: Hit) -> bool:
    """Whether *hit* is present in its own comma-delimited segment ("igår slog han mamma, idag väntar pappa i
    bilen": the wait is today though the sentence began with yesterday)."""
    segment = text.tokens[hit.start].segment
    return not _played(text, hit) and not _past_verb(text, hit) and not any(
        text.tokens[other.start].segment == segment for other in text.of("past_strong", "pattern"))


def _said_by_child(text: _Text, hit: Hit) -> bool:
    """Whether the nearest person before *hit* in its clause is a child ("hon säger att hon vill dö" of a girl)."""
    before, _ = text.actors(hit)
    # "hon och hennes döttrar": a child coordinated after someone else is not the subject alone.
    subjects = [token for token in before if token.surface not in OBJECT_PRONOUNS and not any(
        word.surface in {"och", "o", "and"} for word in text.tokens[max(0, token.index - 3):token.index])]
    return bool(subjects) and _actor(subjects[0]) in _CHILDREN


def _extended_suicide(text: _Text) -> bool:
    """Whether a parent speaks of dying and draws the child in, or the child waits for that parent now."""
    child_waits = text.has("not_collected", "unreachable") and not text.has("pattern")
    collects_soon = any(text.in_sentence(hit.sentence, "now", "today", "soon") or _now_near(text, hit)
                        for hit in text.of("pickup") if not _past_verb(text, hit))
    if any(_vanish_with_child(text, hit) for hit in text.of("forever")):
        return True
    for hit in text.of("suicidal"):
        # Only the past places it out of reach: "keeps texting that she wants to end it all" is now.
        past = text.in_clause(hit.clause, "past_strong") and not text.in_clause(hit.clause, "future")
        # "körde in i väggen med barnen i bilen" told in the past is an accident, not a plan.
        if _played(text, hit) or past or (_verb_past(text, hit) and not _now_near(text, hit)
                                          and not text.in_clause(hit.clause, "future")):
            continue
        together = any(other.sentence == hit.sentence and abs(other.start - hit.start) <= WITH_REACH
                       for other in text.of("with_child")) or any(
            token.surface in {"döden", "graven", "tillsammans"} for token in text.tokens[hit.start:hit.end + 1])
        if _said_by_child(text, hit) and not together:
            continue
        # "jag vill dö", "sova för alltid" are also said of tiredness or shame: alone they need the child drawn in.
        bare = any(form in _SOFT for token in text.tokens[hit.start:hit.end + 1] for form in token.forms)
        waits = child_waits or (collects_soon and not text.in_sentence(hit.sentence, "past_strong"))
        if together or (waits and not bare):
            return True
    return False


def _verb_past(text: _Text, hit: Hit) -> bool:
    """Whether *hit* starts with a verb in the past tense ("körde in i"; "med sig i graven" has no verb)."""
    return text.tokens[hit.start].surface not in _NOT_VERBS and _past_verb(text, hit)


def _vanish_with_child(text: _Text, hit: Hit) -> bool:
    """Whether a parent will sleep, die or vanish for good with a child named beside them ("i kväll försvinner hon
    och döttrarna för alltid"): not "tillsammans för alltid" of a couple, not a child with a teddy."""
    # "för alltid" itself holds "alltid" (a pattern word): only the past places it out of reach.
    if _played(text, hit) or text.in_clause(hit.clause, "past_strong") or _said_by_child(text, hit):
        return False
    clause = [token for token in text.tokens if token.clause == hit.clause]
    vanishing = [token for token in clause if token.forms & _VANISH]
    # "grandpa died and is gone forever" is a death told, not one planned.
    if not vanishing or any(token.surface in _VANISHED or token.surface.endswith(("ade", "ed")) for token in vanishing):
        return False
    if any(token.surface in _COULD for token in clause):
        return False  # "de kunde sova för alltid" is a tired wish
    child_named = any((_actor(token) == "child" and token.surface not in OBJECT_PRONOUNS) or token.surface in _OFFSPRING
                      for token in clause)
    adult_here = any(token.sentence == hit.sentence and (_actor(token) in ADULTS or token.surface in {"jag", "i"})
                     for token in text.tokens)
    return child_named and adult_here


def _taken_now(text: _Text) -> bool:
    """Whether someone is about to take the child for good, or a parent barred from the child is taking it now."""
    moving = any(form.startswith(_MOVING) for token in text.tokens for form in token.forms)
    menace = text.has("threat", "menace", "secrecy", "no_contact", "dv", "honour", "fear", "violence")
    for hit in text.of("abduct") + (text.of("abduct_threat") if menace else []):
        # "tar dem med våld" is a threat whenever it is said; other takings need a time.
        forceful = any(token.surface in {"våld", "force"} for token in text.tokens[hit.start:hit.end + 1])
        timed = forceful or text.has("now", "today", "soon", "future", "arriving", "pickup")
        if _live(text, hit) and not moving and timed and (
                not _past_verb(text, hit) or text.has("arriving") or _now_near(text, hit)):
            return True
    # Taken from the preschool just now, without leave, kept from the parent, or by a stranger.
    stranger = any(token.surface in _STRANGERS for token in text.tokens)
    if (text.has("unauthorised", "unknown_to_parent") or stranger) and any(
            _live(text, hit) and (_now_near(text, hit) or text.in_sentence(hit.sentence, "now"))
            for hit in text.of("snatched")):
        return True
    # A stranger who tried to lure a child away and is still outside.
    if text.has("adult") and any(_live(text, hit) for hit in text.of("lure")) and any(
            _live_segment(text, hit) for hit in text.of("arriving")):
        return True
    barred = [hit for hit in text.of("no_contact") if _live(text, hit) and not any(
        token.sentence == hit.sentence and token.surface in _LIFTED for token in text.tokens)]
    taking = [hit for hit in text.of("pickup", "arriving", "taking") if _live(text, hit) and not _past_verb(text, hit)]
    # A relative or parent taking the child to another country today, kept from the other parent.
    abroad = text.has("country", "other_country")
    if abroad and taking and text.has("now", "today", "soon") and any(
            _unknown_to_parent(text, hit) for hit in text.of("unknown_to_parent")):
        return True
    if _mother_confined(text) and taking:
        return True  # she cannot come, and the one who locked her in collects the child
    return bool(barred) and bool(taking) and text.has("now", "today", "arriving")


def _unknown_to_parent(text: _Text, hit: Hit) -> bool:
    """Whether *hit* says a parent is kept out of it: "vet inte" only where what is said ends ("mamma vet inte,
    ..."), not "mamma vet inte vad hon ska göra"."""
    last = text.tokens[hit.end]
    if last.surface not in {"inte", "not", "know", "veta"}:
        return _live(text, hit)
    following = text.tokens[hit.end + 1] if hit.end + 1 < len(text.tokens) else None
    return _live(text, hit) and (following is None or following.piece != last.piece)


def _mother_confined(text: _Text) -> bool:
    """Whether a mother says she is locked in by her partner ("mamma skriver att hon är inlåst av sin man", "han har
    låst in henne"): the sentence begins with the mother, no child is named before the locking, and a "hon" or
    "henne" stands at it."""
    for hit in text.of("lock_in"):
        people = [token for token in text.tokens[:hit.start] if token.sentence == hit.sentence and _actor(token)]
        first = next((token for token in people if token.surface not in FEMALE_PRONOUNS | OBJECT_PRONOUNS), None)
        if first is None or _actor(first) != "parent" or not first.surface.endswith(FEMALE_ENDINGS):
            continue
        if any(_actor(token) == "child" and token.surface not in OBJECT_PRONOUNS for token in people):
            continue
        near = text.tokens[max(0, hit.start - 3):hit.end + 2]
        if any(token.surface in {"hon", "henne", "she", "her"} for token in near) and _live(text, hit):
            return True
    return False


def _besieged(text: _Text) -> bool:
    """Whether an adult is trying to get in now, or staff hide someone from a shouting adult."""
    adult = text.has("parent", "relative", "adult") or any(
        token.surface in {"någon", "someone", "somebody"} for token in text.tokens)
    if not adult:
        return False  # "pojken bankar på dörren till toaletten" is a child at a door
    alarm = text.has("scream", "threat", "fear", "hiding", "dv", "kill", "weapon")
    if text.has("animal"):
        return False  # "the dog is banging on the door"
    for hit in text.of("siege"):
        breaking_in = any(token.surface in _BREAKING_IN for token in text.tokens[hit.start:hit.end + 1])
        if (_live(text, hit) and (not _past_verb(text, hit) or _now_near(text, hit))
                and not _said_by_child(text, hit) and (breaking_in or alarm)):
            return True
    # Only at the preschool and now: someone outside, "nu", or staff who locked themselves in ("a child says he
    # hides under the bed when the man shouts" is violence at home told, a report).
    shouting = any(_live(text, hit) and not _past_verb(text, hit) for hit in text.of("scream", "threat"))
    here_now = text.has("now", "arriving") or any(
        token.surface in _US for hit in text.of("hiding") for token in text.tokens[max(0, hit.start - 1):hit.end + 1])
    return shouting and here_now and any(_live(text, hit) and not _said_by_child(text, hit)
                                         for hit in text.of("hiding"))


def _heard_hitting(text: _Text, acts: list[Act]) -> bool:
    """Whether blows were heard down the phone just now ("vi hörde någon slå i bakgrunden, sen bröts samtalet")."""
    if not any(form.startswith(_PHONE) for token in text.tokens for form in token.forms):
        return False  # a neighbour hearing blows through the wall tells of violence at home, not of now
    for hit in text.of("heard"):
        if not _live(text, hit) or text.in_sentence(hit.sentence, "past_strong", "animal", "accident"):
            continue
        if any(act.kind in HARMING_ACTS and act.sentence == hit.sentence for act in acts) or any(
                token.sentence == hit.sentence and token.surface in _BLOWS for token in text.tokens):
            return True
    return False


def _violent_adult_waiting(text: _Text, acts: list[Act]) -> bool:
    """Whether an adult who was violent in the last day, or threatens, waits outside or collects now."""
    violent = any(act.kind in ("hit", "strangle", "shake") and not _in_play(text, act)
                  and act.agent != "staff" and act.patient in ("parent", "pronoun", "child", "adult", "relative")
                  and (act.agent in ADULTS or (act.agent in ("pronoun", None) and act.patient in ("parent", "child")
                                               and not text.in_sentence(act.sentence, "peer")))
                  and text.in_sentence(act.sentence, "today", "recent") for act in acts)
    # A relative who threatens, or who is to send the mother or child away, waits outside a frightened mother.
    sent_away = text.has("relative") and text.has("send_away", "stay_abroad", "honour", "control", "country")
    threatened = text.has("relative", "parent") and text.has("fear") and (text.has("threat") or sent_away)
    if not (violent or threatened):
        return False
    return any(_live_segment(text, hit) for hit in text.of("arriving")) or any(
        (text.in_sentence(hit.sentence, "now") or _now_near(text, hit)) and not _sober(text, hit)
        for hit in text.of("pickup"))


def _intox_leaving(text: _Text) -> bool:
    """Whether an adult intoxicated now is leaving with the child: a smell just now counts though told in the
    past tense ("luktade vin i hallen nyss"), and a pram, a running engine or a wait outside count as leaving."""
    # "sluddrade lite av febern": an illness explains it.
    intox = [hit for hit in text.of("intox", "intox_smell") if not _played(text, hit) and not _had_before(text, hit)
             and not text.in_sentence(hit.sentence, "illness", "medical")
             and (_now_near(text, hit) or (not _past_in_clause(text, hit) and (
                 not _past_verb(text, hit) or text.in_sentence(hit.sentence, "now")))
                  # "nu kom han in, stinker sprit och tappade nycklarna två gånger": the pattern is another segment's
                  or (text.in_sentence(hit.sentence, "now") and _live_segment(text, hit)))]
    if not intox:
        return False
    return any(not _past_verb(text, hit) and not _sober(text, hit) and not _past_in_clause(text, hit)
               for hit in text.of("pickup", "drive", "arriving", "taking", "leaving"))


def _staff_still_here(text: _Text, acts: list[Act]) -> bool:
    """Whether a colleague, substitute or trainee hurt, locked in, touched or filmed a child and is still here."""
    if not (text.has("staff") and text.has("still_here")):
        return False
    only_staff = not text.has("parent", "relative")
    harmed = any(act.kind in HARMING_ACTS | {"touch", "rough", "lock_in"} and (
        act.agent == "staff" or (only_staff and act.agent == "pronoun")) and (
        act.kind != "lock_in" or _child_after(text, act)) for act in acts)
    filmed = only_staff and text.has("sexual_behaviour", "sexual_abuse", "staff_photos")
    return harmed or filmed


def _child_after(text: _Text, act: Act) -> bool:
    """Whether a child is named just after *act* ("låste in en tvååring", not "låste in leksakerna")."""
    return any(_actor(token) == "child" for token in text.tokens[act.start + 1:act.start + 5]
               if token.sentence == act.sentence)


def _threats(text: _Text, acts: list[Act]) -> list[str]:
    """The acute codes these rules add (codes of knowledge.acute.ACUTE_CODES), most decisive first."""
    codes = []
    if _extended_suicide(text) or any(_live(text, hit) for hit in text.of("die_if")):
        codes.append("threat_to_kill")
    if _heard_hitting(text, acts):
        codes.append("ongoing_violence")
    if _taken_now(text) or _besieged(text) or _violent_adult_waiting(text, acts) or _staff_still_here(text, acts):
        codes.append("immediate_danger")
    if _intox_leaving(text):
        codes.append("intoxicated_pickup")
    return codes
