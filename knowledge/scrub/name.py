"""Names: the shipped lists, then evidence (what the word is in Swedish and English, capitals, cues, neighbours)."""

from __future__ import annotations

import re

from knowledge.scrub.companions import ROLES, Word, before_age, name_head, whole_names
from knowledge.scrub.cues import (
    APP_PREPOSITIONS,
    APPOSITION,
    APPS,
    CALL_PAIRS,
    KIN,
    NAMELIKE,
    PARTICLES,
    STRONG_CUES,
    STRONG_PAIRS,
    WEAK_CUES,
)
from knowledge.scrub.lexicon import (
    ABBREVIATIONS,
    STOPWORDS,
    has_vowel,
    institution_openers,
    institutions,
    is_swedish_word,
    kind_of,
    listed_places,
    lowercase_name,
    zipf,
)

# Also straight after an opening quote ("'Ibrahim Ali, 3 år'"), but never after an apostrophe inside a word.
_TOKEN = re.compile(
    r"(?:(?<![\w\[\-’'\x00])|(?<=(?<![\w\x00])['’]))(?P<word>[^\W\d_]+(?:[-'’][^\W\d_]+)*)(?P<possessive>:s)?(?![\w\]])"
)
# Kept only as written: "SoL" is the law, "Sol" a child (matching the name lists ignores case).
_EXACT_KEEP = frozenset({"SoL", "LVU", "BankID"})
_CALENDAR = frozenset({"april", "maj", "juni", "august", "mars", "sol", "dag", "mark", "long", "can", "will", "art"})
# Finite verbs after which a sentence-opening listed name that is also a word is the subject ("Saga har ...").
_SUBJECT_VERBS = frozenset(
    {"har", "hade", "är", "var", "kom", "kommer", "gick", "går", "blev", "blir", "ska", "skulle", "kan", "kunde",
     "vill", "ville", "verkar", "verkade", "brukar", "brukade", "får", "fick", "måste", "fyller", "fyllde", "bor",
     "has", "had", "is", "was", "came", "went", "lives", "seems"}
)
_COPULAS = frozenset({"är", "var", "blir", "blev", "is", "was"})
# Verbs that want a person as subject: enough to make a month or a place a name ("Juni berättade att ...").
_PERSON_VERBS = frozenset(
    {"sa", "sade", "säger", "berättade", "berättar", "grät", "gråter", "skrek", "skriker", "slog", "slår", "bet",
     "biter", "sparkade", "sparkar", "kissade", "kissar", "bajsade", "ritade", "ritar", "lekte", "leker", "sov",
     "sover", "åt", "äter", "pratade", "pratar", "frågade", "frågar", "visade", "visar", "ramlade", "ramlar",
     "somnade", "vaknade", "hämtades", "lämnades", "hämtas", "lämnas", "luktade", "luktar", "said", "says", "told",
     "tells", "cried", "cries", "hit", "hits", "drew", "ate", "slept"}
)
# Verbs of a Swedish sentence after which a lower-case listed word that is also a name is the subject.
_LOWER_SUBJECT_VERBS = (_SUBJECT_VERBS - _COPULAS - {"has", "had", "came", "went", "lives", "seems"}) | (
    _PERSON_VERBS - {"said", "says", "told", "tells", "cried", "cries", "hit", "hits", "drew", "ate", "slept"})
_SWEDISH_SUBJECT_VERBS = _LOWER_SUBJECT_VERBS | (_COPULAS - {"is", "was"})
# Initials written for a name: "A.K.", "E. S.", "M.A.H." (not "t.ex.", "bl.a.", which are lower case), with a
# hyphen ("S-A", "M-L") and, after "initialer", without dots ("initialer: EK").
INITIALS = re.compile(r"(?<![\w.])(?!O\.\s?K\.|P\.\s?S\.)[A-ZÅÄÖ]\.\s?[A-ZÅÄÖ]\.(?:\s?[A-ZÅÄÖ]\.)?(?![\w])")
_HYPHEN_INITIALS = re.compile(r"(?<![\w.-])(?!O-K|A-Ö|A-Z)[A-ZÅÄÖ]-[A-ZÅÄÖ](?:-[A-ZÅÄÖ])?(?![\w-])")
_CUED_INITIALS = re.compile(
    r"(?<!\w)(?:initialer(?:na)?|initials?|init\.)(?:\s{1,2}(?:är|var|is|are))?\s{0,2}[:=]?\s{0,2}"
    r"(?P<initials>(?-i:[A-ZÅÄÖ](?:[-. ]{0,2}[A-ZÅÄÖ]){0,2}\.?))(?![\w-])",
    re.IGNORECASE,
)
# Initials without dots: after a word for the child or "gäller", or before a bracketed birth year or age.
_BARE_INITIALS = re.compile(
    r"(?:(?<!\w)(?i:barnet|pojken|flickan|eleven|gäller|angående|beträffande|child|boy|girl)\s{1,2}"
    r"(?P<initials>[A-ZÅÄÖ]{2,3}|[A-ZÅÄÖ]\s[A-ZÅÄÖ])(?![\w.-])"
    r"|(?<![\w.-])(?P<bracketed>[A-ZÅÄÖ]{2,3})(?=\s{0,2}\((?i:född|f\.|fd|\d{1,2}\s{0,2}(?:år|mån)\b|\d{1,2}\))))"
)
_BARE_INITIALS_HINTS = ("barnet", "pojken", "flickan", "eleven", "gäller", "angående", "beträffande", "child", "boy",
                        "girl")
