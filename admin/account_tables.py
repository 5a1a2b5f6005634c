"""Tables owned by the administration: accounts, server-side sessions, the sign-in throttle and the audit
(of sign-ins and account changes). Routing changes are recorded by routing/storage.py, not here."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from routing.storage_rows import NAMING  # one naming convention for every table Samråd owns


class AdminBase(DeclarativeBase):
    """Declarative base for the administration's tables."""

    metadata = MetaData(naming_convention=NAMING)


class AdminUserRow(AdminBase):
    """A person who may sign in to the administration: a local account or one seen through Entra ID."""

    __tablename__ = "admin_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(256), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(256), nullable=True)  # None: Entra ID only
    role: Mapped[str] = mapped_column(String(32))
    # No foreign key: routing's tables live on another migration branch (0002) and may be created later.
    district_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    source: Mapped[str] = mapped_column(String(16), default="local")  # "local" or "oidc"
    # The person's Teams (Entra ID) object id: what `handoff.claimed_by` holds when they take a handoff.
    aad_object_id: Mapped[str | None] = mapped_column(String(256), nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AdminSessionRow(AdminBase):
    """A signed-in browser or API client; the cookie carries a random token, the row only its SHA-256."""

    __tablename__ = "admin_session"
    __table_args__ = (Index("ix_admin_session_expires_at", "expires_at"),)

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("admin_user.id", ondelete="CASCADE"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AdminAuditRow(AdminBase):
    """One sign-in attempt or one change made through the administration (never a password or free text)."""

    __tablename__ = "admin_audit"
    __table_args__ = (Index("ix_admin_audit_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(256))
    event: Mapped[str] = mapped_column(String(32))  # signin, signin_failed, signin_throttled, signout, ...
    ip: Mapped[str | None] = mapped_column(String(64), nullable=True)
    target: Mapped[str | None] = mapped_column(String(128), nullable=True)  # e.g. "contact:12"
    detail: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON with codes and ids only


class AdminThrottleRow(AdminBase):
    """Sign-in attempts of one scope (an account, a client address, or everyone) in the current window.

    Shared by every process on the database. The key is a keyed hash, never a user name or an address;
    times are seconds since the epoch so the throttle's arithmetic is plain SQL on SQLite and PostgreSQL.
    """

    __tablename__ = "admin_throttle"
    __table_args__ = (Index("ix_admin_throttle_window_started", "window_started"),)

    scope: Mapped[str] = mapped_column(String(16), primary_key=True)  # account | ip | global
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)  # attempts let through to the password check
    window_started: Mapped[float] = mapped_column(Float)
    blocked_until: Mapped[float] = mapped_column(Float, default=0.0)
