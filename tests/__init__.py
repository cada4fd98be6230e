"""kaic test suite (a package, so tests import shared fixtures relatively)."""
