"""Closed vocabularies of the domain. Values are stable codes stored in the database."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    EXECUTIVE = "executive"
    SUPERVISOR = "supervisor"
    LEGAL = "legal"
    ADMIN = "admin"


class Segment(StrEnum):
    COMPANY = "company"
    INDIVIDUAL = "individual"


class Country(StrEnum):
    GUATEMALA = "GT"
    MEXICO = "MX"


class CaseStatus(StrEnum):
    OPEN = "open"
    NEGOTIATING = "negotiating"
    AGREEMENT = "agreement"
    LEGAL = "legal"
    CLOSED = "closed"


class ContactKind(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"


class RelatedPartyRole(StrEnum):
    GUARANTOR = "guarantor"
    LEGAL_REPRESENTATIVE = "legal_representative"
    CO_DEBTOR = "co_debtor"


class Channel(StrEnum):
    CALL = "call"
    VISIT = "visit"
    EMAIL = "email"
    SMS = "sms"
    WHATSAPP = "whatsapp"
    LETTER = "letter"


class Direction(StrEnum):
    OUTBOUND = "outbound"
    INBOUND = "inbound"


class Outcome(StrEnum):
    CONTACTED = "contacted"
    NO_ANSWER = "no_answer"
    WRONG_NUMBER = "wrong_number"
    PROMISE = "promise"
    REFUSAL = "refusal"
    DISPUTE = "dispute"
    MESSAGE_LEFT = "message_left"
    CALLBACK = "callback"


class PaymentMethod(StrEnum):
    TRANSFER = "transfer"
    DEPOSIT = "deposit"
    CHECK = "check"
    CASH = "cash"
    CARD = "card"


class PromiseStatus(StrEnum):
    PENDING = "pending"
    KEPT = "kept"
    PARTIALLY_KEPT = "partially_kept"
    BROKEN = "broken"


# Statuses in which a case is still being worked (and so counts for SLA and priority).
ACTIVE_CASE_STATUSES = frozenset(
    {CaseStatus.OPEN, CaseStatus.NEGOTIATING, CaseStatus.AGREEMENT, CaseStatus.LEGAL}
)
