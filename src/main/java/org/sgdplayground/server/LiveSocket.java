package org.sgdplayground.server;

import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.websocket.api.Callback;
import org.sgdplayground.experiment.InvalidParameterException;

/** {@code WS /ws?…query…}: binds each socket to a {@link LiveSession} held by the app's {@link LiveHub}. */
final class LiveSocket {
    private static final String SESSION = "live-session";
    private static final String ADDRESS = "live-address";

    private LiveSocket() {}

    static void configure(WsConfig ws, LiveHub hub) {
        ws.onConnect(ctx -> {
            String address = address(ctx);
            String refusal = hub.refusal(address);
            if (refusal != null) {
                ctx.send(Json.error(refusal).put("type", "error").toString());
                ctx.closeSession(1013, "try again later");
                return;
            }
            LiveSession session = new LiveSession(sender(ctx), hub.scheduler(), () -> {});
            ctx.attribute(SESSION, session);
            ctx.attribute(ADDRESS, address);
            hub.add(session, address);
            Map<String, String> query = new HashMap<>();
            ctx.queryParamMap().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
            try {
                session.start(query);
            } catch (InvalidParameterException e) {
                ctx.send(Json.error(e).put("type", "error").toString());
                hub.remove(session, address);
                ctx.closeSession(1008, "bad parameter: " + e.parameter());
            }
        });
        ws.onMessage(ctx -> {
            LiveSession session = ctx.attribute(SESSION);
            if (session != null) session.onMessage(ctx.message());
        });
        ws.onClose(ctx -> forget(ctx, hub));
        ws.onError(ctx -> forget(ctx, hub));
    }

    private static void forget(WsContext ctx, LiveHub hub) {
        LiveSession session = ctx.attribute(SESSION);
        if (session != null) hub.remove(session, ctx.attribute(ADDRESS));
    }

    private static Sender sender(WsContext ctx) {
        return new Sender() {
            @Override public void send(String text, Runnable done) {
                ctx.session.sendText(text, Callback.from(done, failure -> done.run()));
            }

            @Override public void close(int code, String reason) {
                ctx.closeSession(code, reason);
            }
        };
    }

    private static String address(WsContext ctx) {
        SocketAddress remote = ctx.session.getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    }
}
