package org.amicus.cti.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.amicus.cti.ui.Messages;
import org.amicus.testing.ui.UiHarness;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

/** Each action has its command parameter and its key binding, as the menus show it. */
class ChannelActionTest {

    @Test
    void commandParametersNameEachAction() {
        for (ChannelAction action : ChannelAction.values()) {
            assertEquals(action, ChannelAction.ofParameter(action.parameterValue()));
        }
        assertEquals("pickUp", ChannelAction.PICK_UP.parameterValue());
        assertEquals("playRecording", ChannelAction.PLAY_RECORDING.parameterValue());
    }

    @Test
    void theModelFragmentBindsTheKeysTheMenusShow() throws Exception {
        String fragment;
        try (InputStream in = FrameworkUtil.getBundle(ChannelAction.class).getEntry("fragment.e4xmi").openStream()) {
            fragment = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Map<String, String> bound = new TreeMap<>();
        Matcher binding = Pattern.compile("keySequence=\"M1\\+M2\\+(.)\" command=\"_channelActionCommand\">\\s*"
                + "<parameters [^>]* value=\"(\\w+)\"").matcher(fragment);
        while (binding.find()) {
            bound.put(binding.group(2), "Ctrl+Shift+" + binding.group(1));
        }
        Messages english = UiHarness.messages(Messages.class, Locale.ENGLISH);
        Map<String, String> shown = new TreeMap<>();
        for (ChannelAction action : ChannelAction.values()) {
            shown.put(action.parameterValue(), action.keys(english));
        }
        assertEquals(shown, bound);
        assertEquals("Strg+Umschalt+P", ChannelAction.PICK_UP.keys(UiHarness.messages(Messages.class, Locale.GERMAN)));
    }
}
