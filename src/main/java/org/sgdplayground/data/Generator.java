package org.sgdplayground.data;

/** Makes {@code n} points from a seed, with noise of a given scale. */
public interface Generator {
    /** The name used in URLs, e.g. {@code line}. */
    String name();

    /** One line for people: what the points are. */
    String description();

    /** The noise scale the lesson used. */
    double defaultNoise();

    Dataset generate(int n, double noise, long seed);
}
