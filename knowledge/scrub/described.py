"""Details told in prose or given away by their shape: addresses in prose (an entrance and floor, a plot, a corner,
a named building), the parent's workplace, names only their shape gives away (apostrophes, other scripts, glued to
an age, bracketed initials, hyphenated given names, short names that are also words), and the columns of a pasted
table."""

from __future__ import annotations

import re

from knowledge.scrub.lexicon import institutions, kind_of, lowercase_name

# Addresses in prose.
_FLOOR = r"(?:(?:plan|våning|vån\.?|floor)\s{0,2}\d{1,2}|\d{1,2}\s?(?:tr|trappor|trappa))"
# "uppgång B, plan 6", "trappuppgång 2"; an entrance ("entré B", "port 3") only with a floor after it.
_ENTRANCE = re.compile(
    rf"(?<!\w)(?:(?:uppgång|trappuppgång|stairwell)\s{{1,2}}(?-i:[A-Z]|\d{{1,2}})(?:\s{{0,2}},?\s{{0,2}}{_FLOOR})?"
    rf"|(?:ingång|port|entré|hus|entrance)\s{{1,2}}(?-i:[A-Z]|\d{{1,2}})\s{{0,2}},?\s{{0,2}}{_FLOOR})(?!\w)",
    re.IGNORECASE,
)
_FLOOR_AFTER_ADDRESS = re.compile(r"^\s?,?\s{0,2}(?:\d{1,2}\s?(?:tr|trappor|trappa|vån|våningen)|"
                                  r"(?:plan|våning|vån\.?)\s?\d{1,2})(?!\w)", re.IGNORECASE)
_PLOT = re.compile(
    r"(?<!\w)(?:kolonilott(?:en)?|koloniträdgård(?:en)?|kolonistuga(?:n)?|lott(?:en)?|stuga(?:n)?|husvagn(?:en)?|"
    r"båtplats(?:en)?|campingplats(?:en)?|allotment|plot)\s{1,2}(?:nr\.?|nummer|no\.?|number)?\s{0,2}\d{1,4}[A-Za-z]?"
    r"(?!\w)",
    re.IGNORECASE,
)
_CORNER = re.compile(
    r"(?<!\w)(?:hörnet|korsningen|corner)\s{1,2}(?:(?:av|mellan|vid|of)\s{1,2})?"
    r"(?P<first>[A-ZÅÄÖa-zåäö][\wåäöÅÄÖ:-]{1,40}(?:\s[a-zåäö]{2,6})?)(?![\w:-])(?:\s{1,2}(?:och|and|&)\s{1,2}|\s?/\s?)"
    r"(?P<second>[A-ZÅÄÖa-zåäö][\wåäöÅÄÖ:-]{1,40})(?![\w:-])",
)
_BUILDING = re.compile(
    r"(?<!\w)(?:höghuset|huset|hyreshuset|fastigheten|tornet|skrapan|building|tower|block)\s{1,2}"
    r"(?P<name>[A-ZÅÄÖ][\wåäöé-]{1,30}(?:\s[A-ZÅÄÖ][\wåäöé-]{1,30}){0,2})(?![\w-])"
)
# A lower-case street with a number and a floor: "bredbyplan 3, 4 tr" (the address pass wants a capital).
# Found from the street word on (cheap), then read back to the start of the compound.
_LOWER_STREET = re.compile(
    r"(?<=[a-zåäö]{3})(?:plan|väg|torg|backe|stig|plats|park|strand|gränd|gata|gatan|vägen|torget|"
    r"backen|stigen|platsen)\s{1,2}\d{1,4}[a-h]?(?=\s?,?\s{0,2}(?:\d{1,2}\s?(?:tr|trappor|trappa|vån)|"
    r"(?:lgh|lägenhet|tr|vån|våning|plan)\.?\s?\d))",
)

