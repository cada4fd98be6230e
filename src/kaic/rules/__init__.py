"""The rule registry: every lint rule, one module each, registered here only.

The rule modules are imported when `RULES` is first used: a command that reads findings
(or only their `Severity`) without running the rules does not load them.
"""

from __future__ import annotations

import importlib
from typing import Any

from ._api import Context, Finding, Hit, Rule, Severity

# The rule modules, in the order rules run and are listed.
_MODULES = (
    # the file itself
    "yaml_invalid",
    "not_utf8",
    "file_too_large",
    "file_not_regular",
    "product_folder_name",
    "yaml_duplicate_key",
    "yaml_tag",
    "field_type",
    # parity with the upstream validator
    "checklist_missing",
    "checklist_invalid",
    "metadata_missing",
    "metadata_missing_field",
    "metadata_placeholder",
    "metadata_not_string",
    "k8s_conformance_url_format",
    "missing_category",
    "missing_requirement",
    "invalid_status",
    "must_not_implemented",
    "na_without_notes",
    "local_evidence_not_found",
    # beyond it
    "na_on_must",
    "empty_status",
    "evidence_empty_string",
    "evidence_not_a_list",
    "evidence_missing",
    "evidence_not_a_link",
    "evidence_url_malformed",
    "description_edited",
    "level_edited",
    "unknown_requirement",
    "duplicate_requirement",
    "version_mismatch",
    "kubernetes_version_format",
    "example_value",
    "logo_format",
    "contact_email_invalid",
    "status_contradicts_notes",
    "device_plugin_as_dra",
    "local_evidence_outside",
    "local_evidence_link",
    "metadata_key_style",
    "top_level_key",
    # evidence and notes that do not fit their requirement (issue 12)
    "na_in_disguise",
    "notes_copied",
    "evidence_off_topic",
    "evidence_generic",
    # test artifacts cited as evidence
    "artifact_unparsable",
    "artifact_failing_tests",
    "artifact_test_not_found",
    "artifact_test_failed",
    "artifact_test_skipped",
    "artifact_other_product",
    "artifact_recommended",
    "artifact_inconsistent",
    "artifact_format_unrecognised",
)

_registry: dict[str, Rule] = {}


def _load() -> dict[str, Rule]:
    if not _registry:
        modules = [importlib.import_module(f"{__name__}.{name}") for name in _MODULES]
        _registry.update((r.id, r) for r in map(Rule.from_module, modules))
    return _registry


def __getattr__(name: str) -> Any:
    if name == "RULES":
        return _load()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


RULES: dict[str, Rule]

__all__ = ["RULES", "Context", "Finding", "Hit", "Rule", "Severity"]
