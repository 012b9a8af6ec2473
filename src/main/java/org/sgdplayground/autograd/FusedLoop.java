package org.sgdplayground.autograd;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sgdplayground.autograd.compile.Kernel;
import org.sgdplayground.autograd.compile.KernelSource;
import org.sgdplayground.autograd.compile.Region;

/**
 * Runs one fused region (see {@code autograd.compile.Fusion}) in place of its reduction's own op: through its
 * compiled {@link Kernel} once that is ready, and op by op, as before fusing, until then. Both ways give the same
 * bits, so which one runs a step is invisible in the results.
 */
final class FusedLoop {
    private final Region region;
    private final Tensor reduction;
    private final Tensor[] interior, streams, uniforms, picked;
    /** For each pick, the leaf it reads and the index. */
    private final Tensor[] pickLeaf;
    private final int[] pickIndex;
    private final boolean[] interiorUsedOnce;
    /** For each uniform picked out of a leaf, that leaf and the index; null and 0 for the others. */
    private final Tensor[] uniformLeaf;
    private final int[] uniformIndex;
    /** For each sum the kernel returns, the scalar it goes to. */
    private final List<Tensor> contributions;
    /** For each contribution, the pick it goes to ({@code picked} index), or −1 for a scalar that takes it itself. */
    private final int[] contributionPick;
    /** Per pass, each pick's gradient as the pick would hold it before adding it to its leaf's. */
    private final double[] pickGrad;
    /** Per pass, whether each pick has had its first contribution. */
    private final boolean[] pickWritten;
    private final CompletableFuture<Kernel> pending;
    private Kernel kernel;
    /** Whether the last forward ran compiled, which backward must follow: op by op needs the inner tensors stored. */
    private boolean lastForwardCompiled;
    private final double[][] streamData;
    private final double[] uniformValues, sums;
    /** Room for the running column of each sum in turn (see {@link KernelSource}). */
    private final double[] column;
    /** The program's scratch, for running the region op by op. */
    private final double[] scratch;
    /** The Java source its kernel is compiled from. */
    private final String sourceText;

    FusedLoop(Region region, KernelSource source, CompletableFuture<Kernel> pending, double[] scratch) {
        this.region = region;
        this.reduction = region.reduction();
        this.interior = region.interior().toArray(new Tensor[0]);
        this.interiorUsedOnce = new boolean[interior.length];
        for (int j = 0; j < interior.length; j++) interiorUsedOnce[j] = region.usedOnce().contains(interior[j]);
        this.streams = region.streams().toArray(new Tensor[0]);
        this.uniforms = region.uniforms().toArray(new Tensor[0]);
        this.picked = region.picked().toArray(new Tensor[0]);
        this.pickLeaf = new Tensor[picked.length];
        this.pickIndex = new int[picked.length];
        for (int j = 0; j < picked.length; j++) {
            pickLeaf[j] = picked[j].parents[0];
            pickIndex[j] = ((Pick) picked[j].op).index();
        }
        this.uniformLeaf = new Tensor[uniforms.length];
        this.uniformIndex = new int[uniforms.length];
        for (int k = 0; k < uniforms.length; k++) {
            if (region.picked().contains(uniforms[k])) {
                uniformLeaf[k] = uniforms[k].parents[0];
                uniformIndex[k] = ((Pick) uniforms[k].op).index();
            }
        }
        this.sourceText = source.text();
        this.contributions = source.contributions();
        this.contributionPick = new int[contributions.size()];
        for (int c = 0; c < contributionPick.length; c++) contributionPick[c] = region.picked().indexOf(contributions.get(c));
        this.pickGrad = new double[picked.length];
        this.pickWritten = new boolean[picked.length];
        this.pending = pending;
        this.streamData = new double[streams.length][];
        this.uniformValues = new double[uniforms.length];
        this.sums = new double[contributions.size()];
        this.column = new double[Math.max(Sums.LANES, region.elements())];
        this.scratch = scratch;
    }

    /** The tensor whose op this loop runs in place of. */
    Tensor reduction() {
        return reduction;
    }

    /** The reduction's value from the current inputs. */
    void forward() {
        Kernel k = kernel();
        lastForwardCompiled = k != null;
        if (k == null) {
            for (Tensor t : picked) t.op.forward(t, scratch);
            for (Tensor t : interior) t.op.forward(t, scratch);
            reduction.op.forward(reduction, scratch);
            return;
        }
        readInputs();
        reduction.data.data[0] = k.forward(streamData, uniformValues, region.elements(), column);
    }

    /** Sends the reduction's gradient, complete by now, back through the region to the scalars it reads. */
    void backward() {
        if (!lastForwardCompiled) {
            for (int j = 0; j < interior.length; j++) if (interior[j].requiresGrad) interior[j].beginBackwardPass(interiorUsedOnce[j]);
            for (Tensor t : picked) if (t.requiresGrad) t.beginBackwardPass(false);
            reduction.op.backward(reduction, scratch);
            for (int j = interior.length - 1; j >= 0; j--) if (interior[j].requiresGrad) runBackward(interior[j]);
            for (int j = picked.length - 1; j >= 0; j--) if (picked[j].requiresGrad) runBackward(picked[j]);
            return;
        }
        if (contributions.isEmpty()) return;
        readInputs();
        kernel.backward(streamData, uniformValues, region.elements(), reduction.grad.data[0], column, sums);
        Arrays.fill(pickGrad, 0.0);
        Arrays.fill(pickWritten, false);
        for (int k = 0; k < sums.length; k++) {
            int pick = contributionPick[k];
            if (pick < 0) {
                contributions.get(k).receiveSum(sums[k]);
                continue;
            }
            // what Tensor.receiveSum does on the pick: the first write overwrites, later ones add
            pickGrad[pick] = (pickWritten[pick] ? pickGrad[pick] : 0.0) + sums[k];
            pickWritten[pick] = true;
        }
        // then each pick's own backward, in the interpreter's order: leaf.grad[i] += pick.grad
        for (int j = picked.length - 1; j >= 0; j--) {
            if (!picked[j].requiresGrad) continue;
            pickLeaf[j].grad.data[pickIndex[j]] += pickGrad[j];
        }
    }

    private void runBackward(Tensor t) {
        t.completeGradient();
        t.op.backward(t, scratch);
    }

    private void readInputs() {
        for (int k = 0; k < streams.length; k++) streamData[k] = streams[k].data.data;
        for (int k = 0; k < uniforms.length; k++) {
            uniformValues[k] = uniformLeaf[k] != null ? uniformLeaf[k].data.data[uniformIndex[k]] : uniforms[k].data.data[0];
        }
    }

    /** The Java source its kernel is compiled from. */
    String sourceText() {
        return sourceText;
    }

    /** The compiled kernel once it is ready, else null (also for good when it could not be compiled). */
    private Kernel kernel() {
        if (kernel == null && pending.isDone() && !pending.isCompletedExceptionally()) kernel = pending.join();
        return kernel;
    }

    /** Waits until the kernel is ready or {@code deadline} ({@link System#nanoTime}) passes; true when it is ready. */
    boolean awaitKernel(long deadline) {
        try {
            pending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
