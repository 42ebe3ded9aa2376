package org.amicus.cti.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.amicus.cti.PauseReasons;
import org.eclipse.core.runtime.preferences.ConfigurationScope;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IScopeContext;

/**
 * The pause reasons the administrator set for {@code org.amicus.cti}: {@code queue.pauseReasons} (separated by
 * {@code ;}) and {@code queue.pauseFreeText} ({@code true} lets agents type their own), read from the configuration
 * area, then from the product's defaults ({@code plugin_customization.ini}), never from the agent's own preferences.
 */
final class PreferencePauseReasons {

    static final String NODE = "org.amicus.cti";
    static final String REASONS = "queue.pauseReasons";
    static final String FREE_TEXT = "queue.pauseFreeText";
    private static final String DEFAULT_REASONS = "Break;Lunch;Meeting;Training;Back office";

    private PreferencePauseReasons() {
    }

    static PauseReasons read() {
        List<String> catalogue = Arrays.stream(setting(REASONS, DEFAULT_REASONS).split(";")).map(String::strip)
                .filter(reason -> !reason.isEmpty()).distinct().toList();
        return new PauseReasons(catalogue, Boolean.parseBoolean(setting(FREE_TEXT, "false")));
    }

    private static String setting(String key, String unset) {
        return Stream.<IScopeContext>of(ConfigurationScope.INSTANCE, DefaultScope.INSTANCE)
                .map(scope -> scope.getNode(NODE).get(key, null)).filter(Objects::nonNull).findFirst().orElse(unset);
    }
}
