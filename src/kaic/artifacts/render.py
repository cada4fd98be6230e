"""Text for `kaic artifacts`: one block per file, from describe()'s data only."""

from __future__ import annotations

from typing import Any

from ..formats._util import one_line

MAX_TESTS_SHOWN = 200


def text(files: list[dict[str, Any]]) -> str:
    out: list[str] = []
    for f in files:
        out.append(f"{one_line(f['path'])}: {f['format_label'] or 'not a test output format kaic knows'}")
        up = f["upstream"]
        if up["reads_as"] and up["error"]:
            out.append(f"  upstream reads it by name as {up['reads_as']} and FAILS it: {one_line(up['error'])}")
        elif up["reads_as"]:
            out.append(f"  upstream reads it by name as {up['reads_as']}")
        else:
            out.append("  upstream does not read it (it goes by name: junit.xml, results.json, e2e.log)")
        if f["error"]:
            out.append(f"  error: {one_line(f['error'])}")
            out.append("")
            continue
        facts = f.get("facts") or {}
        if facts:
            out.append("  run: " + ", ".join(f"{k} {one_line(str(v))}" for k, v in sorted(facts.items())))
        t = f["totals"]
        out.append(f"  tests: {t['passed']} passed, {t['failed']} failed, {t['skipped']} skipped")
        order = {"fail": 0, "pass": 1, "skip": 2}
        for test in sorted(f["tests"], key=lambda t: order.get(t["outcome"], 3))[:MAX_TESTS_SHOWN]:
            took = f" ({test['duration']:.2f}s)" if test["duration"] is not None else ""
            out.append(f"    {test['outcome'].upper():4} {one_line(test['name'])}{took}")
        if len(f["tests"]) > MAX_TESTS_SHOWN:
            out.append(f"    … {len(f['tests']) - MAX_TESTS_SHOWN} more (use --format json)")
        if f["failing"]:
            out.append("  failing: " + ", ".join(one_line(n) for n in f["failing"][:20]))
        for p in f["requirements"]:
            mark = "proves" if p["outcome"] == "pass" else f"does not prove ({p['outcome']})"
            up_note = ", checked by upstream" if p["checked_upstream"] else ""
            out.append(f"  {mark} {p['requirement']} with {one_line(p['test'])}{up_note}")
        out.append("")
    return "\n".join(out)
