# The watchdog client a state auditor runs: follows the ledger's Kafka stream and checks it against signed
# checkpoints. Build from the repository root:
#   docker build -f docker/watchdog.Dockerfile -t disclosure-ledger/watchdog:local .
# Arguments are the client's own (see docker/README.md); the ledger's public key is mounted, never baked in.

FROM eclipse-temurin:17.0.15_6-jdk-noble AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw --batch-mode --no-transfer-progress -pl ledger-watchdog -am package -DskipTests \
    && cp ledger-watchdog/target/ledger-watchdog.jar /ledger-watchdog.jar

FROM eclipse-temurin:17.0.15_6-jre-noble
RUN groupadd --system --gid 10002 watchdog \
    && useradd --system --uid 10002 --gid watchdog --home-dir /var/lib/ledger-watchdog --shell /usr/sbin/nologin watchdog \
    && mkdir -p /opt/ledger-watchdog /var/lib/ledger-watchdog \
    && chown watchdog:watchdog /var/lib/ledger-watchdog
COPY --from=build /ledger-watchdog.jar /opt/ledger-watchdog/ledger-watchdog.jar
# What it verified and stored survives restarts when a volume is mounted here (a new volume starts owned by the user).
VOLUME /var/lib/ledger-watchdog
WORKDIR /var/lib/ledger-watchdog
USER 10002:10002
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/ledger-watchdog/ledger-watchdog.jar"]
