"""The embedded fonts (DejaVu Sans, shipped in ``resources/fonts``) and which characters they
can draw.

ReportLab's built-in Helvetica is not embedded and has no glyphs beyond Latin-1; every letter is
set in DejaVu, registered once per process. A character the font has no glyph for would print
as an empty box, so user text is checked against the font's character map before anything is
drawn (``unprintable``).
"""

from __future__ import annotations

import threading
import unicodedata
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from vipdesk.documents.resources import font_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
OBLIQUE = "DejaVuSans-Oblique"
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    OBLIQUE: "DejaVuSans-Oblique.ttf",
}

# Characters that are laid out by the paragraph code, never drawn as glyphs.
_LAYOUT = frozenset("\n\t\r")
# Emoji: DejaVu draws a few of them (😀 but not 👍, no skin tones, no sequences joined by
# U+200D), in black and white; a formal letter is no place for them, so all are refused alike.
_EMOJI_RANGES = ((0x1F000, 0x1FAFF), (0xFE00, 0xFE0F))
# Right-to-left scripts: ReportLab here has no bidi reordering and no Arabic shaping, so Hebrew
# would print backwards and Arabic in isolated letter forms. Such text is refused.
_RTL_CLASSES = frozenset({"R", "AL", "RLE", "RLO", "RLI", "LRE", "LRO", "LRI", "PDF", "PDI"})
# Unicode categories never printed: controls, invisible format characters (zero-width spaces,
# direction overrides), private use, unassigned and lone surrogates.
_NEVER = frozenset({"Cc", "Cf", "Co", "Cn", "Cs"})

_lock = threading.Lock()


@cache
def _registered() -> tuple[frozenset[int], ...]:
    maps = []
    for name, file_name in _FILES.items():
        font = TTFont(name, str(font_path(file_name)))
        pdfmetrics.registerFont(font)
        maps.append(frozenset(font.face.charToGlyph))
    # <b> and <i> in paragraphs pick the face through the family; there is no bold oblique.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, OBLIQUE)
    addMapping(REGULAR, 1, 1, BOLD)
    return tuple(maps)


def register_fonts() -> None:
    """Register DejaVu with ReportLab (once per process; safe from several threads)."""
    with _lock:
        _registered()


@cache
def _user_text_glyphs() -> frozenset[int]:
    register_fonts()
    regular, bold, _oblique = _registered()
    # User text may be set in regular or bold (names are bold); never in oblique.
    return regular & bold


def is_right_to_left(char: str) -> bool:
    return unicodedata.bidirectional(char) in _RTL_CLASSES


def _is_emoji(code: int) -> bool:
    return any(low <= code <= high for low, high in _EMOJI_RANGES)


@cache
def _verdict(char: str) -> int:
    """0: printable, 1: the font cannot draw it, 2: right-to-left (cached: text repeats its
    characters, and a letter checks thousands)."""
    if char in _LAYOUT:
        return 0
    if is_right_to_left(char):
        return 2
    code = ord(char)
    if unicodedata.category(char) in _NEVER or _is_emoji(code) or code not in _user_text_glyphs():
        return 1
    return 0


def unprintable(text: str) -> tuple[list[str], list[str]]:
    """The distinct characters of ``text`` a letter cannot print, in order of appearance:
    ``(cannot_draw, right_to_left)``. Tabs and line breaks are layout, not glyphs."""
    if text.isascii() and text.isprintable():  # DejaVu draws every printable ASCII character
        return [], []
    missing: list[str] = []
    rtl: list[str] = []
    for char in dict.fromkeys(text):
        verdict = _verdict(char)
        if verdict == 1:
            missing.append(char)
        elif verdict == 2:
            rtl.append(char)
    return missing, rtl
