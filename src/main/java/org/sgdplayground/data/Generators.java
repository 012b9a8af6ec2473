package org.sgdplayground.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The seeded data generators, by name. */
public final class Generators {
    private Generators() {}

    /**
     * The lesson-2 points: {@code x ~ U(−1, 1)}, {@code y = 3x + 2 + noise·U(0, 1)}. As in the notebook, all of
     * {@code x} is drawn first, then all of the noise.
     */
    public static final Generator LINE = new Generator() {
        @Override public String name() { return "line"; }
        @Override public String description() { return "y = 3x + 2 + noise·U(0,1), x ~ U(−1,1) (fastai lesson 2)"; }
        @Override public double defaultNoise() { return 1; }
        @Override public Dataset generate(int n, double noise, long seed) {
            Lcg random = Seeds.sequence(seed, Seeds.DATA);
            double[] x = new double[n], y = new double[n];
            for (int i = 0; i < n; i++) x[i] = -1 + 2 * random.nextDouble();
            for (int i = 0; i < n; i++) y[i] = 3 * x[i] + 2 + noise * random.nextDouble();
            return new Dataset(x, y);
        }
    };

    /**
     * fastbook's roller coaster: {@code t = 0 … n−1}, {@code speed = noise·N(0,1) + 0.75·(t − c)² + 1} with
     * {@code c} the middle of the range ({@code 9.5} for the book's 20 points).
     */
    public static final Generator COASTER = new Generator() {
        @Override public String name() { return "coaster"; }
        @Override public String description() { return "speed = noise·N(0,1) + 0.75·(t − 9.5)² + 1, t = 0…19 (fastbook ch. 4)"; }
        @Override public double defaultNoise() { return 3; }
        @Override public Dataset generate(int n, double noise, long seed) {
            Lcg random = Seeds.sequence(seed, Seeds.DATA);
            double middle = (n - 1) / 2.0;
            double[] t = new double[n], speed = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = i;
                speed[i] = random.nextGaussian() * noise + 0.75 * (t[i] - middle) * (t[i] - middle) + 1;
            }
            return new Dataset(t, speed);
        }
    };

    private static final Map<String, Generator> BY_NAME;

    static {
        Map<String, Generator> table = new LinkedHashMap<>();
        for (Generator g : List.of(LINE, COASTER)) table.put(g.name(), g);
        BY_NAME = Collections.unmodifiableMap(table);
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static Optional<Generator> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
