package org.disclosureledger.api.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One benchmark run: every scenario's rows, collected across the benchmark classes of one JVM, printed as one table
 * when the last class has finished, and written to {@code target/benchmarks/run-<time>.json} and
 * {@code target/benchmarks/latest.json}. A benchmark class joins with {@code @ExtendWith(BenchmarkRun.Joined.class)}
 * and hands its rows to {@link #record}; a new scenario (the replay benchmark, scenario 3) does the same.
 */
final class BenchmarkRun implements AutoCloseable {

    private static final BenchmarkReport RUN = new BenchmarkReport();
    private final Instant started = Instant.now();

    /** Adds a finished scenario's rows to the run's table. */
    static void record(BenchmarkReport scenario) {
        scenario.rows().forEach(RUN::add);
    }

    /** Joins a benchmark class to the run: the first one to start opens it, and JUnit closes it after the last. */
    static final class Joined implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(BenchmarkRun.class, key -> new BenchmarkRun(), BenchmarkRun.class);
        }
    }

    @Override
    public void close() {
        List<BenchmarkReport.Row> rows = RUN.rows().stream()
                .sorted(Comparator.comparing(BenchmarkReport.Row::scenario))
                .toList();
        BenchmarkReport sorted = new BenchmarkReport();
        rows.forEach(sorted::add);
        System.out.println();
        System.out.println("=== Benchmark run started " + started + " ===");
        System.out.print(sorted.table());
        for (BenchmarkReport.Row row : rows) {
            System.out.println("  [" + row.scenario() + "] " + row.figure().strip() + ": " + row.limitedBy());
        }
        try {
            Path dir = Path.of("target", "benchmarks");
            Files.createDirectories(dir);
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                    .withZone(ZoneOffset.UTC)
                    .format(started);
            Path file = sorted.writeJson(dir.resolve("run-" + stamp + ".json"));
            Files.copy(file, dir.resolve("latest.json"), StandardCopyOption.REPLACE_EXISTING);
            System.out.println("JSON: " + file.toAbsolutePath() + " (and latest.json)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
