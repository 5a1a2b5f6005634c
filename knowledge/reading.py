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

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from knowledge.language import NEGATIONS, Phrase, lexicon, read_word, warm_up
from knowledge.text import fold

# How many words after a negation it may deny, and how many before it (a verb: "slår inte").
NEGATION_AHEAD = 5
NEGATION_BEHIND = 2
# How far (in words) an agent or a patient may stand from the act it belongs to.
AGENT_REACH = 8
PATIENT_REACH = 6
TELLER_REACH = 3
# How far back (in words) the subject of a coordinated verb may stand ("X kommer in ... och tar på henne").
COORDINATION_REACH = 16
PHRASE_GAP = 3
# Play, a drill, a story or a meal disarms danger words this near (in words, same sentence): a long run-on
# message can mention lunch and then, twenty words on, a drunk father.
DISARM_REACH = 16
# How near a play word must stand to make an act play (tighter than DISARM_REACH: acts are the worst news).
PLAY_REACH = 6
# How near (in words) a home word must stand to a fear word to make fear about going home.
FEAR_HOME_REACH = 6

_TOKEN = re.compile(
    r"(?P<word>[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+)|(?P<strong>[.!?;\n]+)|(?P<dash>\s[-–—]+\s|[–—]+)|(?P<weak>[,:()\"“”])")
# These end a clause (as the dash does).
CLAUSE_WORDS = frozenset({"men", "but", "although", "though", "sen", "sedan", "then"})
# These end a negation's scope without ending the clause.
SCOPE_WORDS = frozenset({"och", "o", "som", "att", "eftersom", "när", "for", "för", "då", "medan", "fast", "and",
                         "who", "which", "that", "because", "when", "while", "so", "om"})
# A negation followed by these opens a doubt rather than denying: "vet inte om", "inte bara", "not sure".
RELEASES = frozenset({"om", "huruvida", "bara", "endast", "enbart", "sakert", "säkert", "if", "whether", "only",
                      "just", "sure", "certain"})
# "säger ingenting om", "nothing about": these deny even before a release word.
NOTHING = frozenset({"ingenting", "inget", "nothing"})
# "inte längre", "no longer", "anymore": the act happened before, so the negation does not deny it.
NO_LONGER = frozenset({"längre", "langre", "anymore", "longer"})
# Negations that start what is said rather than deny the saying before them ("says no one", "säger ingen").
CONTENT_NEGATIONS = frozenset({"ingen", "nobody", "no", "none", "noone"})
# A negation after these is about the writer's knowledge, not the event: "jag vet inte varför ...".
KNOWING = frozenset({"vet", "vete", "know", "sure", "säker", "saker"})

# Signal codes the dialog may show back ("Jag uppfattade: ...") and the note may keep.
SIGNAL_CODES = (
    "injury",  # marks, bruises, burns, fractures seen
    "child_told",  # the child has said something
    "retracted",  # the child told and then took it back (still reportable)
    "ongoing_now",  # happening now / today
    "afraid_to_go_home",
    "intoxicated_now",  # a guardian intoxicated now, about to take the child
    "staff_suspected",  # a colleague or substitute is suspected
    "witnessed_violence",  # the child witnesses violence at home
    "repeated",  # a pattern: often, again, several times
)
ACTORS = ("parent", "relative", "staff", "adult", "child", "peer", "pronoun", "self")
ADULTS = frozenset({"parent", "relative", "staff", "adult"})
# Acts that hurt the body: with fear or reluctance to go home they make a situation acute.
HARMING_ACTS = frozenset({"hit", "shake", "burn_act", "strangle"})
# How far after "tar på" a garment makes it dressing ("tar på henne den tjocka jackan").
GARMENT_REACH = 4
ACTS = ("hit", "shake", "burn_act", "strangle", "touch", "lock_in", "force_feed", "emotional_abuse", "rough", "blame",
        "threat")
