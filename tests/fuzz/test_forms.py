"""Fuzzing signup and profile: hostile input is refused with a message, never a 500."""

from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from accounts.models import Agency, User
from tests import factories

from .strategies import FUZZ, huge_ints, nasty_text


class ProfileAndSignupFuzz(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.trainee = factories.trainee("fuzz@example.org", code="HN")
        cls.guatemalan_agency = factories.agency(
            factories.country("GT", en="Guatemala", es="Guatemala"), en="Police GT"
        )
        cls.country_ids = [str(pk) for pk in User.objects.values_list("country_id", flat=True)]
        cls.agency_ids = [str(pk) for pk in Agency.objects.values_list("pk", flat=True)]

    def ids(self, known):
        return st.one_of(st.sampled_from([*known, ""]), huge_ints, nasty_text)

    def profile_row(self):
        return User.objects.filter(pk=self.trainee.pk).values().get()

    @FUZZ
    @given(data=st.data())
    def test_profile_refuses_bad_input_and_changes_nothing(self, data):
        self.client.force_login(self.trainee)
        before = self.profile_row()
        body = {
            "full_name": data.draw(nasty_text),
            "job_title": data.draw(nasty_text),
            "preferred_language": data.draw(st.one_of(st.sampled_from(["en", "es"]), nasty_text)),
            "sex": data.draw(st.one_of(st.sampled_from(["", *User.Sex.values]), nasty_text)),
            "country": data.draw(self.ids(self.country_ids)),
            "agency": data.draw(self.ids(self.agency_ids)),
        }
        language = data.draw(st.sampled_from(["en", "es"]))
        response = self.client.post(f"/{language}/accounts/profile/", body)
        assert response.status_code in (200, 302), response.status_code
        after = self.profile_row()
        if response.status_code == 200:
            assert after == before  # refused: the form again, nothing saved
        else:
            user = User.objects.select_related("agency").get(pk=self.trainee.pk)
            assert user.agency.country_id == user.country_id  # never a mismatched pair
            assert user.email == before["email"] and user.is_staff == before["is_staff"]
            assert user.sex in ("", *User.Sex.values)

    @FUZZ
    @given(data=st.data())
    def test_signup_refuses_bad_input_and_creates_no_one(self, data):
        cache.clear()  # allauth's signup rate limit
        before = User.objects.count()
        password = data.draw(st.one_of(st.just("Correct-Horse-Battery-9"), nasty_text))
        body = {
            "email": data.draw(st.one_of(st.emails(), nasty_text)),
            "full_name": data.draw(nasty_text),
            "job_title": data.draw(nasty_text),
            "preferred_language": data.draw(st.one_of(st.sampled_from(["en", "es"]), nasty_text)),
            "sex": data.draw(st.one_of(st.sampled_from(["", *User.Sex.values]), nasty_text)),
            "country": data.draw(self.ids(self.country_ids)),
            "agency": data.draw(self.ids(self.agency_ids)),
            "password1": password,
            "password2": data.draw(st.one_of(st.just(password), nasty_text)),
        }
        response = self.client.post("/es/accounts/signup/", body)
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 200:
            assert User.objects.count() == before
        else:
            new = User.objects.exclude(pk=self.trainee.pk).select_related("agency").get()
            assert new.agency.country_id == new.country_id
            assert not new.is_staff
            assert new.sex in ("", *User.Sex.values)
