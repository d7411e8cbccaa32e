"""The ``[[blocks]]`` of the dossier for legal (expediente): the case summary, its obligations,
contact history, promises, financial analysis, strategy, the agreement's approval trail, the
documents already sent with their SHA-256, and the recommendation.

Lists print "Sin registros." when empty: legal must see that there were none, not guess.
Free text (notes, comments) may run for pages; tables that hold it split inside a row.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, Paragraph, Spacer

from vipdesk.documents import kinds
from vipdesk.documents.columns import FIT, Share
from vipdesk.documents.labels import agreement_status, kind_label, label, party_role
from vipdesk.documents.snapshot import PartyData
from vipdesk.documents.styles import esc, esc_lines, grid, para, text_paragraphs
from vipdesk.documents.wording import (
    figures,
    long_date,
    percent,
    short_date,
    short_datetime,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from vipdesk.documents.blocks import Context


def _none() -> list[Flowable]:
    return [para("Sin registros.", "empty")]


def summary(ctx: Context) -> list[Flowable]:
    data = ctx.data
    debtor = data.debtor
    rows: list[list[object]] = [
        ["Deudor", para(f"<b>{esc(debtor.name)}</b>", "cell")],
        ["Identificación", para(esc(debtor.id_document) or "—", "cell")],
        ["Domicilio", para(esc_lines(debtor.address) or "—", "cell")],
        ["Caso", para(esc(data.case_number), "cell")],
        ["Estado del caso", para(esc(label(data.case_status)) or "—", "cell")],
        ["Ejecutivo(a)", para(esc(data.executive_name), "cell")],
    ]
    if data.exposure is not None:
        as_of = f" al {long_date(data.balance_as_of)}" if data.balance_as_of else ""
        rows.append(["Exposición", f"{figures(data.exposure, data.currency)}{as_of}"])
    if data.days_past_due is not None:
        rows.append(["Días de atraso", str(data.days_past_due)])
    for party in data.parties:
        rows.append([party_role(party.role), para(_party_text(party), "cell")])
    collateral = [o for o in data.obligations if o.collateral.strip()]
    rows.append(
        [
            "Garantías",
            [
                para(f"<b>{esc(o.credit_number)}:</b> {esc(o.collateral)}", "cell")
                for o in collateral
            ]
            or para("Sin garantías registradas.", "cell"),
        ]
    )
    table = grid(rows, [FIT, Share()], header=False, split_in_row=True)
    return [table, Spacer(1, 6)]


def _party_text(party: PartyData) -> str:
    name = esc(party.name)
    details = [esc(v) for v in (party.id_document, party.capacity) if v.strip()]
    return f"{name} ({'; '.join(details)})" if details else name


def obligations(ctx: Context) -> list[Flowable]:
    data = ctx.data
    if not data.obligations:
        return _none()

    def money(amount: Decimal) -> str:
        return figures(amount, data.currency)

    if data.kind == kinds.FINIQUITO:
        return _settled(ctx)
    # The product goes under the credit number: five amount columns and the days past due
    # leave no room for a column of its own.
    head = ["Crédito", "Capital", "Intereses", "Moratorios", "Cargos", "Saldo", "Atraso (días)"]
    rows: list[list[object]] = [list(head)]
    for o in data.obligations:
        credit = f"<b>{esc(o.credit_number)}</b>"
        if o.product.strip():
            credit += f"<br/>{esc(o.product)}"
        rows.append(
            [
                para(credit, "cell_small"),
                money(o.principal),
                money(o.interest),
                money(o.default_interest),
                money(o.fees),
                money(o.balance),
                str(o.days_past_due),
            ]
        )
    totals = [
        sum((getattr(o, n) for o in data.obligations), Decimal("0.00"))
        for n in ("principal", "interest", "default_interest", "fees", "balance")
    ]
    rows.append(["Total", *(money(t) for t in totals), ""])
    amount = Share(1.0)
    columns = [Share(1.5), amount, amount, amount, amount, amount, Share(0.3)]
    right = [1, 2, 3, 4, 5, 6]
    emphasis = [len(rows) - 1]
    table = grid(rows, columns, right=right, emphasis=emphasis, split_in_row=True, padding=4)
    out: list[Flowable] = [table, Spacer(1, 4)]
    for o in data.obligations:
        facts = []
        if o.contract.strip():
            facts.append(f"contrato: {esc(o.contract)}")
        if o.opened_on is not None:
            facts.append(f"otorgado el {long_date(o.opened_on)}")
        if facts:
            out.append(para(f"<b>{esc(o.credit_number)}</b> — {'; '.join(facts)}.", "small"))
    out.append(Spacer(1, 6))
    return out


def _settled(ctx: Context) -> list[Flowable]:
    """The obligations a finiquito settles, with the balance each has now."""
    data = ctx.data
    rows: list[list[object]] = [["Crédito", "Producto", "Contrato", "Saldo"]]
    for o in data.obligations:
        rows.append(
            [
                para(esc(o.credit_number), "cell"),
                para(esc(o.product), "cell"),
                para(esc(o.contract) or "—", "cell"),
                figures(o.balance, data.currency),
            ]
        )
    columns = [Share(1.0), Share(1.2), Share(1.2), FIT]
    return [grid(rows, columns, right=[3], split_in_row=True), Spacer(1, 8)]


def _moment(moment: datetime) -> Paragraph:
    date_part, time_part = short_datetime(moment).split(" ")
    return para(f"{date_part}<br/>{time_part}", "cell")


def contacts(ctx: Context) -> list[Flowable]:
    if not ctx.data.contacts:
        return _none()
    rows: list[list[object]] = [["Fecha", "Gestión", "Resultado", "Notas"]]
    for c in ctx.data.contacts:
        channel = f"{esc(label(c.channel))} {esc(label(c.direction))}".strip()
        if c.contact_name.strip():
            channel += f"<br/>con {esc(c.contact_name)}"
        if c.author.strip():
            channel += f"<br/>por {esc(c.author)}"
        rows.append(
            [
                _moment(c.occurred_at),
                para(channel, "cell"),
                para(esc(label(c.outcome)), "cell"),
                text_paragraphs(c.notes, "cell") or "",
            ]
        )
    columns = [FIT, Share(1.4), Share(1.0), Share(2.6)]
    return [grid(rows, columns, split_in_row=True), Spacer(1, 6)]


def promises(ctx: Context) -> list[Flowable]:
    data = ctx.data
    if not data.promises:
        return _none()
    rows: list[list[object]] = [["Hecha el", "Vence", "Monto", "Pagado", "Estado", "Notas"]]
    for p in data.promises:
        rows.append(
            [
                short_date(p.promised_on),
                short_date(p.due_date),
                figures(p.amount, data.currency),
                figures(p.paid, data.currency),
                para(esc(label(p.status)), "cell"),
                text_paragraphs(p.notes, "cell") or "",
            ]
        )
    columns = [FIT, FIT, FIT, FIT, Share(1.0), Share(2.2)]
    return [grid(rows, columns, right=[2, 3], split_in_row=True), Spacer(1, 6)]


def financial(ctx: Context) -> list[Flowable]:
    lines = ctx.data.financial_summary
    if not lines:
        return _none()
    rows: list[list[object]] = [["Concepto", "Valor"]]
    # Most values are amounts and ratios: right-aligned, their decimals line up.
    rows += [[para(esc(x.label), "cell"), para(esc(x.value), "cell_right")] for x in lines]
    table = grid(rows, [Share(2.0), Share(1.0)], right=[1], split_in_row=True)
    return [table, Spacer(1, 6)]


def strategy(ctx: Context) -> list[Flowable]:
    sections = [s for s in ctx.data.strategy if s.text.strip()]
    if not sections:
        return _none()
    out: list[Flowable] = []
    for section in sections:
        out.append(para(esc(section.title), "subheading"))
        out += text_paragraphs(section.text)
    return out


def agreement(ctx: Context) -> list[Flowable]:
    data = ctx.data
    text = f"Convenio No. <b>{esc(data.agreement_number)}</b>"
    if data.agreement_status.strip():
        text += f", en estado <b>{esc(agreement_status(data.agreement_status))}</b>"
    if data.breakdown is not None and data.breakdown.discount > 0:
        text += f", con un descuento del {percent(data.breakdown.discount_pct)}"
    return [para(f"{text}.")]


def approvals(ctx: Context) -> list[Flowable]:
    if not ctx.data.approvals:
        return _none()
    rows: list[list[object]] = [["Fecha", "Paso", "Por", "Nivel requerido", "Comentario"]]
    for a in ctx.data.approvals:
        rows.append(
            [
                _moment(a.occurred_at),
                para(esc(label(a.action)), "cell"),
                para(esc(a.user_name), "cell"),
                para(esc(label(a.required_level)) or "—", "cell"),
                text_paragraphs(a.comment, "cell") or "",
            ]
        )
    columns = [FIT, Share(1.0), Share(1.2), Share(0.9), Share(2.4)]
    return [grid(rows, columns, split_in_row=True), Spacer(1, 6)]


def documents(ctx: Context) -> list[Flowable]:
    if not ctx.data.documents_sent:
        return _none()
    rows: list[list[object]] = [["Documento", "Número", "Generado", "SHA-256"]]
    for d in ctx.data.documents_sent:
        rows.append(
            [
                para(esc(kind_label(d.kind)), "cell"),
                para(esc(d.number), "cell"),
                _moment(d.generated_at),
                _hash(d.sha256),
            ]
        )
    columns = [Share(1.2), Share(1.0), FIT, FIT]
    return [grid(rows, columns, split_in_row=True), Spacer(1, 6)]


def _hash(sha256: str) -> Paragraph:
    """A SHA-256 on two lines of 32 characters: whole on one line it is wider than the room
    the other columns leave, and a hash broken anywhere else is hard to compare."""
    half = (len(sha256) + 1) // 2
    return para(f"{esc(sha256[:half])}<br/>{esc(sha256[half:])}", "hash")


def recommendation(ctx: Context) -> list[Flowable]:
    return text_paragraphs(ctx.data.recommendation)


BUILDERS: dict[str, Callable[[Context], list[Flowable]]] = {
    "summary": summary,
    "obligations": obligations,
    "contacts": contacts,
    "promises": promises,
    "financial": financial,
    "strategy": strategy,
    "agreement": agreement,
    "approvals": approvals,
    "documents": documents,
    "recommendation": recommendation,
}
