package de.offenekommune.node.survey;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.offenekommune.node.web.Messages;
import de.offenekommune.node.web.Page;

/**
 * The results as CSV for spreadsheet work: UTF-8 with a byte order mark and semicolons as
 * separators (what Excel in German settings opens directly), CRLF line ends, RFC 4180 quoting.
 * One row per response, one column per question; chosen options are joined with ", ".
 */
final class SurveyCsv {
    static final char SEPARATOR = ';';
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Page.ZONE);

    private SurveyCsv() {
    }

    static byte[] write(List<Question> questions, List<ResponseRepository.ExportRow> rows, Messages msg) {
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>(List.of(msg.get("survey.csv.response"), msg.get("survey.csv.received"),
                msg.get("survey.csv.origin")));
        questions.forEach(q -> header.add(q.text()));
        row(out, header);
        Map<Long, Integer> column = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            column.put(questions.get(i).id(), i);
        }
        int i = 0;
        while (i < rows.size()) {
            ResponseRepository.ExportRow first = rows.get(i);
            List<List<String>> cells = new ArrayList<>();
            questions.forEach(q -> cells.add(new ArrayList<>()));
            for (; i < rows.size() && rows.get(i).responseId() == first.responseId(); i++) {
                ResponseRepository.ExportRow r = rows.get(i);
                Integer col = r.questionId() == null ? null : column.get(r.questionId());
                if (col != null) {
                    cells.get(col).add(r.label() != null ? r.label() : r.text());
                }
            }
            List<String> line = new ArrayList<>(List.of(String.valueOf(first.responseId()),
                    TIME.format(first.createdAt()), msg.get(first.remote() ? "survey.csv.remote" : "survey.csv.local")));
            cells.forEach(c -> line.add(String.join(", ", c)));
            row(out, line);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * Quotes a value when it contains a separator, quote or line break (quotes doubled). Values a
     * spreadsheet would run as a formula (=, +, -, @ first) get a leading apostrophe: answers are
     * written by the public and must stay text.
     */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        boolean quote = v.indexOf(SEPARATOR) >= 0 || v.indexOf(',') >= 0 || v.indexOf('"') >= 0
                || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
