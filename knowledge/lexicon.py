"""The editable lexicon (`data/lexicon.yaml`) compiled into patterns, loaded once on first use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from knowledge.text import compile_terms, matches, sentences

LANGUAGES = ("sv", "en")


@dataclass(frozen=True, slots=True)
class AcuteRule:
    """One acute situation: any of `terms`, or every pattern of `groups` within one sentence (or the text)."""

    code: str
    categories: tuple[str, ...]
    terms: re.Pattern[str] | None
    groups: tuple[re.Pattern[str] | None, ...]
    whole_text: bool

    def fires(self, folded: str) -> bool:
        """Whether this rule recognises its situation in *folded* text."""
        if matches(self.terms, folded):
            return True
        if not self.groups:
            return False
        scopes = [folded] if self.whole_text else list(sentences(folded))
        return any(all(matches(group, scope) for group in self.groups) for scope in scopes)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled patterns per concern category, per kind of account, and the acute rules."""

    categories: dict[str, re.Pattern[str] | None]
    accounts: dict[str, re.Pattern[str] | None]
    acute: tuple[AcuteRule, ...]


def _terms(entry: dict[str, Any] | None) -> re.Pattern[str] | None:
    """The pattern for the Swedish and English terms of one lexicon entry."""
    entry = entry or {}
    return compile_terms(term for lang in LANGUAGES for term in entry.get(lang) or ())


@cache
def lexicon() -> Lexicon:
    """The lexicon shipped with the package, compiled once."""
    raw = yaml.safe_load(resources.files("knowledge").joinpath("data/lexicon.yaml").read_text("utf-8"))
    return Lexicon(
        categories={name: _terms(entry) for name, entry in raw["categories"].items()},
        accounts={name: _terms(entry) for name, entry in raw["accounts"].items()},
        acute=tuple(
            AcuteRule(
                code=code,
                categories=tuple(rule.get("categories") or ()),
                terms=_terms(rule.get("terms")),
                groups=tuple(_terms(group) for group in rule.get("all") or ()),
                whole_text=rule.get("scope") == "text",
            )
            for code, rule in raw["acute"].items()
        ),
    )
