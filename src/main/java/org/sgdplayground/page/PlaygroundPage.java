package org.sgdplayground.page;

import static j2html.TagCreator.*;

import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.InvalidParameterException;

/** The playground page. (A first cut: the live page is its own issue.) */
public final class PlaygroundPage {
    private PlaygroundPage() {}

    /** No inline script, no third-party origin. */
    public static final String CONTENT_SECURITY_POLICY =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'";

    public static String render(Experiment e) {
        return document(html(head(title("SGD Playground")), body(h1("SGD Playground"), p(ExperimentCodec.encode(e)))));
    }

    public static String badParameter(InvalidParameterException e) {
        return document(html(head(title("SGD Playground: bad parameter")),
            body(h1("That link has a setting we cannot use"), p(e.getMessage()), a("Open the default experiment").withHref("/"))));
    }
}
