package org.sgdplayground.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The app's one Jackson mapper, and the factory of every JSON generator it writes with: the server's answers and
 * socket messages, the page's boot block and Javalin's own {@code ctx.json}. One configuration means one number
 * format: each double as its shortest exact text ({@code 0.1}, {@code 100.0}, {@code 1.0E-5}), Schubfach through
 * Jackson's fast double writer, where Java 17's {@code Double.toString} would write, say, {@code 2e23} as
 * {@code 1.9999999999999998E23}.
 *
 * <p>It lives in a package of its own because both {@code page} and {@code server} write JSON and the arrows run
 * {@code server → page}: the page may not reach into the server, and the domain packages should not know Jackson.
 */
public final class Jackson {
    private Jackson() {}

    /** Thread-safe once built; holds no per-request state. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(
        JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build()).build();

    /** The mapper's factory: where the streaming writers get their generators, configured as the mapper is. */
    public static final JsonFactory FACTORY = MAPPER.getFactory();
}
