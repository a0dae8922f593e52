"""Printing tests need poppler (pdftoppm, pdfinfo): dev.sh installs it; say so if it is missing."""

import shutil

import pytest


@pytest.fixture(autouse=True)
def _poppler_is_installed():
    missing = [tool for tool in ("pdftoppm", "pdfinfo") if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} missing: install poppler-utils (./dev.sh setup)")
