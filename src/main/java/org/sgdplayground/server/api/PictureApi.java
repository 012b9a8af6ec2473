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
import org.sgdplayground.server.json.Json;
import java.util.Map;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Parameter;
import org.sgdplayground.experiment.InvalidParameterException;
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
        Experiment e = oneRun(ExperimentCodec.decode(raw, stored));
        Palette palette = Palette.byName(raw.get(Palette.PARAMETER));
        Recording run = Recording.of(e);
        List<Frame> kept = run.sampled(PictureLimits.stride(run.frames().size(), PictureLimits.MAX_REPLAY_FRAMES));
        StringBuilder recording = new StringBuilder("{\"data\":")
            .append(utf8(Json.dataMessage(Briefing.of(e, run.points()), false))).append(",\"frames\":[");
        for (int i = 0; i < kept.size(); i++) recording.append(i == 0 ? "" : ",").append(utf8(Json.frameMessage(kept.get(i))));
        recording.append("],\"outcome\":").append(utf8(Json.outcomeMessage(run.outcome()))).append('}');
        Messages m = language(raw);
        String title = m.text("replay.title", "title", m.text("preset." + Presets.byName(e.preset()).orElse(Presets.defaultPreset()).name() + ".title"));
        ctx.header("Content-Security-Policy", ReplayPage.CONTENT_SECURITY_POLICY)
            .header("Content-Disposition", "inline; filename=\"sgd-playground-replay.html\"")
            .header("Cache-Control", CACHE)
            .html(ReplayPage.render(title, palette, recording.toString(), browserCode, m));
    }

    /** {@code e}, or a 400 naming {@code race} when it is one: the replay plays a single run. */
    private static Experiment oneRun(Experiment e) {
        if (!e.optimizer().isRace()) return e;
        throw new InvalidParameterException(Parameter.RACE.key(), e.optimizer().race(), PictureLimits.RACE_NOT_REPLAYED);
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
