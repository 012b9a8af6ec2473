package org.sgdplayground.page;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import org.sgdplayground.experiment.Experiment;

/** Pieces the full page and the embed share. */
final class Partials {
    private Partials() {}

    /** Play/pause, step, reset and the connection status. */
    static DomContent transport() {
        return div(
            button("Play").withId("play").withType("button").withClass("primary").attr("aria-pressed", "false"),
            button("Step").withId("step").withType("button").withTitle("one update (→)"),
            button("Reset").withId("reset").withType("button").withTitle("back to iteration 0 (r)"),
            span().withId("status").withClass("status").attr("role", "status")
        ).withClass("transport");
    }

    /** The plot canvas with its legend and the banner that announces divergence or a lost connection. */
    static DomContent stage() {
        return div(
            canvas().withId("plot").withClass("plot").attr("aria-label", "the points and the fitted curve"),
            div().withId("banner").withClass("banner hidden").attr("role", "alert")
        ).withClass("plot-wrap");
    }

    /**
     * The loss landscape: a heatmap of the loss over two parameters with the run's path, a picker for the pair
     * (a quadratic has three), its legend and the condition number's sentence. Clicking it starts a run there.
     */
    static DomContent landscape() {
        return div(
            div(h2("Loss landscape"),
                label(span("show").withClass("visually-hidden"), select().withId("landscape-axes").attr("aria-label", "parameters on the landscape's axes"))
                    .withClass("landscape-pick hidden")).withClass("panel-head"),
            canvas().withId("landscape").withClass("landscape")
                .attr("aria-label", "the loss over two parameters, log colour scale, with the path of the run; click to start there")
                .withTitle("click to start the run here"),
            p().withId("landscape-legend").withClass("landscape-legend"),
            div().withId("grad-bars").withClass("grad-bars").attr("role", "img")
                .attr("aria-label", "the gradient's size for each parameter, log scale")
                .withTitle("|∂L/∂p| for this frame; each bar spans six powers of ten below the largest"),
            p().withId("conditioning").withClass("conditioning")
        ).withClass("panel landscape-panel");
    }

    /**
     * fastbook's strip for the roller coaster: four small plots of the predictions at chosen iterations (the
     * book's first four steps by default), filled in as the run reaches them. Hidden for other data.
     */
    static DomContent strip() {
        return div(
            div(h2(text("Step by step "), small("(fastbook's row of plots)")),
                label(span("iterations").withClass("strip-label"),
                    input().withType("text").withId("strip-iters").withValue("1,2,3,4").attr("inputmode", "numeric")
                        .attr("spellcheck", "false").attr("aria-label", "the four iterations to show, comma separated"))
            ).withClass("panel-head"),
            div(each(java.util.List.of(1, 2, 3, 4), k -> canvas().withClass("strip-cell")
                .attr("aria-label", "the predictions at a chosen iteration"))).withClass("strip")
        ).withId("strip-panel").withClass("panel strip-panel hidden");
    }

    /** Iteration, loss and parameters, then the page's own {@code rows}; filled by the browser on every frame. */
    static DomContent readout(Experiment e, DomContent... rows) {
        return dl(
            div(dt("iteration"), dd(span("0").withId("iter"), span(" / " + e.steps()).withId("steps-total"))),
            div(dt("loss"), dd("—").withId("loss")),
            div(dt(PlaygroundPage.formula(e)), dd("—").withId("params")).withClass("params"),
            each(rows)
        ).withClass("readout");
    }

    /**
     * What a screen reader is told of the run: a polite live region, off screen, that {@code readout.js} fills at
     * most every few seconds while the run plays and at once with its outcome (the readout above it changes 50
     * times a second and is not live).
     */
    static DomContent announcer() {
        return p().withId("announce").withClass("visually-hidden").attr("aria-live", "polite").attr("aria-atomic", "true");
    }

    /** The "Embed" dialog: the iframe snippet and a copy button. */
    static DomContent embedDialog() {
        return dialog(
            h2("Embed this experiment"),
            p("Paste this into a blog post: the playground lays itself out to the frame's size, no script needed. "
                + "A page that would rather size the frame to the playground can listen for its resize messages (see the README)."),
            textarea().withId("embed-snippet").attr("readonly").attr("rows", "4").attr("spellcheck", "false"),
            div(button("Copy snippet").withId("copy-embed").withType("button").withClass("primary"),
                button("Close").withId("close-embed").withType("button")).withClass("dialog-actions")
        ).withId("embed-dialog");
    }
}
