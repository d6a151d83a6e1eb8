package de.offenekommune.node.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The rounds of one figure: reported as median with min and max, because the shared machine is noisy. */
record Stats(List<Double> values) {

    static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no rounds");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return new Stats(List.copyOf(sorted));
    }

    static Stats of(double single) {
        return new Stats(List.of(single));
    }

    double median() {
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    double min() {
        return values.getFirst();
    }

    double max() {
        return values.getLast();
    }

    int rounds() {
        return values.size();
    }

    /** "1,234 [1,100–1,300]" for a rate, or the value alone for a single round. */
    String format(String pattern) {
        String median = String.format(java.util.Locale.ROOT, pattern, median());
        if (values.size() == 1) {
            return median;
        }
        return median + " [" + String.format(java.util.Locale.ROOT, pattern, min()) + "–"
                + String.format(java.util.Locale.ROOT, pattern, max()) + "]";
    }
}
