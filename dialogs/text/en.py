"""Every English string Samråd's dialogs say; same keys and placeholders as the Swedish module."""

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
    # Consultation: anonymity and place
    "consult.intro": (
        "We consult anonymously. You don't need to be sure — being worried is enough. "
        "Don't write the child's name or anything else that could point to the child."
    ),
    "place.ask": "Which preschool is it? Type the preschool's name — or the district, if you prefer.",
    "place.why": "I only ask to find the right contacts. The note says the district, not the preschool.",
    "place.placeholder": "Preschool name or district",
    "place.send": "Send",
    "place.district_only": "I'd rather choose the district",
    "place.ambiguous": "I found several preschools like the one you typed. Which one do you mean?",
    "place.preschool_option": "{where} — {name}",
    "place.where_area": "{district}, {area}",
    "place.where_street": "{place} · {street}",
    "place.narrow": "You can type the area or the street and I will find the right one.",
    "place.narrow_placeholder": "Area or street, e.g. Tallkrogen",
    "place.confirm": "Do you mean {name} in {district}?",
    "place.confirm_no_district": "Do you mean {name}?",
    "place.confirm_yes": "Yes, that one",
    "place.confirm_no": "No",
    "place.district_unknown": "district unknown",
    "place.none_of_these": "None of these",
    "place.unknown": "I found no preschool with that name. Which district is the preschool in?",
    "place.district_ask": "Which district is the preschool in?",
    "place.found": "Then it's {district}.",
    # Concern
    "concern.ask": "What is your concern about? Pick one or more.",
    "concern.send": "Continue",
    "category.physical": "Bruises or other injuries",
    "category.neglect": "The child's basic needs (food, clothes, hygiene, care)",
    "category.emotional": "The child's wellbeing or behaviour",
    "category.sexual": "Something sexual that worries me",
    "category.parent": "The parent's wellbeing, substance misuse or mental illness",
    "category.domestic_violence": "Violence in the family",
    "category.honour": "Honour-related violence and oppression",
    "category.family_support": "The family needs support",
    "words.ask": (
        "In your own words, tell me what you have seen or heard. I remove names, personal identity numbers, "
        "addresses and phone numbers before anything is saved — still, don't write the child's name or "
        "anything else that could point to the child."
    ),
    "words.skip": "Skip",
    "words.placeholder": "This is what I have seen or heard …",
    "words.masked": "I removed {kinds} from what you wrote before saving anything.",
    "pii.personnummer": "personal identity numbers",
    "pii.phone": "phone numbers",
    "pii.email": "e-mail addresses",
    "pii.address": "addresses",
    "pii.postcode": "postcodes",
    "pii.name": "names",
    "pii.birthdate": "dates of birth",
    "pii.age": "exact ages",
    "pii.preschool": "preschool names",
    "pii.group": "group names",
    "list.and": "and",
    # Questions
    "q.duration": "How long have you been worried?",
    "q.duration.today": "It happened today",
    "q.duration.weeks": "A few weeks",
    "q.duration.months": "Several months",
    "q.duration.unknown": "Don't know",
    "q.child_told": "Has the child said anything about it?",
    "q.safe_today": "Do you think the child will be safe going home today?",
    "q.yes": "Yes",
    "q.no": "No",
    "q.unsure": "Don't know",
    "q.age": "Roughly how old is the child?",
    "q.age.0-1": "0–1 years",
    "q.age.1-3": "1–3 years",
    "q.age.3-6": "3–6 years",
    # --- consultation: words first, danger first, resume (branch consult) — begin ---
    "danger.ask": "First: is the child in danger right now, or afraid to go home?",
    "danger.yes": "Yes",
    "danger.no": "No",
    "danger.unsure": "Don't know",
    "understood.lead": "What I understood: {items}",
    "understood.ask": "Is that right? You can change it if I got it wrong.",
    "understood.yes": "That's right",
    "understood.change": "Change",
    "understood.words.yes": "that's right|thats right|right|yes|correct|stämmer|ja",
    "understood.words.change": "change|no|wrong|not right|ändra|nej",
    "understood.changing": "OK, then I'll ask instead.",
    "understood.category.physical": "bruises or injuries",
    "understood.category.neglect": "the child's basic needs",
    "understood.category.emotional": "the child's wellbeing or behaviour",
    "understood.category.sexual": "something sexual",
    "understood.category.parent": "a parent's wellbeing or substance misuse",
    "understood.category.domestic_violence": "violence in the family",
    "understood.category.honour": "honour-related violence and oppression",
    "understood.category.family_support": "the family needs support",
    "understood.signal.injury": "injuries or marks",
    "understood.signal.child_told": "the child has told",
    "understood.signal.retracted": "the child has taken it back",
    "understood.signal.ongoing_now": "happening now",
    "understood.signal.afraid_to_go_home": "afraid to go home",
    "understood.signal.intoxicated_now": "an adult is intoxicated now",
    "understood.signal.staff_suspected": "a member of staff is suspected",
    "understood.signal.witnessed_violence": "the child sees or hears violence at home",
    "understood.signal.repeated": "has happened several times",
    "understood.duration.today": "happened today",
    "understood.duration.weeks": "a few weeks",
    "understood.duration.months": "several months",
    "understood.age.0-1": "under 1 year",
    "understood.age.1-3": "1–3 years",
    "understood.age.3-6": "3–6 years",
    "understood.safe": "the child is safe today",
    "consult.thanks": "Thank you for telling me. I will only ask what I don't already know.",
    "acute.dismiss": "No, no immediate danger",
    "acute.words.dismiss": (
        "no danger|no acute danger|no immediate danger|not acute|false alarm|no, no immediate danger|"
        "nej ingen akut fara|ingen akut fara|ingen fara|inte akut|falsklarm"
    ),
    "acute.dismissed": "OK, thank you. Let's carry on where we were.",
    "acute.dismissed_menu": "OK, good that it is not urgent.",
    "acute.paused": "When you are ready, write to me again and we will carry on where we were.",
    "cancel.note_kept": (
        "OK, I have stopped. The anonymised note is kept; nothing else you wrote was saved. Write "
        "whenever you want to start again."
    ),
    "stale.click": "That button belongs to something that has already ended.",
    "stale.handoff": "That consultation has already ended, but you can still talk to a social worker.",
    "resume.ask": "We were in the middle of a consultation. You can carry on where we were, or choose something else.",
    "resume.yes": "Carry on where we were",
    "resume.words.yes": "carry on|continue",
    "resume.nothing": "Write whenever you want to start again.",
    # --- consultation — end ---
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
    # Contact
    "contact.intro": "I'll help you find the contacts for your preschool.",
    "contact.done": "If you need anything else, just write.",
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

