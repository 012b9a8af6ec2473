package org.sgdplayground.autograd.elementwise;

/**
 * {@code (a − b)²}, computed as {@code d·d} with {@code d = a − b}: the term of a sum of squared errors;
 * {@code ∂/∂a = 2(a − b)}, {@code ∂/∂b = −2(a − b)}.
 */
public final class SquaredDifference extends Elementwise {
    public static final SquaredDifference OP = new SquaredDifference();

    private SquaredDifference() {
        super("(a − b)²", 2);
    }

    @Override public double apply(double a, double b) { return (a - b) * (a - b); }
    @Override public String applySource(String a, String b) { return "(" + a + " - " + b + ") * (" + a + " - " + b + ")"; }

    @Override
    public double gradient(int operand, double g, double a, double b) {
        return operand == 0 ? g * (2.0 * (a - b)) : -(g * (2.0 * (a - b)));
    }

    @Override
    public String gradientSource(int operand, String g, String a, String b) {
        String term = g + " * (2.0 * (" + a + " - " + b + "))";
        return operand == 0 ? term : "-(" + term + ")";
    }
}
