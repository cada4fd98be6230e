"""An independent model of the upstream validator's offline checks, for the corpus replay.

It reads the raw YAML with PyYAML the way upstream's Go structs take it (evidence must
be a list of strings, metadata values stay as read, an unquoted date stays text) and
applies the checks of /work/shared/reference/upstream-validator.md §1.2–1.3 in its own
terms: no kaic code is used, so kaic's verdict can be compared with it.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

VALID = ("Implemented", "Not Implemented", "Partially Implemented", "N/A")
REQUIRED = ("kubernetesVersion", "platformName", "platformVersion", "vendorName", "websiteUrl", "documentationUrl",
            "productLogoUrl", "description", "contactEmailAddress", "k8sConformanceUrl")
OPTIONAL = ("repoUrl",)
K8S_URL = re.compile(r"^https://github\.com/cncf/k8s-conformance/tree/(master|main)/v\d+\.\d+/[^/]+/?$")
OTHER_PRODUCT = re.compile(r"^(v\d+\.\d+/[^/]+)/")


class CannotLoad(ValueError):
    pass


class _Loader(yaml.SafeLoader):
    """Like upstream's YAML library into interface{}: a date-looking value stays text."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _snake(name: str) -> str:
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


def _text(value: Any) -> str:
    """A scalar as a Go string field takes it; a list or mapping cannot be."""
    if isinstance(value, (dict, list)):
        raise CannotLoad("cannot unmarshal a collection into a string")
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _requirement(item: Any) -> dict[str, Any]:
    if item is None:
        item = {}
    if not isinstance(item, dict):
        raise CannotLoad("a requirement is not a mapping")
    evidence = item.get("evidence")
    if evidence is None:
        evidence = []
    if not isinstance(evidence, list):
        raise CannotLoad("evidence is not a list")
    return {"id": _text(item.get("id")), "status": _text(item.get("status")), "notes": _text(item.get("notes")),
            "level": _text(item.get("level")), "evidence": [_text(e) for e in evidence]}


def load(text: str) -> tuple[dict[str, Any] | None, dict[str, list[dict[str, Any]]] | None]:
    """(metadata, spec) as upstream's structs hold them; None for an absent or null section."""
    try:
        doc = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise CannotLoad(str(exc)) from None
    doc = {} if doc is None else doc
    if not isinstance(doc, dict):
        raise CannotLoad("the document is not a mapping")
    meta, spec = doc.get("metadata"), doc.get("spec")
    if meta is not None and not isinstance(meta, dict):
        raise CannotLoad("metadata is not a mapping")
    if spec is not None and not isinstance(spec, dict):
        raise CannotLoad("spec is not a mapping")
    if spec is None:
        return meta, None
    categories: dict[str, list[dict[str, Any]]] = {}
    for category, items in spec.items():
        if items is not None and not isinstance(items, list):
            raise CannotLoad("a category is not a list")
        categories[str(category)] = [_requirement(i) for i in items or []]
    return meta, categories


def _metadata_errors(meta: dict[str, Any]) -> list[str]:
    errors = []
    for name in (*REQUIRED, *OPTIONAL):
        key = name if name in meta else _snake(name)
        value = meta.get(key)
        if value is None:
            if name in REQUIRED:
                errors.append(f"Missing metadata field: {name} (or {_snake(name)})")
            continue
        if not isinstance(value, str):
            errors.append(f"Metadata field {name} is not a string")
        elif value == "":
            if name in REQUIRED:
                errors.append(f"Metadata field {name} is empty")
        elif value.startswith("[") and value.endswith("]"):
            errors.append(f"Metadata field {name} has placeholder value: {value}")
        elif name == "k8sConformanceUrl":
            if not K8S_URL.match(value):
                errors.append(f"Invalid k8sConformanceUrl format: {value}. Expected format: "
                              "https://github.com/cncf/k8s-conformance/tree/master/v{version}/{product}")
        elif name == "productLogoUrl" and value.startswith("http") \
                and not value.lower().endswith((".svg", ".eps", ".ai")):
            errors.append(f"productLogoUrl must link to an SVG, EPS, or AI file: {value}")
    return errors


