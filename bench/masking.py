"""Masking figures: identifiers leaked, names masked, ordinary words kept, and scrub time per message.

Run with `python -m bench.masking`; `--fresh PATH` scores a hand-written corpus (bench/data/masking_fresh.yaml)
instead. The corpus is built here, seeded: sentences as preschool staff write
them, with personnummer, samordningsnummer, phone numbers, e-mail addresses, street addresses, birth dates
and group names in the forms staff type, and names of many origins — half of them from the shipped lists,
half from a held-out pool that is deliberately NOT in `knowledge/data/names.yaml`, so the figure says how
well the evidence rules generalise. Every word of the sentences around them counts as an ordinary word that
must survive. Targets: 0 leaked, names >= 95 %, ordinary words >= 95 %, p99 < 5 ms. Not a test: nothing here
asserts; `--show` prints what went wrong.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import time
from dataclasses import dataclass, field
from importlib import resources

import yaml

from knowledge.limits import MAX_MESSAGE_CHARS
from knowledge.scrub import Scrubber, warm_up
from routing.demo import demo_directory

# Names NOT in the shipped lists (checked at start): the generalisation half of the name figure.
HELD_OUT = [
    "Vilhelm", "Algot", "Isidor", "Cleo", "Lia", "Hjördis", "Tekla", "Ilse", "Abdiqadir", "Sacdiya", "Mustaf", "Kowsar",
    "Hodo", "Naima", "Warda", "Basma", "Lojain", "Tiba", "Karam", "Jouri", "Dunia", "Behrouz", "Shabnam", "Hedieh",
    "Kimia", "Rojan", "Berfin", "Helin", "Zozan", "Ezgi", "Kübra", "Bünyamin", "Tuomo", "Ilona", "Kerttu", "Radosław",
    "Bożena", "Ksawery", "Feruz", "Wintana", "Abrehet", "Yafet", "Tsion", "Dagim", "Melisa", "Vildana", "Ljubica",
    "Miroslav", "Blerina", "Florim", "Bogdan", "Giovanni", "Chiara", "Lorenzo", "Pierre", "Margaux", "Hannes", "Tiago",
    "Ruben", "Hajar", "Safa", "Amani", "Eliah", "Yaqub", "Jwan", "Dilnaz", "Mehwish", "Aiyana", "Arvin", "Anahita",
    "Golbarg", "Kasra", "Vahid"
]
HELD_OUT_SURNAMES = [
    "Abdulle", "Warsame", "Jönsson", "Lindkvist", "Hagström", "Nordlund", "Karimzadeh", "Özkan", "Tesfai", "Mehari",
    "Kowalczyk", "Hasanović", "Lehtinen", "Rostami", "Osmanović", "Gebreyes", "Sjölander", "Farouk"
]

# {N}, {M}: names (capitalised); {n}: a name in lower case; {S}: a surname.
NAME_TEMPLATES = [
    "{N} har blåmärken på armen igen.", "I dag berättade {N} att pappa slår.", "{N}s mamma kom sent igen.",
    "Jag är orolig för {N}, hon är ofta ledsen.", "Barnet heter {N} och går hos oss.",
    "{N} och {M} bråkade i hallen.", "hon sa att {n} var rädd för att gå hem.", "Mamma {N} ringde och var arg.",
    "Pappan {N} {S} hämtade sent i går.", "Hennes bror {N} går också här.", "{N} {S} har varit borta länge.",
    "Vi pratade med {N} om det som hänt.", "När {N} kom i morse grät hon.", "{n} och {m} lekte inte med de andra.",
    "Kan ni ringa om {N}?", "{N} told me that her dad hits her.", "The boy {N} has bruises on his back.",
    "Det gäller {N}, fyra år.", "Jag undrar om {N} får mat hemma.", "{N} sover mycket på vilan.",
    "Storasyster {N} hämtar ofta.", "Han som heter {n} är alltid hungrig.", "{N}:s pappa luktade alkohol.",
    "Igår sa {N} att mamma gråter varje kväll.", "Vi har sett att {N} har svårt att sitta still.",
    "{N}, {M} och {O} är syskon.", "Det var {N} som hade ett märke på kinden.", "Min kollega {N} såg det också.",
    "Pappa {n} skrek på henne i tamburen.", "{N} ville inte gå hem med {M}.",
]
# Every word here must survive (body parts, places, verbs, everyday preschool words, English).
ORDINARY = [
    "Hon har ont i vänster axel och höger knä.", "Barnet har blåmärken på ryggen och armen.",
    "Vi ringde Socialjouren och de hänvisade till Barnahus.", "BVC har också varit oroliga.",
    "Mamman verkade stressad vid hämtningen.", "Pappan kom inte på utvecklingssamtalet.",
    "Han äter mycket vid lunchen och vill ha mer.", "På vilan ligger hon vaken och stirrar.",
    "Förskolan ligger i Rinkeby och vi har flera avdelningar.", "Vi träffas på måndag med rektorn.",
    "I går var hon ledsen hela dagen.", "Han biter andra barn när han blir arg.",
    "Blöjan var inte bytt när han kom på morgonen.", "Hon har samma kläder flera dagar i rad.",
    "Vi ska ha samling efter frukost.", "Det luktade rök i hennes jacka.", "Han säger att mamma sover hela tiden.",
    "Kan jag göra en orosanmälan anonymt?", "Hur vet jag om det räcker för att anmäla?",
    "Vi har pratat med specialpedagogen.", "Föräldrarna bråkar ofta högljutt i hallen.",
    "Hon kissar på sig igen fast hon slutat med blöja.", "Barnet verkar rädd för vuxna män.",
    "Socialtjänsten i Farsta har redan kontakt med familjen.", "Vi såg ett brännmärke på handleden.",
    "Hon berättade om ett bråk hemma i helgen.", "Han har varit frånvarande i tre veckor.",
    "Jag vet inte om jag ska ringa polisen.", "Rektor sa att vi ska vänta och se.",
    "Hon ritar mycket svarta bilder.", "Han har svårt med språket och pratar lite.",
    "Mamman har sagt att de ska flytta till Göteborg.", "Familjen kommer från Somalia.",
    "Pappan pratar arabiska och behöver tolk.", "Hon har eksem på händerna och kliar sig.",
    "Vi hade utflykt till skogen i tisdags.", "Under julen var han hos sin mormor.",
    "Tandborstningen fungerar inte hemma.", "She has bruises on her arm and looks scared.",
    "The father was angry when he picked him up.", "Yesterday she cried when her mother left.",
    "He says he is hungry every morning.", "Jag har ett utvecklingssamtal på fredag.",
    "Efter påsk blev det sämre.", "Vi läste om Pippi och Bamse i samlingen.",
    "Barnet har blåmärke på låret och på överarmen.", "Han har ont i magen varje morgon.",
    "Hon säger att det gör ont i snippan.", "Vi använder Tyra för att skriva till föräldrarna.",
    "Ibland kommer hon utan vantar fast det är kallt.", "Pojken gömmer sig under bordet.",
    "Flickan vill inte byta om inför gymnastiken.", "Hon har fått en ny lillebror.",
    "Pappan hotade personalen vid grinden.", "Det var många barn i sandlådan.",
    "Forskolan har bara tva pedagoger idag.", "hamtningen var sen igen.",
    "Han sprang ut genom grinden och ner mot vägen.", "Sedan i höstas har hon varit tyst.",
    "Vi fick ett mejl från kommunen om detta.", "Hon leker ensam i dockvrån.",
    "Han har gått ner i vikt sedan sommaren.", "Barnet verkar trött och hungrigt.",
    "Kollegan på förskolan har sett samma sak.", "Vi funderar på att kontakta Försäkringskassan.",
    "Familjecentralen i Tensta har öppet på onsdagar.", "Jag pratade med skolsköterskan.",
    "Hon klättrar i klätterställningen hela dagen.", "Ibland slår han huvudet i golvet.",
    "Mamman sa att pappan flyttat ut i mars.", "På avdelningen är vi tre pedagoger.",
    "Har ni tips på hur jag pratar med föräldrarna?", "Vad händer efter att jag anmält?",
    "Hon är rädd för mörkret och för hundar.", "Han kommer alltid först och går sist.",
    "Vi har bokat tolk till mötet på torsdag.", "Barnet pratar somaliska hemma och svenska här.",
    "Efter lunchen vill han inte vila.", "Hon har haft feber och hosta i en vecka.",
    "Hans mamma ringde i måndags.", "Inga blåmärken syns i dag.", "Björn är ett djur vi läste om.",
    "Per dag äter hon väldigt lite.", "Liv och rörelse i hallen hela förmiddagen.",
    "Vi målade med vattenfärg och lera.", "Hon sjöng en sång om en ekorre.",
    "Ruta för ruta fyllde vi i schemat.", "Hon har en stor fläck på armbågen.",
    "Han säger att morfar är sjuk.", "Läkaren på Karolinska har undersökt henne.",
    "Jag har fått mejl från BUP om remissen.", "Vi har tema om rymden i vår.",
    "De bor nära tunnelbanan i Husby.", "Hon cyklar till förskolan med sin moster.",
    "Barnen åt pannkakor och drack mjölk.", "Vi tittar på Babblarna i samlingen.",
]
IDENTIFIER_TEMPLATES = [
    "Pnr {X} står i papperen.", "Mammans nummer är {X}, ring efter lunch.", "Adressen är {X}.",
    "De bor på {X} sedan i våras.", "Skriv till {X} om det behövs.", "Hon har nummer {X}.", "{X}",
    "Uppgifterna: {X} och {Y}.", "Jag fick {X} av pappan.", "Barnet (pnr {X}) var ledsen i dag.",
]
SEPARATORS = ["-", "+", "\u2013", "_", ".", " ", "", " - "]
STREETS = ["Sibeliusgången", "Rinkebysvängen", "Kilsbergsvägen", "Storgatan", "Ekbacksvägen", "Hjulstabacken",
           "Tensta allé", "Sergels torg", "Sankt Eriksgatan", "Gustav III:s väg", "Bagarbyplan", "Vårbergstorget",
           "Kvarnslingan", "Ormbunksvändan", "Fridhemskroken", "Drottning Kristinas väg", "Åkeshovsleden",
           "Kungsholms strand", "Husby gränd", "Lingonstigen", "Skärholmsbron", "Norr Mälarstrand",
           "Tegnérs gata", "Björkstråket", "Hornsbergs strand", "Storg.", "Sveav.", "Margretelundsv"]


@dataclass
class Item:
    """One sentence of the corpus and what must (not) survive its scrubbing."""

    text: str
    secrets: list[tuple[str, str]] = field(default_factory=list)  # (kind, value that must not survive)
    names: list[tuple[str, bool]] = field(default_factory=list)  # (name, listed?)
    words: list[str] = field(default_factory=list)  # ordinary words that must survive


def luhn(nine: str) -> str:
    """The Luhn check digit of nine digits."""
    total = 0
    for index, char in enumerate(nine):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def personnummer(rng: random.Random) -> str:
    """A personnummer or samordningsnummer in one of the ways people write it."""
    year, month, day = rng.randint(1950, 2025), rng.randint(1, 12), rng.randint(1, 28)
    day += 60 if rng.random() < 0.2 else 0
    short = f"{year % 100:02d}{month:02d}{day:02d}"
    serial = f"{rng.randint(0, 999):03d}"
    last = serial + luhn(short + serial)
    date = (str(year // 100) if rng.random() < 0.5 else "") + short
    if rng.random() < 0.2:
        date = "-".join([date[:-4], date[-4:-2], date[-2:]]) if len(date) == 6 else date
    value = date + rng.choice(SEPARATORS) + last
    return _disguise(rng, value)


def phone(rng: random.Random) -> str:
    """A Swedish phone number in one of the ways people write it."""
    digits = "".join(rng.choice("0123456789") for _ in range(7))
    area = rng.choice(["070", "072", "073", "076", "079", "08"])
    body = rng.choice([f"{digits[:3]} {digits[3:5]} {digits[5:]}", digits, f"{digits[:3]}.{digits[3:5]}.{digits[5:]}",
                       f"{digits[:3]}-{digits[3:5]}-{digits[5:]}", f"{digits[:2]} {digits[2:4]} {digits[4:]}"])
    form = rng.choice(["national", "national", "spaced", "paren", "+46", "0046"])
    if form == "national":
        value = f"{area}-{body}"
    elif form == "spaced":
        value = f"{area} - {body}"
    elif form == "paren":
        value = f"({area}) {body}"
    else:
        value = f"{form} {area[1:]} {body}"
    if rng.random() < 0.1:
        value = value.replace("0", "O", 1)
    return _disguise(rng, value)


def email(rng: random.Random) -> str:
    """An e-mail address, also with (at) and [at]."""
    local = rng.choice(["anna.svensson", "pappa_ali", "familjen.h", "m.karimi", "zelda1999", "hamse.abdi"])
    at = rng.choice(["@", "@", "(at)", " [at] ", "[at]"])
    return f"{local}{at}{rng.choice(['gmail.com', 'hotmail.se', 'outlook.com', 'telia.com'])}"


def address(rng: random.Random) -> str:
    """A Stockholm street address with number, letter, floor or flat."""
    street = rng.choice(STREETS)
    number = str(rng.randint(1, 120)) + rng.choice(["", "", "B", " C", "a"])
    extra = rng.choice(["", "", ", 3 tr", ", lgh 1102", " lgh 1203", " 2 tr"])
    if rng.random() < 0.1 and street.endswith(("gatan", "vägen")):
        street = street.lower()
    return f"{street} {number}{extra}"


MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december"]
GROUPS = ["Ekorrarna", "Solrosen", "Humlan", "Blåbäret", "Myrstacken", "Snigeln", "Grodorna", "Lingonet"]


def birthdate(rng: random.Random) -> str:
    """A birth date after "född", as people write it."""
    year, month, day = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
    date = rng.choice([f"{day} {MONTHS[month - 1]} {year}", f"{year}-{month:02d}-{day:02d}",
                       f"{day}/{month}-{year % 100:02d}", f"den {day}/{month} {year}"])
    return f"född {date}"


def group(rng: random.Random) -> str:
    """A group (avdelning) name, as people write it."""
    return rng.choice(["avdelning {}", "avdelningen {}", "avd. {}", "{}s avdelning"]).format(rng.choice(GROUPS))


def _disguise(rng: random.Random, value: str) -> str:
    """Sometimes a zero-width space inside, sometimes full-width digits."""
    roll = rng.random()
    if roll < 0.08:
        at = rng.randrange(1, len(value))
        return value[:at] + "\u200b" + value[at:]
    if roll < 0.12:
        return value.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
    return value


def listed_names() -> list[str]:
    """First names from the shipped lists that are not also ordinary words."""
    raw = yaml.safe_load(resources.files("knowledge").joinpath("data/names.yaml").read_text("utf-8"))
    ambiguous = {str(name).lower() for name in raw["ambiguous"]}
    return sorted({str(name) for name in raw["first_names"] if str(name).lower() not in ambiguous})


def build_corpus(seed: int = 3, names_count: int = 320, identifiers: int = 320) -> list[Item]:
    """The seeded corpus: name sentences, identifier sentences and ordinary sentences."""
    rng = random.Random(seed)
    listed = listed_names()
    known = {name.lower() for name in listed}
    held_out = [name for name in HELD_OUT if name.lower() not in known]
    items: list[Item] = []
    for index in range(names_count):
        template = rng.choice(NAME_TEMPLATES)
        pool, is_listed = (listed, True) if index % 2 == 0 else (held_out, False)
        chosen = rng.sample(pool, 3)
        surname = rng.choice(HELD_OUT_SURNAMES)
        text = template.format(N=chosen[0], M=chosen[1], O=chosen[2], n=chosen[0].lower(), m=chosen[1].lower(),
                               S=surname)
        item = Item(text)
        for slot, name in (("{N}", chosen[0]), ("{M}", chosen[1]), ("{O}", chosen[2]), ("{n}", chosen[0]),
                           ("{m}", chosen[1])):
            if slot in template:
                item.names.append((name, is_listed))
        if "{S}" in template:
            item.names.append((surname, False))
        item.words = _words_of(re.sub(r"\{\w\}(?::?s(?!\w))?", " ", template))
        items.append(item)
    makers = [personnummer, phone, email, address, personnummer, phone, address, birthdate, group]
    for _ in range(identifiers):
        template = rng.choice(IDENTIFIER_TEMPLATES)
        first, second = rng.choice(makers), rng.choice(makers)
        x, y = first(rng), second(rng)
        item = Item(template.format(X=x, Y=y))
        item.secrets.append((first.__name__, x))
        if "{Y}" in template:
            item.secrets.append((second.__name__, y))
        item.words = _words_of(re.sub(r"\{\w\}", " ", template))
        items.append(item)
    for sentence in ORDINARY:
        items.append(Item(sentence, words=_words_of(sentence)))
    return items


def _words_of(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text)


def leaked(secret: str, output: str) -> bool:
    """Whether any identifying part of *secret* is left in *output*: its digits or its street name."""
    digits = re.findall(r"\d+", secret.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    if any(len(group) >= 2 and group in output for group in digits):
        return True
    if secret.startswith("född"):
        return (bool(digits) and any(group in output for group in digits if len(group) >= 1)) or any(
            month in output for month in MONTHS if month in secret)
    if any(name in secret for name in GROUPS):
        return any(name in output for name in GROUPS if name in secret)
    street = secret.split(" ", maxsplit=1)[0].rstrip(".,")
    local = re.split(r"[@(\[ ]", secret)[0]
    return (len(street) > 4 and street in output) or (("@" in secret or "at]" in secret or "(at)" in secret) and (
        local in output))


# A message as staff write it to the bot (about 400 characters): a name, a phone number, an address, a preschool
# and a group among ordinary words. Timed call by call for the per-call figure of the "p99 < 5 ms" target.
REALISTIC_MESSAGE = (
    "Hej! Jag jobbar på Förskolan Solrosen i Farsta, avdelning Humlan. Zelda (4 år) har haft blåmärken på "
    "överarmen flera gånger nu och i dag sa hon att pappa blir arg och tar hårt i henne. Mamman ringde från "
    "070-123 45 67 i morse och verkade stressad; de bor på Sibeliusgången 18 sedan i våras. Vi har pratat med "
    "rektorn men vet inte om det räcker för en orosanmälan. Hur ska vi göra?"
)
CALLS = 1000


def app_scrubber() -> Scrubber:
    """The scrubber as the app builds it: warmed up, knowing every demo preschool name and alias."""
    warm_up()  # as the app does at start: lists and dictionaries are loaded before the first message
    directory = demo_directory()  # the app's scrubber knows every preschool name (bot.scrubbing.PlaceScrubber)
    return Scrubber([p.name for p in directory.preschools] + [a for p in directory.preschools for a in p.aliases])


def run(items: list[Item], show: bool = False, calls: int = CALLS) -> dict[str, float | int]:
    """Scrub every item, timing each, and count what leaked and what was kept."""
    scrubber = app_scrubber()
    best: list[float] = []
    times: list[float] = []
    secrets = leaks = 0
    names = {True: [0, 0], False: [0, 0]}
    words = kept = 0
    problems: list[str] = []
    for item in items:
        start = time.perf_counter()
        output = scrubber.scrub(item.text).text
        times.append((time.perf_counter() - start) * 1000)  # first sight: its new words are not cached yet
        best.append(_cpu_ms(scrubber, item.text))
        for kind, secret in item.secrets:
            secrets += 1
            if leaked(secret, output):
                leaks += 1
                problems.append(f"LEAK {kind}: {item.text!r} -> {output!r}")
        for name, listed in item.names:
            names[listed][0] += 1
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", output, re.IGNORECASE):
                problems.append(f"NAME kept: {name} in {output!r}")
            else:
                names[listed][1] += 1
        remaining = _words_of(output)
        for word in item.words:
            words += 1
            if word in remaining:
                kept += 1
                remaining.remove(word)
            else:
                problems.append(f"WORD lost: {word} in {item.text!r} -> {output!r}")
    if show:
        print("\n".join(problems))
    total_names = names[True][0] + names[False][0]
    ordered = sorted(times)
    best.sort()
    return {
        "sentences": len(items),
        "identifiers": secrets,
        "identifiers_leaked": leaks,
        "names": total_names,
        "names_masked_pct": round(100 * (names[True][1] + names[False][1]) / total_names, 2),
        "listed_names_masked_pct": round(100 * names[True][1] / max(1, names[True][0]), 2),
        "unlisted_names_masked_pct": round(100 * names[False][1] / max(1, names[False][0]), 2),
        "ordinary_words": words,
        "ordinary_words_kept_pct": round(100 * kept / words, 2),
        "p50_ms": round(statistics.median(times), 3),
        "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1], 3),
        "max_ms": round(ordered[-1], 3),
        "cpu_best_of_3_p99_ms": round(best[int(len(best) * 0.99) - 1], 3),
        "cpu_4000_chars_ms": round(_long_message_ms(scrubber), 3),
        **_per_call(scrubber, REALISTIC_MESSAGE, calls),
    }


def _per_call(scrubber: Scrubber, text: str, calls: int) -> dict[str, float | int]:
    """Wall-clock p50/p99 of *calls* single `scrub(text)` calls, each timed alone, beside their CPU-time p99."""
    # Wall clock is what a user waits (scheduling and garbage collection included); CPU time is the scrubber's own.
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(calls):
        start_wall, start_cpu = time.perf_counter(), time.process_time()
        scrubber.scrub(text)
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start_wall) * 1000)
    wall.sort()
    cpu.sort()
    at = max(0, int(calls * 0.99) - 1)
    return {
        "message_chars": len(text),
        "message_calls": calls,
        "message_wall_p50_ms": round(statistics.median(wall), 3),
        "message_wall_p99_ms": round(wall[at], 3),
        "message_cpu_p99_ms": round(cpu[at], 3),
    }


def _long_message_ms(scrubber: Scrubber) -> float:
    """Best of 3 over a message at the length limit, full of names, numbers and addresses."""
    piece = ("Zelda och Hamse, pnr 190312-2388, bor på Sibeliusgången 18 och ringer från 070-123 45 67; "
             "Wilmer är född 12 mars 2020 och går på avdelning Solrosen. ")
    text = (piece * (MAX_MESSAGE_CHARS // len(piece) + 1))[:MAX_MESSAGE_CHARS]
    return _cpu_ms(scrubber, text)


def _cpu_ms(scrubber: Scrubber, text: str) -> float:
    """Best of 3 in CPU time of this process: the scrubber's own cost, whatever else the machine runs."""
    runs = []
    for _ in range(3):
        start = time.process_time()
        scrubber.scrub(text)
        runs.append((time.process_time() - start) * 1000)
    return min(runs)


