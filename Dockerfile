# syntax=docker/dockerfile:1
#
# faqkb container image.
#
# Build:  docker build -t faqkb .
# Run:    docker run -p 8080:8080 faqkb
#
# The FAQ content baked into the image lives in /app/content. To serve your own
# Markdown files instead, override the content folder by mounting a volume on
# /app/content, for example:
#
#   docker run -v "$PWD/content:/app/content:ro" -p 8080:8080 faqkb
#
# Runtime data (the H2 database of votes, comments, search logs and cached
# question embeddings) is written to /app/data, declared as a volume so it can be persisted with
# -v faqkb-data:/app/data. Several instances share a PostgreSQL database
# instead: see "Storage" in docs/operators.md. ONNX Runtime (semantic search) unpacks
# its native library into /tmp: with --read-only, add --tmpfs /tmp (or set
# FAQKB_SEARCH_SEMANTIC_ENABLED=false, which never loads it).

# ---- Stage 1: build the application jar ------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src

# Copy only the build descriptors first so dependency downloads are cached in
# their own layer and reused as long as pom.xml does not change.
COPY mvnw ./
COPY .mvn .mvn
COPY pom.xml ./
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

COPY src src
RUN ./mvnw -B -q -DskipTests package

# ---- Stage 2: runtime image --------------------------------------------------
FROM eclipse-temurin:17-jre

# curl is used by the HEALTHCHECK below; the base image does not reliably ship
# curl or wget.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 faqkb \
    && useradd --system --uid 10001 --gid faqkb --no-create-home --shell /usr/sbin/nologin faqkb

WORKDIR /app

# Default content; can be overridden by mounting a volume on /app/content:
#   docker run -v "$PWD/content:/app/content:ro" -p 8080:8080 faqkb
COPY content/ /app/content/

RUN mkdir -p /app/data && chown -R faqkb:faqkb /app/data

ENV FAQKB_CONTENT_DIR=/app/content FAQKB_DATA_DIR=/app/data

# The jar extracted, plus a class data sharing archive recorded by one start of the application (on a throwaway
# data folder): classes then load from the archive instead of from jars inside the jar, and the application
# starts faster and with less CPU than with `java -jar faqkb.jar` (see "Startup" in docs/operators.md; figures:
# bench/README.md, "Startup").
COPY --from=build /src/target/faqkb.jar /tmp/faqkb.jar
RUN java -Djarmode=tools -jar /tmp/faqkb.jar extract --destination /app/faqkb \
    && rm /tmp/faqkb.jar \
    && java -XX:ArchiveClassesAtExit=/app/faqkb/faqkb.jsa -Dspring.context.exit=onRefresh \
        -jar /app/faqkb/faqkb.jar --faqkb.data-dir=/tmp/cds-training --faqkb.content.watch=false \
    && rm -rf /tmp/cds-training

VOLUME ["/app/data"]
EXPOSE 8080

USER faqkb

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1

ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/faqkb/faqkb.jsa", "-jar", "/app/faqkb/faqkb.jar"]
