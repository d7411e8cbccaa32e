from __future__ import annotations

from decimal import Decimal

import pytest

from tests.core.company_figures import FULL, company
from vipdesk.core.errors import ValidationError
from vipdesk.core.ratios import (
    DEFAULT_THRESHOLDS,
    Band,
    Light,
    Thresholds,
    company_ratio,
    light_for,
    thresholds_from_mapping,
)

D = Decimal


@pytest.mark.parametrize(
    ("key", "lights"),
    [
        ("current_ratio", {"1.50": "green", "1.49": "amber", "1.00": "amber", "0.99": "red"}),
        ("quick_ratio", {"1.00": "green", "0.99": "amber", "0.70": "amber", "0.69": "red"}),
        ("cash_ratio", {"0.50": "green", "0.49": "amber", "0.20": "amber", "0.19": "red"}),
        ("debt_to_equity", {"1.00": "green", "1.01": "amber", "2.00": "amber", "2.01": "red"}),
        ("debt_to_ebitda", {"3.00": "green", "3.01": "amber", "5.00": "amber", "5.01": "red"}),
        ("interest_coverage", {"3.00": "green", "2.99": "amber", "1.50": "amber", "1.49": "red"}),
        ("dscr", {"1.25": "green", "1.24": "amber", "1.00": "amber", "0.99": "red"}),
        ("dso", {"60": "green", "61": "amber", "120": "amber", "121": "red"}),
        ("debt_to_income", {"0.35": "green", "0.3501": "amber", "0.5": "amber", "0.5001": "red"}),
        ("working_capital", {"0.01": "green", "0.00": "amber", "-0.01": "red"}),
        ("free_cash_flow", {"0.01": "green", "0.00": "amber", "-0.01": "red"}),
        ("disposable_income", {"0.01": "green", "0.00": "amber", "-0.01": "red"}),
        ("net_worth", {"0.01": "green", "0.00": "amber", "-0.01": "red"}),
        ("liquid_assets", {"0.00": None, "1000.00": None}),
    ],
)  # fmt: skip
def test_lights_at_the_boundaries(key: str, lights: dict[str, str | None]) -> None:
    for value, expected in lights.items():
        assert light_for(DEFAULT_THRESHOLDS, key, D(value)) == expected, value
    assert light_for(DEFAULT_THRESHOLDS, key, None) is None


def test_light_uses_the_rounded_value() -> None:
    # 14,996 ÷ 10,000 = 1.4996, shown 1.50: green, like the number says
    period = company(cash=14996, receivables=0, inventory=0, other_current_assets=0,
                     current_liabilities=10000)  # fmt: skip
    value = company_ratio("current_ratio", period)
    assert (value.value, value.light) == (D("1.50"), Light.GREEN)


def test_custom_thresholds_change_the_light() -> None:
    # FULL's current ratio is 1,000 ÷ 500 = 2.00: green by default, red if the bank wants 3
    assert company_ratio("current_ratio", company(**FULL)).light is Light.GREEN
    strict = thresholds_from_mapping({"current_ratio": {"green": "3", "red": "2.5"}})
    assert company_ratio("current_ratio", company(**FULL), thresholds=strict).light is Light.RED
    assert strict["quick_ratio"] == DEFAULT_THRESHOLDS["quick_ratio"]
    no_light = thresholds_from_mapping({"current_ratio": None})
    assert company_ratio("current_ratio", company(**FULL), thresholds=no_light).light is None


def test_thresholds_from_mapping_accepts_strings_ints_decimals_and_bands() -> None:
    config = {
        "dso": {"green": 45, "red": D(90)},
        "dscr": {"green": " 1.3 ", "red": "1"},
        "cash_ratio": Band(D("0.4"), D("0.4")),
    }
    thresholds = thresholds_from_mapping(config)
    assert thresholds["dso"] == Band(D(45), D(90))
    assert thresholds["dscr"] == Band(D("1.3"), D(1))
    assert thresholds_from_mapping(thresholds.as_config(), base={}) == thresholds
    assert hash(thresholds) == hash(thresholds_from_mapping(config))
    assert "liquid_assets" not in thresholds


def test_thresholds_from_mapping_reports_every_problem_by_field() -> None:
    config: dict[str, object] = {
        "current_ratio": {"green": "1", "red": "1.5"},  # reversed (higher is better)
        "dso": {"green": "90", "red": "45"},  # reversed (lower is better)
        "quick_ratio": {"green": "abc", "red": True},
        "cash_ratio": {"green": "NaN"},
        "dscr": {"green": "1", "red": "1", "amber": "1"},
        "debt_to_equity": "2",
        "solvency": {"green": "1", "red": "0"},
    }
    with pytest.raises(ValidationError) as caught:
        thresholds_from_mapping(config)
    problems = {p.field: p.message for p in caught.value.problems}
    assert problems == {
        "current_ratio": "The green threshold cannot be below the red one",
        "dso": "The green threshold cannot be above the red one",
        "quick_ratio.green": "Enter a number",
        "quick_ratio.red": "Enter a number",
        "cash_ratio.green": "Enter a number",
        "cash_ratio.red": "This value is required",
        "dscr.amber": "Unknown setting",
        "debt_to_equity": "Enter the green and the red threshold",
        "solvency": "Unknown ratio",
    }


def test_floats_are_refused_in_thresholds() -> None:
    with pytest.raises(TypeError):
        thresholds_from_mapping({"dso": {"green": 60.0, "red": "120"}})
    with pytest.raises(TypeError):
        Band(1.5, D(1))  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Thresholds({"current_ratio": Band(D(1), D(2))})


@pytest.mark.parametrize("value", ["1e999", "-1e15", Decimal(10) ** 15])
def test_absurd_thresholds_are_refused(value: object) -> None:
    with pytest.raises(ValidationError) as raised:
        thresholds_from_mapping({"current_ratio": {"green": value, "red": "1"}})
    assert [p.field for p in raised.value.problems] == ["current_ratio.green"]
