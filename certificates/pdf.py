"""Certificate PDFs with WeasyPrint: one page, A4 landscape, one or both languages.

Nothing is fetched from the network or the disk while rendering: images are
passed as data: URIs and the fetcher refuses every other scheme. Fonts are
the DejaVu families (Debian's fonts-dejavu-core), which cover every Spanish
character. Prepared once per process and reused by every render: the font
configuration, the stylesheet, the compiled template, the logo and signature
images (as data: URIs), and the QR code of each verification address (as
vector rectangles, painted into the page after layout).
"""

import base64
import functools
import mimetypes
import re
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import BinaryIO

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpResponse
from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Site

from core import pdf as core_pdf
from core import pdf_fill
from core.downloads import attachment

from .credentials import signed_verification_url
from .models import Certificate, CertificateSettings, language_codes
from .queries import verification_url

#: A PDF in one of the site's languages, or "both" (bilingual).
LANGUAGE_CHOICES = (*language_codes(), "both")
SIGNATURE_SPEC = "max-480x160"
LOGO_SPEC = "max-320x320"


STYLESHEET = "certificates/pdf/certificate.css"


def stylesheet():
    """The certificate stylesheet (parsed once per process by ``core.pdf``)."""
    return core_pdf.stylesheet(STYLESHEET)


#: The ``id`` of the (empty) element the QR code is painted into.
QR_ANCHOR = "verification-qr"
#: Light modules around the code (the white around the code on the page adds to them).
QR_BORDER = 2


DARK_RUN = re.compile(rb"\x00+")


def qr_rows(url: str) -> list[bytes]:
    """The QR code of ``url``, error correction M, as rows of modules (byte 0: dark).

    Encoded by zxing-cpp (C++): choosing the mask, the bulk of encoding, takes
    it about a millisecond where a pure-Python encoder took ten or more.
    """
    import zxingcpp

    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = code.to_image(scale=1, add_quiet_zones=False)
    rows, columns = image.shape
    data = bytes(memoryview(image))
    return [data[row * columns : (row + 1) * columns] for row in range(rows)]


def qr_modules(url: str) -> list[list[bool]]:
    """The QR code of ``url`` as rows of booleans (True: dark)."""
    return [[module == 0 for module in row] for row in qr_rows(url)]


@functools.lru_cache(maxsize=256)
def qr_drawing(url: str) -> core_pdf.Drawing:
    """The QR code of ``url`` as vector shapes: one rectangle per run of dark modules
    in a row, on a grid that includes the quiet zone.

    Cached per address (a certificate downloaded again draws the same code).
    """
    rows = qr_rows(url)
    rectangles = [
        f"{run.start() + QR_BORDER} {y} {run.end() - run.start()} 1 re"
        for y, row in enumerate(rows, start=QR_BORDER)
        for run in DARK_RUN.finditer(row)
    ]
    size = len(rows) + 2 * QR_BORDER
    return core_pdf.Drawing(size=size, operators="\n".join(rectangles).encode("ascii"))


@functools.lru_cache(maxsize=32)
def _image_data_uri(image_id: int, file_name: str, spec: str) -> str:
    from wagtail.images import get_image_model

    image = get_image_model().objects.get(pk=image_id)
    rendition = image.get_rendition(spec)
    with rendition.file.open("rb") as handle:
        data = handle.read()
    mime = mimetypes.guess_type(rendition.file.name)[0] or "image/png"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def image_data_uri(image, spec: str) -> str:
    if image is None:
        return ""
    return _image_data_uri(image.pk, image.file.name, spec)


def certificate_settings() -> CertificateSettings:
    """The default site's certificate settings (empty fields mean defaults)."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return CertificateSettings()
    return CertificateSettings.for_site(site)


def _local_date(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT") if moment else ""


def setting_in(config: CertificateSettings, name: str, language: str) -> str:
    """A translated certificate setting in ``language``, else in the default language."""
    text = getattr(config, build_localized_fieldname(name, language), "")
    return text or getattr(config, build_localized_fieldname(name, settings.LANGUAGE_CODE), "")


def programme_in(config: CertificateSettings, language: str) -> str:
    """The programme's name as certificates print it in ``language`` (a default when unset)."""
    with translation.override(language):
        return setting_in(config, "programme_name", language) or _(
            "International Justice Training Programme"
        )


