"""Question import and export through the Wagtail admin, down to the stored rows."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.models import Revision

from assessments.models import Choice, Question, QuizPage
from tests import factories
from tests.assessments import helpers

pytestmark = pytest.mark.django_db


def keyed(question, fractions):
    """``question`` with its choices' grades set (the helpers only say right or wrong)."""
    for choice, fraction in zip(question.choices.all(), fractions, strict=True):
        choice.fraction = Decimal(fraction)
        choice.is_correct = choice.fraction > 0
    return question


def keyed_questions():
    html = keyed(helpers.single(4), [100, 50, -25])
    html.text_format = "html"
    html.text_en = "<p>Which is <strong>right</strong>?</p>"
    html.text_es = "<p>¿Cuál es <strong>correcta</strong>?</p>"
    list(html.choices.all())[1].text_en = "Fish & <chips>"
    all_or_nothing = keyed(helpers.multiple(5, partial_credit=False), [100, 100, 0, 0])
    return [
        keyed(helpers.single(1), [100, 0, 0]),
        keyed(helpers.multiple(2), [70, 30, -100, 0]),
        keyed(helpers.truefalse(3, answer=False), [0, 100]),
        html,
        all_or_nothing,
    ]


@pytest.fixture
def trainer_client(client):
    client.force_login(factories.trainer())
    return client


def upload(name, text):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


def rows(quiz) -> list:
    """What is stored for the quiz's live questions, in order, without ids.

    In the platform's order (position, then creation), as exports and attempts read them.

    An untranslated field may be NULL or empty; both mean "no text".
    """
    out = []
    for q in Question.objects.filter(quiz=quiz).order_by("sort_order", "pk"):
        out.append(
            (
                q.kind,
                q.points,
                q.partial_credit,
                q.text_format,
                q.text_en or "",
                q.text_es or "",
                q.feedback_en or "",
                q.feedback_es or "",
                [
                    (
                        c.text_en or "",
                        c.text_es or "",
                        c.fraction,
                        c.is_correct,
                        c.feedback_en or "",
                        c.feedback_es or "",
                    )
                    for c in Choice.objects.filter(question=q).order_by("sort_order", "pk")
                ],
            )
        )
    return out


def import_url(quiz):
    return reverse("assessments_import", args=[quiz.pk])


def test_bank_with_a_bare_true_false_question_previews_and_imports(trainer_client):
    # Today "{T}" without feedback answers 500 and the bank is never previewed.
    quiz = helpers.quiz(factories.course(lessons=1), questions=[])
    bank = "Smuggling needs a border crossing. {T}\n\nThe earth is flat. {FALSE}\n"
    preview = trainer_client.post(
        import_url(quiz), {"format": "gift", "file": upload("en.gift", bank), "action": "preview"}
    )
    assert preview.status_code == 200
    assert "2 questions will be imported" in preview.content.decode()
    trainer_client.post(import_url(quiz), {"format": "gift", "content": bank, "action": "import"})
    stored = rows(quiz)
    assert [r[0] for r in stored] == ["truefalse", "truefalse"]
    assert [[c[2] for c in r[8]] for r in stored] == [[100, 0], [0, 100]]


