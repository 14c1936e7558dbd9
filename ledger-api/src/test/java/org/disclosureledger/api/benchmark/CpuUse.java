package org.disclosureledger.api.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the machine's CPU went while a scenario ran, so that a figure can be read against what two cores can give. Java
 * threads are told apart by name: the benchmark's own clients (named {@value #CLIENT_PREFIX}... and the JDK HTTP
 * client's), the application's request threads, its event processors, the embedded Kafka broker, and the rest; the
 * JVM's own work that no Java thread accounts for (JIT compilation, garbage collection) is the process's CPU time less
 * theirs; PostgreSQL is every process named {@code postgres} on this machine (read from {@code /proc}; zero where there
 * is none), including the processes that ended meanwhile (autovacuum workers, closed connections), whose time the
 * server's main process collects when they end.
 */
final class CpuUse {

    static final String CLIENT_PREFIX = "bench-client-";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** The parts CPU time is split into, in the order the report names them. */
    enum Part {
        REQUESTS("HTTP request threads"),
        PROCESSORS("event processors"),
        KAFKA("embedded Kafka broker"),
        OTHER_THREADS("other application threads"),
        JIT_AND_GC("JIT and GC"),
        POSTGRES("PostgreSQL"),
        CLIENT("benchmark client");

        private final String label;

        Part(String label) {
            this.label = label;
        }
    }

    /** CPU time in nanoseconds of each part. */
    record Sample(Map<Part, Long> nanos) {

        /** The CPU each part used between {@code earlier} and this sample. */
        Sample since(Sample earlier) {
            Map<Part, Long> used = new EnumMap<>(Part.class);
            for (Part part : Part.values()) {
                used.put(part, Math.max(0, nanos.get(part) - earlier.nanos.get(part)));
            }
            return new Sample(used);
        }

        /** All of it: the application, the JVM, PostgreSQL and the benchmark's own clients, which share the cores. */
        long total() {
            return nanos.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Milliseconds of each part per unit of work, for the report's notes. */
        String perUnit(double units, String unit) {
            StringBuilder out = new StringBuilder("CPU per " + unit + ":");
            for (Part part : Part.values()) {
                out.append(String.format(Locale.ROOT, " %s %.3f ms,", part.label, nanos.get(part) / 1e6 / units));
            }
            return out.substring(0, out.length() - 1);
        }
    }

    private CpuUse() {}

    static Sample now() {
        Map<Part, Long> nanos = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            nanos.put(part, 0L);
        }
        long threads = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long used = THREADS.getThreadCpuTime(info.getThreadId());
            if (used > 0) {
                nanos.merge(partOf(info.getThreadName()), used, Long::sum);
                threads += used;
            }
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        nanos.put(Part.JIT_AND_GC, Math.max(0, process - threads));
        nanos.put(Part.POSTGRES, postgres());
        return new Sample(nanos);
    }

    private static Part partOf(String thread) {
        if (thread.startsWith(CLIENT_PREFIX) || thread.startsWith("HttpClient-")) {
            return Part.CLIENT;
        }
        if (thread.startsWith("http-nio-")) {
            return Part.REQUESTS;
        }
        if (thread.startsWith("EventProcessor[")
                || thread.startsWith("WorkPackage[")
                || thread.startsWith("Coordinator[")
                || thread.startsWith("EmbeddedEventStore")) {
            return Part.PROCESSORS;
        }
        String lower = thread.toLowerCase(Locale.ROOT);
        if ((lower.contains("kafka")
                        && !lower.contains("producer")
                        && !lower.contains("consumer")
                        && !lower.contains("adminclient"))
                || lower.contains("raft")
                || lower.startsWith("broker-")
                || lower.startsWith("data-plane")
                || lower.startsWith("expirationreaper")
                || lower.startsWith("controller-")
                || lower.contains("log-cleaner")
                || lower.contains("logdirfailure")
                || lower.startsWith("quorum")) {
            return Part.KAFKA;
        }
        return Part.OTHER_THREADS;
    }

    /**
     * A report row comparing the CPU time per {@code unit} of a measured run ({@code measuredUnits} of them) with its
     * raw ceiling's ({@code rawUnits}), each split by part in the notes; {@code during} says over what it was taken.
     */
    static BenchmarkReport.Row row(
            String scenario,
            String figure,
            Sample measured,
            double measuredUnits,
            Sample raw,
            double rawUnits,
            String unit,
            String during) {
        return new BenchmarkReport.Row(
                scenario,
                figure,
                measured.total() / 1e6 / measuredUnits,
                raw.total() / 1e6 / rawUnits,
                "ms",
                "all the CPU time on this machine (application, JVM, PostgreSQL and the benchmark's clients, which"
                        + " share the cores) " + during + "; measured " + measured.perUnit(measuredUnits, unit)
                        + "; raw "
                        + raw.perUnit(rawUnits, unit) + "; a ratio above 1 costs more CPU");
    }

    /** The cores of this machine; the most CPU time a second can hold is this many seconds. */
    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static boolean isClient(String name) {
        return name.startsWith(CLIENT_PREFIX) || name.startsWith("HttpClient-");
    }

    /**
     * User + system time of every process named {@code postgres}, and of their ended children (counted once, in their
     * parent's), in nanoseconds; 0 without {@code /proc}.
     */
    private static long postgres() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return 0;
        }
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path process : processes) {
                ticks += postgresTicks(process.resolve("stat"));
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
    }

    private static long postgresTicks(Path stat) {
        try {
            String line = Files.readString(stat);
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (open < 0 || close < open || !line.substring(open + 1, close).equals("postgres")) {
                return 0;
            }
            String[] fields = line.substring(close + 2).split(" ");
            // utime, stime, cutime, cstime: fields 14 to 17 of proc(5), counted from the state (field 3).
            return Long.parseLong(fields[11])
                    + Long.parseLong(fields[12])
                    + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended while it was read
        }
    }
}
