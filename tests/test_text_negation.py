"""Wording right around a project name that says it is not used (kept, tagged, not adoption)."""

from __future__ import annotations

import pytest

from kaic.components.text import Tag, tag_for


@pytest.mark.parametrize(
    ("text", "name", "tag"),
    [
        ("Unlike Volcano, we rely on Kueue for gang scheduling.", "Volcano", Tag.NEGATIVE),
        ("Unlike Volcano, we rely on Kueue for gang scheduling.", "Kueue", None),
        ("We use Kueue instead of Volcano.", "Volcano", Tag.NEGATIVE),
        ("We use Kueue instead of Volcano.", "Kueue", None),
        ("No Kubeflow. Ray is supported.", "Kubeflow", Tag.NEGATIVE),
        ("No Kubeflow. Ray is supported.", "Ray", None),
        ("A Slurm-like batch scheduler is provided.", "Slurm", Tag.NEGATIVE),
        ("SUNK runs Slurm on Kubernetes.", "Slurm", None),
        ("Kueue runs with no changes.", "Kueue", None),
    ],
)
def test_local_negative_wording(text: str, name: str, tag: Tag | None) -> None:
    start = text.index(name)
    assert tag_for(text, start, start + len(name)) == tag
