package org.sgdplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The optimizer's settings as parameters of the one table: PyTorch's defaults, its constraints, links that keep them. */
class OptimizerParametersTest {
    private static Experiment decode(String query) {
        return ExperimentCodec.decode(QueryStrings.parse(query));
    }

    private static InvalidParameterException refusal(String query) {
        return assertThrows(InvalidParameterException.class, () -> decode(query), query);
    }

    @Test
    void a_link_without_an_optimizer_is_plain_sgd_and_writes_nothing_new() {
        Experiment e = decode("preset=momentum");
        assertEquals("sgd", e.optimizer().optimizer());
        assertEquals("preset=momentum", ExperimentCodec.encode(e));
    }

    @Test
    void each_optimizer_gets_pytorchs_defaults() {
        var adam = decode("optimizer=adam").hyperparameters();
        assertEquals(0.9, adam.beta1());
        assertEquals(0.999, adam.beta2());
        assertEquals(1e-8, adam.eps());
        var rmsprop = decode("optimizer=rmsprop").hyperparameters();
        assertEquals(0.99, rmsprop.alpha());
        assertEquals(1e-8, rmsprop.eps());
        assertEquals(1e-10, decode("optimizer=adagrad").hyperparameters().eps(), "Adagrad's own eps");
        assertEquals(1e-6, decode("optimizer=adagrad&eps=1e-6").hyperparameters().eps(), "unless the link gives one");
    }

    @Test
    void nesterov_with_momentum_and_no_dampening_travels_in_a_link() {
        Experiment e = decode("preset=momentum&nesterov=1");
        assertTrue(e.hyperparameters().nesterov());
        assertEquals("preset=momentum&nesterov=1", ExperimentCodec.encode(e));
        assertEquals(e, decode(ExperimentCodec.encode(e)));
    }

    @Test
    void nesterov_without_momentum_or_with_dampening_is_refused_as_pytorch_refuses_it() {
        InvalidParameterException noMomentum = refusal("preset=fastai-sgd&nesterov=1");
        assertEquals("nesterov", noMomentum.parameter());
        assertTrue(noMomentum.allowed().contains("momentum > 0 and dampening = 0"), noMomentum.allowed());
        assertEquals("nesterov", refusal("preset=momentum&nesterov=1&dampening=0.1").parameter());
    }

    @Test
    void out_of_range_settings_are_refused_naming_the_parameter_and_what_it_allows() {
        Map<String, String> cases = Map.of(
            "optimizer=adamw", "optimizer",
            "optimizer=adam&beta1=1", "beta1",
            "optimizer=adam&beta2=-0.1", "beta2",
            "optimizer=adam&eps=-1e-8", "eps",
            "optimizer=rmsprop&alpha=1.5", "alpha",
            "weight_decay=-0.1", "weight_decay",
            "optimizer=adam&amsgrad=yes", "amsgrad",
            "dampening=2", "dampening");
        cases.forEach((query, parameter) -> {
            InvalidParameterException e = refusal(query);
            assertEquals(parameter, e.parameter(), query);
            assertEquals(Parameter.byKey(parameter).orElseThrow().domain().allowed(), e.allowed(), query);
        });
    }

    @Test
    void weight_decay_stops_at_its_limit() {
        String atLimit = Numbers.format(Limits.MAX_WEIGHT_DECAY);
        assertEquals(Limits.MAX_WEIGHT_DECAY, decode("weight_decay=" + atLimit).hyperparameters().weightDecay());
        InvalidParameterException beyond = refusal("weight_decay=" + Numbers.format(Limits.MAX_WEIGHT_DECAY * 1.001));
        assertEquals("weight_decay", beyond.parameter());
        assertTrue(beyond.allowed().contains("at most " + atLimit) || beyond.allowed().contains("to " + atLimit), beyond.allowed());
    }

    @Test
    void the_stability_limit_is_gradient_descents_and_none_for_the_adaptive_optimizers() {
        double lambda = 4;
        assertEquals(2 / lambda, decode("lr=0.1").hyperparameters().stabilityLimit(lambda));
        assertEquals(2 * 1.9 / lambda, decode("momentum=0.9").hyperparameters().stabilityLimit(lambda), 1e-15);
        assertEquals(2 * 1.5 / (0.5 * lambda), decode("momentum=0.5&dampening=0.5").hyperparameters().stabilityLimit(lambda), 1e-15);
        assertEquals(2 * 1.5 / (2 * lambda), decode("momentum=0.5&nesterov=1").hyperparameters().stabilityLimit(lambda), 1e-15);
        assertEquals(2 / (lambda + 1), decode("weight_decay=1").hyperparameters().stabilityLimit(lambda), 1e-15);
        for (String adaptive : new String[] {"adam", "rmsprop", "adagrad"}) {
            assertTrue(Double.isNaN(decode("optimizer=" + adaptive).hyperparameters().stabilityLimit(lambda)), adaptive);
        }
    }

    @Test
    void an_adaptive_optimizers_briefing_gives_no_limit_and_sgds_gives_the_one_its_settings_make() {
        Experiment adam = decode("preset=fastai-sgd&optimizer=adam");
        assertTrue(Briefing.of(adam, adam.dataset()).surface().stabilityLimit().isEmpty());
        Experiment nesterov = decode("preset=momentum&nesterov=1");
        double lambda = org.sgdplayground.analysis.LossSurface.of(nesterov.model(), nesterov.dataset()).largestCurvature();
        assertEquals(2 * 1.9 / (2.8 * lambda), Briefing.of(nesterov, nesterov.dataset()).surface().stabilityLimit().getAsDouble(), 1e-12);
    }

    /**
     * The limit is where runs change: a little below it the run converges, a little above it the steepest direction
     * grows by a few per cent a step (for Nesterov at μ = ½ and 1.03 × the limit, the root −1.07 of
     * z² − (1 − h(1+μ) + μ)z + μ(1 − h)), which overflows a double well within 20,000 steps.
     */
    @Test
    void just_below_the_limit_a_run_converges_and_just_above_it_diverges() {
        for (String settings : new String[] {"momentum=0.5&nesterov=1", "momentum=0.8&dampening=0.5", "weight_decay=2", "momentum=0.9"}) {
            Experiment e = decode("preset=fastai-sgd&steps=20000&" + settings);
            double limit = Briefing.of(e, e.dataset()).surface().stabilityLimit().getAsDouble();
            TrainingRun below = new TrainingRun(decode("preset=fastai-sgd&steps=20000&" + settings + "&lr=" + Numbers.format(0.97 * limit)));
            below.all();
            assertEquals(Outcome.Kind.DONE, below.outcome().kind(), settings + " at 0.97 × the limit");
            TrainingRun above = new TrainingRun(decode("preset=fastai-sgd&steps=20000&" + settings + "&lr=" + Numbers.format(1.03 * limit)));
            above.all();
            assertEquals(Outcome.Kind.DIVERGED, above.outcome().kind(), settings + " at 1.03 × the limit");
        }
    }
}
