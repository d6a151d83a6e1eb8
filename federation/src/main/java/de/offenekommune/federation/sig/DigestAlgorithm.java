package de.offenekommune.federation.sig;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.Adler32;
import java.util.zip.CRC32C;

/**
 * The digest algorithms of the IANA "Hash Algorithms for HTTP Digest Fields" registry (RFC 9530).
 * All are computed (so the RFC's sample values can be checked), but only the {@link #secure()} ones
 * are accepted as proof that a body is unchanged.
 */
public enum DigestAlgorithm {
    SHA_256("sha-256", "SHA-256", true),
    SHA_512("sha-512", "SHA-512", true),
    MD5("md5", "MD5", false),
    SHA("sha", "SHA-1", false),
    UNIXSUM("unixsum", null, false),
    UNIXCKSUM("unixcksum", null, false),
    ADLER("adler", null, false),
    CRC32C("crc32c", null, false);

    private final String key;
    private final String jcaName;
    private final boolean secure;

    DigestAlgorithm(String key, String jcaName, boolean secure) {
        this.key = key;
        this.jcaName = jcaName;
        this.secure = secure;
    }

    public String key() {
        return key;
    }

    public boolean secure() {
        return secure;
    }

    public static Optional<DigestAlgorithm> byKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (DigestAlgorithm a : values()) {
            if (a.key.equals(k)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public byte[] digest(byte[] content) {
        return switch (this) {
            case UNIXSUM -> bsdSum(content);
            case UNIXCKSUM -> posixCksum(content);
            case ADLER -> {
                Adler32 adler = new Adler32();
                adler.update(content);
                yield ByteBuffer.allocate(4).putInt((int) adler.getValue()).array();
            }
            case CRC32C -> {
                CRC32C crc = new CRC32C();
                crc.update(content);
                yield ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
            }
            default -> jca(content);
        };
    }

    private byte[] jca(byte[] content) {
        try {
            return MessageDigest.getInstance(jcaName).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " unavailable", e);
        }
    }

    /** BSD checksum as printed by {@code sum -r}: 16-bit rotating sum. */
    private static byte[] bsdSum(byte[] content) {
        int checksum = 0;
        for (byte b : content) {
            checksum = (checksum >> 1) + ((checksum & 1) << 15);
            checksum = (checksum + (b & 0xff)) & 0xffff;
        }
        return new byte[] {(byte) (checksum >> 8), (byte) checksum};
    }

    /** POSIX {@code cksum}: CRC-32 (polynomial 0x04C11DB7, MSB first) over the data and its length. */
    private static byte[] posixCksum(byte[] content) {
        int crc = 0;
        for (byte b : content) {
            crc = cksumStep(crc, b & 0xff);
        }
        for (long length = content.length; length > 0; length >>= 8) {
            crc = cksumStep(crc, (int) (length & 0xff));
        }
        crc = ~crc;
        return ByteBuffer.allocate(4).putInt(crc).array();
    }

    private static int cksumStep(int crc, int octet) {
        crc ^= octet << 24;
        for (int i = 0; i < 8; i++) {
            crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
        }
        return crc;
    }
}