PRONOUNS = frozenset({"han", "hon", "he", "she", "de", "they"})
OBJECT_PRONOUNS = frozenset({"henne", "honom", "mig", "mej", "dej", "dig", "her", "him", "me", "dem", "them", "oss",
                             "us"})
SELF = frozenset({"jag", "vi", "we"})
# Talking about these at all is the concern ("flickor som inte är omskurna är orena"), so negation does not apply.
# Phrases whose negation still denies the words inside them: "har inte sagt hur" is unexplained *and* nothing told.
SHARES_NEGATION = frozenset({"unexplained", "no_sign"})
NEVER_NEGATED = frozenset({"fgm", "honour", "control", "retract", "secrecy", "unresponsive", "unexplained"})
# "får stryk", "blev slagen": the child is the one hit; the agent, if named, follows "av"/"by".
PASSIVE_CUES = frozenset({"får", "fick", "få", "fått", "blir", "blev", "bli", "blivit", "got", "gets", "get", "gotten",
                          "was", "is", "been", "being"})
# A parent who tells (berättar, nämner, förklarar) of an accident told first; "mamma säger att han ramlade" when asked
# keeps the injury a sign.
TOLD_FIRST = ("berätt", "told", "mention", "nämn", "förklar", "explain", "beskr", "descri")
# What a retraction may deny and still count.
DENIABLE = frozenset({"hit", "violence", "burn_act", "strangle", "shake", "sexual_abuse", "touch"})
DRINKING = frozenset({"dricka", "drink"})
DISARMABLE = frozenset({"weapon", "kill", "number", "danger", "intox", "intox_smell", "threat"})
GIVING = frozenset({"ge", "ger", "gav", "give", "gives", "gave"})
PREPOSITIONS = frozenset({"till", "av", "för", "på", "med", "hos", "om", "of", "to", "for", "with", "about"})
# A phrase that starts with these tells of what was done ("blev fixad", "was cut"), not of what is planned.
DONE_WORDS = frozenset({"blev", "was", "got"})
STATE_WORDS = frozenset({"ar", "är", "var", "verkar", "is", "are", "was", "were", "blev"})
# A person after one of these is the object of a preposition, never the agent of the next act ("säger fula saker
# till barnen och låser in dem": the one who locks in is the adult, not the children).
OBJECT_PREPOSITIONS = PREPOSITIONS | {"i", "in", "från", "mot", "åt", "bland", "at", "on", "from", "into", "towards",
                                      "among", "enligt"}
# "enligt pojken", "according to the girl": the person after these is the one who told, never the agent of an act.
SOURCE_WORDS = frozenset({"enligt", "according"})
# "berättade för pappan", "sa till mamman", "told mum": the person after the telling verb (and these) is the listener.
LISTENER_WORDS = frozenset({"till", "för", "to", "med", "with", "åt"})
# A telling verb ending so (or "sa") is finite and may have lost its subject ("Berättade idag att ..."); "berätta" and
# "tell" (imperative or infinitive) never drop one.
FINITE_ENDINGS = ("r", "t", "de", "te", "d", "s")
FINITE_SHORT = frozenset({"sa", "sade"})
# "säger hon nu att", "sa han också att": words that may follow an inverted pronoun teller.
INVERSION_FOLLOWERS = frozenset({"nu", "idag", "också", "även", "då", "ju", "igen", "ofta", "bara", "själv", "sen",
                                 "sedan", "ibland", "alltid", "att", "now", "also", "that", "again"})
# What may follow an inverted adult teller ("sa mamman i telefon", "berättade pappan att").
AFTER_INVERSION = frozenset({"att", "i", "på", "vid", "idag", "igår", "till", "för", "också", "själv", "that", "on",
                             "at", "to", "yesterday", "today"})
# Noun phrases: "mamman till ett barn", "en av våra flickor", "the mother of one of our girls".
NOUN_PREPOSITIONS = frozenset({"till", "av", "of", "hos", "från", "from", "på", "i", "in", "med", "with"})
QUANTIFIERS = frozenset({"en", "ett", "ena", "one", "några", "två", "tre", "någon", "något", "some", "several",
                         "many", "two", "three", "each", "any", "flera", "många"})
