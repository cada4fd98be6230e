"""Test artifacts cited as evidence: detection by content, one parser per format, upstream's checks.

Formats: JUnit XML, go test -json, go test -v text, Ginkgo text and JSON reports, CTRF.
`evaluate.evaluate()` judges a submission's citations once per run; rules and the report read it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import exports

if TYPE_CHECKING:
    from .aggregate import combine, find
    from .detect import TRIED, parse_as
    from .evaluate import Backing, Citation, SubmissionArtifacts, TestCheck
    from .model import ArtifactError, Counts, Format, Outcome, Parsed, TestResult
    from .read import ARTIFACT_MAX_BYTES, Reading, parse_bytes, read_artifact
    from .testmap import MappedTest, TestMap, load_test_map

# Loaded on first use: a rule module that needs `Outcome` does not load every parser.
__getattr__, __dir__ = exports(__name__, {
    "combine": "aggregate",
    "find": "aggregate",
    "TRIED": "detect",
    "parse_as": "detect",
    "Backing": "evaluate",
    "Citation": "evaluate",
    "SubmissionArtifacts": "evaluate",
    "TestCheck": "evaluate",
    "ArtifactError": "model",
    "Counts": "model",
    "Format": "model",
    "Outcome": "model",
    "Parsed": "model",
    "TestResult": "model",
    "ARTIFACT_MAX_BYTES": "read",
    "Reading": "read",
    "parse_bytes": "read",
    "read_artifact": "read",
    "MappedTest": "testmap",
    "TestMap": "testmap",
    "load_test_map": "testmap",
})

__all__ = [
    "ARTIFACT_MAX_BYTES",
    "TRIED",
    "ArtifactError",
    "Backing",
    "Citation",
    "Counts",
    "Format",
    "MappedTest",
    "Outcome",
    "Parsed",
    "Reading",
    "SubmissionArtifacts",
    "TestCheck",
    "TestMap",
    "TestResult",
    "combine",
    "find",
    "load_test_map",
    "parse_as",
    "parse_bytes",
    "read_artifact",
]
