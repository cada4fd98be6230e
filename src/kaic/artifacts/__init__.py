"""Test artifacts cited as evidence: detection by content, one parser per format, upstream's checks.

Formats: JUnit XML, go test -json, go test -v text, Ginkgo text and JSON reports, CTRF.
`evaluate()` judges a submission's citations once per run; rules and the report read it.
"""

from .aggregate import combine, find
from .detect import TRIED, detect, parse_as
from .evaluate import Backing, Citation, SubmissionArtifacts, TestCheck, evaluate
from .model import ArtifactError, Counts, Format, Outcome, Parsed, TestResult
from .read import ARTIFACT_MAX_BYTES, Reading, parse_bytes, read_artifact
from .testmap import MappedTest, TestMap, load_test_map

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
    "detect",
    "evaluate",
    "find",
    "load_test_map",
    "parse_as",
    "parse_bytes",
    "read_artifact",
]
