package org.sgdplayground.autograd;

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
    private final Tensor[] interior, streams, uniforms;
    private final boolean[] interiorUsedOnce;
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
        this.contributions = source.contributions();
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
            reductionBackward.run();
            for (int j = interior.length - 1; j >= 0; j--) if (interior[j].requiresGrad()) interior[j].runBackwardStep();
            return;
        }
        if (contributions.isEmpty()) return;
        readInputs();
        kernel.backward(streamData, uniformValues, region.elements(), region.reduction().grad().data[0], column, sums);
        for (int k = 0; k < sums.length; k++) {
            KernelSource.Contribution c = contributions.get(k);
            c.target().receiveSum(c.sign(), sums[k]);
        }
    }

    private void readInputs() {
        for (int k = 0; k < streams.length; k++) streamData[k] = streams[k].data().data;
        for (int k = 0; k < uniforms.length; k++) uniformValues[k] = uniforms[k].data().data[0];
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
