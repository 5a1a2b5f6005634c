"""The acute situations: threats, weapons, violence now, strangling, sexual abuse at home, a child taken
abroad, an intoxicated pickup, a child alone, fear of going home."""

from __future__ import annotations

from knowledge.reading.disclosure import _medicine_given, _not_meant, _not_urgent_said
from knowledge.reading.signals import (
    _disarmed,
    _had_before,
    _in_play,
    _names_doer,
    _nappy_rash,
    _now_near,
    _past_in_clause,
    _past_verb,
    _sober,
    _teller,
)
from knowledge.reading.text import Act, Hit, Token, _actor, _animal_object, _resolve, _Text
from knowledge.reading.threats import _threats
from knowledge.reading.vocabulary import (
    ADULTS,
    AGENT_REACH,
    BOY_WORDS,
    DETERMINERS,
    DONE_WORDS,
    DRINKING,
    FEAR_HOME_REACH,
    GIRL_WORDS,
    HARMING_ACTS,
    PATIENT_REACH,
    STATE_WORDS,
)


def _intox_now(text: _Text) -> bool:
    """Whether a guardian is intoxicated now and about to take, drive or cycle with the child.

    Time is read in the clause (a run-on message can tell of yesterday and then of now); "now" next to the
    intoxication wins over a past word elsewhere in the clause, and "för tio minuter sedan" is now.
    """
    intox = [hit for hit in text.of("intox", "intox_smell")
             if (_now_near(text, hit) or not _past_in_clause(text, hit))
             and not _disarmed(text, hit)
             and not (hit.concept == "intox_smell" and _past_verb(text, hit))
             and not _had_before(text, hit)]
    # Learner Swedish tells of drinking where it means drunk: "maman dricka mycket, nu hon här hämta".
    drinking = [hit for hit in text.of("substance") if text.tokens[hit.start].forms & DRINKING
                and text.in_sentence(hit.sentence, "now") and not _past_in_clause(text, hit)
                and not _disarmed(text, hit)]
    if not intox and not drinking:
        return False
    leaving = [hit for hit in text.of("pickup", "drive")
               if (_now_near(text, hit) or not _past_in_clause(text, hit)) and not _past_verb(text, hit)
               and not _sober(text, hit)]
    if not intox:
        return any(hit.sentence == leave.sentence for hit in drinking for leave in leaving)
    return bool(leaving) or any(text.in_sentence(hit.sentence, "now") for hit in intox if hit.concept == "intox")


def _girl_context(text: _Text) -> bool:
    """Whether the text is about a girl (FGM euphemisms only count then)."""
    return any(token.surface in GIRL_WORDS or token.forms & {"flicka", "dotter", "syster"} for token in text.tokens)


def _boy_only(text: _Text) -> bool:
    """Whether the text is about a boy and names no girl (male circumcision is not genital mutilation)."""
    return not _girl_context(text) and any(token.surface in BOY_WORDS for token in text.tokens)


def _fgm_intent(text: _Text) -> bool:
    """Whether the text says a girl is to be cut (not that she already is)."""
    if _boy_only(text):
        return False
    for hit in text.of("fgm_cut"):
        previous = text.tokens[hit.start - 1].surface if hit.start else ""
        if (previous not in STATE_WORDS and _girl_context(text) and text.in_sentence(hit.sentence, "country", "travel")
                and not text.in_sentence(hit.sentence, "distant", "conditional", "disarm")):
            return True
    for hit in text.of("fgm", "fgm_euphemism"):
        previous = text.tokens[hit.start - 1].surface if hit.start else ""
        if _not_a_girl_cut(text, hit):
            continue
        done = previous in STATE_WORDS or text.tokens[hit.start].surface in DONE_WORDS  # "hon blev fixad där"
        if done and not text.in_sentence(hit.sentence, "future"):
            continue
        if text.in_sentence(hit.sentence, "distant", "conditional", "far_off"):
            continue
        if hit.concept == "fgm_euphemism" and not (
                (_girl_context(text) or text.in_sentence(hit.sentence, "country"))
                and text.in_sentence(hit.sentence, "travel", "country", "future")):
            continue
        if hit.concept == "fgm" and previous in STATE_WORDS:
            continue
        if text.in_sentence(hit.sentence, "future", "travel", "soon") or hit.concept == "fgm_euphemism":
            return True
    return False