# English verbs of saying that take no bare listener: the person after them starts what was said ("says dad hits").
SAYING = frozenset({"says", "said", "mentions", "mentioned", "whispers", "whispered", "claims", "claimed", "admits",
                    "admitted", "explains", "explained", "discloses", "disclosed", "reveals", "revealed"})
# Who a pronoun teller may be: a parent or relative of the pronoun's gender named just before it ("Jag pratade med
# mamman och hon berättade ..." is the mother telling). Endings of the folded word; male is checked first.
MALE_ENDINGS = ("pappa", "pappan", "far", "fadern", "farsan", "farsa", "dad", "daddy", "father", "stepdad", "bror",
                "brodern", "brorsan", "brother", "uncle", "grandpa", "grandfather", "grandad", "baba", "aabo", "aabe",
                "abu", "babo", "bavo", "mannen", "husband", "maken", "pojkvan", "boyfriend", "gubben", "snubben")
FEMALE_ENDINGS = ("mamma", "mamman", "mor", "modern", "morsan", "morsa", "mum", "mummy", "mom", "mommy", "mother",
                  "stepmom", "moster", "mostern", "faster", "fastern", "aunt", "grandma", "grandmother", "granny",
                  "nana", "hooyo", "mama", "maman", "ummi", "anne", "adey", "kvinnan", "woman", "frun", "wife",
                  "tanten", "flickvan", "girlfriend", "syster", "systern", "sister")
FEMALE_PRONOUNS = frozenset({"hon", "she"})
MALE_PRONOUNS = frozenset({"han", "he"})
ARTICLES = frozenset({"en", "ett", "den", "det", "de", "a", "an", "the"})
# Before these "döda" is an adjective (dead), not a verb: "sin döda farfar", "the dead bird".
DETERMINERS = frozenset({"sin", "sina", "hans", "hennes", "deras", "min", "mina", "din", "dina", "vår", "våra", "den",
                         "det", "de", "dess", "the", "a", "his", "her", "their", "my"})
GIRL_WORDS = frozenset({"flicka", "flickan", "dotter", "dottern", "hon", "henne", "girl", "she", "her", "daughter",
                        "lillasyster", "tjejen", "lillan", "flickans", "dotterns", "sister", "sisters", "syster",
                        "systrar", "systern", "storasyster", "tjej", "tjejer", "flickor", "döttrar", "daughters",
                        "girls"})
BOY_WORDS = frozenset({"pojke", "pojken", "pojkar", "son", "sonen", "han", "honom", "boy", "he", "him", "grabben",
                       "killen", "lillkillen", "lillebror", "brother", "bror", "storebror"})


@dataclass(slots=True)
class Token:
    """One word of the text with its concepts and where it stands."""

    index: int
    surface: str
    forms: frozenset[str]
    concepts: set[str]
    sentence: int
    clause: int
    segment: int
    negated: bool = False
    consumed: bool = False
    piece: int = 0  # between punctuation marks: a phrase never reaches across a comma


@dataclass(frozen=True, slots=True)
class Hit:
    """A concept found at tokens start..end (inclusive)."""

    concept: str
    start: int
    end: int
    sentence: int
    clause: int
    immune: bool = False


@dataclass(frozen=True, slots=True)
class Act:
    """An act (hitting, touching, ...) with the kind of person doing it and the kind of person it is done to."""

    kind: str
    agent: str | None
    patient: str | None
    sentence: int
    clause: int
    now: bool
    now_nearby: bool = False  # "now" in the act's own comma-delimited segment, not just its clause
    start: int = 0  # the act's first word