_LOWER_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzåäö")
_ENTRANCE_HINTS = ("uppgång", "ingång", "port", "entré", "hus", "stairwell", "entrance")
_PLOT_HINTS = ("lott", "stug", "husvagn", "plats", "allotment", "plot", "koloni")

# The parent's workplace: "pappan är överläkare på Danderyd", "mamman jobbar på Apoteket Hjärtat", "pilot at SAS".
_PARENT = (r"(?:pappan|mamman|pappa|mamma|föräldern|vårdnadshavaren|styvpappan|bonuspappan|bonusmamman|"
           r"styvmamman|hon|han|dad|mum|mom|father|mother|he|she)")
# An organisation's name: capitalised words, "&" between them ("Klipp & Kaos"), "i <Place>" inside.
_ORG = (r"[A-ZÅÄÖ0-9][\wåäöÅÄÖ&.'-]{1,30}"
        r"(?:\s(?:&\s)?(?:[A-ZÅÄÖ0-9][\wåäöÅÄÖ&.'-]{1,30}|i\s[A-ZÅÄÖ][\wåäö-]{1,30})){0,4}")
_WORKPLACE = re.compile(
    rf"(?<!\w)(?i:{_PARENT})\s{{1,2}}(?:(?P<works>(?i:jobbar|arbetar|jobbade|arbetade|works|worked|städar|städade|"
    r"extraknäcker|kör|körde|cleans|drives))|är|var|is|was)"
    r"\s{1,2}(?P<role>(?:[a-zåäö-]{1,30}\s{1,2}|[A-ZÅÄÖ]{2,4}\s{1,2}){0,3})(?P<prep>på|hos|vid|för|at|for|i)\s{1,2}"
    rf"(?P<org>{_ORG})"
)
# What a parent owns or runs, named after its kind: "styvpappan äger frisörsalongen Klipp & Kaos".
_OWNED = re.compile(
    rf"(?<!\w)(?i:{_PARENT})\s{{1,2}}(?i:äger|ägde|driver|drev|owns|owned|runs)\s{{1,2}}(?:(?i:en|ett|a|an)\s{{1,2}})?"
    rf"[a-zåäöéü-]{{3,30}}\s{{1,2}}(?P<org>{_ORG})"
)
# After "är"/"var" the words before "på" must name a role ("är överläkare på"), not "är ofta på", "är inte hos".
_NOT_ROLES = frozenset({"ofta", "alltid", "aldrig", "inte", "bara", "hemma", "kvar", "ute", "borta", "där", "nog",
                        "också", "ju", "redan", "just", "nu", "idag", "sjuk", "ledig", "arg", "ledsen", "glad", "snäll",
                        "not", "often", "always", "never", "still", "now", "here", "there", "home", "a", "an", "the",
                        "på", "med", "och", "sen", "sent", "tidigt", "mest", "mycket", "sällan", "inlagd", "inskriven",
                        "född", "uppvuxen", "bortrest", "sjukskriven", "patient", "akuten", "admitted", "born",
                        # adjectives before "på": "bra på Minecraft", "rädd på Gröna Lund", "good at Fortnite"
                        "bra", "bättre", "bäst", "duktig", "dålig", "sämst", "van", "snabb", "rädd", "sur", "trött",
                        "nöjd", "missnöjd", "aktiv", "intresserad", "ny", "ensam", "själv", "kär", "beroende",
                        "good", "bad", "better", "best", "great", "angry", "nice", "new", "late", "early", "mad",
                        "scared", "afraid", "alone", "upset", "hooked", "addicted", "stolt", "sugen", "inne"})
# After "i" only a parish, a mosque or the like is a workplace ("präst i Hässelby församling").
_PARISH = re.compile(r"\s(?:församling|församlingen|kyrkoförsamling|moské|moskén|kyrka|kyrkan|stift|kommun|region)"
                     r"(?!\w)")
