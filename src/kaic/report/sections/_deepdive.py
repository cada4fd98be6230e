"""Shared by the deep-dive sections: identifiers and mechanism words, collected once."""

from __future__ import annotations

from ...deepdive.collect import Collected, collect_identifiers, vocabulary_for
from ...deepdive.vocabulary import Vocabulary
from ..section import ReportContext
from ._components import component_analysis


def vocabulary(ctx: ReportContext) -> Vocabulary:
    return ctx.memo("deepdive_vocabulary", lambda: vocabulary_for(component_analysis(ctx).catalog))


def collected(ctx: ReportContext) -> Collected:
    return ctx.memo("deepdive_identifiers", lambda: collect_identifiers(ctx.state, vocabulary(ctx)))
