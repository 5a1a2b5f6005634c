"""English: acute danger — 112 first, then the social services' numbers."""

TEXT: dict[str, str] = {
    # Acute
    "acute.title": "Call 112 now",
    "acute.body": "If the child is in immediate danger — call 112 now. Don't wait, and don't question the child.",
    "acute.social": "Then call social services. Out of office hours: call socialjouren (out-of-hours social services).",
    "acute.social_known": "Then call social services in {district}:",
    "acute.report": "Also make a report of concern as soon as you can. The report goes where the child lives.",
    "acute.after": "When the child is safe, you can write to me again.",
    "acute.handoff": "Talk to a social worker",
    "acute.menu": "To the menu",
    "acute.open_now": "Open now",
    "acute.closed_now": "Closed right now",
    "acute.opens": "opens {when}",
    "acute.label.mottagning": "Intake",
    "acute.label.socialjour": "Out of hours",
    "acute.pick_district": "Which district is it? Pick it and I will show the number for social services there.",
    "acute.pick_button": "Pick the district",
}
