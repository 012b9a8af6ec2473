package org.sgdplayground.page;

import static j2html.TagCreator.text;

import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sgdplayground.i18n.Messages;

/** A catalogue sentence whose placeholders are markup ({@code <code>lr</code>}, a {@code <kbd>}), as j2html content. */
final class Words {
    private Words() {}

    /** The text under {@code key} with each {@code {name}} replaced by {@code markup.get(name)}; the words escaped as text. */
    static DomContent[] rich(Messages m, String key, Map<String, DomContent> markup) {
        List<String> parts = m.parts(key);
        List<DomContent> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                if (!parts.get(i).isEmpty()) out.add(text(parts.get(i)));
            } else {
                DomContent piece = markup.get(parts.get(i));
                if (piece == null) throw new IllegalArgumentException(m.lang() + " message " + key + " needs {" + parts.get(i) + "}");
                out.add(piece);
            }
        }
        return out.toArray(DomContent[]::new);
    }
}
