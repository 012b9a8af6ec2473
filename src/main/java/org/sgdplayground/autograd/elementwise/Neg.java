package org.sgdplayground.autograd.elementwise;

/** {@code −a}; {@code d(−a) = −da}. */
public final class Neg extends Elementwise {
    public static final Neg OP = new Neg();

    private Neg() {
        super("neg", 1);
    }

    @Override public double apply(double a, double b) { return -a; }
    @Override public String applySource(String a, String b) { return "-" + a; }

    @Override public double gradient(int operand, double g, double a, double b) { return -g; }
    @Override public String gradientSource(int operand, String g, String a, String b) { return "-" + g; }
}
