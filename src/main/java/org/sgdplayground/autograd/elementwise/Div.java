package org.sgdplayground.autograd.elementwise;

/** {@code a / c} for a constant {@code c}; {@code d(a / c) = da / c}, divided rather than multiplied by {@code 1/c}. */
public final class Div extends Elementwise {
    private final double divisor;

    public Div(double divisor) {
        super("/" + divisor, 1);
        this.divisor = divisor;
    }

    public double divisor() {
        return divisor;
    }

    @Override public double apply(double a, double b) { return a / divisor; }
    @Override public String applySource(String a, String b) { return a + " / " + literal(divisor); }

    @Override public double gradient(int operand, double g, double a, double b) { return g / divisor; }
    @Override public String gradientSource(int operand, String g, String a, String b) { return g + " / " + literal(divisor); }
}
