"""The negotiation strategy: versions that count up and never overwrite one another (a save
based on a stale version is a conflict carrying the latest), nothing-changed and empty saves
refused, limits and hostile text, the decision log validated and newest first, what changed
between two versions (and the word-level diff the page highlights), the legal route offered as
our alternative, who may read and who may change, commands applied once, queued on a cache,
synced and settled. SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from itertools import pairwise
from typing import Any
from uuid import UUID, uuid4

import pytest
from sqlalchemy import select

from tests.services.finance_helpers import audit_actions, change_seq, count, fresh_case
from tests.services.helpers import CacheFor, actor
from vipdesk.core.errors import Conflict, NotAllowed, NotFound, ValidationError
from vipdesk.core.money import Money, format_money
from vipdesk.services import conflicts, scenarios, strategy, sync
from vipdesk.services.agreement_dto import NewDecision, StrategyInfo, StrategySave
from vipdesk.services.strategy_diff import Change, Piece, diff_text, spelled
from vipdesk.storage.models import Case, StrategyDecision, StrategyVersion, User
from vipdesk.storage.uow import Database

FIRST = {
    "situation": "Empresa con ventas a la baja; dos créditos en mora desde marzo.",
    "objective": "Recuperar al menos el 80 % del capital en 12 meses.",
    "walk_away": "Menos del 60 % en valor presente: pasar a jurídico.",
}


def _info(db: Database, case_id: UUID, username: str = "ejecutivo1") -> StrategyInfo:
    return strategy.strategy_of(db.unit_of_work(), actor(db, username), case_id)


def _version(db: Database, case_id: UUID) -> int:
    current = _info(db, case_id).current
    return current.version if current is not None else 0


def _save(
    db: Database, case_id: UUID, based_on: int, username: str = "ejecutivo1", **sections: Any
) -> int:
    note = sections.pop("note", "")
    command = StrategySave(case_id, based_on, sections, note)
    return strategy.save_strategy(db.unit_of_work(), actor(db, username), command)


def _decide(
    db: Database, case_id: UUID, on: str, text: str, username: str = "ejecutivo1", **more: Any
) -> UUID:
    command = NewDecision(case_id, more.pop("decision_id", uuid4()), on, text, **more)
    return strategy.add_decision(db.unit_of_work(), actor(db, username), command)


def _day(db: Database, days: int = 0) -> str:
    return (db.unit_of_work().today() + timedelta(days=days)).isoformat()


def _fields(error: ValidationError) -> list[str]:
    return [p.field for p in error.problems]


# -- versions ----------------------------------------------------------------------------------


def test_every_save_is_a_new_version_listed_newest_first(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    assert _info(db, case_id).current is None and _info(db, case_id).can_edit
    seq = change_seq(db, case_id)
    assert _save(db, case_id, 0, **FIRST, note="Primera versión") == 1
    changed = {**FIRST, "objective": "Recuperar el 90 % del capital.", "risks": "El aval."}
    assert _save(db, case_id, 1, "supervisor1", **changed) == 2
    info = _info(db, case_id)
    assert [v.version for v in info.versions] == [2, 1] and info.current == info.versions[0]
    first, second = info.versions[1], info.versions[0]
    assert set(first.sections) == set(strategy.SECTIONS)  # every section, "" when empty
    assert {k: v for k, v in first.sections.items() if v} == FIRST
    assert (first.author, first.note) == ("Ana Lucía Morales", "Primera versión")
    assert (second.author, second.note) == ("María José Castillo", "")
    assert second.sections["risks"] == "El aval." and second.saved_at >= first.saved_at
    assert audit_actions(db, case_id)[-2:] == ["strategy.saved", "strategy.saved"]
    assert change_seq(db, case_id) > seq  # every cache pulls the case again
    assert count(db, StrategyVersion, case_id=case_id) == 2


def test_a_save_based_on_a_stale_version_is_a_conflict_carrying_the_latest(
    any_database: Database,
) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    _save(db, case_id, 0, **FIRST)
    _save(db, case_id, 1, "supervisor1", **{**FIRST, "situation": "Según supervisión."})
    with pytest.raises(Conflict) as caught:
        _save(db, case_id, 1, **{**FIRST, "situation": "Mi versión."})
    theirs = caught.value.theirs
    assert theirs["situation"] == "Según supervisión." and theirs["version"] == "2"
    assert theirs["author"] == "María José Castillo" and theirs["objective"] == FIRST["objective"]
    assert caught.value.params["version"] == 2
    with pytest.raises(Conflict):
        _save(db, case_id, 7, **{**FIRST, "situation": "Mi versión."})
    assert _version(db, case_id) == 2
    other = fresh_case(db, "individual")
    with pytest.raises(NotFound):
        _save(db, other, 3, **FIRST)  # a version this case never had
    assert _save(db, case_id, 2, **{**FIRST, "situation": "Mi versión."}) == 3


def test_nothing_changed_and_nothing_written_are_refused(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    for empty in ({}, {"situation": "   ", "risks": "\n\t"}):
        with pytest.raises(ValidationError) as caught:
            _save(db, case_id, 0, **empty)
        assert _fields(caught.value) == ["sections"]
    _save(db, case_id, 0, **FIRST)
    padded = {k: f"  {v}\r\n" for k, v in FIRST.items()}  # the same once cleaned
    for same in (FIRST, padded, {**FIRST, "note": "Solo cambia la nota"}):
        with pytest.raises(ValidationError) as caught:
            _save(db, case_id, 1, **same)
        assert _fields(caught.value) == ["sections"]
        assert caught.value.problems[0].params == {"version": 1}
    assert _version(db, case_id) == 1


HOSTILE: list[tuple[str, dict[str, Any]]] = [
    ("situation", {"situation": "x" * (strategy.MAX_SECTION + 1)}),
    ("risks", {"risks": "nul \x00 char"}),
    ("objective", {"objective": "bell \x07"}),
    ("talking_points", {"talking_points": "\ud800 lone surrogate"}),
    ("concessions", {"concessions": 12}),
    ("sections", {"bogus": "not a section"}),
    ("note", {"note": "n" * (strategy.MAX_NOTE + 1)}),
    ("note", {"note": "nul \x00"}),
]


@pytest.mark.parametrize(("field", "changes"), HOSTILE)
def test_hostile_sections_are_named_and_nothing_is_stored(
    any_database: Database, field: str, changes: dict[str, Any]
) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    with pytest.raises(ValidationError) as caught:
        _save(db, case_id, 0, **{**FIRST, **changes})
    assert _fields(caught.value) == [field]
    assert count(db, StrategyVersion, case_id=case_id) == 0


def test_every_problem_is_named_at_once_and_text_is_kept_as_typed(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    with pytest.raises(ValidationError) as caught:
        _save(db, case_id, 0, situation="a" * 20_001, risks="\x00", note="b" * 2_001)
    assert sorted(_fields(caught.value)) == ["note", "risks", "situation"]
    hostile = {
        "situation": "<b>Negrita</b> & <script>alert(1)</script>",
        "objective": "🙂 Cobrar 💰 — «ya»",
        "talking_points": "Línea 1\r\nLínea 2\rLínea 3",
        "risks": "r" * strategy.MAX_SECTION,
    }
    _save(db, case_id, 0, **hostile, note="Nota <i>1</i>")
    current = _info(db, case_id).current
    assert current is not None
    assert current.sections["situation"] == hostile["situation"]
    assert current.sections["objective"] == hostile["objective"]
    assert current.sections["talking_points"] == "Línea 1\nLínea 2\nLínea 3"
    assert len(current.sections["risks"]) == strategy.MAX_SECTION
    assert current.note == "Nota <i>1</i>"


# -- what changed ------------------------------------------------------------------------------


def test_compare_versions_lists_only_the_sections_that_changed(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    me = actor(db, "ejecutivo1")
    _save(db, case_id, 0, **FIRST)
    _save(db, case_id, 1, **{**FIRST, "objective": "Recuperar el 90 %.", "risks": "El aval."})
    changes = strategy.compare_versions(db.unit_of_work(), me, case_id, 1, 2)
    assert [(c.section, c.before, c.after) for c in changes] == [
        ("objective", FIRST["objective"], "Recuperar el 90 %."),
        ("risks", "", "El aval."),
    ]
    backwards = strategy.compare_versions(db.unit_of_work(), me, case_id, 2, 1)
    assert [(c.before, c.after) for c in backwards] == [(c.after, c.before) for c in changes]
    assert strategy.compare_versions(db.unit_of_work(), me, case_id, 2, 2) == []
    with pytest.raises(NotFound):
        strategy.compare_versions(db.unit_of_work(), me, case_id, 1, 9)
    with pytest.raises(NotFound):
        strategy.compare_versions(db.unit_of_work(), actor(db, "ejecutivo2"), case_id, 1, 2)


def _check_spelled(before: str, after: str) -> tuple[Piece, ...]:
    pieces = diff_text(before, after)
    assert spelled(pieces, Change.REMOVED) == before
    assert spelled(pieces, Change.ADDED) == after
    kinds = [p.change for p in pieces]
    assert all(a != b for a, b in pairwise(kinds))  # merged
    return pieces


def test_the_diff_highlights_words_inside_lines_and_spells_both_sides() -> None:
    before = "El deudor reconoce la deuda.\nPide una quita del 40 %.\nRiesgo alto."
    after = "El deudor reconoce la deuda total.\nPide una quita del 30 %.\nRiesgo alto.\nNuevo"
    pieces = _check_spelled(before, after)
    assert [p for p in pieces if p.change is not Change.SAME] == [
        Piece(Change.ADDED, " total"),
        Piece(Change.REMOVED, "40"),
        Piece(Change.ADDED, "30"),
        Piece(Change.ADDED, "\nNuevo"),
    ]
    assert _check_spelled("", "") == ()
    assert _check_spelled("", "todo nuevo") == (Piece(Change.ADDED, "todo nuevo"),)
    assert _check_spelled("se va", "") == (Piece(Change.REMOVED, "se va"),)
    _check_spelled("<b>x</b> 🙂 & y", "<b>z</b> 🙂 &amp; y")
    # Words rewritten around the spaces they share read as one change, not interleaved.
    before, after = "Objetivo acordado: el de supervisión, en doce meses.", "Objetivo "
    after += "acordado: mi propio objetivo, en doce meses."
    assert _check_spelled(before, after) == (
        Piece(Change.SAME, "Objetivo acordado: "),
        Piece(Change.REMOVED, "el de supervisión"),
        Piece(Change.ADDED, "mi propio objetivo"),
        Piece(Change.SAME, ", en doce meses."),
    )
    # A sentence rewritten, sharing only a few short words: the old one out, the new one in.
    before, after = "Que el fiador no firme: sin él, el plazo baja.", "Que el deudor venda el auto."
    assert _check_spelled(before, after) == (
        Piece(Change.REMOVED, before),
        Piece(Change.ADDED, after),
    )
    # Too large to compare word by word at once: the block is shown removed, then added.
    big_before = " ".join(f"palabra{i}" for i in range(4_000))
    big_after = " ".join(f"palabra{i + 1}" for i in range(4_000))
    assert [p.change for p in _check_spelled(big_before, big_after)] == [
        Change.REMOVED,
        Change.ADDED,
    ]


# -- decisions ---------------------------------------------------------------------------------


def test_decisions_are_validated_and_listed_newest_first(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    old = _decide(db, case_id, _day(db, -30), "Se acordó no ofrecer quita sin enganche.")
    new = _decide(db, case_id, _day(db), "El deudor pidió una semana más.", "supervisor1")
    same_day = _decide(db, case_id, _day(db, -30), "Segunda decisión <b>ese</b> día 🙂")
    decisions = _info(db, case_id).decisions
    assert [d.id for d in decisions] == [new, same_day, old]
    assert decisions[0].author == "María José Castillo"
    assert decisions[1].text == "Segunda decisión <b>ese</b> día 🙂"
    assert audit_actions(db, case_id)[-1] == "strategy.decision_added"
    refused = [
        ("decided_on", _day(db, 1), "texto"),
        ("decided_on", "1989-12-31", "texto"),
        ("decided_on", "2200-01-01", "texto"),
        ("decided_on", "31/12/2026", "texto"),
        ("decided_on", "", "texto"),
        ("decided_on", "x" * 10_000, "texto"),
        ("text", _day(db), ""),
        ("text", _day(db), "   \n "),
        ("text", _day(db), "t" * (strategy.MAX_DECISION + 1)),
        ("text", _day(db), "nul \x00"),
    ]
    for field, on, text in refused:
        with pytest.raises(ValidationError) as caught:
            _decide(db, case_id, on, text)
        assert _fields(caught.value) == [field], (on, text[:20])
    with pytest.raises(ValidationError) as caught:
        _decide(db, case_id, "mañana", "")
    assert sorted(_fields(caught.value)) == ["decided_on", "text"]
    assert _decide(db, case_id, "1990-01-01", "t" * strategy.MAX_DECISION)
    assert count(db, StrategyDecision, case_id=case_id) == 4


# -- our alternative ---------------------------------------------------------------------------


def test_the_legal_route_is_offered_as_our_alternative(any_database: Database) -> None:
    db = any_database
    me = actor(db, "ejecutivo1")
    with db.unit_of_work() as uow:
        user = uow.session.scalars(select(User.id).where(User.username == "ejecutivo1")).one()
        numbers = select(Case.id).where(Case.executive_id == user).order_by(Case.number)
        owing = uow.session.scalars(numbers.where(Case.exposure > 0)).first()
        settled = uow.session.scalars(numbers.where(Case.exposure == 0)).first()
    assert owing is not None and settled is not None
    comparison = scenarios.compare_scenarios(db.unit_of_work(), me, owing)
    legal = comparison.rows[-1].value
    assert legal is not None
    hint = _info(db, owing).alternative_hint
    amount = format_money(Money(legal.expected_pv, comparison.currency))
    assert hint.startswith(f"Vía judicial: valor presente esperado {amount} (recuperación ")
    assert f"{legal.months_to_recover} meses" in hint or legal.months_to_recover == 1
    assert "probabilidad de ganar" in hint and hint.endswith(" %.")
    assert _info(db, settled).alternative_hint == ""


# -- who may -----------------------------------------------------------------------------------


def test_only_who_may_work_the_case_changes_its_strategy(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    _save(db, case_id, 0, **FIRST)
    for username in ("ejecutivo2", "ejecutivo3", "supervisor2"):
        with pytest.raises(NotFound):
            _info(db, case_id, username)
        with pytest.raises(NotFound):
            _save(db, case_id, 1, username, situation="Otra")
        with pytest.raises(NotFound):
            _decide(db, case_id, _day(db), "Otra", username)
    admin = _info(db, case_id, "admin1")  # reads, does not collect
    assert admin.current is not None and not admin.can_edit
    with pytest.raises(NotAllowed):
        _save(db, case_id, 1, "admin1", situation="Otra")
    with pytest.raises(NotAllowed):
        _decide(db, case_id, _day(db), "Otra", "admin1")
    assert _info(db, case_id, "supervisor1").can_edit
    assert _save(db, case_id, 1, "supervisor1", situation="Del supervisor") == 2
    assert count(db, StrategyVersion, case_id=case_id) == 2
    assert count(db, StrategyDecision, case_id=case_id) == 0


def test_legal_reads_a_case_in_legal_but_changes_nothing(any_database: Database) -> None:
    db = any_database
    try:
        case_id = fresh_case(db, "company", status="legal")
    except AssertionError:
        case_id = fresh_case(db, "individual", status="legal")
    _save(db, case_id, 0, **FIRST)
    _decide(db, case_id, _day(db), "Se envía a jurídico.")
    seen = _info(db, case_id, "juridico1")
    assert seen.current is not None and len(seen.decisions) == 1 and not seen.can_edit
    with pytest.raises(NotAllowed):
        _save(db, case_id, 1, "juridico1", situation="De jurídico")
    with pytest.raises(NotAllowed):
        _decide(db, case_id, _day(db), "De jurídico", "juridico1")


# -- applied once, offline, conflicts ----------------------------------------------------------


def test_a_command_is_applied_once(any_database: Database) -> None:
    db = any_database
    case_id = fresh_case(db, "company")
    me = actor(db, "ejecutivo1")
    save = StrategySave(case_id, 0, FIRST, id=uuid4())
    assert [strategy.save_strategy(db.unit_of_work(), me, save) for _ in range(2)] == [1, 1]
    decision = NewDecision(case_id, uuid4(), _day(db), "Una vez", id=uuid4())
    for _ in range(2):
        assert strategy.add_decision(db.unit_of_work(), me, decision) == decision.decision_id
    # The same entry sent again under another command id (a retry): still one entry.
    again = dataclasses.replace(decision, id=uuid4())
    assert strategy.add_decision(db.unit_of_work(), me, again) == decision.decision_id
    assert count(db, StrategyVersion, case_id=case_id) == 1
    assert count(db, StrategyDecision, case_id=case_id) == 1
    assert audit_actions(db, case_id)[-2:] == ["strategy.saved", "strategy.decision_added"]
    other = fresh_case(db, "individual")
    with pytest.raises(NotFound):  # another case's entry id
        strategy.add_decision(
            db.unit_of_work(), me, dataclasses.replace(decision, case_id=other, id=uuid4())
        )


def test_a_strategy_written_offline_reaches_the_central_database_and_other_caches(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    case_id = fresh_case(central, "company")
    boss, cache = cache_for("supervisor1"), cache_for("ejecutivo1")
    _save(cache, case_id, 0, **FIRST, note="Sin conexión")
    _save(cache, case_id, 1, **{**FIRST, "risks": "El fiador viaja."})
    _decide(cache, case_id, _day(cache), "Decidido sin conexión.")
    assert sync.status(cache).pending == 3
    report = sync.sync_once(central, cache, "ejecutivo1")
    assert (report.pushed, report.refused, report.pending) == (3, 0, 0)
    on_central, on_cache = _info(central, case_id), _info(cache, case_id)
    assert on_central.versions == on_cache.versions and len(on_central.versions) == 2
    assert on_central.decisions == on_cache.decisions and len(on_central.decisions) == 1
    sync.sync_once(central, boss, "supervisor1")
    assert _info(boss, case_id, "supervisor1").versions == on_central.versions


def test_a_version_saved_on_both_sides_is_settled_section_by_section(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    case_id = fresh_case(central, "company")
    _save(central, case_id, 0, **FIRST)
    cache = cache_for("ejecutivo1")
    mine = {**FIRST, "objective": "Objetivo mío", "risks": "Riesgo mío"}
    _save(cache, case_id, 1, **mine, note="Mía")
    theirs = {**FIRST, "situation": "Situación de ellos", "risks": "Riesgo de ellos"}
    _save(central, case_id, 1, "supervisor1", **theirs)
    assert sync.sync_once(central, cache, "ejecutivo1").refused == 1
    assert _info(cache, case_id).current == _info(central, case_id).current  # restored
    [conflict] = conflicts.list_conflicts(cache.unit_of_work())
    assert conflict.kind == strategy.SAVE
    assert conflict.fields == (*strategy.SECTIONS, "note")
    assert conflict.theirs is not None
    assert (conflict.mine["risks"], conflict.theirs["risks"]) == ("Riesgo mío", "Riesgo de ellos")
    assert (conflict.mine["note"], conflict.theirs["note"]) == ("Mía", "")
    chosen = {**conflict.theirs, "objective": conflict.mine["objective"]}
    me = actor(cache, "ejecutivo1")
    conflicts.resolve(cache.unit_of_work, me, conflict.id, "merge", chosen)
    assert sync.sync_once(central, cache, "ejecutivo1").pushed == 1
    current = _info(central, case_id).current
    assert current is not None and current.version == 3
    assert current.sections["situation"] == "Situación de ellos"
    assert current.sections["objective"] == "Objetivo mío"
    assert current.sections["risks"] == "Riesgo de ellos"


def test_choosing_the_central_version_saves_nothing_more(
    any_database: Database, cache_for: CacheFor
) -> None:
    central = any_database
    case_id = fresh_case(central, "company")
    _save(central, case_id, 0, **FIRST)
    cache = cache_for("ejecutivo1")
    _save(cache, case_id, 1, **{**FIRST, "objective": "Mío"})
    _save(central, case_id, 1, "supervisor1", **{**FIRST, "objective": "De ellos"})
    sync.sync_once(central, cache, "ejecutivo1")
    [conflict] = conflicts.list_conflicts(cache.unit_of_work())
    me = actor(cache, "ejecutivo1")
    # "Combine" with every field theirs: what is chosen is already the latest version.
    conflicts.resolve(cache.unit_of_work, me, conflict.id, "merge", dict(conflict.theirs or {}))
    assert conflicts.list_conflicts(cache.unit_of_work()) == []
    assert sync.status(cache).pending == 0
    assert _version(central, case_id) == 2
