"""COPY loading for the bench generator: rows as COPY text, ids chosen by the
caller, every reference checked once the load is done (``bench.generate``)."""

import json
import time

#: COPY's text for a missing value.
NULL = "\\N"
#: Rows handed to COPY at a time (as one string).
CHUNK = 5000


class Loader:
    """COPY into the tables of the bench, with ids chosen here."""

    def __init__(self, cursor):
        self.cursor = cursor
        self.timings = {}

    def first_id(self, table: str) -> int:
        self.cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")
        return self.cursor.fetchone()[0]

    def copy(self, table: str, columns: list[str], lines) -> int:
        """Streams ``lines`` (COPY text, one row each, newline included) into ``table``."""
        started = time.monotonic()
        count = 0
        with self.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            chunk = []
            for line in lines:
                chunk.append(line)
                if len(chunk) == CHUNK:
                    copy.write("".join(chunk))
                    count += CHUNK
                    chunk = []
            copy.write("".join(chunk))
            count += len(chunk)
        # The sequence continues after the ids given here (identity columns).
        self.cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"GREATEST((SELECT MAX(id) FROM {table}), 1))"
        )
        self.timings[table] = round(time.monotonic() - started, 1)
        return count

    def check_references(self) -> None:
        """Fails when a row loaded refers to a row that does not exist."""
        started = time.monotonic()
        for table, column, target in REFERENCES:
            # Page types' own tables are keyed by their page (Wagtail's multi-table pages).
            key = "page_ptr_id" if target in PAGE_TABLES else "id"
            self.cursor.execute(
                f"SELECT COUNT(*) FROM {table} x WHERE x.{column} IS NOT NULL AND NOT EXISTS "
                f"(SELECT 1 FROM {target} r WHERE r.{key} = x.{column})"
            )
            dangling = self.cursor.fetchone()[0]
            if dangling:
                raise RuntimeError(f"{dangling} rows of {table}.{column} refer to nothing")
        self.timings["references"] = round(time.monotonic() - started, 1)


#: Tables of page types (keyed by ``page_ptr_id``).
PAGE_TABLES = {
    "courses_coursepage",
    "courses_modulepage",
    "assessments_quizpage",
    "evaluation_followuppage",
}

#: The foreign keys of the rows loaded: (table, column, table referred to).
REFERENCES = [
    ("accounts_user", "country_id", "accounts_partnercountry"),
    ("accounts_user", "agency_id", "accounts_agency"),
    ("learning_enrollment", "user_id", "accounts_user"),
    ("learning_enrollment", "course_id", "courses_coursepage"),
    ("learning_modulecompletion", "enrollment_id", "learning_enrollment"),
    ("learning_modulecompletion", "module_id", "courses_modulepage"),
    ("learning_attempt", "user_id", "accounts_user"),
    ("learning_attempt", "quiz_id", "assessments_quizpage"),
    ("learning_attempt", "enrollment_id", "learning_enrollment"),
    ("learning_answer", "attempt_id", "learning_attempt"),
    ("certificates_certificate", "user_id", "accounts_user"),
    ("certificates_certificate", "enrollment_id", "learning_enrollment"),
    ("certificates_certificate", "course_id", "courses_coursepage"),
    ("evaluation_surveyresponse", "enrollment_id", "learning_enrollment"),
    ("evaluation_surveyresponse", "page_id", "wagtailcore_page"),
    ("evaluation_followup", "enrollment_id", "learning_enrollment"),
    ("evaluation_followup", "page_id", "evaluation_followuppage"),
    ("evaluation_followup", "response_id", "evaluation_surveyresponse"),
]


def copy_text(value: str) -> str:
    """A text value as COPY's text format reads it."""
    return (
        value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def json_text(texts: dict) -> str:
    return copy_text(json.dumps(texts, ensure_ascii=False))
