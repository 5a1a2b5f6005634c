# ruff: noqa: E501  (data tables: one query per line)
"""Queries as staff type them, per family, with the preschool(s) meant — written from the demo data.

Each line of a table is `query | expected`:
- `one`: exactly one preschool is meant; expected is its name, `Name @ Area` or `Name # Street` when the name
  is shared. The matcher should answer it confidently.
- `many`: several are meant (same name, same street, a small area); expected lists them with `;` (a bare name
  stands for every preschool of that name). The matcher must not pick one confidently.
- `weak`: a fragment or a near miss; expected is the top candidate; the matcher must not be confident.
- `none`: no such preschool exists; the matcher must not be confident (and should find nothing).
- `district`: only a district (old names included) is named; expected is the district id.

Used by tests/routing/test_match_families.py and by `python -m bench.match`.
"""

from __future__ import annotations

from dataclasses import dataclass

from routing.model import Directory, Preschool


@dataclass(frozen=True)
class Case:
    """One query, what kind of answer it should get, and the expected preschools (or district)."""

    family: str
    kind: str
    query: str
    expected: tuple[str, ...]


TABLES: dict[tuple[str, str], str] = {}

TABLES["area", "one"] = """
ekgården sätra | Academica Förskolan Ekgården
ekgården gamla enskede | Förskolan Ekgården
ekgården i gamla enskede | Förskolan Ekgården
sagoträdet långbro | Förskolan Sagoträdet, Pysslingen
sagoträdet i långbro | Förskolan Sagoträdet, Pysslingen
sagoträdet mariehäll | Sagoträdet
regnbågen tallkrogen | Förskolan Regnbågen @ Tallkrogen
regnbågen i rågsved | Förskolan Regnbågen @ Rågsved
regnbågen tensta | Förskolan Regnbågen @ Tensta
förskolan regnbågen, tensta | Förskolan Regnbågen @ Tensta
solrosen tallkrogen | Förskolan Solrosen @ Tallkrogen
solrosen husby | Förskolan Solrosen @ Husby
solrosen vasastan | Förskolan Solrosen @ Vasastaden
solrosen vasastaden | Förskolan Solrosen @ Vasastaden
humlan årsta | Förskolan Humlan @ Årsta
humlan råcksta | Förskolan Humlan @ Råcksta
gläntan gubbängen | Förskolan Gläntan @ Gubbängen
gläntan hägerstensåsen | Förskolan Gläntan @ Hägerstensåsen
äppelgården fagersjö | Förskolan Äppelgården @ Fagersjö
äppelgården hammarbyhöjden | Förskolan Äppelgården @ Hammarbyhöjden
äppelgården gamla enskede | Förskolan Äppelgården @ Gamla Enskede
mumindalen bagarmossen | Förskolan Mumindalen @ Bagarmossen
gökboet rågsved | Förskolan Gökboet @ Rågsved
gökboet tensta | Förskolan Gökboet @ Tensta
gökboet norra ängby | Förskolan Gökboet @ Norra Ängby
bullerbyn långbro | Förskolan Bullerbyn @ Långbro
bullerbyn bromsten | Förskolan Bullerbyn @ Bromsten
trollskogen husby | Förskolan Trollskogen @ Husby
trollskogen tensta | Förskolan Trollskogen @ Tensta
kastanjen midsommarkransen | Förskolan Kastanjen @ Midsommarkransen
kastanjen hässelby gård | Förskolan Kastanjen @ Hässelby Gård
paletten hagsätra | Förskolan Paletten @ Hagsätra
paletten husby | Förskolan Paletten @ Husby
växthuset sköndal | Förskolan Växthuset @ Sköndal
växthuset rinkeby | Förskolan Växthuset @ Rinkeby
växthuset bagarmossen | Förskolan Växthuset @ Bagarmossen
skogsbacken årsta | Förskolan Skogsbacken, Bråviksvägen 45
skogsbacken högdalen | Förskolan Skogsbacken, Ripsavägen 33
björken bromsten | Förskolan Björken @ Bromsten
björken björkhagen | Förskolan Björken @ Björkhagen
linden hammarbyhöjden | Förskolan Linden
linden enskede gård | Förskolan Linden, Föräldrakooperativet
älgen bromsten | Förskolan Älgen @ Bromsten
älgen hässelby villastad | Förskolan Älgen @ Hässelby Villastad
guldklimpar alvik | Förskolan Guldklimpar @ Alvik
alexanderskolan vasastan | Förskolan Alexanderskolan @ Vasastaden
skeppet gärdet | Förskolan Skeppet @ Ladugårdsgärdet
skeppet ladugårdsgärdet | Förskolan Skeppet @ Ladugårdsgärdet
solbacken husby | Förskolan Solbacken @ Husby
solbacken hammarby sjöstad | Förskolan Solbacken @ Södra Hammarbyhamnen
höjden liljeholmen | Förskolan Höjden
junibacken solhem | Förskolan Junibacken
junibacken akalla | Föräldrakooperativet Junibacken
sture örby | Förskolan Sture @ Örby
sture norrmalm | Förskolan Sture @ Norrmalm
raoul wallenberg mariehäll | Förskolan Raoul Wallenberg @ Mariehäll
raoul wallenberg beckomberga | Förskolan Raoul Wallenberg @ Beckomberga
äppel viken | Förskolan Äppelvikstorget
förskolan i äppelviken | Förskolan Äppelvikstorget
den i reimersholme som heter sagan | Förskolan Sagan
karusellen reimersholme | Förskolan Karusellen
bubblan vasastan | Förskolan Bubblan @ Vasastaden
tornbacken solhem | Förskolan Tornbacken
"""

