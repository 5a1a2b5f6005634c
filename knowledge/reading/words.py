"""Words of a text: tokens with sentence, clause and segment, phrase hits, negation and disarming."""

from __future__ import annotations

import re

from knowledge.language import NEGATIONS, Phrase, lexicon, read_word
from knowledge.reading.text import Hit, Token
from knowledge.reading.vocabulary import (
    ACTORS,
    CLAUSE_WORDS,
    CONTENT_NEGATIONS,
    DISARM_REACH,
    KNOWING,
    NEGATION_AHEAD,
    NEGATION_BEHIND,
    NO_LONGER,
    NOTHING,
    PHRASE_GAP,
    RELEASES,
    SCOPE_WORDS,
    SHARES_NEGATION,
)

_TOKEN = re.compile(
    r"(?P<word>[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+)|(?P<strong>[.!?;\n]+)|(?P<dash>\s[-–—]+\s|[–—]+)|(?P<weak>[,:()\"“”])")


def _tokens(text: str) -> list[Token]:
    """Words with sentence, clause and negation-segment numbers."""
    lowered = text.lower()
    tokens: list[Token] = []
    sentence = clause = segment = piece = 0
    for match in _TOKEN.finditer(lowered):
        kind = match.lastgroup
        if kind in ("strong", "dash") or (kind == "weak" and match.group() in ",:()"):
            piece += 1  # quotation marks stay inside a piece: "ska bli 'ren'", "göra henne \"clean\""
        if kind == "strong":
            sentence, clause, segment = sentence + 1, clause + 1, segment + 1
            continue
        if kind == "dash":
            clause, segment = clause + 1, segment + 1
            continue
        if kind == "weak":
            segment += 1
            continue
        surface = match.group().replace("’", "'")
        if surface in CLAUSE_WORDS:
            # The word stays a token ("för en månad sedan") but opens a new clause ("..., men sen sa hon").
            clause, segment = clause + 1, segment + 1
        elif surface in SCOPE_WORDS:
            segment += 1
        word = read_word(surface)
        tokens.append(Token(len(tokens), surface, word.forms, set(word.concepts), sentence, clause, segment,
                            piece=piece))
    return tokens


def _phrase_end(phrase: Phrase, tokens: list[Token], start: int) -> int | None:
    """The index of the last token of *phrase* matched from *start*, or None."""
    position = start
    for number, element in enumerate(phrase.elements):
        if number == 0:
            if not element.accepts(tokens[start].forms):
                return None
            continue
        reach = PHRASE_GAP + 1 if element.gap_before else 1
        for step in range(1, reach + 1):
            candidate = position + step
            # A phrase stays between two punctuation marks: "när han hämtat, inte idag" is no "hämtat inte".
            if candidate >= len(tokens) or tokens[candidate].piece != tokens[start].piece:
                return None
            if element.accepts(tokens[candidate].forms):
                position = candidate
                break
        else:
            return None
    return position


def _hits(tokens: list[Token]) -> list[Hit]:
    """Single-word and phrase hits, before negation."""
    lex = lexicon()
    hits: list[Hit] = []
    # A phrase can only match if each of its later positions accepts some word of the text: checked once per
    # phrase and text, it spares most attempts of phrases that start with common words ("när", "i", "är").
    present = frozenset().union(*(token.forms for token in tokens))
    viable: dict[int, bool] = {}
    for token in tokens:
        for concept in token.concepts:
            hits.append(Hit(concept, token.index, token.index, token.sentence, token.clause))
        candidates: list[Phrase] = []
        for form in token.forms:
            candidates.extend(lex.phrase_starts.get(form, ()))
        candidates.extend(lex.prefix_phrases)
        for phrase in candidates:
            possible = viable.get(id(phrase))
            if possible is None:
                possible = viable[id(phrase)] = all(
                    element.prefixes or not element.words.isdisjoint(present) for element in phrase.elements[1:])
            if not possible:
                continue
            end = _phrase_end(phrase, tokens, token.index)
            if end is None or end == token.index:
                continue
            hits.append(Hit(phrase.concept, token.index, end, token.sentence, token.clause, phrase.negation))
            if phrase.concept in ACTORS:
                # "mammas nya kille" is one person: every word of it names a parent.
                for inner in tokens[token.index:end + 1]:
                    inner.concepts.add(phrase.concept)
            if phrase.negation and phrase.concept not in SHARES_NEGATION:
                for inner in tokens[token.index:end + 1]:
                    if inner.surface in NEGATIONS:
                        inner.consumed = True
    return hits


