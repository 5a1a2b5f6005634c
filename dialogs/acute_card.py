"""The acute card: "Ring 112 nu" first, then the numbers open now, the closed ones with their opening.

Its content speaks no Bot Framework SDK, because the handoff (bot/handoff/) answers acute danger with it too; the
dialogs send it as an attachment (`dialogs.cards.acute_card`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from dialogs.cardkit import action_sets, card_content
from dialogs.cardkit import open_url as _open_url
from dialogs.cardkit import para as _para
from dialogs.cardkit import plain as _plain
from dialogs.cardkit import submit as _submit
from dialogs.cardkit import title as _title
from dialogs.route_view import Entry, acute_numbers, route_district_name
from dialogs.text import say, when_text
from dialogs.text import text_for as _text_for
from routing.decision import ESERVICE_URL
from routing.model import STOCKHOLM
from routing.route import RouteDecision

MENU_ACTION = "menu"  # the main menu's submits; the acute card's buttons lead there too
DISMISS_CHOICE = "dismiss"  # "Nej, ingen akut fara" on the acute card
ACUTE_DISTRICT = "acute_district"  # a district picked on the acute card (handled in bot/teams/acute.py)


def acute_content(lang: str, route: RouteDecision | None = None, districts: Sequence[Mapping[str, Any]] = (), *,
                  eservice_url: str = ESERVICE_URL, dismiss: bool = False) -> dict[str, Any]:
    """"Ring 112 nu" first; then the numbers open now, the closed ones with their opening; a district picker if unknown.

    With *districts* the picker is one button per district; without, one button that asks for the district.
    """
    text = _text_for(lang)
    body = [_title(text["acute.title"], attention=True), _para(text["acute.body"], weight="Bolder")]
    numbers = acute_numbers(route)
    district = route_district_name(route)
    body.append(_para(say(lang, "acute.social_known", district=_plain(district)) if district
                      else text["acute.social"]))
    open_now = [n for n in numbers if n.open_now]
    closed = [n for n in numbers if not n.open_now]
    if open_now:
        body.append(_para(text["acute.open_now"], weight="Bolder", spacing="Small"))
        body.append(_number_facts(lang, open_now))
    if closed:
        body.append(_para(text["acute.closed_now"], weight="Bolder", spacing="Small"))
        body.append(_number_facts(lang, closed))
    if not district:
        body.append(_para(text["acute.pick_district"], spacing="Medium"))
        if districts:
            body += action_sets([_submit(_plain(str(d.get("name") or "")),
                                         {"action": ACUTE_DISTRICT, "district": d["id"]}) for d in districts])
        else:
            body.append({"type": "ActionSet", "actions": [_submit(text["acute.pick_button"],
                                                                  {"action": ACUTE_DISTRICT})]})
    body += [_para(text["acute.report"]), _para(text["acute.after"], isSubtle=True)]
    actions = [_submit(text["acute.handoff"], {"action": MENU_ACTION, "choice": "handoff"}),
               _submit(text["acute.menu"], {"action": MENU_ACTION, "choice": "menu"}),
               _open_url(text["guidance.eservice"], eservice_url)]
    if dismiss:
        # A false alarm must not end the consultation: one tap and it goes on where it was.
        actions.insert(2, _submit(text["acute.dismiss"], {"action": MENU_ACTION, "choice": DISMISS_CHOICE}))
    first = open_now[0] if open_now else None
    fallback = "\n".join([text["acute.title"], text["acute.body"],
                          f"{_plain(first.name)}: {first.phone}" if first else text["acute.social"]])
    return card_content(body, actions, fallback=fallback)


def _number_facts(lang: str, numbers: Iterable[Entry]) -> dict[str, Any]:
    text = _text_for(lang)
    facts = []
    for number in numbers:
        parts = [number.phone, _plain(number.name)]
        if not number.open_now and number.next_opening is not None:
            opens = when_text(lang, number.next_opening, STOCKHOLM)
            parts.append(say(lang, "acute.opens", when=opens))
        facts.append({"title": text[f"acute.label.{number.kind}"], "value": " · ".join(p for p in parts if p)})
    return {"type": "FactSet", "facts": facts}
