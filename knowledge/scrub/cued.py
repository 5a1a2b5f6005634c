"""Details that their cue word gives away: door codes, bank and card numbers, ids after their name, a personnummer
given in two parts, phone extensions, foreign plates, addresses told in prose, the parent's workplace, and names
that only their shape gives away (apostrophes, other scripts, glued to an age, bracketed initials)."""

from __future__ import annotations

import re

from knowledge.scrub.identifier import COUNTRY_CODE_BEFORE, MONTH, ORDINAL_WORD
from knowledge.scrub.lexicon import institutions, kind_of

_YEAR_ONLY = re.compile(r"(?:19|20)\d{2}")
_CODE_DIGITS = r"(?P<code>[#*]?\d(?:\s?\d){2,7}[#*]?)(?![\w])"
# "portkod 1234", "porten har kod 2 5 8 0", "koden till porten är 4711#", "door code is 0690".
_DOOR_CODE = re.compile(
    r"(?<!\w)(?:portkod(?:en)?|dörrkod(?:en)?|entrékod(?:en)?|kod(?:en)?|door\s{1,2}code|entry\s{1,2}code|"
    r"gate\s{1,2}code|code)(?:\s{1,2}(?:till|för|to|for)\s{1,2}(?:porten|dörren|huset|entrén|the\s{1,2}door))?"
    r"(?:\s{1,2}(?:är|var|is|was))?\s{0,2}[:=,]?\s{0,2}" + _CODE_DIGITS,
    re.IGNORECASE,
)
_DOOR_HINTS = ("kod", "code")

# Bank: IBAN (with or without spaces), clearing and account, Swish, bankgiro/plusgiro, card numbers.
_IBAN = re.compile(r"(?<![\w-])[A-Z]{2}\s?\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?(?![\w-])")
_BANK_CUED = re.compile(
    r"(?<!\w)(?:clearing(?:nummer|nr|numret)?|kontonummer|kontonumret|kontonr|konto(?:t)?|account(?:\s{1,2}number)?|"
    r"swish(?:a|ar|ade|nummer|numret|nr)?|bankgiro(?:nummer|numret|t)?|plusgiro(?:nummer|numret|t)?|bg|pg|"
    r"kortnummer|kortnumret|kortet|kort|card(?:\s{1,2}number)?|ocr(?:-nummer)?)(?![^\W\d_])"
    r"(?:\s{0,2}[,:]?\s{0,2}(?:till|to|på|nummer|nr|är|var|is|har|mamman|pappan|henne|honom|mig|oss)\.?){0,3}"
    r"\s{0,2}[:#]?\s{0,2}(?P<value>\d(?:[\s-]?\d){3,18})(?![\w])(?!\s?(?:kr|kronor|sek|spänn|euro|:-|€|\$))",
    re.IGNORECASE,
)
# After "IBAN" also in lower case ("iban se45 5000 …"); a Swish number without its cue ("123 456 78 90").
_IBAN_CUED = re.compile(
    r"(?<!\w)iban\s{0,2}[:]?\s{0,2}(?P<value>[a-z]{2}\s?\d{2}(?:\s?[a-z0-9]{4}){2,7}(?:\s?[a-z0-9]{1,3})?)(?![\w-])",
    re.IGNORECASE,
)
# Grouped as Swish prints it; "123456-7890" is personnummer-shaped and left to that pass.
_SWISH_BARE = re.compile(r"(?<![\w+-])123(?:\s\d{3}\s\d{2}\s\d{2}|-\d{3}\s\d{2}\s\d{2}|\s\d{3}\s\d{4})(?![\w-])")
_BANK_HINTS = ("clearing", "konto", "account", "swish", "giro", "bg", "pg", "kort", "card", "ocr")
# Card numbers in groups ("4571 1234 5678 9012", "3782 822463 10005") and unbroken runs of 13 to 19 digits.
_CARD = re.compile(
    r"(?<![\w+-])(?:[2-6]\d{3}(?:[\s-]\d{4}){2}[\s-]\d{1,7}|[2-6]\d{3}[\s-]\d{6}[\s-]\d{4,5}|[1-9]\d{12,18})(?![\w-])"
)

