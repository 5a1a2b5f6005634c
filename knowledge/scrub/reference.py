"""References that lead to a family through another register: registration plates, social-media handles and
links, case and ID numbers (diarienummer, dossiernummer, LMA-kort), schools and classes."""

from __future__ import annotations

import re

from knowledge.scrub.lexicon import ABBREVIATIONS, STOPWORDS, kind_of

# Swedish plates: three letters (never I, Q, V, Å, Ä, Ö), two digits, then a digit or a letter (never O).
_PLATE = r"[A-HJ-PR-UW-Z]{3}[\s-]?\d{2}[\dA-HJ-NPR-UW-Z]"
# In capitals a plate needs no cue ("MRS329", "DKR 88A"); these capitals with digits are no plates.
_NOT_PLATES = ("BMW", "AMG", "GTI", "TDI", "SOU", "SFS", "LVU", "LSS", "BUP", "BVC", "MVC", "SFI", "PDF", "USB",
               "GPS", "DVD", "MMS", "SMS", "ABC", "SOS", "HVB", "NPF", "KBT", "TBC", "RSV", "EPA", "UMO")
_PLATE_BARE = re.compile(rf"(?<![\w-])(?!(?:{'|'.join(_NOT_PLATES)})[\s-]?\d{{3}}(?!\w)){_PLATE}(?![\w-])")
# After a cue, also in lower case: "reg kld 519", "regnr: abc123", "bilen ABC 123".
_PLATE_CUED = re.compile(
    r"(?<!\w)(?:reg(?:istrerings)?(?:\.\s?)?(?:nr|nummer|numret|skylt)?|nummerplåt(?:en)?|skylt(?:en)?|"
    r"license\s{1,2}plate|plate|bil(?:en)?|car)(?![^\W\d_])\.?(?:\s{1,2}(?:är|var|is|was|med|nr))?\s{0,2}[:=]?\s{0,2}"
    rf"(?P<plate>(?i:{_PLATE}))(?![\w-])",
    re.IGNORECASE,
)

# Not after "]": "@x" glued to what an earlier pass masked ("[adress]@x") was no handle the first time either.
# Not before a fraction slash (U+2044): NFKC writes "¼" as "1⁄4", and a handle ending inside that character would
# mask "@¼" and leave the letter glued after it standing alone for the next pass ("@¼Ü": not stable). Not
# before "[": what stands there was masked by this pass, so the first pass saw "@0" glued to other text.
_HANDLE_AT = re.compile(r"(?<![\w.@+\]-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?(?![\w@\u2044\[])")
_SOCIAL_LINK = re.compile(
    r"(?<![\w.])(?:https?://)?(?:www\.|m\.|web\.)?"
    r"(?:facebook|fb|instagram|instagr\.am|tiktok|youtube|youtu|twitter|x|snapchat|linkedin|threads|twitch|kick)"
    r"\.(?:com|me|be|net|tv)/[\w.@/%?=&+-]{1,100}",
    re.IGNORECASE,
)
_HANDLE_CUED = re.compile(
    r"(?<!\w)(?:tiktok|instagram|insta|ig|snapchat|snap|facebook|fb|youtube|twitter|telegram|twitch|kick|threads)"
    r"(?:kontot|konto|kanalen|kanal|namnet|namn|account|handle|channel)?"
    r"(?P<cue>\s{1,2}(?:heter|hette|kallas|called|named|är|var|is|was)|\s{0,2}[:=])\s{0,2}"
    r"(?P<handle>[\w.]{2,40})",
    re.IGNORECASE,
)
# A name given with its platform: "kallar sig 'Snowman' på Telegram", "på TikTok heter hon lillaprinsessan".
_PLATFORMS = (r"(?:tiktok|instagram|insta|ig|snapchat|snap|facebook|fb|youtube|twitter|telegram|twitch|kick|threads|"
              r"whatsapp|signal|discord|kik)(?![\w-])")
_HANDLE_ON_PLATFORM = re.compile(
    r"(?<!\w)(?P<cue>kallar\s{1,2}sig|heter|hette|kallas|som|is|as)\s{1,2}['\"“”]?(?P<handle>[\w.@-]{2,40}?)['\"“”]?"
    rf"\s{{1,2}}(?:på|on|i)\s{{1,2}}{_PLATFORMS}"
    rf"|(?<!\w)(?:på|on|i)\s{{1,2}}{_PLATFORMS}\s{{1,2}}(?P<cue2>heter|hette|kallar\s{{1,2}}sig|kallas|som|is|as)\s{{1,2}}"
    r"(?:(?:hon|han|hen|he|she|de|hans|hennes|his|her)\s{1,2})?['\"“”]?(?P<after>[\w.@-]{2,40})",
    re.IGNORECASE,
)
_STRONG_HANDLE_CUES = frozenset({"heter", "hette", "kallas", "called", "named", ":", "="})
# A user name with an underscore inside needs no cue: no Swedish or English word is written so ("snowman_sthlm",
# "Bigboss_Hassan93"). Letters and digits on both sides of every underscore ("__bold__" is no handle).
_UNDERSCORED = re.compile(r"(?<![\w@.\x00\]-])[^\W_]{1,30}(?:[._][^\W_]{1,30}){1,5}(?![\w@\[-]|\.\w)")

