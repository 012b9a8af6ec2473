package org.sgdplayground.autograd.elementwise;

/** {@code a²}, computed as {@code a·a}, exactly; {@code d(a²) = 2a·da}. */
public final class Square extends Elementwise {
    public static final Square OP = new Square();

    private Square() {
        super("^2", 1);
    }

    @Override public double apply(double a, double b) { return a * a; }
    @Override public String applySource(String a, String b) { return a + " * " + a; }

    @Override public double gradient(int operand, double g, double a, double b) { return g * (2.0 * a); }
    @Override public String gradientSource(int operand, String g, String a, String b) { return g + " * (2.0 * " + a + ")"; }
}
