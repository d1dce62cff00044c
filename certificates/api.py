"""The door to certificates: the certificate model and its public verification address.

Other apps import from here, never from this app's other modules
(tests/test_app_layers.py checks it).
"""

from .models import Certificate
from .queries import certificates_of, verification_url

__all__ = [
    "Certificate",
    "certificates_of",
    "verification_url",
]
