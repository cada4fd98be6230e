"""`kaic render`: Markdown for each submission and checklist, and drift detection for CI."""

from .build import Drift, drift, rendering_path, renderings
from .checklist import render_checklist
from .product import render_product

__all__ = ["Drift", "drift", "render_checklist", "render_product", "rendering_path", "renderings"]
