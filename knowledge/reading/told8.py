"""Acute situations told in everyday words (the fresh8 families, in the helper's own words), read after `told.py`:
- a parent's farewell that takes the child to "heaven" ("vi ska vara i himlen", "resa till mormor i himlen", "be with
  mummy in heaven"), or killing oneself "and the kids" said in the hall and laughed off;
- a threat to burn the home down with people in it ("bränner ner huset med dem i", "burn the flat down with them");
- a child nobody collects or reaches who is seriously ill now (a fever of 40, vomiting, insulin run out), or whose
  parent said she "orkar inte mer" and will not come back;
- a colleague drunk now with the children, or harming a child right now (force-feeding, locked in, crying there);
- a fresh mark (or deliberate round burns, a belt's stripes) on a child who does not want to go home with the adult,
  even with words put in between ("vill inte, absolut inte, åka hem"), or whom the adult threatened with a beating
  tonight; deliberate burns the child says the adult made;
- soreness "där bak" or down there after an adult's "game" or bath, with the child going home to that adult today;
- an adult who "has been drinking since lunch" and collects by car soon.
Look-alikes that stay calm: heaven in a story of a dead grandparent, jokes without the child, a fever with the parent
on the way, a colleague's party last weekend, a burn from the stove with no punishment, a bath with cream.
"""

from __future__ import annotations

from knowledge.reading.text import Act, Reading, Token, _actor, _Text, add_before_fear
from knowledge.reading.told import _FUN, _HOME_ADULTS, _fresh_mark

# Wanting to stay is the fear itself here ("grät och ville stanna kvar"), not play.
_PLAY = _FUN - {"stanna", "stay", "klart"}
_HEAVEN = frozenset({"himlen", "heaven", "himmelen"})
_HEAVEN_PREP = frozenset({"i", "till", "in", "to"})
_FUTURE = frozenset({"ska", "skall", "kommer", "tänker", "going", "gonna", "will", "we'll", "snart", "tonight",
                     "ikväll", "inatt"})
_TOGETHER = frozenset({"vi", "we", "both", "båda", "bägge", "tillsammans", "together", "oss", "us"})
# The child named beside the adult: "he and the little one", "jag och lillan".
_LITTLE = frozenset({"pojken", "flickan", "sonen", "dottern", "lillan", "lillen", "little", "boy", "girl", "son",
                     "daughter", "barnen", "kids", "ungen", "ungarna", "children"})
_STORY = frozenset({"saga", "sagan", "bok", "boken", "book", "story", "film", "filmen", "movie", "låtsas", "pretend",
                    "marsvinet", "katten", "hunden", "hamstern", "guinea", "cat", "dog", "begravning", "funeral"})
_SELF = frozenset({"mig", "mej", "myself"})
_KIDS = frozenset({"ungarna", "barnen", "barnet", "kids", "children", "ungen", "dem", "them", "pojken", "flickan",
                   "henne", "honom", "her", "him"})
_BURN_DOWN = frozenset({"bränner", "bränna", "bränn", "burn", "burns", "tänder", "torch", "sätter"})
_DOWN = frozenset({"ner", "ned", "down", "eld", "fire"})
_HOUSE = frozenset({"huset", "hus", "lägenheten", "house", "flat", "apartment", "home", "villan", "stugan", "bilen"})
_INSIDE = frozenset({"i", "inne", "inside", "in"})
_DRILL = frozenset({"brandövning", "övning", "drill", "brandlarm", "brandlarmet", "sagan", "story", "låtsas",
                    "pretend", "leken", "leker", "lekte"})
_FEVER_WORDS = ("grader", "graders", "degrees", "°")
_SICK = frozenset({"kräks", "kräkts", "kräkas", "spyr", "spydde", "vomits", "vomiting", "krampar", "kramp",
                   "medvetslös", "slapp", "andas", "vaknar", "limp", "seizure", "fitting", "unresponsive"})
_MEDICINE = frozenset({"insulin", "insulinet", "insulinpennan", "insulinpenna", "adrenalinpennan", "epipen",
                       "epipennan", "inhalatorn"})
_EMPTY = frozenset({"tom", "tomt", "slut", "empty", "glömt", "glömde", "forgot", "forgotten", "saknas", "missing",
                    "finns", "out"})
_NOBODY = ("not_collected", "uncollected", "carer_unreachable", "no_answer", "nobody_near")
_GIVE_UP = ("orkar", "klarar", "can't", "cannot")
_STAFF_DRUNK = frozenset({"sprit", "alkohol", "alcohol", "booze", "sluddrar", "sluddrade", "slurring", "slurs",
                          "berusad", "full", "packad", "drunk", "wasted", "vinglar", "bakfull"})
