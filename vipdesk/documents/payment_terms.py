"""The ``[[terms]]`` block: how the amount is paid, as a proposal offers it and an agreement
states it.

Counts agree with their nouns: "doce (12) cuotas mensuales", "una (1) cuota"; one payment reads
as one ("un (1) pago único el 15 de enero de 2027"), with no first and last instalment and no
interest rate on a balance that never runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, KeepTogether, Spacer

from vipdesk.documents.labels import FREQUENCIES
from vipdesk.documents.snapshot import ScheduleLine
from vipdesk.documents.styles import key_values
from vipdesk.documents.wording import counted, long_date, percent

if TYPE_CHECKING:
    from vipdesk.documents.blocks import Context


def terms(ctx: Context) -> list[Flowable]:
    data, t = ctx.data, ctx.data.terms
    rows: list[tuple[str, str]] = []
    if data.breakdown is not None:
        rows.append(("Monto a pagar", ctx.money(data.breakdown.to_pay)))
    regular = [row for row in data.schedule if row.number > 0]
    several = (t.installments or 0) > 1
    if t.down_payment:
        when = f" el {long_date(t.down_payment_date)}" if t.down_payment_date else ""
        rows.append(("Enganche", f"{ctx.money(t.down_payment)}{when}"))
    rows += _instalments(ctx, regular) if several else _single_payment(ctx, regular)
    if several and t.annual_rate is not None:
        rate = (
            f"{percent(t.annual_rate)} sobre saldos insolutos" if t.annual_rate else "sin intereses"
        )
        rows.append(("Tasa de interés anual", rate))
    if t.grace_days:
        rows.append(("Días de gracia por pago", counted(t.grace_days, "día", "días")))
    # One payment (after an enganche or not) is a payment, not an instalment.
    late = "cuotas vencidas" if several else "pagos vencidos"
    if t.late_rate is not None:
        rows.append(("Interés moratorio", f"{percent(t.late_rate)} anual sobre {late}"))
    if t.acceleration_days is not None:
        days = counted(t.acceleration_days, "día", "días")
        which = "cualquier cuota" if several else "cualquier pago" if t.down_payment else "el pago"
        rows.append(("Vencimiento anticipado", f"tras {days} de atraso en {which}"))
    rows.append(
        (
            "Tipo de arreglo",
            "Liquidación total (finiquito)" if t.full_settlement else "Pago parcial",
        )
    )
    if t.offer_valid_until is not None and data.kind == "propuesta":
        rows.append(("Vigencia de la oferta", f"hasta el {long_date(t.offer_valid_until)}"))
    return [KeepTogether(key_values(rows, 190.0)), Spacer(1, 8)]


def _instalments(ctx: Context, regular: list[ScheduleLine]) -> list[tuple[str, str]]:
    """Several instalments: how many ("doce (12) cuotas mensuales"), each one's amount, and
    the first and last due dates."""
    t = ctx.data.terms
    number = t.installments or 0
    adjective = FREQUENCIES.get(t.frequency, ("", ""))[1]
    rows = [("Forma de pago", f"{counted(number, 'cuota', 'cuotas', feminine=True)} {adjective}")]
    # The last instalment may differ by the cents of rounding; any other difference (a plan
    # with constant principal, months of interest only) makes one figure misleading.
    payments = {row.payment for row in regular[:-1]} or {row.payment for row in regular}
    if len(payments) == 1:
        rows.append(("Cuota", ctx.money(regular[0].payment)))
    elif regular:
        low, high = (ctx.money(f(row.payment for row in regular)) for f in (min, max))
        rows.append(("Cuotas", f"variables, de {low} a {high}, según el calendario"))
    if t.first_due is not None:
        rows.append(("Primera cuota", long_date(t.first_due)))
    if regular:
        rows.append(("Última cuota", long_date(regular[-1].due_date)))
    return [(k, v.strip()) for k, v in rows]


def _single_payment(ctx: Context, regular: list[ScheduleLine]) -> list[tuple[str, str]]:
    """One payment: "un (1) pago único el 15 de enero de 2027"; after an enganche, "una (1)
    cuota el …" and its amount (which then is not the amount to pay)."""
    t = ctx.data.terms
    day = regular[0].due_date if regular else t.first_due
    when = f" el {long_date(day)}" if day is not None else ""
    if not t.down_payment:
        return [("Forma de pago", f"{counted(1, 'pago único', 'pagos únicos')}{when}")]
    rows = [("Forma de pago", f"{counted(1, 'cuota', 'cuotas', feminine=True)}{when}")]
    if regular:
        rows.append(("Cuota", ctx.money(regular[0].payment)))
    return rows
