package org.sgdplayground.page;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.i18n.Messages;

/** Pieces the full page and the embed share. */
final class Partials {
    private Partials() {}

    /** Play/pause, step, reset and the connection status. */
    static DomContent transport(Messages m) {
        return div(
            button(m.text("transport.play")).withId("play").withType("button").withClass("primary").attr("aria-pressed", "false"),
            button(m.text("transport.step")).withId("step").withType("button").withTitle(m.text("transport.step.title")),
            button(m.text("transport.reset")).withId("reset").withType("button").withTitle(m.text("transport.reset.title")),
            span().withId("status").withClass("status").attr("role", "status")
        ).withClass("transport");
    }

    /** The plot canvas with its legend and the banner that announces divergence or a lost connection. */
    static DomContent stage(Messages m) {
        return div(
            canvas().withId("plot").withClass("plot").attr("aria-label", m.text("plot.label")),
            div().withId("banner").withClass("banner hidden").attr("role", "alert")
        ).withClass("plot-wrap");
    }

    /**
     * The loss landscape: a heatmap of the loss over two parameters with the run's path, a picker for the pair
     * (a quadratic has three), its legend and the condition number's sentence. Clicking it starts a run there.
     */
    static DomContent landscape(Messages m) {
        return div(
            div(h2(m.text("landscape.title")),
                label(span(m.text("landscape.axes.show")).withClass("visually-hidden"), select().withId("landscape-axes").attr("aria-label", m.text("landscape.axes.label")))
                    .withClass("landscape-pick hidden")).withClass("panel-head"),
            canvas().withId("landscape").withClass("landscape")
                .attr("aria-label", m.text("landscape.label"))
                .withTitle(m.text("landscape.title.hint")),
            p().withId("landscape-legend").withClass("landscape-legend"),
            div().withId("grad-bars").withClass("grad-bars").attr("role", "img")
                .attr("aria-label", m.text("gradbars.label"))
                .withTitle(m.text("gradbars.title")),
            p().withId("conditioning").withClass("conditioning")
        ).withClass("panel landscape-panel");
    }

    /**
     * fastbook's strip for the roller coaster: four small plots of the predictions at chosen iterations (the
     * book's first four steps by default), filled in as the run reaches them. Hidden for other data.
     */
    static DomContent strip(Messages m) {
        return div(
            div(h2(text(m.text("strip.title") + " "), small(m.text("strip.title.note"))),
                label(span(m.text("strip.iterations")).withClass("strip-label"),
                    input().withType("text").withId("strip-iters").withValue("1,2,3,4").attr("inputmode", "numeric")
                        .attr("spellcheck", "false").attr("aria-label", m.text("strip.iterations.label")))
            ).withClass("panel-head"),
            div(each(java.util.List.of(1, 2, 3, 4), k -> canvas().withClass("strip-cell")
                .attr("aria-label", m.text("strip.cell.label")))).withClass("strip")
        ).withId("strip-panel").withClass("panel strip-panel hidden");
    }

    /** Iteration, loss and parameters, then the page's own {@code rows}; filled by the browser on every frame. */
    static DomContent readout(Experiment e, Messages m, DomContent... rows) {
        return dl(
            div(dt(m.text("readout.iteration")), dd(span("0").withId("iter"), span(" / " + e.steps()).withId("steps-total"))),
            div(dt(m.text("readout.loss")), dd("—").withId("loss")),
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
    static DomContent embedDialog(Messages m) {
        return dialog(
            h2(m.text("embed.dialog.title")),
            p(m.text("embed.dialog.text")),
            textarea().withId("embed-snippet").attr("readonly").attr("rows", "4").attr("spellcheck", "false"),
            div(button(m.text("embed.dialog.copy")).withId("copy-embed").withType("button").withClass("primary"),
                button(m.text("embed.dialog.close")).withId("close-embed").withType("button")).withClass("dialog-actions")
        ).withId("embed-dialog");
    }
}
