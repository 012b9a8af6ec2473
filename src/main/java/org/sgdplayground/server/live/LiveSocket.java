package org.sgdplayground.server.live;

import org.sgdplayground.server.json.Json;
import org.sgdplayground.store.PointStore;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.sgdplayground.experiment.InvalidParameterException;

/**
 * {@code WS /ws?…query…}: binds each socket to a {@link LiveSession} held by the app's {@link LiveHub}.
 *
 * <p>A plain Jetty WebSocket servlet beside Javalin's, not a Javalin {@code ws} route: Javalin's upgrade copies
 * every header, cookie and attribute of the request into a context, draws a random UUID and opens an HTTP session
 * (a {@code JSESSIONID} cookie, kept in memory for half an hour) for every socket. At a thousand sockets a second
 * that was the larger part of a handshake, and churn left a session behind per connection. (Public only because
 * Jetty reaches the endpoint through public method handles.)
 *
 * <p>Frames leave through {@link JettySender}, which writes them straight to the connection's flusher: measured
 * alone, 424 bytes allocated a frame against 728 through the public {@code sendText} (and 504 through the core
 * session), at the same CPU a frame within noise; the figures and how they were taken are in its Javadoc.
 */
public final class LiveSocket {
    static final String PATH = "/ws";
    /** The request attribute holding the client's address, named once before the upgrade for the socket to count. */
    private static final String CLIENT_ADDRESS = "sgd.client-address";

    private LiveSocket() {}

    /**
     * Mounts {@code /ws} on Javalin's servlet context (an exact path wins over Javalin's {@code /*}); each socket is
     * counted against the address {@code clients} names for its upgrade request.
     */
    public static void mount(ServletContextHandler context, LiveHub hub, ClientAddresses clients) {
        JettyWebSocketServletContainerInitializer.configure(context, null);
        context.addServlet(new ServletHolder("live-socket", new Servlet(hub, clients)), PATH);
    }

    private static final class Servlet extends JettyWebSocketServlet {
        private final transient LiveHub hub;
        private final transient ClientAddresses clients;

        Servlet(LiveHub hub, ClientAddresses clients) {
            this.hub = hub;
            this.clients = clients;
        }

        @Override
        protected void configure(JettyWebSocketServletFactory factory) {
            // Messages a little over the limit get an error reply; reading a far bigger one is not worth it.
            factory.setMaxTextMessageSize(4L * hub.limits().maxMessageBytes());
            // Our own idle check closes with a message first; Jetty's only backs it up.
            factory.setIdleTimeout(hub.limits().idleTimeout().plusSeconds(30));
            factory.setCreator((request, response) -> {
                // No permessage-deflate, though browsers offer it: a frame is ~150 bytes, and a deflater per socket
                // costs hundreds of KB of native memory and CPU on every frame.
                response.setExtensions(List.of());
                return new Endpoint(hub, request.getParameterMap(), (String) request.getServletAttribute(CLIENT_ADDRESS));
            });
        }

        /** Refuses before the upgrade when the answer is already known: a plain 503 costs less than a socket. */
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws jakarta.servlet.ServletException, IOException {
            String client = clients.of(request);
            request.setAttribute(CLIENT_ADDRESS, client); // for the socket, if it opens
            String refusal = hub.refusal(client);
            if (refusal != null) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setContentType("application/json");
                response.setHeader("Retry-After", "5");
                response.getOutputStream().write(Json.error(refusal));
                return;
            }
            super.service(request, response);
        }
    }

    /** One socket's end: admits the session, feeds it the client's messages, forgets it on close. */
    public static final class Endpoint implements Session.Listener.AutoDemanding {
        private final LiveHub hub;
        private final String address; // the client's, as the upgrade request named it
        private Map<String, List<String>> parameters; // the upgrade's query, dropped once read
        private LiveSession session;

        Endpoint(LiveHub hub, Map<String, List<String>> parameters, String address) {
            this.hub = hub;
            this.parameters = parameters;
            this.address = address;
        }

        @Override
        public void onWebSocketOpen(Session socket) {
            session = hub.admit(JettySender.of(socket), address);
            if (session == null) { // the limit was reached between the upgrade and now
                String refusal = hub.refusal(address);
                socket.sendText(Json.errorMessage(refusal == null ? "try again" : refusal),
                    Callback.NOOP);
                socket.close(1013, "try again later", Callback.NOOP);
                return;
            }
            Map<String, String> query = new HashMap<>();
            parameters.forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
            parameters = null;
            try {
                session.start(query);
            } catch (InvalidParameterException e) {
                session.refuse(Json.errorMessage(e), 1008, "bad parameter: " + e.parameter());
            } catch (PointStore.Unavailable e) { // points=ID while the database is down: the page tries again
                session.refuse(Json.errorMessage("the point store cannot be reached just now; trying again in a few seconds"),
                    1013, "point store unavailable");
            }
        }

        @Override
        public void onWebSocketText(String message) {
            if (session != null) session.onMessage(message);
        }

        @Override
        public void onWebSocketClose(int code, String reason) {
            if (session != null) hub.remove(session);
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            if (session != null) hub.remove(session);
        }
    }
}
