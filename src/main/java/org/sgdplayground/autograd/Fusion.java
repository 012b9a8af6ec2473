package org.sgdplayground.autograd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;

/**
 * Finds a graph's fusable regions and hands each to one {@link FusedLoop}, for {@link Tensor#compile()}.
 *
 * <p>A region ends in a reduction — {@code sum} or {@code squaredDistanceSum} — over tensors of one shape (the
 * <em>stream</em> shape) and reaches back through elementwise ops whose results have that shape and whose
 * operands have it or are {@code 1 × 1}. Running the ops one at a time makes one pass over memory per op forward
 * and another back, and stores every intermediate tensor; the fused loop makes one pass each way and keeps the
 * intermediates in registers.
 *
 * <p>A region keeps the interpreter's results bit for bit, which bounds what it may take in:
 * <ul>
 *   <li>an inner tensor must be used only inside the region (nothing else reads its values or sends it gradient);</li>
 *   <li>a stream the region reads must not want a gradient (the loops send gradient only to scalars);</li>
 *   <li>a scalar that wants a gradient must be used only inside the region, so that the order in which its
 *       gradient adds up is the interpreter's.</li>
 * </ul>
 * A region that breaks these stays as it is and runs op by op.
 */
final class Fusion {
    private Fusion() {}

    private static final Set<Tensor.Kind> ELEMENTWISE = EnumSet.of(
        Tensor.Kind.ADD, Tensor.Kind.SUB, Tensor.Kind.MUL, Tensor.Kind.NEG, Tensor.Kind.DIV, Tensor.Kind.POW);

    /**
     * One region: its reduction, its inner tensors in topological order, and what it reads — the streams and the
     * scalars, each in the order the graph first reaches them.
     */
    record Region(Tensor reduction, List<Tensor> interior, List<Tensor> streams, List<Tensor> uniforms,
                  List<Tensor> picked, Set<Tensor> usedOnce, int elements) {
        boolean isInterior(Tensor t) {
            return interior.contains(t);
        }
    }

