"""Expiry on chosen days, over certifications written here (pure), and its renderings."""

from __future__ import annotations

from datetime import date

import pytest

from kaic.analysis import parse_vendor_groups
from kaic.history import At, Certification
from kaic.history.data import expiry_data
from kaic.history.expiry import expiry
from kaic.history.markdown import expiry_md, expiry_text


def cert(path: str, vendor: str, certified: str, withdrawn: str | None = None, platform: str = "P") -> Certification:
    version, product = path.split("/")[0][1:], path.split("/")[1]
    return Certification(
        path=path, version=version, product=product, vendor=vendor, platform=platform,
        certified=At("c-" + path, f"{certified}T10:00:00+02:00"),
        withdrawn=At("w-" + path, f"{withdrawn}T10:00:00+02:00") if withdrawn else None,
    )


CERTS = [
    cert("v2.0/old/PRODUCT.yaml", "Old Corp", "2024-01-15"),
    cert("v2.0/mid/PRODUCT.yaml", "Mid Corp", "2024-06-01"),
    cert("v2.1/mid/PRODUCT.yaml", "Mid Corp", "2024-09-01"),
    cert("v2.1/gone/PRODUCT.yaml", "Gone Ltd.", "2024-07-01", withdrawn="2024-08-01"),
    cert("v2.2/new/PRODUCT.yaml", "New Inc", "2024-12-01"),
    cert("v2.2/late/PRODUCT.yaml", "Late Co", "2025-05-01"),
]


def paths(items: tuple[Certification, ...]) -> list[str]:
    return [c.path.split("/PRODUCT.yaml")[0] for c in items]


@pytest.mark.parametrize(("as_of", "within", "expiring", "expired", "current"), [
    # a day before Old Corp's anniversary: it expires tomorrow
    (date(2025, 1, 14), 90, ["v2.0/old"], [], ["v2.0/old", "v2.0/mid", "v2.1/mid", "v2.2/new"]),
    # the anniversary: "expires" is the first day without the certification
    (date(2025, 1, 15), 90, [], ["v2.0/old"], ["v2.0/mid", "v2.1/mid", "v2.2/new"]),
    # a window ending exactly on an expiry day counts it (mid v2.0 expires 2025-06-01: 137 days later)
    (date(2025, 1, 15), 137, ["v2.0/mid"], ["v2.0/old"], ["v2.0/mid", "v2.1/mid", "v2.2/new"]),
    (date(2025, 1, 15), 136, [], ["v2.0/old"], ["v2.0/mid", "v2.1/mid", "v2.2/new"]),
    # later: most recent expiry first; Late Co counted once merged
    (date(2025, 9, 2), 30, [], ["v2.1/mid", "v2.0/mid", "v2.0/old"], ["v2.2/new", "v2.2/late"]),
])
def test_expiry_on_chosen_days(as_of: date, within: int, expiring: list[str], expired: list[str],
                               current: list[str]) -> None:
    e = expiry(CERTS, as_of, within, "2.2")
    assert paths(e.expiring) == expiring
    assert paths(e.expired) == expired
    assert paths(e.current) == current  # soonest expiry first
    assert paths(e.withdrawn) == ["v2.1/gone"]


def test_not_yet_merged_is_not_listed() -> None:
    e = expiry(CERTS, date(2024, 12, 31), 90, "2.2")
    assert "v2.2/late" not in paths(e.current) + paths(e.expired) + paths(e.expiring)
    assert CERTS[-1].status(date(2024, 12, 31)) == "pending"


def test_vendors_without_a_current_newest_version() -> None:
    e = expiry(CERTS, date(2025, 2, 1), 90, "2.2")
    got = {v.name: v.current for v in e.without_newest}
    # Old expired, Mid holds 2.0 and 2.1, Gone withdrew; New holds 2.2; Late is not merged yet
    assert got == {"Gone Ltd.": (), "Mid Corp": ("2.0", "2.1"), "Old Corp": ()}
    groups = parse_vendor_groups({"groups": [{"id": "g", "title": "G"}],
                                  "vendors": [{"name": "Mid Corporation", "group": "g", "match": ["Mid Corp"]}]})
    named = expiry(CERTS, date(2025, 2, 1), 90, "2.2", groups)
    assert "Mid Corporation" in {v.name for v in named.without_newest}


def test_renderings_escape_and_agree() -> None:
    hostile = cert("v2.2/x/PRODUCT.yaml", "<script>alert(1)</script> | [x](javascript:alert(1))", "2024-12-01")
    e = expiry([*CERTS, hostile], date(2025, 11, 20), 30, "2.2")
    data = expiry_data(e)
    assert data["as_of"] == "2025-11-20" and data["within_days"] == 30
    assert [c["path"] for c in data["expiring"]] == ["v2.2/new/PRODUCT.yaml", "v2.2/x/PRODUCT.yaml"]
    assert data["expiring"][0]["days_left"] == 11
    md = expiry_md(data)
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "[x](javascript:" not in md and "\\[x\\](javascript:" in md  # shown as typed, not a link
    text = expiry_text(data)
    assert "Expiring within 30 days:" in text and "(11 days left)" in text
    assert "\x1b" not in expiry_text({**data, "expiring": [{**data["expiring"][0], "vendor": "evil\x1b[2J"}]})


def test_platform_view_current_renewed_lapsed() -> None:
    """A product line across versions: an expired certification of a platform certified
    again for a newer version is renewed; a platform with nothing current has lapsed."""
    from kaic.history import current_paths, platform_lines, platform_status

    day = date(2025, 7, 1)  # v2.0/mid expired on 2025-06-01, v2.1/mid is current; Old Corp lapsed
    lines = platform_lines(CERTS, day)
    by_product = {line.product: line for line in lines}
    assert by_product["mid"].status == "current" and by_product["mid"].current == ("2.1",)
    assert by_product["old"].status == "lapsed" and by_product["gone"].status == "lapsed"
    assert by_product["late"].status == "current"
    assert [line.product for line in platform_lines(CERTS, date(2025, 4, 1))].count("late") == 0  # not merged yet
    status = {c.path.split("/PRODUCT.yaml")[0]: platform_status(c, day, lines) for c in CERTS}
    assert status == {"v2.0/old": "lapsed", "v2.0/mid": "renewed", "v2.1/mid": "current", "v2.1/gone": "lapsed",
                      "v2.2/new": "current", "v2.2/late": "current"}
    assert current_paths(CERTS, day) == {"v2.1/mid/PRODUCT.yaml", "v2.2/new/PRODUCT.yaml", "v2.2/late/PRODUCT.yaml"}


def test_one_vendor_name_in_the_expiry_lists() -> None:
    groups = parse_vendor_groups({"version": 1, "groups": [{"id": "g", "name": "G", "description": "d"}],
                                  "vendors": [{"name": "Mid Corporation", "match": ["mid corp"], "group": "g"}]})
    data = expiry_data(expiry(CERTS, date(2025, 7, 1), 90, "2.2", groups))
    assert {c["vendor"] for c in data["current"] if c["product"] == "mid"} == {"Mid Corporation"}
    assert {c["vendor_as_written"] for c in data["current"] if c["product"] == "mid"} == {"Mid Corp"}