def _not_a_girl_cut(text: _Text, hit: Hit) -> bool:
    """Whether the FGM word at *hit* is no girl's cutting to come: "bli ren" in potty training (no country named), an
    adult who is to "bli ren" (off drugs), or cutting talked of in general ("på kursen", "i allmänhet")."""
    if hit.concept == "fgm_euphemism":
        if text.has("potty") and not text.has("country"):
            return True
        if text.tokens[hit.start].surface.startswith(PARTIES) and not text.has(
                "country", "travel", "fgm", "fgm_closing"):
            return True  # "flickfest med kompisarna på fredag": a party at home, no trip and no cutting named
        words = {token.surface for token in text.tokens[hit.start:hit.end + 1]}
        if words <= PRETTY_WORDS and not text.in_sentence(hit.sentence, "country", "travel"):
            return True  # "ska bli fin till luciafirandet": dressed up, not cut
        # The subject right before it ("mamma ska bli ren"), with no girl in or just before the phrase ("göra henne
        # ren", "hennes rening").
        near = text.tokens[max(0, hit.start - ADULT_SUBJECT_REACH):hit.end + 1]
        before, _ = text.actors(hit)
        if before and before[0] in near and _actor(before[0]) in ("parent", "adult", "staff") and "child" not in (
                before[0].concepts) and not any(_actor(token) in ("child", "pronoun") or token.surface in GIRL_WORDS
                                                 | {"hennes", "flickans", "dotterns"} for token in near):
            return True
    return hit.concept == "fgm" and text.in_sentence(hit.sentence, "in_general") and not any(
        token.sentence == hit.sentence and token.surface in GIRL_WORDS - {"hon", "she", "her"} for token in text.tokens)


def _taken_abroad(text: _Text) -> bool:
    """Whether the child is about to be taken abroad: FGM, marriage, or to be left or 're-educated' there."""
    if _fgm_intent(text):
        return True
    for hit in text.of("marriage"):
        if text.in_sentence(hit.sentence, "future", "travel") and not text.in_sentence(
                hit.sentence, "distant", "conditional") and not _adult_marries(text, hit):
            return True
    for hit in text.of("send_away"):
        # "pappa hotar att skicka henne till hemlandet nästa vecka": a child sent abroad, soon, not on a condition.
        if _child_sent(text, hit) and text.in_sentence(hit.sentence, "country") and text.in_sentence(
                hit.sentence, "soon") and not text.in_sentence(hit.sentence, "distant", "conditional", "holiday_trip"):
            return True
    for hit in text.of("left_country"):
        # Only with a sign it is no ordinary move: relatives took the child, or honour, marriage or FGM is named.
        if text.has("child") and text.has("relative", "honour", "marriage", "fgm") and not text.in_sentence(
                hit.sentence, "past_strong", "distant", "conditional"):
            return True
    for hit in text.of("stay_abroad"):
        # A threat to take the child abroad for good is acute even without a date: the risk is the trip. A condition
        # ("om hon lämnar honom") waits, unless the trip is booked or close ("flyget går på söndag").
        waits = text.in_sentence(hit.sentence, "conditional") and not text.in_sentence(hit.sentence, "soon")
        if text.in_sentence(hit.sentence, "travel", "country") and not waits and not text.in_sentence(
                hit.sentence, "distant"):
            return True
    return False


def _child_sent(text: _Text, hit: Hit) -> bool:
    """Whether the one sent at *hit* is a child: the object after it, or the subject of a passive before it."""
    following = text.tokens[hit.end + 1] if hit.end + 1 < len(text.tokens) else None
    if following is not None and _actor(following) in ("child", "pronoun"):
        return True
    if any(_actor(token) in ("child", "pronoun") for token in text.tokens[hit.start + 1:hit.end + 1]):
        return True  # the child inside the phrase: "ta henne utomlands"
    if text.tokens[hit.start].surface.endswith(("s", "d")):
        before, _ = text.actors(hit)
        return bool(before) and _actor(before[0]) in ("child", "pronoun")
    return False


