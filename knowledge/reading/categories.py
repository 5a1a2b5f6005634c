"""Concern categories, signals, report grounds and reasons, one family of concerns at a time."""

from __future__ import annotations

from knowledge.reading.acute import _adult_marries, _boy_only, _girl_context, _not_a_girl_cut
from knowledge.reading.disclosure import _hold_in_play
from knowledge.reading.signals import _nappy_rash, _sober
from knowledge.reading.text import Act, Hit, Reading, _actor, _Text
from knowledge.reading.vocabulary import ADULTS, DENIABLE, TOLD_FIRST


def _parent_talked(text: _Text, hit: Hit) -> bool:
    """Whether a parent or relative talked with the child at *hit* ("efter att pappan pratat med honom", "after his
    dad spoke to him"): a denial after it is a retraction. Staff talking with a parent is not."""
    before, after = text.actors(hit)
    return bool(before and after) and _actor(before[0]) in ("parent", "relative") and _actor(after[0]) in (
        "child", "pronoun")


def _mother_injured(text: _Text) -> bool:
    """Whether the text tells of injuries on a parent ("mamma hade blåmärken"): violence the child lives with."""
    for hit in text.of("parent"):
        following = text.tokens[hit.end + 1:hit.end + 5]
        verbs = [token for token in following[:2] if token.surface in {"har", "hade", "had", "has"}]
        if verbs and any("injury" in token.concepts for token in following):
            return True
    return False


def _categorise(text: _Text, acts: list[Act], reading: Reading) -> None:
    """Concern categories, signals, report grounds and reasons from the hits and acts, one family at a time."""
    _staff(text, acts, reading)
    _violence(text, acts, reading)
    _injuries(text, reading)
    _sexual(text, acts, reading)
    if text.has("flinch"):
        reading.categories.add("physical")
    _honour(text, acts, reading)
    _neglect(text, reading)
    _parents(text, reading)
    _emotional(text, reading)
    _retraction(text, reading)
    _derived_signals(text, reading)


def _staff(text: _Text, acts: list[Act], reading: Reading) -> None:
    """A colleague or substitute suspected: an act by staff, or staff named with a sign and no parent."""
    signals, reasons = reading.signals, reading.reasons
    has = text.has
    staff_acts = [act for act in acts if act.agent == "staff"]
    if staff_acts or (has("staff") and any(
            text.in_sentence(sentence, "injury", "fear", "sexual_behaviour", "genital", "sexual_abuse", "intox",
                             "staff_photos")
            and not text.in_sentence(sentence, "accident", "minor_injury")
            for sentence in text.sentences("staff")) and not has("parent")):
        reading.staff_suspected = True
        signals.add("staff_suspected")
        reasons.add("staff_suspected")
        reading.report = True
        reading.categories.add("sexual" if any(act.kind == "touch" for act in staff_acts) or text.in_sentence(
            next(iter(text.sentences("staff"))), "sexual_behaviour", "genital", "sexual_abuse", "staff_photos")
            else "physical")


def _violence(text: _Text, acts: list[Act], reading: Reading) -> None:
    """Violence and degrading treatment at home, against the child or between the parents."""
    cats, signals, reasons = reading.categories, reading.signals, reading.reasons
    has = text.has
    violent = [act for act in acts if act.kind in ("hit", "shake", "burn_act", "strangle", "blame", "rough")]
    violent += [act for act in acts if act.kind == "threat" and act.patient == "parent"]
    confining = [act for act in acts if act.kind in ("lock_in", "force_feed") and act.agent in ADULTS
                 and act.agent != "staff"]
    if confining:
        # Locked in, held down to eat: degrading treatment at home is a ground to report like a blow.
        cats.add("emotional")
        reasons.add("violence_account")
        reading.report = True
    adult_violence = [act for act in violent if act.agent in ADULTS and act.agent != "staff"]
    unknown_violence = [act for act in violent if act.agent is None and act.patient == "child"
                        and not text.in_sentence(act.sentence, "fiction")]
    for act in adult_violence:
        if act.patient == "parent":
            cats.add("domestic_violence")
            signals.add("witnessed_violence")
            reasons.add("witnessed_violence")
        else:
            cats.add("physical")
            reasons.add("violence_account")
        reading.report = True
    if unknown_violence or has("violence") or any(
            token.surface in {"slagen", "sparkad", "misshandlad"} and not text.in_sentence(token.sentence, "fiction")
            for token in text.tokens):
        cats.add("physical")
        reasons.add("violence_account")
        reading.report = True
    if has("dv") or _mother_injured(text) or any(
            act.kind == "threat" and act.agent in ADULTS and act.patient == "parent" for act in acts):
        cats.add("domestic_violence")
        signals.add("witnessed_violence")
        reasons.add("witnessed_violence")
        reading.report = True


