package org.sgdplayground.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * What values a URL parameter accepts, how to read one from text and write it back, and how to say what is
 * allowed. Parsing is strict: {@code NaN}, {@code Infinity}, hex floats and Java's {@code 1d} suffixes are
 * refused, so a link means the same thing to every client.
 *
 * @param <T> the Java type of a value
 */
public sealed interface Domain<T> {
    /** The value as its Java type, or an {@link InvalidParameterException} for {@code name}. */
    T parse(String name, String text);

    /** {@code value} as URL text that {@link #parse} reads back as the same value, bit for bit. */
    String format(T value);

    /** What is allowed, in words, e.g. {@code a whole number from 0 to 100000}. */
    String allowed();

    Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,4})?");
    Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");

    static double parseNumber(String name, String text, String allowed) {
        String t = text.trim();
        if (!NUMBER.matcher(t).matches()) throw new InvalidParameterException(name, text, allowed);
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) throw new InvalidParameterException(name, text, allowed + " (finite)");
        return v;
    }

    /** One of a fixed list of names. */
    record Choice(List<String> options) implements Domain<String> {
        public String parse(String name, String text) {
            String t = text.trim();
            if (!options.contains(t)) throw new InvalidParameterException(name, text, allowed());
            return t;
        }

        public String format(String option) {
            return option;
        }

        public String allowed() {
            return "one of " + String.join(", ", options);
        }
    }

    /** A whole number in {@code [min, max]}. */
    record Whole(long min, long max) implements Domain<Long> {
        public Long parse(String name, String text) {
            String t = text.trim();
            if (!INTEGER.matcher(t).matches()) throw new InvalidParameterException(name, text, allowed());
            long v = Long.parseLong(t);
            if (v < min || v > max) throw new InvalidParameterException(name, text, allowed());
            return v;
        }

        public String format(Long value) {
            return Long.toString(value);
        }

        public String allowed() {
            return "a whole number from " + min + " to " + max;
        }
    }

    /** A finite number between {@code min} and {@code max}, each bound inclusive or not. */
    record Real(double min, boolean minInclusive, double max, boolean maxInclusive) implements Domain<Double> {
        public Double parse(String name, String text) {
            double v = parseNumber(name, text, allowed());
            if (!contains(v)) throw new InvalidParameterException(name, text, allowed());
            return v;
        }

        public String format(Double value) {
            return Numbers.format(value);
        }

        public boolean contains(double v) {
            return (minInclusive ? v >= min : v > min) && (maxInclusive ? v <= max : v < max);
        }

        public String allowed() {
            String low = Numbers.format(min), high = Numbers.format(max);
            if (minInclusive && maxInclusive) return "a number from " + low + " to " + high;
            return "a number " + (minInclusive ? "at least " : "greater than ") + low
                + " and " + (maxInclusive ? "at most " : "below ") + high;
        }
    }

    /**
     * A comma-separated list of {@code minLength…maxLength} numbers, each within {@code ±magnitude}, or the word
     * {@code random} for none.
     */
    record RealList(int minLength, int maxLength, double magnitude) implements Domain<double[]> {
        public static final String RANDOM = "random";

        /** The list, or null for the word {@code random}. */
        public double[] parse(String name, String text) {
            if (text.trim().equals(RANDOM)) return null;
            String[] parts = text.split(",", -1);
            if (parts.length < minLength || parts.length > maxLength) throw new InvalidParameterException(name, text, allowed());
            List<Double> values = new ArrayList<>();
            for (String part : parts) {
                double v;
                try {
                    v = parseNumber(name, part, allowed());
                } catch (InvalidParameterException notANumber) {
                    // name the whole list, as given, not just the piece that failed
                    throw new InvalidParameterException(name, text, notANumber.allowed());
                }
                if (Math.abs(v) > magnitude) throw new InvalidParameterException(name, text, allowed());
                values.add(v);
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /** The numbers joined by commas, or {@code random} for null. */
        public String format(double[] values) {
            if (values == null) return RANDOM;
            StringJoiner joined = new StringJoiner(",");
            for (double v : values) joined.add(Numbers.format(v));
            return joined.toString();
        }

        public String allowed() {
            return "a comma list of " + minLength + " to " + maxLength + " numbers, each from "
                + Numbers.format(-magnitude) + " to " + Numbers.format(magnitude) + ", or " + RANDOM;
        }
    }

    /** A token of a fixed shape, such as a stored set's id; none ({@code null}) is written as the empty text. */
    record Token(Pattern shape, String description) implements Domain<String> {
        public String parse(String name, String text) {
            String t = text.trim();
            if (!shape.matcher(t).matches()) throw new InvalidParameterException(name, text, allowed());
            return t;
        }

        public String format(String value) {
            return value == null ? "" : value;
        }

        public String allowed() {
            return description;
        }
    }

    /** On or off: {@code 1}/{@code 0} (also {@code true}/{@code false}). */
    record Flag() implements Domain<Boolean> {
        public Boolean parse(String name, String text) {
            switch (text.trim()) {
                case "1": case "true": return true;
                case "0": case "false": return false;
                default: throw new InvalidParameterException(name, text, allowed());
            }
        }

        public String format(Boolean on) {
            return on ? "1" : "0";
        }

        public String allowed() {
            return "0 or 1";
        }
    }
}
