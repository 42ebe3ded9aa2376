package org.amicus.cti;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** This bundle's words in a language: {@code OSGI-INF/l10n/bundle*.properties}, as the manifest localizes them. */
final class Words {

    private Words() {
    }

    /** The words of the key in the language of {@code locale} (English where it has none), arguments filled in. */
    static String of(Locale locale, String key, Object... arguments) {
        ResourceBundle words = ResourceBundle.getBundle("OSGI-INF.l10n.bundle", locale, Words.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = words.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }
}
