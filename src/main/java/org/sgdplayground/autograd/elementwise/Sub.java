package org.sgdplayground.autograd.elementwise;

/** {@code a − b}; {@code d(a − b) = da − db}. */
public final class Sub extends Elementwise {
    public static final Sub OP = new Sub();

    private Sub() {
        super("−", 2, true, false);
    }

    @Override public double apply(double a, double b) { return a - b; }
    @Override public String applySource(String a, String b) { return a + " - " + b; }

    @Override public double gradient(int operand, double g, double a, double b) { return operand == 0 ? g : -g; }
    @Override public String gradientSource(int operand, String g, String a, String b) { return operand == 0 ? g : "-" + g; }
}
