package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sgdplayground.assets.ServedAssets;
import org.sgdplayground.page.PageAssets;
import org.sgdplayground.server.PlaygroundApp;
import org.sgdplayground.store.PointStore;
import org.sgdplayground.store.StoreLimits;

/** Behind a trusted balancer each visitor is counted by the address it forwards; nobody else's header is believed. */
class ClientAddressesTest {
    private static final String BALANCER = "10.0.0.2", VISITOR = "203.0.113.7", OTHER = "198.51.100.9";
    private final ClientAddresses behindBalancer = new ClientAddresses(Set.of(BALANCER, "10.0.0.3"));

    @Test
    void a_request_from_a_trusted_balancer_is_the_visitors_it_forwards() {
        assertEquals(VISITOR, behindBalancer.of(BALANCER, List.of(VISITOR)));
        assertEquals(VISITOR, behindBalancer.of(BALANCER, List.of(OTHER + ", " + VISITOR)), "the hop the balancer added is the last");
        assertEquals(VISITOR, behindBalancer.of(BALANCER, List.of(VISITOR + ",10.0.0.3")), "a second trusted proxy is passed over");
        assertEquals(VISITOR, behindBalancer.of(BALANCER, List.of(OTHER, VISITOR)), "the balancer's own line after the sender's");
    }

    @Test
    void a_peer_not_trusted_is_the_client_whatever_it_forwards() {
        assertEquals(VISITOR, behindBalancer.of(VISITOR, List.of(OTHER)));
        assertEquals(VISITOR, ClientAddresses.PEERS.of(VISITOR, List.of(OTHER)));
        assertEquals(BALANCER, ClientAddresses.PEERS.of(BALANCER, List.of(VISITOR)), "no proxy trusted: the balancer is the client");
    }

    @Test
    void a_trusted_balancer_forwarding_nothing_or_nonsense_is_the_client_itself() {
        assertEquals(BALANCER, behindBalancer.of(BALANCER, List.of()));
        assertEquals(BALANCER, behindBalancer.of(BALANCER, List.of("not an address")));
        assertEquals("10.0.0.3", behindBalancer.of(BALANCER, List.of(VISITOR + ", <script>, 10.0.0.3")), "the nearest hop past the nonsense");
    }

    @Test
    void ipv6_addresses_are_read_with_or_without_brackets() {
        ClientAddresses v6 = new ClientAddresses(Set.of("[::1]"));
        assertEquals("2001:db8::1", v6.of("[::1]", List.of("2001:db8::1")));
        assertEquals("2001:db8::1", v6.of("::1", List.of("[2001:db8::1]")));
    }

    @Test
    void the_trusted_proxies_come_from_the_environment_and_a_bad_entry_is_refused_naming_the_variable() {
        assertEquals(ClientAddresses.PEERS, ClientAddresses.fromEnvironment(Map.of()));
        assertEquals(Set.of("127.0.0.1", "::1"), ClientAddresses.fromEnvironment(Map.of("TRUSTED_PROXIES", " 127.0.0.1, ::1 ")).trustedProxies());
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> ClientAddresses.fromEnvironment(Map.of("TRUSTED_PROXIES", "127.0.0.1,balancer.local")));
        assertTrue(e.getMessage().startsWith("TRUSTED_PROXIES must list IP addresses") && e.getMessage().contains("\"balancer.local\""), e.getMessage());
    }

    private Javalin app;
    private WebSocketClient client;

    @AfterEach
    void stop() throws Exception {
        if (client != null) client.stop();
        if (app != null) app.stop();
    }

    private LiveClient connect(int port, String forwardedFor) throws Exception {
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        request.setHeader("X-Forwarded-For", forwardedFor);
        return LiveClient.connect(client, port, "preset=fastai-sgd&paused=1", request);
    }

    @Test
    void behind_a_trusted_balancer_each_visitor_has_its_own_sessions_and_a_spoofed_hop_does_not_help() throws Exception {
        int perAddress = 2;
        LiveHub hub = new LiveHub(LiveLimits.DEFAULT.withSessions(100, perAddress), 1);
        app = PlaygroundApp.create(hub, PointStore.NONE, StoreLimits.DEFAULT, ServedAssets.unhashed(),
            new ClientAddresses(Set.of("127.0.0.1"))).start("127.0.0.1", 0);
        client = LiveClient.startedClient();
        for (int k = 0; k < perAddress; k++) connect(app.port(), VISITOR).next("data");
        String refused = LiveLimitsTest.upgrade(app.port(), "preset=fastai-sgd", "X-Forwarded-For: " + OTHER + ", " + VISITOR);
        assertTrue(refused.startsWith("HTTP/1.1 503"), "a hop the visitor made up is not believed: " + refused);
        assertTrue(refused.contains("already has " + perAddress + " live sessions"), refused);
        for (int k = 0; k < perAddress; k++) {
            assertEquals("data", connect(app.port(), OTHER).next().path("type").asText(), "another visitor, session " + (k + 1));
        }
        assertEquals(2 * perAddress, hub.sessionCount());
    }
}