# Ids after their name: passport, referral, insurance, patient and journal numbers, police reports, 1177.
_ID_CUED = re.compile(
    r"(?<!\w)(?:passnummer|passnumret|passnr|pass\s{1,2}(?:nr|nummer)|diarienummer|diarienumret|dnr|ärendenummer|"
    r"passport(?:\s{1,2}(?:number|no\.?))?|"
    r"remiss-?id|remissnummer|remissnumret|remissnr|remiss|referral(?:\s{1,2}(?:id|number))?|"
    r"försäkringsnummer|försäkringsnumret|försäkringsnr|försäkring(?:en)?|insurance(?:\s{1,2}(?:id|number|no\.?))?|"
    r"patient-?id|patientnummer|patientnr|patient\s{1,2}(?:id|number|no\.?)|journal(?:nummer|nr|numret)?|"
    r"polisanmälan|polisanmälningen|police\s{1,2}report|ärende(?:t)?|id-?nummer|id-?nr|id)(?![^\W\d_])"
    r"(?:\s{0,2}[,:]?\s{0,2}(?:har|has|med|nummer|numret|nr|no|number|är|var|is)\.?){0,2}\s{0,2}[:#]?\s{0,2}"
    r"(?P<value>(?:[A-ZÅÄÖ]{1,4}[\s-]?)?\d{2,12}(?:[-/.]?[A-Z]{1,2}\d{1,10}|[-/.:]\d{1,10}|\s\d{3,10}){0,4}"
    r"(?:-[A-Z]{1,2})?)(?![\w/-])",
    re.IGNORECASE,
)
_ID_HINTS = ("pass", "remiss", "referral", "försäkring", "insurance", "patient", "journal", "anmäl", "report",
             "ärende", "id")

# A personnummer in two parts: a date-shaped number, then "och sen", "slutsiffror" … and four digits.
_DATE_NUMBER = re.compile(
    r"(?<![\w+-])(?:19|20)?\d{2}(?P<sep>[-. ]?)(?:0[1-9]|1[0-2])(?P=sep)(?:[0-5]\d|6[0-9]|7[01])(?![\w-])"
)
# The cue and the words between never cross a mask of an earlier scrub ("[personnummer]"): scrubbing twice is stable.
_DATE_CUE = re.compile(r"(?<![\w\[])(?:pnr|personnr|personnumm?er|personnumret|samordningsnummer|ssn|bankid|id|"
                       r"legitimation|leg|visade|showed)[^\w\[\]]{0,4}(?:\w{1,12}[^\w\[\]]{1,3}){0,3}$",
                       re.IGNORECASE)
_TAIL_CUE = re.compile(
    r"(?<!\w)(?:och\s{1,2}sen|och\s{1,2}sedan|sen|sedan|slutsiffror(?:na)?|kontrollsiffror(?:na)?|"
    r"sista\s{1,2}siffrorna|sista\s{1,2}siffror|sista\s{1,2}fyra|de\s{1,2}fyra\s{1,2}sista|last\s{1,2}(?:four|4)|"
    r"then|and\s{1,2}then)(?:\s{1,2}(?:är|var|is|was))?\s{0,2}[:=-]?\s{0,2}$",
    re.IGNORECASE,
)
# Four digits, found first (a digit scan is cheap), then the cue read backwards.
# Not followed by another digit group: "och sedan 0771 000 000" is a phone number (the phone pass), no tail.
_FOUR = re.compile(r"(?<![\w-])(?:\d{4}|\d{2}\s\d{2})(?![\w-])(?![ .]?\d)"
                   r"(?!\s?(?:gram|g|kg|hg|kr|kronor|sek|st|cm|mm|ml|dl|m|km|min|minuter|timmar|dagar|år)(?!\w))")
