# syntax=docker/dockerfile:1
# The 1:1s server as an image, for hosts other than App Service: one Node 24 process that serves the API,
# the bot endpoint, the calendar webhooks and the built tab. Configure it with the environment variables of
# README.md "Configuration" (MONGODB_URI, AUTH_MODE=entra, ENTRA_*, BOT_*, TOKEN_ENCRYPTION_KEY, PUBLIC_URL).

# 1. Build: every dependency, then the tab's static build and the staged runtime files.
FROM node:24-bookworm-slim AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund \
  && npm run build \
  && node infra/scripts/stage-app.ts --out /app --no-install

# 2. Production dependencies only, installed from the lock file into the staged tree.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY --from=build /app ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# 3. Runtime: the staged app and its production dependencies, run as the unprivileged `node` user.
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    DATA_DIR=/app/.data
WORKDIR /app
COPY --from=deps --chown=node:node /app ./
USER node
EXPOSE 3978
# /readyz answers 200 once the database is reachable (the same check App Service uses).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "api/src/main.ts"]
