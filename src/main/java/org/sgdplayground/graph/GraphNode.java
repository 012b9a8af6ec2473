package org.sgdplayground.graph;

/**
 * One tensor of the loss's graph as a person reads it (SPEC §9).
 *
 * @param id    its place in the graph's topological order (parents first), which edges name
 * @param op    the engine's own name for the op that made it ({@code Op.name()}): {@code leaf}, {@code ⊙}, {@code [0]} …
 * @param label what it is: {@code x}, {@code y}, {@code p0}, {@code ŷ}, {@code L}, or the expression it computes
 * @param rows  its shape's rows
 * @param cols  its shape's columns
 * @param stage {@code leaf}, {@code predict} (computed from the inputs and parameters alone) or {@code loss} (after ŷ
 *              meets y): which of fastbook's steps computes it
 * @param param for a parameter's own node ({@code p0}, {@code p1} …), its index; otherwise −1
 */
public record GraphNode(int id, String op, String label, int rows, int cols, String stage, int param) {
    /** Whether the node holds one number ({@code 1 × 1}). */
    public boolean isScalar() {
        return rows == 1 && cols == 1;
    }
}
