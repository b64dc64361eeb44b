# syntax=docker/dockerfile:1
# One image per service: docker build --build-arg SERVICE=shop -t sauda/shop .
# Stages: manifests (package.json files only, for layer caching) → build (npm ci + npm run build) →
# deps (production dependencies of SERVICE only) → runtime (node:20-slim, non-root, bundle + externals).
ARG NODE_IMAGE=node:20.20-bookworm-slim

FROM ${NODE_IMAGE} AS base
# The lockfile and package.json "allowScripts" are written by npm 11.
RUN npm install -g npm@11.19.1 && npm cache clean --force
WORKDIR /app

# Only the package.json files: the dependency layers below stay cached while source changes.
FROM base AS manifests
COPY . /src
RUN cd /src && mkdir /manifests \
  && find . -name package.json -not -path '*/node_modules/*' -print0 \
  | tar --null -cf - -T - package-lock.json .npmrc | tar -xf - -C /manifests

FROM base AS build
COPY --from=manifests /manifests ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM base AS deps
ARG SERVICE
RUN test -n "$SERVICE" || (echo 'build with --build-arg SERVICE=<a folder of services/>' >&2; exit 1)
COPY --from=manifests /manifests ./
# Workspace packages (@sauda/*) are bundled into dist/main.js; what stays external comes from here.
RUN npm ci --omit=dev --no-audit --no-fund --workspace "services/${SERVICE}" \
  && npm cache clean --force

# What the service needs at run time, gathered in one folder: bundle, migrations, shipped data (the assistant's
# training set and lexicon), port, the web app for the gateway.
FROM build AS bundle
ARG SERVICE
RUN mkdir -p "/out/services/${SERVICE}" \
  && cp -r "services/${SERVICE}/dist" "services/${SERVICE}/package.json" "/out/services/${SERVICE}/" \
  && for dir in migrations data; do \
    if [ -d "services/${SERVICE}/${dir}" ]; then cp -r "services/${SERVICE}/${dir}" "/out/services/${SERVICE}/"; fi; \
  done \
  && if [ "${SERVICE}" = gateway ]; then mkdir -p /out/apps/web && cp -r apps/web/dist /out/apps/web/; fi \
  && node -p "require('./services/${SERVICE}/package.json').sauda.port" > /out/port

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  SERVICE_NAME=${SERVICE} \
  WEB_DIST=/app/apps/web/dist
RUN groupadd --gid 10001 sauda && useradd --uid 10001 --gid sauda --no-create-home --shell /usr/sbin/nologin sauda
WORKDIR /app
# Root node_modules plus any workspace's own (a second version of a package lives there).
COPY --from=deps --chown=root:root /app ./
COPY --from=bundle --chown=root:root /out ./
WORKDIR /app/services/${SERVICE}
# Read-only for the process: code and dependencies belong to root; writable state goes to volumes and /tmp.
USER 10001:10001
EXPOSE 8080-8199
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "const p=process.env.PORT||require('fs').readFileSync('/app/port','utf8').trim();fetch('http://127.0.0.1:'+p+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "dist/main.js"]
