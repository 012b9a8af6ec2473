package org.sgdplayground.page;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import java.util.List;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.i18n.Messages;

/**
 * The Export menu (SPEC §7): a disclosure listing every file the run can be taken home as, each link carrying the
 * experiment's query ({@code points=ID} included, and {@code lang=} so the notebook's words are the page's). Works
 * without script; {@code web/export.js} keeps the links in step as the controls change the run.
 */
final class ExportMenu {
    private ExportMenu() {}

    /**
     * One entry: the file under {@code /export/}, its words in the catalogue ({@code export.KEY.label}, {@code .note}),
     * and whether the browser should save it rather than show it.
     */
    record Entry(String file, String key, boolean download) {}

    static final List<Entry> ENTRIES = List.of(
        new Entry("train.py", "script", true),
        new Entry("notebook.ipynb", "notebook", true),
        new Entry("frames.csv", "csv", true),
        new Entry("frames.json", "json", false),
        new Entry("plot.png", "png", true),
        new Entry("run.gif", "gif", true),
        new Entry("replay.html", "replay", true));

    static DomContent render(Experiment e, Messages m) {
        String query = PlaygroundPage.query(e, m);
        return details(
            summary(m.text("export.menu")).withClass("button-like"),
            ul(each(ENTRIES, entry -> li(
                a(span(m.text("export." + entry.key() + ".label")).withClass("export-label"),
                    span(m.text("export." + entry.key() + ".note")).withClass("export-note"))
                    .withHref("/export/" + entry.file() + "?" + query)
                    .attr("data-export", entry.file())
                    .condAttr(entry.download(), "download", entry.file()))))
                .withClass("export-list")
        ).withId("export-menu").withClass("export-menu");
    }
}
