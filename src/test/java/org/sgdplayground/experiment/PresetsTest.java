package org.sgdplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ejml.simple.SimpleEVD;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.sgdplayground.analysis.Optimum;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.data.Seeds;
import org.sgdplayground.model.Models;

/** The presets SPEC §4 requires, read from the seeds' notebooks, and the lessons they are there to teach. */
class PresetsTest {
    private static Experiment preset(String name) {
        return ExperimentCodec.decode(Map.of("preset", name));
    }

    @Test
    void fastai_sgd_is_lesson_2_and_the_default() {
        Experiment e = preset("fastai-sgd");
        assertSame(Models.LINEAR, e.model());
        assertEquals("line", e.data());
        assertEquals(100, e.n());
        assertEquals(1, e.noise(), 0.0, "y = x@a + torch.rand(n): noise U(0, 1)");
        assertArrayEquals(new double[] {0.5, 0.75}, e.init(), 0.0);
        assertEquals(0.1, e.learningRate(), 0.0);
        assertEquals(100, e.steps());
        assertEquals(0, e.batch(), "full batch");
        assertEquals(0, e.momentum(), 0.0);
        assertEquals(50, e.speed(), 0.0, "interval=20 ms");
        assertEquals("fastai-sgd", Presets.defaultPreset().name());
        assertEquals(e, ExperimentCodec.decode(Map.of()), "no preset means the default");
    }

    @Test
    void fastai_sgd_es_is_the_same_lesson_from_minus_one_and_one() {
        Experiment es = preset("fastai-sgd-es"), en = preset("fastai-sgd");
        assertArrayEquals(new double[] {-1, 1}, es.init(), 0.0);
        Experiment sameStart = new Experiment(en.preset(), es.model(), es.data(), es.n(), es.noise(), es.seed(), en.init(),
            es.learningRate(), es.steps(), es.batch(), es.momentum(), es.speed(), es.autoplay(), null);
        assertEquals(en, sameStart, "everything but the start is lesson 2's");
    }

    @Test
    void roller_coaster_is_fastbook_chapter_4() {
        Experiment e = preset("roller-coaster");
        assertSame(Models.QUADRATIC, e.model());
        assertEquals("coaster", e.data());
        assertEquals(20, e.n(), "time = torch.arange(0, 20)");
        assertEquals(3, e.noise(), 0.0, "torch.randn(20)*3");
        assertNull(e.init(), "params = torch.randn(3)");
        assertArrayEquals(Seeds.standardNormal(e.seed(), 3), e.initialParams(), 0.0);
        assertEquals(1e-5, e.learningRate(), 0.0);
        assertEquals(10, e.steps());
        assertEquals(0, e.batch());
        assertEquals(0, e.momentum(), 0.0);
        Dataset points = e.dataset();
        for (int t = 0; t < 20; t++) assertEquals(t, points.x(t), 0.0);
    }

    @Test
    void every_preset_decodes_runs_and_ends_as_its_lesson_says() {
        assertTrue(Presets.names().containsAll(List.of("fastai-sgd", "fastai-sgd-es", "roller-coaster")));
        assertEquals(Presets.names().size(), Presets.names().stream().distinct().count(), "names are unique");
        for (Preset p : Presets.all()) {
            assertFalse(p.title().isBlank() || p.lesson().isBlank() || p.source().isBlank(), p.name());
            Map<Parameter<?>, String> settings = ExperimentCodec.presetSettings(p.name());
            assertFalse(settings.containsKey(Parameter.PRESET), p.name() + " does not name a preset itself");
            Experiment e = preset(p.name());
            assertEquals(p.name(), e.preset());
            TrainingRun run = new TrainingRun(e);
            run.all();
            Outcome.Kind expected = p.name().equals("diverging-lr") ? Outcome.Kind.DIVERGED : Outcome.Kind.DONE;
            assertEquals(expected, run.outcome().kind(), p.name());
        }
    }

    /**
     * fastbook's lesson: the loss falls fast, then stalls far above the best a parabola can do. Why, in numbers
     * derived here: the loss is exactly {@code loss* + (p − p*)ᵀG(p − p*)} with {@code G = AᵀA/n}, and each step
     * multiplies the error along the eigenvector {@code uⱼ} of {@code G} by {@code 1 − 2·lr·λⱼ}. The t² direction
     * has a huge λ and is gone in a few steps; the others have λ so small that ten steps at lr = 10⁻⁵ barely move
     * them. So the loss ends near {@code loss* + Σ_slow λⱼcⱼ²}, which this seed's start puts far above {@code loss*}.
     */
    @Test
    void the_roller_coaster_loss_falls_then_stalls_far_above_the_optimum_loss() {
        Experiment e = preset("roller-coaster");
        TrainingRun run = new TrainingRun(e);
        List<Frame> frames = run.all();
        Dataset points = run.points();
        Optimum optimum = Optimum.of(e.model(), points);
        double lr = e.learningRate();
        int steps = e.steps();

        SimpleEVD<SimpleMatrix> eig = new SimpleMatrix(NormalEquations.gram("quadratic", points)).eig();
        double[] start = frames.get(0).params(), best = optimum.params();
        double slowExcess = 0, totalExcess = 0;
        for (int j = 0; j < eig.getNumberOfEigenvalues(); j++) {
            double lambda = eig.getEigenvalue(j).getReal();
            SimpleMatrix u = eig.getEigenVector(j);
            double c = 0;
            for (int i = 0; i < start.length; i++) c += u.get(i) * (start[i] - best[i]) / u.normF();
            totalExcess += lambda * c * c;
            double shrinkOverRun = Math.pow(1 - 2 * lr * lambda, 2 * steps);
            // the loss along uⱼ at frame k: λc²(1 − 2·lr·λ)^{2k}; it predicts every frame's loss
            if (shrinkOverRun > 0.95) slowExcess += lambda * c * c;  // keeps over 95 % of itself for the whole run
        }
        assertEquals(optimum.loss() + totalExcess, frames.get(0).loss(), 1e-9 * frames.get(0).loss(),
            "the loss is the optimum plus the quadratic form: the decomposition is right");

        // falls: every step lowers the loss
        for (int i = 1; i <= steps; i++) assertTrue(frames.get(i).loss() < frames.get(i - 1).loss(), "frame " + i);
        // stalls: the last step gains less than 1 % of what the first one did
        double firstDrop = frames.get(0).loss() - frames.get(1).loss();
        double lastDrop = frames.get(steps - 1).loss() - frames.get(steps).loss();
        assertTrue(lastDrop < 0.01 * firstDrop, "first drop " + firstDrop + ", last " + lastDrop);
        // far above the optimum: the slow directions keep their share, and that share dwarfs loss*
        double end = frames.get(steps).loss();
        assertTrue(slowExcess > 10 * optimum.loss(), "the start's error lies mostly where lr = 1e-5 cannot reach");
        assertTrue(end >= optimum.loss() + 0.95 * slowExcess, "the slow directions' share remains");
        assertTrue(end > 10 * optimum.loss(), "stalls at " + end + ", the best parabola gets " + optimum.loss());
    }
}