# Case and ID numbers after their name: "diarienummer SN 2025/1187", "dossiernummer 8765432", "LMA-kort 23-456789-1".
_CASE_NUMBER = re.compile(
    r"(?<!\w)(?:dossiernummer|dossiernumret|dossiernr|dossier|diarienummer|diarienumret|diarienr|dnr|d\.nr|"
    r"ärendenummer|ärendenumret|ärendenr|ärende\s{0,2}nr|lma-korts?nummer|lma-kort(?:et)?|ut-korts?nummer|ut-kort(?:et)?|"
    r"uppehållstillståndskort(?:et)?|lma-nummer|lma-numret|lma-nr|lma|"
    r"uma-nummer|referensnummer|referensnr|referens|beslut\s{1,2}nr|ref\.?\s{0,2}nr|case\s{1,2}(?:number|no\.?)|reference\s{1,2}number|"
    r"file\s{1,2}number|klientnummer|journalnummer|journalnumret|journalnr|beslutsnummer|"
    r"migrationsverkets\s{1,2}nummer|k-nummer|k-numret|k-nr|polisanmälningsnummer|anmälningsnummer|"
    r"målnummer|målnumret|målnr\.?|mål\s{1,2}nr\.?)(?![^\W\d_])"
    # "Dossiernummer hos Migrationsverket: 8824190", "Journalnr hos BUP: 44-2291-A": who keeps it, between.
    r"(?:\s{1,2}(?:hos|från|på|vid|at|from)\s{1,2}[^\W\d_]{2,30})?"
    r"(?:\s{0,2}[,:]?\s{0,2}(?:med\s{1,2})?(?:nummer|numret|nr|no|number|är|var|is|har)\.?){0,2}\s{0,2}[:#]?\s{0,2}"
    # "3.1.2-4471/2026" (a diary plan's prefix), "5001-K1234567-26" (the police), "T 4421-26" (a court), "44-2291-A".
    r"(?P<value>(?:[A-ZÅÄÖ]{1,4}[\s/-]?)?\d{1,10}(?:\s?[-/.:]\s?(?:[A-Z]{1,2})?\d{1,10}|\s\d{3,10}){0,4}"
    r"(?:-[A-Z](?![\w-]))?)(?![\w/-])",
    re.IGNORECASE,
)

_PLATE_HINTS = ("reg", "skylt", "plåt", "plate", "bil", "car")
_SOCIAL_HINTS = ("facebook", "fb", "insta", "tiktok", "youtu", "twitter", "x.com", "snap", "linkedin", "threads",
                 "twitch", "kick", "ig", "telegram")
_CASE_HINTS = ("dossier", "diarie", "dnr", "d.nr", "ärende", "lma", "uma-", "ref", "case", "file number", "klient",
               "journal", "beslut", "migrationsverkets", "k-n", "anmälningsnummer", "mål", "ut-kort",
               "uppehållstillstånd")
# A court's case number after "mål" or "målet", also in a compound: "LVU-målet 4411-26", "Tingsrättens mål T 1234-24".
_COURT_CASE = re.compile(r"(?<!\w)(?:[^\W\d_]{1,12}-)?mål(?:et|s)?(?:\s{1,2}(?:nr\.?|nummer))?\s{0,2}:?\s{0,2}"
                         r"(?P<value>(?:[A-ZÖ]\s?)?\d{2,6}-\d{2})(?![\w-])", re.IGNORECASE)
# A police report's number has a shape of its own and needs no cue: "5001-K1234567-26".
_POLICE_NUMBER = re.compile(r"(?<![\w-])\d{4}-K\d{4,8}(?:-\d{2})?(?![\w-])", re.IGNORECASE)
_SCHOOL_HINTS = ("skol", "school", "klass", "class", "går i", "gick i", "börja", "goes in", "went in", "årskurs", "åk",
                 "grade", "year")
