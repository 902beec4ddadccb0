"""The HTTP service: newsnlp behind FastAPI, run by uvicorn (``newsnlp serve``).

    POST /analyze          {"text": "..."}                -> Article
    POST /analyze/batch    [{"id": ..., "text": "..."}]   -> [{"id", "article", "error"}]
    GET  /health           -> {"status": "ok", "version": ...}
    GET  /schema           -> the JSON Schema of Article

Needs the ``service`` extra (``pip install "newsnlp[service]"``). The endpoints are plain
(sync) functions, so FastAPI runs them on its thread pool; ``analyze`` is thread-safe and runs
at full speed on any thread. Every error is a JSON object ``{"error": "..."}`` naming the
problem: 400 for a body that is not JSON, 415 for one not sent as JSON (Content-Type), 422 for
JSON of the wrong shape (``text`` not a string, a field missing), 413 for a body over
:data:`MAX_BODY_BYTES`, 404/405 for a wrong path or method, and 500 for a text the pipeline
fails on (the service goes on serving).

Limits (each documented in README, "HTTP service"):

- at most :data:`MAX_INFLIGHT` analyses at a time per process (``newsnlp serve
  --max-inflight N``, ``NEWSNLP_MAX_INFLIGHT``): a request over it is answered at once with 503
  and ``Retry-After``, before its body is read, instead of queueing without end;
- a text of at most :data:`MAX_TEXT_CHARS` characters (``NEWSNLP_MAX_TEXT_CHARS``), counted in
  characters whatever the JSON encoding (``\u0444`` escapes included); 413 over it. The body is
  also capped in bytes (:data:`MAX_BODY_BYTES`), high enough for any encoding of such a text;
- after a request with a large body (:data:`TRIM_AFTER_BYTES`), the process gives the C heap's
  free memory back to the system (``malloc_trim``, glibc only).
"""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping, Sequence
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr
from starlette.exceptions import HTTPException

from . import __version__
from ._batch import give_back_memory
from .api import Failure, analyze, analyze_many
from .pipeline import default_pipeline
from .schema import Article, json_schema

MAX_TEXT_CHARS = int(os.environ.get("NEWSNLP_MAX_TEXT_CHARS", str(500_000)))
"""The longest text accepted, in characters (``NEWSNLP_MAX_TEXT_CHARS``; default 500,000, some
250 pages: a long article is 5,000-15,000). Counted after the JSON is read, so the same
whether the client sends the text as UTF-8 or as ``\\u``-escapes (6 bytes a Cyrillic letter).
In a batch each text counts on its own. A longer text gets 413."""

MAX_BODY_BYTES = int(os.environ.get("NEWSNLP_MAX_BODY_BYTES", str(6 * MAX_TEXT_CHARS + 65_536)))
"""The largest request body accepted, in bytes (``NEWSNLP_MAX_BODY_BYTES``; by default room
for a text of :data:`MAX_TEXT_CHARS` characters however it is escaped: 6 bytes each, plus
64 KB). Checked before the body is parsed; a larger body gets 413."""

MAX_INFLIGHT = int(os.environ.get("NEWSNLP_MAX_INFLIGHT", "4"))
"""The most ``/analyze`` and ``/analyze/batch`` requests one server process works on at a time
(``newsnlp serve --max-inflight N``, ``NEWSNLP_MAX_INFLIGHT``; default 4: a few overlap the
HTTP and JSON work of one request with the analysis of another). A request over it gets 503
with ``Retry-After`` at once."""

RETRY_AFTER_SECONDS = 1
"""The ``Retry-After`` of a 503 (seconds)."""

TRIM_AFTER_BYTES = 100_000
"""A request body at least this large is followed by giving free memory back to the system."""

HEAVY_PATHS = ("/analyze", "/analyze/batch")

BATCH_SIZE = 32
"""Articles of a ``/analyze/batch`` request tagged together."""


class AnalyzeRequest(BaseModel):
    """The body of ``POST /analyze``."""

    model_config = ConfigDict(extra="forbid")

    text: StrictStr = Field(description="the article, as a string")


class BatchItem(BaseModel):
    """One article of ``POST /analyze/batch``."""

    model_config = ConfigDict(extra="forbid")

    id: StrictStr | StrictInt | None = Field(
        default=None, description="the caller's id, returned with the result"
    )
    text: StrictStr = Field(description="the article, as a string")


