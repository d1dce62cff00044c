from django.http import HttpResponse

from core.downloads import attachment, private_response


def test_an_ascii_name_is_a_plain_quoted_filename():
    response = attachment(HttpResponse(b"x"), "certificate-ABCD-ana-es.pdf")
    assert response["Content-Disposition"] == 'attachment; filename="certificate-ABCD-ana-es.pdf"'


def test_a_name_with_spanish_letters_survives_in_the_rfc_6266_form():
    response = attachment(HttpResponse(b"x"), "examen-final-añadido.csv")
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''examen-final-a%C3%B1adido.csv"
    )


def test_quotes_in_a_name_cannot_end_the_header_value():
    response = attachment(HttpResponse(b"x"), 'a"; filename="evil.exe')
    assert response["Content-Disposition"] == r'attachment; filename="a\"; filename=\"evil.exe"'


def test_personal_downloads_are_never_stored_and_restricted_files_may_be():
    assert private_response(HttpResponse())["Cache-Control"] == "private, no-store"
    assert private_response(HttpResponse(), store=True)["Cache-Control"] == "private"
