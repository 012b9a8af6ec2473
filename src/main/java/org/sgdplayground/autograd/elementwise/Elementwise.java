package org.sgdplayground.autograd.elementwise;

/**
 * One elementwise op, {@code f(a)} or {@code f(a, b)}, in one place (minitorch's {@code Function}): its value and
 * what each operand's gradient receives from one element of the output's gradient {@code g}, each written twice —
 * as Java that the interpreter runs, and as Java source from which {@code autograd.compile} writes its fused loops.
 * {@code ElementwiseTest} holds every op's two versions to the same bits on many values, and checks the gradient
 * by central differences; a new op is one new subclass (named in {@code permits}) and a sample there.
 *
 * <p>The gradient is {@code g · ∂f/∂operand} written in the op's own arithmetic ({@code g / c} for {@code a / c},
 * not {@code g · (1/c)}), because the interpreter and the fused loops must round alike. A unary op ignores
 * {@code b}. Source text takes and gives expressions: the operands and {@code g} are always plain names there.
 */
public abstract sealed class Elementwise permits Add, Sub, Mul, Neg, Div, Square, Power, Identity, SquaredDifference {
    private final String name;
    private final int arity;
    private final boolean passesToA, passesToB;

    Elementwise(String name, int arity) {
        this(name, arity, false, false);
    }

    /** An op whose gradient for {@code a} (and {@code b}) is {@code g} itself when {@code passesToA} ({@code passesToB}). */
    Elementwise(String name, int arity, boolean passesToA, boolean passesToB) {
        this.name = name;
        this.arity = arity;
        this.passesToA = passesToA;
        this.passesToB = passesToB;
    }

    /** How the op is written: {@code +}, {@code ^3}, … */
    public final String name() {
        return name;
    }

    /** How many operands: 1 or 2. */
    public final int arity() {
        return arity;
    }

    /** {@code f(a, b)}. */
    public abstract double apply(double a, double b);

    /** {@link #apply} as a Java expression over the expressions {@code a} and {@code b}. */
    public abstract String applySource(String a, String b);

    /** {@code g · ∂f/∂a} for operand 0, {@code g · ∂f/∂b} for operand 1. */
    public abstract double gradient(int operand, double g, double a, double b);

    /** {@link #gradient} as a Java expression. */
    public abstract String gradientSource(int operand, String g, String a, String b);

    /**
     * Whether {@link #gradient} for {@code operand} is {@code g} itself, so that an operand used nowhere else may
     * take the output's gradient array as its own instead of a copy ({@code 0.0 + g} differs from {@code g} only
     * at {@code −0.0}, which is why the choice must be the same in the interpreter and in the fused loops).
     */
    public final boolean passesGradient(int operand) {
        return operand == 0 ? passesToA : passesToB;
    }

    @Override
    public String toString() {
        return name;
    }

    /** {@code v} as Java source that evaluates to exactly {@code v}. */
    public static String literal(double v) {
        if (Double.isNaN(v)) return "Double.NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        return "Double.longBitsToDouble(0x" + Long.toHexString(Double.doubleToRawLongBits(v)) + "L)";
    }
}
