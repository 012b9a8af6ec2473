package org.sgdplayground.autograd.elementwise;

/** {@code a + b}; {@code d(a + b) = da + db}. */
public final class Add extends Elementwise {
    public static final Add OP = new Add();

    private Add() {
        super("+", 2, true, true);
    }

    @Override public double apply(double a, double b) { return a + b; }
    @Override public String applySource(String a, String b) { return a + " + " + b; }

    @Override public double gradient(int operand, double g, double a, double b) { return g; }
    @Override public String gradientSource(int operand, String g, String a, String b) { return g; }
}
