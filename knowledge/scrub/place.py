"""Group (avdelning) names and the names of preschools: words that say where the child is."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from knowledge.packaged import packaged_yaml
from knowledge.scrub.address import WORD_TOKEN, is_street_word
from knowledge.scrub.lexicon import STOPWORDS, kind_of, zipf
from knowledge.scrub.name import sentence_start
from knowledge.text import fold

_GROUP_WORDS = frozenset({"avdelning", "avdelningen", "avd", "gruppen", "basgruppen", "basgrupp", "grupp",
                          "hemvist", "hemvisten", "department", "group"})
_GROUP_DEFINITE = frozenset({"avdelningen", "gruppen", "basgruppen", "hemvisten"})
_GROUP_STOP = STOPWORDS | frozenset({"där", "här", "idag", "också", "fick", "hela", "varje", "vilken",
                                      "som", "heter", "kallas", "nr", "nummer"})
# Words of preschool names that say nothing about which preschool it is.
_PLACE_GENERIC = frozenset(
    {"förskolan", "förskola", "förskolor", "förskolorna", "montessoriförskola", "montessoriförskolan",
     "waldorfförskola", "waldorfförskolan", "föräldrakooperativ", "föräldrakooperativet", "föräldrakooperativa",
     "i", "ur", "och", "skur", "ab", "för", "the", "enskilda", "skola", "skolan", "språkförskola", "av", "på",
     "internationella", "engelska", "svenska", "montessori", "waldorf", "ekonomisk", "förening", "stiftelsen",
     "förskoleenhet", "förskoleenheten", "fsk", "den", "det", "de", "en", "ett", "stora", "lilla", "nya", "gamla",
     "norra", "södra", "östra", "västra", "pysslingen", "vittra", "norlandia", "inspira", "kunskapsförskolan",
     "academedia", "barnomsorg", "dagis", "daghem", "familjedaghem", "pedagogisk", "omsorg"}
)
# "Blå gruppen", "gröna avdelningen": a colour before the group word names the group, also opening a sentence.
_COLOURS = frozenset({"blå", "blåa", "röda", "gula", "gröna", "lila", "rosa", "orange", "vita", "svarta", "bruna",
                      "turkosa", "silver", "guld", "regnbågs", "regnbågens"})
# "grupp 2 av 5", "grupp 3-4": a count or a range after a number, no group's name.
_COUNT_AFTER = re.compile(r"\s{0,2}(?:av|of|till|-)\s{0,2}\d")
# Endings the group shapes carry, dropped when staff write a group short ("på Blåbär" for Blåbären).
_DEFINITE_ENDINGS = ("en", "n", "et", "t", "arna", "orna", "erna", "na")
# "Valter, 5 år, Stjärnan": a group-name shape listed after a child's age.
_AGE_BEFORE = re.compile(r"(?:år|mån|\))\s?,\s$")
# Words after which a known group-name shape names the group: "vi på ugglan", "hos Humlorna".
_GROUP_PLACE_CUES = frozenset({"på", "hos", "från"})
_PLACE_CUES = frozenset({"förskolan", "förskola", "fsk", "förskolor", "preschool"})
# "Förskolan Humlegården", "förskolan Blå Grodan": a capitalised name after the word names a preschool.
_NAMED_PRESCHOOL = re.compile(r"(?<![\w-])(?:[Ff]örskolan|[Ff]örskola|[Ff]sk|Preschool)\s{1,2}"
                              r"(?P<name>[A-ZÅÄÖ][^\W\d_]{1,30}(?:[\s-][A-ZÅÄÖ][^\W\d_]{1,30}){0,2})(?![\w-])")


@cache
def group_names() -> frozenset[str]:
    """The shapes of group names in `data/groups.yaml`, lower-cased."""
    raw = packaged_yaml("data/groups.yaml")
    return frozenset(str(name).lower() for name in raw.get("groups") or ())


def group_spans(text: str) -> list[tuple[int, int]]:
    """Group names: the word after "avdelning(en)", "avd." or "gruppen", and "Solrosens avdelning"; a known
    group-name shape ("ugglan", "Fjärilarna") after "på", "hos" or "från", or in brackets."""
    tokens = list(re.finditer(r"[^\W_]+", text))
    spans = []
    known = group_names()
    for index, token in enumerate(tokens):
        lower = token.group().lower()
        if lower in known and index > 0 and (
                (tokens[index - 1].group().lower() in _GROUP_PLACE_CUES
                 and text[tokens[index - 1].end() : token.start()] == " ")
                or (text[token.start() - 1] == "(" and text.startswith(")", token.end()))
                or (_AGE_BEFORE.search(text, max(0, token.start() - 8), token.start()) is not None
                    and text[token.end() : token.end() + 1] in (",", ";", ")", "\n", ""))):
            spans.append(token.span())
            continue
        if (token.group()[:1].isupper() and index > 0 and lower not in known and len(lower) > 3
                and tokens[index - 1].group().lower() in _GROUP_PLACE_CUES
                and text[tokens[index - 1].end() : token.start()] == " "
                and any(lower + ending in known for ending in _DEFINITE_ENDINGS)):
            spans.append(token.span())  # "på Blåbär", "hos Ekorre": a group shape written without its ending
            continue
        if lower not in _GROUP_WORDS:
            continue
        # "Solrosens avdelning", "Solrosen-avdelningen"
        if index > 0:
            previous = tokens[index - 1]
            gap = text[previous.end() : token.start()]
            named = previous.group()[:1].isupper() and previous.group().lower() not in _GROUP_STOP \
                and kind_of(previous.group().lower()) not in ("keep", "soft") \
                and (gap == "-" or previous.group().endswith("s") or (
                    lower in _GROUP_DEFINITE and not sentence_start(text, previous.start())))
            coloured = previous.group().lower() in _COLOURS and lower in _GROUP_DEFINITE  # "Blå gruppen"
            if gap in (" ", "-") and (named or coloured):
                spans.append(previous.span())
        position = index + 1
        # "avdelningen som heter Solrosen", "avd: Humlan"
        while position < len(tokens) and tokens[position].group().lower() in ("som", "heter", "kallas", "nr"):
            position += 1
        if position >= len(tokens):
            continue
        following = tokens[position]
        gap = text[token.end() : following.start()]
        if len(gap) > 4 or gap.strip(" .:\"'") != "":
            continue
        word = following.group()
        if word.lower() in _GROUP_STOP:
            continue
        definite = lower in _GROUP_DEFINITE and position == index + 1
        kind = kind_of(word.lower()) if word.isalpha() else "number"
        # After "avdelning" (indefinite) a name follows; after "avdelningen" mostly a verb, unless capitalised.
        # A lower-case ordinary word is a group name only in the definite form groups have ("solrosen").
        named = word[:1].isupper() or kind in ("unknown", "proper", "name", "number")
        if not named and (definite or not word.lower().endswith(("en", "an", "et", "na"))):
            continue
        if kind == "number" and _COUNT_AFTER.match(text, following.end()):
            continue  # "grupp 2 av 5", "grupp 3-4": a count or a range, no group's name
        end = following.end()
        if position + 1 < len(tokens) and text[end : tokens[position + 1].start()] == " " \
                and tokens[position + 1].group()[:1].isupper() and word[:1].isupper():
            end = tokens[position + 1].end()  # "Blå Grodan"
        spans.append((following.start(), end))
    return spans


@dataclass(frozen=True, slots=True)
class PlaceIndex:
    """Distinctive words of preschool names, indexed by their first word (folded, lower-case)."""

    sequences: dict[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def build(cls, names: Iterable[str]) -> PlaceIndex:
        """Index the distinctive part of every name ("Förskolan Blå Grodan" -> "blå grodan")."""
        found: dict[str, set[tuple[str, ...]]] = {}
        for name in names:
            words = [fold(token) for token in re.findall(r"[^\W\d_]+", name)
                     if token.lower() not in _PLACE_GENERIC and not is_street_word(token, token.lower())]
            if not words or all(len(word) < 3 for word in words):
                continue
            if (len(words) == 1 and kind_of(words[0]) in ("keep", "soft")) or words[0] in STOPWORDS:
                continue  # a preschool named after its district: the district may stay
            found.setdefault(words[0], set()).add(tuple(words))
        return cls({first: tuple(sorted(sequences, key=len, reverse=True)) for first, sequences in found.items()})

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of preschool names in *text* that say which preschool it is, also one the index does not know
        written after "Förskolan" ("går på Förskolan Humlegården")."""
        named = [match.span("name") for match in _NAMED_PRESCHOOL.finditer(text)
                 if match.group("name").lower() not in _GROUP_STOP and kind_of(match.group("name").lower()) != "keep"]
        if not self.sequences:
            return named
        tokens = list(WORD_TOKEN.finditer(text))
        folded = [fold(token.group()) for token in tokens]
        spans = []
        index = 0
        while index < len(tokens):
            matched = self._match_at(text, tokens, folded, index)
            if matched is None:
                index += 1
                continue
            spans.append((tokens[index].start(), tokens[matched - 1].end()))
            index = matched
        return spans + named

    def _match_at(self, text: str, tokens: list[re.Match[str]], folded: list[str], index: int) -> int | None:
        """The index after a preschool name starting at token *index* that should be masked, or None."""
        first = folded[index]
        candidates = self.sequences.get(first)
        possessive = False
        if candidates is None and first.endswith("s") and tokens[index].group()[:1].isupper():
            candidates, possessive = self.sequences.get(first[:-1]), True  # "Sagobergets"
        if not candidates:
            return None
        for sequence in candidates:
            end = index + len(sequence)
            if end > len(tokens):
                continue
            if any(folded[index + offset] != word for offset, word in enumerate(sequence) if offset or not possessive):
                continue
            if any(text[tokens[position - 1].end() : tokens[position].start()] not in (" ", "-")
                   for position in range(index + 1, end)):
                continue
            if self._identifying(text, tokens, folded, index, sequence):
                return end
        return None

    @staticmethod
    def _identifying(text: str, tokens: list[re.Match[str]], folded: list[str], index: int,
                     sequence: tuple[str, ...]) -> bool:
        """Whether the words at *index* name the preschool here, not just an ordinary word ("färjan")."""
        cue_before = index > 0 and folded[index - 1] in {fold(cue) for cue in _PLACE_CUES}
        cue_after = index + len(sequence) < len(tokens) and folded[index + len(sequence)].startswith("forskol")
        if cue_before or cue_after or len(sequence) > 1:
            return True
        word = tokens[index].group()
        lower = word.lower()
        if fold(lower) != sequence[0] and lower.endswith("s"):
            lower = lower[:-1]  # "Sagobergets"
        kind = kind_of(lower)
        if kind == "name":
            return False  # "Förskolan Karlsson": without a cue the surname is a person's, masked by the name pass
        if kind not in ("common", "keep", "soft", "ambiguous"):
            return True  # not an ordinary word in any case
        # An ordinary word that is rare ("Sagoberget", "kastanjelunden") names the preschool in any case; a
        # frequent one ("färjan") only when capitalised in the middle of a sentence.
        if zipf(lower, "sv") < 2.5:
            return True
        return word[:1].isupper() and not sentence_start(text, tokens[index].start())
