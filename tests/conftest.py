"""Shared fixtures: the seed document and its tables, built once per test session."""

import pytest

from helpers.paths import DEFAULT_SOURCE
from helpers.text.reader import read_document


@pytest.fixture(scope="session")
def seed_document():
    return read_document(DEFAULT_SOURCE)


@pytest.fixture(scope="session")
def seed_tables(seed_document):
    from helpers.pipeline import extract

    return extract(seed_document.text)
