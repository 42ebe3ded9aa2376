package org.amicus.cti.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every state colour is readable (contrast ≥ 4.5:1) on what it is shown on, in the light and the dark theme. */
class StateColoursTest {

    private static final double READABLE = 4.5;
    private static final Path THEMES = Path.of("..", "org.amicus.app", "css");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");

    @ParameterizedTest
    @CsvSource({ "light.css, LIGHT", "dark.css, DARK" })
    void baseColoursAreTheThemes(String css, String palette) throws IOException {
        StateColours colours = palette(palette);
        Map<String, Map<String, String>> rules = rules(Files.readString(THEMES.resolve(css)));
        assertEquals(hex(colours.window()), rules.get("Shell").get("background-color"), css + ": window");
        assertEquals(hex(colours.text()), rules.get("Label").get("color"), css + ": text on the window");
        assertEquals(hex(colours.table()), rules.get("Table").get("background-color"), css + ": table");
        assertEquals(hex(colours.text()), rules.get("Table").get("color"), css + ": text in the table");
    }

    @ParameterizedTest
    @CsvSource({ "LIGHT", "DARK" })
    void textIsReadableOnStateBackgrounds(String palette) {
        StateColours colours = palette(palette);
        for (Color background : new Color[] { colours.ringingRow(), colours.goodNotice(), colours.badNotice() }) {
            assertReadable(colours.text(), background, palette);
        }
    }

    @ParameterizedTest
    @CsvSource({ "LIGHT", "DARK" })
    void connectionStatesAreReadableOnTheWindow(String palette) {
        StateColours colours = palette(palette);
        for (Color state : new Color[] { colours.connected(), colours.connecting(), colours.failed() }) {
            assertReadable(state, colours.window(), palette);
        }
    }

    @ParameterizedTest
    @CsvSource({ "LIGHT", "DARK" })
    void channelStateDotsStandOutOfTheTable(String palette) {
        StateColours colours = palette(palette);
        for (Color dot : new Color[] { colours.ringingDot(), colours.talkingDot(), colours.busyDot(),
                colours.settingUpDot(), colours.otherDot() }) {
            assertReadable(dot, colours.table(), palette);
        }
    }

    private static void assertReadable(Color foreground, Color background, String palette) {
        double ratio = StateColours.contrast(foreground.getRGB(), background.getRGB());
        assertTrue(ratio >= READABLE, palette + ": " + hex(foreground) + " on " + hex(background) + " has contrast "
                + String.format("%.2f", ratio) + ":1, under " + READABLE + ":1");
    }

    private static StateColours palette(String name) {
        return name.equals("DARK") ? StateColours.DARK : StateColours.LIGHT;
    }

    private static String hex(Color colour) {
        RGB rgb = colour.getRGB();
        return String.format("#%02x%02x%02x", rgb.red, rgb.green, rgb.blue);
    }

    /** Selector to its declarations, each selector of a group on its own. */
    private static Map<String, Map<String, String>> rules(String css) {
        Map<String, Map<String, String>> rules = new java.util.HashMap<>();
        Matcher rule = RULE.matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        while (rule.find()) {
            Map<String, String> declarations = new java.util.HashMap<>();
            for (String declaration : rule.group(2).split(";")) {
                String[] parts = declaration.split(":", 2);
                if (parts.length == 2) {
                    declarations.put(parts[0].strip(), parts[1].strip().toLowerCase(java.util.Locale.ROOT));
                }
            }
            Arrays.stream(rule.group(1).split(",")).map(String::strip)
                    .forEach(selector -> rules.computeIfAbsent(selector, key -> new java.util.HashMap<>())
                            .putAll(declarations));
        }
        return rules;
    }
}
