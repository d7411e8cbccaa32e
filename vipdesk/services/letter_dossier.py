"""The expediente for legal: everything legal needs to take a case over, gathered in the
caller's transaction. The case's obligations, its contact history (the most recent
``MAX_CONTACTS``), promises and their outcomes, the financial analysis in figures, the
negotiation strategy, the agreements' approval trail, the documents already sent with their
SHA-256, and a recommendation worded from where the case stands.

The letters are in Spanish whatever the interface language: the names of the ratios and of the
strategy's sections are written here in Spanish, not taken from the interface's translations.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vipdesk.core.agreements import AgreementStatus
from vipdesk.core.buckets import days_past_due
from vipdesk.core.errors import ValidationError
from vipdesk.core.money import Money, format_money
from vipdesk.core.ratio_catalog import RATIOS, Unit
from vipdesk.core.ratios import trend
from vipdesk.documents.fonts import unprintable
from vipdesk.documents.snapshot import (
    ApprovalLine,
    ContactLine,
    ObligationLine,
    PromiseLine,
    SentDocumentLine,
    SummaryLine,
    TextSection,
)
from vipdesk.services.finance_data import legal_value, load_case_finance
from vipdesk.storage.models import (
    Agreement,
    ApprovalEvent,
    Case,
    Document,
    Interaction,
    Obligation,
    Promise,
    StrategyVersion,
    User,
)

MAX_CONTACTS = 200  # the most recent: a case worked for years has thousands
MARK = "[?]"  # stands for characters a letter cannot print
RATIO_NAMES = {
    "working_capital": "Capital de trabajo",
    "current_ratio": "Razón corriente",
    "quick_ratio": "Prueba ácida",
    "cash_ratio": "Razón de efectivo",
    "debt_to_equity": "Deuda a patrimonio",
    "debt_to_ebitda": "Deuda a EBITDA",
    "interest_coverage": "Cobertura de intereses",
    "dscr": "Cobertura del servicio de la deuda (DSCR)",
    "dso": "Días de cobro (DSO)",
    "free_cash_flow": "Flujo de caja libre",
    "disposable_income": "Ingreso disponible",
    "debt_to_income": "Deuda a ingresos",
    "net_worth": "Patrimonio neto",
    "liquid_assets": "Activos líquidos",
}
SECTION_TITLES = {
    "situation": "Resumen de la situación",
    "objective": "Objetivo",
    "alternative": "Nuestra alternativa (vía judicial)",
    "debtor_position": "Posición probable del deudor y sus limitaciones",
    "concessions": "Plan de concesiones",
    "walk_away": "Punto de retiro",
    "talking_points": "Argumentos clave",
    "risks": "Riesgos",
}


class _Printable:
    """History nobody can edit any more (a contact's notes, a comment in the approval trail)
    as the letter can print it: what the font cannot draw (an emoji) or cannot lay out (a
    right-to-left script) becomes ``MARK``, rather than refusing the whole expediente."""

    def __init__(self) -> None:
        self.marked = False

    def __call__(self, text: str) -> str:
        missing, rtl = unprintable(text)
        if not missing and not rtl:
            return text
        self.marked = True
        bad = {*missing, *rtl}
        out: list[str] = []
        for char in text:
            if char not in bad:
                out.append(char)
            elif not out or out[-1] != MARK:
                out.append(MARK)
        return "".join(out)


def _money(amount: Decimal, currency: str) -> str:
    return format_money(Money(amount, currency))


def _obligations(
    session: Session, case: Case, currency: str, today: date
) -> tuple[tuple[ObligationLine, ...], list[str]]:
    """The lines in the letter's currency, and a sentence for each one in another."""
    lines, others = [], []
    rows = session.scalars(
        select(Obligation).where(Obligation.case_id == case.id).order_by(Obligation.account_number)
    )
    for o in rows:
        if o.currency != currency:
            others.append(f"crédito No. {o.account_number} ({o.product}) en {o.currency}, "
                          f"saldo {_money(o.total, o.currency)}")  # fmt: skip
            continue
        collateral = " ".join(p for p in (o.collateral_kind, o.collateral_description) if p)
        if o.collateral_value:
            collateral = f"{collateral} (valor {_money(o.collateral_value, currency)})".strip()
        lines.append(
            ObligationLine(
                credit_number=o.account_number, product=o.product, contract=o.contract_number,
                opened_on=o.opened_on, principal=o.principal, interest=o.ordinary_interest,
                default_interest=o.default_interest, fees=o.fees, balance=o.total,
                days_past_due=days_past_due(o.past_due_since, today), collateral=collateral,
            )
        )  # fmt: skip
    return tuple(lines), others


def _contacts(
    session: Session, case: Case, clean: _Printable
) -> tuple[tuple[ContactLine, ...], int]:
    total = session.scalar(
        select(func.count()).select_from(Interaction).where(Interaction.case_id == case.id)
    ) or 0  # fmt: skip
    query = (
        select(Interaction, User.full_name)
        .join(User, User.id == Interaction.user_id)
        .where(Interaction.case_id == case.id)
        .order_by(Interaction.occurred_at.desc())
        .limit(MAX_CONTACTS)
    )
    lines = tuple(
        ContactLine(i.occurred_at.astimezone(), i.channel, i.direction, i.outcome,
                    clean(i.contact_name), clean(i.notes), author)
        for i, author in session.execute(query)
    )  # fmt: skip
    return lines, total


def _promises(session: Session, case: Case, clean: _Printable) -> tuple[PromiseLine, ...]:
    rows = session.scalars(
        select(Promise).where(Promise.case_id == case.id).order_by(Promise.due_date.desc())
    )
    return tuple(
        PromiseLine(p.promised_on, p.due_date, p.amount, p.status, p.applied_amount, clean(p.notes))
        for p in rows
    )


def _ratio_text(key: str, value: Decimal, currency: str) -> str:
    unit = RATIOS[key].unit
    if unit is Unit.AMOUNT:
        return _money(value, currency)
    if unit is Unit.PERCENT:
        return f"{value * 100:,.2f} %"
    if unit is Unit.DAYS:
        return f"{value:,.0f} días"
    return f"{value:,.2f} veces"


def _financial(session: Session, case: Case, currency: str, today: date) -> list[SummaryLine]:
    try:
        finance = load_case_finance(session, case, today)
    except ValidationError:  # statements that contradict each other: say so, print the rest
        return [SummaryLine("Análisis financiero", "Los estados registrados no son coherentes")]
    lines = [
        SummaryLine("Saldo expuesto", _money(finance.exposure, finance.currency)),
        SummaryLine("Días de atraso", f"{finance.days_past_due:,}"),
    ]
    capacity = finance.capacity
    if capacity.sustainable.value is not None:
        value = _money(capacity.sustainable.value, finance.currency)
        lines.append(SummaryLine("Capacidad de pago mensual sostenible", value))
    if capacity.lump_sum.value is not None:
        value = _money(capacity.lump_sum.value, finance.currency)
        lines.append(SummaryLine("Capacidad de pago en una sola exhibición", value))
    legal = legal_value(session, finance)
    if legal is not None:
        value = _money(legal.expected_pv, finance.currency)
        lines.append(SummaryLine("Valor presente esperado de la vía judicial", value))
    if not finance.periods:
        lines.append(SummaryLine("Estados financieros", "Sin estados financieros registrados"))
        return lines
    latest = finance.periods[-1]
    lines.append(SummaryLine("Último periodo analizado", latest.label))
    for key, values in trend(finance.core_periods, finance.thresholds).items():
        figure = values[-1].value if values else None
        if figure is not None:
            lines.append(SummaryLine(RATIO_NAMES.get(key, key), _ratio_text(key, figure, currency)))
    return lines


def _strategy(session: Session, case: Case, clean: _Printable) -> tuple[TextSection, ...]:
    latest = session.scalars(
        select(StrategyVersion)
        .where(StrategyVersion.case_id == case.id)
        .order_by(StrategyVersion.version.desc())
    ).first()
    if latest is None:
        return ()
    sections = latest.sections or {}
    return tuple(
        TextSection(title, clean(str(sections[name]).strip()))
        for name, title in SECTION_TITLES.items()
        if str(sections.get(name) or "").strip()
    )


def _approvals(session: Session, case: Case, clean: _Printable) -> tuple[ApprovalLine, ...]:
    query = (
        select(ApprovalEvent, User.full_name, Agreement.number)
        .join(User, User.id == ApprovalEvent.user_id)
        .join(Agreement, Agreement.id == ApprovalEvent.agreement_id)
        .where(ApprovalEvent.case_id == case.id)
        .order_by(ApprovalEvent.occurred_at, ApprovalEvent.created_at)
    )
    return tuple(
        ApprovalLine(e.occurred_at.astimezone(), e.action, name,
                     f"{number}\n{clean(e.comment)}" if e.comment else number,
                     e.required_level or "")
        for e, name, number in session.execute(query)
    )  # fmt: skip


def _documents(session: Session, case: Case) -> tuple[SentDocumentLine, ...]:
    query = (
        select(Document.kind, Document.number, Document.generated_at, Document.sha256)
        .where(Document.case_id == case.id)
        .order_by(Document.generated_at)
    )
    return tuple(
        SentDocumentLine(kind, number, when.astimezone(), sha)
        for kind, number, when, sha in session.execute(query)
    )


def _recommendation(session: Session, case: Case, currency: str, owed: Decimal) -> str:
    latest = session.scalars(
        select(Agreement).where(Agreement.case_id == case.id)
        .order_by(Agreement.updated_at.desc(), Agreement.version.desc())
    ).first()  # fmt: skip
    amount = _money(owed, currency)
    if latest is not None and latest.status == AgreementStatus.BROKEN:
        return (f"Exigir por la vía judicial el saldo de {amount}: el convenio {latest.number} "
                "fue incumplido y procede su vencimiento anticipado.")  # fmt: skip
    if latest is not None and latest.status in (AgreementStatus.APPROVED, AgreementStatus.ACTIVE):
        return (f"Dar seguimiento al cumplimiento del convenio {latest.number}; ante un "
                f"incumplimiento, exigir por la vía judicial el saldo de {amount}.")  # fmt: skip
    if owed <= 0:
        return "Archivar el expediente: no hay saldo pendiente."
    return (f"Iniciar la acción de cobro por la vía judicial por el saldo de {amount}, "
            "agotada la negociación extrajudicial.")  # fmt: skip


def dossier(
    session: Session, case: Case, currency: str, today: date, *, obligations_only: bool = False
) -> dict[str, Any]:
    """The expediente's part of a letter's data (``obligations_only``: just the obligations,
    as a finiquito lists them)."""
    obligations, others = _obligations(session, case, currency, today)
    if obligations_only:
        return {"obligations": obligations}
    clean = _Printable()
    contacts, total_contacts = _contacts(session, case, clean)
    promises, strategy = _promises(session, case, clean), _strategy(session, case, clean)
    approvals = _approvals(session, case, clean)
    owed = sum((o.balance for o in obligations), Decimal("0.00"))
    notes = []
    if others:
        notes.append("Además, en otra moneda: " + "; ".join(others) + ".")
    if total_contacts > len(contacts):
        notes.append(f"Se incluyen las {len(contacts)} gestiones más recientes de "
                     f"{total_contacts:,} registradas.")  # fmt: skip
    if clean.marked:
        notes.append(f"Los caracteres que una carta no puede imprimir se muestran como {MARK}.")
    dpd = max((o.days_past_due for o in obligations), default=0)
    return {
        "case_status": case.status,
        "exposure": owed,
        "days_past_due": dpd,
        "obligations": obligations,
        "contacts": contacts,
        "promises": promises,
        "financial_summary": tuple(_financial(session, case, currency, today)),
        "strategy": strategy,
        "approvals": approvals,
        "documents_sent": _documents(session, case),
        "recommendation": _recommendation(session, case, currency, owed),
        "notes": " ".join(notes),
    }
