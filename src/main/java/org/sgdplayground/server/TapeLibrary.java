package org.sgdplayground.server;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sgdplayground.experiment.Experiment;

/**
 * The tapes sessions share, by experiment: a thousand viewers of one preset cost one run of the engine. Keeps the
 * most recently used tapes up to a byte budget; a run too big to share gets a private, windowed tape.
 */
final class TapeLibrary {
    private final long budgetBytes;
    private final Map<Experiment, FrameTape> tapes = new LinkedHashMap<>(16, 0.75f, true);
    private long estimated;

    TapeLibrary(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** The tape for {@code e}: shared when it fits a sixteenth of the budget, else a fresh private one. */
    FrameTape tape(Experiment e) {
        long size = FrameTape.estimatedBytes(e);
        if (size > budgetBytes / 16) return new FrameTape(e, false);
        Experiment key = e;
        synchronized (this) {
            FrameTape t = tapes.get(key);
            if (t != null) return t;
        }
        FrameTape fresh = new FrameTape(key, true); // built outside the lock: other experiments need not wait
        synchronized (this) {
            FrameTape t = tapes.putIfAbsent(key, fresh);
            if (t != null) return t;
            estimated += size;
            Iterator<Map.Entry<Experiment, FrameTape>> oldest = tapes.entrySet().iterator();
            while (estimated > budgetBytes && oldest.hasNext()) {
                Map.Entry<Experiment, FrameTape> victim = oldest.next();
                if (victim.getValue() == fresh) continue;
                estimated -= FrameTape.estimatedBytes(victim.getKey());
                oldest.remove(); // sessions playing it keep their reference
            }
            return fresh;
        }
    }

    synchronized int size() {
        return tapes.size();
    }
}
