"""The two sample cases behind documents/samples.py: a Guatemalan company in quetzales and a
Mexican one in pesos, each with a guarantor or representative, contact history, promises,
analysis, strategy and an approved agreement. Fictitious people and companies."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

from vipdesk.documents import kinds
from vipdesk.documents.snapshot import (
    AmountBreakdown,
    ApprovalLine,
    ContactLine,
    LetterData,
    ObligationLine,
    PartyData,
    PromiseLine,
    SentDocumentLine,
    SummaryLine,
    TextSection,
)

ISSUED = date(2026, 11, 22)
GT_TIME = timezone(timedelta(hours=-6), "CST")
MX_TIME = timezone(timedelta(hours=-6), "CST")


def _breakdown(
    principal: str, interest: str, default: str, fees: str, discount: str, fee: str = "Q 350.00"
) -> AmountBreakdown:
    parts = [Decimal(x) for x in (principal, interest, default, fees)]
    total = sum(parts, Decimal("0.00"))
    cut = Decimal(discount)
    share = (cut / total).quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)
    return AmountBreakdown(
        principal=parts[0],
        interest=parts[1],
        default_interest=parts[2],
        fees=parts[3],
        total=total,
        discount=cut,
        discount_pct=share,
        to_pay=total - cut,
        principal_note="Saldo insoluto de capital al 31 de octubre de 2026.",
        interest_note="Tasa anual de 16.50 % sobre saldos insolutos del 1 de marzo al 31 de "
        "octubre de 2026 (244 días, base 365).",
        default_interest_note="Tasa anual de 24.00 % sobre el capital vencido de cada cuota "
        "desde su vencimiento.",
        fees_note=f"Comisiones por pago tardío ({fee} por mes) y gastos de cobranza pactados.",
    )


def guatemalan_case() -> LetterData:
    breakdown = _breakdown("1185000.00", "96450.25", "38120.75", "4550.00", "198018.15")
    tz = GT_TIME
    return LetterData(
        kind=kinds.PROPUESTA,
        number="",
        case_number="VIP-000157",
        place="Ciudad de Guatemala",
        issued_on=ISSUED,
        currency="GTQ",
        debtor=PartyData(
            "debtor",
            "Agroexportadora Los Volcanes, S.A.",
            "NIT 3456789-2",
            "",
            "5a. avenida 15-45, zona 10, edificio Centro Empresarial, torre I, nivel 7, "
            "Ciudad de Guatemala",
        ),
        parties=(
            PartyData(
                "creditor",
                "Lcda. María Fernanda Ochoa Rivas",
                "DPI 2456 78901 0101",
                "Mandataria especial con representación de Banco Comercial del Istmo, S.A.",
            ),
            PartyData(
                "legal_representative",
                "Ing. Julio César Méndez Arriaga",
                "DPI 1987 65432 0101",
                "Gerente General y Representante Legal de Agroexportadora Los Volcanes, S.A.",
            ),
            PartyData(
                "guarantor",
                "Julio César Méndez Arriaga",
                "DPI 1987 65432 0101",
                "fiador solidario",
                "12 calle 3-25, zona 14, Ciudad de Guatemala",
            ),
        ),
        executive_name="Ana Lucía Pérez Girón",
        executive_phone="+502 2385 7712",
        executive_email="ana.perez@recuperaciones.com.gt",
        creditor_name="Banco Comercial del Istmo, S.A.",
        bank_name="Banco Comercial del Istmo, S.A.",
        bank_account="Cuenta monetaria en quetzales No. 03-099-004512-7",
        credit_number="PRE-2019-004512",
        obligation_origin="el contrato de préstamo mercantil No. PRE-2019-004512, celebrado "
        "el 14 de marzo de 2019",
        balance_as_of=date(2026, 10, 31),
        breakdown=breakdown,
        agreement_number="CNV-2026-0031",
        agreement_status="approved",
        jurisdiction="los tribunales del ramo civil del departamento de Guatemala",
        case_status="negotiating",
        exposure=breakdown.total,
        days_past_due=214,
        obligations=(
            ObligationLine(
                "PRE-2019-004512",
                "Préstamo mercantil",
                "Contrato No. PRE-2019-004512",
                date(2019, 3, 14),
                Decimal("1185000.00"),
                Decimal("96450.25"),
                Decimal("38120.75"),
                Decimal("4550.00"),
                breakdown.total,
                214,
                "Hipoteca en primer grado sobre finca rústica No. 1452, folio 88, "
                "libro 240 de Escuintla; avalúo de Q 1,650,000.00 (2024).",
            ),
        ),
        contacts=(
            ContactLine(
                datetime(2026, 9, 3, 10, 15, tzinfo=tz),
                "call",
                "outbound",
                "contacted",
                "Ing. Julio César Méndez",
                "Reconoce el adeudo. Explica que la caída del "
                "precio del café redujo sus ventas un 30 % y pide un plan a 36 meses.",
                "Ana Lucía Pérez",
            ),
            ContactLine(
                datetime(2026, 9, 17, 16, 40, tzinfo=tz),
                "visit",
                "outbound",
                "promise",
                "Ing. Julio César Méndez",
                "Visita a la finca. Entrega "
                "estados financieros 2024-2025 y promete Q 75,000.00 para el 30/09.",
                "Ana Lucía Pérez",
            ),
            ContactLine(
                datetime(2026, 10, 2, 9, 5, tzinfo=tz),
                "email",
                "inbound",
                "contacted",
                "Contabilidad",
                "Envía comprobante de transferencia por "
                "Q 40,000.00; el resto, con la cosecha de diciembre.",
                "Ana Lucía Pérez",
            ),
        ),
        promises=(
            PromiseLine(
                date(2026, 9, 17),
                date(2026, 9, 30),
                Decimal("75000.00"),
                "partially_kept",
                Decimal("40000.00"),
                "Pago parcial el 02/10.",
            ),
        ),
        financial_summary=(
            SummaryLine("Razón corriente (2025)", "0.84"),
            SummaryLine("Deuda / EBITDA (2025)", "5.6 veces"),
            SummaryLine("Flujo de caja libre mensual estimado", "Q 61,300.00"),
            SummaryLine("Pago sostenible (50 % del flujo libre)", "Q 30,650.00 al mes"),
            SummaryLine("Valor de remate de la garantía", "Q 1,155,000.00"),
        ),
        strategy=(
            TextSection(
                "Situación",
                "Empresa agroexportadora con ventas estacionales y "
                "liquidez ajustada; mantiene voluntad de pago.",
            ),
            TextSection(
                "Objetivo",
                "Recuperar el capital íntegro en un plazo no mayor de 36 "
                "meses, con un enganche que muestre compromiso.",
            ),
            TextSection(
                "Nuestra alternativa",
                "Ejecución hipotecaria: valor presente esperado "
                "de Q 812,000.00 en 30 meses, con costas de Q 95,000.00.",
            ),
        ),
        approvals=(
            ApprovalLine(
                datetime(2026, 11, 12, 11, 0, tzinfo=tz),
                "submit",
                "Ana Lucía Pérez Girón",
                "Plan a 36 meses con enganche de Q 150,000.00.",
                "manager",
            ),
            ApprovalLine(
                datetime(2026, 11, 13, 17, 30, tzinfo=tz),
                "approve",
                "Roberto Castañeda (gerente)",
                "Autorizado: la quita no supera el capital y el enganche reduce el riesgo.",
                "manager",
            ),
        ),
        documents_sent=(
            SentDocumentLine(
                "propuesta", "PRO-2026-000131", datetime(2026, 11, 5, 9, 12, tzinfo=tz), "5f0c" * 16
            ),
            SentDocumentLine(
                "requerimiento",
                "REQ-2026-000088",
                datetime(2026, 8, 20, 15, 2, tzinfo=tz),
                "a9e1" * 16,
            ),
        ),
        recommendation="Formalizar el convenio CNV-2026-0031 autorizado. Si el deudor incumple "
        "dos cuotas consecutivas, iniciar la ejecución hipotecaria sobre la finca No. 1452, "
        "cuyo valor de remate cubre el saldo de capital.",
    )


def mexican_case() -> LetterData:
    gt = guatemalan_case()
    breakdown = _breakdown(
        "4750000.00", "386200.40", "152300.35", "18000.00", "806500.75", "$ 1,500.00"
    )
    tz = MX_TIME
    return dataclasses.replace(
        gt,
        case_number="VIP-000012",
        place="Ciudad de México",
        currency="MXN",
        debtor=PartyData(
            "debtor",
            "Distribuidora Müller & Söhne <Norte>, S.A. de C.V.",
            "RFC DMS080415KT2",
            "",
            "Blvd. Manuel Ávila Camacho 1994, piso 5, col. San Lucas Tepetlacalco, "
            "Tlalnepantla de Baz, Estado de México, C.P. 54055",
        ),
        parties=(
            PartyData(
                "creditor",
                "Lic. Rodrigo Alejandro Ibarra Solís",
                "INE 1234567890123",
                "Apoderado legal de Financiera Industrial del Bajío, S.A. de C.V., SOFOM, E.R.",
            ),
            PartyData(
                "legal_representative",
                "C.P. Gabriela Torres Lozano",
                "INE 9876543210987",
                "Administradora única",
            ),
        ),
        executive_name="Luis Fernando Robles Aguirre",
        executive_phone="55 5128 4417",
        executive_email="luis.robles@cobranzavip.mx",
        creditor_name="Financiera Industrial del Bajío, S.A. de C.V., SOFOM, E.R.",
        bank_name="BBVA México, S.A.",
        bank_account="CLABE 012180001234567891",
        credit_number="CS-2020-7781",
        obligation_origin="el contrato de crédito simple No. CS-2020-7781 de fecha 2 de julio "
        "de 2020",
        breakdown=breakdown,
        exposure=breakdown.total,
        jurisdiction="los tribunales competentes de la Ciudad de México, con renuncia a "
        "cualquier otro fuero que pudiera corresponderles por razón de su domicilio",
        obligations=(
            dataclasses.replace(
                gt.obligations[0],
                credit_number="CS-2020-7781",
                product="Crédito simple",
                contract="Contrato No. CS-2020-7781",
                opened_on=date(2020, 7, 2),
                principal=Decimal("4750000.00"),
                interest=Decimal("386200.40"),
                default_interest=Decimal("152300.35"),
                fees=Decimal("18000.00"),
                balance=breakdown.total,
                collateral="Prenda sin transmisión de posesión sobre "
                "inventario y cuentas por cobrar.",
            ),
        ),
        contacts=(
            ContactLine(
                datetime(2026, 10, 6, 12, 30, tzinfo=tz),
                "call",
                "outbound",
                "contacted",
                "C.P. Gabriela Torres",
                "Reconoce el adeudo; la pérdida "
                "de un cliente mayorista redujo sus ventas. Pide plazo de 36 meses.",
                "Luis Fernando Robles",
            ),
        ),
        promises=(
            PromiseLine(
                date(2026, 10, 6),
                date(2026, 10, 20),
                Decimal("250000.00"),
                "kept",
                Decimal("250000.00"),
            ),
        ),
        financial_summary=(
            SummaryLine("Razón corriente (2025)", "1.12"),
            SummaryLine("Flujo de caja libre mensual estimado", "$ 298,000.00"),
        ),
        strategy=(
            TextSection(
                "Objetivo", "Recuperar el capital en 36 meses con enganche de $ 600,000.00."
            ),
        ),
        approvals=(
            ApprovalLine(
                datetime(2026, 11, 10, 10, 0, tzinfo=tz),
                "submit",
                "Luis Fernando Robles Aguirre",
                "",
                "manager",
            ),
            ApprovalLine(
                datetime(2026, 11, 11, 18, 5, tzinfo=tz),
                "approve",
                "Patricia Elizondo (gerente)",
                "Autorizado.",
                "manager",
            ),
        ),
        documents_sent=(),
        recommendation="Formalizar el convenio autorizado; si se incumplen dos cuotas, "
        "ejecutar la prenda sobre el inventario.",
    )
