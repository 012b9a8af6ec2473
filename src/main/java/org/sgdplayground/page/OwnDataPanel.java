package org.sgdplayground.page;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import java.util.Map;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.Limits;
import org.sgdplayground.i18n.Messages;

/**
 * "Your data" (SPEC §6), folded under its one-line summary unless the page shows own points: how to edit the points on the plot, a box to paste a table into, a file to upload, the
 * column pickers a wide table needs, the message a refused table gets, and the way back to generated points.
 * {@code owndata.js} brings it to life.
 */
final class OwnDataPanel {
    private OwnDataPanel() {}

    static DomContent of(Experiment e, Messages m) {
        boolean own = e.points() != null && !e.points().isEmpty();
        return details(
            summary(span(m.text("own.title")).withClass("own-title"), span(" " + m.text("own.teaser")).withClass("own-teaser")),
            p(Words.rich(m, "own.hint", Map.of("click", strong(m.text("own.hint.click")), "drag", strong(m.text("own.hint.drag")),
                "rightClick", strong(m.text("own.hint.rightClick")), "delete", kbd("Delete"), "ctrl", kbd("Ctrl"), "z", kbd("Z")))
            ).withClass("own-hint"),
            form(
                label(text(m.text("own.paste") + " "), small(m.text("own.paste.note"))).withFor("own-table"),
                textarea().withId("own-table").attr("rows", "5").attr("spellcheck", "false")
                    .attr("placeholder", "x,y\n1,2.5\n2,4.1\n3,6.2").attr("aria-describedby", "own-message"),
                div(
                    label(text(m.text("own.xcol") + " "), select().withId("own-xcol")),
                    label(text(m.text("own.ycol") + " "), select().withId("own-ycol"))
                ).withId("own-columns").withClass("own-columns hidden"),
                div(
                    button(m.text("own.use")).withId("own-use").withType("submit"),
                    label(text(m.text("own.upload")),
                        input().withType("file").withId("own-file").attr("accept", ".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain")
                            .withClass("visually-hidden")).withClass("button-like").withFor("own-file")
                ).withClass("own-actions")
            ).withId("own-form"),
            p().withId("own-message").withClass("own-message").attr("role", "status").attr("aria-live", "polite"),
            div(
                button(m.text("own.back")).withId("own-back").withType("button").withClass("quiet"),
                a(m.text("own.download")).withId("own-download").withHref(own ? "/api/points/" + e.points() + ".csv" : "#")
                    .attr("download", "points.csv")
            ).withId("own-stored").withClass("own-stored" + (own ? "" : " hidden")),
            p(m.text("own.smallPrint", "points", String.format("%,d", Limits.MAX_POINTS), "megabytes", Limits.MAX_BODY_BYTES >> 20))
                .withClass("small-print")
        ).withId("own-data").withClass("panel own-data").withCondOpen(own);
    }
}