@dataclass(slots=True)
class Reading:
    """Everything recognised in one text, as codes."""

    concepts: set[str] = field(default_factory=set)
    acute: list[str] = field(default_factory=list)
    categories: set[str] = field(default_factory=set)
    signals: set[str] = field(default_factory=set)
    reasons: set[str] = field(default_factory=set)
    report: bool = False
    staff_suspected: bool = False
    duration: str | None = None
    child_told: bool | None = None
    safe_said: bool = False
    question: bool = False
    language: str = "sv"


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
    for token in tokens:
        for concept in token.concepts:
            hits.append(Hit(concept, token.index, token.index, token.sentence, token.clause))
        candidates: list[Phrase] = []
        for form in token.forms:
            candidates.extend(lex.phrase_starts.get(form, ()))
        candidates.extend(lex.prefix_phrases)
        for phrase in candidates:
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


def _actor(token: Token) -> str | None:
    """The kind of person a word names, if any."""
    if token.surface in SELF:
        return "self"
    if token.surface in PRONOUNS:
        return "pronoun"
    for kind in ("staff", "parent", "relative", "adult", "peer", "child"):
        if kind in token.concepts:
            return kind
    return None


class _Text:
    """Hits of one text, with the lookups the situation rules need."""

    def __init__(self, tokens: list[Token], hits: list[Hit]) -> None:
        self.tokens = tokens
        self.hits = [hit for hit in hits if hit.immune or hit.concept in NEVER_NEGATED or not tokens[hit.start].negated]
        self.negated = [hit for hit in hits
                        if not (hit.immune or hit.concept in NEVER_NEGATED) and tokens[hit.start].negated]
        self.by: dict[str, list[Hit]] = {}
        for hit in self.hits:
            self.by.setdefault(hit.concept, []).append(hit)
        # "Sprutor hos BVC" are vaccinations, not a drug user's syringes: a word that is both, beside other care.
        medical = self.by.get("medical", [])
        if "substance" in self.by and medical:
            self.by["substance"] = [hit for hit in self.by["substance"] if not any(
                care.start == hit.start for care in medical) or not any(
                care.sentence == hit.sentence and care.start != hit.start for care in medical)]
            if not self.by["substance"]:
                del self.by["substance"]
        # "Hon säger nu att ...", "förnekar nu", "now says": that "now" is when the child tells, not when the act
        # happens; it places nothing it reports in the present.
        if "now" in self.by:
            speech = [hit for hit in hits if hit.concept in ("told", "retract")]  # negated too: "nu säga nej"
            kept = [now for now in self.by["now"]
                    if not any(now.start == said.end + 1 or now.end + 1 == said.start for said in speech)]
            if kept:
                self.by["now"] = kept
            else:
                del self.by["now"]

    def has(self, *concepts: str) -> bool:
        """Whether any of *concepts* is present (not negated) anywhere."""
        return any(concept in self.by for concept in concepts)

    def of(self, *concepts: str) -> list[Hit]:
        """The hits of *concepts*."""
        return [hit for concept in concepts for hit in self.by.get(concept, ())]

    def in_sentence(self, sentence: int, *concepts: str) -> bool:
        """Whether any of *concepts* occurs in *sentence*."""
        return any(hit.sentence == sentence for hit in self.of(*concepts))

    def in_clause(self, clause: int, *concepts: str) -> bool:
        """Whether any of *concepts* occurs in *clause*."""
        return any(hit.clause == clause for hit in self.of(*concepts))

    def sentences(self, *concepts: str) -> set[int]:
        """The sentences where any of *concepts* occurs."""
        return {hit.sentence for hit in self.of(*concepts)}

    def actors(self, hit: Hit) -> tuple[list[Token], list[Token]]:
        """People named before and after *hit* in its clause, nearest first."""
        before = [token for token in reversed(self.tokens[max(0, hit.start - AGENT_REACH):hit.start])
                  if token.clause == hit.clause and _actor(token)]
        after = [token for token in self.tokens[hit.start + 1:hit.end + 1 + PATIENT_REACH]
                 if token.clause == hit.clause and _actor(token)]
        return before, after

    def adult_before(self, hit: Hit) -> bool:
        """Whether an adult is named earlier in the sentence of *hit* (a pronoun may then refer to them)."""
        return any(token.sentence == hit.sentence and _actor(token) in ADULTS
                   for token in self.tokens[:hit.start])


