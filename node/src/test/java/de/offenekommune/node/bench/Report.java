package de.offenekommune.node.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result table: one row per figure, each next to the ceiling measured in the same run and the
 * target; notes below it say what else was seen (ramps, overload, counts, failures). Printed as a
 * Markdown table, readable in a terminal and pasteable into docs/performance.md.
 */
final class Report {
    /** @param verdict "met", "MISSED" or "" (no target) */
    record Row(String figure, String measured, String cpu, String ceiling, String ratio, String target, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    synchronized void row(String figure, String measured, String ceiling, String ratio, String target, Boolean met) {
        row(figure, measured, "", ceiling, ratio, target, met);
    }

    /** @param cpu CPU per operation of the node and of PostgreSQL ("0.80 + 0.20 ms"), or "" */
    synchronized void row(String figure, String measured, String cpu, String ceiling, String ratio, String target,
                          Boolean met) {
        rows.add(new Row(figure, measured, cpu, ceiling, ratio, target, met == null ? "" : met ? "met" : "MISSED"));
    }

    synchronized void note(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        notes.add(line);
        System.out.println("  " + line);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    synchronized void print(PrintStream out, List<String> header) {
        out.println();
        header.forEach(out::println);
        out.println();
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"figure", "measured: median [min–max]", "CPU/op: node + PostgreSQL", "ceiling, same run",
            "ratio", "target", ""});
        rows.forEach(r -> cells.add(new String[] {r.figure(), r.measured(), r.cpu(), r.ceiling(), r.ratio(), r.target(),
            r.verdict()}));
        int[] widths = new int[7];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < cells.size(); r++) {
            out.println(line(cells.get(r), widths));
            if (r == 0) {
                String[] rule = new String[widths.length];
                for (int i = 0; i < widths.length; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                out.println(line(rule, widths));
            }
        }
        out.println();
        notes.forEach(n -> out.println("- " + n));
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder s = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            s.append(' ').append(cells[i]).append(" ".repeat(widths[i] - cells[i].length())).append(" |");
        }
        return s.toString();
    }
}
