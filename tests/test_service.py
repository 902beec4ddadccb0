"""The HTTP service, as a client sees it: the real server (``python -m newsnlp serve``) started
on a free port of 127.0.0.1, spoken to over HTTP."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

import newsnlp
from newsnlp.service import MAX_BODY_BYTES

TEXT = "Губернатор Андрей Травников сообщил, что экспорт Новосибирской области вырос на 12 %."


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[httpx.Client]:
    yield from run_server()


def run_server(
    options: tuple[str, ...] = (), settings: dict[str, str] | None = None
) -> Iterator[httpx.Client]:
    """The real server with ``options`` and environment ``settings``, until the test is done."""
    port = free_port()
    src = str(Path(newsnlp.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    env.update(settings or {})
    command = [sys.executable, "-m", "newsnlp", "serve", "--port", str(port), *options]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                pytest.fail(f"newsnlp serve exited: {process.stderr.read()[-2000:]}")  # type: ignore[union-attr]
            try:
                if client.get("/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("newsnlp serve did not answer /health within 120 s")
            time.sleep(0.2)
        client.pid = process.pid  # type: ignore[attr-defined]
        yield client
    finally:
        client.close()
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def expected(text: str) -> dict[str, object]:
    return newsnlp.analyze(text).model_dump(mode="json")


def test_health(server: httpx.Client) -> None:
    response = server.get("/health")
    assert response.json() == {"status": "ok", "version": newsnlp.__version__}


def test_analyze_gives_the_article_of_the_library(server: httpx.Client) -> None:
    response = server.post("/analyze", json={"text": TEXT})
    assert response.status_code == 200
    assert response.json() == expected(TEXT)
    fact = response.json()["percentages"][0]
    assert (fact["value"], fact["direction"], fact["subject"]["lemma"]) == (12.0, "up", "экспорт")


def test_batch_keeps_order_ids_and_failures(server: httpx.Client) -> None:
    items = [
        {"id": "first", "text": TEXT},
        {"id": 2, "text": "Цены \ud800 выросли."},  # a lone surrogate: the pipeline raises
        {"text": ""},
        {"id": "last", "text": "Иван Петров приехал в Тверь."},
    ]
    body = json.dumps(items)  # ASCII escapes: the lone surrogate travels as "\ud800"
    response = server.post(
        "/analyze/batch", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 200
    results = response.json()
    assert [result["id"] for result in results] == ["first", 2, None, "last"]
    assert results[0] == {"id": "first", "article": expected(TEXT), "error": None}
    assert results[1]["article"] is None
    assert results[1]["error"].startswith("ValueError: text has a lone surrogate")
    assert results[2]["article"] == newsnlp.Article(text="").model_dump(mode="json")
    assert results[3]["article"]["people"][0]["name"] == "Иван Петров"


def test_schema_and_openapi_show_the_article(server: httpx.Client) -> None:
    assert server.get("/schema").json() == newsnlp.json_schema()
    openapi = server.get("/openapi.json").json()
    answer = openapi["paths"]["/analyze"]["post"]["responses"]["200"]["content"]
    assert answer["application/json"]["schema"] == {"$ref": "#/components/schemas/Article"}
    assert {"Article", "Percentage", "BatchResult", "ErrorResponse"} <= set(
        openapi["components"]["schemas"]
    )


@pytest.mark.parametrize(
    ("content", "content_type", "status", "error"),
    [
        (b"{not json", "application/json", 400, "the body is not valid JSON: Expecting property"),
        (b'{"text": 5}', "application/json", 422, "text: Input should be a valid string"),
        (b'{"text": null}', "application/json", 422, "text: Input should be a valid string"),
        (b'{"body": "x"}', "application/json", 422, "text: Field required"),
        (b'["x"]', "application/json", 422, "the body: Input should be a valid dictionary"),
        (b'{"text": "x"}', "text/plain", 415, "the body must be JSON with Content-Type"),
    ],
)
def test_bad_input_is_a_4xx_json_error_naming_it(
    server: httpx.Client, content: bytes, content_type: str, status: int, error: str
) -> None:
    response = server.post("/analyze", content=content, headers={"content-type": content_type})
    assert response.status_code == status
    assert response.json()["error"].startswith(error)


def test_a_bad_batch_item_is_named_by_its_position(server: httpx.Client) -> None:
    response = server.post("/analyze/batch", json=[{"text": "Омск."}, {"id": 1, "text": 7}])
    assert response.status_code == 422
    assert response.json() == {"error": "[1].text: Input should be a valid string"}


def test_a_body_over_the_limit_is_413(server: httpx.Client) -> None:
    text = "Цены выросли на 5 %. " * (MAX_BODY_BYTES // 30)
    response = server.post("/analyze", json={"text": text})  # with Content-Length
    assert response.status_code == 413
    assert response.json() == {"error": f"the body is over the limit of {MAX_BODY_BYTES} bytes"}

    def chunks() -> Iterator[bytes]:  # chunked: no Content-Length
        yield b'{"text": "'
        for _ in range(MAX_BODY_BYTES // 10_000 + 1):
            yield b"x" * 10_000
        yield b'"}'

    headers = {"content-type": "application/json"}
    response = server.post("/analyze", content=chunks(), headers=headers)
    assert response.status_code == 413
    assert "over the limit" in response.json()["error"]


def test_a_text_the_pipeline_fails_on_is_500_and_the_service_goes_on(
    server: httpx.Client,
) -> None:
    body = json.dumps({"text": "Экспорт \ud800 вырос на 3 %."})
    headers = {"content-type": "application/json"}
    response = server.post("/analyze", content=body, headers=headers)
    assert response.status_code == 500
    assert response.json()["error"].startswith("ValueError: text has a lone surrogate '\\ud800'")
    assert server.post("/analyze", json={"text": TEXT}).json() == expected(TEXT)


def test_wrong_path_and_method_are_json_errors(server: httpx.Client) -> None:
    assert server.get("/nowhere").json() == {"error": "Not Found"}
    response = server.get("/analyze")
    assert (response.status_code, response.json()) == (405, {"error": "Method Not Allowed"})


def test_concurrent_clients_get_the_same_articles(server: httpx.Client) -> None:
    texts = [TEXT, "Иван Петров приехал в Тверь.", "Цены в Омске снизились на 2,5%."] * 4
    with ThreadPoolExecutor(4) as pool:
        answers = list(
            pool.map(lambda text: server.post("/analyze", json={"text": text}).json(), texts)
        )
    assert answers == [expected(text) for text in texts]


@pytest.fixture(scope="module")
def small_server() -> Iterator[httpx.Client]:
    """A server that takes one analysis at a time and texts of 2,000 characters at most."""
    settings = {"NEWSNLP_MAX_TEXT_CHARS": "2000", "NEWSNLP_MAX_BODY_BYTES": "10000000"}
    yield from run_server(("--max-inflight", "1"), settings)


def test_the_text_limit_counts_characters_however_the_json_is_written(
    small_server: httpx.Client,
) -> None:
    text = ("Цены в Омске выросли на 5 %. " * 80)[:2000]
    escaped = json.dumps({"text": text})  # ASCII-escaped: 6 bytes a Cyrillic letter
    assert len(escaped.encode()) > 4 * len(text)
    headers = {"content-type": "application/json"}
    response = small_server.post("/analyze", content=escaped, headers=headers)
    assert response.status_code == 200 and len(response.json()["percentages"]) >= 60
    raw = json.dumps({"text": text + "ы"}, ensure_ascii=False).encode()
    response = small_server.post("/analyze", content=raw, headers=headers)
    assert response.status_code == 413
    assert response.json() == {
        "error": "the text is 2,001 characters, over the limit of 2,000 characters"
    }
    response = small_server.post("/analyze/batch", json=[{"text": "Омск."}, {"text": text + "!"}])
    assert response.status_code == 413
    assert response.json()["error"].startswith("text [1] is 2,001 characters")


def test_a_busy_server_answers_503_with_retry_after(small_server: httpx.Client) -> None:
    sentence = "Мэр Омска Сергей Шелест сообщил, что экспорт вырос на {} % за год. "
    texts = [{"text": sentence.format(n) * 25} for n in range(200)]  # ~340,000 characters
    with ThreadPoolExecutor(1) as pool:
        slow = pool.submit(small_server.post, "/analyze/batch", json=texts)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # until a request meets the batch in flight
            response = small_server.post("/analyze", json={"text": TEXT})
            if response.status_code == 503:
                break
            if slow.done():  # refused itself (it came while we were in flight), or done: again
                slow = pool.submit(small_server.post, "/analyze/batch", json=texts)
        assert response.status_code == 503
        assert response.headers["retry-after"] == "1"
        assert response.json()["error"].startswith("busy: 1 analyses are in flight already")
        assert small_server.get("/health").status_code == 200  # not an analysis
        assert slow.result().status_code == 200
    assert small_server.post("/analyze", json={"text": TEXT}).json() == expected(TEXT)


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; glibc trims")
def test_memory_goes_back_after_a_large_text(server: httpx.Client) -> None:
    paragraph = (
        "Губернатор Игорь Руденя сообщил, что в 2024 году выпуск в Тверской области вырос "
        "на 7 %, а экспорт в Казахстан — на 12 %, до 40 млн долларов.\n"
    )
    server.post("/analyze", json={"text": paragraph})
    before = rss_mb(server.pid)  # type: ignore[attr-defined]
    response = server.post("/analyze", json={"text": paragraph * 1500})  # 230,000 characters
    assert response.status_code == 200 and len(response.json()["percentages"]) == 3000
    deadline = time.monotonic() + 10  # the memory is given back once the answer is sent
    while (after := rss_mb(server.pid)) - before >= 30 and time.monotonic() < deadline:  # type: ignore[attr-defined]
        time.sleep(0.2)
    print(f"RSS {before:.0f} MB before, {after:.0f} MB after")
    assert after - before < 30  # measured: +21 MB (+39 MB when the memory stayed held)
