"""PII scrubbing: mask personnummer, phone numbers, e-mail, addresses, postcodes, names and other details that
point at a child (birth dates, groups, schools, plates, handles, case numbers) before anything is kept.

The text is normalised first (Unicode NFKC, zero-width and other format characters dropped, dash variants
and odd spaces unified) so that look-alike characters cannot hide a number; every mask found in the
normalised text is mapped back onto the original through an offset map, and everything else of the original
is returned as written. Every pattern runs in linear time: only bounded repetition where a match could
restart, look-behinds that keep a match from starting inside a run it already rejected, and token scans
instead of regular expressions where a pattern would need nested repetition (street addresses, names).

The parts: `normalisation` (the offset map), `identifier` (numbers and dates), `address` (streets), `lexicon` (name
lists, dictionaries, frequencies), `name` (names), `place` (groups and preschools), `reference` (schools and
classes, plates, handles, case numbers), `cued` (what a cue word gives away: door codes, bank and card numbers, ids,
a personnummer in parts, extensions, foreign plates), `described` (what prose or shape gives away: addresses in
prose, the parent's workplace, names by their shape, pasted tables), `hinted` (what a less usual hint gives away:
mail header lines, a spelled-out e-mail, a box or house number, the last four or a spoken personnummer), `cues`
(the words around a name), `upcoming` (the day of a birthday still to come: "fyller 5 på lördag"), `located` (a
number beside something everyone can see: a house by a landmark, a room on a ward, a taxi's car), `pieces` (a phone
told in pieces or in words after its cue), `companions` (names their companions give away: before an age, the parts of a
three-part name, the same name again) and `masking` (the pass that runs them all and
maps the masks back).
"""

from knowledge.scrub.identifier import is_valid_personnummer
from knowledge.scrub.masking import KIND_ORDER, KINDS, MASKS, Scrubbed, Scrubber, scrub, warm_up

__all__ = ["KINDS", "KIND_ORDER", "MASKS", "Scrubbed", "Scrubber", "is_valid_personnummer", "scrub", "warm_up"]
