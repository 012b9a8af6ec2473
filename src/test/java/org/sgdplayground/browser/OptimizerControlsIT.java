package org.sgdplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.sgdplayground.analysis.LossSurface;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.Numbers;
import org.sgdplayground.experiment.QueryStrings;

/** The optimizer on the page: its own settings shown, the others hidden, and what the stability limit says of it. */
class OptimizerControlsIT extends PageTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static boolean shown(String key) {
        return browser.driver.findElement(By.name(key)).isDisplayed();
    }

    @Test
    void choosing_adam_shows_its_settings_hides_sgds_and_says_the_limit_is_gradient_descents() {
        browser.openPlayground("/?preset=fastai-sgd");
        assertTrue(shown("momentum") && shown("nesterov") && shown("dampening"), "SGD's settings");
        assertFalse(shown("beta1") || shown("amsgrad") || shown("eps"), "not Adam's");
        assertTrue(browser.driver.findElement(By.id("lr-limit-mark")).isDisplayed(), "plain SGD has 2/λmax");

        new Select(browser.driver.findElement(By.name("optimizer"))).selectByValue("adam");
        browser.waitUntil("the Adam run is loaded", WAIT, () -> browser.driver.getCurrentUrl().contains("optimizer=adam"));
        for (String key : List.of("beta1", "beta2", "amsgrad", "eps", "weight_decay", "lr")) assertTrue(shown(key), key);
        for (String key : List.of("momentum", "nesterov", "dampening", "alpha", "centered")) assertFalse(shown(key), key);
        browser.waitUntil("the limit mark goes", WAIT, () -> !browser.driver.findElement(By.id("lr-limit-mark")).isDisplayed());
        String conditioning = browser.driver.findElement(By.id("conditioning")).getText();
        assertTrue(conditioning.contains("Adam divides each parameter's step"), conditioning);
        browser.screenshot("optimizer-adam");
    }

    @Test
    void nesterov_moves_the_mark_to_its_own_limit_and_names_its_formula() {
        browser.openPlayground("/?preset=momentum&nesterov=1");
        Experiment e = ExperimentCodec.decode(QueryStrings.parse("preset=momentum&nesterov=1"));
        double mu = e.momentum(), lambda = LossSurface.of(e.model(), e.dataset()).largestCurvature();
        String tooBig = Numbers.format(Double.parseDouble(String.format("%.2g", 1.2 * 2 * (1 + mu) / ((1 + 2 * mu) * lambda))));
        browser.js("window.sgdPlayground.set({lr: arguments[0]})", tooBig);
        browser.waitUntil("the warning shows", WAIT, () -> browser.driver.findElement(By.id("lr-warning")).isDisplayed());
        String warning = browser.driver.findElement(By.id("lr-warning")).getText();
        assertTrue(warning.contains("2(1+μ)/((1+2μ)λmax) ≈"), warning);
        assertEquals("1", browser.driver.findElement(By.name("nesterov")).getAttribute("value"));
    }
}
