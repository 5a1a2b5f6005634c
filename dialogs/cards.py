"""Adaptive Cards (version 1.5, Teams' limit) for every screen; submits carry {"action": ..., ...}.

Cards that show a route take the typed `RouteDecision` (a dialog reads the plain form it keeps in state with
`dialogs.route_view.stored_route`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from botbuilder.core import CardFactory
from botbuilder.schema import Attachment

from dialogs.acute_card import MENU_ACTION, acute_content
from dialogs.cardkit import action_sets, card_content
from dialogs.cardkit import open_url as _open_url
from dialogs.cardkit import para as _para
from dialogs.cardkit import plain as _plain
from dialogs.cardkit import submit as _submit
from dialogs.cardkit import title as _title
from dialogs.choices import Option, Question
from dialogs.route_view import Entry, entries, route_district_name, shown_reasons
from dialogs.text import reason_text, say, when_text
from dialogs.text import text_for as _text_for
from routing.decision import ESERVICE_URL
from routing.model import STOCKHOLM
from routing.route import RouteDecision

MENU_CHOICES = ("consult", "contact", "faq", "acute")
# Unit kinds in the order a worried staff member needs them.
CONTACT_ORDER = ("socionom", "mottagning", "socialjour", "foraldraradgivning", "familjecentral", "oppen_forskola")
EARLY_SUPPORT = ("foraldraradgivning", "familjecentral", "oppen_forskola")


def attachment(content: dict[str, Any]) -> Attachment:
    """A card's content as the Bot Framework attachment the dialogs send."""
    return CardFactory.adaptive_card(content)


def _card(body: list[dict[str, Any]], actions: list[dict[str, Any]] | None = None, *,
          fallback: str = "") -> Attachment:
    return attachment(card_content(body, actions, fallback=fallback))


def _numbered(options: Iterable[Option]) -> str:
    return "\n".join(f"{number}. {option.label}" for number, option in enumerate(options, start=1))


def menu_question(lang: str) -> Question:
    """The main menu as a question (card buttons, numbers or words)."""
    text = _text_for(lang)
    options = tuple(
        Option(choice, text[f"menu.{choice}"], tuple(text[f"menu.words.{choice}"].split("|")))
        for choice in MENU_CHOICES
    )
    return Question(MENU_ACTION, (text["menu.title"],), options)


def welcome_card(lang: str) -> Attachment:
    """The card sent when Samråd is installed: what it is for, the anonymity promise, the main choices."""
    text = _text_for(lang)
    question = menu_question(lang)
    body = [
        _title(text["welcome.title"]),
        _para(text["welcome.body"]),
        _para(text["welcome.anonymity"]),
        _para(text["welcome.acute"], weight="Bolder", color="Attention"),
        _para(text["menu.title"], spacing="Medium"),
        *_option_sets(question),
    ]
    return _card(body,
                 fallback="\n".join([text["welcome.title"], text["welcome.body"], text["welcome.anonymity"],
                                     text["welcome.acute"], _numbered(question.options)]))


def _option_actions(question: Question) -> list[dict[str, Any]]:
    actions = []
    for option in question.options:
        style = {"style": "destructive"} if option.value == "acute" else {}
        actions.append(_submit(option.label, {"action": question.action, "choice": option.value}, **style))
    return actions


def _option_sets(question: Question) -> list[dict[str, Any]]:
    """Option buttons in the body, a few per row set, so every client shows them all in order."""
    return action_sets(_option_actions(question))


