"""The kinds of letter (``--kind``) and whom each is addressed to (LETTERS.md)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

PROPUESTA = "propuesta"
CONVENIO = "convenio"
REQUERIMIENTO = "requerimiento"
RECORDATORIO = "recordatorio"
FINIQUITO = "finiquito"
EXPEDIENTE = "expediente"

KINDS: tuple[str, ...] = (PROPUESTA, CONVENIO, REQUERIMIENTO, RECORDATORIO, FINIQUITO, EXPEDIENTE)

# Letters the debtor receives: they identify the collector and say where to complain.
TO_DEBTOR = frozenset({PROPUESTA, CONVENIO, REQUERIMIENTO, RECORDATORIO, FINIQUITO})

# The kinds' names as the letters and the file names write them.
TITLES: Mapping[str, str] = MappingProxyType(
    {
        PROPUESTA: "Propuesta de arreglo de pago",
        CONVENIO: "Convenio de pago",
        REQUERIMIENTO: "Requerimiento de pago",
        RECORDATORIO: "Recordatorio de pago",
        FINIQUITO: "Carta finiquito",
        EXPEDIENTE: "Expediente para jurídico",
    }
)