# Schools: a compound ending in "skolan" that is no kind of school ("Rinkebyskolan", not "grundskolan").
_SCHOOL = re.compile(r"(?<![\w-])(?P<head>[^\W\d_]{3,30})(?:skolan|skolans|skola|skolas)(?![\w-])", re.IGNORECASE)
_SCHOOL_APART = re.compile(r"(?<![\w-])(?P<head>[A-ZÅÄÖ][^\W\d_]{2,30})\s(?:skola|skolan|School)(?![\w-])")
_GENERIC_SCHOOL_HEADS = frozenset(
    {"för", "förskole", "for", "forskole", "grundsar", "sar", "grund", "gymnasie", "gymnasii", "sär", "sommar",
     "sim", "kultur", "musik", "dans", "hög", "folkhög", "yrkes", "kör", "rid", "trafik", "bil", "sjukhus",
     "special", "resurs", "fri", "kommunal", "låg", "mellan", "högstadie", "lågstadie", "mellanstadie", "same",
     "sfi", "språk", "montessori", "waldorf", "kunskaps", "engelska", "hem", "stads", "kommun", "internat", "natur",
     "ut", "skid", "fotbolls", "idrotts", "vuxen", "komvux", "privat", "kommunala", "hundra", "ny", "nya", "gamla",
     "egen", "annan", "andra", "samma", "vanliga", "vanlig", "stor", "stora", "lilla", "liten", "bra", "vår",
     "deras", "hans", "hennes", "min", "din", "sin", "första", "friskola", "fristående", "the", "a", "ridskola",
     "cirkus", "teater", "konst", "bild", "drama", "mat", "söndags", "läxhjälps", "koran", "koranskola", "helg",
     "lov", "kvälls", "dag", "kväll", "modersmåls", "hemspråks", "förberedelse", "introduktions", "anpassade",
     "anpassad", "grundsär", "gymnasiesär", "stockholms", "svenska", "sverige", "svensk", "big", "high", "primary",
     "secondary", "elementary", "middle", "nursery", "pre", "public", "private", "sunday", "lek", "flyg", "hund",
     "sång", "tränings", "sport", "yoga", "gitarr", "piano", "kock", "sy", "matte", "läs", "skriv", "nattis"}
)
_SCHOOL_STOP = STOPWORDS | {"går", "gick", "börjar", "började", "till", "nya", "samma", "denna", "detta", "någon",
                             "varje", "ingen", "egen", "kommunens", "stadens", "barnets", "syskonets", "hela"}
# A class: "klass 3c", "class 2B", "går i 2B".
_CLASS = re.compile(
    r"(?<!\w)(?:(?:klass|klassen|class|årskurs|åk\.?|grade|year)\s{0,2}"
    r"|(?:går|gick|börjar|började|goes|went)\s{1,2}(?:i|in)\s{1,2}(?:klass\s{1,2})?)"
    r"(?P<class>\d{1,2}[A-Za-zÅÄÖåäö])(?![\w-])",
    re.IGNORECASE,
)


_CLASS_BEFORE_SCHOOL = re.compile(r"(?<!\w)(?P<class>\d{1,2}[A-Za-zÅÄÖåäö])\s{1,2}(?:på|at|i|in)\s{1,2}$")
# "Sjöviksskolan i 2A", "Rinkebyskolan, 3B": a class after a school named.
_CLASS_AFTER_SCHOOL = re.compile(r"(?:\s{1,2}(?:i|in)\s{1,2}|,\s{1,2})(?:klass\s{1,2})?"
                                 r"(?P<class>(?:\d{1,2}|(?i:fsk|f)-?)[A-Za-zÅÄÖåäö])(?![\w-])")
_PLACE_AFTER = re.compile(r"\s(?P<place>[A-ZÅÄÖ][^\W\d_]{1,20})(?:\s[A-ZÅÄÖ][^\W\d_]{1,20})?(?![\w-])")
# A school's name with "Skolan" capitalised in it: "Internationella Engelska Skolan Årsta", "Kunskapsskolan".
_SCHOOL_TITLE = re.compile(r"(?<![\w-])(?:[A-ZÅÄÖ][^\W\d_]{1,20}\s){1,3}(?:Skolan|Skola|School)"
                           r"(?:\s[A-ZÅÄÖ][^\W\d_]{1,20})?(?![\w-])")


# The city's own addresses ("https://etjanster.stockholm.se/Orosanmalan/"): public, no name inside.
_PUBLIC_URL = re.compile(r"(?<![\w.])(?:https?://)?(?:[\w-]{1,40}\.){0,4}stockholm\.se(?:/[\w.%/?=&+-]{0,200})?",
                         re.IGNORECASE)


def public_url_spans(text: str) -> list[tuple[int, int]]:
    """Links to the city's own sites (*.stockholm.se), where no word is a name."""
    if "stockholm.se" not in text.lower():
        return []
    return [match.span() for match in _PUBLIC_URL.finditer(text)]


