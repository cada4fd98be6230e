"""kaic._yaml: the located, bounded, constructor-free YAML loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from kaic._yaml import MAX_DEPTH, MAX_NODES, Map, Scalar, Seq, YamlError, load, plain


def test_lines_and_types() -> None:
    text = (
        "# comment\n"  # 1
        "name: Acme\n"  # 2
        "count: 3\n"  # 3
        "ratio: 1.30\n"  # 4
        "flag: true\n"  # 5
        "nothing:\n"  # 6
        "quoted: '42'\n"  # 7
        "items:\n"  # 8
        "  - one\n"  # 9
        "  - two: 2\n"  # 10
        "date: 2025-01-02\n"  # 11
    )
    root = load(text).root
    assert isinstance(root, Map)
    assert [(k, line) for k, line, _ in root.entries] == [
        ("name", 2), ("count", 3), ("ratio", 4), ("flag", 5), ("nothing", 6),
        ("quoted", 7), ("items", 8), ("date", 11),
    ]
    assert root.get("name") == Scalar("Acme", 2, "str")
    assert root.get("count") == Scalar(3, 3, "int")
    assert root.get("ratio") == Scalar(1.3, 4, "float")
    assert root.get("flag") == Scalar(True, 5, "bool")
    assert root.get("nothing") == Scalar(None, 6, "null")
    assert root.get("quoted") == Scalar("42", 7, "str")  # quoted: always a string
    date = root.get("date")
    assert isinstance(date, Scalar) and date.value == "2025-01-02" and date.kind == "timestamp"
    items = root.get("items")
    assert isinstance(items, Seq) and items.line == 9
    assert items.items[0] == Scalar("one", 9, "str")
    inner = items.items[1]
    assert isinstance(inner, Map) and inner.line == 10 and inner.key_line("two") == 10
    assert root.get("missing") is None and root.key_line("missing") is None
    assert plain(root) == {
        "name": "Acme", "count": 3, "ratio": 1.3, "flag": True, "nothing": None, "quoted": "42",
        "items": ["one", {"two": 2}], "date": "2025-01-02",
    }


def test_duplicate_key_keeps_the_last_value_and_warns() -> None:
    doc = load("a: 1\nb: 2\na: 3\n")
    assert isinstance(doc.root, Map)
    assert plain(doc.root) == {"b": 2, "a": 3}
    assert [(w.code, w.line) for w in doc.warnings] == [("duplicate-key", 3)]
    assert "first on line 1" in doc.warnings[0].message


def test_tags_never_construct_objects(tmp_path: Path) -> None:
    marker = tmp_path / "constructed"
    text = (
        f"a: !!python/object/apply:os.system ['touch {marker}']\n"
        "b: !!python/name:os.system\n"
        "c: !custom {x: 1}\n"
        "d: !!str 12\n"
        "e: !!int '7'\n"
    )
    doc = load(text)
    assert not marker.exists()
    assert plain(doc.root) == {"a": [f"touch {marker}"], "b": "", "c": {"x": 1}, "d": "12", "e": "7"}
    tags = [(w.line, w.message) for w in doc.warnings if w.code == "tag"]
    assert [line for line, _ in tags] == [1, 2, 3, 5]  # !!str is plain YAML, not reported
    assert "python/object/apply:os.system" in tags[0][1]


def test_depth_limit() -> None:
    ok = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert isinstance(load(ok).root, Seq)
    with pytest.raises(YamlError, match="nesting deeper"):
        load("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    with pytest.raises(YamlError, match="nesting deeper") as exc:
        load("a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 200)))
    assert exc.value.line is not None and exc.value.line > MAX_DEPTH


def test_ten_thousand_brackets() -> None:
    # Refused as kaic's own error whichever layer (kaic's depth check or the YAML
    # library's) stops it first: never a RecursionError or a library exception.
    with pytest.raises(YamlError) as exc:
        load("[" * 10_000)
    assert type(exc.value) is YamlError and exc.value.message


def test_alias_bomb_is_refused() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    with pytest.raises(YamlError, match="alias bomb") as exc:
        load("\n".join(lines) + "\n")
    assert exc.value.line is not None and 1 <= exc.value.line <= 9


def test_aliases_within_the_limit_are_expanded() -> None:
    doc = load("base: &b {x: 1}\ncopy: *b\n")
    assert plain(doc.root) == {"base": {"x": 1}, "copy": {"x": 1}}
    with pytest.raises(YamlError, match="unknown alias"):
        load("a: *nowhere\n")


def test_node_count_limit_without_aliases() -> None:
    text = "[" + ",".join(["1"] * (MAX_NODES + 1)) + "]"
    with pytest.raises(YamlError, match=str(MAX_NODES)):
        load(text)


def test_syntax_error_has_a_line() -> None:
    with pytest.raises(YamlError) as exc:
        load("a: 1\nb: 2\nc: d: e\n")
    assert exc.value.line == 3
    with pytest.raises(YamlError):
        load("a: 'unterminated\n")
    with pytest.raises(YamlError):
        load("a: \"\\ud800\"\n")  # an escaped lone surrogate
    with pytest.raises(YamlError):
        load("a: b\x00c\n")  # NUL is not allowed in YAML text


def test_only_the_first_document_is_read() -> None:
    doc = load("a: 1\n---\nb: 2\n")
    assert plain(doc.root) == {"a": 1}
    assert [(w.code, w.line) for w in doc.warnings] == [("multi-document", 2)]


def test_empty_and_scalar_documents() -> None:
    assert load("").root is None
    assert load("# only a comment\n").root is None
    assert load("just text\n").root == Scalar("just text", 1, "str")
    root = load("- a\n- b\n").root
    assert isinstance(root, Seq) and plain(root) == ["a", "b"]


def test_complex_and_null_keys() -> None:
    root = load("? [a, b]\n: 1\n~: 2\n").root
    assert isinstance(root, Map)
    assert [k for k, _, _ in root.entries] == ["<complex key>", ""]


def test_big_integers_and_odd_numbers_do_not_crash() -> None:
    root = load("big: 1" + "0" * 5000 + "\nnan: .nan\noct: 017\nhex: 0x1F\n").root
    assert isinstance(root, Map)
    big = root.get("big")
    assert isinstance(big, Scalar) and big.kind in ("int", "str")
    assert plain(root.get("oct")) == 15 and plain(root.get("hex")) == 31
