package org.sgdplayground.page;

import java.util.List;
import org.sgdplayground.experiment.Domain;
import org.sgdplayground.experiment.Numbers;
import org.sgdplayground.experiment.Parameter;
import org.sgdplayground.i18n.Messages;

/**
 * A {@link Parameter}'s label, help and allowed values in the page's language, from the catalogue's
 * {@code param.KEY.*} and {@code allowed.*} keys; in English they read as the table's own words (a test holds them
 * together). The API keeps the table's English.
 */
final class ParameterWords {
    private ParameterWords() {}

    static String label(Parameter<?> p, Messages m) {
        return m.text("param." + p.key() + ".label");
    }

    static String help(Parameter<?> p, Messages m) {
        return m.text("param." + p.key() + ".help");
    }

    /** What {@code p} accepts, in words: {@link Domain#allowed()} in {@code m}'s language. */
    static String allowed(Parameter<?> p, Messages m) {
        return allowed(p.key(), p.domain(), m);
    }

    static String allowed(String key, Domain<?> d, Messages m) {
        if (d instanceof Domain.Choice c) return m.text("allowed.choice", "options", String.join(", ", c.options()));
        if (d instanceof Domain.Whole w) return m.text("allowed.whole", "min", w.min(), "max", w.max());
        if (d instanceof Domain.Real r) {
            String low = Numbers.format(r.min()), high = Numbers.format(r.max());
            if (r.minInclusive() && r.maxInclusive()) return m.text("allowed.real", "min", low, "max", high);
            return m.text("allowed.real.between", "low", m.text(r.minInclusive() ? "allowed.real.atLeast" : "allowed.real.above", "min", low),
                "high", m.text(r.maxInclusive() ? "allowed.real.atMost" : "allowed.real.below", "max", high));
        }
        if (d instanceof Domain.RealList l) {
            return m.text("allowed.list", "min", l.minLength(), "max", l.maxLength(), "low", Numbers.format(-l.magnitude()),
                "high", Numbers.format(l.magnitude()), "random", Domain.RealList.RANDOM);
        }
        if (d instanceof Domain.Token) {
            return m.text("param." + key + ".allowed", "lanes", org.sgdplayground.experiment.Limits.MAX_RACE_LANES,
                "optimizers", String.join(", ", org.sgdplayground.optim.Hyperparameters.NAMES));
        }
        return m.text("allowed.flag");
    }

    /** Every parameter's words, for a catalogue test to walk. */
    static List<String> keysOf(Parameter<?> p) {
        return p.domain() instanceof Domain.Token
            ? List.of("param." + p.key() + ".label", "param." + p.key() + ".help", "param." + p.key() + ".allowed")
            : List.of("param." + p.key() + ".label", "param." + p.key() + ".help");
    }
}
