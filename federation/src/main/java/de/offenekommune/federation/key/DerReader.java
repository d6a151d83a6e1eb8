package de.offenekommune.federation.key;

import java.math.BigInteger;

/** Just enough DER to read the INTEGERs of a PKCS#1 RSA key sequence. */
final class DerReader {
    private final byte[] der;
    private int pos;
    private final int end;

    private DerReader(byte[] der, int pos, int end) {
        this.der = der;
        this.pos = pos;
        this.end = end;
    }

    static DerReader sequence(byte[] der) {
        DerReader outer = new DerReader(der, 0, der.length);
        outer.expect(0x30);
        int length = outer.length();
        return new DerReader(der, outer.pos, outer.pos + length);
    }

    BigInteger nextInteger() {
        expect(0x02);
        int length = length();
        if (pos + length > end) {
            throw new IllegalArgumentException("truncated DER");
        }
        byte[] value = new byte[length];
        System.arraycopy(der, pos, value, 0, length);
        pos += length;
        return new BigInteger(value);
    }

    private void expect(int tag) {
        if (pos >= end || (der[pos++] & 0xff) != tag) {
            throw new IllegalArgumentException("unexpected DER tag");
        }
    }

    private int length() {
        int first = der[pos++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int bytes = first & 0x7f;
        if (bytes > 4) {
            throw new IllegalArgumentException("DER length too long");
        }
        int length = 0;
        for (int i = 0; i < bytes; i++) {
            length = (length << 8) | (der[pos++] & 0xff);
        }
        return length;
    }
}
