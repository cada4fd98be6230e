"""The vendor's side: start a submission from a checklist, or renew last year's."""

from .new import new_product
from .place import PlaceError, copy_evidence, product_target, write_product
from .renew import Renewal, renew
from .summary import renewal_summary

__all__ = ["PlaceError", "Renewal", "copy_evidence", "new_product", "product_target", "renew",
           "renewal_summary", "write_product"]
