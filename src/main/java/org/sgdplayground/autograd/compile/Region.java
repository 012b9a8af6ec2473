package org.sgdplayground.autograd.compile;

import java.util.List;
import java.util.Set;
import org.sgdplayground.autograd.Tensor;

/**
 * One fusable region of a graph (see {@link Fusion}): its reduction, its inner tensors in topological order, and
 * what it reads — the streams and the scalars, each in the order the graph first reaches them.
 *
 * @param picked the scalars read straight from a leaf's element ({@code p.at(i)}), in topological order
 * @param usedOnce the inner tensors with exactly one use in the graph
 * @param elements how many elements the region's loops run over
 */
public record Region(Tensor reduction, List<Tensor> interior, List<Tensor> streams, List<Tensor> uniforms,
                     List<Tensor> picked, Set<Tensor> usedOnce, int elements) {
    boolean isInterior(Tensor t) {
        return interior.contains(t);
    }
}
