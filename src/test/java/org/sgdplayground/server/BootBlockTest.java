package org.sgdplayground.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;
import org.sgdplayground.json.Jackson;
import org.sgdplayground.server.json.WireLimits;

/** The pages carry their run's points and frame 0 in the boot block up to the page's limit, and past it stay small. */
class BootBlockTest {
    private static final Pattern BOOT = Pattern.compile("<script type=\"application/json\" id=\"boot\">(.*?)</script>", Pattern.DOTALL);
    @RegisterExtension
    static final LocalApp APP = new LocalApp();

    private static String page(String pathAndQuery) throws Exception {
        return APP.get(pathAndQuery).body();
    }

    private static JsonNode boot(String html) throws Exception {
        Matcher m = BOOT.matcher(html);
        assertTrue(m.find(), "a boot block");
        return Jackson.MAPPER.readTree(m.group(1));
    }

    @Test
    void the_page_and_the_embed_at_the_limit_carry_every_point_and_frame_0() throws Exception {
        String q = "preset=roller-coaster&data=line&n=" + WireLimits.MAX_POINTS_IN_PAGE;
        double[] start = ExperimentCodec.decode(QueryStrings.parse(q)).initialParams();
        for (String path : new String[] {"/?", "/embed?"}) {
            JsonNode live = boot(page(path + q)).get("live");
            assertEquals(WireLimits.MAX_POINTS_IN_PAGE, live.get("data").get("points").get("y").size(), path);
            assertEquals(0, live.get("frame").get("iter").asInt(), path);
            for (int k = 0; k < start.length; k++) assertEquals(start[k], live.get("frame").get("params").get(k).asDouble(), 0, path);
        }
    }

    @Test
    void past_the_limit_the_page_carries_no_points_and_stays_the_size_of_a_small_one() throws Exception {
        String small = page("/?n=" + WireLimits.MAX_POINTS_IN_PAGE / 100), big = page("/?n=100000");
        assertFalse(boot(big).has("live"), "the socket brings them");
        assertTrue(big.length() < small.length(), "100,000 points: " + big.length() + " characters; 20 points: " + small.length());
    }
}
