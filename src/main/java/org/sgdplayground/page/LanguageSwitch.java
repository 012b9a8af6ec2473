package org.sgdplayground.page;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.i18n.Messages;

/**
 * The header's language switch: one link per catalogue, each to this same run in that language, named in its own
 * language ({@code Español}), so it works without script. Each link says its {@code lang} even where the preset would
 * give it, so that choosing English is not undone by a browser that asks for Spanish; {@code web/i18n.js} keeps the hrefs in step with the
 * controls. The page's own language is marked {@code aria-current}.
 */
final class LanguageSwitch {
    private LanguageSwitch() {}

    static DomContent of(Experiment e, Messages m) {
        return nav(each(Messages.languages(), code -> {
            Messages other = Messages.orEnglish(code);
            return a(other.text("language.name")).withHref("/?" + ExperimentCodec.encode(e) + "&lang=" + code)
                .attr("data-lang", code).attr("hreflang", code).withLang(code)
                .condAttr(code.equals(m.lang()), "aria-current", "true");
        })).withClass("lang-switch").attr("aria-label", m.text("lang.switch.label"));
    }
}
