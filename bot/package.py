"""`make package`: the Teams app zip an administrator uploads (manifest, localization, icons)."""

from __future__ import annotations

import json
import os
import re
import sys
import uuid
import zipfile
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "appPackage"
FILES = ("manifest.json", "en.json", "color.png", "outline.png")
PLACEHOLDER = re.compile(r"\$\{\{([A-Z_]+)\}\}")


class PackageError(ValueError):
    """The app package cannot be built as configured."""


def render_manifest(text: str, values: dict[str, str]) -> str:
    """Fill `${{NAME}}` placeholders; every placeholder must have a value."""
    missing = sorted({name for name in PLACEHOLDER.findall(text) if not values.get(name)})
    if missing:
        raise PackageError(f"set {', '.join(missing)} (environment) before packaging")
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


def build_package(out: Path, *, bot_id: str, app_id: str | None = None, source: Path = SOURCE) -> Path:
    """Write the zip to *out* and return its path."""
    values = {"BOT_ID": bot_id, "TEAMS_APP_ID": app_id or str(uuid.uuid5(uuid.NAMESPACE_URL, f"samrad:{bot_id}"))}
    manifest = render_manifest((source / "manifest.json").read_text(encoding="utf-8"), values)
    json.loads(manifest)  # a broken manifest must fail here, not in the Teams admin centre
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest)
        for name in FILES[1:]:
            archive.write(source / name, name)
    return out


def main() -> int:
    bot_id = os.environ.get("MicrosoftAppId", "")
    if not bot_id:
        print("make package: set MicrosoftAppId to the bot's app registration id", file=sys.stderr)
        return 2
    path = build_package(SOURCE / "build" / "samrad-teams.zip", bot_id=bot_id,
                         app_id=os.environ.get("TEAMS_APP_ID") or None)
    print(f"Wrote {path} — upload it in Teams admin center → Manage apps → Upload.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
