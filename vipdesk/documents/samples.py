"""Realistic sample letters, for the tests, the benchmark and screenshots: a Guatemalan case in
quetzales (``sample_letter``) and a Mexican one in pesos (``sample_letter(kind, "MX")``).

Fictitious people and companies; the amounts add up (the schedule comes from
core.schedule.build_schedule), so every kind passes the renderer's checks as it is.
"""

from __future__ import annotations

import dataclasses
import struct
import zlib
from datetime import date, timedelta
from decimal import Decimal

from vipdesk.core.schedule import build_schedule
from vipdesk.documents import kinds
from vipdesk.documents.sample_cases import guatemalan_case, mexican_case
from vipdesk.documents.snapshot import (
    LetterData,
    Letterhead,
    PaymentTerms,
    ScheduleLine,
)


def sample_letterhead(country: str = "GT", *, logo: bool = True) -> Letterhead:
    """The collector's letterhead in Guatemala ("GT") or Mexico ("MX")."""
    image = sample_logo() if logo else None
    if country == "MX":
        return Letterhead(
            trade_name="Cobranza Patrimonial VIP",
            legal_name="Cobranza Patrimonial VIP, S.A. de C.V.",
            tax_id="CPV150312AB4",
            address="Av. Paseo de la Reforma 250, piso 12, col. Juárez, 06600",
            city="Ciudad de México",
            phone="55 5128 4400",
            email="contacto@cobranzavip.mx",
            website="www.cobranzavip.mx",
            complaints="Unidad Especializada de Atención a Usuarios de Cobranza Patrimonial VIP, "
            "55 5128 4499, une@cobranzavip.mx; o bien CONDUSEF, 55 5340 0999, "
            "www.condusef.gob.mx",
            country="MX",
            logo=image,
        )
    return Letterhead(
        trade_name="Recuperaciones Patrimoniales",
        legal_name="Recuperaciones Patrimoniales de Centroamérica, S.A.",
        tax_id="8765432-1",
        address="Diagonal 6, 10-01, zona 10, Centro Gerencial Las Margaritas, torre II, of. 802",
        city="Ciudad de Guatemala",
        phone="+502 2385 7700",
        email="servicio@recuperaciones.com.gt",
        website="www.recuperaciones.com.gt",
        complaints="Atención al Cliente de Recuperaciones Patrimoniales, +502 2385 7799, "
        "quejas@recuperaciones.com.gt; o bien la Dirección de Atención y Asistencia al "
        "Consumidor (DIACO), teléfono 1544, www.diaco.gob.gt",
        country="GT",
        logo=image,
    )


def sample_logo() -> bytes:
    """A small PNG mark (two squares in the letterhead's blue), made here so that no binary
    file is needed."""
    width, height = 96, 64
    rows = []
    for y in range(height):
        row = bytearray([0])  # filter: none
        for x in range(width):
            inside = (8 <= x < 44 and 10 <= y < 54) or (52 <= x < 88 and 22 <= y < 54)
            row += bytes((31, 58, 95) if inside else (255, 255, 255))
        rows.append(bytes(row))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"".join(rows), 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def _schedule(
    to_pay: Decimal, down: Decimal, installments: int, first: date, rate: Decimal
) -> tuple[ScheduleLine, ...]:
    rows = build_schedule(
        to_pay,
        rate,
        installments,
        first,
        "monthly",
        "french",
        down,
        down_payment_date=first - timedelta(days=30),
    )
    return tuple(
        ScheduleLine(r.number, r.due_date, r.payment, r.principal, r.interest, r.balance)
        for r in rows
    )


def sample_letter(kind: str, country: str = "GT", *, installments: int = 36) -> LetterData:
    """A complete letter of ``kind`` for a company debtor with a guarantor; ``installments``
    sets the length of the payment schedule."""
    data = mexican_case() if country == "MX" else guatemalan_case()
    data = dataclasses.replace(data, kind=kind, number=f"{_PREFIX[kind]}-2026-000147")
    b = data.breakdown
    assert b is not None
    first = date(2027, 1, 15)
    down = Decimal("150000.00") if country == "GT" else Decimal("600000.00")
    terms = PaymentTerms(
        down_payment=down,
        down_payment_date=first - timedelta(days=30),
        installments=installments,
        frequency="monthly",
        annual_rate=Decimal("0.12"),
        first_due=first,
        grace_days=5,
        late_rate=Decimal("0.24"),
        acceleration_days=90,
        full_settlement=True,
        offer_valid_until=date(2026, 12, 7),
    )
    schedule = _schedule(b.to_pay, down, installments, first, Decimal("0.12"))
    if kind in (kinds.PROPUESTA, kinds.CONVENIO, kinds.EXPEDIENTE):
        data = dataclasses.replace(data, terms=terms, schedule=schedule)
    if kind == kinds.REQUERIMIENTO:
        data = dataclasses.replace(data, deadline=date(2026, 11, 30))
    if kind == kinds.RECORDATORIO:
        data = dataclasses.replace(
            data,
            reminder_amount=schedule[3].payment,
            reminder_due=schedule[3].due_date,
            reminder_for="la cuota No. 3 del convenio de pago CNV-2026-0031",
            issued_on=schedule[3].due_date - timedelta(days=5),
        )
    if kind == kinds.FINIQUITO:
        paid = [
            dataclasses.replace(
                o,
                principal=Decimal("0.00"),
                interest=Decimal("0.00"),
                default_interest=Decimal("0.00"),
                fees=Decimal("0.00"),
                balance=Decimal("0.00"),
                days_past_due=0,
            )
            for o in data.obligations
        ]
        data = dataclasses.replace(
            data, breakdown=None, obligations=tuple(paid), paid_in_full_on=date(2026, 11, 18)
        )
    return data


_PREFIX = {
    kinds.PROPUESTA: "PRO",
    kinds.CONVENIO: "CNV",
    kinds.REQUERIMIENTO: "REQ",
    kinds.RECORDATORIO: "REC",
    kinds.FINIQUITO: "FIN",
    kinds.EXPEDIENTE: "EXP",
}
