"""The ``[[blocks]]`` of the letters to the debtor: tables and generated parts (the parties of
an agreement, its signature blocks, the collector's identification...). The dossier's blocks
are in documents/dossier.py.

Every user string goes through ``esc`` before it reaches a Paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    Spacer,
    Table,
)

from vipdesk.documents import dossier, kinds, payment_terms
from vipdesk.documents.columns import FIT, Share
from vipdesk.documents.labels import PARTY_TERMS
from vipdesk.documents.placeholders import TAX_ID_LABELS, creditor
from vipdesk.documents.snapshot import LetterData, Letterhead, PartyData
from vipdesk.documents.styles import (
    ACCENT,
    FRAME_WIDTH,
    RULE,
    esc,
    esc_lines,
    grid,
    key_values,
    para,
    plain_style,
    text_paragraphs,
)
from vipdesk.documents.wording import (
    account_only,
    figures,
    one_line,
    percent,
    short_date,
)


@dataclass(frozen=True)
class Context:
    data: LetterData
    head: Letterhead

    def money(self, amount: Decimal) -> str:
        return figures(amount, self.data.currency)


Builder = Callable[[Context], list[Flowable]]

_DEFAULT_NOTES = {
    "principal": "Saldo insoluto de capital a la fecha del corte.",
    "interest": "Intereses ordinarios devengados y no pagados, a la tasa pactada en el contrato.",
    "default_interest": "Intereses moratorios sobre el capital vencido, a la tasa moratoria "
    "pactada en el contrato.",
    "fees": "Comisiones y gastos pactados en el contrato.",
}


def addressee(ctx: Context) -> list[Flowable]:
    debtor = ctx.data.debtor
    lines = [f"<b>{esc(debtor.name)}</b>"]
    for rep in _parties(ctx, "legal_representative"):
        lines.append(f"Atención: {esc(rep.name)}, {esc(rep.capacity or 'Representante legal')}")
    if debtor.address.strip():
        lines.append(esc_lines(debtor.address))
    lines.append("Presente.")
    return [para("<br/>".join(lines), "left"), Spacer(1, 4)]


def _parties(ctx: Context, role: str) -> list[PartyData]:
    return [p for p in ctx.data.parties if p.role == role]


def _identified(party: PartyData) -> str:
    parts = []
    if party.id_document.strip():
        parts.append(f"quien se identifica con {esc(party.id_document)}")
    if party.address.strip():
        parts.append(f"con domicilio en {esc(one_line(party.address))}")
    return ", ".join(parts)


def parties(ctx: Context) -> list[Flowable]:
    data = ctx.data
    out = []
    signers = _parties(ctx, "creditor")
    who = "; ".join(
        f"<b>{esc(p.name)}</b>, {_identified(p)}, en su calidad de {esc(p.capacity or 'apoderado')}"
        for p in signers
    )
    represented = f", representada en este acto por {who}" if who else ""
    out.append(
        f"Por una parte, <b>{esc(creditor(data, ctx.head))}</b>{represented}, a quien en lo "
        "sucesivo se denominará «EL ACREEDOR»;"
    )
    debtor = f"Por otra parte, <b>{esc(data.debtor.name)}</b>"
    if _identified(data.debtor):
        debtor += f", {_identified(data.debtor)}"
    for rep in _parties(ctx, "legal_representative"):
        capacity = esc(rep.capacity or "representante legal")
        debtor += f", representada en este acto por <b>{esc(rep.name)}</b>, {_identified(rep)}, "
        debtor += f"en su calidad de {capacity}"
    out.append(f"{debtor}, a quien en lo sucesivo se denominará «EL DEUDOR»;")
    for role in ("co_debtor", "guarantor"):
        term, plain = PARTY_TERMS[role]
        for party in _parties(ctx, role):
            text = f"<b>{esc(party.name)}</b>"
            if _identified(party):
                text += f", {_identified(party)}"
            text += f", en su calidad de {esc(party.capacity or plain.lower())}"
            out.append(f"{text}, a quien en lo sucesivo se denominará «{term}»;")
    out[-1] = out[-1].rstrip(";") + "."
    return [para(text, "party") for text in out]


def breakdown(ctx: Context) -> list[Flowable]:
    b = ctx.data.breakdown
    assert b is not None  # render checks the block's data first
    cell = "cell"
    rows: list[list[object]] = [["Concepto", "Cómo se calculó", "Monto"]]
    for name, label in (
        ("principal", "Capital"),
        ("interest", "Intereses ordinarios"),
        ("default_interest", "Intereses moratorios"),
        ("fees", "Comisiones y otros cargos"),
    ):
        note = getattr(b, f"{name}_note").strip()
        rows.append(
            [
                label,
                para(esc(note) if note else _DEFAULT_NOTES[name], cell),
                ctx.money(getattr(b, name)),
            ]
        )
    rows.append(["Total adeudado", "", ctx.money(b.total)])
    emphasis = [len(rows) - 1]
    # A demand claims the whole debt: a discount is a term offered or agreed, not owed.
    if b.discount > 0 and ctx.data.kind != kinds.REQUERIMIENTO:
        rows.append(
            [
                "Descuento (quita)",
                f"{percent(b.discount_pct)} del total adeudado",
                ctx.money(-b.discount),
            ]
        )
        rows.append(["Monto a pagar", "", ctx.money(b.to_pay)])
        emphasis.append(len(rows) - 1)
    table = grid(rows, [FIT, Share(), FIT], right=[2], emphasis=emphasis, zebra=False)
    return [KeepTogether(table), Spacer(1, 8)]


def schedule(ctx: Context) -> list[Flowable]:
    data = ctx.data
    rows: list[list[object]] = [["No.", "Fecha de pago", "Cuota", "Capital", "Intereses", "Saldo"]]
    for line in data.schedule:
        rows.append(
            [
                "Enganche" if line.number == 0 else str(line.number),
                short_date(line.due_date),
                ctx.money(line.payment),
                ctx.money(line.principal),
                ctx.money(line.interest),
                ctx.money(line.balance),
            ]
        )
    totals = [
        sum((getattr(r, n) for r in data.schedule), Decimal("0.00"))
        for n in ("payment", "principal", "interest")
    ]
    rows.append(["Total", "", *(ctx.money(v) for v in totals), ""])
    columns = [FIT, FIT, Share(), Share(), Share(), Share()]
    table = grid(rows, columns, right=[2, 3, 4, 5], emphasis=[len(rows) - 1])
    return [table, Spacer(1, 8)]


def payment(ctx: Context) -> list[Flowable]:
    data = ctx.data
    rows = [
        ("Banco", data.bank_name),
        ("Cuenta No.", account_only(data.bank_account, data.bank_name)),
        ("A nombre de", creditor(data, ctx.head)),
        ("Referencia", f"Crédito No. {data.credit_number}"),
    ]
    return [KeepTogether(key_values(rows, 120.0)), Spacer(1, 8)]


def notes(ctx: Context) -> list[Flowable]:
    return text_paragraphs(ctx.data.notes)


def sender(ctx: Context) -> list[Flowable]:
    lines = f"<b>{esc(ctx.data.executive_name)}</b><br/>Gestión de cobranza<br/>"
    lines += esc(ctx.head.trade_name)
    return [KeepTogether([Spacer(1, 26), _signature_line(), para(lines, "left")])]


def _signature_line() -> HRFlowable:
    return HRFlowable(width=190, thickness=0.6, color=ACCENT, hAlign="LEFT", spaceAfter=3)


def collector(ctx: Context) -> list[Flowable]:
    data, head = ctx.data, ctx.head
    company = f"{head.trade_name} ({head.legal_name}), {TAX_ID_LABELS[head.country]} {head.tax_id}"
    phones = data.executive_phone.strip()
    if head.phone.strip() and head.phone.strip() != phones:
        phones += f" / {head.phone.strip()}"
    rows = [
        ("Empresa que realiza la cobranza", company),
        ("Gestor(a) responsable", data.executive_name),
        ("Domicilio", ", ".join(x for x in (head.address.strip(), head.city.strip()) if x)),
        ("Teléfono y correo", f"{phones} · {data.executive_email.strip()}"),
    ]
    if head.website.strip():
        rows.append(("Sitio web", head.website))
    rows.append(("Quejas y aclaraciones", head.complaints))
    title = para("Identificación de quien realiza la gestión de cobro", "subheading")
    return [KeepTogether([Spacer(1, 8), title, key_values(rows, 140.0, compact=True)])]


def signatures(ctx: Context) -> list[Flowable]:
    data = ctx.data
    blocks = []
    for signer in _parties(ctx, "creditor"):
        blocks.append(_signature(signer, f"Por EL ACREEDOR, {esc(signer.capacity or 'apoderado')}"))
    representatives = _parties(ctx, "legal_representative")
    if representatives:
        for rep in representatives:
            blocks.append(_signature(rep, f"Por EL DEUDOR, {esc(data.debtor.name)}"))
    else:
        blocks.append(_signature(data.debtor, "EL DEUDOR"))
    for role in ("co_debtor", "guarantor"):
        for party in _parties(ctx, role):
            blocks.append(_signature(party, PARTY_TERMS[role][0]))
    pairs = [blocks[i : i + 2] for i in range(0, len(blocks), 2)]
    if len(pairs[-1]) == 1:
        pairs[-1].append([])
    half = FRAME_WIDTH / 2
    table = Table(pairs, colWidths=[half, half], hAlign="LEFT")
    table.setStyle(
        plain_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 18),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 14),
            ]
        )
    )
    title = para("Firmas", "heading")
    return [KeepTogether([title, table])]


def _signature(party: PartyData, caption: str) -> list[Flowable]:
    lines = [f"<b>{esc(party.name)}</b>"]
    if party.id_document.strip():
        lines.append(esc(party.id_document))
    lines.append(caption)
    lines.append("Fecha: ______________________")
    return [
        Spacer(1, 34),
        HRFlowable(width="92%", thickness=0.6, color=RULE, hAlign="LEFT", spaceAfter=3),
        para("<br/>".join(lines), "left"),
    ]


BUILDERS: Mapping[str, Builder] = MappingProxyType(
    {
        "addressee": addressee,
        "parties": parties,
        "breakdown": breakdown,
        "terms": payment_terms.terms,
        "schedule": schedule,
        "payment": payment,
        "notes": notes,
        "sender": sender,
        "collector": collector,
        "signatures": signatures,
        **dossier.BUILDERS,
    }
)

# The data each block prints from: missing, the letter is refused naming the field.
BLOCK_NEEDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "addressee": ("debtor.name",),
        "breakdown": ("breakdown",),
        "terms": ("breakdown", "terms.first_due"),
        "schedule": ("schedule",),
        "payment": ("bank_name", "bank_account", "credit_number"),
        "sender": ("executive_name",),
        "collector": (
            "executive_name",
            "executive_phone",
            "executive_email",
            "letterhead.complaints",
        ),
        "recommendation": ("recommendation",),
        "agreement": ("agreement_number",),
    }
)