# A place's lower-case word after its name goes with it ("Södermalms polisstation", "Danderyds sjukhus").
_PLACE_NOUN = re.compile(r"\s[a-zåäö]{0,20}(?:station|stationen|sjukhus|sjukhuset|församling|församlingen|kyrka|"
                         r"kyrkan|moské|moskén|skola|skolan|klinik|kliniken|vårdcentral|vårdcentralen|mottagning|"
                         r"mottagningen|förvaltning|förvaltningen|bibliotek|biblioteket|butik|butiken|restaurang|"
                         r"restaurangen|verkstad|verkstaden|kontor|kontoret|lager|lagret)(?!\w)")
# Words before "på" that say when, how much or where, not what the parent works as: "jobbar deltid på Ica".
_NOT_TITLES = frozenset({"tillbaka", "nyss", "kanske", "uppe", "nere", "iväg", "framme", "lite", "natt", "natten",
                         "nätter", "deltid", "heltid", "extra", "kväll", "kvällar", "kvällstid", "dag", "dagtid",
                         "dagar", "helg", "helger", "ibland", "mest", "skift", "timmar", "svart", "ideellt", "gratis",
                         "hårt", "fortfarande", "troligen", "säkert", "väl", "visst", "igen", "förut", "tidigare",
                         "numera", "då", "dit", "hit", "hemifrån", "anställd", "inlagd", "med", "mycket", "aktiv",
                         "borta", "timanställd", "vikarie", "praktik", "praktikant", "kvar", "part-time",
                         "full-time", "nights", "back", "away", "also"})
_CARE = ("sjukhus", "sjukhuset", "klinik", "kliniken", "vårdcentral", "vårdcentralen", "mottagning", "mottagningen")
# Endings of adjectives, which name a feeling, not a title: "svartsjuk på", "orolig för", "förtjust i".
_FEELINGS = ("ig", "sjuk", "isk", "ad", "sam", "ust", "en", "ande", "ende")
_WORKPLACE_KEEP = frozenset({"förskolan", "förskola", "jobbet", "arbetet", "dagis", "hemma", "sverige", "stockholm",
                             "morgonen", "kvällen", "natten", "helgen", "helgerna", "skolan", "work", "home",
                             "the", "a", "an", "min", "mitt", "sin", "sitt", "hans", "hennes"})
# Public roles: "sitter i kommunfullmäktige för Moderaterna".
_PUBLIC_ROLE = re.compile(
    r"(?<!\w)sitter\s{1,2}i\s{1,2}(?P<body>[a-zåäö]{4,30}(?:fullmäktige|styrelsen|styrelse|nämnden|nämnd|riksdagen))"
    r"(?:\s{1,2}för\s{1,2}(?P<party>[A-ZÅÄÖ][\wåäö]{1,30})(?!\w))?"
)

# Names by their shape.
_APOSTROPHE_NAME = re.compile(r"(?<![\w'’@])[A-ZÅÄÖ][a-zåäö]{0,2}['’][A-ZÅÄÖ][a-zåäöéü]{1,20}(?![\w@])")
# Letters of a script other than Latin (Greek, Cyrillic, Armenian, Hebrew, Arabic, Syriac, Thaana, Indic,
# Thai, Georgian, Ethiopic, Hangul, kana, CJK), with the spaces between such words.
_SCRIPT = (r"\u0370-\u03ff\u0400-\u052f\u0531-\u058f\u0590-\u05ff\u0600-\u06ff\u0700-\u074f\u0750-\u077f"
           r"\u0780-\u07bf\u0900-\u0dff\u0e00-\u0eff\u10a0-\u10ff\u1100-\u11ff\u1200-\u139f\u3040-\u30ff"
           r"\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\ufb50-\ufdff\ufe70-\ufeff")
