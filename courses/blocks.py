"""StreamField blocks for lesson bodies."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False)
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        help_text=_("Describe the image for people who cannot see it."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("video URL"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("link text"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "courses/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[
            ("tip", _("Tip")),
            ("warning", _("Warning")),
            ("legal", _("Legal note")),
            ("case", _("Case example")),
        ],
        default="tip",
    )
    title = blocks.CharBlock(label=_("title"), required=False)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "courses/blocks/callout.html"


class LessonBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
