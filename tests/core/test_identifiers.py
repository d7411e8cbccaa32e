from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vipdesk.core.catalog import Country, Segment
from vipdesk.core.errors import ValidationError
from vipdesk.core.identifiers import (
    dpi_check_digit,
    nit_check_character,
    normalize_curp,
    normalize_dpi,
    normalize_nit,
    normalize_rfc,
    validate_id_document,
    validate_tax_id,
)

FORMAT = "A NIT is digits followed by a check character (a digit or K), for example 1234567-9"

# --- NIT -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234567-9", "1234567-9"),
        ("576937-K", "576937-K"),
        ("576937-k", "576937-K"),
        ("576937K", "576937-K"),
        ("12345679", "1234567-9"),
        (" 1234567 - 9 ", "1234567-9"),
        ("001234567-9", "1234567-9"),
    ],
)
def test_nit_valid(text: str, expected: str) -> None:
    assert normalize_nit(text) == expected


def test_nit_check_character() -> None:
    assert nit_check_character("1234567") == "9"
    assert nit_check_character("576937") == "K"
    with pytest.raises(ValueError):
        nit_check_character("")
    with pytest.raises(ValueError):
        nit_check_character("12a")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1234567-8", "The NIT check character does not match the number; please verify it"),
        ("576937-9", "The NIT check character does not match the number; please verify it"),
        ("", "Enter the NIT, for example 1234567-9"),
        ("K", FORMAT),
        ("12-34567-9", FORMAT),
        ("0-0", FORMAT),
        ("1234567890123-4", "The NIT must have 1 to 12 digits before the check character"),
        ("CF", FORMAT),
    ],
)
def test_nit_invalid(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_nit(text)
    assert caught.value.message == message
    assert caught.value.problems[0].field == "tax_id"


@given(st.text(alphabet="0123456789", min_size=1, max_size=12))
def test_nit_round_trip(body: str) -> None:
    if not body.lstrip("0"):
        return
    canonical = normalize_nit(body + nit_check_character(body))
    assert canonical == f"{body.lstrip('0')}-{nit_check_character(body)}"
    assert normalize_nit(canonical) == canonical


@given(st.text(alphabet="0123456789", min_size=1, max_size=9), st.data())
def test_nit_detects_a_single_mistyped_digit(body: str, data: st.DataObject) -> None:
    # With weights 2..10 (bodies up to 9 digits) every single-digit substitution changes the check.
    position = data.draw(st.integers(0, len(body) - 1))
    other = data.draw(st.sampled_from([d for d in "0123456789" if d != body[position]]))
    typo = body[:position] + other + body[position + 1 :]
    assert nit_check_character(typo) != nit_check_character(body)


# --- DPI -----------------------------------------------------------------------------------


def test_dpi_valid() -> None:
    assert normalize_dpi("2345678910101") == "2345678910101"
    assert normalize_dpi("2345 67891 0101") == "2345678910101"
    assert normalize_dpi("2345-67891-2201") == "2345678912201"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter the DPI (13 digits)"),
        ("234567891010", "A DPI (CUI) has exactly 13 digits"),
        ("23456789101011", "A DPI (CUI) has exactly 13 digits"),
        ("234567891010A", "A DPI (CUI) has exactly 13 digits"),
        ("١٢٣٤٥٦٧٨٩٠١٠١", "A DPI (CUI) has exactly 13 digits"),
        ("2345678910001", "The department code in the DPI (00) must be between 01 and 22"),
        ("2345678912301", "The department code in the DPI (23) must be between 01 and 22"),
    ],
)
def test_dpi_invalid(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_dpi(text)
    assert caught.value.message == message
    assert caught.value.problems[0].field == "id_document"


def test_dpi_check_digit() -> None:
    # 2·2 + 3·3 + 4·4 + 5·5 + 6·6 + 7·7 + 8·8 + 9·9 = 284; 284 mod 11 = 9
    assert dpi_check_digit("23456789") == "9"
    assert dpi_check_digit("00000000") == "0"
    assert dpi_check_digit("00000005") == "1"  # 5·9 = 45 = 4·11 + 1
    with pytest.raises(ValueError):
        dpi_check_digit("1234567")


def test_dpi_check_digit_ten_has_no_digit() -> None:
    assert sum(int(d) * (i + 2) for i, d in enumerate("00000006")) % 11 == 10
    with pytest.raises(ValueError):
        dpi_check_digit("00000006")


def test_dpi_check_digit_not_enforced() -> None:
    # The ninth digit of this CUI does not follow the published rule; we still accept it.
    assert dpi_check_digit("23456789") != "1"
    assert normalize_dpi("2345678910101") == "2345678910101"


# --- RFC -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "segment", "expected"),
    [
        ("ABC850101AB1", Segment.COMPANY, "ABC850101AB1"),
        ("abc-850101-ab1", Segment.COMPANY, "ABC850101AB1"),
        ("Ñ&A 850101 AB1", Segment.COMPANY, "Ñ&A850101AB1"),
        ("gomj850101ab1", Segment.INDIVIDUAL, "GOMJ850101AB1"),
        ("ABC000229AB1", None, "ABC000229AB1"),
        ("GOMJ850101AB1", None, "GOMJ850101AB1"),
    ],
)
def test_rfc_valid(text: str, segment: Segment | None, expected: str) -> None:
    assert normalize_rfc(text, segment) == expected