class BatchResult(BaseModel):
    """The result of one article of a batch: its ``article``, or the ``error`` the pipeline
    raised on it (the other articles of the batch are analyzed anyway)."""

    id: StrictStr | StrictInt | None
    article: Article | None = None
    error: str | None = None


class Health(BaseModel):
    """The answer of ``GET /health``."""

    status: str = Field(description='"ok" once the pipeline is loaded')
    version: str


class ErrorResponse(BaseModel):
    """Every error the service returns."""

    error: str = Field(description="what was wrong")


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    await run_in_threadpool(default_pipeline)  # loaded before the first request, not during
    yield


app = FastAPI(
    title="newsnlp",
    version=__version__,
    description="People, places, organizations and percentage facts from Russian news.",
    lifespan=_lifespan,
    responses={
        400: {"model": ErrorResponse, "description": "the body is not JSON"},
        413: {
            "model": ErrorResponse,
            "description": f"a text is over {MAX_TEXT_CHARS} characters, or the body over "
            f"{MAX_BODY_BYTES} bytes",
        },
        415: {"model": ErrorResponse, "description": "the body is not sent as JSON"},
        422: {"model": ErrorResponse, "description": "the JSON is not of the expected shape"},
        500: {"model": ErrorResponse, "description": "the pipeline failed on the text"},
        503: {
            "model": ErrorResponse,
            "description": f"{MAX_INFLIGHT} analyses are in flight already: retry after the "
            "Retry-After seconds",
        },
    },
)


def _too_long(texts: Sequence[str]) -> JSONResponse | None:
    """The 413 of the first text over :data:`MAX_TEXT_CHARS` characters (None if none is)."""
    for number, text in enumerate(texts):
        if len(text) > MAX_TEXT_CHARS:
            where = "the text" if len(texts) == 1 else f"text [{number}]"
            return _error(
                413,
                f"{where} is {len(text):,} characters, over the limit of {MAX_TEXT_CHARS:,} "
                "characters",
            )
    return None


@app.post("/analyze", response_model=Article)
def analyze_endpoint(request: AnalyzeRequest) -> Article | JSONResponse:
    """Analyze one article: people, places, organizations and percentage facts."""
    refused = _too_long([request.text])
    if refused is not None:
        return refused
    try:
        return analyze(request.text)
    except Exception as error:  # the text fails, the service goes on
        return _error(500, _describe(error))


@app.post("/analyze/batch", response_model=list[BatchResult])
def analyze_batch_endpoint(items: list[BatchItem]) -> list[BatchResult] | JSONResponse:
    """Analyze many articles in one request, in order; an article the pipeline fails on gets
    an ``error`` and the others are analyzed."""
    refused = _too_long([item.text for item in items])
    if refused is not None:
        return refused
    results = analyze_many((item.text for item in items), batch_size=BATCH_SIZE, on_error="record")
    return [
        BatchResult(id=item.id, error=result.error)
        if isinstance(result, Failure)
        else BatchResult(id=item.id, article=result)
        for item, result in zip(items, results)
    ]


@app.get("/health", response_model=Health)
def health() -> Health:
    """Whether the service is up (the pipeline is loaded before the service accepts requests)."""
    return Health(status="ok", version=__version__)


@app.get("/schema")
def schema() -> dict[str, Any]:
    """The JSON Schema of :class:`~newsnlp.schema.Article` (what ``/analyze`` returns)."""
    return json_schema()


@app.exception_handler(RequestValidationError)
async def _invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
    problems = error.errors()
    first = problems[0] if problems else {}
    if first.get("type") == "json_invalid":
        reason = first.get("ctx", {}).get("error", "")
        return _error(400, f"the body is not valid JSON: {reason}".rstrip(": "))
    content_type = request.headers.get("content-type", "")
    if not _is_json(content_type) and tuple(first.get("loc", ())) == ("body",):
        got = f"Content-Type {content_type!r}" if content_type else "no Content-Type"
        return _error(415, f"the body must be JSON with Content-Type application/json ({got})")
    messages = []
    for problem in problems[:5]:
        messages.append(f"{_where(problem.get('loc', ()))}: {problem.get('msg', 'invalid')}")
    return _error(422, "; ".join(messages) or "invalid request")


