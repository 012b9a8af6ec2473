package org.sgdplayground.autograd;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.sgdplayground.autograd.compile.Fusion;
import org.sgdplayground.autograd.compile.Kernel;
import org.sgdplayground.autograd.compile.KernelCompiler;
import org.sgdplayground.autograd.compile.KernelSource;
import org.sgdplayground.autograd.compile.Region;

/**
 * One graph, ready to run again and again: its tensors in topological order, one scratch array for all its ops,
 * and, when compiled, the fused loops that run its elementwise regions. A program holds all that the graph's
 * tensors need between passes, so the tensors hold only their own values and gradients.
 *
 * <p>{@link #compile} does for the graph what {@code torch.compile} does: each chain of elementwise ops over
 * tensors of one shape and {@code 1 × 1} scalars that ends in a sum becomes one loop forward and one back, written
 * as Java from the ops' own objects and compiled in the background ({@code autograd.compile}). Until a region's
 * loops are compiled it runs op by op; the loops compute exactly what the ops compute, bit for bit, so the moment
 * they take over changes nothing but speed. A fused region's inner tensors are not stored: read the values and
 * gradients of the tensors a region reads and of its result, not of the tensors in between.
 */
public final class Program {
    private final Tensor result;
    /** The computed tensors a forward pass runs, parents first; a fused region's sum stands for its region. */
    private final Tensor[] forwardOrder;
    /** For each of {@code forwardOrder}: the loop that runs its region, or null for a tensor run by its op. */
    private final FusedLoop[] forwardLoops;
    /** Those of {@code forwardOrder} that want gradients, in order, with their loops and whether this graph uses each once. */
    private final Tensor[] backwardOrder;
    private final FusedLoop[] backwardLoops;
    private final boolean[] usedOnce;
    /** The room every op of this graph shares for its reductions (one op runs at a time). */
    private final double[] scratch;
    private final List<FusedLoop> loops;
    private final Set<Tensor> absorbed;

    private Program(Tensor result, Function<String, CompletableFuture<Kernel>> kernels) {
        this.result = result;
        Tensor[] order = topologicalOrder(result);
        Map<Tensor, Integer> uses = new IdentityHashMap<>();
        for (Tensor t : order) for (Tensor p : t.parents) uses.merge(p, 1, Integer::sum);
        int longest = 0;
        for (Tensor t : order) longest = Math.max(longest, t.op.scratchLength(t));
        this.scratch = new double[longest];

        this.absorbed = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Tensor, FusedLoop> loopAt = new IdentityHashMap<>();
        List<FusedLoop> fused = new ArrayList<>();
        if (kernels != null) {
            for (Region region : Fusion.regions(List.of(order))) {
                KernelSource source = KernelSource.write(region);
                FusedLoop loop = new FusedLoop(region, source, kernels.apply(source.text()), scratch);
                fused.add(loop);
                loopAt.put(region.reduction(), loop);
                absorbed.addAll(region.interior());
                absorbed.addAll(region.picked());
            }
        }
        this.loops = List.copyOf(fused);

        List<Tensor> forward = new ArrayList<>(), backward = new ArrayList<>();
        for (Tensor t : order) {
            if (t.isLeaf() || absorbed.contains(t)) continue;
            forward.add(t);
            if (t.requiresGrad) backward.add(t);
        }
        this.forwardOrder = forward.toArray(new Tensor[0]);
        this.backwardOrder = backward.toArray(new Tensor[0]);
        this.forwardLoops = new FusedLoop[forwardOrder.length];
        for (int i = 0; i < forwardOrder.length; i++) forwardLoops[i] = loopAt.get(forwardOrder[i]);
        this.backwardLoops = new FusedLoop[backwardOrder.length];
        this.usedOnce = new boolean[backwardOrder.length];
        for (int i = 0; i < backwardOrder.length; i++) {
            backwardLoops[i] = loopAt.get(backwardOrder[i]);
            usedOnce[i] = uses.getOrDefault(backwardOrder[i], 0) == 1;
        }
    }

