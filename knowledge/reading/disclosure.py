"""Acute situations told in other words: sexual abuse in a child's or a shy adult's words with that adult close,
strangling told by what was seen or done, a hurt child who dreads being collected, and killing in a paraphrase;
and the killing words that are no threat (a story, a joke with a tickle, a message that says it is not urgent)."""

from __future__ import annotations

from knowledge.reading.signals import _disarmed, _in_play
from knowledge.reading.text import Act, Hit, _actor, _Text, add_before_fear
from knowledge.reading.vocabulary import ADULTS, HARMING_ACTS, OBJECT_PRONOUNS

# Who may be the doer of a sexual act told in other words: an adult, or an older sibling or relative at home.
_DOERS = ADULTS
# Words that make a euphemism's doer a child among children ("två barn lekte doktor").
_CHILDREN = frozenset({"child", "peer"})
# Finger or hand prints (misspelt too: "fingeravtryk"): round the neck, hands round the throat.
_GRIP_PREFIXES = ("fingeravtr", "fingermärk", "fingermark", "fingerprint", "tumavtr", "tummärk", "handavtr",
                  "handprint", "greppmärk")
_GRIP_WORDS = frozenset({"finger", "fingers", "thumb", "hand", "grip"})
# A parent's coming, in a sentence where the child wets itself ("kissar på sig när vi säger att mamma kommer").
_COMING = frozenset({"kommer", "hämtar", "hämta", "hämtning", "hämtningen", "coming", "comes", "pick-up", "pickup",
                     "collect", "collects"})
# Leave to collect: "får hämta", "may collect", "is allowed to pick up".
_MAY = frozenset({"får", "may", "allowed"})
# Words that make "again tonight" a harm done again: doing it, hitting, hurting, anger.
_HARM_AGAIN = frozenset({"gör", "göra", "gjorde", "do", "does", "did", "it", "det", "argare", "angrier", "arg",
                         "angry", "slå", "slår", "hit", "hurt", "beat", "worse", "värre"})
# Words that name people as the ones to be finished ("hela familjen", "dem allihop", "everyone").
_PERSONS = frozenset({"familjen", "family", "allihop", "allihopa", "everyone", "everybody", "oss", "us", "er",
                      "dig", "you", "henne", "honom", "her", "him", "mig", "me"})
# The speaker themself as the killer: "slaktar vi henne", "I'll finish her off".
_FIRST_PERSON = frozenset({"vi", "jag", "we", "i", "we'll", "i'll"})
# Verbs that finish things as well as people ("göra slut på pepparkakorna", "finish the cake").
_NEEDS_OBJECT = frozenset({"finish", "finishing", "end", "get", "göra", "gör", "gjorde", "slakta", "slaktar",
                           "utplåna", "utplånar", "utrota", "wipe", "wipes", "make", "making", "ta", "tar"})
# A life said not to last ("inte överleva natten", "none of us will live to see"): a person must be its subject.
_NOT_SURVIVE = frozenset({"inte", "aldrig", "won't", "not", "never", "ingen", "inga", "none", "nobody", "noone"})
# Of those, the ones said of food and things with "them" too ("finish them all, the sandwiches").
_FINISH = frozenset({"finish", "finishing", "get", "göra", "gör", "gjorde", "make", "making", "ta", "tar"})
# "gråter när ...", "shakes when ...": how far the pickup may stand after the crying.
_WHEN = frozenset({"när", "nar", "så", "whenever", "when", "as"})
_WHEN_REACH = 10
# Naming the adult is enough: "gråter så fort nån säger pappa".
_MENTION = frozenset({"säger", "nämner", "pratar", "says", "say", "mention", "mentions", "mentioned"})
# "hurt his feelings more tonight": an idiom, no blow to come.
_FEELINGS = frozenset({"feelings", "känslor", "känslorna"})
# A contact ban no longer in force, or a parent's consent: "gäller inte längre", "upphävt", "lifted".
_LIFTED = frozenset({"längre", "upphävt", "upphävd", "hävt", "hävts", "hävdes", "lov", "lifted", "expired"})


def _doer(text: _Text, hit: Hit) -> str | None:
    """The kind of person nearest before *hit* in its sentence; a "han"/"hon" there is the adult named last before
    it in the message ("en kollega ... barnen säger att han ..."), if any."""
    for token in reversed(text.tokens[:hit.start]):
        if token.sentence != text.tokens[hit.start].sentence:
            break
        kind = _actor(token)
        if token.surface in OBJECT_PRONOUNS:
            continue  # "makes him do ...": the one it is done to
        if kind == "pronoun" and token.surface in {"hon", "han", "he", "she"}:
            adult = next((_actor(earlier) for earlier in reversed(text.tokens[:token.index])
                          if _actor(earlier) in _DOERS), None)
            if adult:
                return adult
            continue
        if kind == "peer" and token.index and _actor(text.tokens[token.index - 1]) in _DOERS:
            return "adult"  # "pappas kompis": a friend of the father's is an adult
        if kind in _DOERS or kind in _CHILDREN:
            return kind
    return None


