"""Vendors: one entry per folded vendorName, with its group, versions and products.

JSON (`vendors`): [{key, name, spellings, group, group_title, curated, versions,
products, platforms, submissions}]. `key` is the folded vendorName ("" for files
without one); `curated` says whether the vendor-groups file lists it.
"""

from __future__ import annotations

from typing import Any

from ...model import Submission
from ..escape import md_code, md_text
from ..markup import join_blocks, submission_link, table
from ..section import ReportContext, Rows
from ..shared import analysis

KEY = "vendors"


class VendorsSection:
    key = KEY
    title = "Vendors"

    def build(self, ctx: ReportContext) -> Any:
        an = analysis(ctx)
        return [{
            "key": v.key,
            "name": v.name,
            "spellings": list(v.spellings),
            "group": v.group.id,
            "group_title": v.group.title,
            "curated": v.curated,
            "versions": list(v.versions),
            "products": list(v.products),
            "platforms": list(v.platforms),
            "submissions": list(v.submissions),
        } for v in an.inventory.vendors]

    def markdown(self, data: Any) -> str:
        named = [v for v in data if v["key"]]
        multi = [v for v in named if len(v["versions"]) > 1]
        blocks = [f"{len(named)} distinct vendors (vendorName compared without case, extra spaces, a "
                  f"trailing parenthetical or legal form); {len(multi)} of them in more than one version. "
                  "Groups come from kaic's curated vendor-groups file; a vendor it does not list is "
                  "*unclassified*."]
        groups = list(dict.fromkeys((v["group"], v["group_title"]) for v in data))
        for gid, title in groups:
            members = [v for v in data if v["group"] == gid]
            rows = []
            for v in members:
                spelled = "; ".join(md_text(s) for s in v["spellings"]) if len(v["spellings"]) > 1 else ""
                rows.append([md_text(v["name"]) or "*(no vendorName)*",
                             ", ".join(f"v{md_text(x)}" for x in v["versions"]),
                             ", ".join(submission_link(p) for p in v["submissions"]),
                             "; ".join(md_text(p) for p in v["platforms"]), spelled])
            blocks += [f"**{md_text(title)}** ({len(members)})",
                       table(["Vendor", "Versions", "Submissions", "Platforms", "Other spellings"], rows)]
        blocks.append(classify_note(data))
        return join_blocks(*blocks)

    def csv(self, data: Any) -> dict[str, Rows]:
        rows: Rows = [["key", "name", "group", "curated", "versions", "products", "platforms", "spellings"]]
        rows += [[v["key"], v["name"], v["group"], v["curated"], " ".join(v["versions"]), " ".join(v["products"]),
                  "; ".join(v["platforms"]), "; ".join(v["spellings"])] for v in data]
        return {"vendors": rows}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


SECTION = VendorsSection()


def classify_note(data: Any) -> str:
    """How to classify a vendor the groups file does not list (said in every report)."""
    ids = [gid for gid in dict.fromkeys(v["group"] for v in data) if gid != "unclassified"]
    unclassified = [v for v in data if v["key"] and v["group"] == "unclassified"]
    now = (f" Unclassified now ({len(unclassified)}): " + "; ".join(md_text(v["name"]) for v in unclassified) + "."
           if unclassified else " Every vendor here is classified.")
    return ("**Classifying a new vendor.** Copy kaic's `data/vendor_groups.yaml`, add an entry with the vendor's "
            "display `name`, its vendorName spellings under `match` (folded: lower case, without a trailing "
            "parenthetical or legal form) and its `group` (" + (", ".join(md_code(g) for g in ids) +
            " or another group" if ids else "a group") + " the file defines), then pass the file with `kaic report --vendor-groups FILE`; "
            "entries that hold for everyone belong in kaic's own file." + now)
