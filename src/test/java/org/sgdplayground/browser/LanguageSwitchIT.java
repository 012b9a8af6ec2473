package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sgdplayground.i18n.Messages;

/**
 * The header's language switch in headless Chromium: visible in the header on a desktop and a phone, one link per
 * catalogue named in its own language, this page's marked; following one opens the same run in that language.
 */
class LanguageSwitchIT extends PageTest {
    private static final Messages ES = Messages.of("es").orElseThrow(), EN = Messages.english();

    private List<WebElement> links() {
        return browser.driver.findElements(By.cssSelector("header.top nav.lang-switch a"));
    }

    @Test
    void the_switch_sits_in_the_header_and_opens_the_same_run_in_the_other_language() {
        browser.openPlayground("/?preset=roller-coaster&lr=2e-5&lang=es");
        assertEquals("es", browser.driver.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals(ES.text("site.tagline"), browser.driver.findElement(By.cssSelector(".tagline")).getText());
        assertEquals(Messages.languages(), links().stream().map(a -> a.getDomAttribute("data-lang")).toList());
        for (WebElement a : links()) {
            assertTrue(a.isDisplayed(), a.getText() + " is shown");
            String code = a.getDomAttribute("data-lang");
            assertEquals(Messages.of(code).orElseThrow().text("language.name"), a.getText());
        }
        WebElement current = browser.driver.findElement(By.cssSelector("nav.lang-switch a[aria-current]"));
        assertEquals("es", current.getDomAttribute("data-lang"));
        browser.screenshot("language-switch-es");

        browser.driver.findElement(By.cssSelector("nav.lang-switch a[data-lang=en]")).click();
        browser.waitUntil("the English page opens", java.time.Duration.ofSeconds(10),
            () -> "en".equals(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertEquals(EN.text("site.tagline"), browser.driver.findElement(By.cssSelector(".tagline")).getText());
        assertEquals("roller-coaster", browser.driver.findElement(By.id("f-preset")).getDomProperty("value"), "the same run");
        assertEquals("2e-5", browser.driver.findElement(By.id("f-lr")).getDomProperty("value"));
    }

    @Test
    void on_a_phone_the_switch_is_still_in_view_at_the_top() {
        browser.resize(390, 844);
        browser.openPlayground("/?preset=fastai-sgd-es");
        assertEquals("es", browser.driver.findElement(By.tagName("html")).getDomAttribute("lang"), "the Spanish lesson opens in Spanish");
        for (WebElement a : links()) {
            assertTrue(a.isDisplayed());
            assertTrue(a.getRect().getY() + a.getRect().getHeight() < 844, a.getText() + " is on the first screen");
        }
        browser.screenshot("language-switch-phone");
    }
}