def test_bank_with_an_unsupported_question_imports_nothing_and_names_its_line(trainer_client):
    quiz = helpers.quiz(factories.course(lessons=1), questions=[])
    bank = "Good {=a ~b}\n\nWhat's 2 plus 2? {=four =4}\n\nAlso good {T}\n"
    before = Revision.objects.count()
    response = trainer_client.post(
        import_url(quiz), {"format": "gift", "content": bank, "action": "import"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was imported" in html and "Line 3" in html and "Short-answer" in html
    assert Question.objects.filter(quiz=quiz).count() == 0
    assert Revision.objects.count() == before


def test_bad_values_are_line_errors_in_spanish_for_a_spanish_trainer(client):
    from wagtail.users.models import UserProfile

    trainer = factories.trainer()
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(trainer)
    quiz = helpers.quiz(factories.course(lessons=1), questions=[])
    bank = "// points: 1e9\nQ {=a ~b}\n\nQ {~%70%a ~%20%b}\n"
    response = client.post(
        import_url(quiz), {"format": "gift", "content": bank, "action": "import"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert Question.objects.filter(quiz=quiz).count() == 0
    assert "Línea 1: Los puntos deben ser un número" in html
    assert "Línea 4: Las calificaciones positivas suman 90 %" in html


def test_preview_says_the_questions_go_into_the_live_quiz(trainer_client):
    quiz = helpers.quiz(factories.course(lessons=1), questions=[])
    response = trainer_client.post(
        import_url(quiz), {"format": "gift", "content": "Q {T}", "action": "preview"}
    )
    assert "added to the live quiz and published at once" in response.content.decode()


def test_import_into_a_quiz_with_a_pending_draft_keeps_it_unpublished_and_it_still_publishes(
    trainer_client,
):
    quiz = helpers.quiz(
        factories.course(lessons=1), questions=[keyed(helpers.single(1), [100, 0, 0])]
    )
    author = factories.trainer(email="drafter@example.org")
    with translation.override("en"):
        draft = quiz.get_latest_revision_as_object()
        draft.intro_en = "Changed in the draft."
        draft.save_revision(user=author)
    quiz.refresh_from_db()
    assert quiz.has_unpublished_changes

    bank = "// points: 2\nPick {~%70%a ~%30%b ~%-100%c}\n"
    preview = trainer_client.post(
        import_url(quiz), {"format": "gift", "content": bank, "action": "preview"}
    ).content.decode()
    assert "unpublished draft of" in preview and author.full_name in preview
    assert "which stays unpublished" in preview

    trainer_client.post(import_url(quiz), {"format": "gift", "content": bank, "action": "import"})
    quiz.refresh_from_db()
    assert quiz.has_unpublished_changes  # the draft was not published behind the trainer's back
    assert Question.objects.filter(quiz=quiz).count() == 1

    # The trainer publishes the draft through Wagtail's own editor action.
    with translation.override("en"):
        revision = quiz.latest_revision
        revision.publish(user=author)
    quiz.refresh_from_db()
    assert not quiz.has_unpublished_changes
    assert quiz.intro_en == "Changed in the draft."
    stored = rows(quiz)
    assert [r[0] for r in stored] == ["single", "multiple"]
    assert stored[1][1] == 2 and stored[1][2] is True
    assert [(c[0], c[2], c[3]) for c in stored[1][8]] == [
        ("a", 70, True),
        ("b", 30, True),
        ("c", -100, False),
    ]


def test_import_into_an_unpublished_quiz_says_so(trainer_client):
    quiz = helpers.quiz(factories.course(lessons=1), questions=[])
    QuizPage.objects.filter(pk=quiz.pk).update(live=False)
    response = trainer_client.post(
        import_url(quiz), {"format": "gift", "content": "Q {T}", "action": "preview"}
    )
    assert "This quiz is not published yet" in response.content.decode()


def test_export_writes_fractions_true_false_feedback_and_html_in_both_languages(trainer_client):
    quiz = helpers.quiz(factories.course(lessons=1), questions=keyed_questions())
    url = reverse("assessments_export", args=[quiz.pk])
    english = trainer_client.get(url, {"format": "gift", "lang": "en"}).content.decode()
    spanish = trainer_client.get(url, {"format": "gift", "lang": "es"}).content.decode()
    assert "  ~%70%Right A\n  ~%30%Right B\n  ~%-100%Wrong C\n  ~Wrong D\n" in english
    assert "{FALSE}" in english
    assert "  ####General feedback 1\n" in english
    assert "[html]<p>Which is <strong>right</strong>?</p>" in english
    assert "  ~%50%Fish &amp; &lt;chips&gt; #No, wrong\n" in english
    assert "// scoring: all-or-nothing" in english
    assert "  ~%70%Correcta A\n" in spanish and "####Retroalimentación general 1" in spanish
    fallback = trainer_client.get(url, {"format": "gift", "lang": "xx"})
    assert fallback["Content-Disposition"].endswith('-en.gift.txt"')


@pytest.mark.parametrize("kind", ["gift", "csv"])
def test_questions_exported_and_imported_again_give_the_same_rows(trainer_client, kind):
    source = helpers.quiz(factories.course(lessons=1), questions=keyed_questions())
    url = reverse("assessments_export", args=[source.pk])
    target = helpers.quiz(factories.course(lessons=1), questions=[])
    if kind == "gift":
        data = {
            "format": "gift",
            "file": upload("en.gift", trainer_client.get(url, {"format": "gift"}).content.decode()),
            "file_es": upload(
                "es.gift",
                trainer_client.get(url, {"format": "gift", "lang": "es"}).content.decode(),
            ),
            "action": "import",
        }
    else:
        exported = trainer_client.get(url, {"format": "csv"}).content
        assert exported.startswith("\ufeff".encode())
        data = {"format": "csv", "file": upload("q.csv", exported.decode()), "action": "import"}
    response = trainer_client.post(import_url(target), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert rows(target) == rows(source)


def test_import_page_and_preview_speak_spanish_to_a_spanish_trainer(client):
    from wagtail.users.models import UserProfile

    trainer = factories.trainer()
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(trainer)
    quiz = helpers.quiz(factories.course(lessons=1), questions=[])
    page = client.get(import_url(quiz)).content.decode()
    assert "GIFT tal como lo escribe Moodle" in page
    assert "~%50% para una parte" in page and "%%" not in page
    preview = client.post(
        import_url(quiz), {"format": "gift", "content": "Q {~%70%a ~%30%b}", "action": "preview"}
    ).content.decode()
    assert "Se añadirán al cuestionario publicado" in preview
    assert "(70 %)" in preview and "(30 %)" in preview


# -- Import and export by users who may not edit the quiz: refused, nothing written ---------

BANK = "Smuggling needs a border crossing. {T}\n\nThe earth is flat. {FALSE}\n"


def trainer_of_another_course(other_course):
    """A Wagtail editor whose page rights cover ``other_course`` only."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.create(name="Trainers of one course")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=other_course, permission=Permission.objects.get(codename=codename)
        )
    user = factories.user("one.course@example.org", is_staff=True)
    user.groups.add(group)
    return user


def quiz_state(quiz) -> tuple:
    """What a refused import must leave as it was."""
    quiz.refresh_from_db()
    return (
        Question.objects.count(),
        Choice.objects.count(),
        Revision.objects.count(),
        quiz.latest_revision_id,
        quiz.has_unpublished_changes,
        rows(quiz),
    )


@pytest.mark.parametrize("role", ["other_trainer", "manager", "trainee"])
def test_import_and_export_posts_without_edit_rights_change_nothing(client, role):
    from accounts.roles import roles_setup

    roles_setup(course_root=factories.course_index())  # managers reach the admin
    course = factories.course(lessons=1)
    quiz = helpers.quiz(course, questions=keyed_questions())
    users = {
        "other_trainer": lambda: trainer_of_another_course(factories.course(lessons=1)),
        "manager": lambda: factories.manager("manager.q@example.org"),
        "trainee": lambda: factories.trainee("trainee.q@example.org"),
    }
    user = users[role]()
    assert not quiz.permissions_for_user(user).can_edit()
    client.force_login(user)
    before = quiz_state(quiz)
    for data in (
        {"format": "gift", "content": BANK, "action": "import"},
        {"format": "gift", "file": upload("en.gift", BANK), "action": "import"},
        {"format": "gift", "file": upload("en.gift", BANK), "action": "preview"},
    ):
        response = client.post(import_url(quiz), data)
        assert response.status_code in (302, 403), (role, response.status_code)
        if response.status_code == 302:
            assert f"/pages/{quiz.pk}/edit/" not in response["Location"]
        assert b"questions will be imported" not in response.content
        assert quiz_state(quiz) == before, data
    export = client.post(reverse("assessments_export", args=[quiz.pk]), {"format": "csv"})
    assert export.status_code in (302, 403)
    assert b"Right A" not in export.content  # no question text leaks
    assert quiz_state(quiz) == before
