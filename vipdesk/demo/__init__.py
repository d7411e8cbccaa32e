"""The demo portfolio: a realistic, reproducible set of teams, users and cases.

``generate(engine, cases=..., seed=..., as_of=...)`` replaces the database's contents with it;
``DEMO_USERS`` lists the accounts it creates.
"""

from vipdesk.demo.generator import DemoStats, generate
from vipdesk.demo.users import DEMO_USERS, DemoUser

__all__ = ["DEMO_USERS", "DemoStats", "DemoUser", "generate"]
