package de.offenekommune.federation.key;

import java.util.Base64;

/** PEM armour: strips and adds the BEGIN/END lines around base64 DER. */
public final class Pem {
    private Pem() {
    }

    /**
     * @param type the label, e.g. {@code PUBLIC KEY}; the PEM must carry exactly that label
     * @throws IllegalArgumentException if the label differs or the base64 is broken
     */
    public static byte[] decode(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("expected a PEM block of type " + type);
        }
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    /** The label of the first PEM block, e.g. {@code RSA PUBLIC KEY}, or null. */
    public static String type(String pem) {
        int from = pem.indexOf("-----BEGIN ");
        if (from < 0) {
            return null;
        }
        int end = pem.indexOf("-----", from + 11);
        return end < 0 ? null : pem.substring(from + 11, end);
    }

    public static String encode(byte[] der, String type) {
        String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }
}
