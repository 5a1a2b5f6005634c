"""The words around a name that say a name stands there (cues, words for people, apps, particles)."""

from __future__ import annotations

# A strong cue makes the next word a name even when it is also an ordinary word ("hon heter Sten").
STRONG_CUES = frozenset({"heter", "hette", "kallas", "kallad", "kallade", "kallades", "named", "called", "heta"})
# After "namn är" / "name is" as well.
STRONG_PAIRS = frozenset({("namn", "är"), ("namnet", "är"), ("name", "is"), ("name's", "is"), ("smeknamn", "är"),
                          ("smeknamnet", "är")})
# After "kallar honom" only a capitalised word is a name ("kallar honom Lillen"); "kallar henne hora" is an insult
# the reader must see.
CALL_PAIRS = frozenset({("kallar", "honom"), ("kallar", "henne"), ("kallar", "hen"), ("kallade", "honom"),
                        ("kallade", "henne"), ("kallar", "sig"), ("kallade", "sig")})
# A weak cue makes the next word a name when it is capitalised or no ordinary word ("pappa Björn", "pappa ahmed").
WEAK_CUES = frozenset(
    {"barnet", "pojken", "flickan", "killen", "tjejen", "dottern", "sonen", "bror", "brorsan", "brodern", "systern",
     "syster", "lillebror", "storebror", "lillasyster", "storasyster", "mamma", "pappa", "mamman", "pappan",
     "styvpappa", "bonuspappa", "bonusmamma", "styvmamma", "morbror", "farbror", "moster", "faster", "mormor",
     "farmor", "morfar", "farfar", "kompisen", "kompis", "kusin", "kusinen", "vännen", "vän", "vårdnadshavaren",
     "bebisen", "babyn", "eleven", "hos", "herr", "fru", "boy", "girl", "mum", "mom", "dad", "mother", "father",
     "brother", "sister", "son", "daughter", "friend", "cousin", "mr", "mrs", "ms", "uncle", "aunt", "morbrodern",
     "pappans", "mammans", "dotter", "kompisar", "syskon", "syskonet", "tvillingen", "tvillingarna", "gäller",
     "angående", "beträffande", "regarding", "barnen", "syskonen", "children", "kids", "twins", "lilla", "lille",
     "halvsyster", "halvsystern", "halvbror", "halvbrodern", "styvsyster", "styvbror", "mentorn", "läraren",
     "sambon", "pojkvännen", "flickvännen", "partnern", "hunden", "katten", "valpen", "kaninen", "schäfern",
     "schäfer", "taxen", "hamstern", "marsvinet", "pet", "dog", "cat", "papegojan", "fågeln", "hästen",
     "ponnyn", "ormen", "sköldpaddan", "ödlan", "undulaten", "kattungen"}
)
# Words for people: a possessive before them is a name even in lower case ("emmas mamma"), and a word before one
# in brackets is the person's name ("Björn (pappan)").
KIN = WEAK_CUES - {"hos", "herr", "fru", "gäller", "angående", "beträffande", "regarding", "mr", "mrs", "ms",
                   "barnen", "children", "kids", "boy", "girl", "lilla", "lille", "hunden",
                   "katten", "valpen", "kaninen", "schäfern", "schäfer", "taxen", "hamstern", "marsvinet", "pet",
                   "dog", "cat", "papegojan", "fågeln", "hästen", "ponnyn", "ormen", "sköldpaddan", "ödlan",
                   "undulaten", "kattungen"}
NAMELIKE = frozenset({"ambiguous", "name", "proper", "unknown"})
# Apps staff write in: "i Tyra", "via Tyra" is the app, not a child.
APPS = frozenset({"tyra", "tempus", "dexter"})
APP_PREPOSITIONS = frozenset({"i", "via", "genom", "appen", "in", "through"})
# Arabic particles a surname opens with ("al-Masri", "el-sayed"); "el-bil" is a word (its rest is frequent).
PARTICLES = ("al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "an-", "abu-", "abd-", "bin-", "ibn-", "bint-", "umm-")
# Words between a name and the word for the person it names: "Björn, alltså pappan".
APPOSITION = frozenset({"alltså", "dvs", "nämligen", "typ", "i.e"})
