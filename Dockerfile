# syntax=docker/dockerfile:1
# attribot — CPU image (default) and CUDA image for the GPU trainer:
#   docker build -t attribot .
#   docker build --target cuda -t attribot:cuda .
ARG NODE_VERSION=20.19

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:${NODE_VERSION}-bookworm-slim AS cpu
ENV NODE_ENV=production ATTRIBOT_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/src/generated ./src/generated
COPY package.json ./
COPY prisma ./prisma
COPY bin ./bin
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Migrations run at start (attribot migrates before serving).
ENTRYPOINT ["node", "bin/attribot.js"]
CMD ["start"]

# tfjs-node-gpu 4.22 bundles libtensorflow 2.9.1, built for CUDA 11.2 and cuDNN 8.1.
# Base image provenance: nvidia/cuda is NVIDIA's official CUDA image on Docker Hub
# (https://hub.docker.com/r/nvidia/cuda, built from https://gitlab.com/nvidia/container-images/cuda).
# CUDA 11.2 is past NVIDIA's support window: its tags are unmaintained (no security updates) and
# may be withdrawn; pin the digest you verified (`docker pull`, then FROM nvidia/cuda@sha256:…).
FROM nvidia/cuda:11.2.2-cudnn8-runtime-ubuntu20.04 AS cuda
ARG NODE_VERSION
ENV NODE_ENV=production ATTRIBOT_DATA_DIR=/data TRAIN_BACKEND=tensorflow-gpu
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl xz-utils \
 && curl -fsSL "https://nodejs.org/dist/v${NODE_VERSION}.0/node-v${NODE_VERSION}.0-linux-x64.tar.xz" | tar -xJ -C /usr/local --strip-components=1 \
 && apt-get purge -y curl xz-utils && rm -rf /var/lib/apt/lists/* && useradd -m attribot
WORKDIR /app
COPY --from=build /app/dist ./dist
COPY --from=build /app/src/generated ./src/generated
COPY package.json package-lock.json .npmrc ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY bin ./bin
# Online build machine: tfjs-node-gpu's install script downloads libtensorflow here.
RUN npm ci --omit=dev --ignore-scripts=false --no-audit --no-fund && npm ls @tensorflow/tfjs-node-gpu
RUN mkdir -p /data && chown attribot:attribot /data
USER attribot
VOLUME ["/data"]
ENTRYPOINT ["node", "bin/attribot.js"]
CMD ["start", "--role", "trainer"]
