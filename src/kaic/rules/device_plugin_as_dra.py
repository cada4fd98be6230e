"""DRA is claimed through a device plugin.

Device plugins and Dynamic Resource Allocation are different mechanisms: a
device plugin advertises counted resources (`nvidia.com/gpu: 1`); DRA uses
ResourceClaims, DeviceClasses and ResourceSlices of `resource.k8s.io`. A
requirement is about DRA when its checklist description names DRA and not device
plugins, outside its forward-looking sentences ("Forward-looking: Once the accelerator
supports ... as part of DRA" asks nothing of DRA today, so time-slicing through a device
plugin is a valid gpu_sharing answer; the openings are data/requirement_terms.yaml's
`forward_looking`); the rule fires when such a requirement is claimed (any status but N/A and
Not Implemented) and the notes credit a
device plugin without naming any DRA object or driver.

Fails (warning): "Through device-plugin integration we implement the DRA APIs".
Passes: "The NVIDIA DRA driver publishes ResourceSlices; claims use DeviceClass gpu".
Passes: "Time-slicing through the device plugin" on a requirement whose description names
DRA only in a "Forward-looking: Once ..." sentence.
"""

import re
from collections.abc import Iterator

from ..model import Status, Submission
from ..terms import cues
from ._api import Context, Hit, Severity, shorten

ID = "device-plugin-as-dra"
SEVERITY = Severity.WARNING
HINT = "Show DRA itself (ResourceClaim, DeviceClass, a DRA driver); a device plugin is not DRA."
IS_DRA = re.compile(r"\bDRA\b|Dynamic Resource Allocation", re.I)
DEVICE_PLUGIN = re.compile(r"device[\s-]?plugin", re.I)
DRA_OBJECTS = re.compile(r"ResourceClaim|DeviceClass|ResourceSlice|resource\.k8s\.io|DRA[\s-]+driver", re.I)


def _about_dra(description: str) -> bool:
    """The requirement asks for DRA itself, not "device plugin or DRA"."""
    today = cues().present(description)
    return bool(IS_DRA.search(today)) and not DEVICE_PLUGIN.search(description)


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answered:
        req = ctx.requirement(a.id)
        description = req.description if req else (a.description or "")
        if a.status in (Status.NA, Status.NOT_IMPLEMENTED) or not _about_dra(description):
            continue
        evidence = " ".join(e.raw for e in a.evidence)
        if DEVICE_PLUGIN.search(a.notes) and not DRA_OBJECTS.search(a.notes + " " + evidence):
            yield Hit(f"{a.id} credits a device plugin for DRA: \"{shorten(a.notes)}\"", a.notes_line or a.line, a.id)
