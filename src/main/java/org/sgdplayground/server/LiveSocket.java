package org.sgdplayground.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.websocket.WsContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.sgdplayground.experiment.InvalidParameterException;

/** {@code WS /ws?…query…}: binds each socket to a {@link LiveSession} held by the app's {@link LiveHub}. */
final class LiveSocket {
    static final String PATH = "/ws";
    private static final String SESSION = "live-session";

    private LiveSocket() {}

    static void register(RoutesConfig routes, LiveHub hub) {
        // Refuse before the upgrade when we already know the answer: a plain 503 costs less than a socket.
        routes.wsBeforeUpgrade(PATH, ctx -> {
            String refusal = hub.refusal(address(ctx));
            if (refusal != null) {
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Json.error(refusal));
                ctx.skipRemainingHandlers();
            }
        });
        routes.ws(PATH, ws -> {
            ws.onConnect(ctx -> {
                Sender sender = new SocketSender(ctx);
                LiveSession session = hub.admit(sender, address(ctx));
                if (session == null) { // the limit was reached between the upgrade and now
                    String refusal = hub.refusal(address(ctx));
                    ctx.send(Json.error(refusal == null ? "try again" : refusal).put("type", "error").toString());
                    ctx.closeSession(1013, "try again later");
                    return;
                }
                ctx.attribute(SESSION, session);
                try {
                    session.start(query(ctx));
                } catch (InvalidParameterException e) {
                    session.refuse(Json.error(e).put("type", "error").toString(), 1008, "bad parameter: " + e.parameter());
                }
            });
            ws.onMessage(ctx -> {
                LiveSession session = ctx.attribute(SESSION);
                if (session != null) session.onMessage(ctx.message());
            });
            ws.onClose(ctx -> forget(ctx, hub));
            ws.onError(ctx -> forget(ctx, hub));
        });
    }

    private static Map<String, String> query(WsContext ctx) {
        Map<String, String> query = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
        return query;
    }

    private static void forget(WsContext ctx, LiveHub hub) {
        LiveSession session = ctx.attribute(SESSION);
        if (session != null) hub.remove(session);
    }

    /** Writes pre-encoded text frames straight to Jetty's core session: no re-encoding, no thread hand-off. */
    private static final class SocketSender implements Sender {
        private final WsContext ctx;
        private final CoreSession core;
        private Runnable lastDone;
        private Callback lastCallback;

        SocketSender(WsContext ctx) {
            this.ctx = ctx;
            this.core = ((WebSocketSession) ctx.session).getCoreSession();
        }

        @Override
        public void send(byte[] utf8, boolean more, Runnable done) {
            core.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(utf8)), callback(done), more);
        }

        /** The session passes the same {@code done} every time, so one callback serves them all. */
        private Callback callback(Runnable done) {
            if (done != lastDone) {
                lastCallback = Callback.from(Invocable.InvocationType.NON_BLOCKING, done, failure -> done.run());
                lastDone = done;
            }
            return lastCallback;
        }

        @Override
        public void close(int code, String reason) {
            ctx.closeSession(code, reason);
        }
    }

    private static String address(WsContext ctx) {
        SocketAddress remote = ctx.session.getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    }

    private static String address(Context ctx) {
        String ip = ctx.req().getRemoteAddr();
        return ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
    }
}