def _close_by(text: _Text) -> bool:
    """Whether the doer is close to the child now: at home, collecting today, at night, or the child is afraid."""
    return text.has("pickup", "home", "lives_with", "night_secret", "hush", "fear", "reluctant_home", "pickup_dread",
                    "today", "now", "still_here", "again_tonight", "soon", "imminent")


def _sexual_euphemism(text: _Text) -> str | None:
    """The acute code for a sexual act told in other words by an adult or older relative, or None."""
    for hit in text.of("sex_euphemism"):
        if _in_play(text, Act("touch", None, None, hit.sentence, hit.clause, False, start=hit.start)) and not (
                text.has("staff")):
            continue
        doer = _doer(text, hit)
        if doer not in _DOERS or not _close_by(text):
            continue
        if doer == "staff":
            if text.has("still_here", "today", "now"):
                return "immediate_danger"
            continue
        return "sexual_abuse_home"
    return None


def _hushed_at_night(text: _Text) -> bool:
    """Whether a child must not tell what an adult does at night, and is sore there or cannot sit."""
    return (text.has("hush", "secrecy") and text.has("night_secret")
            and text.has("cannot_sit", "genital_pain", "secret_game", "genital")
            and any(_actor(token) in ("parent", "relative", "adult") for token in text.tokens))


def _sore_after_adult(text: _Text) -> bool:
    """Whether a child who cannot sit, or is sore there, tells of a touch by the adult named right before it
    ("pappas kompis gör ont i rumpan på henne": the bottom is no genital word, so the touch rule does not read it)."""
    return text.has("cannot_sit", "genital_pain") and not text.has("medical", "illness") and any(
        hit.start >= 1 and _actor(text.tokens[hit.start - 1]) in ("parent", "relative", "adult")
        for hit in text.of("touch"))


def _strangled_in_other_words(text: _Text) -> bool:
    """Whether finger marks round the neck, or a hold over mouth or neck until someone went limp, are told."""
    marks = any(text.in_clause(hit.clause, "neck") and not text.in_sentence(hit.sentence, "neck_cause")
                and any(token.clause == hit.clause and _grip(text, token.index) for token in text.tokens)
                for hit in text.of("neck"))
    held = any(text.in_sentence(hit.sentence, "smothered_until") and not _disarmed(text, hit)
               and not text.in_sentence(hit.sentence, "pills", "medical")
               for hit in text.of("held_mouth"))
    grabbed = any(_doer(text, hit) in ADULTS and not _disarmed(text, hit) for hit in text.of("neck_grab"))
    # A hoarse voice or red dots are signs only beside a grip told (a cold gives both with a sore throat).
    signs = text.has("strangle_sign") and text.has("neck_grab", "strangle") and not text.has("illness", "medical")
    return marks or held or grabbed or signs


def _grip(text: _Text, index: int) -> bool:
    """Whether the word at *index* names finger or hand prints ("fingeravtryck", "finger marks")."""
    token = text.tokens[index]
    if token.surface.startswith(_GRIP_PREFIXES):
        return True
    following = text.tokens[index + 1].surface if index + 1 < len(text.tokens) else ""
    return token.surface in _GRIP_WORDS and following.startswith(("mark", "print", "bruise"))


def _cries_when_coming(text: _Text) -> bool:
    """Whether the child cries, shakes or panics *when* being collected is mentioned, told at length ("gråter när vi
    pratar om att pappa ska hämta", "started shaking when I said her stepdad was coming")."""
    for hit in text.of("distress", "fear"):
        window = [token for token in text.tokens[hit.end + 1:hit.end + 1 + _WHEN_REACH]
                  if token.sentence == hit.sentence]
        if not any(token.surface in _WHEN for token in window[:2]):
            continue
        if any("pickup" in token.concepts or token.surface in _COMING | _MENTION for token in window) and any(
                _actor(token) in ("parent", "relative", "adult") for token in window):
            return True
    return False


def _behind_parent(text: _Text, hit: Hit) -> bool:
    """Whether the child hides behind or with a parent ("gömmer sig bakom mamma"): shy, not afraid of them."""
    return any(token.surface in {"bakom", "behind", "hos", "with"} and any(
        _actor(other) in ("parent", "relative") for other in text.tokens[token.index + 1:token.index + 3])
               for token in text.tokens[hit.start:hit.end + 3])


