package org.sgdplayground.server.live;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.PointLookup;
import org.sgdplayground.experiment.InvalidParameterException;

/**
 * Socket queries decoded into experiments, the most recently used kept: when every viewer of a link reconnects at
 * once after a restart, a thousand identical queries are decoded once. Decoding checks every parameter against its
 * domain, at tens of microseconds a query warm and a millisecond on a fresh JVM; a look-up here hashes a few short
 * strings. The session's own flags ({@code at}, {@code paused}, {@code have}) are not part of the key: they do not change the
 * experiment. A query that does not decode is not kept; it throws as {@link ExperimentCodec#decode} does.
 */
final class ExperimentCache {
    private final int capacity;
    private final Map<Map<String, String>, Experiment> decoded;
    private final PointLookup stored;

    ExperimentCache(int capacity, PointLookup stored) {
        this.stored = stored;
        this.capacity = capacity;
        this.decoded = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Map<String, String>, Experiment> eldest) {
                return size() > ExperimentCache.this.capacity;
            }
        };
    }

    /**
     * The experiment {@code query} describes.
     *
     * @throws InvalidParameterException when it is not a valid experiment
     */
    Experiment decode(Map<String, String> query) {
        Map<String, String> key = new HashMap<>(query);
        key.remove(LiveSession.AT);
        key.remove(LiveSession.PAUSED);
        key.remove(LiveSession.HAVE);
        synchronized (this) {
            Experiment known = decoded.get(key);
            if (known != null) return known;
        }
        Experiment e = ExperimentCodec.decode(key, stored); // outside the lock: other queries need not wait
        synchronized (this) {
            decoded.put(key, e);
        }
        return e;
    }

    synchronized void clear() {
        decoded.clear();
    }

    synchronized int size() {
        return decoded.size();
    }
}
