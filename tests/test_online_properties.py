"""Properties of the pure pieces that meet untrusted bytes: logo sniffing, comment bodies, addresses."""

from __future__ import annotations

import ipaddress

from hypothesis import given, settings
from hypothesis import strategies as st

from kaic.online.github import COMMENT_LIMIT, MARKER, next_link, with_marker
from kaic.online.guard import is_public
from kaic.online.landscape import Members
from kaic.online.sniff import describe, sniff


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4096))
def test_sniff_names_every_input(data: bytes) -> None:
    kind = sniff(data)
    assert describe(kind) != ""


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=3000), st.booleans())
def test_comment_body_is_bounded_and_marked(text: str, long: bool) -> None:
    body = with_marker(text * (COMMENT_LIMIT // len(text) + 1 if long else 1))
    assert len(body) <= COMMENT_LIMIT
    assert MARKER in body


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_next_link_never_raises(header: str) -> None:
    found = next_link(header)
    assert found is None or "<" not in found


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_an_ipv4_address_is_judged_alike_when_mapped_into_ipv6(n: int) -> None:
    v4 = ipaddress.IPv4Address(n)
    assert is_public(ipaddress.IPv6Address(f"::ffff:{v4}")) is is_public(v4)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=5000))
def test_closest_member_names_are_members(name: str) -> None:
    members = Members(frozenset({"Acme Widgets Corporation", "Globex", "Initech"}), "fixture")
    assert set(members.closest(name)) <= members.names
