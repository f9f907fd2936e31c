# syntax=docker/dockerfile:1
#
# One image for the whole sfw monorepo: every app and service is in it, and the
# command picks which one runs:
#
#   docker build -t sfw/platform:latest .
#   docker run --rm sfw/platform:latest                                   # prints usage
#   docker run --rm -e DATABASE_URL=... sfw/platform node services/enterprises/dist/main.js
#   docker run --rm -e DATABASE_URL=... sfw/platform node services/enterprises/dist/cli/migrate.js
#   docker run --rm -p 4000:4000 ...    sfw/platform node apps/gateway/dist/main.js
#
# A new workspace under packages/, services/ or apps/ is picked up without
# editing this file.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------
# manifests: the root package.json + package-lock.json and every workspace's
# package.json, nothing else. The install layers below depend only on these,
# so they stay cached while source files change.
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN find . -type f ! -name package.json ! -path ./package-lock.json ! -path ./.npmrc -delete \
 && find . -type d -empty -delete

# ---------------------------------------------------------------------------
# build: all dependencies (dev included), then `turbo run build` -> every dist/
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
ENV TURBO_TELEMETRY_DISABLED=1 \
    NX_DAEMON=false \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
WORKDIR /app
COPY --from=manifests /src/ ./
# `npm install`, not `npm ci`: the lockfile is made on machines whose registry lacks the other
# platforms' optional binaries (@swc/core-*, @turbo/*), and `npm ci` refuses such a lockfile.
RUN --mount=type=cache,target=/root/.npm \
    npm install
COPY . .
RUN npx turbo run build --output-logs=errors-only

# Collect exactly what the runtime needs from each workspace into /out:
# package.json, dist/, data/ and any *.graphql at the workspace root
# (services/*/schema.graphql, apps/gateway/supergraph.graphql).
RUN set -eu; \
    mkdir -p /out; \
    for ws in packages/* services/* apps/*; do \
      if [ ! -f "$ws/package.json" ]; then continue; fi; \
      mkdir -p "/out/$ws"; \
      cp "$ws/package.json" "/out/$ws/"; \
      for item in dist data; do \
        if [ -e "$ws/$item" ]; then cp -R "$ws/$item" "/out/$ws/"; fi; \
      done; \
      for f in "$ws"/*.graphql; do \
        if [ -f "$f" ]; then cp "$f" "/out/$ws/"; fi; \
      done; \
    done; \
    test -f /out/apps/gateway/dist/main.js; \
    test -f /out/apps/gateway/supergraph.graphql; \
    test -f /out/services/enterprises/dist/main.js; \
    test -f /out/services/enterprises/dist/cli/migrate.js

# ---------------------------------------------------------------------------
# prod-deps: production dependencies only (workspace links included)
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
ENV NODE_ENV=production \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
WORKDIR /app
COPY --from=manifests /src/ ./
RUN --mount=type=cache,target=/root/.npm \
    npm install --omit=dev

# ---------------------------------------------------------------------------
# runtime
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="sfw/platform" \
      org.opencontainers.image.description="sfw monorepo: gateway and subgraph services; choose one with the command"
ENV NODE_ENV=production \
    npm_config_update_notifier=false
WORKDIR /app
# Code stays owned by root and read-only for the app user.
COPY --from=prod-deps /app/ ./
COPY --from=build /out/ ./
# The `node` user of the official image (uid/gid 1000); numeric so that
# Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
# gateway: GATEWAY_PORT (4000); subgraphs: PORT (enterprises 4001, ...)
EXPOSE 4000 4001
CMD ["node", "-e", "const fs = require('fs'); const mains = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []).filter((n) => fs.existsSync(dir + '/' + n + '/dist/main.js')).map((n) => '  node ' + dir + '/' + n + '/dist/main.js'); console.log(['sfw/platform: one image for every sfw service. Choose one with the command:', '', ...mains('apps'), ...mains('services'), '', 'Migrations (run before a new version of a service starts):', '  node services/<name>/dist/cli/migrate.js', '', 'Example:', '  docker run --rm -e DATABASE_URL=postgres://sfw:sfw@postgres:5432/enterprises sfw/platform node services/enterprises/dist/main.js'].join('\\n'));"]
