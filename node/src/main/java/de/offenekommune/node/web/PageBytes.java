package de.offenekommune.node.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import gg.jte.TemplateOutput;

/**
 * A page as UTF-8 bytes in one growing array: the templates' static parts are copied in, text is
 * encoded in place, and the response gets the page in one write. jte's {@code Utf8ByteOutput} keeps
 * a list with one new array per text written (thousands on a discussion page) and hands them to the
 * response one by one; on the project page with 200 comments that was a third of the rendering.
 */
final class PageBytes implements TemplateOutput {
    private byte[] bytes;
    private int size;

    PageBytes(int expectedSize) {
        bytes = new byte[Math.max(expectedSize, 1024)];
    }

    int size() {
        return size;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public void writeBinaryContent(byte[] content) {
        ensure(content.length);
        System.arraycopy(content, 0, bytes, size, content.length);
        size += content.length;
    }

    /** Digits straight into the array (ids in every comment's links): no String per number. */
    @Override
    public void writeUserContent(long value) {
        if (value < 0) {
            writeContent(Long.toString(value));
            return;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        ensure(digits);
        long rest = value;
        for (int at = size + digits - 1; at >= size; at--) {
            bytes[at] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        size += digits;
    }

    @Override
    public void writeUserContent(int value) {
        writeUserContent((long) value);
    }

    @Override
    public void writeContent(String text) {
        writeContent(text, 0, text.length());
    }

    @Override
    public void writeContent(String text, int beginIndex, int endIndex) {
        ensure(endIndex - beginIndex);
        byte[] out = bytes;
        int at = size;
        int i = beginIndex;
        // ASCII, by far the most text on our pages, one byte per char; the rest goes the long way.
        for (; i < endIndex; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                break;
            }
            out[at++] = (byte) c;
        }
        size = at;
        if (i < endIndex) {
            encodeRest(text, i, endIndex);
        }
    }

    /** UTF-8 of {@code text[from, to)}, which starts with a non-ASCII char; lone surrogates become '?' as in String.getBytes. */
    private void encodeRest(String text, int from, int to) {
        ensure((to - from) * 3);
        byte[] out = bytes;
        int at = size;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                int codePoint = Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))
                        ? Character.toCodePoint(c, text.charAt(++i)) : -1;
                if (codePoint < 0) {
                    out[at++] = '?';
                } else {
                    out[at++] = (byte) (0xF0 | codePoint >> 18);
                    out[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                    out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                    out[at++] = (byte) (0x80 | codePoint & 0x3F);
                }
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        size = at;
    }

    private void ensure(int more) {
        int needed = size + more;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }
}