_OTHER_SCRIPT = re.compile(rf"[{_SCRIPT}]+(?:[\s\u200c\u200d'’-][{_SCRIPT}]+){{0,30}}")
_GLUED_AGE = re.compile(
    r"(?<![\w-])(?P<name>[A-ZÅÄÖ][a-zåäöéü]{1,20})\d{1,2}(?:[,.]5)?\s?(?:år|åring|mån|years?)(?!\w)"
)
# "Alice2", "Leo_3": a listed name numbered apart from another of the same name (not "Covid19", "Mp3").
_NUMBERED_NAME = re.compile(r"(?<![\w@/.:#-])(?P<name>[A-ZÅÄÖ][a-zåäöéü]{1,20})_?\d{1,2}(?![\w@/.:-])")
_BRACKET_INITIALS = re.compile(
    r"\((?P<initials>[A-ZÅÄÖ]{1,3}|[A-ZÅÄÖ]\.\s?[A-ZÅÄÖ]\.?)(?:\s?[,;]\s?|\s)\d{1,2}(?:[,.]5)?\s?(?:år|mån|y|yrs|years?)"
)
_EAST_ASIAN_SURNAMES = ("Kim|Lee|Park|Choi|Jung|Kang|Cho|Yoon|Jang|Lim|Han|Shin|Seo|Kwon|Hwang|Ahn|Song|Yoo|Hong|"
                        "Jeon|Moon|Yang|Bae|Baek|Nam|Wang|Zhang|Liu|Chen|Huang|Zhao|Zhou|Xu|Sun|Zhu|Hu|Guo|Lin|Luo|"
                        "Gao|Nguyen|Tran|Pham|Hoang|Vu|Dang|Bui|Ngo|Duong|Ly|Tanaka|Sato|Suzuki|Takahashi|Watanabe")
_HYPHEN_GIVEN = r"[A-Z][a-z]{1,5}-[a-z]{2,5}"
_HYPHEN_GIVEN_HINT = re.compile(rf"{_HYPHEN_GIVEN}(?![\w-])")
_EAST_ASIAN = re.compile(rf"(?<![\w-])(?:(?:{_EAST_ASIAN_SURNAMES})\s{{1,2}}{_HYPHEN_GIVEN}|{_HYPHEN_GIVEN}"
                         rf"\s{{1,2}}(?:{_EAST_ASIAN_SURNAMES}))(?![\w@-])")
# A nickname before the real name: "Mille som egentligen heter …".
_NICKNAME = re.compile(r"(?<![\w-])(?P<name>[A-ZÅÄÖ][a-zåäöéü]{1,20})\s{1,2}som\s{1,2}"
                       r"(?:egentligen\s{1,2}|officiellt\s{1,2}|"
                       r"på\s{1,2}riktigt\s{1,2})?(?:heter|hette|kallas)(?!\w)")
# Short names that are also words, where only a name can stand: "My och hennes bror", "att love inte vill".
_NAME_WORDS = (r"(?:my|sol|love|vide|bo|ask|björn|sten|sky|lo|li|nova|stig|rut|kaj|mio|sam|tim|tom|ljus|rosa|vilja|"
               r"ek|liv)")
_NAME_WORD_HINT = re.compile(rf"(?<!\w){_NAME_WORDS}(?!\w)", re.IGNORECASE)
_LETTER_THEN_DIGIT = re.compile(r"\d(?<=[a-zåäöéü]\d)")
_WORD_NAME = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=\batt\s)|(?<=\bmen\s)|(?<=\bför\s)|(?<=\bdå\s))(?P<name>{_NAME_WORDS})"
    r"(?=\s{1,2}(?:och\s{1,2}(?:hennes|hans)\s{1,2}(?:bror|syster|lillebror|lillasyster|storebror|storasyster|"
    r"mamma|pappa)|inte\s{1,2}(?:vill|vågar|kan|ska|får|har|är|äter|sover)|har\s{1,2}(?:berättat|sagt|inte|haft|fått|"
    r"varit|ont|blåmärken|märken|feber|sår|slutat|slagit|bitit|kissat|bajsat|bott)|berättade|berättar|sa|säger|grät|gråter|vill\s{1,2}inte|vågar\s{1,2}inte|hämtas|hämtades))",
    re.IGNORECASE,
)


