"""Saved portfolio views: the whole query (search, filters, sort) under a name, per user, in
the interface settings (QSettings): a preference of this computer, like column widths, so
no database change. Stored as JSON; anything unreadable is skipped, never fatal."""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import QSettings

from vipdesk.core.buckets import Bucket
from vipdesk.core.catalog import CaseStatus, Segment
from vipdesk.services.dto import NextActionDue, PortfolioQuery, SortKey

log = logging.getLogger(__name__)

VIEWS_GROUP = "portfolioViews"
MAX_VIEW_NAME = 60  # longer names would only be cut off in the combo box


def load_views(settings: QSettings, username: str) -> dict[str, PortfolioQuery]:
    """The user's saved views by name; anything unreadable (hand-edited, from a newer version)
    is skipped rather than failing the window."""
    raw = settings.value(f"{VIEWS_GROUP}/{username}", "")
    try:
        stored = json.loads(raw) if isinstance(raw, str) and raw else {}
    except ValueError:
        log.warning("Saved portfolio views of %s are unreadable; ignored", username)
        return {}
    views = {}
    for name, data in stored.items() if isinstance(stored, dict) else ():
        try:
            views[str(name)] = _query_from(data)
        except (TypeError, ValueError, KeyError, AttributeError):
            log.warning("Saved portfolio view %r is unreadable; ignored", name)
    return views


def save_views(settings: QSettings, username: str, views: dict[str, PortfolioQuery]) -> None:
    data = {name: _query_data(query) for name, query in views.items()}
    settings.setValue(f"{VIEWS_GROUP}/{username}", json.dumps(data, ensure_ascii=False))
    settings.sync()


def _query_data(query: PortfolioQuery) -> dict[str, Any]:
    return {
        "search": query.search,
        "sort": query.sort.value,
        "descending": query.descending,
        "buckets": [b.value for b in query.buckets],
        "statuses": list(query.statuses),
        "currencies": list(query.currencies),
        "segments": list(query.segments),
        "next_action": query.next_action.value if query.next_action else None,
        "promise_due_this_week": query.promise_due_this_week,
    }


def _query_from(data: dict[str, Any]) -> PortfolioQuery:
    next_action = data.get("next_action")
    return PortfolioQuery(
        search=str(data.get("search", "")),
        sort=SortKey(data.get("sort", SortKey.PRIORITY.value)),
        descending=bool(data.get("descending", True)),
        buckets=tuple(Bucket(b) for b in data.get("buckets", [])),
        statuses=tuple(CaseStatus(s).value for s in data.get("statuses", [])),
        currencies=tuple(str(c) for c in data.get("currencies", [])),
        segments=tuple(Segment(s).value for s in data.get("segments", [])),
        next_action=NextActionDue(next_action) if next_action else None,
        promise_due_this_week=bool(data.get("promise_due_this_week", False)),
    )


def clean_view_name(name: str) -> str:
    """One line, single spaces, no control characters, at most MAX_VIEW_NAME characters."""
    printable = "".join(ch if ch.isprintable() else " " for ch in name)
    return " ".join(printable.split())[:MAX_VIEW_NAME].strip()
