package org.sgdplayground.autograd.elementwise;

/** {@code a ⊙ b}; {@code d(a ⊙ b) = b·da + a·db}. */
public final class Mul extends Elementwise {
    public static final Mul OP = new Mul();

    private Mul() {
        super("⊙", 2);
    }

    @Override public double apply(double a, double b) { return a * b; }
    @Override public String applySource(String a, String b) { return a + " * " + b; }

    @Override public double gradient(int operand, double g, double a, double b) { return operand == 0 ? g * b : g * a; }
    @Override public String gradientSource(int operand, String g, String a, String b) { return operand == 0 ? g + " * " + b : g + " * " + a; }
}
