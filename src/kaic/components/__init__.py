"""Component intelligence: which projects each submission names, its solutions, the
quality of its evidence, and its issues and gaps, all read from the data.

- `catalog`: the curated catalog (data/catalog.yaml), checked and compiled once;
- `matcher`, `versions`, `urls`, `text`: one scan per text (names, API groups, links,
  versions written next to a name, negative and roadmap wording);
- `detect`: Submission -> Detection (mentions with their place; components M/X);
- `evidence`, `solutions`, `gaps`: evidence classes and grade, solutions per topic
  (data/solutions.yaml), vendor issues with recommendations;
- `analysis`: every submission of a RepoState, and adoption across them;
- `delta`: component adoption in baselines and `kaic diff`.
"""

from .analysis import Adoption, ComponentAnalysis, SubmissionResult, analyse_components
from .catalog import Catalog, CatalogError, Entry, load_catalog
from .model import Component, Detection, Kind, Mention, Place, Via
from .text import Tag

__all__ = [
    "Adoption",
    "Catalog",
    "CatalogError",
    "Component",
    "ComponentAnalysis",
    "Detection",
    "Entry",
    "Kind",
    "Mention",
    "Place",
    "SubmissionResult",
    "Tag",
    "Via",
    "analyse_components",
    "load_catalog",
]
