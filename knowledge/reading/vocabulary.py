"""The words and distances the reading rules use: reaches, word lists and the signal codes."""

from __future__ import annotations

# How many words after a negation it may deny, and how many before it (a verb: "slår inte").
NEGATION_AHEAD = 5
NEGATION_BEHIND = 2
# How far (in words) an agent or a patient may stand from the act it belongs to.
AGENT_REACH = 8
PATIENT_REACH = 6
TELLER_REACH = 3
# How far back (in words) the subject of a coordinated verb may stand ("X kommer in ... och tar på henne").
COORDINATION_REACH = 16
PHRASE_GAP = 3
# Play, a drill, a story or a meal disarms danger words this near (in words, same sentence): a long run-on
# message can mention lunch and then, twenty words on, a drunk father.
DISARM_REACH = 16
# How near a play word must stand to make an act play (tighter than DISARM_REACH: acts are the worst news).
PLAY_REACH = 6
# How near (in words) a home word must stand to a fear word to make fear about going home.
FEAR_HOME_REACH = 6

# These end a clause (as the dash does).
CLAUSE_WORDS = frozenset({"men", "but", "although", "though", "sen", "sedan", "then"})
# These end a negation's scope without ending the clause.
SCOPE_WORDS = frozenset({"och", "o", "som", "att", "eftersom", "när", "for", "för", "då", "medan", "fast", "and",
                         "who", "which", "that", "because", "when", "while", "so", "om"})
# A negation followed by these opens a doubt rather than denying: "vet inte om", "inte bara", "not sure".
RELEASES = frozenset({"om", "huruvida", "bara", "endast", "enbart", "sakert", "säkert", "if", "whether", "only",
                      "just", "sure", "certain"})
# "säger ingenting om", "nothing about": these deny even before a release word.
NOTHING = frozenset({"ingenting", "inget", "nothing"})
# "inte längre", "no longer", "anymore": the act happened before, so the negation does not deny it.
NO_LONGER = frozenset({"längre", "langre", "anymore", "longer"})
# Negations that start what is said rather than deny the saying before them ("says no one", "säger ingen").
CONTENT_NEGATIONS = frozenset({"ingen", "nobody", "no", "none", "noone"})
# A negation after these is about the writer's knowledge, not the event: "jag vet inte varför ...".
KNOWING = frozenset({"vet", "vete", "know", "sure", "säker", "saker"})

# Signal codes the dialog may show back ("Jag uppfattade: ...") and the note may keep.
SIGNAL_CODES = (
    "injury",  # marks, bruises, burns, fractures seen
    "child_told",  # the child has said something
    "retracted",  # the child told and then took it back (still reportable)
    "ongoing_now",  # happening now / today
    "afraid_to_go_home",
    "intoxicated_now",  # a guardian intoxicated now, about to take the child
    "staff_suspected",  # a colleague or substitute is suspected
    "witnessed_violence",  # the child witnesses violence at home
    "repeated",  # a pattern: often, again, several times
)
ACTORS = ("parent", "relative", "staff", "adult", "child", "peer", "pronoun", "self")
ADULTS = frozenset({"parent", "relative", "staff", "adult"})
# Acts that hurt the body: with fear or reluctance to go home they make a situation acute.
HARMING_ACTS = frozenset({"hit", "shake", "burn_act", "strangle"})
# How far after "tar på" a garment makes it dressing ("tar på henne den tjocka jackan").
GARMENT_REACH = 4
ACTS = ("hit", "shake", "burn_act", "strangle", "touch", "lock_in", "force_feed", "emotional_abuse", "rough", "blame",
        "threat")
PRONOUNS = frozenset({"han", "hon", "he", "she", "de", "they"})
OBJECT_PRONOUNS = frozenset({"henne", "honom", "mig", "mej", "dej", "dig", "her", "him", "me", "dem", "them", "oss",
                             "us"})
SELF = frozenset({"jag", "vi", "we"})
# Talking about these at all is the concern ("flickor som inte är omskurna är orena"), so negation does not apply.
# Phrases whose negation still denies the words inside them: "har inte sagt hur" is unexplained *and* nothing told.
SHARES_NEGATION = frozenset({"unexplained", "no_sign"})
NEVER_NEGATED = frozenset({"fgm", "honour", "control", "retract", "secrecy", "unresponsive", "unexplained"})
# "får stryk", "blev slagen": the child is the one hit; the agent, if named, follows "av"/"by".
PASSIVE_CUES = frozenset({"får", "fick", "få", "fått", "blir", "blev", "bli", "blivit", "got", "gets", "get", "gotten",
                          "was", "is", "been", "being"})
