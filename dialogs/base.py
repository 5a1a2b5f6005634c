"""InterruptibleDialog: answers acute danger first and handles the words that work anywhere."""

from __future__ import annotations

import asyncio
import logging
from enum import StrEnum
from typing import Any

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.dialogs import ComponentDialog, Dialog, DialogContext, DialogTurnResult, DialogTurnStatus
from botbuilder.schema import ActivityTypes, Attachment

from dialogs.cards import MENU_ACTION, acute_card, help_card
from dialogs.choices import submitted, user_text
from dialogs.description import describe
from dialogs.language import language_of, requested_language, set_language
from dialogs.ports import RESUME_DIALOGS, DialogServices
from dialogs.prompt import ASK, AskDialog
from dialogs.questions import QUESTIONS
from dialogs.route_lookup import districts as active_districts
from dialogs.route_view import route_district_name
from dialogs.text import say
from knowledge.acute import is_acute
from knowledge.text import normalize
from knowledge.understanding import Understanding, understand
from routing.route import RouteDecision

log = logging.getLogger(__name__)
# Set once per turn so that only one dialog (the innermost active one) handles an interruption.
CHECKED = "samrad.interruptions_checked"
# Set when an interruption used up this turn's text, so a dialog that begins now must not read it.
CONSUMED = "samrad.text_consumed"
# This turn's understanding, so the text is understood once per turn; in memory only, never stored.
UNDERSTOOD = "samrad.understood"


# A message this long that answers no question is the staff member's own account, even when the understanding finds
# no worry words in it ("han har haft ont i magen och är tyst, pratar inte om hemma"): the consultation starts from
# it and asks, rather than saying it did not understand.
ACCOUNT_MIN_WORDS = 6
ACUTE_LOOKUP_SECONDS = 1.0  # the 112 card must go out at once; numbers are a bonus


async def city_wide_route(services: DialogServices) -> RouteDecision | None:
    """The city-wide route (socialjouren), or None if routing cannot answer quickly: 112 never waits for it."""
    try:
        async with asyncio.timeout(ACUTE_LOOKUP_SECONDS):
            return await services.routing.decide(at=services.clock())
    except Exception as error:  # any failure here must not stop the 112 advice
        log.warning("no route for the acute card", extra={"event": "acute_route_failed",
                                                          "error_type": type(error).__name__})
        return None


async def acute_attachment(services: DialogServices, lang: str, route: RouteDecision | None, *,
                           dismiss: bool = False) -> Attachment:
    """The acute card for *route*; when its district is unknown, one button per district picks it in one tap."""
    districts: list[dict[str, Any]] = []
    if not route_district_name(route):
        try:
            async with asyncio.timeout(ACUTE_LOOKUP_SECONDS):
                districts = await active_districts(services)
        except Exception as error:  # without the list the card still asks for the district, with one more tap
            log.warning("no districts for the acute card", extra={"event": "acute_districts_failed",
                                                                  "error_type": type(error).__name__})
    return acute_card(lang, route, districts, eservice_url=services.eservice_url, dismiss=dismiss)


class Command(StrEnum):
    """Words that work anywhere in any dialog."""

    CANCEL = "cancel"
    RESTART = "restart"
    HELP = "help"
    HUMAN = "human"


# Whole-message commands: matched on the normalized message, never inside longer text.
_COMMANDS = {
    "avbryt": Command.CANCEL, "cancel": Command.CANCEL, "stopp": Command.CANCEL, "stop": Command.CANCEL,
    "sluta": Command.CANCEL, "avsluta": Command.CANCEL, "quit": Command.CANCEL, "exit": Command.CANCEL,
    "borja om": Command.RESTART, "restart": Command.RESTART, "start over": Command.RESTART,
    # The cards teach "Till menyn": the menu is one word away from any step.
    "meny": Command.RESTART, "menyn": Command.RESTART, "till menyn": Command.RESTART,
    "tillbaka": Command.RESTART, "ga tillbaka": Command.RESTART, "huvudmeny": Command.RESTART,
    "menu": Command.RESTART, "main menu": Command.RESTART, "back": Command.RESTART, "go back": Command.RESTART,
    "to the menu": Command.RESTART,
    "hjalp": Command.HELP, "help": Command.HELP, "?": Command.HELP,
}
# A request for a person may come inside a sentence ("jag vill prata med en människa").
_HUMAN_PHRASES = ("prata med en manniska", "prata med manniska", "prata med nagon", "prata med en person",
                  "talk to a human", "talk to a person", "talk to someone", "speak to a human")


