"""The exam burst's client: no Django, one asyncio loop, raw HTTP.

Every trainee prepared by ``bench.exam prepare`` submits once, at a random
moment within the window, on their own connection (each trainee has their
own browser). A submit is timed from the moment it was scheduled, not from
when it was sent, so any waiting in the client (for the loop or for a
connection) counts against the server, never for it.
"""

import asyncio
import random
import resource
import urllib.parse

RIGHT = 0.75  # chance that an answer is right: about four trainees in five pass (70 %)
CSRF = "benchcsrftoken0123456789abcdefgh"  # cookie and header must match
TIMEOUT = 120.0  # seconds before the client gives up on a submit (an error)


def answers_for(prepared: dict, trainee: dict) -> dict[int, int]:
    """The choice this trainee sends for each question (the right one with chance RIGHT)."""
    rng = random.Random(trainee["attempt_id"])
    answers = {}
    for qid, choices, right in prepared["questions"]:
        wrong = [c for c in choices if c != right]
        answers[qid] = right if rng.random() < RIGHT else rng.choice(wrong)
    return answers


def form_fields(answers: dict[int, int]) -> list[tuple[str, str]]:
    fields = [("shown", str(qid)) for qid in answers]
    fields += [(f"q{qid}", str(choice)) for qid, choice in answers.items()]
    return fields


def submit_request(host: str, prepared: dict, trainee: dict) -> bytes:
    """The raw HTTP/1.1 POST of one trainee's submit (built before the burst starts)."""
    body = urllib.parse.urlencode(form_fields(answers_for(prepared, trainee))).encode()
    head = (
        f"POST {trainee['submit']} HTTP/1.1\r\n"
        f"Host: {host}\r\n"
        f"Cookie: {trainee['cookie']}\r\n"
        f"X-CSRFToken: {CSRF}\r\n"
        f"Referer: http://{host}{trainee['submit']}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode() + body


async def send(host: str, port: int, request: bytes) -> int:
    """Sends one request on its own connection; the status once the whole answer is read."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(request)
        await writer.drain()
        status_line = await reader.readline()
        await reader.read()  # headers and body, until the server closes
        return int(status_line.split()[1])
    finally:
        writer.close()


def open_limit() -> int:
    """Connections the client may hold open at once, within its file limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        wanted = 8192 if hard == resource.RLIM_INFINITY else min(hard, 8192)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))
            soft = max(soft, wanted)
        except (ValueError, OSError):
            pass
    return max(16, min(2000, soft - 200))


def burst(base_url: str, prepared: dict, *, window: float = 10.0, seed: int = 1) -> dict:
    """Every trainee submits once, at a random moment within ``window`` seconds.

    The warm-up trainees submit first, unmeasured. ``late_ms`` says how late
    the loop was at worst in starting a submit (its time counts anyway).
    """
    parsed = urllib.parse.urlsplit(base_url)
    host, port = parsed.hostname, parsed.port
    rng = random.Random(seed)
    plan = [
        (rng.uniform(0, window), submit_request(parsed.netloc, prepared, trainee))
        for trainee in prepared["trainees"]
    ]
    warmup = [submit_request(parsed.netloc, prepared, t) for t in prepared.get("warmup", [])]
    results: list[tuple[int, float]] = []
    late: list[float] = []

    async def run():
        loop = asyncio.get_running_loop()
        gate = asyncio.Semaphore(open_limit())
        # Two waves, as many at once as the server has threads, then a pause.
        half = len(warmup) // 2
        for wave in (warmup[:half], warmup[half:]):
            await asyncio.gather(*(send(host, port, r) for r in wave), return_exceptions=True)
        start = loop.time() + 1.0

        async def one(at: float, request: bytes):
            moment = start + at
            await asyncio.sleep(max(0.0, moment - loop.time()))
            late.append(loop.time() - moment)
            try:
                async with gate:
                    status = await asyncio.wait_for(send(host, port, request), TIMEOUT)
            except (TimeoutError, OSError, ValueError, IndexError):
                status = 0
            results.append((status, loop.time() - moment))

        await asyncio.gather(*(one(at, request) for at, request in plan))

    asyncio.run(run())
    summary = summarise(results)
    summary["late_ms"] = 1000 * max(late, default=0.0)
    return summary


def summarise(results: list[tuple[int, float]]) -> dict:
    """Submits, errors (anything but the redirect to the result) and latency percentiles."""
    from bench.stats import percentile

    latencies = [seconds for _status, seconds in results]
    ok = sum(1 for status, _ in results if status in (302, 303))
    return {
        "submits": len(results),
        "ok": ok,
        "errors": len(results) - ok,
        "p50_ms": 1000 * percentile(latencies, 0.50),
        "p95_ms": 1000 * percentile(latencies, 0.95),
        "max_ms": 1000 * max(latencies),
    }
