package org.sgdplayground.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Parameter;
import org.sgdplayground.experiment.Preset;
import org.sgdplayground.experiment.Presets;
import org.sgdplayground.i18n.Messages;

/**
 * The English catalogue says what the parameter table and the presets say (the API answers with those), so the two
 * cannot drift apart; every other language has its own words for each.
 */
class PageWordsTest {
    private static final Messages EN = Messages.english(), ES = Messages.of("es").orElseThrow();

    @Test
    void in_english_every_parameter_reads_as_the_table_writes_it() {
        for (Parameter<?> p : Parameter.values()) {
            assertEquals(p.label(), ParameterWords.label(p, EN), p.key());
            assertEquals(p.help(), ParameterWords.help(p, EN), p.key());
            assertEquals(p.domain().allowed(), ParameterWords.allowed(p, EN), p.key());
        }
    }

    @Test
    void in_english_every_preset_reads_as_presets_writes_it() {
        for (Preset p : Presets.all()) {
            assertEquals(new PresetWords(p.title(), p.lesson(), p.source()), PresetWords.of(p, EN), p.name());
        }
    }

    @Test
    void in_spanish_every_help_and_every_lesson_is_a_translation() {
        for (Parameter<?> p : Parameter.values()) assertNotEquals(p.help(), ParameterWords.help(p, ES), p.key());
        for (Preset p : Presets.all()) assertNotEquals(p.lesson(), PresetWords.of(p, ES).lesson(), p.name());
    }
}
