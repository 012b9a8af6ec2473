package org.sgdplayground.page;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import java.util.List;
import org.sgdplayground.i18n.Messages;

/**
 * The Graph panel (SPEC §9): fastbook's seven steps as a strip, the loss's computation graph and its gradient written
 * out. The server renders the empty frame of it; {@code web/graph.js} fills it from the socket, and opens it on wide
 * screens or with {@code show=graph}.
 */
final class GraphPanel {
    private GraphPanel() {}

    /** fastbook chapter 4's seven steps, in order; each one's name and what it does here are {@code graph.phase.NAME.*}. */
    static final List<String> STEPS = List.of("init", "predict", "loss", "gradient", "step", "repeat", "stop");

    static DomContent panel(Messages m) {
        return details(
            summary(h2(text(m.text("graph.title") + " "), small(m.text("graph.title.note")))),
            ol(each(STEPS, s -> li(span(m.text("graph.phase." + s + ".name")).withClass("phase-name"),
                span(m.text("graph.phase." + s + ".what")).withClass("phase-what"))
                .attr("data-phase", s))).withId("seven-steps").withClass("seven-steps")
                .attr("aria-label", m.text("graph.steps.label")),
            p(Words.rich(m, "graph.hint", java.util.Map.of("step", strong(m.text("transport.step"))))).withClass("graph-hint"),
            div(div().withId("graph").withClass("graph").attr("role", "group")
                .attr("aria-label", m.text("graph.label"))).withClass("graph-wrap"),
            div(h3(m.text("graph.maths.title")), div().withId("graph-maths").withClass("graph-maths"))
                .withClass("graph-maths-box")
        ).withId("graph-panel").withClass("panel graph-panel");
    }
}
