"""English: the guidance card, the contacts, the final choice and the consultation note."""

TEXT: dict[str, str] = {
    # Guidance
    "guidance.title.acute": "Call 112 now",
    "guidance.title.report": "Your concern must be reported",
    "guidance.title.consult": "Consult a social worker",
    "guidance.title.support": "The family may need support",
    "guidance.lead.acute": "What you describe may mean the child is in immediate danger. Call 112 now.",
    "guidance.lead.report": (
        "What you describe is the kind of concern that must be reported to social services straight away. "
        "You don't need proof — it is social services that investigate, not you."
    ),
    "guidance.lead.consult": (
        "It isn't clear-cut here, so I recommend that you consult a social worker (socionom). "
        "If you suspect that the child is being harmed, report straight away, even without consulting first. "
        "If the concern remains after the conversation, you must report."
    ),
    "guidance.lead.support": (
        "What you describe sounds like the family needs support. You can tell the parents about the "
        "support below. If you still suspect that the child is being harmed, report straight away — you "
        "don't need to be sure. If you are unsure, you can consult a social worker anonymously."
    ),
    "guidance.why": "Why I say this",
    "guidance.next": "What you can do now",
    "guidance.next.acute": "Call 112. Then call social services, or socialjouren out of office hours.",
    "guidance.next.report": "Make a report of concern straight away, through the e-service or by phone.",
    "guidance.next.consult": (
        "Consult a social worker anonymously. As an employee you cannot report anonymously, but you can "
        "consult anonymously first. Don't name the child: if the child can be identified, social services "
        "may have to treat the call as a report."
    ),
    "guidance.next.support": "Tell the parents about the support below. It is voluntary for the family.",
    "guidance.duty": (
        "The duty to report is personal: your manager can co-sign but cannot take it over. See {law}."
    ),
    "guidance.where": (
        "The report goes to social services where the child lives. That may be another district or "
        "municipality than the preschool's."
    ),
    "guidance.not_replace": "A consultation does not replace a report.",
    "guidance.guardians.no": (
        "Don't tell the guardians first. When you suspect violence, sexual abuse or honour-related violence "
        "and oppression, consult social services first — they decide when and how the guardians are told."
    ),
    "guidance.guardians.yes": (
        "It is often good to tell the guardians that the preschool is worried and what you plan to do. "
        "That is your call, preferably together with social services. If the concern is about violence, "
        "sexual abuse or honour-related violence and oppression, do not tell them first. You don't need "
        "the guardians' permission to report."
    ),
    "guidance.contacts": "Contacts in {district}",
    "guidance.eservice": "Make a report of concern (e-service)",
    "guidance.decide": "You decide what you do.",
    "contact.socionom": "Social worker (socionom)",
    "contact.mottagning": "Intake unit for children and young people",
    "contact.foraldraradgivning": "Parenting advice",
    "contact.familjecentral": "Family centre",
    "contact.oppen_forskola": "Drop-in preschool",
    "contact.socialjour": "Socialjouren (social services out of hours)",
    "contact.open_now": "open now",
    "contact.opens": "closed now, opens {when}",
    "contact.closed_now": "closed right now",
    "contact.none": "I have no contact details for {district} yet. Call the city switchboard or socialjouren.",
    # Final choice
    "final.ask": "What would you like to do now?",
    "final.handoff": "Talk to a social worker now",
    "final.note": "Get a consultation note (anonymised)",
    "final.finish": "Finish",
    "final.bye": "Thank you for caring about the child. Write whenever you like and we'll start again.",
    "note.title": "Consultation note (konsultationsanteckning, anonymised)",
    "note.lead": (
        "The note is anonymised: I removed the names, personal identity numbers, addresses and phone numbers "
        "I found. It can help you remember."
    ),
    "note.day": "Date",
    "note.district": "District",
    "note.age": "Age",
    "note.categories": "Concern",
    "note.duration": "How long",
    "note.outcome": "Guidance",
    "note.id": "Note id",
    "outcome.acute": "Acute — call 112",
    "outcome.report": "Report",
    "outcome.consult": "Consult a social worker",
    "outcome.support": "Suggest support",
    # Contact
    "contact.intro": "I'll help you find the contacts for your preschool.",
    "contact.done": "If you need anything else, just write.",
}
