"""How the sections of the strategy are titled and what the line under each title says goes
there (shared by the document and the history)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vipdesk.services import strategy


def section_label(name: str) -> str:
    return QCoreApplication.translate("strategy", strategy.SECTION_LABELS[name])


def section_hint(name: str) -> str:
    """What goes in a section, as the line under its title says."""
    hints = {
        "situation": QCoreApplication.translate(
            "StrategyEditor",
            "Where the case stands: the debt, the debtor's situation, contacts and promises.",
        ),
        "objective": QCoreApplication.translate(
            "StrategyEditor", "What we want to obtain, and by when."
        ),
        "alternative": QCoreApplication.translate(
            "StrategyEditor",
            "What we get without an agreement: the legal route, as the financial analysis "
            "values it.",
        ),
        "debtor_position": QCoreApplication.translate(
            "StrategyEditor",
            "What the debtor will likely ask for and why; what limits them (cash, other "
            "creditors, guarantors).",
        ),
        "concessions": QCoreApplication.translate(
            "StrategyEditor", "What we can give, in what order and in exchange for what."
        ),
        "walk_away": QCoreApplication.translate(
            "StrategyEditor", "The least we accept; below it, the case goes to legal."
        ),
        "talking_points": QCoreApplication.translate(
            "StrategyEditor", "The arguments to use in the conversation, one per line."
        ),
        "risks": QCoreApplication.translate(
            "StrategyEditor", "What could go wrong, and how we would respond."
        ),
    }
    return hints[name]
