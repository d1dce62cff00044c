"""Follow-up questionnaire (level 3): scheduled on completion, e-mailed when due with a
link that needs no password, reminded once, answered once."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command

from evaluation.models import FollowUp, SurveyResponse
from evaluation.services import REMINDER_AFTER, follow_ups_send_due
from tests import factories

from .conftest import complete, follow_up_page

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def link_in(message) -> str:
    (url,) = re.findall(r"https?://\S+/evaluation/follow-up/\S+/", message.body)
    return url.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def test_completion_schedules_the_follow_up_n_days_later(course, trainee):
    enrollment = complete(trainee, course)
    follow_up = FollowUp.objects.get(enrollment=enrollment)
    assert follow_up.due_at == enrollment.completed_at + 90 * DAY
    assert follow_up.sent_at is None and len(follow_up.token) >= 32


def test_the_number_of_days_is_the_courses(db, trainee):
    course = factories.course(lessons=1)
    follow_up_page(course, days=30)
    enrollment = complete(trainee, course)
    assert FollowUp.objects.get().due_at == enrollment.completed_at + 30 * DAY


def test_no_follow_up_for_a_course_without_a_questionnaire(db, trainee):
    complete(trainee, factories.course(lessons=1))
    assert not FollowUp.objects.exists()


def test_sent_when_due_in_the_trainees_language_with_a_working_link(
    client, course, trainee, django_capture_on_commit_callbacks
):
    enrollment = complete(trainee, course)
    due = enrollment.completed_at + 90 * DAY
    assert follow_ups_send_due(now=due - datetime.timedelta(minutes=1)) == {
        "sent": 0,
        "reminded": 0,
    }
    assert mail.outbox == []
    assert follow_ups_send_due(now=due) == {"sent": 1, "reminded": 0}
    (message,) = mail.outbox
    assert message.to == [trainee.email]
    assert "Entrevista a víctimas" in message.subject
    assert "Estimada" in message.body or "Estimado" in message.body
    assert "/es/evaluation/follow-up/" in message.body
    assert message.body.startswith("Estimad")
    # Running again sends nothing more.
    assert follow_ups_send_due(now=due + DAY) == {"sent": 0, "reminded": 0}
    assert len(mail.outbox) == 1
    # The link opens the questionnaire without signing in, in Spanish.
    url = link_in(message)
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "¿ha usado lo que aprendió en su trabajo?" in html
    assert "El curso me ayuda en mi trabajo diario" in html
    assert page["Cache-Control"].startswith("max-age=0") or "no-cache" in page["Cache-Control"]
    assert page["Referrer-Policy"] == "no-referrer"
    answered = client.post(
        url, {"used_on_job": "partly", "the_course_helps_me_in_my_daily_work": "4"}
    )
    assert answered.status_code == 200 and "Gracias" in answered.content.decode()
    response = SurveyResponse.objects.get(kind="follow_up")
    assert response.enrollment == enrollment
    assert response.used_on_job == "partly" and "used_on_job" not in response.form_data
    assert FollowUp.objects.get().response == response
    # Answered: the link thanks instead of asking again, and no reminder goes.
    again = client.post(url, {"used_on_job": "no"})
    assert "ya ha respondido" in again.content.decode()
    assert SurveyResponse.objects.get(kind="follow_up").used_on_job == "partly"
    assert follow_ups_send_due(now=due + REMINDER_AFTER + DAY) == {"sent": 0, "reminded": 0}
    assert len(mail.outbox) == 1


def test_the_english_trainee_gets_english(course):
    trainee = factories.trainee("sam@example.org", language="en", full_name="Sam Smith")
    enrollment = complete(trainee, course)
    follow_ups_send_due(now=enrollment.completed_at + 91 * DAY)
    (message,) = mail.outbox
    assert message.body.startswith("Dear Sam Smith")
    assert "/en/evaluation/follow-up/" in message.body
    assert "Interviewing victims" in message.subject


def test_one_reminder_only(course, trainee):
    enrollment = complete(trainee, course)
    sent = enrollment.completed_at + 90 * DAY
    follow_ups_send_due(now=sent)
    assert follow_ups_send_due(now=sent + REMINDER_AFTER - DAY)["reminded"] == 0
    assert follow_ups_send_due(now=sent + REMINDER_AFTER)["reminded"] == 1
    assert follow_ups_send_due(now=sent + 10 * REMINDER_AFTER) == {"sent": 0, "reminded": 0}
    assert len(mail.outbox) == 2
    assert "Recordatorio" in mail.outbox[1].subject
    assert link_in(mail.outbox[0]) == link_in(mail.outbox[1])


def test_a_deactivated_account_is_not_written_to(course, trainee):
    enrollment = complete(trainee, course)
    trainee.is_active = False
    trainee.save()
    assert follow_ups_send_due(now=enrollment.completed_at + 100 * DAY)["sent"] == 0
    assert mail.outbox == [] and FollowUp.objects.get().sent_at is None


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_wrong_or_altered_link_is_a_404_that_says_so(client, course, trainee, language):
    enrollment = complete(trainee, course)
    follow_ups_send_due(now=enrollment.completed_at + 90 * DAY)
    link = link_in(mail.outbox[0]).split("/")[-2]
    token, signature = link.split(":")
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    stored = FollowUp.objects.get().token
    # Another token: its last character changed (a token may end in "x" already).
    other = stored[:-1] + ("x" if stored[-1] != "x" else "y")
    for bad in (
        f"{token}:{flipped}",  # the signature altered
        token,  # the stored token alone: a copy of the database makes no link
        f"{other}:{signature}",  # another token under this signature
        "x" * 200,
        "nothing",
    ):
        response = client.get(f"/{language}/evaluation/follow-up/{bad}/")
        assert response.status_code == 404, bad
        text = response.content.decode()
        assert ("not valid" in text) if language == "en" else ("no es válido" in text)
    assert client.get(f"/{language}/evaluation/follow-up/{link}/").status_code == 200
    assert client.post(f"/{language}/evaluation/follow-up/{token}/", {}).status_code == 404
    assert not SurveyResponse.objects.exists()


def test_the_link_holds_across_a_key_rotation(client, course, trainee, settings):
    enrollment = complete(trainee, course)
    follow_ups_send_due(now=enrollment.completed_at + 90 * DAY)
    path = link_in(mail.outbox[0])
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-key-" + "k" * 50
    assert client.get(path).status_code == 200
    settings.SECRET_KEY_FALLBACKS = []
    assert client.get(path).status_code == 404


def test_the_follow_up_page_itself_does_not_take_answers(client, course, trainee):
    from evaluation.models import FollowUpPage

    complete(trainee, course)
    client.force_login(trainee)
    page = FollowUpPage.objects.get()
    html = client.get(page.get_url()).content.decode()
    assert "open the link in that e-mail" in html
    assert "Send my answers" not in html


def test_the_command_sends_what_is_due(course, trainee):
    enrollment = complete(trainee, course)
    moment = (enrollment.completed_at + 90 * DAY).isoformat()
    call_command("evaluation_send_due", now=moment, stdout=(out := __import__("io").StringIO()))
    assert "Follow-ups sent: 1; reminders sent: 0." in out.getvalue()
    assert len(mail.outbox) == 1


def test_completing_again_keeps_the_follow_up(course, trainee):
    from learning.api import enrollment_completed

    enrollment = complete(trainee, course)
    first = FollowUp.objects.get()
    enrollment_completed.send(sender=None, enrollment=enrollment, final_attempt=None)
    assert list(FollowUp.objects.all()) == [first]
