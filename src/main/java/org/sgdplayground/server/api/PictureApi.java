package org.sgdplayground.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import org.sgdplayground.experiment.Briefing;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.Frame;
import org.sgdplayground.experiment.Presets;
import org.sgdplayground.export.picture.PictureLimits;
import org.sgdplayground.export.picture.ReplayPage;
import org.sgdplayground.server.json.BriefingJson;
import org.sgdplayground.server.json.Json;
import org.sgdplayground.server.json.RaceJson;
import java.util.Map;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Outcome;
import org.sgdplayground.experiment.PointLookup;
import org.sgdplayground.export.picture.Palette;
import org.sgdplayground.export.picture.Pictures;
import org.sgdplayground.export.picture.Recording;
import org.sgdplayground.export.picture.RecentPictures;
import org.sgdplayground.export.picture.RunGif;
import org.sgdplayground.i18n.Messages;

/**
 * The picture exports of SPEC §7: {@code GET /export/plot.png}, {@code /export/run.gif} and {@code /export/replay.html},
 * each for the experiment in its query, decoded and refused exactly as {@code /api/train} decodes and refuses it.
 */
public final class PictureApi {
    /** A run's pictures never change (runs are deterministic, stored points immutable): caches may keep them a day. */
    private static final String CACHE = "public, max-age=86400";

    private final PointLookup stored;
    private final Function<String, String> browserCode = ReplayPage.browserCode();
    private final RecentPictures recent = new RecentPictures(PictureLimits.MAX_CACHED_PICTURE_BYTES);

    /** The exports, finding a query's {@code points=ID} in {@code stored}. */
    public PictureApi(PointLookup stored) {
        this.stored = stored;
    }

    public void register(RoutesConfig routes) {
        routes.get("/export/plot.png", this::png);
        routes.get("/export/run.gif", this::gif);
        routes.get("/export/replay.html", this::replay);
    }

    private void png(Context ctx) {
        Map<String, String> raw = query(ctx);
        Experiment e = ExperimentCodec.decode(raw, stored);
        Palette palette = Palette.byName(raw.get(Palette.PARAMETER));
        String iter = raw.getOrDefault(Recording.ITER, "").trim();
        Messages m = language(raw);
        byte[] png = recent.get(key("png", e, palette, iter, m), () -> {
            Recording run = Recording.of(e);
            return Pictures.png(run, palette, run.frameIndex(raw.get(Recording.ITER)), m);
        });
        ctx.contentType("image/png").header("Cache-Control", CACHE).result(png);
    }

    private void gif(Context ctx) {
        Map<String, String> raw = query(ctx);
        Experiment e = ExperimentCodec.decode(raw, stored);
        Palette palette = Palette.byName(raw.get(Palette.PARAMETER));
        Messages m = language(raw);
        byte[] gif = recent.get(key("gif", e, palette, "", m), () -> RunGif.of(Recording.of(e), palette, m));
        ctx.contentType("image/gif").header("Cache-Control", CACHE).result(gif);
    }

    private void replay(Context ctx) {
        Map<String, String> raw = query(ctx);
        Experiment e = ExperimentCodec.decode(raw, stored);
        Palette palette = Palette.byName(raw.get(Palette.PARAMETER));
        Recording run = Recording.of(e);
        List<Frame> kept = run.sampled(PictureLimits.stride(run.frames().size(), PictureLimits.MAX_REPLAY_FRAMES));
        String recording = run.lanes().isEmpty() ? runRecording(e, run, kept) : raceRecording(e, run, kept);
        Messages m = language(raw);
        String title = m.text("replay.title", "title", m.text("preset." + Presets.byName(e.preset()).orElse(Presets.defaultPreset()).name() + ".title"));
        ctx.header("Content-Security-Policy", ReplayPage.CONTENT_SECURITY_POLICY)
            .header("Content-Disposition", "inline; filename=\"sgd-playground-replay.html\"")
            .header("Cache-Control", CACHE)
            .html(ReplayPage.render(title, palette, recording, browserCode, m));
    }

    /** A run's recording, as the socket sends it: the data message, each kept frame's message, the outcome. */
    private static String runRecording(Experiment e, Recording run, List<Frame> kept) {
        StringBuilder out = new StringBuilder("{\"data\":").append(utf8(Json.dataMessage(Briefing.of(e, run.points()), false)))
            .append(",\"frames\":[");
        for (int i = 0; i < kept.size(); i++) out.append(i == 0 ? "" : ",").append(utf8(Json.frameMessage(kept.get(i))));
        return out.append("],\"outcome\":").append(utf8(Json.outcomeMessage(run.outcome()))).append('}').toString();
    }

    /**
     * A race's recording, as the socket sends it (SPEC §8): the data message naming the lanes; for each kept iteration
     * a message with every lane's frame, or its outcome in the first kept message after its last frame, or null once
     * it has ended; then every lane's outcome.
     */
    private static String raceRecording(Experiment e, Recording run, List<Frame> kept) {
        List<Recording.Lane> lanes = run.lanes();
        List<String> labels = lanes.stream().map(Recording.Lane::label).toList();
        StringBuilder out = new StringBuilder("{\"data\":")
            .append(utf8(RaceJson.dataMessage(Briefing.of(e, run.points()), labels, false, BriefingJson.Points.NUMBERS, null)))
            .append(",\"frames\":[");
        boolean[] told = new boolean[lanes.size()];
        for (int i = 0; i < kept.size(); i++) {
            int iter = kept.get(i).iter();
            Frame[] frames = new Frame[lanes.size()];
            Outcome[] endedNow = new Outcome[lanes.size()];
            for (int k = 0; k < frames.length; k++) {
                List<Frame> lane = lanes.get(k).frames();
                if (iter < lane.size()) frames[k] = lane.get(iter);
                else if (!told[k]) endedNow[k] = lanes.get(k).outcome();
                told[k] |= endedNow[k] != null;
            }
            out.append(i == 0 ? "" : ",").append(utf8(RaceJson.frameMessage(iter, frames, endedNow)));
        }
        return out.append("],\"outcome\":").append(utf8(RaceJson.outcomeMessage(lanes.stream().map(Recording.Lane::outcome).toList())))
            .append('}').toString();
    }

    /** What a picture shows: its kind, its colours, its frame, its words' language and the experiment's shortest link (points by their id). */
    private static String key(String kind, Experiment e, Palette palette, String iter, Messages m) {
        return kind + " " + palette.name() + " " + iter + " " + m.lang() + " " + ExperimentCodec.encode(e);
    }

    /** The link's language, as every export's (the Export menu's links and a page's preview picture carry the page's lang). */
    private static Messages language(Map<String, String> raw) {
        return Messages.orEnglish(ExperimentCodec.lang(raw).orElse(Messages.FALLBACK));
    }

    private static String utf8(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(Context ctx) {
        Map<String, String> raw = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> raw.put(k, v.isEmpty() ? "" : v.get(0)));
        return raw;
    }
}