def question_card(question: Question, lang: str) -> Attachment:
    """Any question: its lines, an optional text field or multi-select, and one button per option."""
    text = _text_for(lang)
    body: list[dict[str, Any]] = [
        _title(line) if index == 0 else _para(line) for index, line in enumerate(question.lines)
    ]
    actions: list[dict[str, Any]] = []
    if question.multi:
        body.append({
            "type": "Input.ChoiceSet", "id": "choices", "isMultiSelect": True, "style": "expanded",
            # The number lets a user answer by typing it; _plain keeps "1. Ja" from becoming a Markdown list that
            # Web Chat renders as "1." on every line.
            "choices": [{"title": _plain(f"{n}. {o.label}"), "value": o.value}
                        for n, o in enumerate(question.options, start=1)],
        })
        actions.append(_submit(question.submit or text["concern.send"], {"action": question.action}))
    if question.text_input is not None:
        # The field comes before the option buttons, whose numbers must match the typed-number parser.
        body.append({"type": "Input.Text", "id": "text", "isMultiline": True, "maxLength": 1000,
                     "placeholder": question.text_input})
        actions.append(_submit(question.submit or text["place.send"], {"action": question.action}))
    if not question.multi:
        body.extend(_option_sets(question))
    if question.options:
        body.append(_para(text["choice.hint"], isSubtle=True, size="Small"))
    fallback = "\n".join([*question.lines, _numbered(question.options)]).strip()
    return _card(body, actions, fallback=fallback)


def help_card(lang: str) -> Attachment:
    """What Samråd does and the words that work at any time."""
    text = _text_for(lang)
    lines = [text["help.cancel"], text["help.restart"], text["help.human"], text["help.language"]]
    body = [_title(text["help.title"]), _para(text["help.body"]),
            *[_para(f"- {line}", spacing="None") for line in lines],
            _para(text["help.acute"], weight="Bolder", color="Attention")]
    return _card(body, fallback="\n".join([text["help.title"], text["help.body"], *lines, text["help.acute"]]))


def acute_card(lang: str, route: RouteDecision | None = None,
               districts: Sequence[Mapping[str, Any]] = (), *, eservice_url: str = ESERVICE_URL, dismiss: bool = False
               ) -> Attachment:
    """"Ring 112 nu" first; then the numbers open now, the closed ones with their opening; a district picker if unknown.

    With *districts* the picker is one button per district; without, one button that asks for the district.
    """
    return attachment(acute_content(lang, route, districts, eservice_url=eservice_url, dismiss=dismiss))


def _units(route: RouteDecision | None) -> list[Entry]:
    order = {kind: index for index, kind in enumerate(CONTACT_ORDER)}
    return sorted(entries(route), key=lambda unit: order.get(unit.kind, len(order)))


def _facts(lang: str, units: Iterable[Entry]) -> dict[str, Any]:
    text = _text_for(lang)
    facts = []
    for unit in units:
        title = text.get(f"contact.{unit.kind}", _plain(unit.name))
        parts = [_plain(value or "") for value in (unit.name, unit.phone, unit.email)]
        if unit.open_now:
            parts.append(text["contact.open_now"])
        elif unit.next_opening is not None:
            opens = when_text(lang, unit.next_opening, STOCKHOLM)
            parts.append(say(lang, "contact.opens", when=opens))
        else:
            parts.append(text["contact.closed_now"])
        facts.append({"title": title, "value": " · ".join(p for p in parts if p)})
    return {"type": "FactSet", "facts": facts}


def contacts_card(lang: str, route: RouteDecision, *, eservice_url: str = ESERVICE_URL) -> Attachment:
    """The district's socionom, intake, socialjour and early-support units, and the e-service for reports."""
    text = _text_for(lang)
    district = _plain(route_district_name(route) or "")
    units = _units(route)
    body: list[dict[str, Any]] = [_title(say(lang, "guidance.contacts", district=district))]
    if units:
        body.append(_facts(lang, units))
    else:
        body.append(_para(say(lang, "contact.none", district=district)))
    body.append(_para(text["guidance.where"], isSubtle=True))
    fallback = "\n".join([say(lang, "guidance.contacts", district=district), eservice_url])
    return _card(body, [_open_url(text["guidance.eservice"], eservice_url)], fallback=fallback)