# A parent who tells (berättar, nämner, förklarar) of an accident told first; "mamma säger att han ramlade" when asked
# keeps the injury a sign.
TOLD_FIRST = ("berätt", "told", "mention", "nämn", "förklar", "explain", "beskr", "descri")
# What a retraction may deny and still count.
DENIABLE = frozenset({"hit", "violence", "burn_act", "strangle", "shake", "sexual_abuse", "touch"})
DRINKING = frozenset({"dricka", "drink"})
DISARMABLE = frozenset({"weapon", "kill", "number", "danger", "intox", "intox_smell", "threat"})
GIVING = frozenset({"ge", "ger", "gav", "give", "gives", "gave"})
PREPOSITIONS = frozenset({"till", "av", "för", "på", "med", "hos", "om", "of", "to", "for", "with", "about"})
# A phrase that starts with these tells of what was done ("blev fixad", "was cut"), not of what is planned.
DONE_WORDS = frozenset({"blev", "blivit", "was", "got", "been"})
STATE_WORDS = frozenset({"ar", "är", "var", "verkar", "is", "are", "was", "were", "blev"})
# A person after one of these is the object of a preposition, never the agent of the next act ("säger fula saker
# till barnen och låser in dem": the one who locks in is the adult, not the children).
OBJECT_PREPOSITIONS = PREPOSITIONS | {"i", "in", "från", "mot", "åt", "bland", "at", "on", "from", "into", "towards",
                                      "among", "enligt"}
# "enligt pojken", "according to the girl": the person after these is the one who told, never the agent of an act.
SOURCE_WORDS = frozenset({"enligt", "according"})
# "berättade för pappan", "sa till mamman", "told mum": the person after the telling verb (and these) is the listener.
LISTENER_WORDS = frozenset({"till", "för", "to", "med", "with", "åt"})
# A telling verb ending so (or "sa") is finite and may have lost its subject ("Berättade idag att ..."); "berätta" and
# "tell" (imperative or infinitive) never drop one.
FINITE_ENDINGS = ("r", "t", "de", "te", "d", "s")
FINITE_SHORT = frozenset({"sa", "sade"})
# "säger hon nu att", "sa han också att": words that may follow an inverted pronoun teller.
INVERSION_FOLLOWERS = frozenset({"nu", "idag", "också", "även", "då", "ju", "igen", "ofta", "bara", "själv", "sen",
                                 "sedan", "ibland", "alltid", "att", "now", "also", "that", "again"})
# What may follow an inverted adult teller ("sa mamman i telefon", "berättade pappan att").
AFTER_INVERSION = frozenset({"att", "i", "på", "vid", "idag", "igår", "till", "för", "också", "själv", "that", "on",
                             "at", "to", "yesterday", "today"})
# Noun phrases: "mamman till ett barn", "en av våra flickor", "the mother of one of our girls".
NOUN_PREPOSITIONS = frozenset({"till", "av", "of", "hos", "från", "from", "på", "i", "in", "med", "with"})
QUANTIFIERS = frozenset({"en", "ett", "ena", "one", "några", "två", "tre", "någon", "något", "some", "several",
                         "many", "two", "three", "each", "any", "flera", "många"})
# English verbs of saying that take no bare listener: the person after them starts what was said ("says dad hits").
SAYING = frozenset({"says", "said", "mentions", "mentioned", "whispers", "whispered", "claims", "claimed", "admits",
                    "admitted", "explains", "explained", "discloses", "disclosed", "reveals", "revealed"})
# Who a pronoun teller may be: a parent or relative of the pronoun's gender named just before it ("Jag pratade med
# mamman och hon berättade ..." is the mother telling). Endings of the folded word; male is checked first.
MALE_ENDINGS = ("pappa", "pappan", "far", "fadern", "farsan", "farsa", "dad", "daddy", "father", "stepdad", "bror",
                "brodern", "brorsan", "brother", "uncle", "grandpa", "grandfather", "grandad", "baba", "aabo", "aabe",
                "abu", "babo", "bavo", "mannen", "husband", "maken", "pojkvan", "boyfriend", "gubben", "snubben")
FEMALE_ENDINGS = ("mamma", "mamman", "mor", "modern", "morsan", "morsa", "mum", "mummy", "mom", "mommy", "mother",
                  "stepmom", "moster", "mostern", "faster", "fastern", "aunt", "grandma", "grandmother", "granny",
                  "nana", "hooyo", "mama", "maman", "ummi", "anne", "adey", "kvinnan", "woman", "frun", "wife",
                  "tanten", "flickvan", "girlfriend", "syster", "systern", "sister")
FEMALE_PRONOUNS = frozenset({"hon", "she"})
MALE_PRONOUNS = frozenset({"han", "he"})
ARTICLES = frozenset({"en", "ett", "den", "det", "de", "a", "an", "the"})
# Before these "döda" is an adjective (dead), not a verb: "sin döda farfar", "the dead bird".
DETERMINERS = frozenset({"sin", "sina", "hans", "hennes", "deras", "min", "mina", "din", "dina", "vår", "våra", "den",
                         "det", "de", "dess", "the", "a", "his", "her", "their", "my"})
GIRL_WORDS = frozenset({"flicka", "flickan", "dotter", "dottern", "hon", "henne", "girl", "she", "her", "daughter",
                        "lillasyster", "tjejen", "lillan", "flickans", "dotterns", "sister", "sisters", "syster",
                        "systrar", "systern", "storasyster", "tjej", "tjejer", "flickor", "döttrar", "daughters",
                        "girls"})
BOY_WORDS = frozenset({"pojke", "pojken", "pojkar", "son", "sonen", "han", "honom", "boy", "he", "him", "grabben",
                       "killen", "lillkillen", "lillebror", "brother", "bror", "storebror"})
