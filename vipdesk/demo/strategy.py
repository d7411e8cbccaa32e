"""The negotiation strategy of the demo cases that have a financial analysis and something to
negotiate: one to three saved versions (each one refining the last) and a short decision log.

Texts are as services/strategy.py stores them (one entry per section), written in the voice of
an executive preparing a negotiation, with the case's own debtor, currency and exposure.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from vipdesk.core.money import Money, format_money
from vipdesk.demo.rows import DemoRandom, Row, new_uuid, office_time, stamp

_POSITIONS = (
    "Reconoce la deuda pero alega que la caída de ventas le impide pagar la cuota original.",
    "Pide una quita alta y plazo largo; dice contar con una oferta de refinanciamiento externa.",
    "Disputa los intereses moratorios y está dispuesto a pagar el capital en pocas cuotas.",
    "Quiere conservar la garantía a toda costa: es el activo principal de su operación.",
)
_CONSTRAINTS = (
    "Flujo de caja estacional: sus mejores meses son noviembre a enero.",
    "Tiene otras obligaciones bancarias en mora; cualquier pago compite con ellas.",
    "Su asesor legal recomienda no firmar nada sin revisar la tabla de pagos.",
)
_TALKING = (
    "- El convenio detiene el traslado a jurídico mientras se cumpla.\n"
    "- La quita solo se conserva si no hay atrasos mayores a 30 días.\n"
    "- Podemos ajustar la fecha de pago al ciclo de cobro de sus clientes.",
    "- El costo del proceso judicial también lo paga el deudor.\n"
    "- Un acuerdo hoy actualiza su historial en el buró al cumplirse.\n"
    "- El enganche muestra compromiso y habilita mejores condiciones.",
)
_RISKS = (
    "Que el deudor use la negociación para ganar tiempo y vender activos.",
    "Que el fiador no firme: sin él, el plazo máximo debe reducirse.",
    "Que el avalúo actualizado de la garantía sea menor al registrado.",
)
_DECISIONS = (
    "Se acordó con el supervisor no ofrecer quita mayor al 20 % sin enganche.",
    "El deudor aceptó reunirse con su contador para revisar la propuesta.",
    "Se solicitó estado de cuenta actualizado al área de operaciones.",
    "Se descartó la dación en pago: el bien tiene un gravamen anterior.",
    "Se envió la propuesta por correo; el deudor respondió que la analizará.",
)


@dataclass
class StrategyRows:
    versions: list[Row] = field(default_factory=list)
    decisions: list[Row] = field(default_factory=list)


def _pct(value: float) -> str:
    return f"{round(value * 100)} %"


class StrategyBuilder:
    def __init__(self, seed: int, as_of: date) -> None:
        self.rng = DemoRandom(f"vipdesk-demo-strategy-{seed}")
        self.as_of = as_of

    def sections(self, debtor: str, exposure: Money, version: int) -> dict[str, str]:
        rng = self.rng
        owed = format_money(exposure)
        floor = rng.randint(55, 75) / 100
        target = min(floor + rng.randint(10, 25) / 100, 0.98)
        sections = {
            "situation": (
                f"{debtor} adeuda {owed} con atraso sostenido. Los estados financieros muestran "
                "capacidad de pago limitada pero positiva; hay disposición a negociar."
            ),
            "objective": (
                f"Recuperar al menos el {_pct(target)} del saldo en un plazo no mayor a "
                f"{rng.choice((12, 18, 24))} meses, con enganche."
            ),
            "alternative": (
                "Vía judicial: ejecución de garantías con costo y plazo estimados en el análisis "
                "financiero; valor esperado inferior al de un convenio cumplido."
            ),
            "debtor_position": f"{rng.choice(_POSITIONS)}\n{rng.choice(_CONSTRAINTS)}",
            "concessions": (
                "1. Condonar intereses moratorios si paga enganche.\n"
                "2. Ampliar el plazo hasta 24 meses.\n"
                f"3. Quita adicional hasta llegar al {_pct(floor)} del saldo, solo con aval."
            ),
            "walk_away": f"Menos del {_pct(floor)} del saldo o sin enganche: trasladar a jurídico.",
            "talking_points": rng.choice(_TALKING),
            "risks": rng.choice(_RISKS),
        }
        if version > 1:
            sections["situation"] += (
                f"\nActualización v{version}: el deudor presentó flujo proyectado y pidió "
                "ajustar la fecha de la primera cuota."
            )
            sections["concessions"] += "\n4. Mover el día de pago al 15 de cada mes."
        return sections

    def build(
        self,
        case_id: uuid.UUID,
        debtor: str,
        exposure: Decimal,
        currency: str,
        executive_id: uuid.UUID,
        created: datetime,
    ) -> StrategyRows:
        rng = self.rng
        rows = StrategyRows()
        money = Money.of(exposure, currency)
        saved = created
        for version in range(1, rng.randint(1, 3) + 1):
            day = (saved + timedelta(days=rng.randint(1, 6))).date()
            saved = office_time(day, rng.randint(9 * 60, 17 * 60))
            row = stamp(new_uuid(rng), saved)
            row.update(
                case_id=case_id,
                version=version,
                sections=self.sections(debtor, money, version),
                user_id=executive_id,
                saved_at=saved,
                note="" if version == 1 else "Ajustes tras la última reunión con el deudor.",
            )
            rows.versions.append(row)
        for _ in range(rng.randint(1, 4)):
            day = self.as_of - timedelta(days=rng.randint(1, 40))
            when = office_time(day, rng.randint(8 * 60, 17 * 60))
            row = stamp(new_uuid(rng), when)
            row.update(
                case_id=case_id,
                decided_on=day,
                text=rng.choice(_DECISIONS),
                user_id=executive_id,
                recorded_at=when,
            )
            rows.decisions.append(row)
        return rows
