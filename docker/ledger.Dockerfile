# The ledger application. Build from the repository root:
#   docker build -f docker/ledger.Dockerfile -t disclosure-ledger/ledger:local .
# Nothing secret goes into the image: keys, passwords and addresses come at run time (see docker/README.md).

FROM eclipse-temurin:17.0.15_6-jdk-noble AS build
WORKDIR /src
# The whole reactor is copied (see ledger.Dockerfile.dockerignore): Maven reads every module's POM even when building
# one. The cache mount keeps downloaded dependencies between builds without putting them in a layer.
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw --batch-mode --no-transfer-progress -pl ledger-api -am package -DskipTests \
    && cp ledger-api/target/ledger-api.jar /ledger-api.jar

FROM eclipse-temurin:17.0.15_6-jre-noble
# A fixed, unprivileged user: files mounted into the container (secrets) are read as this uid.
RUN groupadd --system --gid 10001 ledger \
    && useradd --system --uid 10001 --gid ledger --home-dir /var/lib/ledger --shell /usr/sbin/nologin ledger \
    && mkdir -p /opt/ledger /var/lib/ledger \
    && chown ledger:ledger /var/lib/ledger
COPY --from=build /ledger-api.jar /opt/ledger/ledger-api.jar
# The working directory is the only writable place: the embedded default's ./data would land here, were the
# application ever started without an external database.
WORKDIR /var/lib/ledger
USER 10001:10001
EXPOSE 8080
# Ready means able to take disclosures (the database answers). The JRE image has no curl: bash's /dev/tcp does.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8080} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/ledger/ledger-api.jar"]
