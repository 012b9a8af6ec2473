package org.sgdplayground.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sgdplayground.autograd.elementwise.Elementwise;

/**
 * Each {@link Reduction}: the interpreter's sum ({@link Sums}) against its term's Java summed in Sums's order, bit
 * for bit. The fused loops sum the term's source text in that order, so this and {@code ElementwiseTest} together
 * keep a reduction's two ways of running in step.
 */
class ReductionTest {
    @Test
    void each_reduction_sums_its_own_term_in_the_order_of_sums() {
        for (Reduction reduction : new Reduction[] {Reduction.SUM, Reduction.SQUARED_DISTANCE_SUM}) {
            for (int n : new int[] {1, 7, 8, 9, 100, 511, 512, 513, 577, 2048}) {
                Random random = new Random(n);
                double[] a = new double[n], b = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4);
                    b[i] = random.nextGaussian();
                }
                Tensor x = Tensor.column(a), y = Tensor.column(b);
                Tensor sum = reduction == Reduction.SUM ? x.sum() : x.squaredDistanceSum(y);

                Elementwise term = reduction.term();
                double[] terms = new double[n];
                for (int i = 0; i < n; i++) terms[i] = term.apply(a[i], b[i]);
                assertEquals(Double.doubleToRawLongBits(Sums.sum(terms, n)), Double.doubleToRawLongBits(sum.item()), reduction + ", n = " + n);
            }
        }
    }
}
