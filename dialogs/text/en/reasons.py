"""English: the wording of knowledge.assessment.REASON_CODES and of the routing reasons shown to staff."""

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
