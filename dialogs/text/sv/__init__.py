"""Every Swedish string Samråd's dialogs say — one place for the language, one module per area,
gathered here. The English package has the same keys and placeholders."""

from dialogs.text.sv import acute, consultation, conversation, faq, guidance, handoff, reasons

# The areas in the order a conversation meets them; a key is written in one area only (a test checks).
AREAS = (conversation, acute, consultation, guidance, handoff, faq)
TEXT: dict[str, str] = {key: value for area in AREAS for key, value in area.TEXT.items()}
REASONS: dict[str, str] = reasons.REASONS