def _resolve(text: _Text, token: Token, hit: Hit) -> str:
    """The kind of person a pronoun agent stands for: the nearest adult named before it in the sentence."""
    for earlier in reversed(text.tokens[:token.index]):
        if earlier.sentence != hit.sentence:
            break
        kind = _actor(earlier)
        if kind in ADULTS:
            return kind
    return "pronoun"


def _after_preposition(text: _Text, token: Token) -> bool:
    """Whether *token* is the object of a preposition: "till barnen", "åt en treåring", "at the kids"."""
    previous = [other.surface for other in text.tokens[max(0, token.index - 2):token.index]]
    if previous and previous[-1] in ARTICLES:
        previous = previous[:-1]
    return bool(previous) and previous[-1] in OBJECT_PREPOSITIONS


def _agent_patient(text: _Text, hit: Hit) -> tuple[str | None, str | None]:
    """Who does the act at *hit* and to whom, as actor kinds ("child" for an unnamed child object)."""
    before, after = text.actors(hit)
    previous = {token.surface for token in text.tokens[max(0, hit.start - 2):hit.start + 1]}
    # "is hitting" is no passive: an English -ing form is the act itself.
    if previous & PASSIVE_CUES and hit.concept == "hit" and not text.tokens[hit.start].surface.endswith("ing"):
        by = [token for token in text.tokens[hit.end + 1:hit.end + 4]
              if token.surface in {"av", "by"} and token.clause == hit.clause]
        agent_token = next((token for token in after if by and token.index > by[0].index), None)
        return (_actor(agent_token) if agent_token else None), "child"
    # Objects are not agents: "henne" in "slår henne", the child in "ge en tvååring en örfil", "till barnen".
    before = [token for token in before if token.surface not in OBJECT_PRONOUNS and not (
        _actor(token) == "child" and text.tokens[max(0, token.index - 2)].surface in GIVING) and not (
        _after_preposition(text, token) and _actor(token) in ("child", "peer"))]
    agent_token = before[0] if before else None
    agent = _actor(agent_token) if agent_token else None
    if agent == "child" and agent_token is not None and any(
            token.surface in {"och", "o", "and"} for token in text.tokens[agent_token.index + 1:hit.start]):
        # "vikarien håller fast en pojke och trycker knät mot honom": the second verb shares the first one's subject.
        subject = next((token for token in before[1:] if _actor(token) in ADULTS), None)
        if subject is not None:
            agent_token, agent = subject, _actor(subject)
    if agent == "pronoun" and agent_token is not None:
        agent = _resolve(text, agent_token, hit)
    if agent in (None, "pronoun", "self"):
        # Swedish V2: "Igår slog pappa honom" puts the subject right after the verb.
        right_after = [token for token in after[:2] if token.index <= hit.end + 2 and _actor(token) in ADULTS]
        if right_after:
            agent_token, agent = right_after[0], _actor(right_after[0])
    if agent is None:
        # "styvpappan kommer in i hennes rum på natten och tar på henne": a coordinated verb far from its subject.
        subject = _coordinated_subject(text, hit)
        if subject is not None:
            agent_token, agent = subject, _actor(subject)
    patients = [token for token in after if token is not agent_token and _actor(token) not in (None, "self")]
    patient = _actor(patients[0]) if patients else None
    if patient == "pronoun" or (patients and patients[0].surface in OBJECT_PRONOUNS):
        patient = "child"
    return agent, patient