_PARTY = frozenset({"fest", "festen", "julfesten", "party", "kräftskivan", "afterwork", "helgen", "weekend",
                    "lördags", "fredags", "igår", "yesterday"})
_FORCE = frozenset({"tvångsmatar", "tvångsmatade", "tvångsmata", "force-feeds", "force-feeding", "forcefeeds"})
_HOLD_HEAD = frozenset({"huvud", "huvudet", "head", "käken", "jaw", "munnen", "mouth"})
_PUSH_IN = frozenset({"trycker", "tryckte", "pressar", "stoppar", "shoves", "pushes", "forces"})
_RIGHT_NOW = frozenset({"nu", "now", "nyss", "sen", "ago", "pågår"})
_ROUND = frozenset({"runda", "rund", "round", "cigaretter", "cigarett", "cigarettes", "cigarette", "spisplatta",
                    "hob", "strykjärn", "iron", "mönster", "pattern", "neat"})
_PUNISH = frozenset({"punish", "punished", "punishment", "straff", "straffa", "straffade", "dum", "dålig", "bad",
                     "naughty", "stygg", "gjorde", "did"})
_IMPLEMENT = frozenset({"bältet", "bälte", "skärpet", "sladden", "belt", "cord", "käppen", "pinnen", "stick",
                        "galgen", "slev", "sleven"})
_STRIPES = frozenset({"randig", "randiga", "strimmor", "strimmig", "strimmiga", "welts", "stripes", "striped",
                      "märken", "blåmärken", "röda"})
_STAY = frozenset({"stanna", "kvar", "grät", "gråter", "cried", "crying", "stay"})
_SORE = frozenset({"svider", "sved", "ont", "sore", "stings", "hurts", "blöder", "bleeds"})
_BEHIND = frozenset({"bak", "rumpan", "stjärten", "baken", "bottom", "bum", "snippan", "snoppen", "underlivet",
                     "snopp", "snippa"})
_ADULT_GAME = frozenset({"lekte", "lekt", "leken", "lekar", "played", "playing", "game", "hemlis", "hemligt",
                         "secret", "badet", "duschen", "bath", "shower"})
_CARE = frozenset({"salva", "kräm", "cream", "tempen", "läkare", "doctor", "vårdcentralen", "urinvägsinfektion",
                   "uvi", "medicin", "rash", "utslag", "förstoppning", "constipation", "bajsa", "bajs", "maskar"})
_DRANK = frozenset({"druckit", "drinking", "druckits", "supit", "pimplat"})
_SOFT_DRINK = frozenset({"kaffe", "vatten", "te", "coffee", "water", "tea", "juice", "saft", "mjölk", "milk", "inte"})
_SOON = frozenset({"halvtimme", "timme", "snart", "soon", "minuter", "minutes", "eftermiddag", "strax"})
_DRIVE = frozenset({"kör", "köra", "bilen", "drives", "driving", "drive", "car"})


def _surfaces(text: _Text, sentence: int | None = None) -> set[str]:
    return {token.surface for token in text.tokens if sentence is None or token.sentence == sentence}


def _window(text: _Text, index: int, back: int, ahead: int) -> list[Token]:
    sentence = text.tokens[index].sentence
    return [token for token in text.tokens[max(0, index - back):index + ahead + 1] if token.sentence == sentence]


def _adult(text: _Text, kinds: frozenset[str] = _HOME_ADULTS) -> bool:
    return any(_actor(token) in kinds for token in text.tokens)


def _heaven_farewell(text: _Text) -> bool:
    """A parent who will take the child to heaven: "ska ... till mormor i himlen", "going to be with mummy in
    heaven"."""
    if not _adult(text, frozenset({"parent", "relative"})) or _surfaces(text) & _STORY:
        return False
    together = _TOGETHER | _LITTLE
    for token in text.tokens:
        if token.surface not in _HEAVEN or token.index == 0:
            continue
        prep = text.tokens[token.index - 1].surface
        if prep not in _HEAVEN_PREP | {"mormor", "morfar", "farmor", "farfar", "mamma", "mummy", "granny", "grandma"}:
            continue
        before = {other.surface for other in _window(text, token.index, 12, 0)}
        after = [other.surface for other in _window(text, token.index, 0, 2)][1:]
        if before & _FUTURE and before & together:
            return True
        # "till himlen ska vi åka ikväll": the motion first, the future and the travellers right after it
        if prep in {"till", "to"} and after[:1] and after[0] in _FUTURE and set(after[1:]) & together:
            return True
    return False


