"""FAQ search over the guidance articles: fuzzy matching that says "no good match" rather than guessing."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from knowledge.law import Law, law
from knowledge.text import normalize

LANGUAGES = ("sv", "en")
# Best question-variant score (0–100) an article needs, after keyword bonuses, to count as an answer.
MATCH_CUTOFF = 72.0
# A query word this close to a keyword (fuzz.ratio) counts as that keyword, so typos still hit.
KEYWORD_CUTOFF = 84.0
KEYWORD_BONUS = 12.0
MAX_KEYWORD_HITS = 2
# Words shorter than this never count as keyword hits: "om", "en" and "is" say nothing about a topic.
MIN_KEYWORD_LENGTH = 4
_FRONT_MATTER = re.compile(r"\A---\s*\n(?P<meta>.*?)\n---\s*\n(?P<body>.*)\Z", re.DOTALL)
# Question words carry no topic; without them "vad blir det till lunch" no longer looks like a question we know.
STOPWORDS = frozenset(
    {
        "vad", "hur", "nar", "var", "vem", "vilken", "vilket", "vilka", "varfor", "kan", "jag", "man", "du",
        "vi", "de", "det", "den", "ett", "en", "i", "pa", "om", "att", "och", "till", "for", "med", "ska",
        "skall", "maste", "far", "har", "ar", "blir", "gor", "som", "nu", "sa", "mig", "min", "mitt", "mina",
        "dig", "din", "eller", "inte", "nagon", "nagot", "efter", "what", "how", "when", "where", "who",
        "which", "why", "can", "you", "we", "they", "it", "the", "a", "an", "to", "of", "with",
        "in", "on", "and", "or", "is", "are", "do", "does", "should", "must", "my", "me", "have", "has", "be",
        "this", "that",
    }
)


class ContentError(Exception):
    """An article file is malformed; the message names the file."""


@dataclass(frozen=True, slots=True)
class Article:
    """One guidance article; `score` is the match score (0–100) when it came from a search."""

    slug: str
    lang: str
    title: str
    body: str
    score: float = 0.0
    questions: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


def _topic(text: str) -> str:
    """*text* normalised with question words removed."""
    return " ".join(word for word in normalize(text).split() if word not in STOPWORDS)


@dataclass(frozen=True, slots=True)
class _Index:
    """Normalised question variants and keywords of one language."""

    choices: tuple[str, ...]
    owners: tuple[str, ...]
    keywords: dict[str, tuple[tuple[str, ...], ...]]


class Faq:
    """The guidance articles of every language, searchable by question."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self._articles: dict[str, dict[str, Article]] = {lang: {} for lang in LANGUAGES}
        for article in articles:
            self._articles.setdefault(article.lang, {})[article.slug] = article
        self._indexes = {lang: self._index(by_slug) for lang, by_slug in self._articles.items()}

    @classmethod
    def load(cls, content_dir: Path | None = None, *, law_settings: Law | None = None) -> Faq:
        """Load `<content_dir>/<lang>/*.md` (the packaged content by default), filling in the law placeholders."""
        root: Traversable = content_dir if content_dir is not None else resources.files("knowledge") / "content"
        settings = law_settings or law()
        articles: list[Article] = []
        for lang in LANGUAGES:
            folder = root / lang
            if not folder.is_dir():
                continue
            for entry in sorted(folder.iterdir(), key=lambda item: item.name):
                if entry.name.endswith(".md"):
                    articles.append(_parse(entry.name, entry.read_text("utf-8"), lang, settings))
        return cls(articles)

    def articles(self, lang: str = "sv") -> list[Article]:
        """Every article in *lang*, ordered by slug."""
        return [self._articles.get(lang, {})[slug] for slug in sorted(self._articles.get(lang, {}))]

    def get(self, slug: str, lang: str = "sv") -> Article | None:
        """The article *slug* in *lang*, or None."""
        return self._articles.get(lang, {}).get(slug)

    def search(self, query: str, lang: str = "sv") -> Article | None:
        """The article best answering *query*, or None when no article matches well enough."""
        index = self._indexes.get(lang)
        topic = _topic(query)
        if index is None or not topic or not index.choices:
            return None
        scores: dict[str, float] = {}
        for _, score, position in process.extract(
            topic, index.choices, scorer=question_score, processor=None, limit=None, score_cutoff=40.0
        ):
            owner = index.owners[position]
            scores[owner] = max(scores.get(owner, 0.0), score)
        words = topic.split()
        for slug, keywords in index.keywords.items():
            hits = sum(1 for keyword in keywords if _keyword_hit(keyword, words))
            if hits:
                scores[slug] = scores.get(slug, 0.0) + KEYWORD_BONUS * min(hits, MAX_KEYWORD_HITS)
        if not scores:
            return None
        slug, score = max(scores.items(), key=lambda item: item[1])
        if score < MATCH_CUTOFF:
            return None
        return dataclasses.replace(self._articles[lang][slug], score=min(score, 100.0))

    @staticmethod
    def _index(by_slug: dict[str, Article]) -> _Index:
        """Build the search index of one language."""
        choices: list[str] = []
        owners: list[str] = []
        keywords: dict[str, tuple[tuple[str, ...], ...]] = {}
        for slug, article in by_slug.items():
            for text in (article.title, *article.questions):
                topic = _topic(text)
                if topic:
                    choices.append(topic)
                    owners.append(slug)
            keywords[slug] = tuple(
                tuple(words) for words in (_topic(keyword).split() for keyword in article.keywords) if words
            )
        return _Index(tuple(choices), tuple(owners), keywords)


def question_score(query: str, choice: str, **_: object) -> float:
    """Similarity (0–100) of two normalised texts."""
    # WRatio forgives typos and partial overlap; token_sort_ratio keeps a one-word question ("anmäla")
    # from matching every query that happens to contain that word.
    return (fuzz.WRatio(query, choice, processor=None) + fuzz.token_sort_ratio(query, choice, processor=None)) / 2


def _keyword_hit(keyword: tuple[str, ...], words: list[str]) -> bool:
    """Whether every word of *keyword* is close to some word of the query."""
    for part in keyword:
        if len(part) < MIN_KEYWORD_LENGTH and part.isalpha():
            if part not in words:
                return False
            continue
        if process.extractOne(part, words, scorer=fuzz.ratio, processor=None, score_cutoff=KEYWORD_CUTOFF) is None:
            return False
    return True


def _parse(name: str, text: str, lang: str, settings: Law) -> Article:
    """One article from Markdown with YAML front matter."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise ContentError(f"{lang}/{name}: missing front matter")
    meta = yaml.safe_load(match.group("meta")) or {}
    try:
        slug, title = str(meta["slug"]), str(meta["title"])
    except KeyError as error:
        raise ContentError(f"{lang}/{name}: front matter lacks {error}") from None
    return Article(
        slug=slug,
        lang=lang,
        title=settings.substitute(title, lang),
        body=settings.substitute(match.group("body").strip(), lang),
        questions=tuple(str(question) for question in meta.get("questions") or ()),
        keywords=tuple(str(keyword) for keyword in meta.get("keywords") or ()),
    )