_NAME_WORDS_CAPITAL = "|".join(word.capitalize() for word in _NAME_WORDS[3:-1].split("|"))
_WORD_NAME_MID = re.compile(
    rf"(?<=[\w,] )(?P<name>{_NAME_WORDS_CAPITAL})(?=\s{{1,2}}(?:och\s{{1,2}}(?:hennes|hans)\s|inte\s|har\s|hade\s|"
    r"berättade|berättar|sa\s|säger|grät|gråter|vill\s|vågar\s|kom\s|kommer\s|hämtas|hämtades|slog|slår|bet\s|biter))"
)
# A lower-case name before "och hennes mamma": "vi pratade med lisa och hennes mamma".
_LOWER_WITH_KIN = re.compile(r"(?<![\w-])(?P<name>[a-zåäöéü]{2,20})\s{1,2}(?:och|&)\s{1,2}(?:hennes|hans|dennes)\s{1,2}"
                             r"(?:mamma|pappa|mor|far|bror|syster|lillebror|lillasyster|storebror|storasyster|"
                             r"mormor|morfar|farmor|farfar|moster|faster|morbror|farbror)(?!\w)")
_AFTER_NAME_CUE = re.compile(rf"(?<!\w)(?:heter|hette|kallas|kallades)\s{{1,2}}(?P<name>(?i:{_NAME_WORDS}))(?!\w)")
_HYPHEN_GIVEN_ALONE = re.compile(rf"(?<![\w@-]){_HYPHEN_GIVEN}(?![\w@-])")


def prose_address_spans(text: str) -> list[tuple[int, int]]:
    """Addresses told in prose: an entrance and floor, a plot, the corner of two streets, a named building, a
    lower-case street with its floor."""
    lowered = text.lower()
    spans = []
    if any(hint in lowered for hint in _ENTRANCE_HINTS):
        spans += [match.span() for match in _ENTRANCE.finditer(text)]
    if any(hint in lowered for hint in _PLOT_HINTS):
        spans += [match.span() for match in _PLOT.finditer(text)]
    for match in _LOWER_STREET.finditer(text):
        start = match.start()
        while start > 0 and start > match.start() - 30 and text[start - 1] in _LOWER_LETTERS:
            start -= 1
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            continue  # a capitalised street is the address pass's
        floor = _FLOOR_AFTER_ADDRESS.match(text[match.end() : match.end() + 20])
        spans.append((start, match.end() + (floor.end() if floor is not None else 0)))
    if "hörn" in lowered or "korsning" in lowered or "corner" in lowered:
        for match in _CORNER.finditer(text):
            spans += [match.span("first"), match.span("second")]
    if any(hint in lowered for hint in ("huset", "fastighet", "tornet", "skrapan", "building", "tower", "block")):
        spans += [match.span("name") for match in _BUILDING.finditer(text)]
    return spans


