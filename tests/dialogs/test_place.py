"""PlaceDialog: routes only on a confident match, confirms a weak one, lists candidates district-first, narrows."""

from __future__ import annotations

from tests.dialogs.harness import choice, last_card


def _routed_to(replies, district: str) -> bool:  # type: ignore[no-untyped-def]
    return any(r.card and r.card_texts() and r.card_texts()[0] == f"Kontakter i {district}" for r in replies)


def _routed(replies) -> bool:  # type: ignore[no-untyped-def]
    return any(r.card and r.card_texts() and r.card_texts()[0].startswith("Kontakter i") for r in replies)


async def test_a_weak_match_is_confirmed_in_one_tap_before_routing(chat):
    await chat.click(choice("menu", "contact"))
    replies = await chat.say("muminst")  # a fragment of Förskolan Muminstugan (Hägersten-Älvsjö)
    assert not _routed(replies)
    card = last_card(replies)
    assert card.card_texts()[0] == "Menar du Förskolan Muminstugan i Hägersten-Älvsjö?"
    assert [d["choice"] for d in card.submits()] == ["yes", "no"]
    replies = await chat.click(choice("confirm", "yes"))
    assert _routed_to(replies, "Hägersten-Älvsjö")


async def test_ja_typed_confirms_too(chat):
    await chat.click(choice("menu", "contact"))
    replies = await chat.say("blomsterk")  # a fragment of Förskolan Blomsterkungen: a suggestion, not a route
    assert not _routed(replies)
    replies = await chat.say("ja")
    assert _routed_to(replies, "Hässelby-Vällingby")


async def test_nej_without_other_candidates_asks_the_district(chat):
    await chat.click(choice("menu", "contact"))
    await chat.say("muminst")
    replies = await chat.say("nej")
    assert not _routed(replies)
    assert any(r.says("Vilken stadsdel ligger förskolan i?") for r in replies)
    replies = await chat.say("Farsta")
    assert _routed_to(replies, "Farsta")


async def test_nej_brings_the_other_candidates(chat):
    await chat.click(choice("menu", "contact"))
    replies = await chat.say("lill skogen")  # Lillskogen (Hägersten-Älvsjö) first, Lilla Skogen (Farsta) next
    assert last_card(replies).card_texts()[0] == "Menar du Förskolan Lillskogen i Hägersten-Älvsjö?"
    replies = await chat.say("nej")
    card = last_card(replies)
    assert {d["action"] for d in card.submits()} == {"preschool"}
    assert not _routed(replies)
    others = [d["choice"] for d in card.submits() if d.get("choice") not in (None, "none")]
    assert others
    # The first other candidate is Lilla Skogen in Farsta.
    replies = await chat.click(choice("preschool", others[0]))
    assert _routed_to(replies, "Farsta")


async def test_a_non_existent_preschool_gets_the_district_question(chat):
    await chat.click(choice("menu", "contact"))
    replies = await chat.say("förskolan kaninen, uppsala")
    assert not _routed(replies)
    assert any(r.says("Jag hittade ingen förskola med det namnet") for r in replies)


async def test_a_confident_match_routes_at_once(chat):
    await chat.click(choice("menu", "contact"))
    replies = await chat.say("ekgården sätra")
    assert _routed_to(replies, "Skärholmen")


async def test_candidates_show_district_and_street_first_and_typing_the_area_narrows(chat):
    await chat.click(choice("menu", "contact"))
    replies = await chat.say("Förskolan Regnbågen")
    card = last_card(replies)
    assert not _routed(replies)
    labels = [a["title"] for a in card.card.get("actions", []) if a.get("data", {}).get("action") == "preschool"]
    labels += _button_titles(card.card)
    regnbagen = [label for label in labels if label.endswith("— Förskolan Regnbågen")]
    assert len(regnbagen) == 5
    # District first: every label starts with a district name, never with the preschool's name.
    assert not any(label.startswith("Förskolan") for label in regnbagen)
    assert any(label.startswith("Farsta, Tallkrogen · Torögatan") for label in regnbagen)
    replies = await chat.say("Tallkrogen")
    assert _routed_to(replies, "Farsta")


async def test_typing_a_street_narrows_same_name_preschools(chat):
    await chat.click(choice("menu", "contact"))
    await chat.say("skogsbacken")
    replies = await chat.say("den på Brunskogsbacken")
    assert _routed_to(replies, "Hägersten-Älvsjö")


async def test_english_confirmation(bot):
    chat = bot.new_chat(locale="en-US")
    await chat.click(choice("menu", "contact"))
    replies = await chat.say("muminst")
    assert last_card(replies).card_texts()[0] == "Do you mean Förskolan Muminstugan in Hägersten-Älvsjö?"


def _button_titles(node) -> list[str]:  # type: ignore[no-untyped-def]
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("type") == "Action.Submit" and "title" in node:
            found.append(node["title"])
        for key in ("body", "items", "actions", "columns"):
            for child in node.get(key) or []:
                found += _button_titles(child)
    return found