@pytest.mark.parametrize(
    ("text", "segment", "fragment"),
    [
        ("", None, "Enter the RFC"),
        ("GOMJ850101AB1", Segment.COMPANY, "A company RFC has 12 characters"),
        ("ABC850101AB1", Segment.INDIVIDUAL, "An individual's RFC has 13 characters"),
        ("ABC850101", None, "An RFC has 12 characters (companies) or 13"),
        ("AB1850101AB1", None, "An RFC is 3 letters"),
        ("GOM1850101AB1", None, "An RFC is 4 letters"),
        ("ABC85010AAB1", None, "An RFC is 3 letters"),
        ("ABC850101A*!", None, "An RFC is 3 letters"),
        ("ABC851301AB1", None, "The date in the RFC (851301) is not a real date"),
        ("ABC010229AB1", None, "The date in the RFC (010229) is not a real date"),
        ("ABC850100AB1", None, "The date in the RFC (850100) is not a real date"),
    ],
)
def test_rfc_invalid(text: str, segment: Segment | None, fragment: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        normalize_rfc(text, segment)


# --- CURP ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GOMJ800101HDFRRN09", "GOMJ800101HDFRRN09"),
        ("gomj 800101 mjcrrn09", "GOMJ800101MJCRRN09"),
        ("GOMJ800101XNERRN09", "GOMJ800101XNERRN09"),
        ("GOMJ000229HDFRRNA9", "GOMJ000229HDFRRNA9"),  # 2000 is a leap year
    ],
)
def test_curp_valid(text: str, expected: str) -> None:
    assert normalize_curp(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "Enter the CURP"),
        ("GOMJ800101HDFRRN0", "A CURP has 18 characters"),
        ("GOMJ800101HDFRRN099", "A CURP has 18 characters"),
        ("GOM1800101HDFRRN09", "does not have the expected format"),
        ("GOMJ80010AHDFRRN09", "does not have the expected format"),
        ("GOMJ800101HDFAEI09", "does not have the expected format"),
        ("GOMJ800101HDFRRN0A", "does not have the expected format"),
        ("GOMJ800101HDFRRN-9", "A CURP has 18 characters"),
        ("GOMJ800101ZDFRRN09", "The 11th character of the CURP must be H, M or X"),
        ("GOMJ800101HZZRRN09", "The state code in the CURP \\(ZZ\\) is not valid"),
        ("GOMJ801301HDFRRN09", "The date in the CURP \\(801301\\) is not a real date"),
        ("GOMJ000229HDFRRN09", "The date in the CURP \\(000229\\) is not a real date"),  # 1900
    ],
)
def test_curp_invalid(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment) as caught:
        normalize_curp(text)
    assert caught.value.problems[0].field == "id_document"


# --- by country ----------------------------------------------------------------------------


def test_validate_by_country() -> None:
    assert validate_tax_id("576937k", Country.GUATEMALA, Segment.INDIVIDUAL) == "576937-K"
    assert validate_tax_id("abc850101ab1", Country.MEXICO, Segment.COMPANY) == "ABC850101AB1"
    with pytest.raises(ValidationError):
        validate_tax_id("ABC850101AB1", Country.MEXICO, Segment.INDIVIDUAL)
    with pytest.raises(ValidationError):
        validate_tax_id("ABC850101AB1", Country.GUATEMALA, Segment.COMPANY)
    assert validate_id_document("2345678910101", Country.GUATEMALA) == "2345678910101"
    assert validate_id_document("GOMJ800101HDFRRN09", Country.MEXICO) == "GOMJ800101HDFRRN09"
    with pytest.raises(ValidationError):
        validate_id_document("GOMJ800101HDFRRN09", Country.GUATEMALA)


# --- hostile input -------------------------------------------------------------------------

NORMALIZERS: list[Callable[[str], str]] = [
    normalize_nit,
    normalize_dpi,
    normalize_curp,
    normalize_rfc,
    lambda t: normalize_rfc(t, Segment.COMPANY),
    lambda t: normalize_rfc(t, Segment.INDIVIDUAL),
    lambda t: validate_tax_id(t, Country.MEXICO, Segment.COMPANY),
    lambda t: validate_id_document(t, Country.GUATEMALA),
]

HOSTILE = [
    "",
    "   ",
    "\x00" * 13,
    "1" * 10_000,
    "A" * 10_000,
    "😀" * 13,
    "<b>1234567-9</b>",
    "<script>alert(1)</script>",
    "'; DROP TABLE debtor; --",
    "１２３４５６７-９",  # full-width digits
    "\u202e1234567-9",  # right-to-left override
    "None",
    "null",
    "ß" * 12,
]


@pytest.mark.parametrize("normalize", NORMALIZERS)
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_is_a_validation_error(normalize: Callable[[str], str], text: str) -> None:
    with pytest.raises(ValidationError):
        normalize(text)


@pytest.mark.parametrize("normalize", NORMALIZERS)
@pytest.mark.parametrize("value", [None, 1234567, b"1234567-9", ["1234567-9"]])
def test_non_text_is_a_validation_error(normalize: Callable[[object], str], value: object) -> None:
    with pytest.raises(ValidationError):
        normalize(value)


@given(st.text(max_size=40))
def test_arbitrary_text_only_raises_validation_error(text: str) -> None:
    for normalize in NORMALIZERS:
        try:
            result = normalize(text)
        except ValidationError:
            continue
        assert result == normalize(result)  # canonical forms are stable
