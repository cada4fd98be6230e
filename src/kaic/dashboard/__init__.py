"""kaic's HTML dashboard: one self-contained page drawn from a report's JSON document."""

from .page import content_security_policy, render_dashboard, script_hash

__all__ = ["content_security_policy", "render_dashboard", "script_hash"]
