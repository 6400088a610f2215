# One image for the server and its workers. Node 24 runs the TypeScript sources
# directly (type stripping), so the image holds the sources, their dependencies and
# the built web app; there is no separate compile step.
FROM node:24-bookworm-slim AS build
WORKDIR /junction
RUN npm install --global pnpm@12.21.0
COPY . .
RUN pnpm install --frozen-lockfile \
  && pnpm --filter @junction/web run build

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4400 \
    JUNCTION_DATA_DIR=/var/lib/junction
WORKDIR /junction
COPY --from=build /junction /junction
# The data directory (the generated key file, embedded PGlite when no DATABASE_URL)
# belongs to an unprivileged user; the sources stay read-only to it.
RUN useradd --system --home-dir /var/lib/junction junction \
  && mkdir -p /var/lib/junction && chown junction /var/lib/junction && chmod 0700 /var/lib/junction
USER junction
EXPOSE 4400
# The server; a worker runs the same image with
#   node apps/cli/src/main.ts worker --concurrency 4
CMD ["node", "apps/server/src/main.ts"]