def command_of(text: str) -> Command | None:
    """The command a message is, or None."""
    key = normalize(text)
    if key in _COMMANDS:
        return _COMMANDS[key]
    padded = f" {key} "
    if any(f" {phrase} " in padded for phrase in _HUMAN_PHRASES):
        return Command.HUMAN
    return None


def understood_now(context: TurnContext, text: str) -> Understanding:
    """This turn's understanding of *text*, computed once per turn and kept only in the turn's memory."""
    key = hash(text)  # the key is a hash, so not even the turn state holds the text itself
    cached = context.turn_state.get(UNDERSTOOD)
    if cached is not None and cached[0] == key:
        return cached[1]
    try:
        found = understand(text)
    except Exception as error:  # a reading error must not stop the turn: acute words still reach is_acute
        log.error("understanding failed", extra={"event": "understanding_failed", "error_type": type(error).__name__})
        found = Understanding(is_concern=False)
    context.turn_state[UNDERSTOOD] = (key, found)
    return found


def acute_code_of(context: TurnContext, text: str) -> str | None:
    """The acute situation in *text* by either reading of it (the more urgent wins), or None."""
    signal = is_acute(text)
    return signal.code if signal is not None else understood_now(context, text).acute_code


def told_at_length(text: str) -> bool:
    """Whether *text* is long enough to be an account of its own (see ACCOUNT_MIN_WORDS)."""
    return sum(any(char.isalpha() for char in word) for word in text.split()) >= ACCOUNT_MIN_WORDS


def pending_question(dialog_context: DialogContext) -> dict[str, Any] | None:
    """The question AskDialog is waiting on, at any depth below *dialog_context*, or None."""
    stack = list(dialog_context.stack)
    while stack:
        top = stack[0]
        if top.id == ASK:
            asked = top.state.get("ask")
            return asked if isinstance(asked, dict) else None
        # A component dialog keeps its own stack in its state (botbuilder's ComponentDialog is no container).
        inner = top.state.get("dialogs") if isinstance(top.state, dict) else None
        stack = list(getattr(inner, "dialog_stack", None) or [])
    return None


def is_option_of(asked: dict[str, Any] | None, lang: str, text: str) -> bool:
    """Whether *text* is, word for word, one of the options of the question *asked*."""
    if not asked or asked.get("question") not in QUESTIONS:
        return False
    question = QUESTIONS[asked["question"]](lang, asked.get("args") or {})
    key = normalize(text)
    return any(key in {normalize(option.label), normalize(option.value), *map(normalize, option.words)}
               for option in question.options)


def then(next_step: str, **extra: Any) -> dict[str, Any]:
    """A sub-dialog's result telling MainDialog what to do next ("end", "menu", "handoff", "consult" ...)."""
    return {"then": next_step, **extra}


def passed_on(result: object) -> dict[str, Any] | None:
    """The result when it is an interruption passed up from a child dialog, else None."""
    return result if isinstance(result, dict) and "then" in result else None


