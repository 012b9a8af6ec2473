package org.sgdplayground.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sgdplayground.autograd.Tensor;

/** The table of models by name, in the order the dropdown lists them. */
public final class Models {
    private Models() {}

    /** {@code p0·x + p1}: the lesson-2 line. */
    public static final Model LINEAR = new Model() {
        @Override public String name() { return "linear"; }
        @Override public String formula() { return "p0·x + p1"; }
        @Override public List<String> parameterNames() { return List.of("p0", "p1"); }
        @Override public Tensor predict(Tensor x, Tensor p) { return x.mul(p.at(0)).add(p.at(1)); }
        @Override public double[] features(double x) { return new double[] {x, 1}; }
    };

    /** {@code p0·x² + p1·x + p2}: fastbook's {@code a*(t**2) + (b*t) + c}. */
    public static final Model QUADRATIC = new Model() {
        @Override public String name() { return "quadratic"; }
        @Override public String formula() { return "p0·x² + p1·x + p2"; }
        @Override public List<String> parameterNames() { return List.of("p0", "p1", "p2"); }
        @Override public Tensor predict(Tensor x, Tensor p) { return x.pow(2).mul(p.at(0)).add(x.mul(p.at(1))).add(p.at(2)); }
        @Override public double[] features(double x) { return new double[] {x * x, x, 1}; }
    };

    private static final Map<String, Model> BY_NAME = byName(LINEAR, QUADRATIC);

    private static Map<String, Model> byName(Model... models) {
        Map<String, Model> table = new LinkedHashMap<>();
        for (Model m : models) table.put(m.name(), m);
        return java.util.Collections.unmodifiableMap(table);
    }

    /** Every model, in dropdown order. */
    public static List<Model> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static Optional<Model> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
