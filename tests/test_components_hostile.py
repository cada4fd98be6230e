"""Evidence files from strangers: links, oversize files, paths outside the folder, bad
bytes, a file that vanishes. The analysis reads only through the Source, never follows
a link, never leaves the product folder, and one bad file never aborts the run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kaic.components.analysis import analyse_components
from kaic.components.catalog import Catalog, parse_catalog
from kaic.components.evidence import EvidenceClass
from kaic.components.localfiles import FILE_LIMIT
from kaic.load import load_state
from kaic.source import DirectorySource
from kaic.source.base import ReadRefused

CATALOG = {"projects": [{"name": "Kueue", "repo": "kubernetes-sigs/kueue"},
                        {"name": "Volcano", "repo": "volcano-sh/volcano"}]}

PRODUCT = """\
metadata:
  vendorName: Example
spec:
  schedulingOrchestration:
    - id: gang_scheduling
      level: MUST
      status: Implemented
      notes: ""
      evidence:
        - "linked.md"
        - "big.log"
        - "../../outside.md"
        - "/etc/passwd"
        - "bad.md"
        - "good.md"
        - "gone.md"
"""


@pytest.fixture()
def catalog() -> Catalog:
    return parse_catalog(CATALOG, check=False)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    folder = tmp_path / "v1.99" / "x"
    folder.mkdir(parents=True)
    (folder / "PRODUCT.yaml").write_text(PRODUCT)
    secret = tmp_path / "secret.md"
    secret.write_text("Volcano is what the secret says\n")
    os.symlink(secret, folder / "linked.md")
    (folder / "big.log").write_bytes(b"Volcano\n" * (FILE_LIMIT // 8 + 10))
    (tmp_path / "outside.md").write_text("Volcano outside the folder\n")
    (folder / "bad.md").write_bytes(b"Kueue \xff\xfe bytes\n")
    (folder / "good.md").write_text("# Steps\n\nInstall Kueue v0.14.2\n")
    (folder / "gone.md").write_text("Volcano, soon deleted\n")
    return tmp_path


class VanishingSource(DirectorySource):
    """A source whose file disappears between listing and reading."""

    def read(self, path: str, limit: int = 2 * 1024 * 1024) -> bytes:
        if path.endswith("gone.md"):
            raise ReadRefused("file-not-found", "gone.md disappeared")
        return super().read(path, limit)


def test_only_regular_files_inside_the_folder_are_read(repo: Path, catalog: Catalog) -> None:
    state = load_state(VanishingSource(repo))
    ca = analyse_components(state, None, catalog)
    r = ca.results["v1.99/x/PRODUCT.yaml"]
    assert r.error is None
    files = dict(r.detection.files)
    assert files["v1.99/x/linked.md"] == "a symbolic link; not followed"
    assert files["v1.99/x/big.log"] == f"larger than {FILE_LIMIT} bytes; not read"
    assert files["v1.99/x/gone.md"] == "gone.md disappeared"
    assert files["v1.99/x/bad.md"] == "read"
    assert files["v1.99/x/good.md"] == "read"
    # Volcano is only in the link target, the big file, the outside file and the vanished one
    assert [(c.repo, c.version) for c in r.detection.components] == [("kubernetes-sigs/kueue", "v0.14.2")]
    assert {p.file for c in r.detection.components for p in c.places} == {"v1.99/x/bad.md", "v1.99/x/good.md"}


def test_bad_files_are_classified_not_fatal(repo: Path, catalog: Catalog) -> None:
    state = load_state(VanishingSource(repo))
    r = analyse_components(state, None, catalog).results["v1.99/x/PRODUCT.yaml"]
    classes = [(i.raw, i.cls) for i in r.evidence.requirements[0].items]
    assert classes == [
        ("linked.md", EvidenceClass.BROKEN),
        ("big.log", EvidenceClass.TEST_FOLDER),
        ("../../outside.md", EvidenceClass.BROKEN),
        ("/etc/passwd", EvidenceClass.BROKEN),
        ("bad.md", EvidenceClass.WALKTHROUGH),
        ("good.md", EvidenceClass.WALKTHROUGH),
        ("gone.md", EvidenceClass.WALKTHROUGH),
    ]
