"""Time, play and telling: now or past, sober or not, in play or not, how long, and who told."""

from __future__ import annotations

from knowledge.reading.text import Act, Hit, Token, _actor, _after_preposition, _Text
from knowledge.reading.vocabulary import (
    ADULTS,
    AFTER_INVERSION,
    AGENT_REACH,
    ARTICLES,
    BOY_WORDS,
    DETERMINERS,
    FEMALE_ENDINGS,
    FINITE_ENDINGS,
    FINITE_SHORT,
    GIRL_WORDS,
    INVERSION_FOLLOWERS,
    LISTENER_WORDS,
    MALE_ENDINGS,
    NOUN_PREPOSITIONS,
    OBJECT_PRONOUNS,
    PLAY_REACH,
    PREPOSITIONS,
    QUANTIFIERS,
    SAYING,
    SOURCE_WORDS,
    TELLER_REACH,
)
from knowledge.reading.words import _near_disarm
from knowledge.text import fold


def _sober(text: _Text, hit: Hit) -> bool:
    """Whether the one who drives or collects at *hit* is said to be sober ("pappan var nykter och körde hem")."""
    piece = text.tokens[hit.start].piece  # "..., idag verkar hon nykter" speaks of another time than the pickup
    return any(text.tokens[sober.start].piece == piece for sober in text.of("sober"))


def _now_near(text: _Text, hit: Hit) -> bool:
    """Whether "now" stands in the comma-delimited segment of *hit*."""
    segment = text.tokens[hit.start].segment
    return any(text.tokens[now.start].segment == segment for now in text.of("now"))


def _past_in_clause(text: _Text, hit: Hit) -> bool:
    """Whether the clause of *hit* is placed in the past or in a pattern (not "för tio minuter sedan": that is now)."""
    recent = text.of("now")
    return any(other.clause == hit.clause and not any(now.start <= other.start <= now.end for now in recent)
               for other in text.of("past_strong", "pattern"))


def _had_before(text: _Text, hit: Hit) -> bool:
    """Whether a pluperfect "hade"/"had" stands just before *hit* ("hade druckit"): it is over."""
    return any(token.surface in {"hade", "had"} for token in text.tokens[max(0, hit.start - 2):hit.start]
               if token.segment == text.tokens[hit.start].segment)


def _past_verb(text: _Text, hit: Hit) -> bool:
    """Whether the verb at *hit* is in the past tense (luktade, smelled)."""
    surface = text.tokens[hit.start].surface
    return surface.endswith(("ade", "ed")) or surface in {"var", "was", "hade", "had", "åkte", "körde", "tog", "drove",
                                                          "took", "cyklade", "gick", "went"}


def _disarmed(text: _Text, hit: Hit) -> bool:
    """Whether *hit* stands in play, a drill, a story or a meal."""
    fiction = {other.sentence for other in text.of("fiction")}
    return _near_disarm(hit, text.of("disarm", "toy"), text.tokens, fiction)


def _in_play(text: _Text, act: Act) -> bool:
    """Whether *act* is told in play, a story or a game: fiction in its sentence, or a play word near it ("i
    dockvrån sa hon 'nu slår pappan mamman'"; not "efter lunch", far from the blow, in "slog henne i natt, han
    hämtar efter lunch")."""
    return text.in_sentence(act.sentence, "fiction") or any(
        other.sentence == act.sentence and abs(other.start - act.start) <= PLAY_REACH
        for other in text.of("disarm", "toy"))


def _nappy_rash(text: _Text, hit: Hit) -> bool:
    """Whether a sore bottom at *hit* is told with an unchanged nappy, without fear and without the genitals named."""
    return (text.in_sentence(hit.sentence, "hygiene") and not text.in_sentence(hit.sentence, "fear")
            and not any("genital" in token.concepts for token in text.tokens[hit.start:hit.end + 1])
            and any(form.startswith(("blöj", "bloj", "nappy", "diaper")) for token in text.tokens
                    if token.sentence == hit.sentence for form in token.forms))