def _injuries(text: _Text, reading: Reading) -> None:
    """Injuries: one sign is a consultation; a pattern, an odd explanation, a burn or the child's account is more."""
    cats, signals, reasons = reading.categories, reading.signals, reading.reasons
    has = text.has
    injury = any(not text.in_clause(hit.clause, "illness", "hygiene", "minor_injury")
                 for hit in text.of("injury", "burn"))
    explained = injury and (has("accident") or any(
        text.in_sentence(hit.sentence, "peer", "animal") for hit in text.of("injury"))) and not has("injury_concern")
    # "mamma säger att han ramlade" when asked keeps the injury a sign; "mamma berättade" (she told us first) does not.
    parent_explains = explained and any(
        text.in_sentence(hit.sentence, "told") and not any(
            text.tokens[told.start].surface.startswith(TOLD_FIRST) and told.sentence == hit.sentence
            for told in text.of("told"))
        for hit in text.of("accident"))
    # Bruises where falls seldom leave them (ears, neck, back, buttocks, cheeks), with no account of how, on two
    # such places or with a telling shape: a ground to report (DOMAIN.md §4).
    sites = {text.tokens[hit.start].surface for hit in text.of("protected_site")
             if text.in_sentence(hit.sentence, "injury")}
    site_concern = injury and (not explained or parent_explains) and not has("medical") and bool(sites) and (
        len(sites) >= 2 or has("unexplained", "injury_odd", "many_marks"))
    if injury and (not explained or parent_explains or reading.report):
        cats.add("physical")
        signals.add("injury")
        if has("injury_concern") or (has("burn") and not explained) or (has("pattern") and not explained) or (
                site_concern):
            reasons.add("injury_of_concern")
            reading.report = True
    if any(not text.in_sentence(hit.sentence, "play_fight") and not _hold_in_play(text, hit)
           for hit in text.of("strangle")):
        cats.add("physical")


def _sexual(text: _Text, acts: list[Act], reading: Reading) -> None:
    """Sexual abuse and its signs."""
    cats = reading.categories
    has = text.has
    # A sore bottom with a nappy left unchanged is neglect, not a sign of abuse; soreness of the genitals, or with
    # fear, stays a sign.
    sore = any(not _nappy_rash(text, hit) and not text.in_sentence(hit.sentence, "illness")
               for hit in text.of("genital_pain"))
    if sore or has("sexual_abuse", "sexual_behaviour") or any(
            text.in_clause(hit.clause, "genital") for hit in text.of("injury")) or any(
            act.kind == "touch" and (text.in_clause(act.clause, "genital") or (
                act.agent in ADULTS and act.patient == "child")) for act in acts):
        cats.add("sexual")
        reading.report = True
    if any(any(token.segment == text.tokens[hit.start].segment
               and _actor(token) in ("parent", "relative", "adult", "staff") for token in text.tokens)
           for hit in text.of("doctor_game")):
        cats.add("sexual")
        reading.report = True


def _honour(text: _Text, acts: list[Act], reading: Reading) -> None:
    """Honour-related violence and control, forced marriage, a child sent away, and FGM."""
    reasons = reading.reasons
    has = text.has
    sent_away = any(text.in_sentence(hit.sentence, "country") and text.in_sentence(
        hit.sentence, "conditional", "secrecy", "threat") for hit in text.of("travel"))
    euphemism = any(not _not_a_girl_cut(text, hit) for hit in text.of("fgm_euphemism")) and _girl_context(text)
    fgm = has("fgm") and not _boy_only(text)
    married_off = any(not _adult_marries(text, hit) for hit in text.of("marriage"))
    if sent_away or euphemism or fgm or married_off or has("honour", "control", "fgm_done") or any(
            act.kind == "threat" and act.agent == "relative" for act in acts):
        reading.categories.add("honour")
        reasons.add("honour_or_fgm")
        reading.report = True


