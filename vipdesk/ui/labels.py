"""Display labels for the stable codes stored in the database.

Codes never reach the screen as is: each closed vocabulary maps to an English source string
(marked for lupdate) translated at display time, so that a live language switch relabels
everything. An unknown code (a newer server, a typo in imported data) is shown raw rather than
hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vipdesk.core.errors import QT_TRANSLATE_NOOP

CONTEXT = "labels"

_ROLES = {
    "executive": QT_TRANSLATE_NOOP("labels", "Executive"),
    "supervisor": QT_TRANSLATE_NOOP("labels", "Supervisor"),
    "legal": QT_TRANSLATE_NOOP("labels", "Legal"),
    "admin": QT_TRANSLATE_NOOP("labels", "Administrator"),
}

_SEGMENTS = {
    "company": QT_TRANSLATE_NOOP("labels", "Company"),
    "individual": QT_TRANSLATE_NOOP("labels", "Individual"),
}

_CASE_STATUSES = {
    "open": QT_TRANSLATE_NOOP("labels", "Open"),
    "negotiating": QT_TRANSLATE_NOOP("labels", "Negotiating"),
    "agreement": QT_TRANSLATE_NOOP("labels", "Agreement"),
    "legal": QT_TRANSLATE_NOOP("labels", "In legal"),
    "closed": QT_TRANSLATE_NOOP("labels", "Closed"),
}

_BUCKETS = {
    "current": QT_TRANSLATE_NOOP("labels", "Current"),
    "1-30": QT_TRANSLATE_NOOP("labels", "1–30 days"),
    "31-60": QT_TRANSLATE_NOOP("labels", "31–60 days"),
    "61-90": QT_TRANSLATE_NOOP("labels", "61–90 days"),
    "91-180": QT_TRANSLATE_NOOP("labels", "91–180 days"),
    "180+": QT_TRANSLATE_NOOP("labels", "Over 180 days"),
}

_PROMISE_STATUSES = {
    "pending": QT_TRANSLATE_NOOP("labels", "Pending"),
    "kept": QT_TRANSLATE_NOOP("labels", "Kept"),
    "partially_kept": QT_TRANSLATE_NOOP("labels", "Partial"),
    "broken": QT_TRANSLATE_NOOP("labels", "Broken"),
}

_CHANNELS = {
    "call": QT_TRANSLATE_NOOP("labels", "Call"),
    "visit": QT_TRANSLATE_NOOP("labels", "Visit"),
    "email": QT_TRANSLATE_NOOP("labels", "Email"),
    "sms": QT_TRANSLATE_NOOP("labels", "SMS"),
    "whatsapp": QT_TRANSLATE_NOOP("labels", "WhatsApp"),
    "letter": QT_TRANSLATE_NOOP("labels", "Letter"),
}

_OUTCOMES = {
    "contacted": QT_TRANSLATE_NOOP("labels", "Contacted"),
    "no_answer": QT_TRANSLATE_NOOP("labels", "No answer"),
    "wrong_number": QT_TRANSLATE_NOOP("labels", "Wrong number"),
    "promise": QT_TRANSLATE_NOOP("labels", "Promise to pay"),
    "refusal": QT_TRANSLATE_NOOP("labels", "Refusal"),
    "dispute": QT_TRANSLATE_NOOP("labels", "Dispute"),
    "message_left": QT_TRANSLATE_NOOP("labels", "Message left"),
    "callback": QT_TRANSLATE_NOOP("labels", "Call back"),
}

_DIRECTIONS = {
    "outbound": QT_TRANSLATE_NOOP("labels", "Outbound"),
    "inbound": QT_TRANSLATE_NOOP("labels", "Inbound"),
}

_PAYMENT_METHODS = {
    "transfer": QT_TRANSLATE_NOOP("labels", "Transfer"),
    "deposit": QT_TRANSLATE_NOOP("labels", "Deposit"),
    "check": QT_TRANSLATE_NOOP("labels", "Check"),
    "cash": QT_TRANSLATE_NOOP("labels", "Cash"),
    "card": QT_TRANSLATE_NOOP("labels", "Card"),
}

_CONTACT_KINDS = {
    "phone": QT_TRANSLATE_NOOP("labels", "Phone"),
    "email": QT_TRANSLATE_NOOP("labels", "Email"),
    "address": QT_TRANSLATE_NOOP("labels", "Address"),
}


def _label(table: dict[str, str], code: object) -> str:
    if code is None:
        return ""
    key = str(code)
    source = table.get(key)
    return QCoreApplication.translate(CONTEXT, source) if source else key


def role_label(code: object) -> str:
    return _label(_ROLES, code)


def segment_label(code: object) -> str:
    return _label(_SEGMENTS, code)


def case_status_label(code: object) -> str:
    return _label(_CASE_STATUSES, code)


def bucket_label(code: object) -> str:
    return _label(_BUCKETS, code)


def promise_status_label(code: object) -> str:
    return _label(_PROMISE_STATUSES, code)


def channel_label(code: object) -> str:
    return _label(_CHANNELS, code)


def outcome_label(code: object) -> str:
    return _label(_OUTCOMES, code)


def direction_label(code: object) -> str:
    return _label(_DIRECTIONS, code)


def payment_method_label(code: object) -> str:
    return _label(_PAYMENT_METHODS, code)


def contact_kind_label(code: object) -> str:
    return _label(_CONTACT_KINDS, code)