_TAIL_HINTS = ("sen", "sedan", "siffror", "sista", "last", "then")
# Read out in words: "sista fyra ett två tre fyra", "slutsiffrorna noll noll fem sju".
_DIGIT_WORD = r"(?:noll|ett|en|två|tre|fyra|fem|sex|sju|åtta|nio|zero|one|two|three|four|five|six|seven|eight|nine)"
_TAIL_IN_WORDS = re.compile(
    r"(?<!\w)(?:slutsiffror(?:na)?|kontrollsiffror(?:na)?|sista\s{1,2}siffrorna|sista\s{1,2}(?:fyra|4)|"
    r"(?:fyra|4)\s{1,2}sista|last\s{1,2}(?:four|4))(?:\s{1,2}(?:siffrorna|siffror|digits))?(?:\s{1,2}(?:är|var|is|was))?"
    rf"\s{{0,2}}[:=,]?\s{{0,2}}(?P<last>{_DIGIT_WORD}(?:(?:,\s?|\s|-){_DIGIT_WORD}){{3}})(?!\w)",
    re.IGNORECASE,
)
# A birth date in words after a year in words: "född tjugohundratjugo, femte maj".
_BIRTH_IN_WORDS = re.compile(
    rf"(?<!\w)(?:född|födde|föddes|born)\s{{1,2}}(?:[a-zåäö]{{6,30}},?\s{{1,2}})?(?P<date>{ORDINAL_WORD}\s{{1,2}}{MONTH})"
    r"(?!\w)",
    re.IGNORECASE,
)
_BIRTH_NEAR = re.compile(r"(?<![\w\[])(?:född|born|pnr|personnummer|f\.)(?![\w\]])", re.IGNORECASE)
_STRONG_TAIL = re.compile(r"^(?:slutsiffror|kontrollsiffror|sista\s{1,2}siffror)", re.IGNORECASE)

# A phone extension: "ankn 212", "anknytning 4411", "ext. 12".
_EXTENSION = re.compile(r"(?<!\w)(?:ankn(?:ytning)?|anknr|lokalnummer|ext|extension|direktnummer)\.?\s{0,2}[:]?\s{0,2}"
                        r"\d{2,5}(?!\w)", re.IGNORECASE)
# A foreign plate after "skyltar", "plates", "nummerplåt": "polska skyltar WX 12345".
_FOREIGN_PLATE = re.compile(
    r"(?<!\w)(?:skyltar|skyltarna|skylten|skylt|plates|plate|(?:nummer)?plåt(?:en|ar|arna)|registreringsskylt(?:en|ar)?)"
    r"(?:\s{1,2}(?:är|var|is|was|med|with))?\s{0,2}[:,]?\s{0,2}"
    r"(?P<plate>[A-Z]{1,3}(?:[\s-]?[A-Z0-9]{1,6})(?:[\s-][A-Z0-9]{1,5}){0,2})(?![\w-])",
    re.IGNORECASE,
)

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
_WORKPLACE = re.compile(
    rf"(?<!\w){_PARENT}\s{{1,2}}(?:(?P<works>jobbar|arbetar|jobbade|arbetade|works|worked)|är|var|is|was)\s{{1,2}}"
    r"(?P<role>(?:[a-zåäö-]{1,30}\s{1,2}|[A-ZÅÄÖ]{2,4}\s{1,2}){0,3})(?:på|hos|vid|för|at|for)\s{1,2}"
    r"(?P<org>[A-ZÅÄÖ0-9][\wåäöÅÄÖ&.'-]{1,30}(?:\s(?:[A-ZÅÄÖ0-9][\wåäöÅÄÖ&.'-]{1,30}|i\s[A-ZÅÄÖ][\wåäö-]{1,30})){0,4})"
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
_NAME_WORDS = r"(?:my|sol|love|vide|bo|ask|björn|sten|sky|lo|li|nova|stig|rut|kaj|mio|sam|tim|tom)"
_NAME_WORD_HINT = re.compile(rf"(?<!\w){_NAME_WORDS}(?!\w)", re.IGNORECASE)
_LETTER_THEN_DIGIT = re.compile(r"\d(?<=[a-zåäöéü]\d)")
_WORD_NAME = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=\batt\s)|(?<=\bmen\s)|(?<=\bför\s)|(?<=\bdå\s))(?P<name>{_NAME_WORDS})"
    r"(?=\s{1,2}(?:och\s{1,2}(?:hennes|hans)\s{1,2}(?:bror|syster|lillebror|lillasyster|storebror|storasyster|"
    r"mamma|pappa)|inte\s{1,2}(?:vill|vågar|kan|ska|får|har|är|äter|sover)|har\s{1,2}(?:berättat|sagt|inte|haft|fått|"
    r"varit)|berättade|berättar|sa|säger|grät|gråter|vill\s{1,2}inte|vågar\s{1,2}inte|hämtas|hämtades))",
    re.IGNORECASE,
)


