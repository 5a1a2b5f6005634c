"""English: the handoff to a socionom — asking for one, and the relay both ways."""

TEXT: dict[str, str] = {
    # Handoff
    "handoff.share_name": (
        "May the social worker see your name? With your name the social worker can get back to you; "
        "without it you stay anonymous. Don't write the child's name or anything that could identify the child."
    ),
    "handoff.share_yes": "Yes, show my name",
    "handoff.share_no": "No, I want to stay anonymous",
    "handoff.unavailable": (
        "There is no social worker in {district} I can send a request to through Teams. Here are the "
        "contacts instead — call or e-mail them."
    ),
    # --- handoff relay (bot/handoff; owned by the handoff engineer) — begin ---
    "relay.sent": (
        "I have sent your request to the social workers in {district}. I'll tell you here when someone "
        "takes it. Type **cancel** if you want to withdraw the request."
    ),
    "relay.sent_on_call": "I have sent your request to the social worker on call for {district}.",
    "relay.already_waiting": "You already have a request waiting. Type **cancel** if you want to withdraw it.",
    "relay.waiting": (
        "Your request is still waiting for a social worker. I'll tell you here as soon as someone takes it. "
        "Type **cancel** to withdraw it."
    ),
    "relay.withdraw_button": "Withdraw the request",
    "relay.withdrawn": "Your request has been withdrawn.",
    "relay.closed_hours": (
        "The social workers in {district} are closed right now. They open again {opens}. The request waits "
        "until then."
    ),
    "relay.closed_hours_unknown": (
        "The social workers in {district} are closed right now. The request waits until someone can take "
        "it."
    ),
    "relay.acute_advice": (
        "If the child is in immediate danger — call 112 now. If it is urgent out of office hours: call "
        "socialjouren (out-of-hours social services){phone}."
    ),
    "relay.escalated_backup": "Nobody has taken the request yet. I have now asked more social workers in {district}.",
    "relay.waits_overnight": (
        "Nobody has taken the request yet, and the social workers in {district} are closed now. The request is "
        "kept and goes to them when they open {opens}. You can withdraw it at any time — type **cancel**."
    ),
    "relay.escalated_channel": "Nobody has taken the request yet. I have now sent it to the whole unit's channel.",
    "relay.expired": (
        "Unfortunately no social worker could take the request right now. If the child is in immediate "
        "danger — call 112 now. Call the intake unit in {district} directly{phone}, or socialjouren "
        "(out-of-hours social services) out of office hours. A consultation does not replace a report: if "
        "you suspect the child is being harmed, report."
    ),
    "relay.claimed_staff": (
        "{name} ({role}) has taken your request. Write here and I'll pass it on. Type **end** when you are done."
    ),
    "relay.privacy": (
        "Don't write the child's name or anything that could identify the child. I remove names, personal "
        "identity numbers, addresses and phone numbers before anything is passed on, but I may miss something. "
        "If the child can be identified, "
        "social services may have to treat the conversation as a report."
    ),
    "relay.claimed_you": (
        "You have taken the request. You are now talking with {who}. Write here and I'll pass it on. "
        "Type **end** when you are done."
    ),
    "relay.staff_anonymous": "staff at a preschool in {district}",
    "relay.unknown_district": "an unknown district",
    "relay.default_role": "social worker",
    "relay.already_taken": "The request has already been taken by {name}.",
    "relay.already_taken_unknown": "The request has already been taken.",
    "relay.gone": "The request is no longer open.",
    "relay.from": "**{who}:** {text}",
    "relay.masked": "(I removed details that could identify someone before passing the message on.)",
    "relay.end_button": "End the conversation",
    "relay.ended_staff": (
        "The conversation has ended. You'll get the next step here once the social worker has chosen an "
        "outcome."
    ),
    "relay.ended_by_socionom": "{name} has ended the conversation. You'll get the next step shortly.",
    "relay.ended_by_staff": "The staff member has ended the conversation. Choose an outcome below.",
    "relay.acute_flag": (
        "Note: the staff member's message showed signs of immediate danger. I have told them to call "
        "112."
    ),
    "relay.words.end": "end|end chat|done|avsluta|avsluta samtalet",
    "relay.words.withdraw": "cancel|withdraw|avbryt|dra tillbaka",
    "relay.weekdays": "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday",
    "relay.opens_at": "{weekday} {day}/{month} at {time}",
    "relay.offer.title": "New consultation request",
    "relay.offer.district": "District",
    "relay.offer.time": "Received",
    "relay.offer.categories": "Concern",
    "relay.offer.urgency": "Urgency",
    "relay.offer.backup": "Nobody has taken the request for {minutes} minutes.",
    "relay.offer.privacy": (
        "Nothing that could identify the child or the staff member is shown here. The note is shown to "
        "whoever takes the request."
    ),
    "relay.claim": "Take the request",
    "relay.taken": "Taken by {name}",
    "relay.card_withdrawn": "The staff member withdrew the request.",
    "relay.card_expired": "Nobody took the request in time; the staff member was given other contacts.",
    "relay.urgency.acute": "Acute",
    "relay.urgency.high": "High",
    "relay.urgency.normal": "Normal",
    "relay.note.title": "Consultation note (anonymised)",
    "relay.note.age": "Age",
    "relay.note.duration": "How long",
    "relay.note.guidance": "Samråd's assessment",
    "relay.note.summary": "Summary",
    "relay.note.day": "Day",
    "relay.note.signals": "Signs",
    "relay.note.reasons": "What Samråd told the staff member",
    "relay.outcome.ask": "How does the request end? The staff member gets the next step based on your choice.",
    "relay.outcome.report": "Report recommended",
    "relay.outcome.early_support": "Early support",
    "relay.outcome.observe": "Keep observing",
    "relay.outcome.no_action": "No further action",
    "relay.outcome.saved": "Thank you, the outcome is saved and the staff member has the next step.",
    "relay.result.title": "Next step after the conversation",
    "relay.result.outcome": "The social worker's assessment: {outcome}",
    "relay.next.report": (
        "Make a report of concern now. The report goes where the child lives. The duty to report is "
        "personal — a consultation does not replace a report."
    ),
    "relay.next.report_link": "Report a concern in the e-service",
    "relay.next.intake": "Intake unit in {district}: {phone}",
    "relay.next.early_support": (
        "The family can get early support. If you still suspect the child is being harmed, report — a "
        "consultation does not replace a report. Tell the guardians about:"
    ),
    "relay.next.observe": (
        "Keep observing and write down what you see and hear, with dates. A consultation does not replace a "
        "report: if you suspect the child is being harmed, report — also if the concern grows or something "
        "new happens."
    ),
    "relay.next.no_action": (
        "The social worker sees no need for further action right now. A consultation does not replace a "
        "report: if you still suspect the child is being harmed, report. If something new happens you can "
        "always consult again."
    ),
    "relay.rate.ask": "How much did this help you? (1 = not at all, 5 = a lot)",
    "relay.rate.thanks": "Thank you for your rating!",
    "relay.after_hours": (
        "The social workers in {district} are closed now. Your request is saved and waits: it goes to them when "
        "they open {opens}, and you will hear here when someone takes it. You can withdraw it at any time — "
        "type **cancel** or press the button."
    ),
    "relay.waiting_for_opening": (
        "Your request is waiting for the social workers in {district} to open {opens}. I will tell you here as "
        "soon as someone takes it. Type **cancel** to withdraw it."
    ),
    "relay.claim_refused": (
        "You cannot take this request: it was not sent to you. Only someone it was sent to, or the channel it "
        "was posted in, can take it."
    ),
    "relay.claim_refused_own": "This is your own request, so you cannot take it yourself. A social worker will.",
    "relay.idle_closed_staff": (
        "The conversation with the social worker has ended because nobody wrote for {duration}. A consultation "
        "does not replace a report: if you suspect that the child is being harmed, you must report. You can "
        "always ask for a social worker again."
    ),
    "relay.idle_closed_socionom": "The conversation has ended because nobody wrote for {duration}.",
    "relay.duration.hours": "{n} hours",
    "relay.duration.hour": "an hour",
    "relay.duration.minutes": "{n} minutes",
    "relay.focus.ask": "You have several conversations going. Which one is this message for?",
    "relay.focus.option": "{who}, asked {when}",
    "relay.focus.set": "Your messages now go to: {label}.",
    "relay.offer.after_hours": "The request came {when}, outside office hours, and has waited for you to open.",
    # --- handoff relay — end ---
}
