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
}
