package org.sgdplayground.graph;

import org.sgdplayground.autograd.MatMul;
import org.sgdplayground.autograd.Op;
import org.sgdplayground.autograd.Pick;
import org.sgdplayground.autograd.Pointwise;
import org.sgdplayground.autograd.Reduction;
import org.sgdplayground.autograd.elementwise.Add;
import org.sgdplayground.autograd.elementwise.Div;
import org.sgdplayground.autograd.elementwise.Elementwise;
import org.sgdplayground.autograd.elementwise.Mul;
import org.sgdplayground.autograd.elementwise.Neg;
import org.sgdplayground.autograd.elementwise.Power;
import org.sgdplayground.autograd.elementwise.Square;
import org.sgdplayground.autograd.elementwise.Sub;

/**
 * How a computed tensor is written from its parents' labels and its op, as a person writes it: {@code x²·p0 + x·p1}.
 * An expression carries how tightly it binds (sum 1, product 2, atom 3) so that parentheses appear only where needed.
 */
final class Labels {
    private Labels() {}

    static final int SUM = 1, PRODUCT = 2, ATOM = 3;

    /** A written expression and how tightly it binds. */
    record Written(String text, int binding) {
        String within(int needed) {
            return binding >= needed ? text : "(" + text + ")";
        }
    }

    static Written atom(String text) {
        return new Written(text, ATOM);
    }

    /** {@code op} applied to {@code in} (one or two parents), written out. */
    static Written of(Op op, Written[] in) {
        if (op instanceof Pointwise p) return pointwise(p.function(), in);
        if (op instanceof Pick pick) return atom(in[0].within(ATOM) + "[" + pick.index() + "]");
        if (op instanceof MatMul) return new Written(in[0].within(PRODUCT) + "·" + in[1].within(ATOM), PRODUCT);
        if (op instanceof Reduction && in.length == 2) return atom("Σ(" + in[0].text() + " − " + in[1].within(PRODUCT) + ")²");
        if (op instanceof Reduction) return new Written("Σ " + in[0].within(PRODUCT), PRODUCT);
        return atom(op.name() + "(" + in[0].text() + (in.length > 1 ? ", " + in[1].text() : "") + ")");
    }

    private static Written pointwise(Elementwise f, Written[] in) {
        if (f instanceof Add) return new Written(in[0].text() + " + " + in[1].within(SUM), SUM);
        if (f instanceof Sub) return new Written(in[0].text() + " − " + in[1].within(PRODUCT), SUM);
        if (f instanceof Mul) return new Written(in[0].within(PRODUCT) + "·" + in[1].within(ATOM), PRODUCT);
        if (f instanceof Neg) return new Written("−" + in[0].within(ATOM), PRODUCT);
        if (f instanceof Div div) return new Written(in[0].within(ATOM) + "/" + number(div.divisor()), PRODUCT);
        if (f instanceof Square) return atom(in[0].within(ATOM) + "²");
        if (f instanceof Power power) return atom(in[0].within(ATOM) + "^" + number(power.exponent()));
        return atom(f.name() + "(" + in[0].text() + (in.length > 1 ? ", " + in[1].text() : "") + ")");
    }

    /** {@code 100} for 100.0, {@code 0.5} for 0.5: a constant as people write it. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
