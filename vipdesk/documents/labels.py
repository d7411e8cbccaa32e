"""Spanish words for the codes the data carries (roles, channels, statuses, frequencies...).

The letters are printed in Spanish whatever the user's interface language. A code not listed
here (a newer code, or text the service already worded) is printed as it comes.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from vipdesk.documents.kinds import TITLES

# How the agreement calls each party, and the role's plain name.
PARTY_TERMS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "creditor": ("EL ACREEDOR", "Acreedor"),
        "debtor": ("EL DEUDOR", "Deudor"),
        "co_debtor": ("EL CODEUDOR", "Codeudor"),
        "guarantor": ("EL FIADOR", "Fiador solidario"),
        "legal_representative": ("", "Representante legal"),
    }
)

# (singular adjective, plural adjective): "cuotas mensuales", "pago único mensual".
FREQUENCIES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "monthly": ("mensual", "mensuales"),
        "biweekly": ("catorcenal", "catorcenales"),
        "weekly": ("semanal", "semanales"),
        "quarterly": ("trimestral", "trimestrales"),
    }
)

_CODES: Mapping[str, str] = MappingProxyType(
    {
        # channels and directions of an interaction
        "call": "Llamada",
        "visit": "Visita",
        "email": "Correo electrónico",
        "sms": "SMS",
        "whatsapp": "WhatsApp",
        "letter": "Carta",
        "outbound": "saliente",
        "inbound": "entrante",
        # outcomes
        "contacted": "Contactado",
        "no_answer": "Sin respuesta",
        "wrong_number": "Número equivocado",
        "promise": "Promesa de pago",
        "refusal": "Se niega a pagar",
        "dispute": "Disputa el adeudo",
        "message_left": "Mensaje dejado",
        "callback": "Pidió que se le llame",
        # promises
        "pending": "Pendiente",
        "kept": "Cumplida",
        "partially_kept": "Cumplida en parte",
        "broken": "Incumplida",
        # agreement actions and statuses
        "submit": "Enviado a autorización",
        "approve": "Autorizado",
        "reject": "Rechazado",
        "request_changes": "Cambios solicitados",
        "activate": "Firmado y activo",
        "complete": "Cumplido",
        "break": "Incumplido",
        "supersede": "Sustituido",
        "draft": "Borrador",
        "changes_requested": "Cambios solicitados",
        "approved": "Autorizado",
        "rejected": "Rechazado",
        "active": "Activo",
        "completed": "Cumplido",
        "superseded": "Sustituido",
        # approver levels
        "supervisor": "Supervisor",
        "manager": "Gerencia",
        "director": "Dirección",
        # case statuses
        "open": "Abierto",
        "negotiating": "En negociación",
        "agreement": "Con convenio",
        "legal": "En jurídico",
        "closed": "Cerrado",
    }
)


def label(code: str) -> str:
    """The Spanish word for ``code``; ``code`` itself when it has none."""
    return _CODES.get(code, code)


# An agreement (el convenio) is masculine; a promise (la promesa), whose words _CODES holds
# for the codes both share, feminine.
_AGREEMENT_STATUSES: Mapping[str, str] = MappingProxyType(
    {"pending": "Pendiente de autorización", "broken": "Incumplido"}
)


def agreement_status(code: str) -> str:
    """The Spanish word for an agreement's status ("Incumplido", not the promise's
    "Incumplida")."""
    return _AGREEMENT_STATUSES.get(code) or label(code)


def kind_label(kind: str) -> str:
    return TITLES.get(kind, kind)


def party_role(role: str) -> str:
    return PARTY_TERMS.get(role, ("", role))[1]