def _neglect(text: _Text, reading: Reading) -> None:
    """Neglect: hunger, hygiene, clothing, no care, a child left alone or uncollected, an illness left untreated."""
    cats, reasons = reading.categories, reading.reasons
    has = text.has
    neglect_signs = [name for name in ("hunger", "hygiene", "clothing", "no_care", "not_collected", "alone",
                                       "dental", "unaccompanied", "unresponsive", "unattended") if has(name)]
    if any(_nappy_rash(text, hit) for hit in text.of("genital_pain")):
        neglect_signs.append("nappy_rash")
    # A long illness counts when nobody takes the child to care, not when the parents have ("varit på vårdcentralen").
    long_untreated = has("illness") and (has("no_care") or (has("pattern", "weeks", "months") and not has("medical")))
    if neglect_signs or long_untreated:
        cats.add("neglect")
        # Two different signs (hungry and cold, lice and the smell of urine) are a pattern of neglect already.
        # A child who comes alone, a parent who cannot be woken: nobody is caring for the child, a report.
        if has("no_care", "alone", "unaccompanied", "unresponsive", "unattended") or has(
                "pattern", "weeks", "months") or len(
                neglect_signs) >= 2:
            reasons.add("persistent_concern")
            reading.report = True
    elif has("tired") and has("pattern") and not all(_parent_tired(text, hit) for hit in text.of("tired")):
        cats.add("neglect")


def _parent_tired(text: _Text, hit: Hit) -> bool:
    """Whether the one tired at *hit* is a parent ("mamman känner sig helt slut"), not the child."""
    for token in reversed(text.tokens[max(0, hit.start - 6):hit.start]):
        if token.sentence != hit.sentence:
            return False
        kind = _actor(token)
        if kind in ("parent", "relative", "adult", "child", "peer"):
            return kind not in {"child", "peer"}
    return False


def _parents(text: _Text, reading: Reading) -> None:
    """Parents' intoxication, substance use and mental health."""
    reasons = reading.reasons
    has = text.has
    if has("intox", "intox_smell", "substance", "parent_mh"):
        reading.categories.add("parent")
        with_child = any(not _sober(text, hit) for hit in text.of("pickup", "drive", "dropoff"))
        strong_past = has("intox") and with_child
        drove = has("intox_smell") and has("drive")
        if strong_past or drove or (has("intox_smell", "intox") and has("pattern") and with_child):
            reasons.add("intoxicated_with_child")
            reading.report = True
        if has("substance") and (reading.child_told or has("alone", "hunger") or any(
                text.in_sentence(hit.sentence, "home") for hit in text.of("substance"))):
            reading.report = True  # syringes and bottles where the child lives and plays


def _emotional(text: _Text, reading: Reading) -> None:
    """Emotional abuse and fear, and a family that needs support."""
    cats, reasons = reading.categories, reading.reasons
    has = text.has
    if has("emotional", "emotional_abuse") or (has("fear") and not reading.acute):
        cats.add("emotional")
        if has("months") or (has("emotional_abuse") and has("pattern")):
            reasons.add("persistent_concern")
            reading.report = True
    if has("support"):
        cats.add("family_support")


def _retraction(text: _Text, reading: Reading) -> None:
    """A retraction, or a denial after a parent talked with the child: the denied act still counts."""
    cats, signals, reasons = reading.categories, reading.signals, reading.reasons
    has = text.has
    # A retraction denies what the child said: the denied act still counts ("nej nej pappa slår inte, jag skojade").
    # So does a denial after a parent talked with the child ("efter att pappan pratat med honom säger han att ingen
    # har slagit honom").
    parent_talked = any(_parent_talked(text, hit) for hit in text.of("talked_with"))
    denied = {hit.concept for hit in text.negated} if has("retract") or parent_talked else set()
    if denied & {"hit", "violence", "burn_act", "strangle", "shake"}:
        cats.add("physical")
        reasons.add("violence_account")
        reading.report = True
    if denied & {"sexual_abuse", "touch"}:
        cats.add("sexual")
        reading.report = True
    if (has("retract") or (parent_talked and denied & DENIABLE)) and reading.report:
        signals.add("retracted")
        reasons.add("retracted_still_reportable")
        reading.report = True


def _derived_signals(text: _Text, reading: Reading) -> None:
    """Signals from a pattern and from the acute situations recognised."""
    signals = reading.signals
    has = text.has
    if has("pattern", "weeks", "months"):
        signals.add("repeated")
    if reading.acute:
        signals.add("ongoing_now")
    if "injury_afraid_home" in reading.acute or "afraid_to_go_home" in reading.acute:
        signals.add("afraid_to_go_home")
    if "intoxicated_pickup" in reading.acute:
        signals.add("intoxicated_now")