def _duration(text: _Text) -> str | None:
    """How long the concern has lasted, when the text says."""
    if text.has("months"):
        return "months"
    if text.has("weeks"):
        return "weeks"
    if text.has("today", "now"):
        return "today"
    return None


def _child_told(text: _Text) -> bool | None:
    """True when the child has told, False when the text says the child has not, None when it is silent."""
    for hit in text.of("told"):
        if _teller(text, hit) in ("child", "pronoun", "peer"):
            return True
    # "hon har inte sagt något", "vi har inte pratat med barnet än": nothing told (yet); "mamman har inte sagt
    # något" is silent about the child.
    if any((hit.concept == "told" and _teller(text, hit) not in ("parent", "relative", "adult", "staff", "self"))
           or (hit.concept == "talked_with" and _talked_with_child(text, hit)) for hit in text.negated):
        return False
    return None


def _teller(text: _Text, hit: Hit) -> str | None:
    """The kind of person who tells at the telling word *hit* ("pronoun" for an unresolved he or she)."""
    tokens = text.tokens
    if tokens[hit.start].surface in SOURCE_WORDS:
        # "enligt pojken", "according to the little one", "enligt honom själv": the teller follows.
        return next((_actor(token) for token in tokens[hit.end + 1:hit.end + 5]
                     if token.sentence == hit.sentence and _actor(token)), None)
    before = [token for token in reversed(tokens[max(0, hit.start - AGENT_REACH):hit.start])
              if token.sentence == hit.sentence and _actor(token)
              and tokens[max(0, token.index - 1)].surface not in PREPOSITIONS | SOURCE_WORDS]
    after = tokens[hit.end + 1:hit.end + 2]
    teller: Token | None = None
    if (before and before[0].index >= hit.start - TELLER_REACH and before[0].surface not in OBJECT_PRONOUNS
            and before[0].segment == tokens[hit.start].segment):
        teller = _head(text, before[0])
    elif after and _actor(after[0]) in ("pronoun", "child") and after[0].surface not in OBJECT_PRONOUNS and (
            hit.end + 2 >= len(tokens) or tokens[hit.end + 2].clause != hit.clause
            or tokens[hit.end + 2].segment != after[0].segment or _actor(after[0]) == "child"
            or tokens[hit.end + 2].surface in INVERSION_FOLLOWERS):
        # "sa hon" / "berättade pojken" / "säger hon nu att": the teller follows the verb (Swedish inversion).
        teller = after[0]
    elif after and _actor(after[0]) in ADULTS and tokens[hit.start].surface not in SAYING and _ends_inversion(
            tokens, after[0]):
        # "..., sa mamman i telefon", "berättade pappan att ...": an adult tells (but "säga pappa slå" is what the
        # child said, in learner Swedish).
        teller = after[0]
    elif before:
        teller = _head(text, before[0])
    if teller is None:
        return _dropped_teller(text, hit)
    kind = _actor(teller)
    return _pronoun_referent(text, teller) if kind == "pronoun" else kind


def _head(text: _Text, token: Token) -> Token:
    """The person a noun phrase ending in *token* is about: "en av våra flickor" is the girl, "mamman till en av våra
    tvååringar" and "the mother of one of our girls" the mother."""
    tokens = text.tokens
    start = token.index
    while True:
        before = start - 1
        while before >= 0 and tokens[before].surface in DETERMINERS | ARTICLES:
            before -= 1
        if before < 1 or tokens[before].surface not in NOUN_PREPOSITIONS or tokens[before].sentence != token.sentence:
            return token
        owner = tokens[before - 1]
        if owner.surface in QUANTIFIERS:
            start = before - 1  # "en av", "one of": the phrase goes on to the left
            continue
        kind = _actor(owner)
        return owner if kind not in (None, "self", "pronoun") and owner.surface not in OBJECT_PRONOUNS else token


def _ends_inversion(tokens: list[Token], teller: Token) -> bool:
    """Whether the person after a telling verb ends the inversion: the text, the segment or "att" follows."""
    following = tokens[teller.index + 1] if teller.index + 1 < len(tokens) else None
    return following is None or following.segment != teller.segment or following.surface in AFTER_INVERSION


