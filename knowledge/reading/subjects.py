"""Who a situation is about: the person named before a word (an owner of pills skipped, a he or she resolved to the
adult of that gender named before), and whether a past or time word stands in a sentence. Shared by the emergency
and carer rules."""

from __future__ import annotations

from knowledge.reading.signals import _gender
from knowledge.reading.text import Hit, Token, _actor, _Text
from knowledge.reading.vocabulary import ADULTS, SOURCE_WORDS

SIBLINGS = frozenset({"syster", "systern", "storasyster", "storasystern", "bror", "brodern", "brorsan", "storebror",
                      "storebrodern", "sister", "brother", "sisters", "brothers", "syskon", "syskonen", "siblings"})


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
