"""The vendor's side: start a submission from a checklist, or renew last year's."""

from .new import new_product
from .place import PlaceError, copy_evidence, product_target, write_product
from .renew import Renewal, renew

__all__ = ["PlaceError", "Renewal", "copy_evidence", "new_product", "product_target", "renew",
           "write_product"]