_NAME_WORDS_CAPITAL = "|".join(word.capitalize() for word in _NAME_WORDS[3:-1].split("|"))
_WORD_NAME_MID = re.compile(
    rf"(?<=[\w,] )(?P<name>{_NAME_WORDS_CAPITAL})(?=\s{{1,2}}(?:och\s{{1,2}}(?:hennes|hans)\s|inte\s|har\s|hade\s|"
    r"berättade|berättar|sa\s|säger|grät|gråter|vill\s|vågar\s|kom\s|kommer\s|hämtas|hämtades|slog|slår|bet\s|biter))"
)
_AFTER_NAME_CUE = re.compile(rf"(?<!\w)(?:heter|hette|kallas|kallades)\s{{1,2}}(?P<name>(?i:{_NAME_WORDS}))(?!\w)")
_HYPHEN_GIVEN_ALONE = re.compile(rf"(?<![\w@-]){_HYPHEN_GIVEN}(?![\w@-])")


def door_code_spans(text: str) -> list[tuple[int, int]]:
    """Door codes after "portkod", "kod", "porten har kod", "door code": the digits, even spaced."""
    lowered = text.lower()
    if not any(hint in lowered for hint in _DOOR_HINTS):
        return []
    return [match.span("code") for match in _DOOR_CODE.finditer(text)]


def bank_spans(text: str) -> list[tuple[int, int]]:
    """IBAN, clearing and account numbers, Swish, bankgiro/plusgiro and card numbers."""
    spans = [match.span() for match in _IBAN.finditer(text) if sum(char.isdigit() for char in match.group()) >= 8]
    spans += [match.span() for match in _SWISH_BARE.finditer(text)]
    lowered = text.lower()
    if "iban" in lowered:
        spans += [match.span("value") for match in _IBAN_CUED.finditer(text)]
    if any(hint in lowered for hint in _BANK_HINTS):
        for match in _BANK_CUED.finditer(text):
            digits = sum(char.isdigit() for char in match.group("value"))
            card_cue = match.group().lower().startswith(("kort", "card"))
            if digits >= (12 if card_cue else 4) and not _YEAR_ONLY.fullmatch(match.group("value")):
                spans.append(match.span("value"))  # not "ett kort 2024", "konto 2019"

    return spans


def card_spans(text: str) -> list[tuple[int, int]]:
    """Card numbers: 13 to 19 digits, in groups or unbroken, starting like a card (2–6)."""
    return [match.span() for match in _CARD.finditer(text)]


def id_spans(text: str) -> list[tuple[int, int]]:
    """Passport, referral, insurance, patient, journal and police-report numbers after their name."""
    lowered = text.lower()
    if not any(hint in lowered for hint in _ID_HINTS):
        return []
    return [match.span("value") for match in _ID_CUED.finditer(text)
            if sum(char.isdigit() for char in match.group("value")) >= 4
            and not _YEAR_ONLY.fullmatch(match.group("value"))]


def split_personnummer_spans(text: str) -> list[tuple[int, int]]:
    """A personnummer given in two parts: a date-shaped number after an id cue, and four digits after "och sen",
    "slutsiffror" … near a date-shaped number or a birth cue."""
    spans = []
    dates = []
    for match in _DATE_NUMBER.finditer(text):
        if COUNTRY_CODE_BEFORE.search(text, max(0, match.start() - 10), match.start()):
            continue  # "pnr +46 70 01 00 000": a phone number after its country code (the phone pass)
        if _DATE_CUE.search(text, max(0, match.start() - 40), match.start()):
            spans.append(match.span())
        dates.append(match.end())
    lowered = text.lower()
    if "sista" in lowered or "siffror" in lowered or "last" in lowered:
        spans += [match.span("last") for match in _TAIL_IN_WORDS.finditer(text)]
    if not any(hint in lowered for hint in _TAIL_HINTS):
        return spans
    for four in _FOUR.finditer(text):
        cue = _TAIL_CUE.search(text, max(0, four.start() - 32), four.start())
        if cue is None:
            continue
        strong = _STRONG_TAIL.match(cue.group()) is not None
        near_date = any(0 <= cue.start() - end <= 12 for end in dates)
        near_birth = _BIRTH_NEAR.search(text, max(0, cue.start() - 40), cue.start()) is not None
        # After a birth cue "och sen" takes four digits that are no year ("född 2019 och sen 2021 flyttade de").
        year = _YEAR_ONLY.fullmatch(four.group()) is not None
        if strong or near_date or (near_birth and ("sen" not in cue.group().lower()[:8] or not year)):
            spans.append(four.span())
    return spans