def _kill_self_and_kids(text: _Text) -> bool:
    """"jag tar livet av mig och ungarna", "kill myself and the kids" — a laugh or a joke after it does not take it
    back (read from the words: the joke disarms the killing concept)."""
    for token in text.tokens:
        if token.surface not in _SELF:
            continue
        before = [other.surface for other in _window(text, token.index, 3, 0)]
        after = [other.surface for other in _window(text, token.index, 0, 4)][1:]
        killing = ("livet" in before and "av" in before) or bool({"kill", "killing", "döda", "dödar"} & set(before))
        if killing and after[:1] in (["och"], ["and"]) and set(after[1:3]) & _KIDS:
            return not _surfaces(text, token.sentence) & _STORY
    return False


def _burn_them_in(text: _Text) -> bool:
    """A threat to burn the home down with people in it."""
    for token in text.tokens:
        if token.surface not in _BURN_DOWN:
            continue
        near = _window(text, token.index, 2, 10)
        words = [other.surface for other in near]
        if not set(words) & _DOWN or not set(words) & _HOUSE or set(words) & _DRILL:
            continue
        people = any(words[at] in {"med", "with"} and set(words[at + 1:at + 4]) & (_KIDS | {"er", "you", "oss", "us"})
                     for at in range(len(words)))
        if people and set(words) & _INSIDE and not _surfaces(text, token.sentence) & _DRILL:
            return True
    return False


def _fever(text: _Text) -> bool:
    """A fever of 39.5 or more: "40 graders feber", "40,5 i feber", "fever of 40", "40°"."""
    for token in text.tokens:
        number = token.surface.replace(",", ".").rstrip("°").removesuffix("-graders").removesuffix("-gradig")
        after = [other.surface for other in text.tokens[token.index + 1:token.index + 4]]
        before = [other.surface for other in text.tokens[max(0, token.index - 2):token.index]]
        feverish = (token.surface.endswith("°") or "-grad" in token.surface or (after[:1] and after[0].startswith(
            _FEVER_WORDS)) or bool({"feber", "fever", "febern", "temp", "tempen"} & set(after + before)))
        if number.replace(".", "", 1).isdigit() and feverish and 39.5 <= float(number) <= 43:
            return True
    return False


def _ill_and_nobody(text: _Text) -> bool:
    """A child nobody collects or reaches, seriously ill now or without the medicine it lives on."""
    if not text.has(*_NOBODY) and not {"ingen", "nobody", "noone"} & _surfaces(text):
        return False
    nobody = text.has(*_NOBODY) or any(
        token.surface in {"ingen", "nobody"} and {other.surface for other in _window(text, token.index, 0, 3)} & {
            "hämtar", "kommer", "svarar", "comes", "answers", "collects"} for token in text.tokens)
    words = _surfaces(text)
    medicine = any(token.surface in _MEDICINE and {other.surface for other in _window(text, token.index, 3, 4)}
                   & _EMPTY for token in text.tokens)
    sick = bool(words & _SICK) or _fever(text)
    return nobody and ((_fever(text)) or (medicine and sick))


def _left_and_gave_up(text: _Text) -> bool:
    """Nobody has come for the child, and the parent said she cannot go on and will not come back."""
    if not text.has("not_collected", "uncollected") or not _adult(text, frozenset({"parent"})):
        return False
    for token in text.tokens:
        if token.surface in _GIVE_UP:
            after = [other.surface for other in _window(text, token.index, 0, 3)]
            if set(after) & {"mer", "längre", "more", "on"} and not {"med", "with", "jobbet", "work"} & set(after):
                return True
    return text.has("exit_done", "exit_trace")


def _staff_now(text: _Text, acts: list[Act]) -> bool:
    """A colleague drunk now with the children, or harming a child right now."""
    if not text.has("staff") or text.has("parent", "relative"):
        return False
    words = _surfaces(text)
    now = text.has("now") or bool(words & {"nyss", "just"})
    if not now or words & _PARTY:
        return False
    drunk = len(words & _STAFF_DRUNK) >= 2 or text.has("intox", "impaired")
    with_kids = text.has("child", "with_child", "infant")
    force = bool(words & _FORCE) or (bool(words & _HOLD_HEAD) and bool(words & _PUSH_IN) and bool(
        words & {"maten", "mat", "food"}))
    locked = any(act.kind == "lock_in" and act.agent in ("staff", "pronoun", None) for act in acts) and bool(
        words & {"gråta", "gråter", "grät", "skriker", "crying", "screaming", "cry"})
    return with_kids and (drunk or force or locked)


def _wont_go_home(text: _Text) -> bool:
    """The child does not want to go home with the adult, with words put in between, or hides and won't come out."""
    if any(not _surfaces(text, hit.sentence) & _PLAY for hit in text.of("reluctant_home")):
        return True
    for hit in text.negated:
        if hit.concept == "reluctant_home" and not _surfaces(text, hit.sentence) & _PLAY:
            return True
    for token in text.tokens:
        if token.surface in {"vill", "ville", "want", "wants"}:
            after = [other.surface for other in _window(text, token.index, 0, 7)]
            if {"inte", "not", "ej"} & set(after) and {"hem", "home"} & set(after) and not set(after) & _PLAY:
                return True
    return False


