package org.sgdplayground.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sgdplayground.data.Dataset;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.export.Export;

/** The page's Export menu, as the server renders it: every export, each link the experiment's own query. */
class ExportMenuTest {
    private static final Pattern LINK = Pattern.compile("<a href=\"/export/([^\"?]+)\\?([^\"]*)\" data-export=\"([^\"]+)\"");

    private static List<String[]> links(Experiment e) {
        Matcher m = LINK.matcher(PlaygroundPage.render(e, "/oembed"));
        List<String[]> out = new ArrayList<>();
        while (m.find()) out.add(new String[] {m.group(1), m.group(2).replace("&amp;", "&"), m.group(3)});
        return out;
    }

    @Test
    void the_menu_lists_every_export_the_server_writes_and_the_pictures_and_replay() {
        List<String> files = links(ExperimentCodec.decode(Map.of())).stream().map(l -> l[0]).toList();
        assertTrue(files.containsAll(Arrays.stream(Export.values()).map(Export::fileName).toList()), files.toString());
        assertTrue(files.containsAll(List.of("plot.png", "run.gif", "replay.html")), files.toString());
        assertEquals(7, files.size());
    }

    @Test
    void each_link_carries_the_experiment_s_query_stored_points_included() {
        Experiment stored = ExperimentCodec.decode(Map.of("points", "PoEaCmHUkGFG3ONM", "lr", "0.05"), null, null,
            id -> java.util.Optional.of(new Dataset(new double[] {0, 1, 2}, new double[] {1, 3, 5.5})));
        for (Experiment e : List.of(ExperimentCodec.decode(Map.of("preset", "roller-coaster", "lr", "2e-5")), stored)) {
            for (String[] link : links(e)) {
                assertEquals(ExperimentCodec.encode(e), link[1], link[0]);
                assertEquals(link[0], link[2], "the script finds the link by its file");
            }
        }
        assertTrue(ExperimentCodec.encode(stored).contains("points=PoEaCmHUkGFG3ONM"));
    }
}
