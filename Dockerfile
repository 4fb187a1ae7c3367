FROM node:24-slim

WORKDIR /app

# Install dependencies first so this layer is cached until package*.json change.
COPY package*.json ./
RUN npm ci

COPY . .
RUN npm run build \
 && npm prune --omit=dev

# Not root: the service needs no privilege (it writes nothing under /app; logs go to stdout).
USER node

EXPOSE 3000
# docker-compose.yml overrides the role per service (api / worker).
CMD ["node", "dist/src/main.js", "--role", "all"]
