"""The admin pages show the bot's Swedish wording for outcome and category codes."""

from admin.app import code_label


def test_codes_get_the_wording_the_bot_uses_and_unknown_values_pass_through():
    assert code_label("report") == "Anmäl"
    assert code_label("neglect").startswith("Barnets grundläggande behov")
    assert code_label("early_support") == "Tidigt stöd"
    assert code_label("Farsta") == "Farsta"
    assert code_label(7) == 7