def _evidence_error(rid: str, link: str, folder: str, exists: Callable[[str], bool]) -> str | None:
    if link == "" or link.startswith(("http://", "https://")):
        return None  # blanks are skipped; URLs are checked online
    item = link.strip()
    if item.lower().startswith("file://"):
        item = item[len("file://"):]
    item = item.split("#", 1)[0].lstrip("/")
    if not item:
        return f"Invalid evidence file for '{rid}': {link} (empty file path)"
    own = OTHER_PRODUCT.match(item)
    if own and own.group(1) == folder:
        item = item[len(folder) + 1:]
    elif own:
        return f"Invalid evidence file for '{rid}': {link} (references a different product directory)"
    clean = posixpath.normpath(item)
    if clean == "." or clean == ".." or clean.startswith("../"):
        return f"Invalid evidence file for '{rid}': {link} (escapes the product directory)"
    full = posixpath.join(folder, clean)
    return None if exists(full) else f"Invalid evidence file for '{rid}': {link} (not found at {full})"


E2E_RESULT = re.compile(r"^\s*--- (PASS|FAIL|SKIP): (\S+)", re.M)


def _artifact_error(rid: str, link: str, folder: str, read: Callable[[str], bytes] | None,
                    seen: set[str]) -> str | None:
    """PR #141 for the one artifact the corpus holds: a file named e2e.log must have `--- PASS:` lines.

    (junit.xml and results.json are parsed upstream too; no corpus commit cites either.)"""
    item = link.strip()
    item = item[len("file://"):] if item.startswith("file://") else item
    item = item.split("#", 1)[0].lstrip("/")
    full = posixpath.join(folder, posixpath.normpath(item)) if item else ""
    if read is None or not full or posixpath.basename(full).lower() != "e2e.log" or full in seen:
        return None
    seen.add(full)
    if E2E_RESULT.search(read(full).decode("utf-8", "replace")):
        return None
    return (f"Invalid test artifact for '{rid}': {link.strip().split('#', 1)[0]} "
            "(parsing e2e log: no '--- PASS/FAIL/SKIP:' result lines found)")


def check(path: str, text: str, schema_text: str, exists: Callable[[str], bool],
          read: Callable[[str], bytes] | None = None) -> list[str]:
    """Upstream's offline errors for the submission `path` with content `text`."""
    try:
        meta, spec = load(text)
    except CannotLoad as exc:
        return [f"Error loading product: {exc}"]
    _, schema = load(schema_text)
    errors = ["Missing 'metadata' section"] if meta is None else _metadata_errors(meta)
    if spec is None:
        return [*errors, "Missing 'spec' section"]
    folder = posixpath.dirname(path)
    artifacts: set[str] = set()  # each artifact judged once, at its first citation
    for category, wanted in (schema or {}).items():
        if category not in spec:
            errors.append(f"Missing spec category: {category}")
            continue
        given = {r["id"]: r for r in spec[category]}  # a repeated id: the last one counts
        for want in wanted:
            got = given.get(want["id"])
            rid = want["id"]
            if got is None:
                errors.append(f"Missing requirement '{rid}' in category '{category}'")
                continue
            if want["level"] == "SHOULD" and got["status"] == "" and not got["evidence"]:
                continue
            if got["status"] not in VALID:
                errors.append(f"Invalid status '{got['status']}' for '{rid}'. Must be one of [{' '.join(VALID)}]")
            if want["level"] == "MUST" and got["status"] != "Implemented":
                errors.append(f"Requirement '{rid}' is MUST level but status is '{got['status']}'. "
                              "It must be 'Implemented'.")
            if got["status"] == "N/A" and got["notes"] == "":
                errors.append(f"Notes required for '{rid}' when status is N/A")
            for link in got["evidence"]:
                error = _evidence_error(rid, link, folder, exists)
                if error is None and link and not link.startswith(("http://", "https://")):
                    error = _artifact_error(rid, link, folder, read, artifacts)
                if error:
                    errors.append(error)
    return errors


def _git(checkout: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(checkout), *args], capture_output=True, timeout=60, check=False)


def offline_errors(checkout: Path, oid: str, path: str) -> list[str]:
    """Upstream's offline errors for `path` at commit `oid`, against the first parent's checklist."""
    version = path.split("/", 1)[0][1:]
    product = _git(checkout, "show", f"{oid}:{path}")
    schema = _git(checkout, "show", f"{oid}^1:docs/AIConformance-{version}.yaml")
    if schema.returncode != 0:
        return [f"Error: Schema not found at docs/AIConformance-{version}.yaml"]
    tree = set(_git(checkout, "ls-tree", "-r", "-t", "--name-only", oid).stdout.decode().splitlines())
    return check(path, product.stdout.decode("utf-8"), schema.stdout.decode("utf-8"), tree.__contains__,
                 lambda file: _git(checkout, "show", f"{oid}:{file}").stdout)
