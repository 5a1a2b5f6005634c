"""Fakes for the dialogs' ports (recorder, handoff) and for knowledge modules that have not landed yet."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from botbuilder.core import TurnContext

from routing.route import RouteDecision


class FakeRecorder:
    """Keeps recorded notes in a list."""

    def __init__(self) -> None:
        self.notes: list[dict[str, Any]] = []

    async def record(self, note: dict[str, Any]) -> str:
        self.notes.append(dict(note))
        return f"note-{len(self.notes)}"

    async def update(self, note_id: str, note: dict[str, Any]) -> None:
        self.notes[int(note_id.removeprefix("note-")) - 1] = dict(note)


@dataclass
class HandoffCall:
    note: dict[str, Any]
    route: dict[str, Any]  # the plain form, as the dialogs keep it
    share_name: bool


class FakeHandoff:
    """Records handoff requests and says one line, as the real engine would take over."""

    def __init__(self) -> None:
        self.calls: list[HandoffCall] = []

    async def request(self, context: TurnContext, note: dict[str, Any], route: RouteDecision, *,
                      share_name: bool) -> None:
        self.calls.append(HandoffCall(dict(note), route.to_dict(), share_name))
        await context.send_activity("[handoff engine takes over]")


@dataclass
class FakeArticle:
    slug: str
    lang: str
    title: str
    body: str
    score: float = 100.0


@dataclass
class FakeFaq:
    """Finds an article when the query mentions one of its words; used until knowledge/faq.py lands."""

    articles: dict[str, FakeArticle] = field(default_factory=lambda: {
        "anonymt": FakeArticle("anonym-anmalan", "sv", "Kan jag anmäla anonymt?",
                               "Som anställd kan du inte anmäla anonymt, men du kan rådgöra anonymt först."),
        "anonymously": FakeArticle("anonym-anmalan", "en", "Can I report anonymously?",
                                   "As an employee you cannot report anonymously, but you can consult "
                                   "anonymously first."),
    })
    queries: list[str] = field(default_factory=list)

    def search(self, query: str, lang: str = "sv") -> FakeArticle | None:
        self.queries.append(query)
        for word, article in self.articles.items():
            if word in query.lower() and article.lang == lang:
                return article
        return None