def _banned_at_gate(text: _Text) -> bool:
    """Whether an adult under a contact ban stands at the preschool's fence or gate now, to take the child or
    shouting (not when the ban is said to be lifted)."""
    lifted = any(token.surface in _LIFTED for token in text.tokens)
    # "har kontaktförbud mot mamman men får hämta barnen": the ban is not about the children.
    lifted = lifted or any(token.surface in _MAY and not token.negated
                           for hit in text.of("pickup") for token in text.tokens[max(0, hit.start - 2):hit.start])
    if not text.has("dv", "contact_ban") or not text.has("at_gate") or lifted:
        return False
    present = any(not text.in_sentence(hit.sentence, "past_strong", "pattern") and not _disarmed(text, hit)
                  for hit in text.of("at_gate"))
    return present and text.has("taking", "with_child", "pickup", "threat", "scream", "now", "fear")


def _dreads_pickup(text: _Text, acts: list[Act]) -> str | None:
    """The acute code for a hurt or harmed child who dreads going home or being collected, or None."""
    harmed = any(act.kind in HARMING_ACTS and act.agent in ADULTS and act.agent != "staff"
                 and not _in_play(text, act) for act in acts)
    # An injury from a fall told as such ("ramlade på gården") is no reason to dread home, unless an adult hurt.
    injured = text.has("injury", "burn", "cold_sign", "visible_harm") and (harmed or not text.has("accident"))
    abuse_told = text.has("sexual_abuse", "sex_euphemism", "retract") and text.has("parent", "relative", "adult")
    locked_out = text.has("locked_out") and not text.has("staff")
    wets = any(text.in_sentence(hit.sentence, "parent") and any(
        token.sentence == hit.sentence and token.surface in _COMING for token in text.tokens)
               for hit in text.of("wets"))
    # Wetting is read only beside a mark of today or an adult's blow (a name-calling father alone is a report).
    wets = wets and (harmed or any(text.in_sentence(hit.sentence, "today", "fresh", "now")
                                   for hit in text.of("injury", "burn")))
    refuses_home = any(home.sentence == hit.sentence and home.start > hit.end
                       for hit in text.of("refuses") for home in text.of("home"))
    # "igen ikväll" is harm to come only when an adult does it again ("mamma gör det igen ikväll"), not a bath or a
    # night at grandma's again.
    again = any((harmed or (_doer(text, hit) in ADULTS and any(
        token.sentence == hit.sentence and token.surface in _HARM_AGAIN for token in text.tokens)))
                and not text.in_sentence(hit.sentence, "joking", "disarm")
                and not any(token.sentence == hit.sentence and token.surface in _FEELINGS for token in text.tokens)
                for hit in text.of("again_tonight"))
    # Hiding at home time ("gömmer sig när det är dags att gå hem"), not shyly behind the parent at pickup.
    hides = any(text.in_sentence(hit.sentence, "reluctant_home", "home") and not _disarmed(text, hit)
                and not _behind_parent(text, hit) for hit in text.of("hides"))
    # Fear when a parent comes, with a blow told but no mark, is a pattern to report ("blir skiträdd när pappa
    # kommer"); with a mark of now it is the hurt child who dreads home.
    dread = wets or refuses_home or again or hides or text.has("pickup_dread") or (
        injured and _cries_when_coming(text))
    if dread and (injured or harmed or abuse_told):
        return "injury_afraid_home" if injured else "afraid_to_go_home"
    if locked_out and (text.has("cold_sign", "injury") or text.has("reluctant_home", "fear", "pickup_dread")):
        return "injury_afraid_home" if injured else "afraid_to_go_home"
    return None


