"""Certificate PDF rendering time: first render and warm median.

Usage (any database; creates nothing when a certificate exists, else uses an
unsaved certificate):

    .venv/bin/python bench/certificates.py [--renders 20]

Prints the first render (font configuration and stylesheet built), then
the warm median and max per language (en, es, both) for the same
certificate (its QR code cached), and for a different certificate each time
(as in a bulk zip: the QR code is built every render).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def sample_certificate():
    from decimal import Decimal

    from django.utils import timezone

    from certificates.models import Certificate

    existing = Certificate.objects.first()
    if existing is not None:
        return existing
    now = timezone.now()
    return Certificate(
        code="7KQ4M2ZDX9PA3HRT",
        holder_name="José Ángel Pérez Muñoz",
        country_code="GT",
        country_names={"en": "Guatemala", "es": "Guatemala"},
        agency_names={"en": "Public Ministry", "es": "Ministerio Público"},
        course_titles={
            "en": "Investigating migrant-smuggling networks",
            "es": "Investigación de redes de tráfico ilícito de migrantes",
        },
        language="es",
        issued_at=now,
        completed_at=now,
        score_percent=Decimal("92.5"),
        hours=Decimal("6"),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--renders", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from certificates.pdf import certificate_pdf, certificate_settings

    certificate = sample_certificate()
    code = certificate.code
    config = certificate_settings()
    started = time.perf_counter()
    certificate_pdf(certificate, language="es", config=config)
    first = (time.perf_counter() - started) * 1000
    print(f"first render (fonts and stylesheet loaded): {first:.1f} ms")
    # Bulk-zip case: a different certificate (so a new QR code) on every render.
    timings = []
    for number in range(args.renders):
        certificate.code = f"{number:016d}"
        started = time.perf_counter()
        certificate_pdf(certificate, language=certificate.language, config=config)
        timings.append((time.perf_counter() - started) * 1000)
    print(
        f"distinct certificates: warm median {statistics.median(timings):.1f} ms, "
        f"max {max(timings):.1f} ms over {args.renders} renders"
    )
    certificate.code = code
    for language in ("en", "es", "both"):
        timings = []
        for _ in range(args.renders):
            started = time.perf_counter()
            pdf = certificate_pdf(certificate, language=language, config=config)
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"{language:>4}: warm median {statistics.median(timings):.1f} ms, "
            f"max {max(timings):.1f} ms over {args.renders} renders, {len(pdf) / 1024:.0f} KiB"
        )


if __name__ == "__main__":
    main()
