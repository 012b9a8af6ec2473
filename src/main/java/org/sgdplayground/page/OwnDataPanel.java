package org.sgdplayground.page;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.Limits;

/**
 * "Your data" (SPEC §6), folded under its one-line summary unless the page shows own points: how to edit the points on the plot, a box to paste a table into, a file to upload, the
 * column pickers a wide table needs, the message a refused table gets, and the way back to generated points.
 * {@code owndata.js} brings it to life.
 */
final class OwnDataPanel {
    private OwnDataPanel() {}

    static DomContent of(Experiment e) {
        boolean own = e.points() != null && !e.points().isEmpty();
        return details(
            summary(span("Your data").withClass("own-title"), span(" click the plot to add points, or paste a table").withClass("own-teaser")),
            p(text("On the plot: "), strong("click"), text(" to add a point, "), strong("drag"), text(" one to move it, "),
                strong("right-click"), text(" it, long-press it or select it and press "), kbd("Delete"), text(" to remove it; "),
                kbd("Ctrl"), text("+"), kbd("Z"), text(" undoes. Or paste a table, upload a file or drop one on the plot.")
            ).withClass("own-hint"),
            form(
                label(text("Paste x,y rows "), small("(comma, semicolon or tab; a header is optional)")).withFor("own-table"),
                textarea().withId("own-table").attr("rows", "5").attr("spellcheck", "false")
                    .attr("placeholder", "x,y\n1,2.5\n2,4.1\n3,6.2").attr("aria-describedby", "own-message"),
                div(
                    label(text("x column "), select().withId("own-xcol")),
                    label(text("y column "), select().withId("own-ycol"))
                ).withId("own-columns").withClass("own-columns hidden"),
                div(
                    button("Use these points").withId("own-use").withType("submit"),
                    label(text("Upload .csv/.tsv"),
                        input().withType("file").withId("own-file").attr("accept", ".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain")
                            .withClass("visually-hidden")).withClass("button-like").withFor("own-file")
                ).withClass("own-actions")
            ).withId("own-form"),
            p().withId("own-message").withClass("own-message").attr("role", "status").attr("aria-live", "polite"),
            div(
                button("Back to generated data").withId("own-back").withType("button").withClass("quiet"),
                a("Download these points (.csv)").withId("own-download").withHref(own ? "/api/points/" + e.points() + ".csv" : "#")
                    .attr("download", "points.csv")
            ).withId("own-stored").withClass("own-stored" + (own ? "" : " hidden")),
            p(text("Up to " + String.format("%,d", Limits.MAX_POINTS) + " points and " + (Limits.MAX_BODY_BYTES >> 20)
                + " MB a table. Stored points get a link that keeps working; anyone with the link can see them."))
                .withClass("small-print")
        ).withId("own-data").withClass("panel own-data").withCondOpen(own);
    }
}
