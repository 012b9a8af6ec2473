package org.sgdplayground.autograd.elementwise;

/**
 * {@code aᵉ} for a constant exponent other than 2 (that is {@link Square}), by {@link StrictMath#pow}, the same bits
 * on every JVM; {@code d(aᵉ) = e·aᵉ⁻¹·da}.
 */
public final class Power extends Elementwise {
    private final double exponent;

    public Power(double exponent) {
        super("^" + exponent, 1);
        this.exponent = exponent;
    }

    public double exponent() {
        return exponent;
    }

    @Override public double apply(double a, double b) { return StrictMath.pow(a, exponent); }
    @Override public String applySource(String a, String b) { return "StrictMath.pow(" + a + ", " + literal(exponent) + ")"; }

    @Override
    public double gradient(int operand, double g, double a, double b) {
        return g * (exponent * StrictMath.pow(a, exponent - 1));
    }

    @Override
    public String gradientSource(int operand, String g, String a, String b) {
        return g + " * (" + literal(exponent) + " * StrictMath.pow(" + a + ", " + literal(exponent - 1) + "))";
    }
}
