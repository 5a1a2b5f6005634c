"""`samrad --help`: one language throughout."""


def test_the_cli_help_speaks_swedish_throughout() -> None:
    """Every command's and option's help is Swedish, like the product (issue #13: one language)."""
    import argparse
    import re

    from bot.cli import build_parser

    parser = build_parser()
    helps = []

    def walk(p: argparse.ArgumentParser) -> None:
        for action in p._actions:
            if action.help and action.help != argparse.SUPPRESS and action.dest != "help":
                helps.append(action.help)
            if isinstance(action, argparse._SubParsersAction):
                helps.extend(choice.help for choice in action._choices_actions if choice.help)
                for sub in action.choices.values():
                    walk(sub)

    walk(parser)
    english = re.compile(r"\b(the|and|run|show|load|print|only|when|with|database|default)\b")
    assert helps
    assert not [h for h in helps if english.search(h)]
