package de.offenekommune.node.municipality;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the comma-separated files of the official lists: a header row, fields quoted only where
 * they contain a comma or a quote ({@code "Köln, Stadt"}), quotes doubled inside quotes. Every
 * value stays text (keys keep their leading zeros).
 */
final class Csv {
    private Csv() {
    }

    /** One data row, read by column name. */
    record Line(Map<String, Integer> columns, List<String> values) {
        String get(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                throw new IllegalStateException("no column " + column);
            }
            return i < values.size() ? values.get(i) : "";
        }
    }

    static List<Line> read(BufferedReader in) throws IOException {
        String header = in.readLine();
        if (header == null) {
            return List.of();
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> names = fields(header);
        for (int i = 0; i < names.size(); i++) {
            columns.put(names.get(i), i);
        }
        List<Line> lines = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.isBlank()) {
                lines.add(new Line(columns, fields(line)));
            }
        }
        return lines;
    }

    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
