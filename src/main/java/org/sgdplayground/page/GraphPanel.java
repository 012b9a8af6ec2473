package org.sgdplayground.page;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import java.util.List;

/**
 * The Graph panel (SPEC §9): fastbook's seven steps as a strip, the loss's computation graph and its gradient written
 * out. The server renders the empty frame of it; {@code web/graph.js} fills it from the socket, and opens it on wide
 * screens or with {@code show=graph}.
 */
final class GraphPanel {
    private GraphPanel() {}

    /** fastbook chapter 4's seven steps, in order, with what each does here. */
    static final List<String[]> STEPS = List.of(
        new String[] {"init", "init", "the parameters start"},
        new String[] {"predict", "predict", "the forward pass computes ŷ"},
        new String[] {"loss", "loss", "ŷ meets y in the mean squared error"},
        new String[] {"gradient", "gradient", "the backward pass fills each node's gradient"},
        new String[] {"step", "step", "p ← p − lr·∇"},
        new String[] {"repeat", "repeat", "again, from predict"},
        new String[] {"stop", "stop", "after the last step"});

    static DomContent panel() {
        return details(
            summary(h2(text("Autograd you can see "), small("(the loss's graph, as the engine built it)"))),
            ol(each(STEPS, s -> li(span(s[1]).withClass("phase-name"), span(s[2]).withClass("phase-what"))
                .attr("data-phase", s[0]))).withId("seven-steps").withClass("seven-steps")
                .attr("aria-label", "fastbook's seven steps"),
            p(text("With the panel open, "), strong("Step"), text(" walks one update phase by phase. Hover or tap a point on "
                + "the plot to follow its row through every node.")).withClass("graph-hint"),
            div(div().withId("graph").withClass("graph").attr("role", "group")
                .attr("aria-label", "the loss's computation graph")).withClass("graph-wrap"),
            div(h3("The gradient, with this frame's numbers in"), div().withId("graph-maths").withClass("graph-maths"))
                .withClass("graph-maths-box")
        ).withId("graph-panel").withClass("panel graph-panel");
    }
}
