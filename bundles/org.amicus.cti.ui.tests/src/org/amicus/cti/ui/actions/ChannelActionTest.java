package org.amicus.cti.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        Map<String, String> shown = new TreeMap<>();
        for (ChannelAction action : ChannelAction.values()) {
            shown.put(action.parameterValue(), action.keys);
        }
        assertEquals(shown, bound);
    }
}
