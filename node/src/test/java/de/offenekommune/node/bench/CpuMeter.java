package de.offenekommune.node.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU time used by the node process, PostgreSQL (server and backends) and the driver (load
 * generator, sinks) between two moments, read from Linux's /proc. The machine is shared and the
 * load generator runs on it: CPU per request shows what the node itself costs, whatever else ran.
 */
final class CpuMeter {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux we run on

    /** CPU seconds so far of each party, and of the whole machine (busy and total). */
    record Snapshot(double node, double database, double driver, double machineBusy, double machineTotal, long nanos) {
    }

    /**
     * Average cores each party kept busy, and how many the rest of the machine (other jobs) took.
     *
     * @param cores the machine's cores
     */
    record Usage(double node, double database, double driver, double others, double seconds, int cores) {
        /** Milliseconds of CPU per operation for the node and for PostgreSQL. */
        String perOperation(double operations) {
            if (operations <= 0 || node < 0) {
                return "";
            }
            return String.format(Locale.ROOT, "%.2f + %.2f ms", node * seconds * 1000 / operations,
                    database * seconds * 1000 / operations);
        }

        String describe() {
            return String.format(Locale.ROOT, "cores busy: node %.2f, PostgreSQL %.2f, driver %.2f, other jobs %.2f (of %d)",
                    node, database, driver, others, cores);
        }
    }

    private final long nodePid;
    private final long postmasterPid;

    CpuMeter(long nodePid, long postmasterPid) {
        this.nodePid = nodePid;
        this.postmasterPid = postmasterPid;
    }

    Snapshot snapshot() {
        double[] machine = machine();
        return new Snapshot(process(nodePid, false), database(), process(ProcessHandle.current().pid(), false),
                machine[0], machine[1], System.nanoTime());
    }

    static Usage between(Snapshot a, Snapshot b) {
        double seconds = (b.nanos() - a.nanos()) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        double busy = (b.machineBusy() - a.machineBusy()) / (b.machineTotal() - a.machineTotal()) * cores;
        double node = (b.node() - a.node()) / seconds;
        double database = (b.database() - a.database()) / seconds;
        double driver = (b.driver() - a.driver()) / seconds;
        return new Usage(node, database, driver, Math.max(0, busy - node - database - driver), seconds, cores);
    }

    /** Server and live backends, plus backends that ended (counted in the server's children time). */
    private double database() {
        Optional<ProcessHandle> server = ProcessHandle.of(postmasterPid);
        if (server.isEmpty()) {
            return 0;
        }
        double total = process(postmasterPid, true);
        for (ProcessHandle child : server.get().descendants().toList()) {
            total += process(child.pid(), false);
        }
        return total;
    }

    /** utime + stime (and the ended children's, if asked) in seconds; 0 when unreadable. */
    private static double process(long pid, boolean withChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name may contain spaces; the fields after it are fixed.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withChildren) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new double[] {(total - idle) / TICKS_PER_SECOND, total / TICKS_PER_SECOND};
        } catch (IOException | RuntimeException e) {
            return new double[] {0, 1};
        }
    }
}