def _is_json(content_type: str) -> bool:
    kind = content_type.split(";")[0].strip().lower()
    subtype = kind.removeprefix("application/")
    return subtype != kind and (subtype == "json" or subtype.endswith("+json"))


def _where(loc: Sequence[object]) -> str:
    """A validation error's place in the body: "text", "[0].text", "the body"."""
    path = ""
    for part in loc[1:] if loc and loc[0] == "body" else loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path.lstrip(".") or "the body"


@app.exception_handler(HTTPException)
async def _http_error(request: Request, error: HTTPException) -> JSONResponse:
    return JSONResponse(
        {"error": str(error.detail)}, status_code=error.status_code, headers=error.headers
    )


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyLimit:
    """ASGI middleware: a request body over ``limit`` bytes gets 413 before it is parsed,
    whether it declares its length (``Content-Length``) or not (chunked)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = f"the body is over the limit of {self.limit} bytes"
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _error(413, message)(scope, receive, send)
            return
        await self.app(scope, CountedReceive(receive, self.limit, message), send)


class CountedReceive:
    """An ASGI ``receive`` that adds up the body bytes of the request (``received``); past
    ``limit`` bytes (when given) it raises 413 with ``message``."""

    def __init__(self, receive: Receive, limit: int | None = None, message: str = "") -> None:
        self.receive = receive
        self.limit = limit
        self.message = message
        self.received = 0

    async def __call__(self) -> Message:
        event = await self.receive()
        if event["type"] == "http.request":
            self.received += len(event.get("body", b""))
            if self.limit is not None and self.received > self.limit:
                # FastAPI passes an HTTPException on as it is
                raise HTTPException(413, self.message)
        return event


def release_memory() -> None:
    """Collect garbage and give the C heap's free memory back to the system (glibc's
    ``malloc_trim``; elsewhere only the collection)."""
    gc.collect()
    give_back_memory()


class InFlightLimit:
    """ASGI middleware: at most ``limit`` analyses at a time; one more is answered 503 with
    ``Retry-After`` before its body is read. After a large body the memory its analysis left
    behind is given back to the system (when no other analysis is running)."""

    def __init__(self, app: ASGIApp, limit: int | None = None) -> None:
        self.app = app
        self._limit = limit
        self.running = 0  # one event loop per process: no lock needed

    @property
    def limit(self) -> int:
        """The limit given, else :data:`MAX_INFLIGHT` (as :func:`serve` set it)."""
        return self._limit if self._limit is not None else MAX_INFLIGHT

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") not in HEAVY_PATHS:
            await self.app(scope, receive, send)
            return
        if self.running >= self.limit:
            response = JSONResponse(
                {
                    "error": f"busy: {self.limit} analyses are in flight already (the limit of "
                    f"--max-inflight); retry after {RETRY_AFTER_SECONDS} s"
                },
                status_code=503,
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
            await response(scope, receive, send)
            return
        counted = CountedReceive(receive)
        self.running += 1
        try:
            await self.app(scope, counted, send)
        finally:
            self.running -= 1
        if counted.received >= TRIM_AFTER_BYTES and self.running == 0:
            await run_in_threadpool(release_memory)


app.add_middleware(BodyLimit)  # type: ignore[arg-type]
# outermost: refuses first
app.add_middleware(InFlightLimit)  # type: ignore[arg-type]


def serve(
    host: str = "127.0.0.1", port: int = 8000, workers: int = 1, max_inflight: int | None = None
) -> None:
    """Run the service with uvicorn (what ``newsnlp serve`` does); ``workers`` processes, each
    with its own pipeline and at most ``max_inflight`` analyses at a time (default
    :data:`MAX_INFLIGHT`)."""
    import uvicorn

    global MAX_INFLIGHT
    if max_inflight is not None:
        if not isinstance(max_inflight, int) or max_inflight < 1:
            raise ValueError(f"max_inflight must be a positive int, got {max_inflight!r}")
        MAX_INFLIGHT = max_inflight  # this process (one worker) ...
        os.environ["NEWSNLP_MAX_INFLIGHT"] = str(max_inflight)  # ... and workers that import us
    uvicorn.run("newsnlp.service:app", host=host, port=port, workers=workers)
