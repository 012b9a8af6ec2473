package org.sgdplayground.experiment;

/** A setting that is not understood, out of range or not finite: says which, the value, and what is allowed. */
public sealed class InvalidParameterException extends IllegalArgumentException permits UnknownPointsException {
    private static final int MAX_ECHO = 60;
    private final String parameter;
    private final String value;
    private final String allowed;

    public InvalidParameterException(String parameter, String value, String allowed) {
        super(parameter + "=" + shorten(value) + " is not allowed: " + allowed);
        this.parameter = parameter;
        this.value = shorten(value);
        this.allowed = allowed;
    }

    private static String shorten(String value) {
        if (value == null) return "";
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…";
    }

    /** The parameter's URL name, e.g. {@code lr}. */
    public String parameter() {
        return parameter;
    }

    /** The value as given (shortened when long). Untrusted: escape it wherever it is shown. */
    public String value() {
        return value;
    }

    /** What the parameter accepts, in words. */
    public String allowed() {
        return allowed;
    }
}