TABLES["area", "many"] = """
enskede gård | Förskolan Enskede Gård; Förskolan Bägersta Gård; Förskolan Gungan
stjärnan spånga | Förskolan Stjärnan
trollskogen rinkeby | Förskolan Trollskogen
mejeriet enskedefältet | Förskolan Mejeriet
månen hässelby gård | Förskolan Månen
trädgården hökarängen | Förskolan Trädgården
kronan björkhagen | Förskolan Kronan
eken solberga | Förskolan Eken
villekulla södermalm | Förskolan Villekulla # Blekingegatan; Förskolan Villekulla # Liljeörnsgatan
kullerbyttan årsta | Förskolan Kullerbyttan
tallbacken högdalen | Förskolan Tallbacken # Stålbogavägen; Förskolan Tallbacken # Johannelundsvägen
stjärnan bromsten | Förskolan Stjärnan # Stenbygränd; Förskolan Stjärnan # Cervins Väg
förskolan i sätra | Academica Förskolan Ekgården; Förskolan 51:An; Förskolan Björksätravägen 53; Förskolan Frösätrabacken 48; Förskolan Sätragårdsvägen 8
sätra | Academica Förskolan Ekgården; Förskolan 51:An; Förskolan Björksätravägen 53; Förskolan Frösätrabacken 48; Förskolan Sätragårdsvägen 8
förskola i tallkrogen | Förskolan Morkullan; Förskolan Regnbågen @ Tallkrogen; Förskolan Solrosen @ Tallkrogen; Tellusbarn Tallkrogen
tallkrogen | Förskolan Morkullan; Förskolan Regnbågen @ Tallkrogen; Förskolan Solrosen @ Tallkrogen; Tellusbarn Tallkrogen
förskolan i långsjö | Förskolan Lillskogen; Förskolan Vågavilja; Förskolan Snöripan; Långsjö Förskola
fagersjö | Förskolan Ejdern; Förskolan Havsörnen; Förskolan Vildanden; Förskolan Äppelgården @ Fagersjö
förskola i fagersjö | Förskolan Ejdern; Förskolan Havsörnen; Förskolan Vildanden; Förskolan Äppelgården @ Fagersjö
gubbängen | Förskolan Gläntan @ Gubbängen; Förskolan Gullängen; Förskolan Lövlunda; Förskolan Tallgubben
förskolan i olovslund | Förskolan Djupdalsvägen 72-74; Förskolan Olovslundsvägen 19
stora mossen | Förskolan Bromma Enskilda Skola; Förskolan Hattstugans Waldorfförskola
reimersholme | Förskolan Karusellen; Förskolan Malmgården; Förskolan Sagan
förskolan på reimersholme | Förskolan Karusellen; Förskolan Malmgården; Förskolan Sagan
långholmen förskola | Förskolan Centralvakten; Förskolan Luren; Förskolan Långholmen, Pysslingen
lilla essingen | Förskolan Gunghästen; Förskolan Luxviken; Förskolan Vita Villan
tallkrogen förskolor | Förskolan Morkullan; Förskolan Regnbågen @ Tallkrogen; Förskolan Solrosen @ Tallkrogen; Tellusbarn Tallkrogen
ekbacken björkhagen | Förskolan Ekbacken
skogsgläntan midsommarkransen | Förskolan Skogsgläntan
karlavagnen gröndal | Förskolan Karlavagnen
alexanderskolan östermalm | Förskolan Alexanderskolan @ Östermalm
svängen liljeholmen | Förskolan Svängen
"""

TABLES["street", "one"] = """
greve von essens väg 47 | Förskolan Lindarängens
styresman sanders väg 16 | Förskolan Styresman Sanders Väg 16
Utflyktsvägen 4 | Andante Förskolor Utflyktsvägen
utflyktsvagen 4 | Andante Förskolor Utflyktsvägen
Kilsbergsvdgen 9 | Förskola Sagoberget
kilsbergsvägen 9 | Förskola Sagoberget
Tappvägen 32 | Förskolan I Ur Och Skur, Trollsländan
tappvägen 8 | Sagoträdet
Bällstavägen 8 | Förskolan Raoul Wallenberg @ Mariehäll
beckombergavägen 314 | Förskolan Raoul Wallenberg @ Beckomberga
beckombergavägen 13 | Förskolan Mullelyan
beckombergavägen 8 | Förskolan Bärnstenen, Spira Förskolor
beckombergavägen 76 | Förskolan Beckombergavägen 76
grönviksvägen 111 | Förskolan Tolvan
grönviksvägen 107 | Brommakrokodilens Montessoriförskola
vultejusvägen 59 | Förskolan Birkamyntet
vultejusvägen 63 | Förskolan Ängbygården
bersågränd 4 | Förskolan Ekgården
den på bersågränd | Förskolan Ekgården
lövsätragränd 40 | Academica Förskolan Ekgården
lövsätragränd | Academica Förskolan Ekgården
långbrovägen 55 | Förskolan Sagoträdet, Pysslingen
ringvägen 19 | Förskolan Jensen Zinkensdamm
ringvägen 58 | Förskolan Eriksdalsvillan
ripsavägen 33 | Förskolan Skogsbacken, Ripsavägen 33
bråviksvägen 45 | Förskolan Skogsbacken, Bråviksvägen 45
sulvägen 22 | Förskolan Trollsländan
sulvägen 52 | Förskolan Eken # Sulvägen
sulvägen 62 | Förskolan Snabelskon
degerbygränd 23 | Trollängens Förskola
degerbygränd 41 | Kardemumma Förskola, Kvarnby
degerbygränd 37 | Förskolan Växthuset @ Rinkeby
tensta allé 10 | Förskolan Regnbågen @ Tensta
tensta alle 46 | Förskolan Rödluvan
eastmansvägen 8 | Förskolan Brunnsmästaren
eastmansvägen 29 | Förskolan Hälsobrunnen
eastmansvägen 28 | Förskolan Kastanjebacken
hårdvallsgatan 24 | Förskolan Björnlandet
hårdvallsgatan 16 | Förskolan Fjällklockan
hårdvallsgatan 19 | Förskolan Ängsklockan
sköndalsvägen 130 | Förskolan Håven
sköndalsvägen 44 | Förskolan Kakburken
sköndalsvägen 89 | Tellusbarn Symfonin
nordmarksvägen 122 | Förskolan Skogslyan
nordmarksvägen 2 | Förskolan Krabat
havsörnsvägen 24 | Förskolan Havsörnen
havsörnsvägen 49 | Förskolan Äppelgården @ Fagersjö
farstavägen 183 | Förskolan Murgrönan
farstavägen 100 | Förskolan Rödkinda
gudmundrågatan 11 | Förskolan Dialog
multrågatan 34 | Förskolan Astronauterna
multrågatan 49 | Förskolan Planket
tomtebogatan 25 | Förskolan Drejaren
tomtebogatan 14 | Förskolan Eldaren
tomtebogatan 46 | Förskolan Karlavagnen # Tomtebogatan
birkagatan 22 | Förskolan Gjutaren
birkagatan 16 | Förskolan Sol-Ägget
hagelstavägen 20 | Förskolan Mariehälls Montessoriförskola
hagelstavägen 24 | Förskolan Hagelstavägen 24
skeppargatan 73 | Förskolan Skeppet @ Ladugårdsgärdet
skeppargatan 34 | Förskolan Magasinet
skeppargatan 51 | Förskolan Alexanderskolan # Skeppargatan
åsögatan 72 | Förskolan Kultingen
asogatan 76 | Förskolan Svarta Grisen
åsögatan 91 | Förskolan Katarina Västra
åsögatan 197 | Förskolan Åsöberget
svartviksslingan 88 | Förskolan Minne Mus Montessoriförskola
svartviksslingan 13 | Föräldrakooperativet Minnemalen
bäverbäcksgränd 90 | Academica Förskolan Bäverdalen
bäverbäcksgränd 5 | Förskolan Bäverhyddan
den på lövholmsvägen 85 | Förskolan Gröndalsgården
lövholmsvägen 23 | Förskolan Guldklimpar Trekanten
diskusvägen 26 | Förskolan Solrosen @ Tallkrogen
hjulsta backar 24 | Förskolan Humlan @ Årsta
hjulsta backar 3 | Förskolan Månstugan
blommensbergsvägen 180 | Förskolan Måsen
störtloppsvägen 36 | Förskolan Grodan
vantörsvägen 150 | Förskolan Muminstugan
långsjövägen 33 | Förskolan Älvskogen
långsjövägen 12 | Förskolan I Ur Och Skur Vindleken
"""

