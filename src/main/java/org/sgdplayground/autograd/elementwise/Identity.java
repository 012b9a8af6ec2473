package org.sgdplayground.autograd.elementwise;

/** {@code a} itself: the term of a plain sum, {@code Σ a}. */
public final class Identity extends Elementwise {
    public static final Identity OP = new Identity();

    private Identity() {
        super("a", 1, true, false);
    }

    @Override public double apply(double a, double b) { return a; }
    @Override public String applySource(String a, String b) { return a; }

    @Override public double gradient(int operand, double g, double a, double b) { return g; }
    @Override public String gradientSource(int operand, String g, String a, String b) { return g; }
}
