"""The privacy download's per-language keys come from settings.LANGUAGES, unchanged for en/es."""

import pytest

from privacy.export import user_data_export
from tests import factories
from tests.certificates.conftest import HOLDER, complete_course, course_with_exam

pytestmark = pytest.mark.django_db


def test_english_and_spanish_keys_in_their_places(django_capture_on_commit_callbacks):
    factories.country("GT", en="Guatemala", es="Guatemala")
    trainee = factories.trainee("holder.gt@example.org", code="GT", full_name=HOLDER)
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(trainee, course_with_exam())
    data = user_data_export(trainee)
    assert list(data["profile"]["agency"]) == ["name_en", "name_es"]
    (enrolment,) = data["enrolments"]
    assert list(enrolment)[:2] == ["course_en", "course_es"]
    assert list(enrolment["lessons_completed"][0]) == ["lesson_en", "lesson_es", "completed_at"]
    (attempt,) = data["quiz_attempts"]
    assert list(attempt)[:2] == ["quiz_en", "quiz_es"]
    answer = attempt["answers"][0]
    assert list(answer)[:5] == [
        "question_en",
        "question_es",
        "selected_en",
        "selected_es",
        "saved_at",
    ]
    assert answer["selected_en"] == ["Yes"]
    (certificate,) = data["certificates"]
    assert list(certificate)[3:8] == [
        "country",
        "agency_en",
        "agency_es",
        "course_en",
        "course_es",
    ]
    assert certificate["country"] == "Guatemala"
