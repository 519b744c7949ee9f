# Statecraft app image (used by docker-compose.yml): Node 20, dependencies from the lockfile, the web app built.
# `npm start` builds the web app and serves it with the API on $HOST:$PORT (0.0.0.0:8080 here); set NEO4J_URI and
# friends to use Neo4j instead of the embedded store.

# Dependencies, cached while package-lock.json does not change. Dev dependencies are needed: vite builds the web
# app and tsx runs the server.
FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# Build from the sources, never from whatever node_modules/dist the build context happens to contain.
FROM node:20-slim AS build
WORKDIR /app
COPY . .
RUN rm -rf node_modules dist test/neo4j/target test-results bench-results .git .statecraft && mkdir -p .statecraft/decks
COPY --from=deps /app/node_modules ./node_modules
RUN npm run build

FROM node:20-slim
WORKDIR /app
COPY --from=build --chown=node:node /app ./
USER node
ENV HOST=0.0.0.0 \
    PORT=8080
EXPOSE 8080
CMD ["npm", "start"]