TABLES["street", "many"] = """
gudmundrågatan 12 | Förskolan Dialog; Förskolan Skorstenen
dalagatan 34 | Förskolan Spöket; Förskolan Strutsen
missionsvägen | Förskolan Blå Grodan Föräldrakooperativet; Förskolan Havskatten Föräldrakooperativet
missionsvägen 14 | Förskolan Blå Grodan Föräldrakooperativet; Förskolan Havskatten Föräldrakooperativet
tappvägen | Förskolan I Ur Och Skur, Trollsländan; Sagoträdet
ringvägen | Förskolan Jensen Zinkensdamm; Förskolan Eriksdalsvillan
sulvägen | Förskolan Trollsländan; Förskolan Eken # Sulvägen; Förskolan Snabelskon
dalagatan 33 | Förskolan Draken Föräldrakooperativet; Förskolan Strutsen
nordmarksvägen 6 | Förskolan Martingården Solbacka; Förskolan Vätterosen
bäverdammsgränd | Förskolan Rödmyran; Förskolan Skogsgläntan, Pysslingen
stålbogavägen | Förskolan Lillstrumpa; Förskolan Tallbacken # Stålbogavägen
ripsavägen | Förskolan Skogsbacken, Ripsavägen 33; Förskolan 44:An
den på ripsavägen | Förskolan Skogsbacken, Ripsavägen 33; Förskolan 44:An
eastmansvägen | Förskolan Brunnsmästaren; Förskolan Hälsobrunnen; Förskolan Kastanjebacken
hårdvallsgatan | Förskolan Björnlandet; Förskolan Fjällklockan; Förskolan Ängsklockan
sköndalsvägen | Förskolan Håven; Förskolan Kakburken; Tellusbarn Symfonin
gudmundrågatan | Förskolan Dialog; Förskolan Skorstenen
multrågatan | Förskolan Astronauterna; Förskolan Planket
havsörnsvägen | Förskolan Havsörnen; Förskolan Äppelgården @ Fagersjö
vultejusvägen | Förskolan Birkamyntet; Förskolan Ängbygården
bäverbäcksgränd | Academica Förskolan Bäverdalen; Förskolan Bäverhyddan
farstavägen | Förskolan Murgrönan; Förskolan Rödkinda; Förskolan Skogsgläntan # Farstavägen
långsjövägen | Förskolan Älvskogen; Förskolan I Ur Och Skur Vindleken; Förskolan Matrisen
sköndalsvägen förskola | Förskolan Håven; Förskolan Kakburken; Tellusbarn Symfonin
tomtebogatan | Förskolan Drejaren; Förskolan Eldaren; Förskolan Karlavagnen # Tomtebogatan
"""

