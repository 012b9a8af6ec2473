package org.sgdplayground.server.live;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sgdplayground.experiment.Experiment;

/**
 * The tapes sessions share, by experiment: a thousand viewers of one preset cost one run of the engine. Keeps the
 * most recently used tapes up to a byte budget; a run too big to share gets a private, windowed tape.
 */
public final class TapeLibrary {
    private final long budgetBytes;
    private final Map<Experiment, Slot> slots = new LinkedHashMap<>(16, 0.75f, true);
    private long estimated;

    TapeLibrary(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** The tape for {@code e}: shared when it fits a sixteenth of the budget, else a fresh private one. */
    FrameTape tape(Experiment e) {
        long size = FrameTape.estimatedBytes(e);
        if (size > budgetBytes / 16) return new FrameTape(e, false);
        Slot slot;
        synchronized (this) {
            slot = slots.get(e);
            if (slot == null) {
                slot = new Slot(e);
                slots.put(e, slot);
                estimated += size;
                evictBeyondBudget(slot);
            }
        }
        return slot.tape(); // built once, outside the library's lock: other experiments need not wait
    }

    private void evictBeyondBudget(Slot keep) {
        Iterator<Map.Entry<Experiment, Slot>> oldest = slots.entrySet().iterator();
        while (estimated > budgetBytes && oldest.hasNext()) {
            Map.Entry<Experiment, Slot> victim = oldest.next();
            if (victim.getValue() == keep) continue;
            estimated -= FrameTape.estimatedBytes(victim.getKey());
            oldest.remove(); // sessions playing it keep their reference
        }
    }

    /** Forgets every tape; sessions playing one keep it, and the next viewer of an experiment computes it anew. */
    synchronized void clear() {
        slots.clear();
        estimated = 0;
    }

    synchronized int size() {
        return slots.size();
    }

    /** One experiment's tape, built by whichever session asks first while the others wait for it. */
    private static final class Slot {
        private final Experiment experiment;
        private volatile FrameTape tape;

        Slot(Experiment experiment) {
            this.experiment = experiment;
        }

        FrameTape tape() {
            FrameTape t = tape;
            if (t != null) return t;
            synchronized (this) {
                if (tape == null) tape = new FrameTape(experiment, true);
                return tape;
            }
        }
    }
}
