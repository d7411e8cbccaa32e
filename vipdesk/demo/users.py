"""The demo's teams and user accounts (other code and the tests rely on these usernames)."""

from __future__ import annotations

from dataclasses import dataclass

from vipdesk.core.catalog import Role

TEAM_GUATEMALA = "Cartera VIP Guatemala"
TEAM_MEXICO = "Cartera VIP México"


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    role: Role
    team: str | None
    email: str
    phone: str
    approval_level: str | None = None  # core.approval.ApproverLevel; None: the role's


# fmt: off
DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("ejecutivo1", "Ana Lucía Morales", Role.EXECUTIVE, TEAM_GUATEMALA,
             "ana.morales@carteravip.example", "+502 2385-4101"),
    DemoUser("ejecutivo2", "Carlos Enrique Pérez", Role.EXECUTIVE, TEAM_GUATEMALA,
             "carlos.perez@carteravip.example", "+502 2385-4102"),
    DemoUser("supervisor1", "María José Castillo", Role.SUPERVISOR, TEAM_GUATEMALA,
             "maria.castillo@carteravip.example", "+502 2385-4100"),
    DemoUser("gerente1", "Luis Fernando Quiñónez", Role.SUPERVISOR, TEAM_GUATEMALA,
             "luis.quinonez@carteravip.example", "+502 2385-4150", "manager"),
    DemoUser("ejecutivo3", "Jorge Ramírez Ortega", Role.EXECUTIVE, TEAM_MEXICO,
             "jorge.ramirez@carteravip.example", "+52 55 4170 2203"),
    DemoUser("supervisor2", "Patricia Hernández Luna", Role.SUPERVISOR, TEAM_MEXICO,
             "patricia.hernandez@carteravip.example", "+52 55 4170 2200"),
    DemoUser("juridico1", "Lic. Roberto Alvarado Soto", Role.LEGAL, None,
             "roberto.alvarado@carteravip.example", "+502 2385-4190"),
    DemoUser("admin1", "Sofía Mendoza", Role.ADMIN, None,
             "sofia.mendoza@carteravip.example", "+502 2385-4199"),
)
# fmt: on