def _adult_marries(text: _Text, hit: Hit) -> bool:
    """Whether an adult marries ("mamman ska gifta sig med sin nya kille"): a wedding, not a child married off."""
    span = text.tokens[hit.start:hit.end + 2]
    if not any(token.surface in {"sig", "themselves", "herself", "himself"} for token in span):
        return False
    before, _ = text.actors(hit)
    subject = before[0] if before else None
    kind = _actor(subject) if subject else None
    if kind == "pronoun" and subject is not None:
        if subject.surface in _FEMALE_PRONOUNS and _nearest_adult_is_male(text, subject, hit):
            return False  # "pappan sa att hon ska gifta sig": she is not the father, she is the child
        kind = _resolve(text, subject, hit)
    # Siblings and cousins are "relatives" but may be children themselves: only a parent or another adult weds here.
    return kind in ("parent", "adult", "staff")


_FEMALE_PRONOUNS = frozenset({"hon", "she"})
# "bli fin", "göras fin": a cutting euphemism only with a trip or a country.
PARTIES = ("flickfest", "tjejfest", "kvinnofest", "fest")
PRETTY_WORDS = frozenset({"bli", "blir", "göras", "fin", "fina"})
# How near (in words) an adult must stand before a cutting euphemism to be the one it is about ("mamma ska bli ren").
ADULT_SUBJECT_REACH = 3


def _nearest_adult_is_male(text: _Text, token: Token, hit: Hit) -> bool:
    """Whether the adult a "hon" would be resolved to is a man (then "hon" is someone else: the child)."""
    for earlier in reversed(text.tokens[:token.index]):
        if earlier.sentence != hit.sentence:
            break
        if _actor(earlier) in ADULTS:
            return "male_adult" in earlier.concepts
    return False


def _person_near(text: _Text, hit: Hit) -> bool:
    """Whether a person is named in the clause of *hit*."""
    return any(token.clause == hit.clause and (_actor(token) or token.surface in {"dig", "you", "oss", "us", "dem",
                                                                                     "them", "alla"})
               for token in text.tokens[max(0, hit.start - AGENT_REACH):hit.end + PATIENT_REACH])


def _fresh_injury(text: _Text) -> bool:
    """Whether an injury is told as fresh or of today."""
    return text.has("injury", "burn") and (text.has("fresh") or any(
        text.in_sentence(hit.sentence, "today") for hit in text.of("injury", "burn")))


def _real_threat(text: _Text, hit: Hit) -> bool:
    """Whether a killing word is a threat: not the adjective "dead" ("sin döda farfar"), not children's squabbles
    ("jag ska döda dig" said to a friend, no adult in the sentence)."""
    previous = text.tokens[hit.start - 1].surface if hit.start else ""
    if previous in DETERMINERS and hit.start == hit.end:
        return False
    if _animal_object(text, hit) or _not_meant(text, hit):
        return False
    between_children = text.in_sentence(hit.sentence, "peer") and not any(
        token.sentence == hit.sentence and _actor(token) in ADULTS for token in text.tokens)
    return not between_children


def _with_adult(text: _Text, hit: Hit) -> bool:
    """Whether an adult is with the one "alone" at *hit* ("ensam hemma idag med pappa", "alone with dad")."""
    return any(token.surface in {"med", "with"} and any(_actor(other) in ADULTS for other in text.tokens[
        token.index + 1:token.index + 3]) for token in text.tokens[hit.end + 1:hit.end + 4]
               if token.segment == text.tokens[hit.end].segment)


def _adult_alone(text: _Text, hit: Hit) -> bool:
    """Whether the one alone at *hit* is an adult named just before it ("pappa satt ensam i bilen")."""
    before, _ = text.actors(hit)
    return bool(before) and _actor(before[0]) in ADULTS and before[0].index >= hit.start - 3


def _neck_mark_explained(text: _Text, hit: Hit, acts: list[Act]) -> bool:
    """Whether a mark on the neck at *hit* has a harmless cause in its sentence: a necklace that rubbed, tape or a
    rope in a game (not when an adult's blow or grip is told there)."""
    harmed = any(act.sentence == hit.sentence and act.kind in HARMING_ACTS | {"rough"} and act.agent in ADULTS
                 for act in acts)
    return not harmed and (text.in_sentence(hit.sentence, "neck_cause") or _disarmed(text, hit))