def _negate(tokens: list[Token]) -> None:
    """Mark the words a negation denies, within its clause and scope segment."""
    for token in tokens:
        if token.surface not in NEGATIONS or token.consumed:
            continue
        following = tokens[token.index + 1].surface if token.index + 1 < len(tokens) else ""
        previous = (tokens[token.index - 1].surface
                    if token.index > 0 and tokens[token.index - 1].segment == token.segment else "")
        if (following in RELEASES and token.surface not in NOTHING) or previous in KNOWING:
            continue
        scope = [other for other in tokens[token.index + 1:token.index + 1 + NEGATION_AHEAD]
                 if other.segment == token.segment]
        if any(other.surface in NO_LONGER for other in scope[:NEGATION_AHEAD]) or following in NO_LONGER:
            continue  # "pappa slår inte längre", "no longer hits": it happened before
        for other in tokens[token.index + 1:token.index + 1 + NEGATION_AHEAD]:
            if other.segment != token.segment:
                break
            other.negated = True
        for other in tokens[max(0, token.index - NEGATION_BEHIND):token.index]:
            if other.segment == token.segment and other.concepts & {"hit", "intox", "fear", "injury", "danger",
                                                                      "told"}:
                # "säger ingenting" says nothing; "says no one hurts him", "säger ingen slår" tell something.
                if "told" in other.concepts and token.surface in CONTENT_NEGATIONS:
                    continue
                other.negated = True


def _deny_after(tokens: list[Token], hits: list[Hit]) -> None:
    """After "inga tecken på", "ingen oro för", "inget tyder på", "no sign of": the rest up to the next punctuation
    mark is denied ("inga tecken på att någon slår henne, föräldrarna har separerat" keeps the separation)."""
    for hit in hits:
        # "hon säger ingenting om blåmärket" says nothing about a bruise that is there.
        if hit.concept == "no_sign" and not (hit.start and "told" in tokens[hit.start - 1].concepts):
            for other in tokens[hit.end + 1:]:
                if other.piece != tokens[hit.start].piece:
                    break
                other.negated = True


def _stand_it(hit: Hit, tokens: list[Token]) -> bool:
    """Whether an intoxication phrase ending in "stå" is "stå ut" (bear it): "jag kan inte stå ut"."""
    return hit.concept == "intox" and hit.end + 1 < len(tokens) and tokens[hit.end + 1].surface == "ut"


def _near_disarm(hit: Hit, disarms: list[Hit], tokens: list[Token], fiction: set[int]) -> bool:
    """Whether a play, drill, story or meal word stands in the sentence of *hit*, near it.

    A parent or relative named between that word and *hit* ends its reach, unless the sentence is fiction (a
    story, a doll, "i leken"): "vi åt lunch när pappan kom in med en kniv" is a real knife.
    """
    for other in disarms:
        if other.sentence != hit.sentence or abs(other.start - hit.start) > DISARM_REACH:
            continue
        low, high = sorted((other.end, hit.start))
        # The family member between them, or right after the danger word ("en full pappa").
        family = any(token.concepts & {"parent", "relative"} for token in [*tokens[low + 1:high],
                                                                            *tokens[hit.end + 1:hit.end + 3]]
                     if token.sentence == hit.sentence)
        if not family or hit.sentence in fiction:
            return True
    return False
