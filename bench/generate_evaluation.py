"""The generator's evaluation rows: reaction answers and follow-up questionnaires.

For the completed enrolments of courses with those pages (the demo's first
course has both): about 60 % answer the reaction survey the day after they
complete; the follow-up is sent when due (completion + the page's days), half
of those sent are answered three days later, and most of the others were
reminded after 14 days. Rows go in with ``COPY`` as the rest of the load.
"""

from bench.copy_loader import NULL

#: Reaction and follow-up answers: who answers, and what they say about on-the-job use.
REACTION_SHARE = 0.6
FOLLOW_UP_ANSWER_SHARE = 0.5
USED_ON_JOB = ("yes", "yes", "partly", "no")


def evaluation_rows(loader, catalogue, *, plans, first_enrollment, spanish, rng, stamp):
    """Reaction answers and follow-ups (sent when due, some answered, some reminded)
    for the completed enrolments of courses with those pages."""
    responses = []  # (enrolment id, page id, kind, days before now, language, mean, used)
    # (enrolment id, page id, completed and due in days before now, reminded?, response index)
    follow_ups = []
    for number, (n, course_index, _done, _enrolled, last, complete) in enumerate(plans):
        if not complete:
            continue
        enrollment_id = first_enrollment + number
        reaction, follow_up = catalogue.surveys[catalogue.courses[course_index][0]]
        language = "es" if spanish[n] else "en"
        if reaction and rng.random() < REACTION_SHARE:
            mean = f"{rng.choice(range(8, 21)) / 4:.2f}"  # 2.00 to 5.00 by quarters
            responses.append(
                (enrollment_id, reaction, "reaction", max(last - 1, 0), language, mean, "")
            )
        if follow_up:
            page, days_after = follow_up
            due = last - days_after  # days before now; negative: not due yet
            answered = due >= 0 and rng.random() < FOLLOW_UP_ANSWER_SHARE
            index = None
            if answered:
                index = len(responses)
                used = rng.choice(USED_ON_JOB)
                responses.append(
                    (enrollment_id, page, "follow_up", max(due - 3, 0), language, NULL, used)
                )
            reminded = due >= 14 and not answered and rng.random() < 0.9
            follow_ups.append((enrollment_id, page, last, due, reminded, index))
    first_response = loader.first_id("evaluation_surveyresponse")

    def response_rows():
        for number, (enrollment_id, page, kind, days, language, mean, used) in enumerate(responses):
            yield (
                f"{first_response + number}\t{{}}\t{page}\t{stamp(days)}\t{kind}"
                f"\t{enrollment_id}\t{language}\t{mean}\t{used}\n"
            )

    n_responses = loader.copy(
        "evaluation_surveyresponse",
        [
            "id",
            "form_data",
            "page_id",
            "submit_time",
            "kind",
            "enrollment_id",
            "language",
            "mean_rating",
            "used_on_job",
        ],
        response_rows(),
    )

    def follow_up_rows():
        for enrollment_id, page, completed, due, reminded, index in follow_ups:
            response = NULL if index is None else first_response + index
            yield (
                f"{enrollment_id}\t{page}\tbench-{enrollment_id}-{rng.getrandbits(64):016x}"
                f"\t{stamp(due)}\t{stamp(completed)}\t{stamp(due) if due >= 0 else NULL}"
                f"\t{stamp(due - 14) if reminded else NULL}\t{response}\n"
            )

    n_follow_ups = loader.copy(
        "evaluation_followup",
        [
            "enrollment_id",
            "page_id",
            "token",
            "due_at",
            "created_at",
            "sent_at",
            "reminded_at",
            "response_id",
        ],
        follow_up_rows(),
    )
    n_reactions = sum(1 for row in responses if row[2] == "reaction")
    assert n_responses == len(responses)
    return n_reactions, n_follow_ups
