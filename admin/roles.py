"""Who may do what in the administration: roles, the signed-in principal and the permission checks."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from admin import text


class Role(StrEnum):
    """The three roles of the administration."""

    ADMIN = "admin"  # everything
    DISTRICT_EDITOR = "district_editor"  # own district's units, contacts, hours, on-call
    SOCIONOM = "socionom"  # reads own district, own handoffs


# Tables a district editor may change, and only within the editor's own district.
EDITOR_TABLES = frozenset({"units", "contacts", "opening_hours", "hours_exceptions", "on_call"})


class ForbiddenError(Exception):
    """The signed-in person's role does not allow this."""


@dataclass(frozen=True)
class Principal:
    """The signed-in person as the permission checks see them."""

    user_id: int
    username: str
    role: Role
    district_id: str | None
    aad_object_id: str | None = None  # the person's Teams id, to find the handoffs they took

    @property
    def is_admin(self) -> bool:
        """True for the admin role."""
        return self.role is Role.ADMIN

    def can_read(self, table: str, district_id: str | None) -> bool:
        """Admins and editors read everything; a socionom reads only what belongs to their own district."""
        if self.role in (Role.ADMIN, Role.DISTRICT_EDITOR):
            return True
        if table in {"districts", "rules"}:
            return True
        return district_id is not None and district_id == self.district_id

    def can_write(self, table: str, district_id: str | None) -> bool:
        """Admins change everything; an editor only the editor tables of their own district."""
        if self.role is Role.ADMIN:
            return True
        if self.role is Role.DISTRICT_EDITOR and table in EDITOR_TABLES:
            return district_id is not None and district_id == self.district_id
        return False

    def require_write(self, table: str, district_id: str | None) -> None:
        """Raise `ForbiddenError` unless `can_write`."""
        if not self.can_write(table, district_id):
            raise ForbiddenError(table)

    def require_admin(self) -> None:
        """Raise `ForbiddenError` unless the admin role."""
        if not self.is_admin:
            raise ForbiddenError("admin")

    def statistics_district(self) -> str | None:
        """The district this person's statistics are limited to (None: all districts, for admins)."""
        return None if self.is_admin else self.district_id


def parse_role(value: str) -> Role:
    """The role named *value*; ValueError for anything else."""
    try:
        return Role(value)
    except ValueError:
        raise ValueError(text.ROLE_UNKNOWN.format(role=value)) from None
