"""Running ``vipdesk`` as a real process, the way administrators and scripts do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# What the processes use where no keychain exists (always, in these tests: see vipdesk_env).
PASSPHRASE = "una frase de prueba bastante larga"


def vipdesk_env(
    home: Path, passphrase: str | None = PASSPHRASE, **extra: str
) -> dict[str, str]:
    env = {**os.environ, "VIPDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("VIPDESK_DATABASE_URL", None)
    env.pop("VIPDESK_PASSPHRASE", None)
    # Whatever keychain the machine may offer, a test process never touches it: keyring's own
    # switch to its "fail" backend, so the passphrase path is the one exercised.
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    if passphrase is not None:
        env["VIPDESK_PASSPHRASE"] = passphrase
    env.update(extra)
    return env


def run_vipdesk(
    *args: str,
    home: Path,
    passphrase: str | None = PASSPHRASE,
    timeout: float = 120,
    **extra: str,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vipdesk", *args],
        env=vipdesk_env(home, passphrase, **extra),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        stdin=subprocess.DEVNULL,
    )
