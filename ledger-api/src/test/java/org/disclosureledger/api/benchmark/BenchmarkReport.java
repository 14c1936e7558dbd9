package org.disclosureledger.api.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's results: one row per measured figure, each beside the ceiling measured in the same run on the same
 * services (a raw JDBC or Kafka client doing the same work), and their ratio. Printed as a table and written as JSON
 * under {@code target/benchmark/} so runs can be compared.
 */
final class BenchmarkReport {

    /** One figure. {@code ceiling} is null for figures that have no raw counterpart (latencies). */
    record Row(String scenario, String figure, double measured, Double ceiling, String unit, String limitedBy) {

        Double ratio() {
            return ceiling == null || ceiling == 0 ? null : measured / ceiling;
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final String machine = machine();

    synchronized void add(Row row) {
        rows.add(row);
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append("Disclosure Ledger benchmark, ").append(machine).append('\n');
        String format = "%-8s %-58s %14s %14s %7s  %s%n";
        out.append(String.format(Locale.ROOT, format, "scenario", "figure", "measured", "ceiling", "ratio", "unit"));
        for (Row row : rows) {
            out.append(String.format(
                    Locale.ROOT,
                    format,
                    row.scenario(),
                    row.figure(),
                    number(row.measured()),
                    row.ceiling() == null ? "-" : number(row.ceiling()),
                    row.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2f", row.ratio()),
                    row.unit()));
        }
        return out.toString();
    }

    /** Writes the rows to {@code target/benchmark/<name>-<time>.json} and returns the file. */
    Path writeJson(String name) {
        try {
            Path dir = Path.of("target", "benchmark");
            Files.createDirectories(dir);
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                    .withZone(java.time.ZoneOffset.UTC)
                    .format(Instant.now());
            return writeJson(dir.resolve(name + "-" + stamp + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the rows, with the machine and the time, to the given file and returns it. */
    Path writeJson(Path file) {
        try {
            var json = JsonMapper.builder().build();
            var root = json.createObjectNode();
            root.put("machine", machine);
            root.put("finishedAt", Instant.now().toString());
            var array = root.putArray("rows");
            for (Row row : rows) {
                var node = array.addObject();
                node.put("scenario", row.scenario());
                node.put("figure", row.figure());
                node.put("measured", row.measured());
                if (row.ceiling() != null) {
                    node.put("ceiling", row.ceiling());
                    node.put("ratio", row.ratio());
                }
                node.put("unit", row.unit());
                node.put("limitedBy", row.limitedBy());
            }
            Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(
                Locale.ROOT,
                "%d cores, %d MiB max heap, Java %s, %s %s",
                runtime.availableProcessors(),
                runtime.maxMemory() / (1024 * 1024),
                System.getProperty("java.version"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }
}