def _killing_paraphrased(text: _Text, acts: list[Act]) -> bool:
    """Whether an adult threatens to kill in other words ("göra slut på dem alla", "deserves to die")."""
    for hit in text.of("kill_paraphrase"):
        if _disarmed(text, hit) or text.in_sentence(hit.sentence, "storytime", "joking"):
            continue
        # Cakes, weeds and sandwiches are finished too: a person must be the object, or the text be one of violence.
        objects = text.tokens[hit.start:hit.end + 4]
        first = text.tokens[hit.start].surface
        persons = _PERSONS if first in _FINISH else _PERSONS | {"them", "dem"}  # "end them all", "slakta dem"
        person = any(token.surface in persons or _actor(token) in ("parent", "child", "relative", "peer")
                     for token in objects)
        violent = text.has("threat", "fear", "dv", "contact_ban", "weapon", "kill") or any(
            act.kind in HARMING_ACTS for act in acts)
        needs_object = first in _NEEDS_OBJECT
        if needs_object and not (person or violent or _doer(text, hit) == "adult"):
            continue
        # "won't survive the night" of a person ("hon inte kommer överleva natten"), not of the flowers.
        span = text.tokens[max(0, hit.start - 1):hit.end + 1]
        if first in _NOT_SURVIVE and not any(_actor(token) or token.surface in persons for token in span):
            continue
        # The one who would do it is the adult nearest before ("mamma sa att ungarna gör kål på henne": children).
        if _doer(text, hit) in ADULTS or text.in_sentence(hit.sentence, "threat") or _adult_speaks(text, hit):
            return True
    return any(not _disarmed(text, hit) and not text.in_sentence(hit.sentence, "storytime", "joking", "fiction")
               and any(token.sentence == hit.sentence and _actor(token) in ADULTS for token in text.tokens)
               for hit in text.of("deserves_death"))


def _adult_speaks(text: _Text, hit: Hit) -> bool:
    """Whether the killing at *hit* is said in the first person ("slaktar vi henne", "we'll finish her") by an adult
    heard or told saying it before in the sentence ("hörde farbror säga i telefon 'om flickan ... så slaktar vi
    henne'"): the speaker is the one who would do it, whoever is named between."""
    near = text.tokens[max(0, hit.start - 2):hit.end + 2]
    if not any(token.surface in _FIRST_PERSON for token in near):
        return False
    said = [other for other in text.of("told", "heard") if other.sentence == hit.sentence and other.end < hit.start]
    if not said:
        return False
    speaker = next((token for token in reversed(text.tokens[:max(said, key=lambda o: o.start).end + 1])
                    if token.sentence == hit.sentence and _actor(token) and token.surface not in _FIRST_PERSON), None)
    return speaker is not None and _actor(speaker) in ADULTS


def _not_meant(text: _Text, hit: Hit) -> bool:
    """Whether a killing word at *hit* is no threat: a story read aloud, a joke with laughter or tickling (no blow
    or fear beside it), or a child's words in a message that says it is not urgent."""
    if text.in_sentence(hit.sentence, "storytime"):
        return True
    if text.in_sentence(hit.sentence, "joking") and not text.in_sentence(hit.sentence, "fear", "threat", "hit"):
        return True
    return text.has("not_urgent") and _doer(text, hit) in _CHILDREN


def _medicine_given(text: _Text, act: Act) -> bool:
    """Whether a hold over the nose or mouth is play or giving medicine ("höll för näsan tills hon svalde
    medicinen", "höll för munnen tills hon slutade fnissa"): laughter, play or a drill beside it and no blow, fear,
    mark or going limp in the sentence."""
    return (act.kind == "strangle" and text.in_sentence(act.sentence, "disarm", "joking")
            and not text.in_sentence(act.sentence, "fear", "hit", "smothered_until", "injury", "neck", "threat"))


def _hold_in_play(text: _Text, hit: Hit) -> bool:
    """Whether a hold over the mouth or nose at *hit* is told in play or a drill, with no blow, fear, mark, threat
    or going limp in its sentence (the hit form of `_medicine_given`, for the categories)."""
    return text.in_sentence(hit.sentence, "disarm", "joking") and not text.in_sentence(
        hit.sentence, "fear", "hit", "smothered_until", "injury", "neck", "threat")


def _not_urgent_said(text: _Text, hit: Hit) -> bool:
    """Whether an urgency word at *hit* stands inside "ingen akut fråga", "not urgent" (a denial of it)."""
    return any(said.start <= hit.start <= said.end for said in text.of("not_urgent"))


def _disclosures(text: _Text, acts: list[Act]) -> list[str]:
    """The acute codes these rules add (codes of knowledge.acute.ACUTE_CODES), most decisive first."""
    codes = []
    if _killing_paraphrased(text, acts):
        codes.append("threat_to_kill")
    if _banned_at_gate(text):
        codes.append("immediate_danger")
    if _strangled_in_other_words(text):
        codes.append("strangulation")
    sexual = _sexual_euphemism(text)
    if sexual:
        codes.append(sexual)
    if (_hushed_at_night(text) or _sore_after_adult(text)) and "sexual_abuse_home" not in codes:
        codes.append("sexual_abuse_home")
    dread = _dreads_pickup(text, acts)
    if dread:
        codes.append(dread)
    return codes


def _add_disclosures(text: _Text, acts: list[Act], codes: list[str]) -> None:
    """Add the situations of this module to *codes*, before fear of going home (the less decisive codes)."""
    add_before_fear(codes, _disclosures(text, acts))