def workplace_spans(text: str) -> list[tuple[int, int]]:
    """The organisation a parent works at ("pappan är överläkare på Danderyd" → Danderyd), not "på förskolan".

    The role stays (docs/privacy.md: a parent's position matters to the socionom); the place goes with its
    lower-case word ("Södermalms polisstation"), and after "i" only a parish or the like ("Hässelby församling").
    """
    spans = []
    for match in _WORKPLACE.finditer(text):
        role = match.group("role").split()
        last = role[-1].lower() if role else ""
        titled = bool(role) and last != "som" and (role[0].lower() == "som" or (
            last not in _NOT_ROLES and last not in _NOT_TITLES and not last.endswith(_FEELINGS)))
        if match.group("works") is None and not titled:
            continue
        if match.group("works") and match.group("works").lower().startswith(("kör", "drive")) and not role:
            continue  # "han kör på Essingeleden": a road, not where he drives for
        org = match.group("org")
        if match.group("prep") == "i" and not (titled and _PARISH.match(text, match.end("org"))):
            continue  # "är kvar i Sverige", "polis i Skärholmen" (a district stays)
        end = match.end("org")
        while end < len(text) and (text[end].isalnum() or text[end] in "_&'’-"):
            end += 1  # a name longer than the pattern's bound goes whole, or a second scrub would see the rest
        noun = _PLACE_NOUN.match(text, end, end + 40)  # "Järva moské": a district's word names one place
        care = noun is not None and noun.group().rstrip().endswith(_CARE)  # "Karolinska sjukhuset" is public
        if ((noun is None or care) and (org.split()[0].lower() in _WORKPLACE_KEEP or kind_of(org.lower()) == "keep")) \
                or institutions().match(text, match.start("org")):
            continue  # "på förskolan", "på BVC", "på Astrid Lindgrens barnsjukhus": public places, kept
        if " " not in org and kind_of(org.lower()) == "common" and org.lower().endswith(("en", "et", "na")):
            continue  # "chef för Förvaltningen": an ordinary noun capitalised, no organisation named
        spans.append((match.start("org"), noun.end() if noun is not None else end))
    spans += [match.span("org") for match in _OWNED.finditer(text) if kind_of(match.group("org").lower()) != "keep"]
    for match in _PUBLIC_ROLE.finditer(text):
        spans.append(match.span("body"))
        if match.group("party"):
            spans.append(match.span("party"))
    return spans


def shaped_name_spans(text: str) -> list[tuple[int, int]]:
    """Names given away by their shape: an apostrophe inside (D'Angelo), another script, glued to an age
    ("Filip4år") or to a number ("Alice2"), bracketed initials before an age ("(AH, 3 år)"), East Asian given
    names with a hyphen, and short names that are also words where only a name can stand."""
    spans = []
    if "'" in text or "’" in text:
        spans += [match.span() for match in _APOSTROPHE_NAME.finditer(text)]
    spans += _other_script_spans(text)
    if _LETTER_THEN_DIGIT.search(text):
        spans += [match.span("name") for match in _GLUED_AGE.finditer(text)]
        spans += [match.span() for match in _NUMBERED_NAME.finditer(text)
                  if kind_of(match.group("name").lower()) in ("name", "ambiguous")]
    if "(" in text:
        spans += [match.span("initials") for match in _BRACKET_INITIALS.finditer(text)]
    if "-" in text and _HYPHEN_GIVEN_HINT.search(text):
        spans += [match.span() for match in _EAST_ASIAN.finditer(text)]
        spans += [match.span() for match in _HYPHEN_GIVEN_ALONE.finditer(text)
                  if kind_of(match.group().lower()) in ("unknown", "name", "proper", "ambiguous")]
    if _NAME_WORD_HINT.search(text):
        spans += [match.span("name") for pattern in (_WORD_NAME, _WORD_NAME_MID, _AFTER_NAME_CUE)
                  for match in pattern.finditer(text)]
    if "och h" in text:
        spans += [match.span("name") for match in _LOWER_WITH_KIN.finditer(text)
                  if kind_of(match.group("name")) in ("name", "ambiguous") or (
                      kind_of(match.group("name")) == "unknown" and lowercase_name(match.group("name")))]
    if "som" in text:
        spans += [match.span("name") for match in _NICKNAME.finditer(text)
                  if kind_of(match.group("name").lower()) != "keep"]
    return spans


