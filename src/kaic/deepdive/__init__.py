"""What the submissions show per requirement, for people: technical identifiers with
their places (`extract`, `identifiers`, `collect`), requirement deep dives (`dives`),
distinctive vendor profiles and practices with every sentence footnoted (`profiles`,
`practices`). Vocabulary: data/identifiers.yaml (`vocabulary`)."""

from .collect import collect_identifiers, vocabulary_for
from .extract import Found, IdKind, find_identifiers
from .identifiers import Identifier, submission_identifiers
from .vocabulary import Vocabulary, load_vocabulary

__all__ = [
    "Found",
    "IdKind",
    "Identifier",
    "Vocabulary",
    "collect_identifiers",
    "find_identifiers",
    "load_vocabulary",
    "submission_identifiers",
    "vocabulary_for",
]