# Wording of knowledge.assessment.REASON_CODES and of the routing reasons shown to staff.
REASONS: dict[str, str] = {
    "acute_signal": "What you wrote may mean the child is in immediate danger.",
    "unsafe_today": "You don't think the child is safe today.",
    "category_found": "What you describe is a sign that a child may be harmed.",
    "serious_category": (
        "It concerns violence, sexual abuse or honour-related violence and oppression — this must be reported."
    ),
    "violence_account": "There is an account of violence.",
    "child_told": "The child has told you. That is the clearest sign.",
    "persistent_concern": "The concern has lasted for some time.",
    "only_support_needs": (
        "I do not recognise signs that the child is harmed in what you describe — it sounds like the family "
        "needs support."
    ),
    "unsure_recommend_consult": "It isn't clear-cut — then a consultation is a good next step.",
    "no_harm_found_recommend_consult": (
        "I did not recognise a sign that the child is harmed, but your concern counts. Please consult a "
        "social worker."
    ),
    # --- understanding engine (issue #10): reasons added with the new assessment; keep this block together.
    "witnessed_violence": (
        "The child lives with violence between adults at home. Witnessing violence is itself a ground to report."
    ),
    "retracted_still_reportable": (
        "The child told and then took it back. What was said first still counts — it is a ground to report."
    ),
    "injury_of_concern": (
        "The injuries have a pattern, an explanation that changes, or look like burns — a ground to report."
    ),
    "intoxicated_with_child": "A guardian has been intoxicated while caring for the child.",
    "honour_or_fgm": (
        "This may be honour-related violence and oppression or genital mutilation. Do not tell the guardians "
        "first — consult social services."
    ),
    "staff_suspected": (
        "This concerns a colleague or substitute. Tell the head of the preschool (rektor), who must inform the "
        "organiser. If it may be a crime: the police (urgent: 112). Your report to social services still applies."
    ),
    # --- end of the understanding block
    "office_closed": "Social services' offices are closed right now — if it is urgent: call socialjouren.",
    "holiday": "It is a public holiday, and the offices are closed.",
    "no_socionom": "The district has no preschool social worker yet — contact the intake unit.",
}