def plate_spans(text: str) -> list[tuple[int, int]]:
    """Registration plates: in capitals anywhere ("MRS329"), in any case after "reg", "regnr", "bilen" …"""
    spans = [match.span() for match in _PLATE_BARE.finditer(text)]
    if not _mentions(text, _PLATE_HINTS):
        return spans
    return spans + [match.span("plate") for match in _PLATE_CUED.finditer(text)
                    if match.group("plate")[:3].lower() not in STOPWORDS]  # "bilen har 120 hästkrafter"


def _mentions(text: str, hints: tuple[str, ...]) -> bool:
    """Whether *text* (in lower case) holds one of *hints*: a cheap test before a pattern that needs one."""
    lowered = text.lower()
    return any(hint in lowered for hint in hints)


def handle_spans(text: str) -> list[tuple[int, int]]:
    """Social-media handles and links: "@namn", "facebook.com/…", "tiktok heter x", "insta: x"."""
    spans = [match.span() for match in _HANDLE_AT.finditer(text)] if "@" in text else []
    if "_" in text:
        spans += [match.span() for match in _UNDERSCORED.finditer(text)
                  if "_" in match.group() and any(char.isalpha() for char in match.group())]  # not "190514_8928"
    if not _mentions(text, _SOCIAL_HINTS):
        return spans
    for match in _SOCIAL_LINK.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in ".?&=-":
            end -= 1  # the full stop after the link
        spans.append((match.start(), end))
    for match in _HANDLE_ON_PLATFORM.finditer(text):
        group, cue = ("handle", "cue") if match.group("handle") is not None else ("after", "cue2")
        handle = match.group(group).rstrip(".-")
        weak = match.group(cue).lower() in ("som", "is", "as")  # "som vanligt", "som klistrad på TikTok"
        if handle.lower() not in STOPWORDS and not (weak and handle.isalpha() and kind_of(handle.lower()) in (
                "common", "keep", "soft")):
            spans.append((match.start(group), match.start(group) + len(handle)))
    for match in _HANDLE_CUED.finditer(text):
        handle = match.group("handle").rstrip(".")
        cue = match.group("cue").strip().lower()
        if handle.lower() in STOPWORDS:
            continue
        if cue in _STRONG_HANDLE_CUES or any(char.isdigit() or char in "_." for char in handle):
            spans.append((match.start("handle"), match.start("handle") + len(handle)))
    return spans


def case_number_spans(text: str) -> list[tuple[int, int]]:
    """Case and ID numbers after their name (diarienummer, dossiernummer, ärendenummer, LMA-kort …)."""
    spans = [match.span() for match in _POLICE_NUMBER.finditer(text)] if "-k" in text.lower() else []
    if not _mentions(text, _CASE_HINTS):
        return spans
    if "mål" in text.lower():
        spans += [match.span("value") for match in _COURT_CASE.finditer(text)]
    return spans + [match.span("value") for match in _CASE_NUMBER.finditer(text)
                    if sum(char.isdigit() for char in match.group("value")) >= 3]


def school_spans(text: str) -> list[tuple[int, int]]:
    """Schools named ("Rinkebyskolan", "Rinkeby skola") and classes ("klass 3c", "går i 2B")."""
    if not _mentions(text, _SCHOOL_HINTS):
        return []
    spans = []
    for match in _SCHOOL.finditer(text):
        head = match.group("head").lower()
        if head not in _GENERIC_SCHOOL_HEADS and not head.endswith(("förskole", "för")):
            spans.append(match.span())
        elif (place := _PLACE_AFTER.match(text, match.end(), match.end() + 32)) is not None and match.group()[
                0].isupper() and place.group("place").lower() not in _SCHOOL_STOP | ABBREVIATIONS:
            spans.append((match.start(), place.end()))  # "Kunskapsskolan Nacka": a chain's school by its place
    for match in _SCHOOL_APART.finditer(text):
        if match.group("head").lower() not in _GENERIC_SCHOOL_HEADS | _SCHOOL_STOP:
            spans.append(match.span())
    spans += [match.span() for match in _SCHOOL_TITLE.finditer(text)
              if match.group().split()[0].lower() not in _SCHOOL_STOP]
    # "Sjöviksskolan i 2A": a class after a school named.
    spans += [after.span("class") for _, end in list(spans)
              if (after := _CLASS_AFTER_SCHOOL.match(text, end, min(len(text), end + 20))) is not None]
    # "2B på Rinkebyskolan": a class before a school named.
    classes = [before.span("class") for start, _ in spans
               if (before := _CLASS_BEFORE_SCHOOL.search(text, max(0, start - 16), start)) is not None]
    return spans + classes + [match.span("class") for match in _CLASS.finditer(text)]
