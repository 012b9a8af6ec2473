package org.sgdplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sgdplayground.data.Generators;
import org.sgdplayground.model.Model;
import org.sgdplayground.model.Models;

/** {@code decode(parse(encode(e)))} is {@code e}: a shared link is the experiment, bit for bit. */
class ExperimentCodecRoundTripTest {
    private static Experiment roundTrip(Experiment e) {
        return ExperimentCodec.decode(QueryStrings.parse(ExperimentCodec.encode(e)));
    }

    @Test
    void every_preset_round_trips_and_encodes_as_its_name_alone() {
        for (Preset p : Presets.all()) {
            Experiment e = ExperimentCodec.decode(QueryStrings.parse("preset=" + p.name()));
            assertEquals("preset=" + p.name(), ExperimentCodec.encode(e), "nothing differs from the preset");
            assertEquals(e, roundTrip(e), p.name());
        }
    }

    @Test
    void overridden_experiments_round_trip_with_every_number_bit_for_bit() {
        List<Experiment> experiments = List.of(
            new Experiment("fastai-sgd", Models.LINEAR, "line", 100, 1, 42, new double[] {0.5, 0.75}, 1e-5, 100, 0, 0, 50, false, null),
            new Experiment("fastai-sgd", Models.LINEAR, "line", 100, 1, 42, new double[] {0.1 + 0.2, -0.0}, 0.1 + 0.2, 100, 0, 0, 50, false, null),
            new Experiment("roller-coaster", Models.QUADRATIC, "coaster", 37, 1.0 / 3, Integer.MAX_VALUE,
                new double[] {1e-300, -Limits.MAX_MAGNITUDE, Math.PI}, Math.nextDown(1.0), 0, 7, Math.nextDown(1.0), 12.5, true, null),
            new Experiment("roller-coaster", Models.LINEAR, "line", 20, 3, 42, null, 1e-5, 10, 0, 0, 2, false, null),
            new Experiment("momentum", Models.QUADRATIC, "coaster", 2, 0, 0, null, Double.MIN_VALUE, 5, 2, 0.9, Limits.MIN_SPEED, true, null),
            new Experiment("fastai-sgd-es", Models.LINEAR, "line", 100, 1, 42, null, 0.1, 100, 0, 0, 50, false, null));
        for (Experiment e : experiments) {
            Experiment back = roundTrip(e);
            assertEquals(e, back, ExperimentCodec.encode(e));
            assertEquals(Double.doubleToRawLongBits(e.learningRate()), Double.doubleToRawLongBits(back.learningRate()));
        }
        assertEquals("preset=fastai-sgd&lr=1e-5", ExperimentCodec.encode(experiments.get(0)), "only what differs, in table order");
        assertEquals("preset=fastai-sgd&init=0.30000000000000004%2C-0&lr=0.30000000000000004", ExperimentCodec.encode(experiments.get(1)));
        assertEquals("preset=fastai-sgd-es&init=random", ExperimentCodec.encode(experiments.get(5)));
    }

    @Test
    void random_valid_experiments_round_trip() {
        Random random = new Random(2024);
        List<Model> models = Models.all();
        for (int i = 0; i < 2_000; i++) {
            Model model = models.get(random.nextInt(models.size()));
            int n = 2 + random.nextInt(Limits.MAX_POINTS - 1);
            int batch = random.nextBoolean() ? 0 : 1 + random.nextInt(n);
            int steps = random.nextInt((int) Math.min(Limits.MAX_STEPS, Limits.MAX_WORK / (batch == 0 ? n : batch)) + 1);
            double[] init = null;
            if (random.nextBoolean()) {
                init = new double[model.parameterCount()];
                for (int j = 0; j < init.length; j++) init[j] = random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6);
            }
            Experiment e = new Experiment(Presets.names().get(random.nextInt(Presets.names().size())), model,
                Generators.names().get(random.nextInt(Generators.names().size())), n, random.nextDouble() * 10,
                random.nextInt(Integer.MAX_VALUE), init, Math.pow(10, -8 + 10 * random.nextDouble()), steps, batch,
                random.nextDouble(), Limits.MIN_SPEED + random.nextDouble() * (Limits.MAX_SPEED - Limits.MIN_SPEED), random.nextBoolean(), null);
            assertEquals(e, roundTrip(e), ExperimentCodec.encode(e));
        }
    }
}
