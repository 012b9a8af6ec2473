package org.sgdplayground.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sgdplayground.i18n.Messages;

/** {@code lang=}: a parameter of the one table that links keep, though no experiment holds it (the run is the same in every language). */
class LanguageLinksTest {
    @Test
    void a_link_in_spanish_round_trips_its_language_and_its_run() {
        for (String query : new String[] {"preset=fastai-sgd", "preset=roller-coaster&lr=2e-5&steps=7", "preset=momentum&batch=10"}) {
            Experiment e = ExperimentCodec.decode(QueryStrings.parse(query));
            String spanish = ExperimentCodec.encode(e, "es");
            assertEquals(ExperimentCodec.encode(e) + "&lang=es", spanish, "lang comes last, as state.js writes it");
            Map<String, String> back = QueryStrings.parse(spanish);
            assertEquals(Optional.of("es"), ExperimentCodec.lang(back));
            assertEquals(e, ExperimentCodec.decode(back), "the language does not change the run");
        }
    }

    @Test
    void the_spanish_preset_opens_in_spanish_and_its_link_need_not_say_so() {
        Experiment es = ExperimentCodec.decode(Map.of("preset", "fastai-sgd-es"));
        assertEquals(Optional.of("es"), ExperimentCodec.lang(Map.of("preset", "fastai-sgd-es")));
        assertEquals("preset=fastai-sgd-es", ExperimentCodec.encode(es, "es"));
        assertEquals("preset=fastai-sgd-es&lang=en", ExperimentCodec.encode(es, "en"), "English must be said on the Spanish lesson");
        assertEquals(Optional.of("en"), ExperimentCodec.lang(Map.of("preset", "fastai-sgd-es", "lang", "en")), "the link beats its preset");
    }

    @Test
    void a_link_that_names_no_language_leaves_it_to_the_browser() {
        assertEquals(Optional.empty(), ExperimentCodec.lang(Map.of()));
        assertEquals(Optional.empty(), ExperimentCodec.lang(Map.of("preset", "roller-coaster", "lang", " ")));
        assertEquals(Optional.empty(), ExperimentCodec.lang(Map.of("preset", "no-such-preset")), "decode names the bad preset");
        assertEquals("preset=fastai-sgd", ExperimentCodec.encode(ExperimentCodec.decode(Map.of()), Messages.FALLBACK));
    }

    @Test
    void a_language_without_a_catalogue_is_refused_naming_lang_and_the_languages_there_are() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> ExperimentCodec.decode(Map.of("lang", "fr")));
        assertEquals("lang", e.parameter());
        assertEquals("fr", e.value());
        assertEquals("one of " + String.join(", ", Messages.languages()), e.allowed());
        assertThrows(InvalidParameterException.class, () -> ExperimentCodec.lang(Map.of("lang", "fr")));
    }

    @Test
    void lang_is_in_the_table_but_in_no_experiment() {
        assertTrue(Parameter.values().contains(Parameter.LANG));
        assertFalse(Parameter.LANG.inExperiment());
        assertFalse(ExperimentCodec.settingsByKey(ExperimentCodec.decode(Map.of("lang", "es"))).containsKey("lang"));
        assertEquals("es", ExperimentCodec.presetSettings("fastai-sgd-es").get(Parameter.LANG));
    }
}