def _coordinated_subject(text: _Text, hit: Hit) -> Token | None:
    """The adult subject of the verb before "och"/"and" in the clause of *hit*, if *hit* is a coordinated verb."""
    clause = [token for token in text.tokens[max(0, hit.start - COORDINATION_REACH):hit.start]
              if token.clause == hit.clause]
    joins = [token for token in clause if token.surface in {"och", "o", "and"}]
    if not joins:
        return None
    return next((token for token in clause if token.index < joins[-1].index and _actor(token) in ADULTS
                 and token.surface not in OBJECT_PRONOUNS and not _after_preposition(text, token)), None)


def _acts(text: _Text) -> list[Act]:
    """Acts with their agent and patient kinds."""
    acts = []
    for hit in text.of(*ACTS):
        agent, patient = _agent_patient(text, hit)
        if hit.concept == "blame" and (agent_is_pronoun(text, hit) or _next_word(text, hit) in {"själv", "sjalv"}):
            continue
        if patient == "peer":
            # Children hitting each other is a matter for the preschool, not a concern about home.
            continue
        if any(other.start <= hit.start <= other.end for other in text.of("accident")):
            continue  # "slog sig" is a fall, not a blow
        if hit.concept in ("hit", "rough") and text.in_sentence(hit.sentence, "play_fight"):
            continue  # "he said mum hit him, then laughed: a pillow fight"
        if hit.concept == "touch" and hit.start and text.tokens[hit.start - 1].surface in {"det", "it", "de"}:
            continue  # "det gör ont i snippan" says how it feels, not who did it
        if hit.concept == "touch" and any(hit.end < garment.start <= hit.end + GARMENT_REACH
                                          for garment in text.of("garment")):
            continue  # "tar på henne jackan" dresses the child
        if hit.concept in ("hit", "rough") and text.in_sentence(hit.sentence, "medical") and not any(
                _actor(token) in ADULTS for token in text.tokens[max(0, hit.start - AGENT_REACH):hit.start]):
            continue  # "sprutan gjorde ont": care that hurt, nobody hurt the child
        if _animal_object(text, hit) and any("kill" in token.concepts for token in text.tokens[hit.start:hit.end + 3]):
            continue  # "slog ihjäl en spindel" is no blow to anyone (but "sparkar hunden" stays violence at home)
        segment = text.tokens[hit.start].segment
        nearby = any(text.tokens[now.start].segment == segment for now in text.of("now"))
        # "slår inte längre": over, whatever "nu" stands in the clause.
        over = any(token.surface in NO_LONGER for token in text.tokens if token.segment == segment)
        acts.append(Act(hit.concept, agent, patient, hit.sentence, hit.clause,
                        text.in_clause(hit.clause, "now") and not over, nearby and not over, hit.start))
    return acts


def _animal_object(text: _Text, hit: Hit) -> bool:
    """Whether the first person or animal after the act at *hit* (in its clause) is an animal."""
    animals = {other.start for other in text.of("animal")}
    for token in text.tokens[hit.end + 1:hit.end + 1 + PATIENT_REACH]:
        if token.clause != hit.clause:
            return False
        if token.index in animals:
            return True
        if _actor(token) and token.surface not in {"sig", "himself", "herself"}:
            return False
    return False


def agent_is_pronoun(text: _Text, hit: Hit) -> bool:
    """Whether the person right before *hit* in its clause is only a pronoun."""
    before, _ = text.actors(hit)
    return bool(before) and _actor(before[0]) in ("pronoun", "self")


def _next_word(text: _Text, hit: Hit) -> str:
    return text.tokens[hit.end + 1].surface if hit.end + 1 < len(text.tokens) else ""


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
        done = previous in STATE_WORDS or text.tokens[hit.start].surface in DONE_WORDS  # "hon blev fixad där"
        if done and not text.in_sentence(hit.sentence, "future"):
            continue
        if text.in_sentence(hit.sentence, "distant", "conditional"):
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