    /** {@code result}'s graph, run op by op. */
    public static Program interpret(Tensor result) {
        return new Program(result, null);
    }

    /** {@code result}'s graph with its elementwise regions fused, their loops compiled in the background. */
    public static Program compile(Tensor result) {
        return new Program(result, KernelCompiler::kernelFor);
    }

    /** {@link #compile(Tensor)} with kernels from {@code kernels} (source to kernel), for tests. */
    static Program compile(Tensor result, Function<String, CompletableFuture<Kernel>> kernels) {
        return new Program(result, kernels);
    }

    /** The Java source of each fused loop's kernel, in the order the loops run: what {@link #compile} has compiled. */
    public List<String> kernelSources() {
        return loops.stream().map(FusedLoop::sourceText).toList();
    }

    /** The tensor this program computes. */
    public Tensor result() {
        return result;
    }

    /** Recomputes every tensor of the graph from the current leaves, parents before children. */
    public void forward() {
        for (int i = 0; i < forwardOrder.length; i++) {
            if (forwardLoops[i] != null) forwardLoops[i].forward();
            else forwardOrder[i].op.forward(forwardOrder[i], scratch);
        }
    }

    /**
     * Fills the gradient of every tensor the result depends on with {@code ∂result/∂tensor}, by a reverse pass in
     * topological order. The result must be a scalar. Leaves accumulate; the gradients of intermediate tensors
     * belong to this pass and start from zero — at no cost: an intermediate's first contribution overwrites what
     * the last pass left, and later ones add to it.
     */
    public void backward() {
        if (result.data.getNumElements() != 1) {
            throw new IllegalStateException("backward() needs a 1×1 tensor, this is " + Broadcast.shape(result.data));
        }
        for (int i = 0; i < backwardOrder.length; i++) backwardOrder[i].beginBackwardPass(usedOnce[i]);
        if (!result.requiresGrad) return;
        result.receiveSum(1);
        for (int i = backwardOrder.length - 1; i >= 0; i--) {
            Tensor t = backwardOrder[i];
            // every consumer has run by now, so t's gradient is complete
            t.completeGradient();
            if (backwardLoops[i] != null) backwardLoops[i].backward();
            else t.op.backward(t, scratch);
        }
    }

    /**
     * Waits up to {@code timeout} for this program's fused loops to be compiled: true when every region now runs
     * compiled, false when time ran out or this runtime cannot compile (a JRE without {@code javax.tools}).
     */
    public boolean awaitCompiled(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (FusedLoop loop : loops) if (!loop.awaitKernel(deadline)) return false;
        return true;
    }

    /** Whether any region of the graph is fused. */
    boolean hasFusedRegions() {
        return !loops.isEmpty();
    }

    /** Whether {@code t} ends a fused region: its loop runs in {@code t}'s place. */
    boolean isFused(Tensor t) {
        for (FusedLoop loop : loops) if (loop.reduction() == t) return true;
        return false;
    }

    /** Whether {@code t} is computed only inside a fused loop, never on its own. */
    boolean isAbsorbed(Tensor t) {
        return absorbed.contains(t);
    }

    /** {@code result} and everything it depends on, each after all of its parents. */
    private static Tensor[] topologicalOrder(Tensor result) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Tensor> stack = new ArrayDeque<>();
        Deque<Integer> nextParent = new ArrayDeque<>();
        stack.push(result);
        nextParent.push(0);
        seen.add(result);
        while (!stack.isEmpty()) {
            Tensor t = stack.peek();
            int k = nextParent.pop();
            if (k < t.parents.length) {
                nextParent.push(k + 1);
                Tensor p = t.parents[k];
                if (seen.add(p)) {
                    stack.push(p);
                    nextParent.push(0);
                }
            } else {
                order.add(stack.pop());
            }
        }
        return order.toArray(new Tensor[0]);
    }
}