def _dropped_teller(text: _Text, hit: Hit) -> str | None:
    """Who tells when the writer left the subject out ("Berättade idag att hon fick stryk", "told me that ...").

    Staff write about the child: the left-out subject is the child, unless the sentence before names an adult
    as its subject or the one told is an adult ("sa till mamman att ...": the staff member told the mother).
    Only a finite verb with something told about someone after it counts.
    """
    tokens = text.tokens
    verb = tokens[hit.start]
    if not (verb.surface in FINITE_SHORT or verb.surface.endswith(FINITE_ENDINGS)):
        return None
    if any(token.sentence == hit.sentence and _actor(token) and token.surface not in OBJECT_PRONOUNS
           and not _after_preposition(text, token) for token in tokens[:hit.start]):
        return None
    following = [token for token in tokens[hit.end + 1:hit.end + 4] if token.sentence == hit.sentence]
    if following and following[0].surface in LISTENER_WORDS:
        # "sa till mamman att ...", "told it to dad": an adult was told, so the staff member told.
        person = next((token for token in following if _actor(token)), None)
        if person is not None and _actor(person) in ("parent", "relative", "adult"):
            return None
    elif following and _actor(following[0]) in ("parent", "relative", "adult") and verb.surface not in SAYING:
        # "berättade mamman att ..." (the mother told), "told mum that ..." (mum was told); but "says dad hits him".
        return None
    if not any(token.sentence == hit.sentence and _actor(token) and _actor(token) != "self"
               for token in tokens[hit.end + 1:]):
        return None
    earlier = [token for token in tokens[:hit.start] if token.sentence == hit.sentence - 1]
    subject = next((token for token in earlier if _actor(token) and token.surface not in OBJECT_PRONOUNS
                    and not _after_preposition(text, token)), None)
    if subject is not None and _actor(subject) in (*ADULTS, "self"):
        return _actor(subject)
    return "child"


def _gender(token: Token) -> str | None:
    """"f" or "m" when the word names a female or male person, else None."""
    if token.surface in GIRL_WORDS:
        return "f"
    if token.surface in BOY_WORDS:
        return "m"
    word = fold(token.surface)
    if word.endswith(MALE_ENDINGS):
        return "m"
    return "f" if word.endswith(FEMALE_ENDINGS) else None


def _pronoun_referent(text: _Text, pronoun: Token) -> str:
    """The kind of person a he or she who tells stands for: the nearest person of that gender named before it (in
    its sentence or the one before). "Jag pratade med mamman och hon berättade ..." is the mother telling; "pappa
    slog henne, berättade hon" and a he or she with nobody before is the child ("pronoun")."""
    gender = _gender(pronoun)
    if gender is None:
        return "pronoun"
    for token in reversed(text.tokens[:pronoun.index]):
        if token.sentence < pronoun.sentence - 1:
            break
        kind = _actor(token)
        if kind in (None, "self", "pronoun") or _gender(token) not in (gender, None):
            continue  # a he or she before it may stand for the same person: look further back
        if kind in ("child", "peer"):
            return "pronoun"
        if kind in ("parent", "relative", "adult") and _gender(token) == gender:
            return kind
    return "pronoun"


def _talked_with_child(text: _Text, hit: Hit) -> bool:
    """Whether the talk at *hit* is with the child ("pratat med barnet", "talked to her")."""
    return any(_actor(token) in ("child", "pronoun") for token in text.tokens[hit.end + 1:hit.end + 3]
               if token.sentence == hit.sentence)


def _names_doer(text: _Text, sentence: int) -> bool:
    """Whether *sentence* names an adult as the one who did it: "säger att morbror gjorde det", learner "säga
    morbror göra" (not "det gör ont", which says how it feels, nor "efter helgerna hos pappa", which says when)."""
    words = [token for token in text.tokens if token.sentence == sentence]
    adult = any(_actor(token) in ("parent", "relative", "adult") for token in words)
    did = any(hit.sentence == sentence for hit in text.of("blame")) or any(
        "göra" in token.forms and not (token.index + 1 < len(text.tokens)
                                       and text.tokens[token.index + 1].surface in {"ont", "illa"})
        for token in words)
    return adult and did