def _nearest_adult_is_male(text: _Text, token: Token, hit: Hit) -> bool:
    """Whether the adult a "hon" would be resolved to is a man (then "hon" is someone else: the child)."""
    for earlier in reversed(text.tokens[:token.index]):
        if earlier.sentence != hit.sentence:
            break
        if _actor(earlier) in ADULTS:
            return "male_adult" in earlier.concepts
    return False


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
    if _animal_object(text, hit):
        return False
    between_children = text.in_sentence(hit.sentence, "peer") and not any(
        token.sentence == hit.sentence and _actor(token) in ADULTS for token in text.tokens)
    return not between_children


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
            or any(not _disarmed(text, hit) for hit in text.of("danger"))):
        codes.append("immediate_danger")
    # Violence happening now by someone not named as a child ("han slår henne just nu") is answered with 112:
    # when it is unclear who hits, the safe reading is an adult.
    if any(act.kind in ("hit", "shake", "strangle") and act.now and (
            act.agent in ADULTS or (act.agent in (None, "pronoun") and act.now_nearby))
           and not _in_play(text, act) for act in acts):
        codes.append("ongoing_violence")
    # "kunde inte andas genom näsan" with a cold is no strangling: with an illness named, only an adult's act counts.
    strangled = any(act.kind == "strangle" and act.patient not in ("parent",) and not (
        act.agent not in ADULTS and text.in_sentence(act.sentence, "illness")) for act in acts)
    napes = text.of("nape")
    neck_marks = any(text.in_clause(hit.clause, "injury") and not any(
        nape.start <= hit.start <= nape.end for nape in napes) for hit in text.of("neck"))
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
                      and not _disarmed(text, hit) for hit in text.of("intox"))
    if (staff_harm and (text.has("still_here") or any(act.now and act.agent == "staff" for act in acts))) or (
            staff_drunk):
        codes.append("immediate_danger")
    # A parent who cannot be woken now, with the child alone or come on its own: danger now, for both.
    if any(not text.in_sentence(hit.sentence, "pattern", "past_strong", "distant") and (
            text.in_sentence(hit.sentence, "now", "today") or text.has("unaccompanied", "alone"))
           for hit in text.of("unresponsive")) and "immediate_danger" not in codes:
        codes.append("immediate_danger")
    # A young child alone at home now ("lillebror på 2 år är ensam hemma, mamma har gått"): immediate danger, not
    # a pattern told afterwards ("får ofta vara ensam hemma" is a report).
    alone_now = any(text.in_sentence(hit.sentence, "now", "today") and not text.in_sentence(
        hit.sentence, "pattern", "past_strong", "distant", "conditional") for hit in text.of("alone"))
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


def read(text: str) -> Reading:
    """Read *text* (raw, in memory) into concepts, acute situations, categories, signals and reasons."""
    warm_up()
    tokens = _tokens(text)
    hits = _hits(tokens)
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
    acts = _acts(text_)
    reading = Reading(concepts=set(text_.by), language=_language(tokens))
    reading.question = "?" in text or bool(tokens and tokens[0].surface in {
        "hur", "vad", "när", "var", "vem", "vilken", "vilka", "måste", "ska", "får", "kan", "how", "what", "when",
        "where", "who", "should", "can", "must", "do", "does"})
    reading.safe_said = any(hit.concept in ("danger", "fear") for hit in text_.negated)
    reading.acute = _acute(text_, acts)
    _categorise(text_, acts, reading)
    reading.duration = _duration(text_)
    reading.child_told = _child_told(text_)
    if reading.child_told:
        reading.signals.add("child_told")
    return reading


def _stand_it(hit: Hit, tokens: list[Token]) -> bool:
    """Whether an intoxication phrase ending in "stå" is "stå ut" (bear it): "jag kan inte stå ut"."""
    return hit.concept == "intox" and hit.end + 1 < len(tokens) and tokens[hit.end + 1].surface == "ut"


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