def guidance_card(lang: str, assessment: Mapping[str, Any], route: RouteDecision | None,
                  law: str, *, eservice_url: str = ESERVICE_URL) -> Attachment:
    """Outcome, why, what to do next, the district's contacts, the guardians advice, and the duty's reminders."""
    text = _text_for(lang)
    outcome = assessment["outcome"]
    body: list[dict[str, Any]] = [
        _title(text[f"guidance.title.{outcome}"], attention=outcome in ("acute", "report")),
        _para(text[f"guidance.lead.{outcome}"]),
    ]
    reasons = [reason_text(lang, code) for code in assessment.get("reasons") or ()]
    reasons += [reason_text(lang, code) for code in shown_reasons(route)]
    reasons = [r for r in reasons if r]
    if reasons:
        body.append(_para(text["guidance.why"], weight="Bolder", spacing="Medium"))
        body += [_para(f"- {reason}", spacing="None") for reason in reasons]
    body.append(_para(text["guidance.next"], weight="Bolder", spacing="Medium"))
    body.append(_para(text[f"guidance.next.{outcome}"]))
    body.append(_para(text["guidance.guardians.yes" if assessment.get("tell_guardians_first")
                           else "guidance.guardians.no"]))
    if route is not None:
        units = _units(route)
        if outcome == "support":
            units = [u for u in units if u.kind in EARLY_SUPPORT] or units
        district = _plain(route_district_name(route) or "")
        body.append(_para(say(lang, "guidance.contacts", district=district), weight="Bolder", spacing="Medium"))
        body.append(_facts(lang, units) if units else _para(say(lang, "contact.none", district=district)))
    body += [
        _para(say(lang, "guidance.duty", law=law), spacing="Medium"),
        _para(text["guidance.where"]),
        _para(text["guidance.not_replace"], weight="Bolder"),
        _para(text["guidance.decide"], isSubtle=True),
    ]
    fallback = "\n".join([text[f"guidance.title.{outcome}"], text[f"guidance.lead.{outcome}"],
                          text["guidance.not_replace"], eservice_url])
    return _card(body, [_open_url(text["guidance.eservice"], eservice_url)], fallback=fallback)


def note_card(lang: str, note: Mapping[str, Any], district_name: str | None, note_id: str | None) -> Attachment:
    """The konsultationsanteckning (avidentifierad): day, district, age band, categories — no child data."""
    text = _text_for(lang)
    facts = [
        (text["note.day"], note.get("day") or ""),
        (text["note.district"], _plain(district_name or "")),
        (text["note.age"], text.get(f"q.age.{note.get('age_band')}", "")),
        (text["note.categories"], ", ".join(text.get(f"category.{c}", c) for c in note.get("categories") or [])),
        (text["note.duration"], text.get(f"q.duration.{note.get('duration')}", "")),
        (text["note.outcome"], text.get(f"outcome.{note.get('outcome')}", "")),
        (text["note.id"], note_id or ""),
    ]
    body = [
        _title(text["note.title"]),
        _para(text["note.lead"], isSubtle=True),
        {"type": "FactSet", "facts": [{"title": t, "value": v} for t, v in facts if v]},
        _para(text["guidance.not_replace"], weight="Bolder"),
    ]
    return _card(body, fallback="\n".join([text["note.title"], *(f"{t}: {v}" for t, v in facts if v)]))


def private_only_card(lang: str, link: str) -> Attachment:
    """The one line a team channel or group chat gets, with a button that opens the personal chat."""
    text = _text_for(lang)
    return _card([_para(text["private.only"])], [_open_url(text["private.open"], link)],
                 fallback=f"{text['private.only']} {link}")


def faq_card(lang: str, title: str, body_text: str, *, follow_up: bool = True) -> Attachment:
    """One FAQ article, with a way to ask again or start a consultation (*follow_up*; not inside a consultation)."""
    text = _text_for(lang)
    body = [_title(title), _para(body_text)]
    actions = [_submit(text["faq.more"], {"action": MENU_ACTION, "choice": "faq"}),
               _submit(text["menu.consult"], {"action": MENU_ACTION, "choice": "consult"})] if follow_up else []
    return _card(body, actions, fallback=f"{title}\n{body_text}")
