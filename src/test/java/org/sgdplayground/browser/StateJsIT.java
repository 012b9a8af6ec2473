package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;

/** The browser's modules that must agree with the server: state.js writes the links the codec writes. */
class StateJsIT {
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
        browser.openPlayground("/");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @Test
    void state_js_writes_the_same_shortest_link_as_the_servers_codec() {
        List<String> queries = List.of("", "preset=roller-coaster", "preset=roller-coaster&model=linear&lr=0.001",
            "model=quadratic", "preset=momentum&momentum=0.5&batch=10&seed=3", "init=1,2&noise=0.5&n=50&speed=10",
            "preset=fastai-sgd-es&init=random&steps=7&autoplay=1", "lr=0.10&steps=0100");
        for (String query : queries) {
            Experiment e = ExperimentCodec.decode(QueryStrings.parse(query));
            Map<String, String> settings = ExperimentCodec.settingsByKey(e);
            Object written = browser.jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + "import('/static/state.js').then(s => done(s.buildQuery(s.readBoot(), arguments[0])));", settings);
            assertEquals(ExperimentCodec.encode(e), written, "the link for ?" + query);
        }
    }

    @Test
    void the_one_number_format_never_shows_nan_and_keeps_four_significant_digits() {
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) browser.jsAsync(
            "const done = arguments[arguments.length - 1];"
                + "import('/static/format.js').then(f => done([NaN, Infinity, -Infinity, 0, 2.46318, 0.080726, 1234567, 2.5e-7, -3].map(f.formatNumber)));");
        assertEquals(List.of("—", "—", "—", "0", "2.463", "0.08073", "1.235e6", "2.5e-7", "-3"), shown);
    }
}