def _acute(text: _Text, acts: list[Act]) -> list[str]:
    """The acute situations recognised, most decisive first (codes of knowledge.acute.ACUTE_CODES)."""
    codes = []
    if any(not _disarmed(text, hit) and _person_near(text, hit) and _real_threat(text, hit) for hit in text.of("kill")):
        codes.append("threat_to_kill")
    # A police officer's or hunter's weapon, with no threat or blow anywhere, is no danger.
    armed_at_work = text.has("profession") and not text.has("threat", "kill") and not any(
        act.kind in HARMING_ACTS for act in acts)
    if (any(not _disarmed(text, hit) and not (armed_at_work and hit.concept == "weapon")
            for hit in text.of("weapon", "number"))
            or any(not _disarmed(text, hit) and not _not_urgent_said(text, hit) for hit in text.of("danger"))):
        codes.append("immediate_danger")
    # Violence happening now by someone not named as a child ("han slår henne just nu") is answered with 112:
    # when it is unclear who hits, the safe reading is an adult.
    if any(act.kind in ("hit", "shake", "strangle") and act.now and (
            act.agent in ADULTS or (act.agent in (None, "pronoun") and act.now_nearby))
           and not _in_play(text, act) for act in acts):
        codes.append("ongoing_violence")
    # "kunde inte andas genom näsan" with a cold is no strangling: with an illness named, only an adult's act counts.
    strangled = any(act.kind == "strangle" and act.patient not in ("parent",) and not (
        act.agent not in ADULTS and text.in_sentence(act.sentence, "illness"))
                    and not _medicine_given(text, act) for act in acts)
    napes = text.of("nape")
    neck_marks = any(text.in_clause(hit.clause, "injury") and not any(
        nape.start <= hit.start <= nape.end for nape in napes) and not _neck_mark_explained(text, hit, acts)
                     for hit in text.of("neck"))
    if strangled or neck_marks:
        codes.append("strangulation")
    sexual_home = any(act.kind == "touch" and act.agent in ("parent", "relative", "adult")
                      and (text.in_clause(act.clause, "genital") or text.in_sentence(act.sentence, "night_secret"))
                      for act in acts)
    # Sore or hurt genitals, and the child names an adult at home as the one who did it ("ont i snippan, säger att
    # morbror gjorde det"): suspected sexual abuse at home (DOMAIN.md §3).
    sore = [hit for hit in text.of("genital_pain") if not _nappy_rash(text, hit)] + [
        hit for hit in text.of("injury") if text.in_clause(hit.clause, "genital")]
    sexual_home = sexual_home or (bool(sore) and not text.has("medical", "illness") and any(
        _teller(text, told) in ("child", "pronoun") and _names_doer(text, told.sentence) for told in text.of("told")))
    abuse_named = any(not text.in_sentence(hit.sentence, "staff") for hit in text.of("sexual_abuse"))
    if sexual_home or abuse_named:
        codes.append("sexual_abuse_home")
    if _taken_abroad(text):
        codes.append("taken_abroad")
    if _intox_now(text):
        codes.append("intoxicated_pickup")
    # Fear about home: the home word near the fear ("vågar inte gå hem"), not anywhere in a long sentence.
    fear_home = any(home.sentence == hit.sentence and abs(home.start - hit.end) <= FEAR_HOME_REACH
                    for hit in text.of("fear") for home in text.of("home"))
    harmed_by_adult = any(act.kind in HARMING_ACTS and act.agent in ADULTS and act.agent != "staff" for act in acts)
    reluctant = text.has("reluctant_home") and (text.has("fear", "injury", "burn") or harmed_by_adult)
    injured = text.has("injury", "burn")
    # A child about to be handed to an adult who was violent in the last day ("pappa slog mamma igår ... barnet
    # ska dit ikväll"): DOMAIN.md §3, a child about to be handed to a violent adult.
    violent_lately = any(act.kind in ("hit", "strangle", "shake") and act.agent in ADULTS and act.agent != "staff"
                         and act.patient in ("child", "parent", "pronoun", "relative", "peer", "adult")
                         and not _in_play(text, act)
                         and text.in_sentence(act.sentence, "today", "recent") for act in acts)
    handed_over_today = any(text.in_sentence(hit.sentence, "today", "now") and not _sober(text, hit)
                            for hit in text.of("home", "there", "pickup"))
    # A violent adult handed the child today: violence in the last day, a contact ban, or an honour threat.
    threatening = text.has("dv") or (text.has("honour") and text.has("threat"))
    if (violent_lately or threatening) and handed_over_today and not codes:
        codes.append("immediate_danger")
    # Sexual abuse by an adult at home told (even if taken back), and that adult collects the child today.
    sexual_adult = text.has("sexual_abuse") or any(
        act.kind in ("touch", "hit") and act.agent in ("parent", "relative", "adult")
        and text.in_clause(act.clause, "genital") for act in acts)
    if sexual_adult and handed_over_today and "sexual_abuse_home" not in codes and not text.has("staff"):
        codes.append("sexual_abuse_home")
    # A colleague who hurts a child and is still here, or is drunk with the children now: 112, not a letter.
    # A "hon"/"han" who does it is the colleague when no one else but staff is named.
    only_staff = text.has("staff") and not text.has("parent", "relative")
    staff_harm = any(act.kind in HARMING_ACTS | {"touch", "rough"} and (
        act.agent == "staff" or (only_staff and act.agent == "pronoun")) for act in acts) or (
        text.has("staff") and text.has("sexual_abuse", "sexual_behaviour") and not text.has("parent", "relative"))
    staff_drunk = any(text.in_sentence(hit.sentence, "staff") and not _past_in_clause(text, hit)
                      and not text.in_clause(hit.clause, "past_day")  # "full på julfesten i lördags"
                      and not _disarmed(text, hit) for hit in text.of("intox"))
    if (staff_harm and (text.has("still_here") or any(act.now and act.agent == "staff" for act in acts))) or (
            staff_drunk):
        codes.append("immediate_danger")
    # A parent who cannot be woken now, with the child alone or come on its own: danger now, for both.
    if any(not text.in_sentence(hit.sentence, "pattern", "past_strong", "distant") and (
            text.in_sentence(hit.sentence, "now", "today") or text.has("unaccompanied", "alone"))
           for hit in text.of("unresponsive")) and "immediate_danger" not in codes and not text.has("overslept"):
        codes.append("immediate_danger")
    # A young child alone at home now ("lillebror på 2 år är ensam hemma, mamma har gått"): immediate danger, not
    # a pattern told afterwards ("får ofta vara ensam hemma" is a report).
    alone_now = any(text.in_sentence(hit.sentence, "now", "today") and not text.in_sentence(
        hit.sentence, "pattern", "past_strong", "distant", "conditional") and not _with_adult(text, hit)
        and not _adult_alone(text, hit) for hit in text.of("alone"))
    gone_now = text.has("gone") and text.has("alone")
    # Outdoors or in a car with nobody ("står ensam vid busshållplatsen, ingen vuxen i närheten"), or a child not
    # collected and nobody reachable: now, unless told as a pattern or the past.
    # (A child who came to preschool on its own is with us now: "kom själv till förskolan, ingen vuxen med".)
    unattended_now = any(not text.in_sentence(hit.sentence, "pattern", "past_strong", "distant", "conditional",
                                              "unaccompanied") for hit in text.of("unattended"))
    unreachable = text.of("unreachable")
    stranded = bool(unreachable) and not text.has("pattern", "weeks", "months") and any(
        not any(other.start <= hit.start <= other.end for other in unreachable) for hit in text.of("not_collected"))
    if (alone_now or gone_now or unattended_now or stranded) and "immediate_danger" not in codes and not (
            text.has("disarm") and not unattended_now):
        codes.append("immediate_danger")
    # Threats and dangers told without the usual words (knowledge/reading/threats.py).
    codes.extend(code for code in _threats(text, acts) if code not in codes)
    if fear_home or reluctant:
        codes.append("injury_afraid_home" if injured else "afraid_to_go_home")
    elif injured and any(text.in_clause(hit.clause, "parent") and not text.in_sentence(hit.sentence, "staff")
                         for hit in text.of("fear")):
        codes.append("injury_afraid_home")
    elif injured and any(not text.in_sentence(hit.sentence, "staff") for hit in text.of("fear")) and (
            harmed_by_adult or text.has("told")):
        # A hurt child who is terrified, with an account of how it happened: do not wait until home time.
        codes.append("injury_afraid_home")
    elif _fresh_injury(text) and text.has("distress") and not text.has("accident") and (
            harmed_by_adult or (text.has("told") and text.has("parent"))):
        # Fresh marks today, a child who cries or trembles, and an adult at home behind it: the child's fear is
        # shown rather than said ("färska brännmärken ... gråter ... säger bara att mamma blir arg").
        codes.append("injury_afraid_home")
    return codes