def _nappy_rash(text: _Text, hit: Hit) -> bool:
    """Whether a sore bottom at *hit* is told with an unchanged nappy, without fear and without the genitals named."""
    return (text.in_sentence(hit.sentence, "hygiene") and not text.in_sentence(hit.sentence, "fear")
            and not any("genital" in token.concepts for token in text.tokens[hit.start:hit.end + 1])
            and any(form.startswith(("blöj", "bloj", "nappy", "diaper")) for token in text.tokens
                    if token.sentence == hit.sentence for form in token.forms))


def _categorise(text: _Text, acts: list[Act], reading: Reading) -> None:
    """Concern categories, signals, report grounds and reasons from the hits and acts."""
    cats, signals, reasons = reading.categories, reading.signals, reading.reasons
    has = text.has
    violent = [act for act in acts if act.kind in ("hit", "shake", "burn_act", "strangle", "blame", "rough")]
    violent += [act for act in acts if act.kind == "threat" and act.patient == "parent"]
    staff_acts = [act for act in acts if act.agent == "staff"]
    if staff_acts or (has("staff") and any(
            text.in_sentence(sentence, "injury", "fear", "sexual_behaviour", "genital", "sexual_abuse", "intox")
            and not text.in_sentence(sentence, "accident", "minor_injury")
            for sentence in text.sentences("staff")) and not has("parent")):
        reading.staff_suspected = True
        signals.add("staff_suspected")
        reasons.add("staff_suspected")
        reading.report = True
        cats.add("sexual" if any(act.kind == "touch" for act in staff_acts) or text.in_sentence(
            next(iter(text.sentences("staff"))), "sexual_behaviour", "genital", "sexual_abuse") else "physical")
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
    # Injuries: one sign is a consultation; a pattern, an odd explanation, a burn or the child's account is more.
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
    if has("strangle"):
        cats.add("physical")
    # Sexual abuse and its signs.
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
    if has("flinch"):
        cats.add("physical")
    # Honour and FGM.
    sent_away = any(text.in_sentence(hit.sentence, "country") and text.in_sentence(
        hit.sentence, "conditional", "secrecy", "threat") for hit in text.of("travel"))
    euphemism = has("fgm_euphemism") and _girl_context(text)
    fgm = has("fgm") and not _boy_only(text)
    married_off = any(not _adult_marries(text, hit) for hit in text.of("marriage"))
    if sent_away or euphemism or fgm or married_off or has("honour", "control", "fgm_done") or any(
            act.kind == "threat" and act.agent == "relative" for act in acts):
        cats.add("honour")
        reasons.add("honour_or_fgm")
        reading.report = True
    # Neglect.
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
    elif has("tired") and has("pattern"):
        cats.add("neglect")
    # Parents' intoxication, substance use and mental health.
    if has("intox", "intox_smell", "substance", "parent_mh"):
        cats.add("parent")
        with_child = any(not _sober(text, hit) for hit in text.of("pickup", "drive", "dropoff"))
        strong_past = has("intox") and with_child
        drove = has("intox_smell") and has("drive")
        if strong_past or drove or (has("intox_smell", "intox") and has("pattern") and with_child):
            reasons.add("intoxicated_with_child")
            reading.report = True
        if has("substance") and (reading.child_told or has("alone", "hunger") or any(
                text.in_sentence(hit.sentence, "home") for hit in text.of("substance"))):
            reading.report = True  # syringes and bottles where the child lives and plays
    if has("emotional", "emotional_abuse") or (has("fear") and not reading.acute):
        cats.add("emotional")
        if has("months") or (has("emotional_abuse") and has("pattern")):
            reasons.add("persistent_concern")
            reading.report = True
    if has("support"):
        cats.add("family_support")
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
    if has("pattern", "weeks", "months"):
        signals.add("repeated")
    if reading.acute:
        signals.add("ongoing_now")
    if "injury_afraid_home" in reading.acute or "afraid_to_go_home" in reading.acute:
        signals.add("afraid_to_go_home")
    if "intoxicated_pickup" in reading.acute:
        signals.add("intoxicated_now")