def _beating_tonight(text: _Text) -> bool:
    """The adult said, just now, that the child will be beaten tonight or at home."""
    if not text.has("injury", "injury_concern", "burn", "visible_harm", "grip_shape"):
        return False
    for hit in text.of("hit"):
        words = _surfaces(text, hit.sentence)
        victim = [_actor(token) for token in text.tokens[hit.end + 1:hit.end + 3]]
        if "parent" in victim or text.in_sentence(hit.sentence, "disarm", "fiction", "storytime"):
            continue  # "nu ska pappan slå mamman" in a game of house
        if words & {"ska", "skall", "kommer", "will", "gonna"} and words & {"ikväll", "inatt", "hemma", "tonight",
                                                                           "hem", "home"}:
            return text.in_sentence(hit.sentence, "now") or bool(words & {"nyss", "idag", "today"})
    return False


def _marked_child(text: _Text, acts: list[Act]) -> bool:
    """Fresh harm, deliberate round burns, a belt's stripes, or an adult's blow on the child."""
    if _fresh_mark(text, acts):
        return True
    if text.has("injury", "injury_concern", "grip_shape") and any(
            act.kind in ("rough", "hit") and act.agent in _HOME_ADULTS for act in acts):
        return True
    words = _surfaces(text)
    return bool(words & _IMPLEMENT and words & _STRIPES and words & {"rumpan", "ryggen", "benen", "bottom", "back",
                                                                    "legs", "låren", "visade", "showed"})


def _deliberate_burn(text: _Text) -> bool:
    """Round or patterned burns the child says an adult made or were a punishment, found now or going home today."""
    for hit in text.of("burn"):
        words = _surfaces(text, hit.sentence) | _surfaces(text, hit.sentence + 1)
        punished = words & _PUNISH or _surfaces(text) & (_PUNISH - {"gjorde", "did", "bad", "dum", "dålig"})
        if not words & _ROUND or not punished:
            continue
        fresh = text.has("now", "fresh", "today", "pickup", "home") or bool(words & {"nyss", "idag", "today"})
        if fresh and _adult(text):
            return True
    return False


def _sore_after_game(text: _Text) -> bool:
    """Soreness behind or down there after an adult's "game" or bath, the child going home to that adult today."""
    if not text.has("home", "pickup", "today", "now", "imminent", "soon"):
        return False
    for token in text.tokens:
        if token.surface not in _SORE:
            continue
        words = _surfaces(text, token.sentence)
        if words & _BEHIND and words & _ADULT_GAME and not words & _CARE and any(
                _actor(other) in _HOME_ADULTS for other in text.tokens if other.sentence == token.sentence):
            return not text.has("illness", "medical")
    return False


def _drinking_and_driving_soon(text: _Text) -> bool:
    """An adult who has been drinking since lunch and collects by car soon."""
    words = _surfaces(text)
    if not words & _DRIVE or not (words & _SOON or text.has("now", "soon", "imminent")):
        return False
    for token in text.tokens:
        if token.surface in _DRANK:
            near = {other.surface for other in _window(text, token.index, 2, 2)}
            if not near & _SOFT_DRINK and text.has("pickup") and _adult(text, _HOME_ADULTS):
                return True
    return False


def _told8(text: _Text, acts: list[Act]) -> list[str]:
    codes = []
    if _heaven_farewell(text) or _kill_self_and_kids(text) or _burn_them_in(text):
        codes.append("threat_to_kill")
    if _staff_now(text, acts):
        codes.append("immediate_danger")
    if _ill_and_nobody(text) or _left_and_gave_up(text):
        codes.append("immediate_danger")
    if _sore_after_game(text):
        codes.append("sexual_abuse_home")
    if _drinking_and_driving_soon(text):
        codes.append("intoxicated_pickup")
    # A belt's stripes name an adult's hand even when the message names nobody.
    belt = bool(_surfaces(text) & _IMPLEMENT and _surfaces(text) & _STRIPES)
    home_adult = (_adult(text) or belt) and not text.has("staff")
    dreads = _marked_child(text, acts) and (_wont_go_home(text) or _beating_tonight(text))
    if home_adult and (dreads or _deliberate_burn(text)):
        codes.append("injury_afraid_home")
    return codes


def _add_told8(text: _Text, acts: list[Act], reading: Reading) -> None:
    """Add the situations of this module to the reading's acute codes; a colleague's harm now is the staff path."""
    found = _told8(text, acts)
    add_before_fear(reading.acute, found)
    if found and _staff_now(text, acts):
        reading.staff_suspected = True
        reading.signals.add("staff_suspected")
        reading.reasons.add("staff_suspected")
