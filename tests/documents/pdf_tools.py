"""Reading a rendered PDF back, the independent way: poppler (pdftotext, pdffonts), qpdf and
pypdf, never ReportLab itself."""

from __future__ import annotations

import subprocess
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader


def write(tmp_path: Path, pdf: bytes, name: str = "letter.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


def layout_pages(path: Path) -> list[str]:
    """``pdftotext -layout`` of each page (form feeds split the pages)."""
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    pages = out.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def flat(text: str) -> str:
    """Text with every run of whitespace as one space: wrapped lines read as one."""
    return " ".join(text.split())


def pypdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages]


def page_count(pdf: bytes) -> int:
    return len(PdfReader(BytesIO(pdf)).pages)


def fonts(path: Path) -> list[tuple[str, str]]:
    """(name, emb) of each font ``pdffonts`` lists."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    rows = []
    for line in out.stdout.splitlines()[2:]:
        parts = line.split()
        # name type [type...] encoding emb sub uni object ID: emb is the 5th field from the end
        rows.append((parts[0], parts[-5]))
    return rows


def qpdf_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
