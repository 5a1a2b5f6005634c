"""English: the welcome, the menu, the words that work anywhere (help, cancel, restart, language), fallbacks
and the edge's lines for group chats and invokes."""

TEXT: dict[str, str] = {
    # Welcome and menu
    "welcome.title": "Hi! I'm Samråd.",
    "welcome.body": (
        "I help you who work in a preschool when you are worried about a child. "
        "You don't need to be sure — being worried is enough."
    ),
    "welcome.anonymity": (
        "You can consult anonymously: I never ask for the child's name. I remove names, personal identity "
        "numbers, addresses and phone numbers before anything is saved — still, don't write the child's name."
    ),
    "welcome.acute": "If the child is in immediate danger — call 112 now.",
    "menu.title": "What would you like to do?",
    "menu.consult": "Consult about a child",
    "menu.contact": "Find my contact",
    "menu.faq": "Ask a question",
    "menu.acute": "Immediate danger",
    "menu.handoff": "Talk to a human",
    "menu.words.consult": "consult|consultation|worried|concern",
    "menu.words.contact": "contact|find contact|my contact|phone number|number",
    "menu.words.faq": "question|questions|ask a question",
    "menu.words.acute": "acute|danger|emergency",
    "choice.hint": "You can also answer with the number or the word.",
    "choice.retry": "I didn't quite get that. Pick one of the options, or type the number in front of it.",
    "choice.none_selected": "Pick at least one option, or type the numbers, for example 1, 3.",
    # Interruptions
    "help.title": "How Samråd works",
    "help.body": (
        "I help you think through a concern about a child, find the right contact and answer questions "
        "about the duty to report. You can type at any time:"
    ),
    "help.cancel": "**cancel** or **stop** — stop what we are doing",
    "help.restart": "**menu** — back to the menu (or **restart**)",
    "help.human": "**talk to a human** — get in touch with a social worker",
    "help.language": "**på svenska** — switch to Swedish",
    "help.acute": "If the child is in immediate danger — call 112 now.",
    "help.back": "Let's carry on where we were.",
    "cancel.done": "OK, I have cancelled. Nothing you wrote was saved. Write whenever you want to start again.",
    "cancel.nothing": "There is nothing to cancel right now.",
    "restart.done": "Let's start again.",
    "language.switched": "I'll write in English now.",
    # Fallbacks
    "fallback.unknown": "I'm not sure what you mean. Here is what I can help with.",
    "message.too_long": (
        "Your message is longer than I can take ({limit} characters). Please write the most important part "
        "more briefly and we'll carry on. If a child is in danger right now: call 112."
    ),
    "error": "Something went wrong on my side. Please try again in a moment.",
    # --- edge: private chats and invokes (bot/handler.py; owned by edge) — begin ---
    "private.only": (
        "I only consult about children in a personal chat, where no one else reads along. I have kept nothing "
        "of what was written here."
    ),
    "private.open": "Open a personal chat with Samråd",
    "invoke.answered": "My answer is in the chat.",
    # --- edge — end ---
}
