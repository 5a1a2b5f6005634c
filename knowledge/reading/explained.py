"""Words that widen concepts the rules already read, and two reports told in everyday words.

The carers7 block of `data/concepts.yaml` holds concepts that mean the same to the rules as older ones: a film's
title is fiction ("Vi såg Lejonkungen": its killing is no threat), "hon menade mätt" disarms "full", "brände sig på
ugnen" is an accident, a scratchy polo neck explains red marks round the neck, winter boots missing are clothing, a
joint smoked at home is substance use, a parent new in town who wants to meet others asks for support. `_aliased`
renames their hits before the rules run. Then `_add_reports`: used needles among the child's things, and drug use at
home told as a habit, are reports (DOMAIN.md §4: parent-related substance misuse)."""

from __future__ import annotations

from knowledge.reading.text import Hit, Reading, Token, _actor, _Text

ALIASES = {"screen_title": ("fiction", "disarm"), "not_drunk": ("fiction", "disarm"), "self_hurt": ("accident",),
           "mark_cause": ("neck_cause", "mark_cause"), "unmet_needs": ("clothing",), "asks_support": ("support",),
           "booze_smell": ("intox_smell",), "every_time": ("pattern",)}
# Where one smokes a cigarette: "rökt på balkongen" is no "rökt på" (high).
PLACES = ("balkong", "gård", "altan", "trapp", "rast", "jobb", "parkering", "terrass", "uteplats", "bakgård")
ADULT_WORDS = frozenset({"parent", "relative", "adult"})
# Harm told anywhere in the text: then red marks stay a sign, whatever the clothes.
HARM = ("hit", "strangle", "shake", "burn_act", "rough", "violence", "neck_grab", "held_mouth", "strangle_sign",
        "threat", "fear", "unexplained", "injury_concern")
VIOLENCE = ("hit", "strangle", "shake", "burn_act", "rough", "violence", "neck_grab", "held_mouth", "threat")
# A habit: "varje kväll", "hela tiden".
HABIT = frozenset({"varje", "every", "alltid", "always", "ofta", "often", "brukar", "jämt", "hela"})


def _aliased(hits: list[Hit], tokens: list[Token]) -> list[Hit]:
    """*hits* with the carers7 concepts renamed to the older concepts they widen; a burn "sig" is an accident only
    when an adult burnt themself ("mamma brände sig på ugnen"), never a child's burn a parent explains; "händerna
    skakar" shakes nobody."""
    tremors = [hit for hit in hits if hit.concept == "tremor"]
    # "när vi pratar med henne": talk with an adult, no circle time that disarms what is said about her.
    talks = [hit for hit in hits if hit.concept == "talked_with" and hit.end + 1 < len(tokens) and (
        tokens[hit.end + 1].surface in {"henne", "honom", "her", "him"} or tokens[hit.end + 1].concepts & ADULT_WORDS)]
    hits = [hit for hit in hits if not (hit.concept == "disarm" and any(
        talk.start <= hit.end and hit.start <= talk.end for talk in talks)) and not _smoked_at(hit, tokens)]
    kept = [hit for hit in hits if (hit.concept != "self_hurt" or _adult_did(hit, tokens)) and not (
        hit.concept in ("shake", "hit") and any(tremor.start <= hit.start <= tremor.end for tremor in tremors))]
    return [renamed for hit in kept for renamed in (
        [Hit(name, hit.start, hit.end, hit.sentence, hit.clause, hit.immune) for name in ALIASES[hit.concept]]
        if hit.concept in ALIASES else [hit])]


def _smoked_at(hit: Hit, tokens: list[Token]) -> bool:
    """Whether the intoxication word at *hit* is "rökt på" a place ("har rökt på balkongen": a cigarette outside)."""
    after = tokens[hit.end + 1].surface if hit.end + 1 < len(tokens) else ""
    return hit.concept == "intox" and tokens[hit.end].surface == "på" and after.startswith(PLACES)


def _adult_did(hit: Hit, tokens: list[Token]) -> bool:
    """Whether the person named nearest before *hit* in its sentence is an adult (not "han", not the child)."""
    for token in reversed(tokens[:hit.start]):
        if token.sentence != hit.sentence:
            return False
        people = token.concepts & {"parent", "relative", "adult", "staff", "child", "peer"}
        if people or token.surface in {"han", "hon", "he", "she"}:
            return bool(people & {"parent", "relative", "adult", "staff"}) and "child" not in people
    return False


def _asking(text: _Text, token: Token) -> bool:
    """Whether the adult *token* is the one asking for help ("mamman undrar om det finns någon att prata med")."""
    return any(other.sentence == token.sentence for other in text.of("support"))


def _needles(text: _Text) -> bool:
    """Whether used needles were found among the child's things or where the child plays (not at a clinic, not a
    diabetic's own insulin)."""
    return any(not text.in_sentence(hit.sentence, "fiction", "disarm") for hit in text.of("needles_found")) and (
        not text.has("tired_reason"))


def _drugs_at_home(text: _Text) -> bool:
    """Whether drugs are smoked or taken at home as a habit, with a child named."""
    for hit in text.of("drug_habit"):
        words = [token for token in text.tokens if token.sentence == hit.sentence]
        if any(token.surface in HABIT for token in words) and any(
                _actor(token) in ("child", "pronoun") for token in text.tokens):
            return True
    return False


def _add_reports(text: _Text, reading: Reading) -> None:
    """Mark a report for needles among the child's things and a habit of drugs at home (never when acute); red marks
    that clothes or skin explain, and nothing else, are no sign of violence: the guardians may be asked."""
    if reading.acute:
        return
    if "emotional" in reading.categories and not reading.report and text.has("world_fear") and not text.has(
            *VIOLENCE, "emotional", "emotional_abuse") and all(
            text.in_sentence(hit.sentence, "world_fear") and not any(
                token.sentence == hit.sentence and token.concepts & {"parent", "relative", "adult", "staff"}
                and not token.concepts & {"told"} and not _asking(text, token) for token in text.tokens)
            for hit in text.of("fear")):
        reading.categories.discard("emotional")  # afraid of the war on the news: a parent may want support
    if "physical" in reading.categories and not reading.report and text.has("mark_cause") and not text.has(
            *HARM) and all(text.in_sentence(hit.sentence, "mark_cause") for hit in text.of("injury", "burn")):
        reading.categories.discard("physical")
    if _needles(text) or _drugs_at_home(text):
        reading.categories.add("parent")
        reading.reasons.add("intoxicated_with_child")
        reading.report = True