_OPENING_QUOTES = frozenset('"“”«»\'’')
# Joining words: a word next to a name across one of these is weighed as a name too ("zelda och liam").
_CONJUNCTIONS = frozenset({"och", "eller", "and", "or", "&", "samt", "plus", "med"})
_SENTENCE_END = frozenset(".!?:;\n•-–*>\"'(")
# A capitalised ordinary word in the middle of a sentence is still a name when it is this rare in Swedish
# (Zipf scale: 3 = once per million words). Tuned on bench/masking.py's corpus.
_RARE_ZIPF = 3.0



def _words(text: str) -> list[Word]:
    """The word tokens of *text*, each with its kind and whether it opens a sentence."""
    words = []
    for match in _TOKEN.finditer(text):
        word = match.group("word")
        lower = word.lower()
        kind = ""
        if "'" in lower or "’" in lower:  # "I'm", "Zelda's": the part before the apostrophe is the word
            if lower.endswith(("n't", "n’t")):
                kind = "common"  # "hasn't", "doesn't": English, never a name
            lower = re.split(r"['’]", lower, maxsplit=1)[0]
        if not word[0].isupper() and text[match.start() - 1 : match.start()] in ("'", "’"):
            kind = "common"  # a quoted word in lower case is what someone said ('gudniin', 'jaaa'), no name
        if word in _EXACT_KEEP:
            kind = "keep"
        words.append(Word(match.start(), match.end(), word, lower, kind or kind_of(lower), word[0].isupper(),
                           sentence_start(text, match.start())))
    _title_case(text, words)
    return words


def _title_case(text: str, words: list[Word]) -> None:
    """In a line Written Like A Title ("Pojken Sprang Ut Och Grät"), a capital says nothing about ordinary
    words: they lose it; listed names, unknown and rare words keep theirs."""
    if sum(word.capital for word in words) < 4:
        return
    lines: list[list[Word]] = []
    for word in words:
        if lines and "\n" not in text[lines[-1][-1].end : word.start]:
            lines[-1].append(word)
        else:
            lines.append([word])
    for line in lines:
        if len(line) >= 4 and sum(item.capital for item in line) * 5 >= len(line) * 4:
            for item in line:
                if item.kind in ("common", "keep", "soft") and zipf(item.lower, "sv") >= 3.0:
                    item.capital = False


