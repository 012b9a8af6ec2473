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

    /** Iteration, loss and parameters; filled by the browser on every frame. */
    static DomContent readout(Experiment e) {
        return dl(
            div(dt("iteration"), dd(span("0").withId("iter"), span(" / " + e.steps()).withId("steps-total"))),
            div(dt("loss"), dd("—").withId("loss")),
            div(dt(PlaygroundPage.formula(e)), dd("—").withId("params")).withClass("params"),
            div(dt("status"), dd("ready").withId("outcome")).withClass("outcome")
        ).withClass("readout");
    }

    /** The "Embed" dialog: the iframe snippet and a copy button. */
    static DomContent embedDialog() {
        return dialog(
            h2("Embed this experiment"),
            p("Paste this into a blog post. The frame sizes itself if your page listens for its resize messages (see the README)."),
            textarea().withId("embed-snippet").attr("readonly").attr("rows", "4").attr("spellcheck", "false"),
            div(button("Copy snippet").withId("copy-embed").withType("button").withClass("primary"),
                button("Close").withId("close-embed").withType("button")).withClass("dialog-actions")
        ).withId("embed-dialog");
    }
}
