package org.amicus.cti.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.amicus.cti.ui.Messages;
import org.amicus.testing.ui.UiHarness;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

class MyCallActionTest {

    @Test
    void commandParametersNameEachAction() {
        for (MyCallAction action : MyCallAction.values()) {
            assertEquals(action, MyCallAction.ofParameter(action.parameterValue));
        }
        assertThrows(IllegalArgumentException.class, () -> MyCallAction.ofParameter("pickUp"));
    }

    @Test
    void theModelFragmentBindsTheKeysTheButtonsShow() throws Exception {
        String fragment;
        try (InputStream in = FrameworkUtil.getBundle(MyCallAction.class).getEntry("fragment.e4xmi").openStream()) {
            fragment = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> bound = new TreeMap<>();
        Matcher binding = Pattern.compile("keySequence=\"M1\\+M2\\+(.)\" command=\"_myCallActionCommand\">\\s*"
                + "<parameters [^>]* value=\"(\\w+)\"").matcher(fragment);
        while (binding.find()) {
            bound.put(binding.group(2), "Ctrl+Shift+" + binding.group(1));
        }
        Messages english = UiHarness.messages(Messages.class, Locale.ENGLISH);
        Map<String, String> shown = new TreeMap<>();
        for (MyCallAction action : MyCallAction.values()) {
            shown.put(action.parameterValue, action.keys(english));
        }
        assertEquals(shown, bound);

        Matcher every = Pattern.compile("keySequence=\"([^\"]+)\"").matcher(fragment);
        Map<String, Integer> uses = new TreeMap<>();
        while (every.find()) {
            uses.merge(every.group(1), 1, Integer::sum);
        }
        uses.forEach((keys, count) -> assertEquals(1, count, keys + " is bound once"));
    }
}
