package org.sgdplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every optimizer's frames against {@link ReferenceOptimizers}, PyTorch's published rule in float64, over several
 * settings each: the engine's gradient (autograd) and the reference's (by hand) add terms in other orders, so they
 * agree to rounding, within {@code 10⁻⁹} of the loss and of the largest parameter or gradient. Near the optimum an
 * adaptive step divides a vanishing gradient by its own vanishing size and so magnifies rounding: runs with a
 * small β₂ stop before they get there.
 */
class OptimizerTrainingTest {
    private static final double RELATIVE = 1e-9;

    @ParameterizedTest
    @ValueSource(strings = {
        "preset=momentum&dampening=0.3",
        "preset=momentum&nesterov=1",
        "preset=momentum&nesterov=1&weight_decay=0.05&batch=10&steps=150",
        "preset=fastai-sgd&weight_decay=0.5",
        "preset=standardised&momentum=0.5&nesterov=1",
    })
    void sgd_with_dampening_nesterov_and_weight_decay_follows_the_reference(String query) {
        assertMatchesReference(query);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "preset=fastai-sgd&optimizer=adam&lr=0.05",
        "preset=fastai-sgd&optimizer=adam&lr=0.2&beta1=0.5&beta2=0.9&eps=1e-3&steps=40",
        "preset=fastai-sgd&optimizer=adam&lr=0.1&amsgrad=1&beta2=0.8",
        "preset=minibatch-noise&optimizer=adam&lr=0.05&amsgrad=1&weight_decay=0.1",
        "preset=roller-coaster&optimizer=adam&lr=0.5&steps=200",
    })
    void adam_with_its_betas_amsgrad_and_weight_decay_follows_the_reference(String query) {
        assertMatchesReference(query);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "preset=fastai-sgd&optimizer=rmsprop&lr=0.01",
        "preset=fastai-sgd&optimizer=rmsprop&lr=0.01&momentum=0.9&alpha=0.9",
        "preset=fastai-sgd&optimizer=rmsprop&lr=0.02&centered=1&weight_decay=0.2",
        "preset=minibatch-noise&optimizer=rmsprop&lr=0.01&centered=1&momentum=0.5&eps=1e-4",
    })
    void rmsprop_plain_centred_and_with_momentum_follows_the_reference(String query) {
        assertMatchesReference(query);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "preset=fastai-sgd&optimizer=adagrad&lr=0.5",
        "preset=fastai-sgd&optimizer=adagrad&lr=1&weight_decay=0.3&eps=1e-6",
        "preset=minibatch-noise&optimizer=adagrad&lr=0.3",
        "preset=roller-coaster&optimizer=adagrad&lr=2&steps=100",
    })
    void adagrad_follows_the_reference(String query) {
        assertMatchesReference(query);
    }

    private static void assertMatchesReference(String query) {
        Experiment e = ExperimentCodec.decode(QueryStrings.parse(query));
        TrainingRun run = new TrainingRun(e);
        List<Frame> frames = run.all();
        var h = e.hyperparameters();
        var settings = new ReferenceOptimizers.Settings(h.optimizer(), h.learningRate(), h.momentum(), h.dampening(), h.nesterov(),
            h.weightDecay(), h.beta1(), h.beta2(), h.eps(), h.alpha(), h.amsgrad(), h.centered());
        List<ReferenceOptimizers.Step> expected = ReferenceOptimizers.run(run.points().xs(), run.points().ys(), e.model().name(),
            e.initialParams(), e.steps(), e.batch(), e.seed(), settings);
        assertEquals(e.steps() + 1, expected.size(), "the reference finishes " + query);
        assertEquals(expected.size(), frames.size(), "the engine finishes " + query);
        for (int i = 0; i < frames.size(); i++) {
            ReferenceOptimizers.Step want = expected.get(i);
            Frame got = frames.get(i);
            String where = query + ", frame " + i;
            assertEquals(want.loss(), got.loss(), RELATIVE * want.loss(), where + ": loss");
            double largest = 0;
            for (double p : want.params()) largest = Math.max(largest, Math.abs(p));
            for (double g : want.grad()) largest = Math.max(largest, Math.abs(g));
            for (int j = 0; j < want.params().length; j++) {
                assertEquals(want.params()[j], got.params()[j], RELATIVE * largest, where + ": p" + j);
                assertEquals(want.grad()[j], got.grad()[j], RELATIVE * largest, where + ": ∂loss/∂p" + j);
            }
        }
    }
}
