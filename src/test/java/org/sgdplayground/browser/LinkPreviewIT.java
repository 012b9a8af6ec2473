package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * A shared link unfurls with its curve: a chat page on another origin reads the playground page's Open Graph tags, as
 * an unfurler does, and shows the card they describe; its picture is the experiment's plot, loaded from the server.
 */
class LinkPreviewIT {
    private static Browser browser;
    private static Blog chat;

    @BeforeAll
    static void start() {
        browser = new Browser();
        chat = new Blog();
    }

    @AfterAll
    static void stop() {
        if (chat != null) chat.close();
        if (browser != null) browser.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> openGraph(String url) {
        browser.driver.get(url);
        return (Map<String, String>) browser.js("""
            const tags = {};
            for (const m of document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]'))
              tags[m.getAttribute('property') ?? m.getAttribute('name')] = m.content;
            return tags;""");
    }

    private static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Test
    void a_chat_unfurls_the_lesson_2_link_to_its_plot_title_and_final_loss() {
        String link = browser.url("/?preset=fastai-sgd");
        Map<String, String> og = openGraph(link);
        chat.page("/", """
            <!doctype html><html><head><meta charset="utf-8"><title>#deep-learning</title><style>
              body { font: 15px/1.45 system-ui, sans-serif; background: #fff; color: #1d1c1d; margin: 0; padding: 24px; }
              .message { display: flex; gap: 10px; max-width: 560px; padding: 16px; background: #fff; }
              .avatar { width: 36px; height: 36px; border-radius: 6px; background: #ffa500; flex: none; }
              .who { font-weight: 700; } .who span { font-weight: 400; color: #616061; font-size: 12px; margin-left: 6px; }
              a { color: #1264a3; }
              .card { margin-top: 6px; border-left: 4px solid #ddd; padding: 2px 0 2px 12px; }
              .site { font-weight: 700; font-size: 13px; } .card .title { font-weight: 700; color: #1264a3; }
              .card img { display: block; margin-top: 8px; width: 480px; height: 252px; border-radius: 8px; border: 1px solid #ddd; }
            </style></head><body><div class="message" id="message"><div class="avatar"></div><div>
              <div class="who">Ada <span>10:42</span></div>
              <div>Look at SGD walking the line: <a href="%1$s">%1$s</a></div>
              <div class="card" id="card"><div class="site">%2$s</div><div class="title">%3$s</div><div>%4$s</div>
                <img id="preview" src="%5$s" alt="%6$s"></div>
            </div></div></body></html>
            """.formatted(text(link), text(og.get("og:site_name")), text(og.get("og:title")), text(og.get("og:description")),
                text(og.get("og:image")), text(og.get("og:image:alt"))));
        browser.driver.get(chat.url("/"));
        browser.waitUntil("the preview's picture has loaded", Duration.ofSeconds(15),
            () -> Boolean.TRUE.equals(browser.js("const i = document.getElementById('preview'); return i.complete && i.naturalWidth > 0")));
        assertEquals(1200L, ((Number) browser.js("return document.getElementById('preview').naturalWidth")).longValue());
        assertEquals(630L, ((Number) browser.js("return document.getElementById('preview').naturalHeight")).longValue());
        assertEquals("summary_large_image", og.get("twitter:card"));
        WebElement message = browser.driver.findElement(By.id("message"));
        Path shot = message.getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.createDirectories(Browser.SCREENSHOTS);
            Files.copy(shot, Browser.SCREENSHOTS.resolve("unfurl.png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
