package org.sgdplayground.page;

import org.sgdplayground.experiment.Preset;
import org.sgdplayground.i18n.Messages;

/**
 * A preset's title, lesson and source in the page's language, from the catalogue's {@code preset.NAME.*} keys (the
 * English ones say what {@link Preset} says; a test holds them together).
 */
record PresetWords(String title, String lesson, String source) {
    static PresetWords of(Preset p, Messages m) {
        String key = "preset." + p.name() + ".";
        return new PresetWords(m.text(key + "title"), m.text(key + "lesson"), m.text(key + "source"));
    }
}