def programme_name(language: str | None = None) -> str:
    """The programme's name in ``language`` as certificates print it (e-mails use it too)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    return programme_in(certificate_settings(), language)


def second_language(primary: str) -> str:
    """The other language of a bilingual certificate: the default language, or after
    it the next of the site's languages when the holder's is the default."""
    others = [code for code in language_codes() if code != primary]
    return settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in others else others[0]


def texts_in(certificate: Certificate, config: CertificateSettings, language: str) -> dict:
    """Every phrase of the certificate in ``language`` (translated and snapshotted)."""
    with translation.override(language):
        country = certificate.country_name_in(language)
        agency = certificate.agency_name_in(language)
        signatories = []
        for number in (1, 2):
            name = getattr(config, f"signatory_{number}_name")
            title = setting_in(config, f"signatory_{number}_title", language)
            if name or title:
                signatories.append({"name": name, "title": title})
        if not signatories:
            signatories.append({"name": "", "title": _("Programme coordinator")})
        score = certificate.score_percent
        return {
            "language": language,
            "programme": programme_in(config, language),
            "title": _("Certificate of completion"),
            "certifies": _("This certifies that"),
            "from": " · ".join(part for part in (agency, country) if part),
            "completed": _("has successfully completed the course"),
            "course": certificate.course_title_in(language),
            "date_label": _("Completed on"),
            "date": _local_date(certificate.completed_at),
            "score_label": _("Final exam score"),
            "score": f"{floatformat(score, -1)} %" if score is not None else "",
            "hours_label": _("Hours"),
            "hours": floatformat(certificate.hours, -1),
            "expires_label": _("Valid until"),
            "expires": _local_date(certificate.expires_at),
            "code_label": _("Verification code"),
            "verify": _("Scan the code or visit this address to verify this certificate:"),
            "signatories": signatories,
        }


def page_context(
    certificate: Certificate, language: str, config: CertificateSettings, anchor: str = QR_ANCHOR
) -> dict:
    """What the certificate's page shows (``language`` as ``certificate_pdf`` takes it);
    ``anchor`` is the id of the box its QR code is painted into."""
    if language not in LANGUAGE_CHOICES:
        language = certificate.language or "es"
    primary = certificate.language if language == "both" else language
    secondary = second_language(primary) if language == "both" else None
    url = verification_url(certificate, primary)
    main = texts_in(certificate, config, primary)
    alt = texts_in(certificate, config, secondary) if secondary else None
    return {
        "certificate": certificate,
        "t": main,
        "alt": alt,
        "signatories": zip_signatories(main, alt, config),
        "facts": facts(main, alt),
        "logo": image_data_uri(config.logo, LOGO_SPEC),
        "qr_anchor": anchor,
        "url": url,
        "qr_url": signed_verification_url(certificate, primary),
        "code": certificate.display_code,
        "lang": primary,
    }


def certificate_pdf(
    certificate: Certificate, *, language: str = "", config: CertificateSettings | None = None
) -> bytes:
    """The certificate as a one-page PDF.

    ``language`` is one of the site's languages or "both" (bilingual on one
    page, the holder's language first); empty means the holder's language.
    Drawn into the page laid out once for its course and language (``filled_pdf``)
    when its text fits there; else laid out in full, and it looks the same.
    """
    config = config if config is not None else certificate_settings()
    context = page_context(certificate, language, config)
    filled = filled_pdf(context)
    return filled if filled is not None else laid_out_pdf(context)


def laid_out_pdf(context: dict) -> bytes:
    """The certificate of ``context`` (``page_context``) laid out in full by WeasyPrint."""
    html = render_to_string("certificates/pdf/certificate.html", context)
    return core_pdf.render_pdf(
        html,
        stylesheet_template=STYLESHEET,
        drawings={context["qr_anchor"]: qr_drawing(context["qr_url"])},
    )


#: The slot that wraps (the address): its room is as many lines as in the skeleton.
WRAPPING_SLOTS = ("url",)
#: Skeletons kept per process (one per course, language and settings in use).
SKELETONS_KEPT = 32
_skeletons: "OrderedDict[str, pdf_fill.Skeleton | None]" = OrderedDict()
_skeletons_lock = threading.Lock()


def skeleton_for(sheet: str) -> pdf_fill.Skeleton | None:
    """The page laid out once for every certificate whose sheet differs from ``sheet``
    only in its slots (None when it cannot be used: they are laid out in full)."""
    key = pdf_fill.skeleton_key(sheet, WRAPPING_SLOTS)
    with _skeletons_lock:
        if key in _skeletons:
            _skeletons.move_to_end(key)
            return _skeletons[key]
    markup = BATCH_HEAD + pdf_fill.skeleton_markup(sheet, WRAPPING_SLOTS) + BATCH_TAIL
    skeleton = pdf_fill.build_skeleton(markup, STYLESHEET)
    with _skeletons_lock:
        _skeletons[key] = skeleton
        while len(_skeletons) > SKELETONS_KEPT:
            _skeletons.popitem(last=False)
    return skeleton


def filled_pdf(context: dict) -> bytes | None:
    """The certificate of ``context`` (``page_context``) drawn into its skeleton; None when
    its text does not fit there or needs a layout of its own (scripts beyond Greek and
    Cyrillic, a name that wraps)."""
    sheet = render_to_string("certificates/pdf/sheet.html", {**context, "skeleton": True})
    skeleton = skeleton_for(sheet)
    if skeleton is None:
        return None
    try:
        return pdf_fill.fill(
            skeleton,
            pdf_fill.slot_texts(sheet),
            drawings={context["qr_anchor"]: qr_drawing(context["qr_url"])},
            lang=context["lang"],
            title=f"{context['t']['title']} {context['code']}",
        )
    except pdf_fill.Unsupported:
        return None


#: The start and end of a document of many certificates, one page each.
BATCH_HEAD = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
BATCH_TAIL = "</body></html>"
#: Pages with a character from here on (Hebrew, Arabic, the scripts of Asia...) are
#: rendered alone: their glyphs would grow the batch's shared fonts to an encoding
#: that some text extractors (pypdf) misread, in every PDF of the batch.
BATCH_SCRIPTS_BELOW = "\u0590"


def certificate_pdfs(
    batch: list[tuple[Certificate, str]], *, config: CertificateSettings | None = None
) -> Iterator[bytes]:
    """The PDFs of ``batch`` (certificates with their language, as ``certificate_pdf``
    takes it), in its order, each the same page ``certificate_pdf`` makes.

    Most are drawn into their skeleton (``filled_pdf``). The others are laid
    out as the pages of one document, then each page written as a PDF of its
    own: the document's fixed costs and the fonts' subsetting are paid once
    for them. A page in a script past ``BATCH_SCRIPTS_BELOW`` is rendered
    alone, and so is every page when they do not come out one per certificate.
    """
    config = config if config is not None else certificate_settings()
    filled, sheets, pages, drawings, alone = {}, [], [], {}, set()
    for index, (certificate, language) in enumerate(batch):
        done = filled_pdf(page_context(certificate, language, config))
        if done is not None:
            filled[index] = done
            continue
        context = page_context(certificate, language, config, anchor=f"{QR_ANCHOR}-{index}")
        sheet = render_to_string("certificates/pdf/sheet.html", context)
        if max(sheet) >= BATCH_SCRIPTS_BELOW:
            alone.add(index)
            continue
        sheets.append(sheet)
        anchor = context["qr_anchor"]
        drawings[anchor] = qr_drawing(context["qr_url"])
        title = f"{context['t']['title']} {context['code']}"
        pages.append(core_pdf.PageInfo(anchor=anchor, lang=context["lang"], title=title))
    together = None
    if pages:
        together = core_pdf.render_pdf_pages(
            BATCH_HEAD + "".join(sheets) + BATCH_TAIL,
            pages,
            stylesheet_template=STYLESHEET,
            drawings=drawings,
        )
    if together is None:
        alone |= set(range(len(batch))) - set(filled)
    for index, (certificate, language) in enumerate(batch):
        if index in filled:
            yield filled.pop(index)
        elif index in alone:
            yield certificate_pdf(certificate, language=language, config=config)
        else:
            yield next(together)


def facts(main: dict, alt: dict | None) -> list[dict]:
    """The facts row of the page (completion date, score, hours, expiry): the ones it has."""
    rows = []
    for name in ("date", "score", "hours", "expires"):
        if main[name]:
            label, alt_label = main[f"{name}_label"], alt[f"{name}_label"] if alt else ""
            rows.append(
                {
                    "label": label,
                    "alt_label": alt_label if alt_label != label else "",
                    "value": main[name],
                }
            )
    return rows


def zip_signatories(main: dict, alt: dict | None, config: CertificateSettings) -> list[dict]:
    rows = []
    for index, signatory in enumerate(main["signatories"]):
        alt_title = alt["signatories"][index]["title"] if alt else ""
        image = getattr(config, f"signatory_{index + 1}_signature", None)
        rows.append(
            {
                "name": signatory["name"],
                "title": signatory["title"],
                "alt_title": alt_title if alt_title != signatory["title"] else "",
                "signature": image_data_uri(image, SIGNATURE_SPEC),
            }
        )
    return rows


def pdf_filename(certificate: Certificate, language: str) -> str:
    """The name a PDF is saved under, in the PDF's language: ``certificado-<code>-<holder>-es.pdf``.

    A bilingual PDF is named in the language of the page it was asked from and
    ends with both languages' codes, the holder's first (``-es-en.pdf``).
    """
    if language in language_codes():
        languages = [language]
        word_language = language
    else:
        primary = certificate.language or settings.LANGUAGE_CODE
        languages = [primary, second_language(primary)]
        word_language = translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(word_language):
        word = slugify(pgettext("file name", "certificate")) or "certificate"
    holder = slugify(certificate.holder_name) or word
    return f"{word}-{certificate.display_code}-{holder}-{'-'.join(languages)}.pdf"


def pdf_response(certificate: Certificate, requested_language: str | None):
    """The PDF of ``certificate`` as a download, in ``requested_language``
    (one of the site's languages or ``both``; anything else means the certificate's own).

    Who may have it is the caller's business: the holder's view and the
    managers' admin view each check it before calling.
    """
    language = requested_language if requested_language in LANGUAGE_CHOICES else None
    language = language or certificate.language
    response = HttpResponse(certificate_pdf(certificate, language=language), "application/pdf")
    return attachment(response, pdf_filename(certificate, language))


#: The zip's certificates are rendered this many at a time, as the pages of one
#: document (``certificate_pdfs``), and its progress is saved after each batch.
PROGRESS_EVERY = 25


def bulk_zip(
    certificates: QuerySet[Certificate],
    target: BinaryIO,
    *,
    language: str = "",
    progress: Callable[[int], None] | None = None,
) -> list[int]:
    """Writes a zip of the PDFs of ``certificates`` (one folder per course) to ``target``;
    returns the ids of the certificates it holds.

    Memory stays bounded whatever the number: certificates are read in chunks,
    rendered ``PROGRESS_EVERY`` at a time (``certificate_pdfs``), and each PDF goes
    to ``target`` (a file) as soon as its batch is rendered. PDFs
    are stored, not deflated again: their streams are compressed already
    (deflating a certificate saves 3 % of its size for a twentieth of its
    render time). ``progress(done)`` is called every ``PROGRESS_EVERY``
    certificates. The caller records who downloaded what
    (``services.certificate_zip_build``).
    """
    config = certificate_settings()
    written = []
    with (
        core_pdf.long_lived_objects_frozen(),
        zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as archive,
    ):
        batch = []
        for certificate in certificates.iterator(chunk_size=200):
            batch.append((certificate, language or certificate.language))
            if len(batch) == PROGRESS_EVERY:
                _write_batch(archive, batch, config, written, progress)
                batch = []
        if batch:
            _write_batch(archive, batch, config, written, progress)
    return written


def _write_batch(archive, batch, config, written: list[int], progress) -> None:
    for (certificate, language), data in zip(
        batch, certificate_pdfs(batch, config=config), strict=True
    ):
        title = certificate.course_title_in(settings.LANGUAGE_CODE)
        folder = slugify(title) or f"course-{certificate.course_id}"
        archive.writestr(f"{folder}/{pdf_filename(certificate, language)}", data)
        written.append(certificate.pk)
        if progress is not None and len(written) % PROGRESS_EVERY == 0:
            progress(len(written))
