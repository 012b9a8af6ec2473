package org.sgdplayground.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sgdplayground.data.Dataset;

/**
 * Sets recently saved or read, least recently used first out, up to a total number of points. A set never changes
 * under its id (the id is a hash of its points), so whatever is here is right, on every server sharing a database.
 */
final class RecentSets {
    private final int maxPoints;
    private final LinkedHashMap<String, Dataset> sets = new LinkedHashMap<>(16, 0.75f, true);
    private long points;

    RecentSets(int maxPoints) {
        this.maxPoints = maxPoints;
    }

    synchronized Dataset get(String id) {
        return sets.get(id);
    }

    /** Keeps {@code set} under {@code id}, forgetting the least recently used sets until the total fits. */
    synchronized void put(String id, Dataset set) {
        if (set.size() > maxPoints || sets.containsKey(id)) return;
        sets.put(id, set);
        points += set.size();
        for (Iterator<Map.Entry<String, Dataset>> it = sets.entrySet().iterator(); points > maxPoints && it.hasNext(); ) {
            points -= it.next().getValue().size();
            it.remove();
        }
    }

    synchronized int size() {
        return sets.size();
    }
}
