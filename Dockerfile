# Stockcast image: the jar is built inside (same Maven as ./mvnw), then run from Spring Boot's layers
# so that a code change rebuilds only the small "application" layer. DockerfileRehearsalIT replays
# the extraction, the layer copies, ENV and ENTRYPOINT below without Docker, and starts the result.

FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
# Dependencies first, in their own layer: they change far less often than the code.
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp dependency:go-offline
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -DskipTests package \
 && cp target/stockcast-*.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17.0.15_6-jre-jammy
# A fixed numeric uid, so Kubernetes can check runAsNonRoot; its home is not needed.
RUN groupadd --system --gid 10001 stockcast \
 && useradd --system --uid 10001 --gid stockcast --no-create-home --shell /usr/sbin/nologin stockcast \
 && mkdir -p /app/data && chown stockcast:stockcast /app/data
WORKDIR /app
# Least to most often changed, one layer each.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
USER 10001:10001
# The heap follows the container's memory limit (75 %, the rest for metaspace, threads and buffers);
# on OutOfMemoryError the JVM exits so the orchestrator restarts it instead of limping on.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError" \
    SERVER_PORT=8080 \
    MANAGEMENT_SERVER_PORT=8081 \
    STOCKCAST_DATA_DIR=/app/data
# The API. Metrics are on MANAGEMENT_SERVER_PORT, for Prometheus only: not exposed, never published.
EXPOSE 8080
# The image has no curl or wget; bash's /dev/tcp asks the liveness group (/livez, open on the API
# port) without starting a JVM.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT} && printf 'GET /livez HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
