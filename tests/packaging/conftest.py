"""Fixtures of the packaging tests: the desktop tools they run (installed by scripts/setup)."""

import shutil

import pytest

_PACKAGES = {
    "desktop-file-validate": "desktop-file-utils",
    "appstreamcli": "appstream",
    "update-mime-database": "shared-mime-info",
}


@pytest.fixture
def tool():
    """The path of a desktop tool; a test is skipped without it only where apt cannot install it."""

    def find(name: str) -> str:
        path = shutil.which(name)
        if path:
            return path
        package = _PACKAGES.get(name, name)
        if shutil.which("apt-get") is None:
            pytest.skip(f"{name} is not installed and this system has no apt to install {package}")
        pytest.fail(f"{name} is missing: run scripts/setup (it installs {package})")

    return find
