package org.sgdplayground.autograd;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one fused region (see {@link Fusion}) in place of its reduction's own forward and backward: through its
 * compiled {@link Kernel} once that is ready, and op by op, as before fusing, until then. Both ways give the
 * same bits, so which one runs a step is invisible in the results.
 */
final class FusedLoop {
    private final Fusion.Region region;
    private final Runnable reductionForward, reductionBackward;
    private final Tensor[] interior, streams, uniforms, picked;
    private final boolean[] interiorUsedOnce;
    /** For each uniform picked out of a leaf, that leaf and the index; null and 0 for the others. */
    private final Tensor[] uniformLeaf;
    private final int[] uniformIndex;
    /** For each contribution, the pick it goes to ({@code picked} index), or −1 for a scalar that takes it itself. */
    private final int[] contributionPick;
    /** Per pass, each pick's gradient as the pick would hold it before adding it to its leaf's. */
    private final double[] pickGrad;
    /** Per pass, whether each pick has had its first contribution. */
    private final boolean[] pickWritten;
    private final List<KernelSource.Contribution> contributions;
    private final CompletableFuture<Kernel> pending;
    private Kernel kernel;
    /** Whether the last forward ran compiled, which backward must follow: op by op needs the inner tensors stored. */
    private boolean lastForwardCompiled;
    private final double[][] streamData;
    private final double[] uniformValues, sums;
    /** Room for the running column of each sum in turn (see {@link KernelSource}). */
    private final double[] column;

    FusedLoop(Fusion.Region region, KernelSource source, CompletableFuture<Kernel> pending) {
        this.region = region;
        Tensor reduction = region.reduction();
        this.reductionForward = reduction.forwardStep();
        this.reductionBackward = reduction.backwardStep();
        this.interior = region.interior().toArray(new Tensor[0]);
        this.interiorUsedOnce = new boolean[interior.length];
        for (int j = 0; j < interior.length; j++) interiorUsedOnce[j] = region.usedOnce().contains(interior[j]);
        this.streams = region.streams().toArray(new Tensor[0]);
        this.uniforms = region.uniforms().toArray(new Tensor[0]);
        this.picked = region.picked().toArray(new Tensor[0]);
        this.uniformLeaf = new Tensor[uniforms.length];
        this.uniformIndex = new int[uniforms.length];
        for (int k = 0; k < uniforms.length; k++) {
            if (region.picked().contains(uniforms[k])) {
                uniformLeaf[k] = uniforms[k].inputs()[0];
                uniformIndex[k] = (int) uniforms[k].constant();
            }
        }
        this.contributions = source.contributions();
        this.contributionPick = new int[contributions.size()];
        for (int c = 0; c < contributionPick.length; c++) contributionPick[c] = region.picked().indexOf(contributions.get(c).target());
        this.pickGrad = new double[picked.length];
        this.pickWritten = new boolean[picked.length];
        this.pending = pending;
        this.streamData = new double[streams.length][];
        this.uniformValues = new double[uniforms.length];
        this.sums = new double[contributions.size()];
        this.column = new double[Math.max(Sums.LANES, region.elements())];
    }

    /** The reduction's value from the current inputs. */
    void forward() {
        Kernel k = kernel();
        lastForwardCompiled = k != null;
        if (k == null) {
            for (Tensor t : picked) t.forwardStep().run();
            for (Tensor t : interior) t.forwardStep().run();
            reductionForward.run();
            return;
        }
        readInputs();
        region.reduction().data().data[0] = k.forward(streamData, uniformValues, region.elements(), column);
    }

    /** Sends the reduction's gradient back through the region, to the scalars it reads. */
    void backward() {
        if (!lastForwardCompiled) {
            for (int j = 0; j < interior.length; j++) if (interior[j].requiresGrad()) interior[j].beginBackwardPass(interiorUsedOnce[j]);
            for (Tensor t : picked) if (t.requiresGrad()) t.beginBackwardPass(region.usedOnce().contains(t));
            reductionBackward.run();
            for (int j = interior.length - 1; j >= 0; j--) if (interior[j].requiresGrad()) interior[j].runBackwardStep();
            for (int j = picked.length - 1; j >= 0; j--) if (picked[j].requiresGrad()) picked[j].runBackwardStep();
            return;
        }
        if (contributions.isEmpty()) return;
        readInputs();
        kernel.backward(streamData, uniformValues, region.elements(), region.reduction().grad().data[0], column, sums);
        Arrays.fill(pickGrad, 0.0);
        Arrays.fill(pickWritten, false);
        for (int k = 0; k < sums.length; k++) {
            KernelSource.Contribution c = contributions.get(k);
            int pick = contributionPick[k];
            if (pick < 0) {
                c.target().receiveSum(c.sign(), sums[k]);
                continue;
            }
            // what Tensor.receiveSum does on the pick: the first write overwrites, later ones add
            pickGrad[pick] = (pickWritten[pick] ? pickGrad[pick] : 0.0) + c.sign() * sums[k];
            pickWritten[pick] = true;
        }
        // then each pick's own backward, in the interpreter's order: leaf.grad[i] += pick.grad
        for (int j = picked.length - 1; j >= 0; j--) {
            if (!picked[j].requiresGrad()) continue;
            double[] leafGrad = picked[j].inputs()[0].grad().data;
            leafGrad[(int) picked[j].constant()] += pickGrad[j];
        }
    }

    private void readInputs() {
        for (int k = 0; k < streams.length; k++) streamData[k] = streams[k].data().data;
        for (int k = 0; k < uniforms.length; k++) {
            uniformValues[k] = uniformLeaf[k] != null ? uniformLeaf[k].data().data[uniformIndex[k]] : uniforms[k].data().data[0];
        }
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
