"""English: questions about the duty to report (FAQ)."""

TEXT: dict[str, str] = {
    # FAQ
    "faq.ask": "What would you like to know? Type your question.",
    "faq.placeholder": "For example: Can I report anonymously?",
    "faq.miss": (
        "I don't have a good answer to that question, and I don't want to guess. Would you like to consult "
        "a social worker instead?"
    ),
    "faq.miss.consult": "Yes, consult about a child",
    "faq.miss.no": "No thanks",
    "faq.more": "Ask another question",
    "faq.done": "Write whenever you like.",
}
