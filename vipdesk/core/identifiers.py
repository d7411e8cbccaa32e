"""Identifiers users check by eye: Guatemalan NIT and DPI, Mexican RFC and CURP.

Each ``normalize_*`` function accepts what people type (spaces, hyphens, lower case), returns the
one canonical spelling we store and compare, and raises ``ValidationError`` - never anything
else, whatever the input - with a message that names the problem.

Check characters: the NIT check character is enforced (it is in our spec and catches most typing
errors). The DPI/CUI check digit and the RFC/CURP verification digits are *not* enforced: their
rules are not part of our spec, and rejecting a real customer's document because of a
reimplemented rule would be worse than accepting a typo the executive can correct.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from vipdesk.core.catalog import Country, Segment
from vipdesk.core.errors import QT_TRANSLATE_NOOP, ValidationError

TAX_ID_FIELD = "tax_id"
ID_DOCUMENT_FIELD = "id_document"

# Longer than any identifier with generous separators; longer input is rejected before any work.
_MAX_INPUT = 64

NIT_EXAMPLE = "1234567-9"
RFC_COMPANY_EXAMPLE = "ABC850101AB1"
RFC_INDIVIDUAL_EXAMPLE = "GOMJ850101AB1"
CURP_EXAMPLE = "GOMJ800101HDFRRN09"

# The 32 states, plus NE ("nacido en el extranjero": born abroad).
# fmt: off
CURP_STATES: frozenset[str] = frozenset(
    {
        "AS", "BC", "BS", "CC", "CL", "CM", "CS", "CH", "DF", "DG", "GT",
        "GR", "HG", "JC", "MC", "MN", "MS", "NT", "NL", "OC", "PL", "QT",
        "QR", "SP", "SL", "SR", "TC", "TS", "TL", "VZ", "YN", "ZS", "NE",
    }
)
# fmt: on

_NIT = re.compile(r"([0-9]+)-?([0-9K])")
_CURP_CONSONANTS = re.compile(r"[B-DF-HJ-NP-TV-Z]{3}")


def _squeeze(
    text: object, field: str, empty_template: str, remove: str = "-", **params: str
) -> str:
    """NFC, upper case, no whitespace and no ``remove`` characters; empty or non-text rejected."""
    if not isinstance(text, str) or not text.strip():
        raise ValidationError.single(field, empty_template, **params)
    if len(text) > _MAX_INPUT:
        return text[: _MAX_INPUT + 1]  # too long for any identifier: fails the format checks
    compact = "".join(unicodedata.normalize("NFC", text).split()).upper()
    for char in remove:
        compact = compact.replace(char, "")
    return compact


def _real_date(yymmdd: str, century: int) -> bool:
    try:
        date(century + int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:6]))
    except ValueError:
        return False
    return True


# --- Guatemala: NIT ------------------------------------------------------------------------


def nit_check_character(body: str) -> str:
    """Check character of a NIT body: weights n+1 ... 2 from the left, 10 written as K."""
    if not (isinstance(body, str) and body.isascii() and body.isdigit() and 1 <= len(body) <= 12):
        raise ValueError(f"a NIT body is 1 to 12 digits, got {body!r}")
    n = len(body)
    total = sum(int(d) * (n + 1 - i) for i, d in enumerate(body))
    check = (11 - total % 11) % 11
    return "K" if check == 10 else str(check)


def normalize_nit(text: str, field: str = TAX_ID_FIELD) -> str:
    """Return the canonical ``BODY-C`` form ("1234567-9"); leading zeros of the body dropped."""
    compact = _squeeze(
        text,
        field,
        QT_TRANSLATE_NOOP("errors", "Enter the NIT, for example {example}"),
        remove="",
        example=NIT_EXAMPLE,
    )
    match = _NIT.fullmatch(compact)
    body = match.group(1).lstrip("0") if match else ""
    if match is None or not body:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "errors",
                "A NIT is digits followed by a check character (a digit or K),"
                " for example {example}",
            ),
            example=NIT_EXAMPLE,
        )
    if len(body) > 12:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "errors", "The NIT must have 1 to 12 digits before the check character"
            ),
        )
    if nit_check_character(body) != match.group(2):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "errors", "The NIT check character does not match the number; please verify it"
            ),
        )
    return f"{body}-{match.group(2)}"


# --- Guatemala: DPI (CUI) ------------------------------------------------------------------


def dpi_check_digit(first8: str) -> str:
    """Ninth digit of a CUI by the published rule: Σ d_i·(i+2) over the first 8 digits, mod 11.

    For the demo generator only; validation does not enforce it (see the module docstring).
    A result of 10 has no digit: no CUI is issued with such a serial, so ``ValueError`` is raised
    and the caller should pick another serial.
    """
    if not (isinstance(first8, str) and first8.isascii() and first8.isdigit() and len(first8) == 8):
        raise ValueError(f"expected 8 digits, got {first8!r}")
    check = sum(int(d) * (i + 2) for i, d in enumerate(first8)) % 11
    if check == 10:
        raise ValueError(f"no CUI check digit exists for serial {first8}")
    return str(check)


def normalize_dpi(text: str, field: str = ID_DOCUMENT_FIELD) -> str:
    """Return the 13 digits of a DPI (CUI) without separators."""
    compact = _squeeze(text, field, QT_TRANSLATE_NOOP("errors", "Enter the DPI (13 digits)"))
    if not (len(compact) == 13 and compact.isascii() and compact.isdigit()):
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("errors", "A DPI (CUI) has exactly 13 digits")
        )
    department = compact[9:11]
    if not 1 <= int(department) <= 22:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "errors", "The department code in the DPI ({code}) must be between 01 and 22"
            ),
            code=department,
        )
    return compact


# --- Mexico: RFC ---------------------------------------------------------------------------


def normalize_rfc(text: str, segment: Segment | None = None, field: str = TAX_ID_FIELD) -> str:
    """Upper case, no spaces or hyphens; 12 characters for a company, 13 for an individual.

    The homoclave's last character (a verification digit) is not checked; see the module note.
    """
    compact = _squeeze(text, field, QT_TRANSLATE_NOOP("errors", "Enter the RFC"))
    if segment == Segment.COMPANY and len(compact) != 12:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "errors",
                "A company RFC has 12 characters: 3 letters, the date (YYMMDD) and a"
                " 3-character homoclave, for example {example}",
            ),
            example=RFC_COMPANY_EXAMPLE,
        )
    if segment == Segment.INDIVIDUAL and len(compact) != 13:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "errors",
                "An individual's RFC has 13 characters: 4 letters, the date (YYMMDD) and a"
                " 3-character homoclave, for example {example}",
            ),
            example=RFC_INDIVIDUAL_EXAMPLE,
        )
    if len(compact) not in (12, 13):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "errors", "An RFC has 12 characters (companies) or 13 characters (individuals)"
            ),
        )
    letters = len(compact) - 9
    if not re.fullmatch(rf"[A-ZÑ&]{{{letters}}}[0-9]{{6}}[A-Z0-9]{{3}}", compact):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "errors",
                "An RFC is {letters} letters, the date (YYMMDD) and a 3-character homoclave,"
                " for example {example}",
            ),
            letters=letters,
            example=RFC_COMPANY_EXAMPLE if letters == 3 else RFC_INDIVIDUAL_EXAMPLE,
        )
    # Any year is possible in either century; 2000 is a leap year, so 29 Feb passes when it can.
    yymmdd = compact[letters : letters + 6]
    if not _real_date(yymmdd, 2000):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("errors", "The date in the RFC ({date}) is not a real date"),
            date=yymmdd,
        )
    return compact


# --- Mexico: CURP --------------------------------------------------------------------------


def normalize_curp(text: str, field: str = ID_DOCUMENT_FIELD) -> str:
    """Upper case, no spaces or hyphens; the 18-character structure checked part by part."""
    compact = _squeeze(text, field, QT_TRANSLATE_NOOP("errors", "Enter the CURP"))
    if len(compact) != 18:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("errors", "A CURP has 18 characters, for example {example}"),
            example=CURP_EXAMPLE,
        )
    if not re.fullmatch(r"[A-Z]{4}[0-9]{6}.{6}[A-Z0-9][0-9]", compact, re.DOTALL) or not (
        _CURP_CONSONANTS.fullmatch(compact[13:16])
    ):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP(
                "errors", "The CURP does not have the expected format, for example {example}"
            ),
            example=CURP_EXAMPLE,
        )
    if compact[10] not in "HMX":
        raise ValidationError.single(
            field, QT_TRANSLATE_NOOP("errors", "The 11th character of the CURP must be H, M or X")
        )
    if compact[11:13] not in CURP_STATES:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("errors", "The state code in the CURP ({code}) is not valid"),
            code=compact[11:13],
        )
    # The 17th character tells the century: a digit before 2000, a letter from 2000 on.
    century = 1900 if compact[16].isdigit() else 2000
    if not _real_date(compact[4:10], century):
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("errors", "The date in the CURP ({date}) is not a real date"),
            date=compact[4:10],
        )
    return compact


# --- by country ----------------------------------------------------------------------------


def validate_tax_id(text: str, country: Country, segment: Segment) -> str:
    """NIT in Guatemala, RFC (12 or 13 characters by segment) in Mexico."""
    if country == Country.GUATEMALA:
        return normalize_nit(text)
    if country == Country.MEXICO:
        return normalize_rfc(text, segment)
    raise ValueError(f"unsupported country: {country!r}")


def validate_id_document(text: str, country: Country) -> str:
    """DPI in Guatemala, CURP in Mexico."""
    if country == Country.GUATEMALA:
        return normalize_dpi(text)
    if country == Country.MEXICO:
        return normalize_curp(text)
    raise ValueError(f"unsupported country: {country!r}")
