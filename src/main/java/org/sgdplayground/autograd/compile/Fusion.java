package org.sgdplayground.autograd.compile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sgdplayground.autograd.Broadcast;
import org.sgdplayground.autograd.Pick;
import org.sgdplayground.autograd.Pointwise;
import org.sgdplayground.autograd.Reduction;
import org.sgdplayground.autograd.Tensor;

/**
 * Finds a graph's fusable regions, each to run as one loop each way, for {@link Tensor#compile()}.
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
public final class Fusion {
    private Fusion() {}

    /**
     * The regions of the graph whose tensors are {@code order} (parents before children), in that order; a tensor
     * belongs to one region at most.
     */
    public static List<Region> regions(List<Tensor> order) {
        Map<Tensor, List<Tensor>> consumers = consumers(order);
        Map<Tensor, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) position.put(order.get(i), i);
        Set<Tensor> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Region> regions = new ArrayList<>();
        for (Tensor t : order) {
            if (taken.contains(t) || !(t.op() instanceof Reduction)) continue;
            Region region = regionEndingAt(t, consumers, position, taken);
            if (region == null) continue;
            regions.add(region);
            taken.add(t);
            taken.addAll(region.interior());
            taken.addAll(region.picked());
        }
        return regions;
    }

    /** For each tensor, the tensors computed from it, once per use (a tensor used twice by one op appears twice). */
    private static Map<Tensor, List<Tensor>> consumers(List<Tensor> order) {
        Map<Tensor, List<Tensor>> consumers = new IdentityHashMap<>();
        for (Tensor t : order) {
            for (Tensor p : t.parents()) consumers.computeIfAbsent(p, k -> new ArrayList<>()).add(t);
        }
        return consumers;
    }

    /**
     * The region that ends at {@code reduction}, or null when there is none worth fusing or it may not be fused;
     * {@code taken} holds the tensors earlier regions took.
     */
    private static Region regionEndingAt(Tensor reduction, Map<Tensor, List<Tensor>> consumers, Map<Tensor, Integer> position,
                                         Set<Tensor> taken) {
        Tensor shape = reduction.parents().get(0);
        int elements = shape.rows() * shape.cols();
        if (elements < 2) return null;
        // Grow the region back from the reduction; push out any inner tensor that something outside uses, and
        // grow again without it, until nothing changes.
        Set<Tensor> excluded = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Tensor> interior;
        while (true) {
            interior = reachableInterior(reduction, shape, excluded, taken);
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
            for (Tensor p : t.parents()) {
                if (interior.contains(p)) continue;
                if (Broadcast.isScalar(p)) {
                    uniforms.add(p);
                } else if (Broadcast.sameShape(p, shape) && !p.requiresGrad()) {
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
            if (!(u.op() instanceof Pick) || !u.parents().get(0).isLeaf()) continue;
            boolean onlyHere = true;
            for (Tensor c : consumers.getOrDefault(u, List.of())) onlyHere &= interior.contains(c);
            for (Tensor pick : consumers.getOrDefault(u.parents().get(0), List.of())) {
                if (!(pick.op() instanceof Pick) || !uniforms.contains(pick)) onlyHere = false;
                for (Tensor c : consumers.getOrDefault(pick, List.of())) onlyHere &= interior.contains(c);
            }
            if (onlyHere) picked.add(u);
        }
        picked.sort((a, b) -> Integer.compare(position.get(a), position.get(b)));
        return List.copyOf(picked);
    }

    /** The elementwise tensors of the stream shape that {@code reduction} reaches without passing through {@code excluded}. */
    private static Set<Tensor> reachableInterior(Tensor reduction, Tensor shape, Set<Tensor> excluded, Set<Tensor> taken) {
        Set<Tensor> found = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Tensor> frontier = new ArrayList<>(reduction.parents());
        while (!frontier.isEmpty()) {
            Tensor t = frontier.remove(frontier.size() - 1);
            if (found.contains(t) || excluded.contains(t) || taken.contains(t) || !fusable(t, shape)) continue;
            found.add(t);
            frontier.addAll(t.parents());
        }
        return found;
    }

    /** An elementwise op of the stream shape, reading tensors of that shape or scalars. */
    private static boolean fusable(Tensor t, Tensor shape) {
        if (!(t.op() instanceof Pointwise) || !Broadcast.sameShape(t, shape)) return false;
        for (Tensor p : t.parents()) if (!Broadcast.sameShape(p, shape) && !Broadcast.isScalar(p)) return false;
        return true;
    }
}
