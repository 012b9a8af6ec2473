package org.sgdplayground.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;

/** The page shows an optimizer's own settings and hides the others', as PyTorch's constructors take them. */
class OptimizerControlsTest {
    private static final Pattern HIDDEN_FIELD = Pattern.compile("<div class=\"field field-([a-z0-9_]+) hidden\">");
    private static final List<String> OPTIMIZER_KEYS =
        List.of("momentum", "dampening", "nesterov", "beta1", "beta2", "amsgrad", "alpha", "centered", "eps");

    private static TreeSet<String> shown(String query) {
        String page = PlaygroundPage.render(ExperimentCodec.decode(QueryStrings.parse(query)), "/oembed");
        TreeSet<String> hidden = new TreeSet<>();
        Matcher m = HIDDEN_FIELD.matcher(page);
        while (m.find()) hidden.add(m.group(1));
        TreeSet<String> out = new TreeSet<>(OPTIMIZER_KEYS);
        out.removeAll(hidden);
        return out;
    }

    @Test
    void each_optimizer_shows_the_settings_its_torch_class_takes() {
        assertEquals(new TreeSet<>(List.of("momentum", "dampening", "nesterov")), shown("preset=fastai-sgd"));
        assertEquals(new TreeSet<>(List.of("beta1", "beta2", "amsgrad", "eps")), shown("optimizer=adam"));
        assertEquals(new TreeSet<>(List.of("momentum", "alpha", "centered", "eps")), shown("optimizer=rmsprop"));
        assertEquals(new TreeSet<>(List.of("eps")), shown("optimizer=adagrad"));
    }

    @Test
    void weight_decay_and_the_learning_rate_are_every_optimizers() {
        for (String optimizer : new String[] {"sgd", "adam", "rmsprop", "adagrad"}) {
            String page = PlaygroundPage.render(ExperimentCodec.decode(Map.of("optimizer", optimizer)), "/oembed");
            assertEquals(false, page.contains("field-weight_decay hidden") || page.contains("field-lr hidden"), optimizer);
        }
    }
}