class InterruptibleDialog(ComponentDialog):
    """A component dialog that checks every message for acute danger and commands before its steps see it."""

    # A dialog that keeps its own state across its children (the consultation) checks every message itself.
    checks_children = False

    def __init__(self, dialog_id: str, services: DialogServices) -> None:
        super().__init__(dialog_id)
        self.services = services
        self.add_dialog(AskDialog(services.user_state))

    async def lang(self, context: TurnContext) -> str:
        """The language to answer in this turn."""
        return await language_of(context, self.services.user_state)

    async def on_begin_dialog(self, inner_dc: DialogContext, options: object) -> DialogTurnResult:
        """Check the message that started the dialog, then begin."""
        result = await self._check(inner_dc, beginning=True)
        if result is not None:
            return result
        return await super().on_begin_dialog(inner_dc, options)

    async def on_continue_dialog(self, inner_dc: DialogContext) -> DialogTurnResult:
        """Let the innermost interruptible dialog check the message, then continue the steps."""
        active = inner_dc.active_dialog
        child = await inner_dc.find_dialog(active.id) if active is not None else None
        if self.checks_children or not isinstance(child, InterruptibleDialog):
            result = await self._check(inner_dc, beginning=False)
            if result is not None:
                return result
        return await super().on_continue_dialog(inner_dc)

    async def _check(self, inner_dc: DialogContext, *, beginning: bool) -> DialogTurnResult | None:
        context = inner_dc.context
        if context.turn_state.get(CHECKED) or context.activity.type != ActivityTypes.message:
            return None
        context.turn_state[CHECKED] = True
        if context.turn_state.get(RESUME_DIALOGS):
            # The message was someone else's (e.g. "avbryt" to a waiting handoff): nothing here reads it.
            context.turn_state[CONSUMED] = True
            return await self.on_given_back(inner_dc, beginning)
        text = user_text(context.activity)
        if text and (code := acute_code_of(context, text)) is not None:
            log.info("acute", extra={"event": "acute", "dialog": self.id, "code": code})
            context.turn_state[CONSUMED] = True
            return await self.on_acute(inner_dc, code)
        value = submitted(context.activity)
        if not beginning and not text and value and value.get("action") == MENU_ACTION:
            return await self.on_menu_choice(inner_dc, str(value.get("choice") or "menu"))
        if not beginning and not text and value:
            asked = pending_question(inner_dc)
            if asked is None or value.get("action") != QUESTIONS[asked["question"]]("sv", asked.get("args") or {}
                                                                                   ).action:
                return await self.on_stale_click(inner_dc, value)
        if not text:
            return None
        if (lang := requested_language(text)) is not None:
            context.turn_state[CONSUMED] = True
            await set_language(context, self.services.user_state, lang)
            await context.send_activity(say(lang, "language.switched"))
            return await self._resume(inner_dc, beginning)
        command = command_of(text)
        if command is not None and not beginning and is_option_of(pending_question(inner_dc),
                                                                  await self.lang(context), text):
            command = None  # "Avsluta" on the final card is that card's answer, not the command
        if command is None:
            return None if beginning else await self.on_text(inner_dc, text)
        log.info("command", extra={"event": "command", "dialog": self.id, "command": str(command)})
        context.turn_state[CONSUMED] = True
        lang = await self.lang(context)
        if command is Command.CANCEL:
            await context.send_activity(say(lang, "cancel.nothing" if beginning else await self.cancel_text(inner_dc)))
            return await self.interrupted(inner_dc, then("end"))
        if command is Command.RESTART:
            await context.send_activity(say(lang, "restart.done"))
            return await self.interrupted(inner_dc, then("menu"))
        if command is Command.HELP:
            await context.send_activity(MessageFactory.attachment(help_card(lang)))
            return await self._resume(inner_dc, beginning)
        return await self.on_human(inner_dc)

    async def _resume(self, inner_dc: DialogContext, beginning: bool) -> DialogTurnResult | None:
        if beginning:
            return None
        await inner_dc.context.send_activity(say(await self.lang(inner_dc.context), "help.back"))
        await inner_dc.reprompt_dialog()
        return Dialog.end_of_turn

    async def on_acute(self, inner_dc: DialogContext, code: str) -> DialogTurnResult:
        """Leave this dialog for a consultation that answers "Ring 112 nu" first and keeps the message."""
        text = user_text(inner_dc.context.activity)
        # Described here, in the turn: only codes and scrubbed text travel on.
        opening = await describe(text, self.services.scrub) if text else None
        return await self.interrupted(inner_dc, then("consult", opening=opening, acute=code))

    async def on_human(self, inner_dc: DialogContext) -> DialogTurnResult:
        """"Prata med en människa": by default, leave this dialog for a handoff with what is known."""
        return await self.interrupted(inner_dc, then("handoff", handoff=await self.handoff_context(inner_dc)))

    async def on_text(self, inner_dc: DialogContext, text: str) -> DialogTurnResult | None:
        """A typed message that is no command: return a result to take it, or None to let the steps read it."""
        return None

    async def on_stale_click(self, inner_dc: DialogContext, value: dict[str, Any]) -> DialogTurnResult | None:
        """A click on a card that is not the question being asked; None lets the steps read it as usual."""
        return None

    async def on_given_back(self, inner_dc: DialogContext, beginning: bool) -> DialogTurnResult:
        """The conversation is back after a withdrawn handoff: by default nothing was waiting, so say how to go on."""
        await inner_dc.context.send_activity(say(await self.lang(inner_dc.context), "resume.nothing"))
        if beginning:
            return DialogTurnResult(DialogTurnStatus.Complete)
        return Dialog.end_of_turn

    async def cancel_text(self, inner_dc: DialogContext) -> str:
        """The key of what to say when the user cancels: by default, that nothing was kept."""
        return "cancel.done"

    async def handoff_context(self, inner_dc: DialogContext) -> dict[str, Any]:
        """What a handoff started from here should know (district, note); empty when nothing is known."""
        return {}

    async def on_menu_choice(self, inner_dc: DialogContext, choice: str) -> DialogTurnResult:
        """A click on a menu button of an earlier card: leave this dialog and do that instead."""
        return await self.interrupted(inner_dc, then(choice))

    async def interrupted(self, inner_dc: DialogContext, result: dict[str, Any]) -> DialogTurnResult:
        """Stop this dialog's steps and hand *result* to the parent (MainDialog decides what comes next)."""
        await inner_dc.cancel_all_dialogs()
        return DialogTurnResult(DialogTurnStatus.Complete, result)
