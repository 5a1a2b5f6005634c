"""Reading a free text: concepts per clause, negation in its scope, time, who does what to whom, and the situations.

`read(text)` runs on the raw text in memory and returns codes only. The situations it recognises are the
ones DOMAIN.md names; the words behind them live in `data/concepts.yaml`, the rules here:
- clauses end at . ! ? ; line breaks, dashes and "men"/"but"; a negation denies what follows it (or the verb
  just before it) up to a comma, "och", "som", "att" and the like — so "Mamman kan inte skydda henne mot
  pappan som slår henne" still reads as violence;
- concepts co-occur within a clause or a sentence in any order (Swedish V2: "Igår slog pappa honom");
- the agent of an act is the nearest person before it in the clause, else the nearest after it; a pronoun
  agent is an adult only when an adult was named earlier in the sentence;
- time: an intoxicated guardian counts as *now* unless the sentence places it in the past or in a pattern;
- play, drills, stories and meals ("kniv och gaffel", "vi övade brandlarm ... 112") disarm weapon, killing,
  112, danger and intoxication words in their sentence; fiction (a film, a doll's game) disarms a beating
  nobody is named for.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from knowledge.language import warm_up
from knowledge.reading.acute import _acute
from knowledge.reading.alone_now import _add_alone_now
from knowledge.reading.carers import _add_carers, _add_past_intoxication
from knowledge.reading.categories import _categorise
from knowledge.reading.chunks import acute_in_pieces
from knowledge.reading.demote import _demote
from knowledge.reading.disclosure import _add_disclosures
from knowledge.reading.emergency import _add_emergencies
from knowledge.reading.explained import _add_reports, _aliased
from knowledge.reading.home_care import _add_home_care
from knowledge.reading.injuries import _symptoms_not_intoxication
from knowledge.reading.sent_away import _add_cut_done, _add_sent_away
from knowledge.reading.sick_now import _add_sick_now
from knowledge.reading.signals import _child_told, _duration
from knowledge.reading.text import Act, Reading, Token, _acts, _Text
from knowledge.reading.told import _add_told, _categorise_told
from knowledge.reading.told8 import _add_told8
from knowledge.reading.told8_reports import _add_told8_reports
from knowledge.reading.unfit import _add_unfit
from knowledge.reading.vocabulary import ACTORS, DISARMABLE, SIGNAL_CODES
from knowledge.reading.words import _deny_after, _hits, _near_disarm, _negate, _stand_it, _tokens

__all__ = ["SIGNAL_CODES", "Reading", "one_reading", "read", "warm_up"]

# Concepts that set the scene of a message but tell nothing that could be a danger on its own: a sentence holding only
# these ("Vi har beställt nya reflexvästar nästa vecka", "Hej! Vi hade vattenlek i morse") is ordinary news, and a
# long message's pieces are read only where a sentence holds something else (knowledge/reading/chunks.py).
CONTEXT_ONLY = frozenset({"animal", "child", "disarm", "fiction", "future", "garment", "here_place", "home",
                          "imminent", "near_date", "neck_innocent", "not_urgent", "now", "pattern", "potty",
                          "since_recent", "soon", "storytime", "today", "told", "toy", "weeks", "months"})


def _language(tokens: Iterable[Token]) -> str:
    """"en" when English function words outnumber Swedish ones."""
    english = {"the", "is", "and", "she", "he", "her", "his", "my", "to", "of", "with", "has", "have", "was",
               "it", "in", "at", "on", "a", "i", "we", "our", "they", "said", "told", "this"}
    swedish = {"och", "att", "det", "är", "hon", "han", "inte", "på", "med", "som", "har", "en", "ett", "jag",
               "vi", "för", "till", "av", "om", "sa", "var", "den", "de", "i"}
    words = [token.surface for token in tokens]
    en = sum(word in english for word in words)
    sv = sum(word in swedish for word in words)
    return "en" if en > sv else "sv"


# One turn's readings, by a digest of the text (never the text): see `one_reading`.
_turn_readings: ContextVar[dict[bytes, Reading] | None] = ContextVar("samrad_turn_readings", default=None)
# A turn reads a handful of texts (the message, a head of it); past this many the memory starts again.
TURN_READINGS = 8


@contextmanager
def one_reading() -> Iterator[None]:
    """Within this block (the bot wraps each turn in it) a text is read once: `assess`, `understand` and `is_acute`
    on the same message share one reading, and a long message is not read in pieces three times. The memory holds
    only digests and codes, and ends with the block."""
    token = _turn_readings.set({})
    try:
        yield
    finally:
        _turn_readings.reset(token)


def read(text: str) -> Reading:
    """Read *text* (raw, in memory); inside `one_reading`, each distinct text only once (a copy each time)."""
    memory = _turn_readings.get()
    if memory is None:
        return _read(text)
    key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    if key not in memory:
        if len(memory) >= TURN_READINGS:
            memory.clear()
        memory[key] = _read(text)
    return copy.deepcopy(memory[key])


def _read(text: str) -> Reading:
    """Read *text* (raw, in memory) into concepts, acute situations, categories, signals and reasons; a long text
    with no acute situation is also read in pieces for it (knowledge/reading/chunks.py)."""
    text_, acts, reading = _read_acute(text)
    if not reading.acute:
        # A sentence can frame the pieces ("inte akut") only if the whole text holds that concept at all.
        framed = "not_urgent" in reading.concepts
        reading.acute.extend(acute_in_pieces(
            text, _piece_acute,
            lambda sentence: framed and "not_urgent" in _read_acute(sentence)[2].concepts,
            lambda part: any(hit.concept not in CONTEXT_ONLY for hit in _hits(_tokens(part)))))
    _categorise(text_, acts, reading)
    _categorise_told(text_, acts, reading)
    _add_told8_reports(text_, reading)  # the fresh8 report families: an adult's hand, sexual play, a flinch
    _add_past_intoxication(text_, reading)
    _add_reports(text_, reading)  # needles among the child's things, drugs at home as a habit
    _add_cut_done(text_, reading)  # a girl back from a trip, closed or made clean already: a report
    _add_home_care(text_, reading)  # care left undone at home: untreated, cold all season, drinking told
    reading.duration = _duration(text_)
    reading.child_told = _child_told(text_)
    if reading.child_told:
        reading.signals.add("child_told")
    return reading


def _piece_acute(piece: str) -> list[str]:
    """The acute situations of a piece of a long text, after the same taking back as a whole reading."""
    text_, _acts_of_piece, reading = _read_acute(piece)
    _demote(text_, reading)
    return reading.acute


def _read_acute(text: str) -> tuple[_Text, list[Act], Reading]:
    """The first half of `read`: concepts, question, safety said and the acute situations (what a piece needs)."""
    warm_up()
    tokens = _tokens(text)
    hits = _aliased(_hits(tokens), tokens)  # the carers7 concepts that widen older ones
    _negate(tokens)
    _deny_after(tokens, hits)
    idioms = [hit for hit in hits if hit.concept == "idiom"]
    hits = [hit for hit in hits if hit.concept in ACTORS or hit.concept == "idiom" or not any(
        idiom.start <= hit.start <= idiom.end for idiom in idioms)]
    for idiom in idioms:
        for token in tokens[idiom.start:idiom.end + 1]:
            token.concepts &= set(ACTORS) | {"idiom"}
    disarms = [hit for hit in hits if hit.concept in ("disarm", "toy")]
    # Play, drills, stories and meals make weapons, killing, 112 and intoxication words near them harmless.
    fiction = {hit.sentence for hit in hits if hit.concept == "fiction"}
    text_ = _Text(tokens, [hit for hit in hits
                           if not (hit.concept in DISARMABLE and _near_disarm(hit, disarms, tokens, fiction))
                           and not _stand_it(hit, tokens)])
    _symptoms_not_intoxication(text_)  # a poisoned child slurs: no intoxicated adult
    acts = _acts(text_)
    reading = Reading(concepts=set(text_.by), language=_language(tokens))
    reading.question = "?" in text or bool(tokens and tokens[0].surface in {
        "hur", "vad", "när", "var", "vem", "vilken", "vilka", "måste", "ska", "får", "kan", "how", "what", "when",
        "where", "who", "should", "can", "must", "do", "does"})
    reading.safe_said = any(hit.concept in ("danger", "fear") for hit in text_.negated)
    reading.acute = _acute(text_, acts)
    _add_emergencies(text_, reading.acute)
    _add_carers(text_, reading.acute)  # a child with no fit carer now, a girl cut or about to be
    _add_unfit(text_, reading.acute)  # an adult unfit now with the child, in words the intoxication rules miss
    _add_alone_now(text_, reading.acute)  # a small child alone now in a stairwell, a pram, behind a door
    _add_sent_away(text_, reading.acute)  # a trip abroad within days under coercion, or to be cut
    _add_sick_now(text_, reading.acute)  # a gravely ill child with no medicine and nobody coming
    _add_disclosures(text_, acts, reading.acute)
    _add_told(text_, acts, reading.acute)  # acute situations told in everyday words
    _add_told8(text_, acts, reading)  # the fresh8 families: heaven, arson, ill and uncollected, staff now
    return text_, acts, reading
