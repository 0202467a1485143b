"""Shared fixtures: the seed document and its tables, built once per test session."""

import pytest
from hypothesis import settings

from helpers.paths import DEFAULT_SOURCE
from helpers.text.reader import read_document

# Property tests check what holds, never how fast: hypothesis' default deadline (200 ms an example) failed a test
# whose examples took longer only because the machine was busy. Speed is measured in `make bench`.
settings.register_profile("project", deadline=None)
settings.load_profile("project")


@pytest.fixture(scope="session")
def seed_document():
    return read_document(DEFAULT_SOURCE)


@pytest.fixture(scope="session")
def seed_tables(seed_document):
    from helpers.pipeline import extract

    return extract(seed_document.text)
