"""Where a block's flowables go on the page with the paragraph that introduces them.

"Atentamente," never ends a page without the signature under it, nor "… a la cuenta
siguiente:" without its table, nor a heading without what it heads. Short blocks are kept
whole with their lead; a table starts under its lead when there is room for its first rows
(a long one then runs on over the pages, rather than leaving most of a page blank).
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table

from vipdesk.documents.styles import FRAME_WIDTH, PAGE_HEIGHT

# Short blocks that stay on one page with the paragraph before them.
KEPT_WITH_LEAD = frozenset({"sender", "signatures", "payment", "terms"})
# A table this tall or less stays whole with its lead; a taller one needs room for its
# header row and a couple of rows under the lead.
SHORT_TABLE = 150.0
TABLE_START = 60.0


def place(story: list[Flowable], block: str, flowables: list[Flowable]) -> list[Flowable]:
    """``flowables`` of ``block`` as they go after ``story``, taking from the end of ``story``
    the lead (and a heading above it) they must stay with."""
    if not story or not isinstance(story[-1], Paragraph):
        return flowables
    if block in KEPT_WITH_LEAD:
        lead = _lead(story)
        # A KeepTogether inside another one would force a page break: flatten.
        content = [x for f in flowables for x in _unwrap(f)]
        return [KeepTogether([*lead, *content])]
    start = _table_start(flowables[0]) if flowables else None
    if start is None:
        return flowables
    lead = _lead(story)
    for paragraph in lead:  # kept by the room asked for below, not by keepWithNext
        paragraph.keepWithNext = 0
    return [CondPageBreak(sum(_height(p) for p in lead) + start), *lead, *flowables]


def _lead(story: list[Flowable]) -> list[Flowable]:
    lead = [story.pop()]
    if _is_heading(lead[0]):
        return lead
    if story and _is_heading(story[-1]):
        lead.insert(0, story.pop())
    return lead


def _is_heading(flowable: Flowable) -> bool:
    return isinstance(flowable, Paragraph) and flowable.style.name == "heading"


def _table_start(flowable: Flowable) -> float | None:
    """The room a table (or a table kept whole) needs under its lead; None for anything
    else."""
    if isinstance(flowable, KeepTogether) and any(isinstance(x, Table) for x in flowable._content):
        return sum(_height(x) for x in flowable._content)
    if isinstance(flowable, Table):
        height = _height(flowable)
        return height if height <= SHORT_TABLE else TABLE_START
    return None


def _height(flowable: Flowable) -> float:
    _width, height = flowable.wrap(FRAME_WIDTH, PAGE_HEIGHT)
    return float(height + flowable.getSpaceBefore() + flowable.getSpaceAfter())


def _unwrap(flowable: Flowable) -> list[Flowable]:
    if isinstance(flowable, KeepTogether):
        return list(flowable._content)
    return [flowable]
