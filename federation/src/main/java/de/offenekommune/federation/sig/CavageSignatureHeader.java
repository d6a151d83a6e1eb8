package de.offenekommune.federation.sig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a draft-cavage {@code Signature} (or {@code Authorization: Signature}) header:
 * {@code keyId="...",algorithm="...",headers="...",signature="..."}.
 */
record CavageSignatureHeader(String keyId, String algorithm, List<String> headers, String signature,
                             Long created, Long expires) {

    /** Finds and parses the header; empty when the request carries no cavage signature. */
    static Optional<CavageSignatureHeader> from(HttpFields fields) {
        Optional<String> value = fields.first("signature");
        if (value.isEmpty()) {
            value = fields.first("authorization").filter(a -> a.regionMatches(true, 0, "Signature ", 0, 10))
                    .map(a -> a.substring(10));
        }
        return value.map(CavageSignatureHeader::parse);
    }

    /** @throws IllegalArgumentException when the value does not parse or lacks keyId/signature */
    static CavageSignatureHeader parse(String value) {
        Map<String, String> params = params(value);
        String keyId = params.get("keyid");
        String signature = params.get("signature");
        if (keyId == null || keyId.isEmpty() || signature == null) {
            throw new IllegalArgumentException("keyId and signature are required");
        }
        String headers = params.getOrDefault("headers", "date").strip().toLowerCase(Locale.ROOT);
        return new CavageSignatureHeader(keyId, params.get("algorithm"), List.of(headers.split("\\s+")), signature,
                number(params.get("created")), number(params.get("expires")));
    }

    String format() {
        StringBuilder sb = new StringBuilder();
        sb.append("keyId=\"").append(keyId).append('"');
        if (algorithm != null) {
            sb.append(",algorithm=\"").append(algorithm).append('"');
        }
        if (created != null) {
            sb.append(",created=").append(created);
        }
        sb.append(",headers=\"").append(String.join(" ", headers)).append('"');
        sb.append(",signature=\"").append(signature).append('"');
        return sb.toString();
    }

    private static Map<String, String> params(String value) {
        Map<String, String> params = new LinkedHashMap<>();
        int pos = 0;
        while (pos < value.length()) {
            while (pos < value.length() && (value.charAt(pos) == ',' || value.charAt(pos) == ' ')) {
                pos++;
            }
            int eq = value.indexOf('=', pos);
            if (eq < 0) {
                break;
            }
            String name = value.substring(pos, eq).strip().toLowerCase(Locale.ROOT);
            pos = eq + 1;
            String v;
            if (pos < value.length() && value.charAt(pos) == '"') {
                int end = value.indexOf('"', pos + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated quoted value for " + name);
                }
                v = value.substring(pos + 1, end);
                pos = end + 1;
            } else {
                int end = value.indexOf(',', pos);
                end = end < 0 ? value.length() : end;
                v = value.substring(pos, end).strip();
                pos = end;
            }
            if (params.put(name, v) != null) {
                throw new IllegalArgumentException("parameter " + name + " given twice");
            }
        }
        return params;
    }

    private static Long number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.contains(".") ? value.substring(0, value.indexOf('.')) : value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + value);
        }
    }
}