TABLES["name_street", "one"] = """
kompassen bränningevägen | Förskolan Kompassen
solbacken rusthållarvägen | Förskolan Solbacken Syd
skogsbacken ripsavägen | Förskolan Skogsbacken, Ripsavägen 33
skogsbacken ripsavägen 33 | Förskolan Skogsbacken, Ripsavägen 33
skogsbacken bråviksvägen | Förskolan Skogsbacken, Bråviksvägen 45
skogsbacken brunskogsbacken | Förskolan Skogsbacken
skogsbacken på brunskogsbacken | Förskolan Skogsbacken
ekbacken svedalavägen | Förskolan Ekbacken # Svedalavägen
ekbacken hagsätravägen | Förskolan Ekbacken # Hagsätravägen
ekbacken ribegatan | Förskolan Ekbacken # Ribegatan
ekbacken svartlösavägen | Förskolan Ekbacken # Svartlösavägen
ekbacken vävar johans gata | Förskolan Ekbacken # Vävar Johans Gata
regnbågen torögatan | Förskolan Regnbågen @ Tallkrogen
regnbågen slättgårdsvägen | Förskolan Regnbågen @ Södermalm
regnbågen hinderstorps gränd | Förskolan Regnbågen @ Rågsved
regnbågen tensta allé | Förskolan Regnbågen @ Tensta
solrosen diskusvägen | Förskolan Solrosen @ Tallkrogen
solrosen bergengatan | Förskolan Solrosen @ Husby
solrosen vanadisvägen | Förskolan Solrosen @ Vasastaden
humlan hjulsta backar | Förskolan Humlan @ Årsta
humlan njurundagatan | Förskolan Humlan @ Råcksta
humlan svärdlångsvägen | Förskolan Humlan # Svärdlångsvägen
gökboet dybecksvägen | Förskolan Gökboet @ Norra Ängby
gökboet göksholmsbacken | Förskolan Gökboet @ Rågsved
gökboet skäftingebacken | Förskolan Gökboet @ Tensta
gläntan frösätrabacken | Förskolan Gläntan @ Gubbängen
gläntan lotterivägen | Förskolan Gläntan @ Hägerstensåsen
gläntan drivhusvägen | Förskolan Gläntan, Pysslingen
gläntan östbergabackarna | Förskolan Gläntan, Östbergabackarna 50
gläntan stenkvistavägen | Förskolan Gläntan, Stenkvistavägen 5
kardemumma bredbyplan | Kardemumma Förskola, Bredbyplan
kardemumma dovregatan | Kardemumma Förskola, Dovregatan
kardemumma hyppingeplan | Kardemumma Förskola, Hyppingeplan
kardemumma risingeplan | Kardemumma Förskola, Risingeplan
kardemumma elinsborgsbacken | Kardemumma Förskola, Elinsborgsbacken
kardemumma svennebygränd | Kardemumma Förskola, Svennebygränd
kardemumma kvarnby | Kardemumma Förskola, Kvarnby
trollskogen elinsborgsbacken | Förskolan Trollskogen @ Tensta
trollskogen nykarlebygatan | Förskolan Trollskogen @ Husby
äppelgården havsörnsvägen | Förskolan Äppelgården @ Fagersjö
äppelgården paternostervägen | Förskolan Äppelgården @ Hammarbyhöjden
äppelgården beata sparres gränd | Förskolan Äppelgården @ Gamla Enskede
bullerbyn fältvägen | Förskolan Bullerbyn @ Bromsten
bullerbyn mariehamnsgatan | Förskolan Bullerbyn @ Södermalm
bullerbyn johan skyttes väg | Förskolan Bullerbyn @ Långbro
bullerbyn repslagargatan | Förskolan Bullerbyn # Repslagargatan
mumindalen byälvsvägen | Förskolan Mumindalen @ Bagarmossen
paletten lillhagsvägen | Förskolan Paletten @ Hagsätra
paletten huvudfabriksgatan | Förskolan Paletten @ Husby
alexanderskolan skeppargatan | Förskolan Alexanderskolan # Skeppargatan
alexanderskolan linnégatan | Förskolan Alexanderskolan # Linnégatan
alexanderskolan västmannagatan | Förskolan Alexanderskolan # Västmannagatan
alexanderskolan saltmätargatan | Förskolan Alexanderskolan # Saltmätargatan
växthuset bengt bagares gränd | Förskolan Växthuset @ Sköndal
växthuset degerbygränd | Förskolan Växthuset @ Rinkeby
växthuset lillåvägen | Förskolan Växthuset @ Bagarmossen
kastanjen majstångsvägen | Förskolan Kastanjen @ Midsommarkransen
kastanjen ormängsgatan | Förskolan Kastanjen @ Hässelby Gård
kastanjen fatbursgatan | Förskolan Kastanjen @ Södermalm
skeppet tullgårdsgatan | Förskolan Skeppet @ Södermalm
skeppet skeppargatan | Förskolan Skeppet @ Ladugårdsgärdet
björken småbjörksvägen | Förskolan Björken @ Bromsten
björken helsingborgsvägen | Förskolan Björken @ Björkhagen
linden lindevägen | Förskolan Linden, Föräldrakooperativet
linden per lindeströms väg | Förskolan Linden
stjärnan stenbygränd | Förskolan Stjärnan # Stenbygränd
stjärnan cervins väg | Förskolan Stjärnan # Cervins Väg
älgen cervins väg | Förskolan Älgen @ Bromsten
älgen älghagsstigen | Förskolan Älgen @ Hässelby Villastad
månen loviselundsvägen | Förskolan Månen # Loviselundsvägen
månen stavangergatan | Förskolan Månen # Stavangergatan
eken petrejusvägen | Förskolan Eken # Petrejusvägen
eken sulvägen | Förskolan Eken # Sulvägen
solbacken norgegatan | Förskolan Solbacken @ Husby
trädgården helgdagsvägen | Förskolan Trädgården # Helgdagsvägen
trädgården nykarlebygatan | Förskolan Trädgården # Nykarlebygatan
karlavagnen ljusstöparbacken | Förskolan Karlavagnen # Ljusstöparbacken
karlavagnen tomtebogatan | Förskolan Karlavagnen # Tomtebogatan
raoul wallenberg bällstavägen | Förskolan Raoul Wallenberg @ Mariehäll
raoul wallenberg beckombergavägen | Förskolan Raoul Wallenberg @ Beckomberga
jensen ringvägen | Förskolan Jensen Zinkensdamm
jensen tulegatan | Förskolan Jensen Norrmalm
jensen lidnersplan | Förskolan Jensen Kristineberg
sture regeringsgatan | Förskolan Sture @ Norrmalm
sture lästringevägen | Förskolan Sture @ Örby
skogsgläntan tätorpsvägen | Förskolan Skogsgläntan # Tätorpsvägen
skogsgläntan farstavägen | Förskolan Skogsgläntan # Farstavägen
skogsgläntan bäverdammsgränd | Förskolan Skogsgläntan, Pysslingen
ekgården bersågränd | Förskolan Ekgården
ekgården lövsätragränd | Academica Förskolan Ekgården
sagoträdet tappvägen | Sagoträdet
sagoträdet långbrovägen | Förskolan Sagoträdet, Pysslingen
villekulla blekingegatan | Förskolan Villekulla # Blekingegatan
villekulla liljeörnsgatan | Förskolan Villekulla # Liljeörnsgatan
bubblan fleminggatan | Förskolan Bubblan @ Vasastaden
bubblan hälsingegatan | Förskolan Bubblan # Hälsingegatan
kullerbyttan ottsjövägen | Förskolan Kullerbyttan # Ottsjövägen
kullerbyttan tumultgränd | Förskolan Kullerbyttan # Tumultgränd
junibacken älvdalsvägen | Förskolan Junibacken
junibacken pargasgatan | Föräldrakooperativet Junibacken
mejeriet johanneshovsvägen | Förskolan Mejeriet # Johanneshovsvägen
mejeriet observatoriegatan | Förskolan Mejeriet # Observatoriegatan
tallbacken stålbogavägen | Förskolan Tallbacken # Stålbogavägen
tallbacken johannelundsvägen | Förskolan Tallbacken # Johannelundsvägen
solkatten juvelerarvägen | Förskolan Solkatten # Juvelerarvägen
solkatten midsommarvägen | Förskolan Solkatten # Midsommarvägen
svängen sjöviksbacken | Förskolan Svängen # Sjöviksbacken
svängen rinkebysvängen | Förskolan Svängen # Rinkebysvängen
regnbågen krattvägen | Förskolan, Regnbågen
regnbågen rågsveds skolgränd | Förskolan Regnbågen # Rågsveds Skolgränd
matrix ekholmsvägen | Förskolan Matrix
matrix åvingegränd | Förskolan Matrix,
pionjären fjärdholmsgränd | Förskolan Pionjären # Fjärdholmsgränd
pionjären svärdlångsvägen | Förskolan Pionjären # Svärdlångsvägen
"""

TABLES["name_street", "many"] = """
kardemumma degerbygränd | Kardemumma Förskola, Degerbygränd; Kardemumma Förskola, Kvarnby
mumindalen vällingbyvägen | Förskolan Mumindalen @ Råcksta; Förskolan Mumindalen, Finsk Förskola
ekbacken björkhagen | Förskolan Ekbacken
"""

