package org.sgdplayground.server.live;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whose request this is, for the limits per client address (new point sets a minute, live sessions). Behind a
 * balancer every request comes from the balancer's address, so all visitors would share one budget: when the peer
 * is a proxy this server trusts ({@code TRUSTED_PROXIES}, e.g. {@code 127.0.0.1} for {@code scripts/cluster}'s
 * HAProxy), the client is the last address in {@code X-Forwarded-For} that is not itself a trusted proxy. Addresses
 * further left were written by whoever sent the request and are never believed; a peer not trusted is the client
 * whatever its headers say.
 */
public record ClientAddresses(Set<String> trustedProxies) {
    /** The environment variable naming the proxies whose {@code X-Forwarded-For} is believed. */
    public static final String TRUSTED_PROXIES = "TRUSTED_PROXIES";
    /** The header a balancer names the client in. */
    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** No proxy trusted: every request's client is its peer. */
    public static final ClientAddresses PEERS = new ClientAddresses(Set.of());

    /** An IPv4 address, or an IPv6 one in its usual forms (a zone and an embedded IPv4 tail allowed). */
    private static final Pattern ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(%[\\w.-]+)?");

    public ClientAddresses {
        Set<String> normalised = new LinkedHashSet<>();
        for (String a : trustedProxies) normalised.add(normalised(a));
        trustedProxies = Set.copyOf(normalised);
    }

    /**
     * The proxies {@code TRUSTED_PROXIES} lists in {@code env} (addresses separated by commas or spaces), or none.
     *
     * @throws IllegalStateException naming the variable and the entry, when an entry is not an IP address
     */
    public static ClientAddresses fromEnvironment(Map<String, String> env) {
        String listed = env.getOrDefault(TRUSTED_PROXIES, "").strip();
        if (listed.isEmpty()) return PEERS;
        List<String> proxies = new ArrayList<>();
        for (String entry : listed.split("[,\\s]+")) {
            if (!ADDRESS.matcher(normalised(entry)).matches()) {
                throw new IllegalStateException(TRUSTED_PROXIES + " must list IP addresses separated by commas (e.g. 127.0.0.1,10.0.0.2), not \""
                    + entry + "\"");
            }
            proxies.add(entry);
        }
        return new ClientAddresses(Set.copyOf(proxies));
    }

    /** The client of {@code request}: its peer, or the address a trusted proxy forwarded. */
    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), Collections.list(request.getHeaders(FORWARDED_FOR)));
    }

    /**
     * The client of a request from {@code peer} that carried {@code forwardedFor}: its {@code X-Forwarded-For} lines
     * in order (a proxy may add a line of its own after the sender's), none when it carried none.
     */
    public String of(String peer, List<String> forwardedFor) {
        String client = normalised(peer);
        if (!trustedProxies.contains(client) || forwardedFor == null || forwardedFor.isEmpty()) return client;
        String[] hops = String.join(",", forwardedFor).split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = normalised(hops[i].strip());
            if (!ADDRESS.matcher(hop).matches()) return client; // not what a proxy writes: the nearest trusted hop answers
            client = hop;
            if (!trustedProxies.contains(hop)) return client;
        }
        return client;
    }

    /** {@code [::1]} → {@code ::1}: a servlet may bracket an IPv6 address, a socket's own form has no brackets. */
    static String normalised(String address) {
        return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
    }
}