# --- A hand-written corpus (e.g. bench/data/masking_fresh.yaml): `python -m bench.masking --fresh PATH`.
# Each case: id, family (format family), text, secrets (exact substrings that must not survive), keep (words
# that must survive). No timing; figures per family, and with --show every leak and every lost keep-word.


@dataclass
class FreshCase:
    """One hand-written message, what must not survive its scrubbing and what must."""

    id: str
    family: str
    text: str
    secrets: list[str]
    keep: list[str]


def load_fresh(path: str) -> list[FreshCase]:
    """The cases of a hand-written masking corpus (a YAML file with a `cases` list)."""
    with open(path, encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    return [FreshCase(str(case["id"]), str(case["family"]), str(case["text"]), [str(s) for s in case["secrets"]],
                      [str(k) for k in case["keep"]]) for case in raw["cases"]]


def _survives_whole(secret: str, output: str) -> bool:
    """The whole secret is still there as a word, also with a possessive ending (Hodans, Yusuf's, Omar:s)."""
    return re.search(rf"(?<!\w){re.escape(secret)}(?:s|'s|’s|:s)?(?!\w)", output, re.IGNORECASE) is not None


def fresh_leaked(secret: str, text: str, output: str) -> tuple[bool, bool]:
    """(leaked, judgeable): `leaked()` or the whole secret still there (the bench's name rule, which also sees
    names of four letters or fewer and lower-case ones). When `leaked()` would fire on the text with the secret
    taken out (its digits occur elsewhere), only the whole-secret rule is used and the case is not judgeable."""
    judgeable = not leaked(secret, text.replace(secret, " "))
    by_parts = leaked(secret, output) if judgeable else False
    return by_parts or _survives_whole(secret, output), judgeable


def _kept(word: str, output: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", output) is not None


def run_fresh(cases: list[FreshCase], show: bool = False) -> dict[str, object]:
    """Scrub every case with the app's scrubber; count secrets leaked and keep-words lost, per family."""
    scrubber = app_scrubber()
    families: dict[str, dict[str, int]] = {}
    lines: list[str] = []
    unjudgeable: list[str] = []
    lookalikes_changed = 0
    for case in cases:
        output = scrubber.scrub(case.text).text
        row = families.setdefault(case.family, {"cases": 0, "secrets": 0, "leaked": 0, "keep": 0, "lost": 0})
        row["cases"] += 1
        for secret in case.secrets:
            row["secrets"] += 1
            is_leak, judgeable = fresh_leaked(secret, case.text, output)
            if not judgeable:
                unjudgeable.append(f"{case.id}:{secret!r}")
            if is_leak:
                row["leaked"] += 1
                lines.append(f"LEAK {case.id} {case.family} {secret!r} -> {output!r}")
        for word in case.keep:
            row["keep"] += 1
            if not _kept(word, output):
                row["lost"] += 1
                lines.append(f"LOST {case.id} {case.family} {word!r} -> {output!r}")
        if not case.secrets and output != case.text:
            lookalikes_changed += 1
            lines.append(f"MASKED {case.id} {case.family} (no secret) -> {output!r}")
    if show:
        print("\n".join(lines))
    total = {key: sum(row[key] for row in families.values()) for key in ("cases", "secrets", "leaked", "keep", "lost")}
    return {
        **total,
        "lookalike_cases": sum(1 for case in cases if not case.secrets),
        "lookalike_cases_changed": lookalikes_changed,
        "unjudgeable": unjudgeable,
        "families_failing": {name: row for name, row in sorted(families.items()) if row["leaked"] or row["lost"]},
        "families_clean": sorted(name for name, row in families.items() if not (row["leaked"] or row["lost"])),
    }


def main() -> None:
    """Print the masking figures as one JSON line (and the failures with --show)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--show", action="store_true", help="print every leak, kept name and lost word")
    parser.add_argument("--calls", type=int, default=CALLS, help="single calls timed on the realistic message")
    parser.add_argument("--fresh", metavar="PATH", help="score a hand-written corpus (YAML) instead; no timing")
    args = parser.parse_args()
    if args.fresh:
        print(json.dumps(run_fresh(load_fresh(args.fresh), show=args.show), ensure_ascii=False))
        return
    print(json.dumps(run(build_corpus(args.seed), show=args.show, calls=args.calls), ensure_ascii=False))


if __name__ == "__main__":
    main()
