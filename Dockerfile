# Samråd — multi-stage image: build wheels in one stage, run as a non-root user in the next.
FROM python:3.11-slim AS build
WORKDIR /src
RUN pip install --no-cache-dir --upgrade pip build
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY dialogs ./dialogs
COPY routing ./routing
COPY knowledge ./knowledge
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOST=0.0.0.0 \
    PORT=3978
RUN groupadd --system samrad && useradd --system --gid samrad --home-dir /app --shell /usr/sbin/nologin samrad
WORKDIR /app
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
USER samrad
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,os; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\",\"3978\")}/healthz', timeout=2)"
# DATABASE_URL must point at PostgreSQL in production, e.g. postgresql+asyncpg://samrad@db/samrad
CMD ["sh", "-c", "samrad db upgrade && exec samrad serve"]
