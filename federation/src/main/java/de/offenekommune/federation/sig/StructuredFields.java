package de.offenekommune.federation.sig;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of RFC 8941 (Structured Field Values) that RFC 9421 needs: dictionaries whose members are
 * items or inner lists, each with parameters. Strings, tokens, integers, byte sequences and booleans.
 */
public final class StructuredFields {
    private StructuredFields() {
    }

    /** A dictionary member: either a single item or an inner list of items, plus parameters. */
    public record Member(Object item, List<Item> innerList, Map<String, Object> params) {
        public boolean isInnerList() {
            return innerList != null;
        }
    }

    /** An item with its parameters. Values are String, Token, Long, byte[] or Boolean. */
    public record Item(Object value, Map<String, Object> params) {
    }

    /** A bare token (unquoted), kept apart from strings so it serialises back unquoted. */
    public record Token(String value) {
    }

    /** @throws IllegalArgumentException when the field value does not parse */
    public static Map<String, Member> parseDictionary(String value) {
        return new Parser(value).dictionary();
    }

    public static String serializeInnerList(List<Item> items, Map<String, Object> params) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(serializeItem(items.get(i)));
        }
        sb.append(')');
        appendParams(sb, params);
        return sb.toString();
    }

    public static String serializeItem(Item item) {
        StringBuilder sb = new StringBuilder(serializeBare(item.value()));
        appendParams(sb, item.params());
        return sb.toString();
    }

    public static String serializeBare(Object value) {
        return switch (value) {
            case String s -> quote(s);
            case Token t -> t.value();
            case Long l -> Long.toString(l);
            case Integer i -> Integer.toString(i);
            case Boolean b -> b ? "?1" : "?0";
            case byte[] bytes -> ":" + Base64.getEncoder().encodeToString(bytes) + ":";
            default -> throw new IllegalArgumentException("cannot serialise " + value.getClass());
        };
    }

    private static void appendParams(StringBuilder sb, Map<String, Object> params) {
        for (Map.Entry<String, Object> p : params.entrySet()) {
            sb.append(';').append(p.getKey());
            if (!Boolean.TRUE.equals(p.getValue())) {
                sb.append('=').append(serializeBare(p.getValue()));
            }
        }
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("strings must be printable ASCII");
            }
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    private static final class Parser {
        private final String in;
        private int pos;

        Parser(String in) {
            this.in = in;
        }

        Map<String, Member> dictionary() {
            Map<String, Member> result = new LinkedHashMap<>();
            skipSpaces();
            while (pos < in.length()) {
                String key = key();
                Member member;
                if (peek() == '=') {
                    pos++;
                    member = memberValue();
                } else {
                    member = new Member(Boolean.TRUE, null, params());
                }
                result.put(key, member);
                skipOws();
                if (pos >= in.length()) {
                    break;
                }
                expect(',');
                skipOws();
                if (pos >= in.length()) {
                    throw error("trailing comma");
                }
            }
            return result;
        }

        private Member memberValue() {
            if (peek() == '(') {
                pos++;
                List<Item> items = new ArrayList<>();
                while (true) {
                    skipSpaces();
                    if (peek() == ')') {
                        pos++;
                        return new Member(null, items, params());
                    }
                    Object value = bareItem();
                    items.add(new Item(value, params()));
                    char c = peek();
                    if (c != ' ' && c != ')') {
                        throw error("inner list items must be separated by spaces");
                    }
                }
            }
            Object value = bareItem();
            return new Member(value, null, params());
        }

        private Map<String, Object> params() {
            Map<String, Object> params = new LinkedHashMap<>();
            while (peek() == ';') {
                pos++;
                skipSpaces();
                String key = key();
                Object value = Boolean.TRUE;
                if (peek() == '=') {
                    pos++;
                    value = bareItem();
                }
                params.put(key, value);
            }
            return params;
        }

        private Object bareItem() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == ':') {
                return bytes();
            }
            if (c == '?') {
                pos++;
                char b = next();
                if (b != '0' && b != '1') {
                    throw error("bad boolean");
                }
                return b == '1';
            }
            if (c == '-' || Character.isDigit(c)) {
                return integer();
            }
            if (Character.isLetter(c) || c == '*') {
                return token();
            }
            throw error("unexpected character '" + c + "'");
        }

        private String string() {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '\\') {
                    char escaped = next();
                    if (escaped != '"' && escaped != '\\') {
                        throw error("bad escape");
                    }
                    sb.append(escaped);
                } else if (c == '"') {
                    return sb.toString();
                } else if (c < 0x20 || c > 0x7e) {
                    throw error("non-printable character in string");
                } else {
                    sb.append(c);
                }
            }
        }

        private byte[] bytes() {
            pos++;
            int end = in.indexOf(':', pos);
            if (end < 0) {
                throw error("unterminated byte sequence");
            }
            String b64 = in.substring(pos, end);
            pos = end + 1;
            try {
                return Base64.getDecoder().decode(b64);
            } catch (IllegalArgumentException e) {
                throw error("bad base64 in byte sequence");
            }
        }

        private Long integer() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            while (pos < in.length() && Character.isDigit(in.charAt(pos))) {
                pos++;
            }
            if (pos < in.length() && in.charAt(pos) == '.') {
                throw error("decimals are not used in signature fields");
            }
            if (pos - start > 16) {
                throw error("integer too long");
            }
            try {
                return Long.parseLong(in.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("bad integer");
            }
        }

        private Token token() {
            int start = pos;
            while (pos < in.length() && isTokenChar(in.charAt(pos))) {
                pos++;
            }
            return new Token(in.substring(start, pos));
        }

        private String key() {
            int start = pos;
            char first = peek();
            if (!(Character.isLowerCase(first) || first == '*')) {
                throw error("keys start with a lower-case letter");
            }
            while (pos < in.length()) {
                char c = in.charAt(pos);
                if (Character.isLowerCase(c) || Character.isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*') {
                    pos++;
                } else {
                    break;
                }
            }
            return in.substring(start, pos);
        }

        private static boolean isTokenChar(char c) {
            return c > 0x20 && c < 0x7f && "\"(),;<=>?@[\\]{}".indexOf(c) < 0 || c == ':' || c == '/';
        }

        private char peek() {
            return pos < in.length() ? in.charAt(pos) : '\0';
        }

        private char next() {
            if (pos >= in.length()) {
                throw error("unexpected end");
            }
            return in.charAt(pos++);
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("expected '" + c + "'");
            }
        }

        private void skipSpaces() {
            while (pos < in.length() && in.charAt(pos) == ' ') {
                pos++;
            }
        }

        private void skipOws() {
            while (pos < in.length() && (in.charAt(pos) == ' ' || in.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException("structured field: " + message + " at " + pos);
        }
    }
}
