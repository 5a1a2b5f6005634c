"""`samrad chat`: the real dialogs in-process, with cards as text, so anyone can try Samråd without Teams."""

from __future__ import annotations

import asyncio
import sys
import uuid
from typing import Any, TextIO

from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount

from bot.cardtext import render_card, terminal_safe
from bot.database import check_schema
from bot.inbound import clean_text
from bot.settings import Settings
from bot.wiring import running

CARD = "application/vnd.microsoft.card.adaptive"
QUIT = {"/quit", "/exit", "/sluta"}


def render_activity(activity: Activity) -> tuple[str, list[dict[str, Any]]]:
    """Text for one bot activity and the submit actions its cards offer."""
    parts: list[str] = []
    actions: list[dict[str, Any]] = []
    if activity.text:
        parts.append(activity.text)
    for attachment in activity.attachments or []:
        if attachment.content_type == CARD and isinstance(attachment.content, dict):
            # Numbers continue across several cards in one reply, so each picks one action.
            rendered = render_card(attachment.content, first_number=len(actions) + 1)
            actions.extend(rendered.actions)
            parts.append(rendered.text())
    return "\n".join(parts), actions


async def run_chat(settings: Settings, *, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Read lines from *stdin*, send them to the bot, print its replies; numbers pick card actions."""
    session = uuid.uuid4().hex[:12]  # every run is a new person in a new chat: the welcome, then a clean start
    template = Activity(
        channel_id="msteams",
        service_url="https://terminal.invalid/",
        from_property=ChannelAccount(id=f"29:terminal-{session}", name="Terminal", aad_object_id=f"terminal-{session}"),
        recipient=ChannelAccount(id="28:samrad", name="Samråd"),
        conversation=ConversationAccount(id=f"terminal-{session}", conversation_type="personal"),
        locale="sv-SE",
    )
    adapter = TestAdapter(template_or_conversation=template)
    async with running(settings, adapter=adapter) as services:
        await check_schema(services.engine)
        adapter.logic = services.teams.bot.on_turn
        await _converse(adapter, template, stdin, stdout)
    return 0


async def _converse(adapter: Any, template: Activity, stdin: TextIO, stdout: TextIO) -> None:
    """The terminal loop: the welcome, then a line in, the bot's replies out, until end of input or /quit."""
    actions: list[dict[str, Any]] = []

    def show() -> None:
        nonlocal actions
        actions = []
        while adapter.activity_buffer:
            activity = adapter.activity_buffer.pop(0)
            if activity.type != ActivityTypes.message:
                continue
            text, found = render_activity(activity)
            if found:
                actions = found
            # Replies carry routing data and echoes of what was typed: never let them drive the terminal.
            print(f"\nSamråd:\n{terminal_safe(text)}\n", file=stdout)

    print("Samråd i terminalen. Skriv som i Teams; en siffra väljer ett kort-alternativ. /quit avslutar.", file=stdout)
    await adapter.receive_activity(Activity(type=ActivityTypes.conversation_update, members_added=[template.recipient]))
    show()
    loop = asyncio.get_running_loop()
    while True:
        print("> ", end="", file=stdout, flush=True)
        line = await loop.run_in_executor(None, stdin.readline)
        if not line:
            break
        line = clean_text(line).strip()  # as /api/messages does, before the dialogs see it
        if line in QUIT:
            break
        if not line:
            continue
        if line.isdigit() and 1 <= int(line) <= len(actions):
            await adapter.receive_activity(Activity(type=ActivityTypes.message, value=actions[int(line) - 1]))
        else:
            await adapter.receive_activity(Activity(type=ActivityTypes.message, text=line))
        show()
