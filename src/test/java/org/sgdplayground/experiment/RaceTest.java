package org.sgdplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code race=LANE,…} (SPEC §8): lanes read with their own settings, refused with the place, each a run of its own. */
class RaceTest {
    private static Experiment decode(String query) {
        return ExperimentCodec.decode(QueryStrings.parse(query));
    }

    private static InvalidParameterException refusal(String race) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
            () -> ExperimentCodec.decode(Map.of("preset", "fastai-sgd", "race", race)), race);
        assertEquals("race", e.parameter(), race);
        return e;
    }

    /** Every number of every frame, as bits. */
    private static long[] bits(List<Frame> frames) {
        return frames.stream().flatMapToDouble(f -> java.util.stream.DoubleStream.concat(
            java.util.stream.DoubleStream.of(f.iter(), f.loss()),
            java.util.stream.DoubleStream.concat(java.util.Arrays.stream(f.params()), java.util.Arrays.stream(f.grad()))))
            .mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @Test
    void lanes_are_read_with_their_own_settings_in_the_order_given() {
        List<Race.Lane> lanes = Race.parse("sgd,sgd(momentum=0.9),adam(lr=0.05;beta1=0.8),rmsprop");
        assertEquals(List.of("sgd", "sgd(momentum=0.9)", "adam(lr=0.05;beta1=0.8)", "rmsprop"), lanes.stream().map(Race.Lane::label).toList());
        assertEquals(List.of("sgd", "sgd", "adam", "rmsprop"), lanes.stream().map(Race.Lane::optimizer).toList());
        assertEquals(Map.of("lr", "0.05", "beta1", "0.8"), lanes.get(2).settings());
    }

    @Test
    void each_lane_is_bit_for_bit_the_experiment_run_alone_with_that_lanes_settings() {
        String base = "preset=minibatch-noise&steps=80";
        Experiment race = decode(base + "&race=sgd,sgd(momentum=0.9;nesterov=1),adam(lr=0.05;beta1=0.8),rmsprop(lr=0.01;centered=1),adagrad(lr=0.5)");
        String[] alone = {"optimizer=sgd", "optimizer=sgd&momentum=0.9&nesterov=1", "optimizer=adam&lr=0.05&beta1=0.8",
            "optimizer=rmsprop&lr=0.01&centered=1", "optimizer=adagrad&lr=0.5"};
        List<Race.Entry> entries = Race.entries(race);
        assertEquals(alone.length, entries.size());
        for (int i = 0; i < alone.length; i++) {
            Experiment single = decode(base + "&" + alone[i]);
            assertEquals(single, entries.get(i).experiment(), alone[i]);
            assertArrayEquals(bits(new TrainingRun(single).all()), bits(new TrainingRun(entries.get(i).experiment()).all()), alone[i]);
        }
    }

    @Test
    void a_lane_of_a_race_preset_run_alone_says_race_none_in_its_link() {
        List<Race.Entry> entries = Race.entries(decode("preset=race-adam"));
        Experiment adam = entries.get(entries.size() - 1).experiment();
        assertEquals("preset=race-adam&lr=0.3&optimizer=adam&race=none", ExperimentCodec.encode(adam));
        assertEquals(adam, decode("preset=race-adam&race=none&optimizer=adam&lr=0.3"));
        assertArrayEquals(bits(new TrainingRun(adam).all()), bits(new TrainingRun(decode(ExperimentCodec.encode(adam))).all()));
    }

    @Test
    void a_lane_inherits_the_experiments_settings_it_does_not_override() {
        Experiment race = decode("preset=fastai-sgd&momentum=0.5&lr=0.02&race=sgd,sgd(lr=0.05)");
        List<Race.Entry> entries = Race.entries(race);
        assertEquals(0.02, entries.get(0).experiment().learningRate());
        assertEquals(0.5, entries.get(0).experiment().momentum());
        assertEquals(0.05, entries.get(1).experiment().learningRate());
        assertEquals(0.5, entries.get(1).experiment().momentum());
    }

    @Test
    void a_race_travels_in_a_link_normalised() {
        Experiment race = decode("preset=fastai-sgd&race=sgd, adam( lr = 0.05 )");
        assertEquals("sgd,adam(lr=0.05)", race.optimizer().race());
        assertEquals(race, decode(ExperimentCodec.encode(race)));
    }

    @Test
    void a_bad_lane_is_refused_with_the_character_where_it_goes_wrong() {
        assertTrue(refusal("sgd,adamw").allowed().startsWith("at character 5, an optimizer's name"), refusal("sgd,adamw").allowed());
        assertTrue(refusal("sgd,adam(lr=0.05").allowed().startsWith("at character 9, a ')'"));
        assertTrue(refusal("sgd;adam").allowed().startsWith("at character 4, a ',' between lanes"));
        assertTrue(refusal("sgd,adam(seed=3)").allowed().startsWith("at character 10, a lane's own setting"), "lanes share the points");
        assertTrue(refusal("sgd,adam(lr=-1)").allowed().startsWith("at character 10, lr a number greater than 0"));
        assertTrue(refusal("sgd,sgd(nesterov=1)").allowed().contains("momentum > 0 and dampening = 0"), "PyTorch's rule, per lane");
        assertTrue(refusal("sgd,sgd(lr=0.1;lr=0.2)").allowed().contains("lr once per lane"));
    }

    @Test
    void a_race_text_longer_than_the_limit_is_refused() {
        String lane = "sgd(lr=0.1;momentum=0.5;weight_decay=0.001;dampening=0.25;eps=1e-8;alpha=0.99;beta1=0.9;beta2=0.999)";
        String six = String.join(",", java.util.Collections.nCopies(Limits.MAX_RACE_LANES, lane));
        assertTrue(six.length() > Limits.MAX_RACE_TEXT, "six long lanes are more text than a race may hold");
        InvalidParameterException e = refusal(six);
        assertEquals(Parameter.RACE.domain().allowed(), e.allowed(), "refused as too long, before its lanes are read");
        String three = String.join(",", java.util.Collections.nCopies(3, lane));
        assertEquals(3, Race.entries(decode("race=" + three)).size(), three.length() + " characters are within the limit");
    }

    @Test
    void a_race_has_at_most_the_limits_lanes_and_work() {
        String seven = String.join(",", java.util.Collections.nCopies(Limits.MAX_RACE_LANES + 1, "sgd"));
        assertTrue(refusal(seven).allowed().contains("at most " + Limits.MAX_RACE_LANES + " lanes"));
        String six = String.join(",", java.util.Collections.nCopies(Limits.MAX_RACE_LANES, "sgd"));
        assertEquals(Limits.MAX_RACE_LANES, Race.entries(decode("race=" + six)).size());
        long steps = Limits.MAX_WORK / 100_000 / 2 + 1; // each lane alone is within the limit, two together are not
        InvalidParameterException tooMuch = assertThrows(InvalidParameterException.class,
            () -> decode("n=100000&steps=" + steps + "&race=sgd,adam"));
        assertEquals("race", tooMuch.parameter());
        decode("n=100000&steps=" + steps + "&optimizer=adam");
    }
}
