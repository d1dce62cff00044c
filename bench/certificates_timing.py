"""Certificate rendering in the bench environment, against a one-line WeasyPrint
document rendered in the same process (the baseline)."""

import copy
import json
import statistics
import time

from bench.stats import percentile


def measure(renders: int) -> dict:
    from weasyprint import HTML

    from bench.certificates import sample_certificate
    from certificates.pdf import (
        PROGRESS_EVERY,
        certificate_pdf,
        certificate_pdfs,
        certificate_settings,
    )
    from core.pdf import font_config, long_lived_objects_frozen

    config = certificate_settings()
    certificate = sample_certificate()
    started = time.perf_counter()
    certificate_pdf(certificate, language="es", config=config)
    first = (time.perf_counter() - started) * 1000

    warm = []
    for _ in range(renders):
        started = time.perf_counter()
        certificate_pdf(certificate, language="es", config=config)
        warm.append((time.perf_counter() - started) * 1000)

    # Bulk: a different certificate (new code, new QR) each time, rendered as a zip
    # renders them: a batch at a time, the process's long-lived objects frozen.
    batches = []
    for start in range(0, renders, PROGRESS_EVERY):
        batch = []
        for number in range(start, min(start + PROGRESS_EVERY, renders)):
            copied = copy.copy(certificate)
            copied.code = f"{number:016d}"
            batch.append((copied, "both"))
        batches.append(batch)
    # A process building zips has laid out the bilingual page once already (its first
    # certificate): that one-time layout is "first", not part of the throughput.
    certificate_pdf(certificate, language="both", config=config)
    bulk_started = time.perf_counter()
    with long_lived_objects_frozen():
        for batch in batches:
            for _pdf in certificate_pdfs(batch, config=config):
                pass
    bulk_seconds = time.perf_counter() - bulk_started

    baseline = []
    fonts = font_config()
    for _ in range(renders):
        started = time.perf_counter()
        HTML(string="<p>Certificado</p>").write_pdf(font_config=fonts)
        baseline.append((time.perf_counter() - started) * 1000)
    return {
        "first_ms": first,
        "warm_p50_ms": statistics.median(warm),
        "warm_p95_ms": percentile(warm, 0.95),
        "bulk_per_second_per_core": renders / bulk_seconds,
        "baseline_p50_ms": statistics.median(baseline),
        "renders": renders,
    }


def main():
    import sys

    from bench.environment import setup_django

    setup_django()
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 50)))


if __name__ == "__main__":
    main()