TABLES["old_district", "one"] = """
regnbågen rinkeby-kista | Förskolan Regnbågen @ Tensta
regnbågen i rinkeby | Förskolan Regnbågen @ Tensta
solrosen rinkeby kista | Förskolan Solrosen @ Husby
solrosen i kista | Förskolan Solrosen @ Husby
gökboet spånga-tensta | Förskolan Gökboet @ Tensta
gökboet spånga | Förskolan Gökboet @ Tensta
bullerbyn spånga tensta | Förskolan Bullerbyn @ Bromsten
bullerbyn hägersten-liljeholmen | Förskolan Bullerbyn @ Långbro
bullerbyn hägersten | Förskolan Bullerbyn @ Långbro
kastanjen hägersten-liljeholmen | Förskolan Kastanjen @ Midsommarkransen
kastanjen liljeholmen | Förskolan Kastanjen @ Midsommarkransen
gläntan hägersten-liljeholmen | Förskolan Gläntan @ Hägerstensåsen
gläntan älvsjö | Förskolan Gläntan @ Hägerstensåsen
skogsbacken hägersten-liljeholmen | Förskolan Skogsbacken
sagoträdet älvsjö | Förskolan Sagoträdet, Pysslingen
sagoträdet hägersten älvsjö | Förskolan Sagoträdet, Pysslingen
grodan älvsjö | Förskolan Grodan
grodan hägersten | Förskolan Grodan
solrosen östermalm | Förskolan Solrosen @ Vasastaden
solrosen norrmalm | Förskolan Solrosen @ Vasastaden
solrosen norra innerstaden | Förskolan Solrosen @ Vasastaden
skeppet östermalm | Förskolan Skeppet @ Ladugårdsgärdet
solbacken rinkeby-kista | Förskolan Solbacken @ Husby
paletten rinkeby | Förskolan Paletten @ Husby
paletten järva | Förskolan Paletten @ Husby
växthuset rinkeby kista | Förskolan Växthuset @ Rinkeby
växthuset östermalm | Förskolan Växthuset Inger Östlund Ab
växthuset farsta | Förskolan Växthuset @ Sköndal
växthuset skarpnäck | Förskolan Växthuset @ Bagarmossen
humlan vantör | Förskolan Humlan @ Årsta
humlan enskede | Förskolan Humlan @ Årsta
humlan vällingby | Förskolan Humlan @ Råcksta
humlan hässelby-vällingby | Förskolan Humlan @ Råcksta
gökboet bromma | Förskolan Gökboet @ Norra Ängby
gökboet enskede-årsta-vantör | Förskolan Gökboet @ Rågsved
gökboet i enskede | Förskolan Gökboet @ Rågsved
kastanjen hässelby | Förskolan Kastanjen @ Hässelby Gård
kastanjen södermalm | Förskolan Kastanjen @ Södermalm
äppelgården skarpnäck | Förskolan Äppelgården @ Hammarbyhöjden
äppelgården farsta | Förskolan Äppelgården @ Fagersjö
äppelgården enskede | Förskolan Äppelgården @ Gamla Enskede
ekgården skärholmen | Academica Förskolan Ekgården
ekgården årsta | Förskolan Ekgården
ekgården vantör | Förskolan Ekgården
sagoträdet bromma | Sagoträdet
regnbågen farsta | Förskolan Regnbågen @ Tallkrogen
regnbågen södermalm | Förskolan Regnbågen @ Södermalm
regnbågen spånga-tensta | Förskolan Regnbågen @ Tensta
mumindalen skarpnäck | Förskolan Mumindalen @ Bagarmossen
mumindalen hässelby-vällingby | Förskolan Mumindalen @ Råcksta
bullerbyn södermalm | Förskolan Bullerbyn @ Södermalm
bullerbyn järva | Förskolan Bullerbyn @ Bromsten
gläntan farsta | Förskolan Gläntan @ Gubbängen
jensen östermalm | Förskolan Jensen Östermalm
jensen förskola östermalm | Förskolan Jensen Östermalm
jensen norrmalm | Förskolan Jensen Norrmalm
jensen kungsholmen | Jensen Förskola Kungsholmen
"""

TABLES["district", "district"] = """
akalla | jarva
Rinkeby-Kista | jarva
rinkeby kista | jarva
Spånga-Tensta | jarva
spanga tensta | jarva
förskola i rinkeby | jarva
jobbar i spånga | jarva
Hägersten-Liljeholmen | hagersten-alvsjo
hagersten liljeholmen | hagersten-alvsjo
Älvsjö | hagersten-alvsjo
alvsjo | hagersten-alvsjo
förskolan i älvsjö | hagersten-alvsjo
Östermalm | norra-innerstaden
oestermalm | norra-innerstaden
Norrmalm | norra-innerstaden
norra innerstaden | norra-innerstaden
vasastan | norra-innerstaden
förskola på östermalm | norra-innerstaden
Farsta | farsta
Södermalm | sodermalm
soedermalm | sodermalm
Bromma | bromma
en förskola i bromma | bromma
Kungsholmen | kungsholmen
Skärholmen | skarholmen
skarholmen | skarholmen
Skarpnäck | skarpnack
Enskede-Årsta-Vantör | enskede-arsta-vantor
vantör | enskede-arsta-vantor
Hässelby-Vällingby | hasselby-vallingby
hässelby | hasselby-vallingby
Järva | jarva
kista | jarva
tensta | jarva
husby | jarva
hägersten | hagersten-alvsjo
liljeholmen | hagersten-alvsjo
"""

