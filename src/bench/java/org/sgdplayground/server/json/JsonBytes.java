package org.sgdplayground.server.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON written as UTF-8 straight into a growing byte array: for answers that are mostly numbers, where a
 * general-purpose generator spends more on each number than the number is worth. The caller places the commas,
 * colons and brackets ({@link #raw}); this class writes the values: strings escaped as Jackson escapes them, doubles
 * as their shortest exact text ({@link ShortestDouble}, Jackson's fast writer's text), and small Jackson trees.
 * Written with Jackson's mapper and its fast double writer, the same values give the same bytes.
 */
public final class JsonBytes {
    private byte[] bytes;
    private int size;

    public JsonBytes(int capacity) {
        bytes = new byte[Math.max(capacity, 64)];
    }

    public int size() {
        return size;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Text that is already JSON and ASCII, such as {@code ,"frames":[}. */
    public JsonBytes raw(String ascii) {
        int n = ascii.length();
        room(n);
        for (int i = 0; i < n; i++) bytes[size++] = (byte) ascii.charAt(i);
        return this;
    }

    public JsonBytes raw(char ascii) {
        room(1);
        bytes[size++] = (byte) ascii;
        return this;
    }

    /** {@code "name":}. */
    public JsonBytes name(String name) {
        string(name);
        return raw(':');
    }

    public JsonBytes number(long v) {
        room(20);
        if (v == Long.MIN_VALUE) return raw(Long.toString(v));
        if (v < 0) {
            bytes[size++] = '-';
            v = -v;
        }
        int end = size + digitCount(v);
        for (int at = end - 1; at >= size; at--, v /= 10) bytes[at] = (byte) ('0' + (int) (v % 10));
        size = end;
        return this;
    }

    private static int digitCount(long v) {
        int n = 1;
        for (long p = 10; n < 19 && v >= p; p *= 10) n++;
        return n;
    }

    /** The shortest text that reads back as {@code v}; NaN and the infinities as strings, as Jackson writes them. */
    public JsonBytes number(double v) {
        if (!Double.isFinite(v)) return string(Double.toString(v));
        room(ShortestDouble.MAX_CHARS);
        size = ShortestDouble.write(v, bytes, size);
        return this;
    }

    /** {@code [v0,v1,…]}. */
    public JsonBytes numbers(double[] values) {
        raw('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) raw(',');
            number(values[i]);
        }
        return raw(']');
    }

    /** A JSON string: {@code "} and {@code \} escaped, control characters as {@code \n}-style or {@code &#92;u00XX}. */
    public JsonBytes string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        room(utf8.length * 6 + 2);
        bytes[size++] = '"';
        // bytes below 0x80 are whole characters in UTF-8, so escaping byte by byte is escaping character by character
        for (byte b : utf8) {
            if (b >= 0x20 && b != '"' && b != '\\' || b < 0) {
                bytes[size++] = b;
                continue;
            }
            bytes[size++] = '\\';
            switch (b) {
                case '"', '\\' -> bytes[size++] = b;
                case '\n' -> bytes[size++] = 'n';
                case '\r' -> bytes[size++] = 'r';
                case '\t' -> bytes[size++] = 't';
                case '\b' -> bytes[size++] = 'b';
                case '\f' -> bytes[size++] = 'f';
                default -> {
                    bytes[size++] = 'u';
                    bytes[size++] = '0';
                    bytes[size++] = '0';
                    bytes[size++] = HEX[b >> 4];
                    bytes[size++] = HEX[b & 0xF];
                }
            }
        }
        bytes[size++] = '"';
        return this;
    }

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** A tree as Jackson would write it; kinds of node {@link Json} never makes go through Jackson itself. */
    public JsonBytes tree(JsonNode node) {
        if (node.isObject()) {
            raw('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); first = false) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!first) raw(',');
                name(field.getKey()).tree(field.getValue());
            }
            return raw('}');
        }
        if (node.isArray()) {
            raw('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) raw(',');
                tree(node.get(i));
            }
            return raw(']');
        }
        if (node.isTextual()) return string(node.textValue());
        if (node.isDouble()) return number(node.doubleValue());
        if (node.isInt() || node.isLong()) return number(node.longValue());
        if (node.isBoolean()) return raw(node.booleanValue() ? "true" : "false");
        if (node.isNull()) return raw("null");
        try {
            byte[] other = org.sgdplayground.json.Jackson.MAPPER.writeValueAsBytes(node);
            room(other.length);
            System.arraycopy(other, 0, bytes, size, other.length);
            size += other.length;
            return this;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void room(int n) {
        if (size + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
    }
}
