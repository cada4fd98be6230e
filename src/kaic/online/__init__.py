"""Online checks: links, the CNCF member list, the k8s conformance link and the logo.

    from kaic.online import OnlineOptions, run_online_checks
    report = run_online_checks(state, state.submissions, OnlineOptions())
    report.findings  # kaic.rules.Finding, ids documented by `kaic rules`
    report.links     # one LinkResult per URL written in a submission
    report.labels    # e.g. {"links-unverified"}

Every request goes through one shared httpx.AsyncClient whose network backend connects
to public addresses only (see guard.py), politely (per-host and total caps) and within
a time budget.
"""

from __future__ import annotations

from .checks import ONLINE_RULES, OnlineRule
from .links import LinkClass
from .options import OnlineOptions
from .report import LABEL_BROKEN, LABEL_UNVERIFIED, LinkResult, OnlineReport, run_online_checks

__all__ = [
    "LABEL_BROKEN",
    "LABEL_UNVERIFIED",
    "ONLINE_RULES",
    "LinkClass",
    "LinkResult",
    "OnlineOptions",
    "OnlineReport",
    "OnlineRule",
    "run_online_checks",
]
