"""What a file is by its first bytes: is a logo really an SVG, EPS or AI file?"""

from __future__ import annotations

VECTOR_KINDS = frozenset({"svg", "eps", "ai"})

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"\xc5\xd0\xd3\xc6", "eps"),  # DOS EPS binary header
    (b"\x1f\x8b", "gzip"),
    (b"BM", "bmp"),
    (b"\x00\x00\x01\x00", "ico"),
)
_NAMES = {"png": "a PNG image", "jpeg": "a JPEG image", "gif": "a GIF image", "webp": "a WebP image",
          "gzip": "gzip data (an .svgz is not accepted)", "bmp": "a BMP image", "ico": "an icon file",
          "pdf": "a PDF document", "html": "an HTML page", "ps": "a PostScript document (not EPS)",
          "empty": "an empty body", "unknown": "data of an unknown type",
          "svg": "an SVG image", "eps": "an EPS file", "ai": "an Adobe Illustrator file"}
_SVG_PRELUDE = (b"<?xml", b"<!--", b"<!doctype svg", b"<svg")


def describe(kind: str) -> str:
    return _NAMES.get(kind, kind)


def sniff(data: bytes) -> str:
    """The kind of `data` (its head is enough): svg, eps, ai, pdf, png, jpeg, html, ..."""
    if not data.strip():
        return "empty"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"%PDF-"):
        # Illustrator saves PDF-compatible files that name it in their metadata
        return "ai" if b"Illustrator" in data or b"AIPrivateData" in data else "pdf"
    if data.startswith(b"%!PS-Adobe"):
        first = data.split(b"\n", 1)[0].split(b"\r", 1)[0]
        if b"Illustrator" in data[:4096]:
            return "ai"
        return "eps" if b"EPSF" in first else "ps"
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "html"
    if head.startswith(_SVG_PRELUDE):
        svg = head.find(b"<svg")
        html = head.find(b"<html")
        if svg >= 0 and (html < 0 or svg < html):
            return "svg"
        if html >= 0:
            return "html"
    return "unknown"
