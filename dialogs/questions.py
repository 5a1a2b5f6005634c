"""Every question the dialogs ask, built in the user's language from plain JSON arguments."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dialogs.cards import menu_question
from dialogs.choices import Option, Question
from dialogs.text import say, text_for
from knowledge.age import AGE_BANDS
from knowledge.assessment import DURATIONS, Category

CATEGORIES = tuple(str(category) for category in Category)
QuestionBuilder = Callable[[str, Mapping[str, Any]], Question]
_YES_WORDS = {"sv": ("ja", "japp", "jo", "yes"), "en": ("yes", "yeah", "yep", "ja")}
_NO_WORDS = {"sv": ("nej", "no", "nä"), "en": ("no", "nope", "nej")}
_UNSURE_WORDS = {"sv": ("vet ej", "osäker", "kanske", "don't know"), "en": ("not sure", "unsure", "maybe", "dont know")}


def _yes_no_unsure(lang: str, action: str, key: str) -> Question:
    text = text_for(lang)
    return Question(action, (text[key],), (
        Option("yes", text["q.yes"], _YES_WORDS[lang]),
        Option("no", text["q.no"], _NO_WORDS[lang]),
        Option("unsure", text["q.unsure"], _UNSURE_WORDS[lang]),
    ))


def _menu(lang: str, args: Mapping[str, Any]) -> Question:
    question = menu_question(lang)
    lines = tuple(args.get("lines") or ()) + question.lines
    options = question.options
    if args.get("resume"):
        # Last, so the numbers of the usual choices stay the same.
        text = text_for(lang)
        options = (*options, Option("resume", text["resume.yes"], tuple(text["resume.words.yes"].split("|"))))
    return Question(question.action, lines, options)


def _place(lang: str, args: Mapping[str, Any]) -> Question:
    text = text_for(lang)
    return Question("place", (text["place.ask"], text["place.why"]),
                    (Option("district", text["place.district_only"]),),
                    text_input=text["place.placeholder"], submit=text["place.send"])


def _where(lang: str, candidate: Mapping[str, Any]) -> str:
    """District, area and street: what tells same-name preschools apart, so it comes first on a button."""
    district = candidate.get("district") or text_for(lang)["place.district_unknown"]
    area = candidate.get("area") or ""
    place = say(lang, "place.where_area", district=district, area=area) if area and area != district else district
    street = candidate.get("street") or ""
    return say(lang, "place.where_street", place=place, street=street) if street else place


def _preschool(lang: str, args: Mapping[str, Any]) -> Question:
    text = text_for(lang)
    candidates = list(args["candidates"])

    def unique(key: str) -> set[str]:
        values = [str(c.get(key) or "") for c in candidates]
        return {v for v in values if v and values.count(v) == 1}

    # Typing a name, street or area picks a button only when just one candidate has it; otherwise the typed
    # text narrows the search (PlaceDialog).
    names, streets, areas = unique("name"), unique("street"), unique("area")
    options = tuple(
        Option(c["id"], say(lang, "place.preschool_option", where=_where(lang, c), name=c["name"]),
               tuple(w for w in (c["name"], c.get("street"), c.get("area"))
                     if w and w in names | streets | areas))
        for c in candidates
    )
    return Question("preschool", (text["place.ambiguous"], text["place.narrow"]),
                    (*options, Option("none", text["place.none_of_these"])),
                    text_input=text["place.narrow_placeholder"], submit=text["place.send"])


def _confirm(lang: str, args: Mapping[str, Any]) -> Question:
    text = text_for(lang)
    candidate = args["candidate"]
    district = candidate.get("district")
    line = (say(lang, "place.confirm", name=candidate["name"], district=district) if district
            else say(lang, "place.confirm_no_district", name=candidate["name"]))
    return Question("confirm", (line,), (
        Option("yes", text["place.confirm_yes"], _YES_WORDS[lang]),
        Option("no", text["place.confirm_no"], _NO_WORDS[lang]),
    ))


def _district(lang: str, args: Mapping[str, Any]) -> Question:
    text = text_for(lang)
    options = tuple(Option(d["id"], d["name"], tuple(d.get("aliases") or ())) for d in args["districts"])
    return Question("district", (text[args.get("lead", "place.district_ask")],), options)


def _concern(lang: str, args: Mapping[str, Any]) -> Question:
    text = text_for(lang)
    options = tuple(Option(c, text[f"category.{c}"]) for c in CATEGORIES)
    return Question("concern", (text["concern.ask"],), options, multi=True, submit=text["concern.send"])


def _words(lang: str, args: Mapping[str, Any]) -> Question:
    text = text_for(lang)
    return Question("words", (text["words.ask"],), (Option("skip", text["words.skip"]),),
                    text_input=text["words.placeholder"], submit=text["place.send"])


def _duration(lang: str, args: Mapping[str, Any]) -> Question:
    text = text_for(lang)
    return Question("duration", (text["q.duration"],),
                    tuple(Option(d, text[f"q.duration.{d}"]) for d in DURATIONS))


def _danger(lang: str, args: Mapping[str, Any]) -> Question:
    text = text_for(lang)
    return Question("danger", (text["danger.ask"],), (
        Option("yes", text["danger.yes"], _YES_WORDS[lang]),
        Option("no", text["danger.no"], _NO_WORDS[lang]),
        Option("unsure", text["danger.unsure"], _UNSURE_WORDS[lang]),
    ))


def _understood(lang: str, args: Mapping[str, Any]) -> Question:
    """"Jag uppfattade: ..." with one tap to confirm or to correct; *items* are text keys under "understood."."""
    text = text_for(lang)
    items = " · ".join(text[f"understood.{item}"] for item in args.get("items") or ())
    return Question("understood", (say(lang, "understood.lead", items=items), text["understood.ask"]), (
        Option("yes", text["understood.yes"], tuple(text["understood.words.yes"].split("|"))),
        Option("change", text["understood.change"], tuple(text["understood.words.change"].split("|"))),
    ))


def _age(lang: str, args: Mapping[str, Any]) -> Question:
    text = text_for(lang)
    return Question("age", (text["q.age"],),
                    tuple(Option(a, text[f"q.age.{a}"], (a, a.replace("-", "–"))) for a in AGE_BANDS))


def _final(lang: str, args: Mapping[str, Any]) -> Question:
    text = text_for(lang)
    return Question("final", (text["final.ask"],), (
        Option("handoff", text["final.handoff"]),
        Option("note", text["final.note"]),
        Option("finish", text["final.finish"]),
    ))


def _share_name(lang: str, args: Mapping[str, Any]) -> Question:
    text = text_for(lang)
    return Question("share_name", (text["handoff.share_name"],), (
        Option("yes", text["handoff.share_yes"], _YES_WORDS[lang]),
        Option("no", text["handoff.share_no"], _NO_WORDS[lang]),
    ))


def _faq(lang: str, args: Mapping[str, Any]) -> Question:
    text = text_for(lang)
    return Question("faq", (text["faq.ask"],), text_input=text["faq.placeholder"], submit=text["place.send"])


def _faq_miss(lang: str, args: Mapping[str, Any]) -> Question:
    text = text_for(lang)
    return Question("faq_miss", (text["faq.miss"],), (
        Option("consult", text["faq.miss.consult"], _YES_WORDS[lang]),
        Option("no", text["faq.miss.no"], _NO_WORDS[lang]),
    ))


QUESTIONS: dict[str, QuestionBuilder] = {
    "menu": _menu,
    "place": _place,
    "preschool": _preschool,
    "confirm": _confirm,
    "district": _district,
    "concern": _concern,
    "words": _words,
    "duration": _duration,
    "danger": _danger,
    "understood": _understood,
    "child_told": lambda lang, args: _yes_no_unsure(lang, "child_told", "q.child_told"),
    "safe_today": lambda lang, args: _yes_no_unsure(lang, "safe_today", "q.safe_today"),
    "age": _age,
    "final": _final,
    "share_name": _share_name,
    "faq": _faq,
    "faq_miss": _faq_miss,
}