    /** Fuses every region of the graph whose tensors are {@code order}, parents before children. */
    static void fuse(Tensor[] order, Function<String, CompletableFuture<Kernel>> kernels) {
        Map<Tensor, List<Tensor>> consumers = consumers(order);
        Map<Tensor, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < order.length; i++) position.put(order[i], i);
        for (Tensor t : order) {
            if (t.isFused() || t.isAbsorbed()) continue;
            if (t.kind() != Tensor.Kind.SUM && t.kind() != Tensor.Kind.SQUARED_DISTANCE_SUM) continue;
            Region region = regionEndingAt(t, consumers, position);
            if (region == null) continue;
            KernelSource source = KernelSource.write(region);
            t.fuseInto(new FusedLoop(region, source, kernels.apply(source.text())));
            for (Tensor inner : region.interior()) inner.absorb();
            for (Tensor pick : region.picked()) pick.absorb();
        }
    }

    /** For each tensor, the tensors computed from it, once per use (a tensor used twice by one op appears twice). */
    private static Map<Tensor, List<Tensor>> consumers(Tensor[] order) {
        Map<Tensor, List<Tensor>> consumers = new IdentityHashMap<>();
        for (Tensor t : order) {
            for (Tensor p : t.inputs()) consumers.computeIfAbsent(p, k -> new ArrayList<>()).add(t);
        }
        return consumers;
    }

    /** The region that ends at {@code reduction}, or null when there is none worth fusing or it may not be fused. */
    static Region regionEndingAt(Tensor reduction, Map<Tensor, List<Tensor>> consumers, Map<Tensor, Integer> position) {
        DMatrixRMaj shape = reduction.inputs()[0].data();
        int elements = shape.getNumElements();
        if (elements < 2) return null;
        // Grow the region back from the reduction; push out any inner tensor that something outside uses, and
        // grow again without it, until nothing changes.
        Set<Tensor> excluded = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Tensor> interior;
        while (true) {
            interior = reachableInterior(reduction, shape, excluded);
            Tensor leaking = null;
            for (Tensor t : interior) {
                for (Tensor c : consumers.getOrDefault(t, List.of())) {
                    if (c != reduction && !interior.contains(c)) leaking = t;
                }
            }
            if (leaking == null) break;
            excluded.add(leaking);
        }
        if (interior.isEmpty()) return null;

        List<Tensor> inner = new ArrayList<>(interior);
        inner.sort((a, b) -> Integer.compare(position.get(a), position.get(b)));
        Set<Tensor> streams = new LinkedHashSet<>(), uniforms = new LinkedHashSet<>();
        List<Tensor> reading = new ArrayList<>(inner);
        reading.add(reduction);
        for (Tensor t : reading) {
            for (Tensor p : t.inputs()) {
                if (interior.contains(p)) continue;
                if (Broadcast.isScalar(p.data())) {
                    uniforms.add(p);
                } else if (Broadcast.sameShape(p.data(), shape) && !p.requiresGrad()) {
                    streams.add(p);
                } else {
                    return null;
                }
            }
        }
        for (Tensor u : uniforms) {
            if (!u.requiresGrad()) continue;
            for (Tensor c : consumers.getOrDefault(u, List.of())) if (!interior.contains(c)) return null;
        }
        List<Tensor> picked = picked(uniforms, interior, consumers, position);
        Set<Tensor> usedOnce = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Tensor t : inner) if (consumers.getOrDefault(t, List.of()).size() == 1) usedOnce.add(t);
        return new Region(reduction, List.copyOf(inner), List.copyOf(streams), List.copyOf(uniforms), picked, usedOnce, elements);
    }

    /**
     * The scalars the region reads that are elements picked out of a leaf ({@code p.at(i)}), where every use of
     * the leaf is such a pick and every use of each pick is inside the region: the loops then read {@code p[i]}
     * and add its gradient to {@code p}'s themselves, in the order the picks would, and the picks need not run.
     * In topological order.
     */
    private static List<Tensor> picked(Set<Tensor> uniforms, Set<Tensor> interior, Map<Tensor, List<Tensor>> consumers,
                                       Map<Tensor, Integer> position) {
        List<Tensor> picked = new ArrayList<>();
        for (Tensor u : uniforms) {
            if (u.kind() != Tensor.Kind.AT || !u.inputs()[0].isLeaf()) continue;
            boolean onlyHere = true;
            for (Tensor c : consumers.getOrDefault(u, List.of())) onlyHere &= interior.contains(c);
            for (Tensor pick : consumers.getOrDefault(u.inputs()[0], List.of())) {
                if (pick.kind() != Tensor.Kind.AT || !uniforms.contains(pick)) onlyHere = false;
                for (Tensor c : consumers.getOrDefault(pick, List.of())) onlyHere &= interior.contains(c);
            }
            if (onlyHere) picked.add(u);
        }
        picked.sort((a, b) -> Integer.compare(position.get(a), position.get(b)));
        return List.copyOf(picked);
    }

    /** The elementwise tensors of the stream shape that {@code reduction} reaches without passing through {@code excluded}. */
    private static Set<Tensor> reachableInterior(Tensor reduction, DMatrixRMaj shape, Set<Tensor> excluded) {
        Set<Tensor> found = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Tensor> frontier = new ArrayList<>(List.of(reduction.inputs()));
        while (!frontier.isEmpty()) {
            Tensor t = frontier.remove(frontier.size() - 1);
            if (found.contains(t) || excluded.contains(t) || !fusable(t, shape)) continue;
            found.add(t);
            frontier.addAll(List.of(t.inputs()));
        }
        return found;
    }

    /** An elementwise op of the stream shape, reading tensors of that shape or scalars, not already in a region. */
    private static boolean fusable(Tensor t, DMatrixRMaj shape) {
        if (!ELEMENTWISE.contains(t.kind()) || t.isAbsorbed() || t.isFused() || !Broadcast.sameShape(t.data(), shape)) return false;
        for (Tensor p : t.inputs()) if (!Broadcast.sameShape(p.data(), shape) && !Broadcast.isScalar(p.data())) return false;
        return true;
    }
}
