package org.sgdplayground.experiment;

/**
 * A named experiment: a title, the one thing it teaches, where it comes from, and its settings as a query
 * string read by the same codec as any link.
 */
public record Preset(String name, String title, String lesson, String source, String query) {}