def name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of names: the lists, cues, capitals, what the dictionaries know, and neighbours of names."""
    words = _words(text)
    masked = [False] * len(words)
    institution = _in_institution(text, words)
    aged = before_age(text, words)
    for index, word in enumerate(words):
        if institution[index]:
            continue
        before = words[index - 1].lower if index > 0 and _adjacent(text, words[index - 1], word, quoted=True) else ""
        before2 = words[index - 2].lower if index > 1 and before else ""
        after = words[index + 1].lower if index + 1 < len(words) and _adjacent(text, word, words[index + 1]) else ""
        after2 = words[index + 2].lower if after and index + 2 < len(words) else ""
        masked[index] = (_is_name(word, before, before2) or _subject_name(word, after, after2)
                         or _possessive_before_kin(word, after) or aged[index])
    _names_in_context(text, words, masked, institution)
    # A capitalised word straight after or before a name is part of it ("Anna Svensson", "Sigge Lindqvist"),
    # and a word joined to a name by "och", "eller" or a comma is weighed as one ("zelda och liam").
    for index in range(len(words) - 1):
        first, second = words[index], words[index + 1]
        if masked[index] and not masked[index + 1]:
            masked[index + 1] = _neighbour_of_name(text, first, second)
        elif masked[index + 1] and not masked[index]:
            masked[index] = _neighbour_of_name(text, second, first, before=True)
    for index in range(len(words) - 2, -1, -1):
        if masked[index + 1] and not masked[index]:
            masked[index] = _neighbour_of_name(text, words[index + 1], words[index], before=True)
    whole_names(text, words, masked)
    # A surname's initial after a first name ("Lina Y", "Melvin S."): both are the name.
    for index in range(len(words) - 1):
        first, initial = words[index], words[index + 1]
        if (len(initial.word) == 1 and initial.word.isupper() and initial.word not in "IÅÖ"
                and text[first.end : initial.start] == " " and first.capital and len(first.word) > 1
                and first.kind in ("name", "ambiguous", "proper", "unknown")):
            masked[index] = masked[index + 1] = True
    spans = []
    for word, is_name, kept in zip(words, masked, institution, strict=True):
        head = 0 if kept else name_head(word)  # "Noahs-mamma": the name, not the word for the person
        if head or (is_name and not kept):
            spans.append((word.start, word.start + head if head else word.end))
    return spans



def _in_institution(text: str, words: list[Word]) -> list[bool]:
    """Per word, whether it belongs to the name of a public institution ("Astrid Lindgrens barnsjukhus")."""
    if not any(word.lower in institution_openers() for word in words):
        return [False] * len(words)
    inside = [False] * len(words)
    index = 0
    for match in institutions().finditer(text):  # in order, like the words: one walk over both
        start, end = match.span()
        while index < len(words) and words[index].start < start:
            index += 1
        while index < len(words) and words[index].end <= end:
            inside[index] = True
            index += 1
    return inside


def _possessive_before_kin(word: Word, after: str) -> bool:
    """Whether a lower-case genitive of a listed name stands before a word for a person ("emmas mamma"), or
    any genitive with an apostrophe of a word that may be a name ("Freja's mom", "Sol’s pappa")."""
    if after in KIN and word.capital and ("'" in word.word or "’" in word.word) and word.kind in NAMELIKE:
        return True
    return (after in KIN and len(word.lower) > 3 and word.lower.endswith("s") and word.word.isalpha()
            and word.lower not in STOPWORDS and kind_of(word.lower[:-1]) in ("name", "ambiguous"))


def _names_in_context(text: str, words: list[Word], masked: list[bool], institution: list[bool]) -> None:
    """Mark names that only their surroundings give away: in brackets by a name or a person ("Björn (pappan)",
    "[namn] (Karl)"), and between names in a list ("Selma, Jana och Vide")."""
    for index in range(len(words) - 1):
        first, second = words[index], words[index + 1]
        if institution[index] or institution[index + 1]:
            continue
        gap = text[first.end : second.start].strip()
        if gap not in ("(", ",") or len(text[first.end : second.start]) > 3:
            continue
        # "Björn, alltså pappan": a word between the name and the person it names
        if (gap == "," and not masked[index] and first.capital and first.kind in NAMELIKE
                and second.lower in APPOSITION and index + 2 < len(words) and words[index + 2].lower in KIN):
            masked[index] = True
            continue
        # "Nalle (egentligen Nathaniel)": the word before is what the child is called, whatever word it is
        if (gap == "(" and second.lower in ("egentligen", "riktiga") and index + 2 < len(words) and masked[index + 2]
                and first.capital and first.lower not in STOPWORDS and first.lower not in KIN):
            masked[index] = True
            continue
        # "Prinsen (Leo)": a capitalised word before a name in brackets is the nickname it stands for
        if (gap == "(" and masked[index + 1] and not masked[index] and first.capital and first.kind != "keep"
                and not first.sentence_start and first.lower not in STOPWORDS and first.lower not in KIN
                and text.startswith(")", second.end)):
            masked[index] = True
            continue
        # "[namn] (Karl)", "pappan (Björn)"; "Björn (pappan)", "Björn, pappan, sa"
        if (gap == "(" and (masked[index] or first.lower in KIN) and not masked[index + 1] and second.capital
                and second.kind in NAMELIKE):
            masked[index + 1] = True
        elif not masked[index] and first.capital and (second.lower in KIN or second.lower in ROLES) and (
                first.kind in NAMELIKE or (first.kind == "common" and zipf(first.lower, "sv") < 3.0)):
            masked[index] = True
    for index, word in enumerate(words):
        if masked[index] or not word.capital or institution[index]:
            continue
        if word.kind in ("keep", "soft") or word.lower in STOPWORDS or word.lower in ABBREVIATIONS:
            continue
        previous, following = _listed_with(text, words, index, -1), _listed_with(text, words, index, 1)
        if previous is not None and following is not None and masked[previous] and masked[following]:
            masked[index] = True
        elif (not word.sentence_start and zipf(word.lower, "sv") < _RARE_ZIPF and word.kind in ("common", "proper")
              and ((previous is not None and masked[previous]) or (following is not None and masked[following]))):
            masked[index] = True  # "Leo och Jana": a rare word capitalised mid-sentence, listed with a name


def _listed_with(text: str, words: list[Word], index: int, step: int) -> int | None:
    """The index of the word listed next to word *index* ("Selma, Jana och Vide"), in the direction *step*."""
    near = index + step
    if not 0 <= near < len(words):
        return None
    first, second = (words[near], words[index]) if step < 0 else (words[index], words[near])
    gap = text[first.end : second.start]
    if gap in (", ", ",", " & "):
        return near
    if gap == " " and words[near].lower in _CONJUNCTIONS:
        far = near + step
        if 0 <= far < len(words):
            first, second = (words[far], words[near]) if step < 0 else (words[near], words[far])
            if text[first.end : second.start] == " ":
                return far
    return None


def initials_spans(text: str) -> list[tuple[int, int]]:
    """Initials written for a name: "A.K.", "S-A", "EK" after "initialer", and capitals without dots where only a
    name can stand ("pojken TL", "gäller M K", "AB (född 22)")."""
    spans = [match.span() for match in INITIALS.finditer(text)] if "." in text else []
    lowered = text.lower()
    cued = "(" in text or any(cue in lowered for cue in _BARE_INITIALS_HINTS)
    for match in _BARE_INITIALS.finditer(text) if cued else ():
        group = "initials" if match.group("initials") else "bracketed"
        letters = match.group(group).replace(" ", "").lower()
        if kind_of(letters) not in ("keep", "soft") and letters not in ABBREVIATIONS:
            spans.append(match.span(group))
    if "-" in text:
        spans += [match.span() for match in _HYPHEN_INITIALS.finditer(text)]
    if "init" in text.lower():
        spans += [match.span("initials") for match in _CUED_INITIALS.finditer(text)]
    return spans


def _adjacent(text: str, first: Word, second: Word, *, quoted: bool = False) -> bool:
    """Whether only spaces (or a colon) stand between two words; with *quoted*, also an opening quote before the
    second ('kallas "Lillen"')."""
    gap = text[first.end : second.start]
    if quoted and len(gap) <= 3 and gap[-1:] in _OPENING_QUOTES:
        gap = gap[:-1]
    return len(gap) <= 3 and gap.strip(" :") == ""


def _possessive_kind(word: Word) -> str | None:
    """The kind of the word without a genitive -s ("Zeldas", "Kalles"), or None when that cannot be one."""
    lower = word.lower
    if word.kind == "common" and zipf(lower, "sv") >= 2.5 and not (
            word.capital and kind_of(lower[:-1]) == "name"):
        return None  # a word in its own right ("minnas", "hans"), unless capitalised on a name ("Kalles")
    if len(lower) > 3 and lower.endswith("s") and lower.isalpha():
        base = kind_of(lower[:-1])
        if base == "name" or (base in ("unknown", "proper", "ambiguous") and zipf(lower, "sv") < 3.0):
            return base
    return None


def _is_name(word: Word, before: str, before2: str) -> bool:
    """Whether one word is a name, from the lists, the cue before it and what kind of word it is."""
    kind, lower = word.kind, word.lower
    if kind == "keep" or (lower in STOPWORDS and not (kind == "ambiguous" and word.capital)):
        return False
    if lower in ABBREVIATIONS or (lower in APPS and before in APP_PREPOSITIONS):
        return False  # "Dnr", "Journalnr", "pnr"; "i Tyra" (the app)
    if (before in STRONG_CUES and before2 not in ("vad", "what", "hur")) or (before2, before) in STRONG_PAIRS:
        return True  # "hon heter Sten", not "vad heter paragrafen"
    if (before2, before) in CALL_PAIRS and word.capital and not word.sentence_start:
        return True  # "vi kallar honom Lillen"
    weak = before in WEAK_CUES
    head = word.word.split("-", 1)[0]
    if "-" in word.word and len(head) > 1 and head.isupper() and kind != "name":
        return False  # "LMA-kort", "BVC-sköterskan": an acronym's compound
    acronym = len(word.word) > 1 and word.word.isupper()
    if kind == "soft" or (acronym and kind != "name"):
        return kind == "soft" and weak and word.capital  # "flickan Maj", not "pappa kom i maj"
    if lower.startswith(PARTICLES) and len(lower.split("-", 1)[1]) > 2 and zipf(lower.split("-", 1)[1], "sv") < 3.0:
        return True  # "el-sayed", "al-masri", "abu-bakr": an Arabic particle before a name, also in lower case
    possessive = _possessive_kind(word)
    if kind == "name" or possessive == "name":
        return True
    middle = word.capital and not word.sentence_start
    if kind == "ambiguous" or possessive == "ambiguous":
        return word.capital and (middle or weak)
    if weak:
        return word.capital or kind in ("unknown", "proper")
    if kind == "proper":
        return word.capital or (zipf(lower, "sv") < 4.5 and zipf(lower, "en") < 4.0)
    if kind == "unknown":
        # A capitalised word no dictionary knows is a name, unless it has no vowel ("Pnr", "Tfn").
        return (word.capital and has_vowel(lower) and lower not in ABBREVIATIONS) or (
            lowercase_name(lower))
    if possessive in ("proper", "unknown") and word.capital:
        return True
    # An ordinary word capitalised in the middle of a sentence is a name when the word itself is rare.
    return middle and max(zipf(lower, "sv"), zipf(lower, "en")) < _RARE_ZIPF


def _subject_name(word: Word, after: str, after2: str) -> bool:
    """Whether a capitalised word opening a sentence is a name by the verb after it ("Saga har blåmärken").

    An ordinary noun seldom opens a Swedish sentence bare, without article, right before a finite verb, so a
    listed name that is also a word is a name there; a month or a place only before a verb that wants a person
    ("Juni berättade", but "Juni var varm").
    """
    if not (word.sentence_start and after):
        return False
    if not word.capital:
        # "vilja kommer alltid sist": a lower-case listed word opening a sentence before a person's verb.
        return (word.kind == "ambiguous" and word.lower not in STOPWORDS and word.lower not in _CALENDAR
                and after in _LOWER_SUBJECT_VERBS)
    if after in _COPULAS and after2 in ("en", "ett", "a", "an"):
        return False  # "Björn är ett djur": a definition, not a person
    if word.kind == "ambiguous":
        return after in _SUBJECT_VERBS or after in _PERSON_VERBS
    if word.kind == "soft":
        return after in _PERSON_VERBS
    # "Ploy är alltid hungrig", "Mollan har inte kommit": a nickname or a name no list has, which Swedish does
    # not know as a word, before a Swedish verb.
    if word.kind == "common" and len(word.lower) <= 6 and zipf(word.lower, "sv") < 1.0 and after in _PERSON_VERBS:
        return True  # "Fien berättar": a word Swedish hardly uses, before a verb that wants a person
    return (word.kind == "common" and not is_swedish_word(word.lower) and zipf(word.lower, "sv") < 2.0
            and after in _SWEDISH_SUBJECT_VERBS)


def _neighbour_of_name(text: str, name: Word, other: Word, *, before: bool = False) -> bool:
    """Whether *other*, next to the masked *name*, belongs to it (surname, first name, or listed with it)."""
    if (not before and other.kind == "soft" and other.capital and other.lower in listed_places()
            and text[name.end : other.start] == " " and name.kind in ("name", "ambiguous")):
        return True  # "Anna Lund": a surname that is also a town
    if other.kind in ("keep", "soft") or other.lower in STOPWORDS or other.lower in ABBREVIATIONS:
        return False
    if other.lower in WEAK_CUES:
        return False  # "Halvsyster Jennifer": the word for the person, not part of the name
    if other.kind == "common" and "-" in other.lower:
        return False  # "BVC-sköterskan Anneli": a role written as a compound, not a double name
    first, second = (other, name) if before else (name, other)
    gap = text[first.end : second.start]
    if gap == " ":
        # "Anna Svensson", "Anna Lindkvist": a capitalised word next to a name is part of it, unless it is
        # a common word ("Zelda Kom" is rare; "Sara Socionom" is a role).
        return other.capital and (other.kind != "common" or zipf(other.lower, "sv") < 3.0)
    if other.kind == "common":
        return False
    # "Zelda och Liam", "zelda, liam": a word listed with a name that no dictionary knows as a word.
    joined = gap.strip(" ,").lower()
    if (joined in _CONJUNCTIONS or (joined == "" and "," in gap)) and len(gap) <= 7:
        return other.kind in ("unknown", "proper", "name") or (other.kind == "ambiguous" and other.capital)
    return False


def sentence_start(text: str, start: int) -> bool:
    """Whether the word at *start* opens a sentence, where a capital letter says nothing about names."""
    index = start - 1
    while index >= 0 and text[index].isspace():  # only the gap before this word: linear over all words
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END
