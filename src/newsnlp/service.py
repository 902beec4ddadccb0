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
"""

from __future__ import annotations

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
from .pipeline import Failure, analyze, analyze_many, default_pipeline
from .schema import Article, json_schema

MAX_BODY_BYTES = int(os.environ.get("NEWSNLP_MAX_BODY_BYTES", str(1_000_000)))
"""The largest request body accepted, in bytes (``NEWSNLP_MAX_BODY_BYTES``; default 1 MB, about
500,000 Cyrillic characters: a long article is 10-30 KB). A larger body gets 413."""

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
        413: {"model": ErrorResponse, "description": f"the body is over {MAX_BODY_BYTES} bytes"},
        415: {"model": ErrorResponse, "description": "the body is not sent as JSON"},
        422: {"model": ErrorResponse, "description": "the JSON is not of the expected shape"},
        500: {"model": ErrorResponse, "description": "the pipeline failed on the text"},
    },
)


@app.post("/analyze", response_model=Article)
def analyze_endpoint(request: AnalyzeRequest) -> Article | JSONResponse:
    """Analyze one article: people, places, organizations and percentage facts."""
    try:
        return analyze(request.text)
    except Exception as error:  # the text fails, the service goes on
        return _error(500, _describe(error))


@app.post("/analyze/batch", response_model=list[BatchResult])
def analyze_batch_endpoint(items: list[BatchItem]) -> list[BatchResult]:
    """Analyze many articles in one request, in order; an article the pipeline fails on gets
    an ``error`` and the others are analyzed."""
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
        received = 0

        async def counted() -> Message:
            nonlocal received
            event = await receive()
            if event["type"] == "http.request":
                received += len(event.get("body", b""))
                if received > self.limit:  # FastAPI passes an HTTPException on as it is
                    raise HTTPException(413, message)
            return event

        await self.app(scope, counted, send)


app.add_middleware(BodyLimit)  # type: ignore[arg-type]


def serve(host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Run the service with uvicorn (what ``newsnlp serve`` does); ``workers`` processes, each
    with its own pipeline."""
    import uvicorn

    uvicorn.run("newsnlp.service:app", host=host, port=port, workers=workers)
