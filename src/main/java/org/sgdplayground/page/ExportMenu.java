package org.sgdplayground.page;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import java.util.List;
import org.sgdplayground.experiment.Experiment;

/**
 * The Export menu (SPEC §7): a disclosure listing every file the run can be taken home as, each link carrying the
 * experiment's query ({@code points=ID} included). Works without script; {@code web/export.js} keeps the links in step
 * as the controls change the run.
 */
final class ExportMenu {
    private ExportMenu() {}

    /**
     * One entry: the file under {@code /export/}, what a person gets, and whether the browser should save it rather
     * than show it.
     */
    record Entry(String file, String label, String note, boolean download) {}

    static final List<Entry> ENTRIES = List.of(
        new Entry("train.py", "PyTorch script", "train.py: reproduces this run, step for step", true),
        new Entry("notebook.ipynb", "Jupyter notebook", "the same, cell by cell, with a plot", true),
        new Entry("frames.csv", "Frames as CSV", "iter, loss, parameters, gradient", true),
        new Entry("frames.json", "Frames as JSON", "every frame and the outcome", false),
        new Entry("plot.png", "Picture", "the plot as a PNG, 1200×630", true),
        new Entry("run.gif", "Animation", "the run as an animated GIF", true),
        new Entry("replay.html", "Replay page", "one HTML file that plays the run with no server", true));

    static DomContent render(Experiment e) {
        String query = PlaygroundPage.query(e);
        return details(
            summary("Export").withClass("button-like"),
            ul(each(ENTRIES, entry -> li(
                a(span(entry.label()).withClass("export-label"), span(entry.note()).withClass("export-note"))
                    .withHref("/export/" + entry.file() + "?" + query)
                    .attr("data-export", entry.file())
                    .condAttr(entry.download(), "download", entry.file()))))
                .withClass("export-list")
        ).withId("export-menu").withClass("export-menu");
    }
}
