"""ContactDialog (*Hitta min kontakt*): preschool or district → the district's contacts."""

from __future__ import annotations

from botbuilder.core import MessageFactory
from botbuilder.dialogs import DialogTurnResult, WaterfallDialog, WaterfallStepContext

from dialogs.base import InterruptibleDialog, passed_on, then
from dialogs.cards import contacts_card
from dialogs.place import PlaceDialog
from dialogs.ports import DialogServices
from dialogs.route_lookup import decide
from dialogs.text import say


class ContactDialog(InterruptibleDialog):
    """Shows the socionom, intake, early-support units and socialjour for the user's preschool."""

    def __init__(self, services: DialogServices) -> None:
        super().__init__(ContactDialog.__name__, services)
        self.add_dialog(PlaceDialog(services))
        self.add_dialog(WaterfallDialog("contact", [self._ask_preschool, self._show_contacts]))
        self.initial_dialog_id = "contact"

    async def _ask_preschool(self, step: WaterfallStepContext) -> DialogTurnResult:
        await step.context.send_activity(say(await self.lang(step.context), "contact.intro"))
        return await step.begin_dialog(PlaceDialog.__name__)

    async def _show_contacts(self, step: WaterfallStepContext) -> DialogTurnResult:
        if (result := passed_on(step.result)) is not None:
            return await step.end_dialog(result)
        lang = await self.lang(step.context)
        route = await decide(self.services, step.result)
        card = contacts_card(lang, route, eservice_url=self.services.eservice_url)
        await step.context.send_activity(MessageFactory.attachment(card))
        await step.context.send_activity(say(lang, "contact.done"))
        return await step.end_dialog(then("end"))
