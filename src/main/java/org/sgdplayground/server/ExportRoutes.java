package org.sgdplayground.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.PointLookup;
import org.sgdplayground.export.Export;
import org.sgdplayground.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /export/train.py}, {@code /export/notebook.ipynb}, {@code /export/frames.csv}, {@code /export/frames.json}
 * (SPEC §7): the query is decoded as every entry point decodes it, so a bad setting gets {@code /api/train}'s 400 and
 * an unknown {@code points} its 404, before a byte of the export; then the export streams to the client.
 */
final class ExportRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ExportRoutes.class);

    private ExportRoutes() {}

    static void register(RoutesConfig routes, PointLookup stored) {
        for (Export export : Export.values()) routes.get("/export/" + export.fileName(), ctx -> answer(ctx, export, stored));
    }

    private static void answer(Context ctx, Export export, PointLookup stored) throws IOException {
        Map<String, String> raw = Pages.query(ctx);
        Experiment e = ExperimentCodec.decode(raw, stored);
        // the link's language, not the browser's: a script fetching train.py gets the same file whoever runs it
        Messages m = Messages.orEnglish(ExperimentCodec.lang(raw).orElse(Messages.FALLBACK));
        ctx.contentType(export.mediaType());
        if (export.download()) ctx.header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
        OutputStream out = ctx.outputStream();
        try {
            export.write(e, Pages.origin(ctx), m, out);
            out.flush();
        } catch (IOException clientGone) {
            // the only I/O is the answer's: a client that stopped reading (a cancelled download) has nothing more to hear,
            // and the 500 the app's handler would try cannot be sent after the first bytes anyway
            LOG.debug("export {} ended early: {}", export.fileName(), clientGone.toString());
        }
    }
}