TABLES["chain", "one"] = """
fryken pysslingen | Förskolan Fryken, Pysslingen
förskolan fryken | Förskolan Fryken, Pysslingen
pysslingen fryken | Förskolan Fryken, Pysslingen
pysslingen förskolor fryken | Förskolan Fryken, Pysslingen
sagoträdet pysslingen | Förskolan Sagoträdet, Pysslingen
pysslingen sagoträdet | Förskolan Sagoträdet, Pysslingen
academica ekgården | Academica Förskolan Ekgården
ekgården academica | Academica Förskolan Ekgården
bäverdalen | Academica Förskolan Bäverdalen
academica bäverdalen | Academica Förskolan Bäverdalen
förskolan bäverdalen | Academica Förskolan Bäverdalen
jordklotet | Academica Förskolan Jordklotet
academica jordklotet | Academica Förskolan Jordklotet
tellusbarn symfonin | Tellusbarn Symfonin
symfonin | Tellusbarn Symfonin
förskolan symfonin | Tellusbarn Symfonin
ryttis | Tellusbarn Ryttis
tellusbarn ryttis | Tellusbarn Ryttis
sherwood | Tellusbarn Sherwood
tellusbarn akvarellen | Tellusbarn Akvarellen
akvarellen | Tellusbarn Akvarellen
uppfinnaren | Tellusbarn Uppfinnaren
tellusbarn pusslet | Tellusbarn Pusslet
i ur och skur vinterelvan | I Ur Och Skur Vinterelvan
vinterelvan | I Ur Och Skur Vinterelvan
förskolan vinterelvan | I Ur Och Skur Vinterelvan
vindivil | Förskolan I Ur Och Skur Vindivil
i ur och skur vindivil | Förskolan I Ur Och Skur Vindivil
täppan i ur och skur | Förskolan I Ur Och Skur Täppan
vindleken | Förskolan I Ur Och Skur Vindleken
kåsan | Förskolan Kåsan I Ur Och Skur
tumlaren | Förskolan Tumlaren I Ur Och Skur
västanvind | Förskolan Västanvind, I Ur Och Skur
mullekojan | Förskolan Mullekojan, I Ur Och Skur
laxehyddan | I Ur Och Skur Laxehyddan
föräldrakooperativet minnemalen | Föräldrakooperativet Minnemalen
minnemalen | Föräldrakooperativet Minnemalen
minnemalen föräldrakoop | Föräldrakooperativet Minnemalen
blå grodan föräldrakooperativ | Förskolan Blå Grodan Föräldrakooperativet
blå grodan | Förskolan Blå Grodan Föräldrakooperativet
grodan blå | Förskolan Blå Grodan Föräldrakooperativet
havskatten | Förskolan Havskatten Föräldrakooperativet
havskatten föräldrakooperativet | Förskolan Havskatten Föräldrakooperativet
draken föräldrakooperativet | Förskolan Draken Föräldrakooperativet
roten | Förskolan Roten Föräldrakooperativet
moroten föräldrakooperativ | Föräldrakooperativet Moroten
sol och dur | Föräldrakooperativet Sol Och Dur
föräldrakooperativet sol och dur | Föräldrakooperativet Sol Och Dur
storken | Förskolan Storken Föräldrakooperativet
årstaligan | Förskolan Årstaligan, Föräldrakoop
årstaligan föräldrakooperativ | Förskolan Årstaligan, Föräldrakoop
skogsgläntan pysslingen | Förskolan Skogsgläntan, Pysslingen
trollstugan | Förskolan Trollstugan, Pysslingen
trollstugan pysslingen | Förskolan Trollstugan, Pysslingen
fsk trollstugan | Förskolan Trollstugan, Pysslingen
hagtornsgården | Förskolan Hagtornsgården, Pysslingen
kungshatten | Förskolan Kungshatten Pysslingen
kastanjelunden | Förskolan Kastanjelunden Pysslingen
pysslingen kastanjelunden | Förskolan Kastanjelunden Pysslingen
brovaktaren | Förskolan Brovaktaren, Pysslingen
sjötullen pysslingen | Förskolan Sjötullen, Pysslingen
nallebjörnen | Förskolan Nallebjörnen, Pysslingen
tranan | Förskolan Tranan Pysslingen
djurgårdsvyn | Djurgårdsvyn, Pysslingen Förskolor
pysslingen sjöstaden | Pysslingen Förskolor Sjöstaden
röda berget pysslingen | Förskolan Röda Berget, Pysslingen
bojen | Förskolan Bojen, Pysslingen
krukmakaren pysslingen | Förskolan Krukmakaren, Pysslingen
zinken | Förskolan Zinken, Pysslingen
loket pysslingen | Förskolan Loket, Pysslingen
mariatorget pysslingen | Förskolan Mariatorget, Pysslingen
vita bergen | Förskolan Vita Bergen, Pysslingen
nytorget | Förskolan Nytorget, Pysslingen
grönkulla | Förskolan Grönkulla, Pysslingen
isälven | Förskolan Isälven, Pysslingen
typografen pysslingen | Förskolan Typografen, Pysslingen
smältrullen | Förskolan Smältrullen, Pysslingen
örtagården pysslingen | Förskolan Örtagården, Pysslingen
giraffen pysslingen | Förskolan Giraffen, Pysslingen
järneken | Förskolan Järneken, Pysslingen
fenix pysslingen | Förskolan Fenix, Pysslingen
backen pysslingen | Förskolan Backen, Pysslingen
höjden pysslingen | Förskolan Höjden, Pysslingen
långholmen pysslingen | Förskolan Långholmen, Pysslingen
sjöfågeln | Förskolan Sjöfågeln, Pysslingen
trolleborgen | Förskolan Trolleborgen, Pysslingen
katrineberg pysslingen | Förskolan Katrineberg, Pysslingen
fsk mälarhöjdsparken | Förskolan Mälarhöjdsparken, Pysslingen
svampen pysslingen | Förskolan Svampen, Pysslingen
"""

TABLES["chain", "many"] = """
skogsgläntan | Förskolan Skogsgläntan; Förskolan Skogsgläntan, Pysslingen
giraffen | Förskolan Giraffen, Pysslingen; Förskolan Giraffen Montessoriförskolan
ekgården | Förskolan Ekgården; Academica Förskolan Ekgården
sagoträdet | Sagoträdet; Förskolan Sagoträdet, Pysslingen
förskolan sagoträdet | Sagoträdet; Förskolan Sagoträdet, Pysslingen
skogsbacken | Förskolan Skogsbacken; Förskolan Skogsbacken, Bråviksvägen 45; Förskolan Skogsbacken, Ripsavägen 33
förskolan skogsbacken | Förskolan Skogsbacken; Förskolan Skogsbacken, Bråviksvägen 45; Förskolan Skogsbacken, Ripsavägen 33
trollsländan | Förskolan Trollsländan; Förskolan I Ur Och Skur, Trollsländan
junibacken | Förskolan Junibacken; Föräldrakooperativet Junibacken
linden | Förskolan Linden; Förskolan Linden, Föräldrakooperativet
höjden | Förskolan Höjden; Förskolan Höjden, Pysslingen
"""

