package org.sgdplayground.server.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.sgdplayground.experiment.Limits;

/** A request body read under the one body limit, {@link Limits#MAX_BODY_BYTES}, for every endpoint that takes one. */
final class RequestBody {
    private RequestBody() {}

    /**
     * How much of a refused body is read and thrown away before the 413 goes out. A client that sends its whole body
     * before it reads (the JDK's HttpClient, many scripts) sees a reset instead of the answer when the server stops
     * reading early; past this the connection is closed as before.
     */
    static final long MAX_DISCARDED_BYTES = 4L * Limits.MAX_BODY_BYTES;

    /** The body, or null once {@code refuse} has answered for a body over the limit (declared or counted). */
    static byte[] read(Context ctx, Runnable refuse) throws IOException {
        try (InputStream in = ctx.req().getInputStream()) {
            if (ctx.contentLength() > Limits.MAX_BODY_BYTES) {
                discardUpTo(in, MAX_DISCARDED_BYTES);
                refuse.run();
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, Math.min(ctx.contentLength(), Limits.MAX_BODY_BYTES)));
            byte[] buffer = new byte[64 * 1024];
            for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
                out.write(buffer, 0, r);
                if (out.size() > Limits.MAX_BODY_BYTES) {
                    discardUpTo(in, MAX_DISCARDED_BYTES);
                    refuse.run();
                    return null;
                }
            }
            return out.toByteArray();
        }
    }

    private static void discardUpTo(InputStream in, long most) throws IOException {
        byte[] scratch = new byte[64 * 1024];
        for (long read = 0; read < most; ) {
            int r = in.read(scratch);
            if (r < 0) return;
            read += r;
        }
    }
}
