"""What changed between two texts, as the strategy's history shows it: pieces of text kept,
added or removed, for the page to highlight.

Lines are compared first (a paragraph rewritten elsewhere in the text does not disturb the
rest), then, inside each block of changed lines, words, spaces and punctuation marks: changing
one word of a long paragraph highlights that word, not the paragraph. A block too large to
compare word by word in a blink (pasted essays) is shown removed then added, whole. Pure: no
Qt, no database.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum


class Change(StrEnum):
    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Piece:
    change: Change
    text: str


# Words (letters, digits, accents), runs of spaces and line breaks, and single other marks.
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]")
# How much of a block of changed lines must be kept, as a share of both texts' characters,
# for its words to be compared one by one.
SIMILAR = 0.5
SHORT_WORD = 3  # kept words this short between two changes are part of the change
# Word-level comparison is quadratic at worst: beyond this many token pairs a changed block is
# shown whole (removed, then added) rather than make the user wait.
MAX_WORD_PAIRS = 4_000_000


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def _matched(before: list[str], after: list[str]) -> Sequence[tuple[str, int, int, int, int]]:
    """difflib's opcodes: (tag, i1, i2, j1, j2)."""
    return SequenceMatcher(None, before, after, autojunk=False).get_opcodes()


def _trivial(kept: str) -> bool:
    return len(kept.strip()) <= SHORT_WORD


def _words(before: str, after: str) -> list[Piece]:
    old, new = _tokens(before), _tokens(after)
    if len(old) * len(new) > MAX_WORD_PAIRS:
        return [Piece(Change.REMOVED, before), Piece(Change.ADDED, after)]
    # (kept, removed, added) runs; a run kept is never next to another.
    runs: list[tuple[str, str, str]] = []
    for tag, i1, i2, j1, j2 in _matched(old, new):
        removed, added = "".join(old[i1:i2]), "".join(new[j1:j2])
        runs.append((removed, "", "") if tag == "equal" else ("", removed, added))
    kept_chars = sum(len(kept) for kept, _removed, _added in runs)
    if 2 * kept_chars < SIMILAR * (len(before) + len(after)):
        # Rewritten rather than edited: the words it happens to share ("la", "el") would
        # only chop the old and the new text into pieces read in and out of turn.
        return [Piece(Change.REMOVED, before), Piece(Change.ADDED, after)]
    # Likewise a space, a comma or a short word kept between two changes ("El de
    # supervisión" → "Mi objetivo" keeps the spaces): one change reads better.
    for index in range(1, len(runs) - 1):
        kept = runs[index][0]
        if kept and _trivial(kept) and not runs[index - 1][0] and not runs[index + 1][0]:
            runs[index] = ("", kept, kept)
    pieces: list[Piece] = []
    removed_run: list[str] = []
    added_run: list[str] = []
    for kept, removed, added in [*runs, ("", "", "")]:
        if kept or (not removed and not added):
            pieces.append(Piece(Change.REMOVED, "".join(removed_run)))
            pieces.append(Piece(Change.ADDED, "".join(added_run)))
            pieces.append(Piece(Change.SAME, kept))
            removed_run, added_run = [], []
        else:
            removed_run.append(removed)
            added_run.append(added)
    return pieces


def _merged(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Adjacent pieces of the same kind joined, empty ones dropped."""
    out: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if out and out[-1].change is piece.change:
            out[-1] = Piece(piece.change, out[-1].text + piece.text)
        else:
            out.append(piece)
    return tuple(out)


def diff_text(before: str, after: str) -> tuple[Piece, ...]:
    """``before`` turned into ``after``: the SAME and REMOVED pieces, in order, spell
    ``before``; the SAME and ADDED ones spell ``after``."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in _matched(old, new):
        removed, added = "".join(old[i1:i2]), "".join(new[j1:j2])
        if tag == "equal":
            pieces.append(Piece(Change.SAME, removed))
        elif tag == "replace":
            pieces.extend(_words(removed, added))
        else:
            pieces.append(Piece(Change.REMOVED, removed))
            pieces.append(Piece(Change.ADDED, added))
    return _merged(pieces)


def spelled(pieces: tuple[Piece, ...], side: Change) -> str:
    """The text one side of a diff spells: ``Change.REMOVED`` the old, ``Change.ADDED`` the
    new."""
    return "".join(p.text for p in pieces if p.change in (Change.SAME, side))
