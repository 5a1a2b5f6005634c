"""A read text: tokens, hits and acts, the lookups the rules need, and who does what to whom."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.reading.vocabulary import (
    ACTS,
    ADULTS,
    AGENT_REACH,
    ARTICLES,
    COORDINATION_REACH,
    GARMENT_REACH,
    GIVING,
    NEVER_NEGATED,
    NO_LONGER,
    OBJECT_PREPOSITIONS,
    OBJECT_PRONOUNS,
    PASSIVE_CUES,
    PATIENT_REACH,
    PRONOUNS,
    SELF,
)


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
    inverted = hit.start > 0 and text.tokens[hit.start - 1].surface in {"så", "då"}  # "när hon var där så slog pappa"
    if agent in (None, "pronoun", "self") or inverted:
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
        if hit.concept in ("hit", "rough", "strangle") and text.in_sentence(hit.sentence, "play_fight"):
            continue  # "he said mum hit him, then laughed: a pillow fight"
        if hit.concept == "touch" and hit.start and text.tokens[hit.start - 1].surface in {"det", "it", "de"}:
            continue  # "det gör ont i snippan" says how it feels, not who did it
        if hit.concept == "touch" and any(hit.end < garment.start <= hit.end + GARMENT_REACH
                                          for garment in text.of("garment")):
            continue  # "tar på henne jackan" dresses the child
        if hit.concept in ("hit", "rough") and text.in_sentence(hit.sentence, "medical") and not any(
                _actor(token) in ADULTS for token in text.tokens[max(0, hit.start - AGENT_REACH):hit.start]):
            continue  # "sprutan gjorde ont": care that hurt, nobody hurt the child
        if hit.concept == "shake" and any("shaken_thing" in token.concepts
                                          for token in text.tokens[hit.end + 1:hit.end + 3]):
            continue  # "skakade skallran", "skakade på huvudet": a thing or one's head, nobody shaken
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


FEAR_CODES = ("injury_afraid_home", "afraid_to_go_home")


def add_before_fear(codes: list[str], found: list[str]) -> None:
    """Add the acute codes *found* by a rule module to *codes*, before fear of going home (the less decisive
    codes); a fear code itself only when there is none yet."""
    for code in found:
        if code in codes:
            continue
        fear = [index for index, known in enumerate(codes) if known in FEAR_CODES]
        if code in FEAR_CODES:
            if not fear:
                codes.append(code)
            continue
        codes.insert(fear[0] if fear else len(codes), code)
