package de.offenekommune.verification.jcs;

import java.math.BigDecimal;

/**
 * Formats a double the way ECMAScript's {@code Number.prototype.toString} does (ES6 section 7.1.12.1), which
 * RFC 8785 requires for JSON numbers.
 *
 * <p>The shortest round-tripping digits come from {@link Double#toString(double)} (exact since JDK 19). It differs
 * from ECMAScript in one case only: when a single digit would do, Java may print two (4.9E-324 where ECMAScript
 * prints 5e-324), so that case is checked here.
 */
public final class Es6NumberFormatter {
    private Es6NumberFormatter() {
    }

    /** @throws IllegalArgumentException for NaN and the infinities, which JSON cannot express */
    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("NaN and Infinity are not JSON numbers");
        }
        if (value == 0) {
            return "0"; // also -0
        }
        Decimal decimal = shortestSingleDigit(Decimal.of(Math.abs(value)), Math.abs(value));
        String text = decimal.toEcmaScript();
        return value < 0 ? "-" + text : text;
    }

    /** Significant digits without leading or trailing zeros; the value is 0.digits x 10^exponent. */
    private record Decimal(String digits, int exponent) {
        static Decimal of(double positive) {
            String java = Double.toString(positive);
            int e = java.indexOf('E');
            String mantissa = e < 0 ? java : java.substring(0, e);
            int shift = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
            int dot = mantissa.indexOf('.');
            String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int point = dot + shift;
            int lead = 0;
            while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
                lead++;
            }
            digits = digits.substring(lead);
            point -= lead;
            int end = digits.length();
            while (end > 1 && digits.charAt(end - 1) == '0') {
                end--;
            }
            return new Decimal(digits.substring(0, end), point);
        }

        double parse() {
            return Double.parseDouble("0." + digits + "E" + exponent);
        }

        BigDecimal exact() {
            return new BigDecimal("0." + digits + "E" + exponent);
        }

        String toEcmaScript() {
            int k = digits.length();
            int n = exponent;
            if (k <= n && n <= 21) {
                return digits + "0".repeat(n - k);
            }
            if (0 < n && n <= 21) {
                return digits.substring(0, n) + "." + digits.substring(n);
            }
            if (-6 < n && n <= 0) {
                return "0." + "0".repeat(-n) + digits;
            }
            int e = n - 1;
            String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return mantissa + "e" + (e >= 0 ? "+" : "-") + Math.abs(e);
        }
    }

    /** ECMAScript takes the fewest digits; Java guarantees that only from two digits on. */
    private static Decimal shortestSingleDigit(Decimal java, double value) {
        if (java.digits().length() != 2) {
            return java;
        }
        int first = java.digits().charAt(0) - '0';
        Decimal down = new Decimal(Integer.toString(first), java.exponent());
        Decimal up = first == 9 ? new Decimal("1", java.exponent() + 1)
                : new Decimal(Integer.toString(first + 1), java.exponent());
        boolean downFits = down.parse() == value;
        boolean upFits = up.parse() == value;
        if (downFits && upFits) {
            BigDecimal exact = new BigDecimal(value);
            int cmp = exact.subtract(down.exact()).abs().compareTo(up.exact().subtract(exact).abs());
            return cmp < 0 || (cmp == 0 && first % 2 == 0) ? down : up;
        }
        if (downFits) {
            return down;
        }
        return upFits ? up : java;
    }
}
