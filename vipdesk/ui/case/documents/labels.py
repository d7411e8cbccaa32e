"""What the letters and their hand-off are called on screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vipdesk.core.errors import QT_TRANSLATE_NOOP
from vipdesk.services.agreement_dto import DocumentInfo
from vipdesk.ui.formatting import date_text

CONTEXT = "documents"
KIND_LABELS = {
    "propuesta": QT_TRANSLATE_NOOP("documents", "Settlement proposal"),
    "convenio": QT_TRANSLATE_NOOP("documents", "Payment agreement"),
    "requerimiento": QT_TRANSLATE_NOOP("documents", "Demand for payment"),
    "recordatorio": QT_TRANSLATE_NOOP("documents", "Payment reminder"),
    "finiquito": QT_TRANSLATE_NOOP("documents", "Paid-in-full letter"),
    "expediente": QT_TRANSLATE_NOOP("documents", "Dossier for legal"),
}
# What each kind is for, as the "Generate letter" dialog explains it.
KIND_HINTS = {
    "propuesta": QT_TRANSLATE_NOOP(
        "documents",
        "The offer to the debtor: the balance owed and its breakdown, the proposed terms of "
        "the chosen scenario (or the latest draft agreement) and until when it stands.",
    ),
    "convenio": QT_TRANSLATE_NOOP(
        "documents",
        "The payment agreement with its clauses, schedule and signature blocks. Only from an "
        "approved agreement.",
    ),
    "requerimiento": QT_TRANSLATE_NOOP(
        "documents",
        "Formal demand before legal action: the amount owed with its breakdown and the "
        "deadline to pay or to get in touch.",
    ),
    "recordatorio": QT_TRANSLATE_NOOP(
        "documents",
        "A courteous reminder of the next instalment or promise to pay: amount, due date and "
        "how to pay.",
    ),
    "finiquito": QT_TRANSLATE_NOOP(
        "documents",
        "States that the obligations are paid in full. Only when the case owes nothing.",
    ),
    "expediente": QT_TRANSLATE_NOOP(
        "documents",
        "Internal dossier for legal: the case, its contacts and promises, the analysis, the "
        "strategy, the agreement and the documents sent.",
    ),
}


def kind_label(kind: str) -> str:
    label = KIND_LABELS.get(kind)
    return QCoreApplication.translate(CONTEXT, label) if label else kind


def kind_hint(kind: str) -> str:
    hint = KIND_HINTS.get(kind)
    return QCoreApplication.translate(CONTEXT, hint) if hint else ""


def short_hash(sha256: str, length: int = 12) -> str:
    """The first hex digits: enough to tell documents apart by eye (the whole in tooltips)."""
    return f"{sha256[:length]}…" if len(sha256) > length else sha256


def handoff_text(info: DocumentInfo) -> str:
    """ "Sent to legal on 22 Nov 2026 · Received by Lic. Roberto Alvarado Soto on 23 Nov 2026",
    or "" when the document was not sent."""
    if info.handed_off_at is None:
        return ""
    parts = [
        QCoreApplication.translate(CONTEXT, "Sent to legal on {date}").format(
            date=date_text(info.handed_off_at)
        )
    ]
    if info.acknowledged_at is not None:
        parts.append(
            QCoreApplication.translate(CONTEXT, "Received by {name} on {date}").format(
                name=info.acknowledged_by, date=date_text(info.acknowledged_at)
            )
        )
    else:
        parts.append(QCoreApplication.translate(CONTEXT, "not acknowledged yet"))
    return " · ".join(parts)
