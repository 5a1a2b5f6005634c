"""Every English string Samråd's dialogs say — one place for the language, one module per area,
gathered here. Same keys and placeholders as the Swedish package."""

from dialogs.text.en import acute, consultation, conversation, faq, guidance, handoff, reasons

# The areas in the order a conversation meets them; a key is written in one area only (a test checks).
AREAS = (conversation, acute, consultation, guidance, handoff, faq)
TEXT: dict[str, str] = {key: value for area in AREAS for key, value in area.TEXT.items()}
REASONS: dict[str, str] = reasons.REASONS