TABLES["compound", "one"] = """
rödeken villa ekbacken | Förskolan Rödeken-Villa Ekbacken
mumin stugan | Förskolan Muminstugan
muminstugan | Förskolan Muminstugan
äppel vikstorget | Förskolan Äppelvikstorget
äppelviks torget | Förskolan Äppelvikstorget
sol ägget | Förskolan Sol-Ägget
solägget | Förskolan Sol-Ägget
blågrodan | Förskolan Blå Grodan Föräldrakooperativet
troll flöjten | Förskolan Trollflöjten
troll höjden | Förskolan Trollhöjden
troll berget | Förskolan Trollberget
troll stugan | Förskolan Trollstugan, Pysslingen
björn tjänst | Förskolan Björntjänst
sjö björnen | Förskolan Sjöbjörnen
villagorilla | Förskolan Villa Gorilla
grön kullen | Förskolan Grönkullen
mini chipsen | Förskolan Minichipsen
kista höjden | Förskolan Kistahöjden
ljus glimten | Förskolan Ljusglimten
segel flygaren | Förskolan Segelflygaren
fågel boet | Förskolan Fågelboet
hav skatten | Förskolan Havskatten Föräldrakooperativet
glas målningen | Förskolan Glasmålningen
bäver hyddan | Förskolan Bäverhyddan
bäver dalen | Academica Förskolan Bäverdalen
knatte borgen | Förskolan Knatteborgen
morgon gården | Förskolan Morgongården
mur grönan | Förskolan Murgrönan
sand slottet | Förskolan Sandslottet
tall gubben | Förskolan Tallgubben
vild anden | Förskolan Vildanden
snö bollsgränd | Förskolan Snöbollsgränd
sol strålen | Förskolan Solstrålen
mälar höjdsparken | Förskolan Mälarhöjdsparken, Pysslingen
kungs hatten | Förskolan Kungshatten Pysslingen
vår brodden | Förskolan Vårbrodden
skatt gömman | Förskolan Skattgömman
blomster kungen | Förskolan Blomsterkungen
torp stugan | Förskolan Torpstugan
mån stugan | Förskolan Månstugan
ängs stugan | Förskolan Ängsstugan
freds duvan | Förskolan Fredsduvan
fyr tornet | Förskolan Fyrtornet
brunns mästaren | Förskolan Brunnsmästaren
stjärn huset | Förskolan Stjärnhuset
läkar villan | Förskolan Läkarvillan
eriksdals villan | Förskolan Eriksdalsvillan
plommon lunden | Förskolan Plommonlunden
regnbågs verkstan | Förskolan Regnbågsverkstan
timmermans gården | Förskolan Timmermansgården
hammar hajen | Förskolan Hammarhajen
gods vagnen | Förskolan Godsvagnen
båt klubben | Förskolan Båtklubben
central vakten | Förskolan Centralvakten
sjö resan | Förskolan Sjöresan
svall vågen | Förskolan Svallvågen
mått bandet | Förskolan Måttbandet
mini forskarna | Förskolan Miniforskarna
rödaberget | Förskolan Röda Berget, Pysslingen
svartagrisen | Förskolan Svarta Grisen
vitavillan | Förskolan Vita Villan
grönakatten | Förskolan Gröna Katten
lillabjörnen | Förskolan Lilla Björnen
lillagärdet | Förskolan Lilla Gärdet
långeerik | Förskolan Långe Erik
akallahill | Förskolan Akalla Hill
kistagård | Förskolan Kista Gård
bromstensgård | Förskolan Bromstens Gård
bägerstagård | Förskolan Bägersta Gård
grus o bus | Förskolan Grus Och Bus
smått och gott | Förskolan Smått & Gott
bild och tanke | Förskolan Bild Och Tanke
glob en kulan | Förskolan Globen-Kulan
globenkulan | Förskolan Globen-Kulan
lm gården | Förskolan Lm-Gården
"""

TABLES["compound", "many"] = """
regn bågen | Förskolan Regnbågen
skogs backen | Förskolan Skogsbacken; Förskolan Skogsbacken, Bråviksvägen 45; Förskolan Skogsbacken, Ripsavägen 33
troll sländan | Förskolan Trollsländan; Förskolan I Ur Och Skur, Trollsländan
sjö stjärnan | Förskolan Sjöstjärnan; Sjöstjärnan
sol katten | Förskolan Solkatten
juni backen | Förskolan Junibacken; Föräldrakooperativet Junibacken
äppel gården | Förskolan Äppelgården
ek backen | Förskolan Ekbacken
trollskog | Förskolan Trollskogen
"""

TABLES["ascii", "one"] = """
trollaengens | Trollängens Förskola
maasen | Förskolan Måsen
forskolan maasen | Förskolan Måsen
aeppelvikstorget | Förskolan Äppelvikstorget
bjoerntjaenst | Förskolan Björntjänst
groena katten | Förskolan Gröna Katten
roedluvan | Förskolan Rödluvan
foeraeldrakooperativet minnemalen | Föräldrakooperativet Minnemalen
haaven | Förskolan Håven
maabaer | Förskolan Måbär
vaarbrodden | Förskolan Vårbrodden
taarpilen | Förskolan Tårpilen
laerkstaden | Förskolan Lärkstaden
loevlunda | Förskolan Lövlunda
sjoebjoernen | Förskolan Sjöbjörnen
trollaengens forskola | Trollängens Förskola
aengsknarren | Förskolan Ängsknarren
kaerleksoerten | Förskolan Kärleksörten
stoevardalen | Förskolan Stövardalen
roedkloevern | Förskolan Rödklövern
foelet | Förskolan Fölet
roermokaren | Förskolan Rörmokaren
vaagskaalen | Förskolan Vågskålen
kaasan | Förskolan Kåsan I Ur Och Skur
oenskeringen | Förskolan Önskeringen
aarstagaarden | Förskolan Årstagården
aarstaliden | Förskolan Årstaliden
taemnargaarden | Förskolan Tämnargården
baegersta gaard | Förskolan Bägersta Gård
bjorntjanst | Förskolan Björntjänst
rodluvan | Förskolan Rödluvan
alvskogen | Förskolan Älvskogen
asoberget | Förskolan Åsöberget
appelangen | Förskolan Äppelängen
vastergok | Förskolan Västergök
sagotradet langbro | Förskolan Sagoträdet, Pysslingen
langholmen pysslingen | Förskolan Långholmen, Pysslingen
forskolan blomsterkungen | Förskolan Blomsterkungen
stovardalen | Förskolan Stövardalen
tamnargarden | Förskolan Tämnargården
brommakrokodilens montessoriforskola | Brommakrokodilens Montessoriförskola
hasselgarden | Förskolan Hasselgården
anglan norr | Förskolan Änglan Norr
kapphasten | Förskolan Käpphästen
prastangen | Förskolan Prästängen
ostbergabackarna glantan | Förskolan Gläntan, Östbergabackarna 50
smatt och gott | Förskolan Smått & Gott
salen | Förskolan Sälen
mattbandet | Förskolan Måttbandet
sjofararen | Förskolan Sjöfararen
"""