def spoken_birth_spans(text: str) -> list[tuple[int, int]]:
    """A birth date in words after a year in words: "född tjugohundratjugo, femte maj"."""
    lowered = text.lower()
    if "född" not in lowered and "born" not in lowered:
        return []
    return [match.span("date") for match in _BIRTH_IN_WORDS.finditer(text)]


def extension_spans(text: str) -> list[tuple[int, int]]:
    """Phone extensions: "ankn 212", "anknytning 4411", "ext. 12"."""
    lowered = text.lower()
    if "ank" not in lowered and "ext" not in lowered and "lokalnummer" not in lowered and "direkt" not in lowered:
        return []
    return [match.span() for match in _EXTENSION.finditer(text)]


def foreign_plate_spans(text: str) -> list[tuple[int, int]]:
    """Plates after "skyltar", "plates", "nummerplåt" in any country's shape ("WX 12345")."""
    lowered = text.lower()
    if "skylt" not in lowered and "plate" not in lowered and "plåt" not in lowered:
        return []
    return [match.span("plate") for match in _FOREIGN_PLATE.finditer(text)
            if any(char.isdigit() for char in match.group("plate"))]


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
    """The organisation a parent works at ("pappan är överläkare på Danderyd" → Danderyd), not "på förskolan"."""
    spans = []
    for match in _WORKPLACE.finditer(text):
        role = match.group("role").split()
        if match.group("works") is None and (not role or role[-1].lower() in _NOT_ROLES):
            continue
        org = match.group("org")
        if org.split()[0].lower() in _WORKPLACE_KEEP or kind_of(org.lower()) == "keep" or institutions().match(
                text, match.start("org")):
            continue  # "på förskolan", "på BVC", "på Astrid Lindgrens barnsjukhus": public places, kept
        if " " not in org and kind_of(org.lower()) == "common" and org.lower().endswith(("en", "et", "na")):
            continue  # "chef för Förvaltningen": an ordinary noun capitalised, no organisation named
        end = match.end("org")
        while end < len(text) and (text[end].isalnum() or text[end] in "_&'’-"):
            end += 1  # a name longer than the pattern's bound goes whole, or a second scrub would see the rest
        spans.append((match.start("org"), end))
    for match in _PUBLIC_ROLE.finditer(text):
        spans.append(match.span("body"))
        if match.group("party"):
            spans.append(match.span("party"))
    return spans


def shaped_name_spans(text: str) -> list[tuple[int, int]]:
    """Names given away by their shape: an apostrophe inside (D'Angelo), another script, glued to an age
    ("Filip4år"), bracketed initials before an age ("(AH, 3 år)"), East Asian given names with a hyphen, and short
    names that are also words where only a name can stand."""
    spans = []
    if "'" in text or "’" in text:
        spans += [match.span() for match in _APOSTROPHE_NAME.finditer(text)]
    spans += _other_script_spans(text)
    if _LETTER_THEN_DIGIT.search(text):
        spans += [match.span("name") for match in _GLUED_AGE.finditer(text)]
    if "(" in text:
        spans += [match.span("initials") for match in _BRACKET_INITIALS.finditer(text)]
    if "-" in text and _HYPHEN_GIVEN_HINT.search(text):
        spans += [match.span() for match in _EAST_ASIAN.finditer(text)]
        spans += [match.span() for match in _HYPHEN_GIVEN_ALONE.finditer(text)
                  if kind_of(match.group().lower()) in ("unknown", "name", "proper", "ambiguous")]
    if _NAME_WORD_HINT.search(text):
        spans += [match.span("name") for pattern in (_WORD_NAME, _WORD_NAME_MID, _AFTER_NAME_CUE)
                  for match in pattern.finditer(text)]
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
                if kind is not None and end > start:
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
