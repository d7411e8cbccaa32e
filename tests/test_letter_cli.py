"""``vipdesk letter``, as batch scripts run it: a real process on the central database, the
PDF's path on stdout, the same record as the GUI stores, and a one-line refusal with exit code
2 for what the rules forbid."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from sqlalchemy import select

from tests.processes import run_vipdesk
from vipdesk.storage.database import create_database_engine
from vipdesk.storage.models import Case, Document, User
from vipdesk.storage.uow import Database


def _letter(home: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_vipdesk("letter", "--database", url, *args, home=home)


def _one_line_problem(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and not result.stdout
    return lines[0]


def _case(url: str, executive: str, owing: bool) -> tuple[str, str]:
    """(number, id) of the first case of ``executive`` that owes something (or nothing)."""
    database = Database(create_database_engine(url))
    try:
        with database.unit_of_work() as uow:
            query = (
                select(Case.number, Case.id)
                .join(User, User.id == Case.executive_id)
                .where(User.username == executive)
                .where(Case.exposure > 0 if owing else Case.exposure == 0)
                .order_by(Case.number)
            )
            number, case_id = uow.session.execute(query).first()  # type: ignore[misc]
            return number, str(case_id)
    finally:
        database.dispose()


def _stored(url: str, file_name: str) -> tuple[str, bytes, str]:
    database = Database(create_database_engine(url))
    try:
        with database.unit_of_work() as uow:
            document, author = uow.session.execute(
                select(Document, User.username)
                .join(User, User.id == Document.user_id)
                .where(Document.file_name == file_name)
            ).one()
            return document.sha256, bytes(document.content), author
    finally:
        database.dispose()


def test_a_letter_is_written_and_its_path_printed(
    tmp_path: Path, vipdesk_home: Path, demo_db_url: str
) -> None:
    number, case_id = _case(demo_db_url, "ejecutivo1", owing=True)
    out = tmp_path / "cartas" / "lote 1"  # created when missing
    done = _letter(vipdesk_home, demo_db_url, "--case", number.lower(), "--kind",
                   "requerimiento", "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    printed = done.stdout.strip().splitlines()
    assert len(printed) == 1
    path = Path(printed[0])
    assert path.parent == out and path.name == f"{number}_requerimiento_REQ-{number}-1.pdf"
    sha256, content, author = _stored(demo_db_url, path.name)
    assert path.read_bytes() == content and hashlib.sha256(content).hexdigest() == sha256
    assert author == "ejecutivo1"  # the case's executive, unless --user says otherwise

    # Again, by id and as the team's supervisor: a new number, a new file beside the first.
    again = _letter(vipdesk_home, demo_db_url, "--case", case_id, "--kind", "requerimiento",
                    "--out", str(out), "--user", "supervisor1")  # fmt: skip
    assert again.returncode == 0, again.stderr
    second = Path(again.stdout.strip())
    assert second.name == f"{number}_requerimiento_REQ-{number}-2.pdf" and second.exists()
    assert _stored(demo_db_url, second.name)[2] == "supervisor1"


def test_what_the_rules_forbid_is_refused_in_one_line(
    tmp_path: Path, vipdesk_home: Path, demo_db_url: str
) -> None:
    owing, _case_id = _case(demo_db_url, "ejecutivo1", owing=True)
    out = tmp_path / "cartas"
    refused = _letter(vipdesk_home, demo_db_url, "--case", owing, "--kind", "convenio",
                      "--out", str(out))  # fmt: skip
    assert _one_line_problem(refused) == "vipdesk: The case has no approved agreement"
    refused = _letter(vipdesk_home, demo_db_url, "--case", owing, "--kind", "finiquito",
                      "--out", str(out))  # fmt: skip
    line = _one_line_problem(refused)
    assert line.startswith(f"vipdesk: Case {owing} still has a balance of ")
    assert not list(out.iterdir())

    settled, _ = _case(demo_db_url, "ejecutivo1", owing=False)
    done = _letter(vipdesk_home, demo_db_url, "--case", settled, "--kind", "finiquito",
                   "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()).read_bytes().startswith(b"%PDF")


def test_wrong_cases_users_kinds_and_folders(
    tmp_path: Path, vipdesk_home: Path, demo_db_url: str
) -> None:
    owing, _case_id = _case(demo_db_url, "ejecutivo1", owing=True)

    def refused(*args: str) -> str:
        return _one_line_problem(_letter(vipdesk_home, demo_db_url, *args))

    out = str(tmp_path)
    assert refused("--case", "VIP-999999", "--kind", "propuesta", "--out", out) == (
        "vipdesk: Case not found: VIP-999999"
    )
    assert "unknown kind 'carta'" in refused("--case", owing, "--kind", "carta", "--out", out)
    assert "nadie" in refused("--case", owing, "--kind", "propuesta", "--out", out,
                              "--user", "nadie")  # fmt: skip
    # Another team's executive does not see the case; legal generates only dossiers.
    assert "Case not found" in refused("--case", owing, "--kind", "requerimiento",
                                       "--out", out, "--user", "ejecutivo3")  # fmt: skip
    file_in_the_way = tmp_path / "archivo"
    file_in_the_way.write_text("no soy una carpeta")
    assert "cannot use" in refused("--case", owing, "--kind", "requerimiento",
                                   "--out", str(file_in_the_way))  # fmt: skip