TABLES["ascii", "many"] = """
bjoernens | Förskolan Björnen; S-E Björnens Förskola Ab
onskeforskolan | Önskeförskolan; Önskeförskolan Fatbursbrunnsgatan 8
aeppelgaarden | Förskolan Äppelgården
goekboet | Förskolan Gökboet
aalgen | Förskolan Älgen
svaengen | Förskolan Svängen
maanen | Förskolan Månen
appelgarden | Förskolan Äppelgården
gokboet | Förskolan Gökboet
sjostjarnan | Förskolan Sjöstjärnan; Sjöstjärnan
regnbagen | Förskolan Regnbågen
"""

TABLES["phonetic", "one"] = """
fyrklöwern | Förskolan Fyrklövern
vollmar | Förskolan Wollmar
kwarnen | Förskolan Kvarnen
sjärnhuset | Förskolan Stjärnhuset
kompasen | Förskolan Kompassen
perongen | Förskolan Perrongen
karamelen | Förskolan Karamellen
metronommen | Förskolan Metronomen
sinket | Förskolan Zinket
zebran | Förskolan Sebran
galilej | Förskolan Galilei
knattebårgen | Förskolan Knatteborgen
tjärleksörten | Förskolan Kärleksörten
segelflygarn | Förskolan Segelflygaren
måtbandet | Förskolan Måttbandet
svalvågen | Förskolan Svallvågen
klisterburcken | Förskolan Klisterburken
griffeltavlan | Förskolan Griffeltavlan
grifeltavlan | Förskolan Griffeltavlan
"""

TABLES["phonetic", "many"] = """
kosmos | Förskolan Kosmos; Förskolan Cosmos
schöstjärnan | Förskolan Sjöstjärnan; Sjöstjärnan
"""

TABLES["fragment", "weak"] = """
lill skogen | Förskolan Lillskogen
sjöfarann | Förskolan Sjöfararen
muminst | Förskolan Muminstugan
brommakrok | Brommakrokodilens Montessoriförskola
blomsterk | Förskolan Blomsterkungen
segelfl | Förskolan Segelflygaren
metapont | Förskolan Metapontum
kejsarkr | Förskolan Kejsarkronan
sköntorps | Förskolan Sköntorpsgården
knatteb | Förskolan Knatteborgen
vanadislund | Förskolan Vanadislundens Waldorfskoleförening
rönneb | Förskolan Rönneberga
"""

TABLES["fragment", "many"] = """
sol | Föräldrakooperativet Sol Och Dur
björn | Förskolan Björnen
troll | Förskolan Trollberget; Förskolan Trollhöjden; Förskolan Trollskogen
skogs | Förskolan Skogsbacken
regn | Förskolan Regnbågen
äppel | Förskolan Äppelgården
mumin | Förskolan Mumindalen
kardem | Kardemumma Förskola, Kvarnby
sjö | Förskolan Sjöstjärnan
bäver | Förskolan Bäverhyddan
kastanj | Förskolan Kastanjen
hoppet | Förskolan Hoppetossa Haga
guldkl | Förskolan Guldklimpar
tall | Förskolan Tallbacken
lill | Förskolan Lillskogen
gläntan | Förskolan Gläntan
jensen | Förskolan Jensen Östermalm; Förskolan Jensen Norrmalm
innovita | Innovitaskolan Banérporten
ask embla | Ask & Embla Åsögatan 84
"""

TABLES["nonexistent", "none"] = """
förskolan kaninen, uppsala | -
kaninen | -
förskolan kaninen | -
förskolan igelkotten | -
förskolan ugglan | -
förskolan räven | -
lekstugan malmö | -
förskolan pärlan | -
förskolan stjärnfallet | -
förskolan kråkslottet | -
förskolan lejonet | -
förskolan nyckelpigan | -
förskolan blåbäret | -
förskolan snigeln | -
förskolan myrstacken | -
förskolan tussilago | -
förskolan gullvivan | -
förskolan ekoxen | -
förskolan tranbäret | -
förskolan lingonet | -
förskolan hallonet | -
förskolan mullvaden | -
förskolan fjällräven | -
förskolan hjortronet | -
förskolan papegojan | -
förskolan elefanten | -
förskolan pingvinen | -
förskolan dinosaurien | -
förskolan sandlådan göteborg | -
lilla myran västerås | -
förskolan tornet lidingö | -
täby förskola | -
sundbyberg förskola | -
förskolan hagen nacka | -
förskolan solgläntan i göteborg | -
förskolan ekorren uppsala | -
förskolan sagoberget, göteborg | -
förskolan kaninen i farsta | -
mumindalen malmö | -
förskolan vattenfallet | -
förskolan hönan | -
förskolan katten | -
förskolan hästhoven | -
förskolan blåsippan | -
förskolan fjärilen solna | -
förskolan spindeln | -
förskolan tigern | -
förskolan zebrafinken | -
förskolan rymdraketen | -
förskolan cykeln | -
"""


def _lines(table: str) -> list[tuple[str, tuple[str, ...]]]:
    rows = []
    for line in table.strip().splitlines():
        query, _, expected = line.partition("|")
        parts = tuple(p.strip() for p in expected.split(";") if p.strip() and p.strip() != "-")
        rows.append((query.strip(), parts))
    return rows


CASES: tuple[Case, ...] = tuple(Case(family, kind, query, expected)
                                for (family, kind), table in TABLES.items()
                                for query, expected in _lines(table))
FAMILIES: tuple[str, ...] = tuple(dict.fromkeys(family for family, _ in TABLES))


def resolve(spec: str, directory: Directory) -> list[Preschool]:
    """The preschools a spec names: "Name", "Name @ Area" or "Name # Street" (exact name, active only)."""
    name, _, area = spec.partition("@")
    name, _, street = name.partition("#")
    name, area, street = name.strip(), area.strip(), street.strip()
    return [p for p in directory.preschools if p.active and p.name == name
            and (not area or p.area == area) and (not street or p.street == street)]


def expected_ids(case: Case, directory: Directory) -> set[str]:
    """Ids of every preschool the case expects (empty for `none` and `district`)."""
    if case.kind in ("none", "district"):
        return set()
    return {p.id for spec in case.expected for p in resolve(spec, directory)}