# Columns of a pasted table ("namn;pnr;avd") and the kind of what stands under them.
_COLUMN_KINDS = {
    "namn": "name", "name": "name", "förnamn": "name", "efternamn": "name", "barn": "name", "barnets namn": "name",
    "vårdnadshavare": "name", "förälder": "name", "pnr": "personnummer", "personnummer": "personnummer",
    "personnr": "personnummer", "avd": "group", "avdelning": "group", "grupp": "group", "adress": "address",
    "address": "address", "tel": "phone", "telefon": "phone", "mobil": "phone", "e-post": "email", "epost": "email",
    "email": "email", "förskola": "preschool", "skola": "school", "klass": "school", "födelsedatum": "birthdate",
    "född": "birthdate",
}
_DELIMITERS = (";", "\t", "|", ",")
# What stands under "namn" where staff left the name out: "barnet", "barn 1", "syskon 2", "child A", "-".
_PLACEHOLDER = re.compile(
    r"(?i:barnet|barn|pojken|pojke|flickan|flicka|syskon|syskonet|child|kid|boy|girl|x{1,3}|n\.?n\.?|-{1,3}|\?)"
    r"(?:\s{0,2}(?:\d{1,2}|[A-D]))?"
)


def table_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """The cells of a pasted table under a header that names them ("namn;pnr;avd"), by kind."""
    found: dict[str, list[tuple[int, int]]] = {}
    if "\n" not in text:
        return found
    columns: list[str | None] = []
    delimiter = ""
    offset = 0
    for line in text.split("\n"):
        cells = _cells(line, delimiter) if delimiter else []
        if columns and len(cells) == len(columns):
            position = offset
            for cell, kind in zip(line.split(delimiter), columns, strict=True):
                start = position + len(cell) - len(cell.lstrip())
                end = position + len(cell.rstrip())
                if kind is not None and end > start and not (
                        kind == "name" and _PLACEHOLDER.fullmatch(text, start, end)):
                    found.setdefault(kind, []).append((start, end))
                position += len(cell) + len(delimiter)
        else:
            columns, delimiter = _header(line)
        offset += len(line) + 1
    return found


def _header(line: str) -> tuple[list[str | None], str]:
    """The kinds of a header's columns and its delimiter, or nothing when *line* is no header."""
    for delimiter in _DELIMITERS:
        cells = _cells(line, delimiter)
        if len(cells) >= 2:
            kinds = [_COLUMN_KINDS.get(cell.strip().lower()) for cell in cells]
            if any(kinds) and sum(kind is not None for kind in kinds) * 2 >= len(kinds):
                return kinds, delimiter
    return [], ""


def _cells(line: str, delimiter: str) -> list[str]:
    """The cells of one line of a table (none when the delimiter is missing)."""
    return line.split(delimiter) if delimiter in line else []




def _other_script_spans(text: str) -> list[tuple[int, int]]:
    """Runs of a non-Latin script, widened over letters and digits glued to them ("Алексей123", "ͰØ") so that no
    piece of the word is left for a second scrub to find."""
    spans: list[tuple[int, int]] = []
    covered = 0  # widening never goes back over a span already taken nor starts inside one: each character is
    # visited at most twice, so the cost stays linear however long a glued token is
    for match in _OTHER_SCRIPT.finditer(text):
        start, end = match.span()
        if start < covered:
            continue
        # The whole token glued to the run goes with it, a number written with spaces included ("O'Brien070 123
        # 45 67Алексей"): what is left beside a mask would be seen afresh by a second scrub.
        while start > covered and (text[start - 1].isalnum() or text[start - 1] in "_'’" or (
                text[start - 1] in " -" and start - 2 >= covered and text[start - 2].isdigit()
                and text[start].isdigit())):
            start -= 1
        while end < len(text) and (text[end].isalnum() or text[end] == "_"):
            end += 1
        if text.startswith("@", end):  # "Алексей@x": a mask left before "@x" would make "@x" a handle next time
            end += 1
            while end < len(text) and (text[end].isalnum() or text[end] in "_."):
                end += 1
        spans.append((start, end))
        covered = end
    return spans
