# Samråd — multi-stage image: install the hashed lock into a virtualenv in one stage, run it as a non-root user
# in the next. Two builds of one commit get the very same packages (requirements.lock; `make lock` renews it).
FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
COPY requirements.lock ./
RUN python -m venv /opt/samrad \
 && /opt/samrad/bin/pip install --require-hashes -r requirements.lock
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY admin ./admin
COPY dialogs ./dialogs
COPY routing ./routing
COPY knowledge ./knowledge
# Samråd itself: no dependency resolved beyond the lock, built with the locked setuptools.
RUN /opt/samrad/bin/pip install --no-deps --no-build-isolation . && rm -rf /src

FROM python:3.11-slim AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/samrad/bin:$PATH \
    HOST=0.0.0.0 \
    PORT=3978
RUN groupadd --system samrad && useradd --system --gid samrad --home-dir /app --shell /usr/sbin/nologin samrad
WORKDIR /app
COPY --from=build /opt/samrad /opt/samrad
USER samrad
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,os; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\",\"3978\")}/healthz', timeout=2)"
# Required at run time (the service refuses to start without them; see docs/deploy.md):
#   MicrosoftAppId, MicrosoftAppPassword (and MicrosoftAppType/MicrosoftAppTenantId for single-tenant bots),
#   DATABASE_URL=postgresql+asyncpg://samrad:...@db/samrad, SESSION_SECRET, PUBLIC_URL=https://...
# WEB_CONCURRENCY sets the worker processes (default: one per CPU the container may use).
# `--migrate` upgrades the schema once before the workers start; with several replicas, run
# `samrad db upgrade` once before them instead (compose.yaml does).
CMD ["samrad", "serve", "--migrate"]
