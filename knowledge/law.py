"""The law's name and section numbers, read from `content/law.yaml` and substituted into articles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from knowledge.packaged import packaged_yaml

_PLACEHOLDER = re.compile(r"\{(law_name|law_reference|former_section|former_law|duty_section|staff_reference)\}")


@dataclass(frozen=True, slots=True)
class Law:
    """Where the duty to report lives; `duty_section` is None until someone has confirmed it."""

    name: str
    name_en: str
    former_law: str
    former_section: str
    duty_section: str | None
    staff_law: str = "skollagen (2010:800)"
    staff_law_en: str = "the Education Act (2010:800)"
    staff_section: str | None = None
    staff_section_verified: bool = False

    def staff_reference(self, lang: str = "sv") -> str:
        """Where staff suspected of harming a child are dealt with, marked while the section is unverified."""
        name = self.staff_law_en if lang == "en" else self.staff_law
        if not self.staff_section:
            return name
        mark = "" if self.staff_section_verified else (" (to be verified)" if lang == "en" else " (att kontrollera)")
        return f"{name} {self.staff_section}{mark}"

    def reference(self, lang: str = "sv") -> str:
        """How articles cite the duty to report, naming the section only when it is confirmed."""
        section = f", {self.duty_section}" if self.duty_section else ""
        if lang == "en":
            return f"the duty to report in {self.name_en}{section} (formerly {self.former_section})"
        return f"anmälningsskyldigheten i {self.name}{section} (tidigare {self.former_section})"

    def placeholders(self, lang: str = "sv") -> dict[str, str]:
        """The values for every placeholder an article may use."""
        return {
            "law_name": self.name_en if lang == "en" else self.name,
            "law_reference": self.reference(lang),
            "former_section": self.former_section,
            "former_law": self.former_law,
            "duty_section": self.duty_section or self.former_section,
            "staff_reference": self.staff_reference(lang),
        }

    def substitute(self, text: str, lang: str = "sv") -> str:
        """*text* with the law placeholders filled in; other braces are left alone."""
        values = self.placeholders(lang)
        return _PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


@cache
def law() -> Law:
    """The law settings shipped in `content/law.yaml`."""
    raw = packaged_yaml("content/law.yaml")
    return Law(
        name=raw["name"],
        name_en=raw["name_en"],
        former_law=raw["former_law"],
        former_section=raw["former_section"],
        duty_section=raw.get("duty_section") or None,
        staff_law=raw.get("staff_law") or "skollagen (2010:800)",
        staff_law_en=raw.get("staff_law_en") or "the Education Act (2010:800)",
        staff_section=raw.get("staff_section") or None,
        staff_section_verified=bool(raw.get("staff_section_verified", False)),
    )
