package org.amicus.cti.ui;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Light or dark, as the agent chooses in the settings, or as the operating system is. The application that themes
 * Amicus (the standalone product, with its themes {@link #LIGHT_THEME} and {@link #DARK_THEME}) applies the choice
 * and {@linkplain #offer() offers} it; a workstation that hosts Amicus's parts keeps its own look.
 */
public enum Appearance {

    LIGHT, DARK, FOLLOW_OS;

    public static final String LIGHT_THEME = "org.amicus.theme.light";
    public static final String DARK_THEME = "org.amicus.theme.dark";
    private static final String NODE = "org.amicus.cti.ui";
    private static final String KEY = "appearance";
    private static volatile boolean offered;

    /** As the settings show it. */
    public String label(Messages messages) {
        return switch (this) {
            case LIGHT -> messages.themeLight;
            case DARK -> messages.themeDark;
            case FOLLOW_OS -> messages.themeFollowOs;
        };
    }

    /** The theme this choice means, on a system that is dark or not. */
    public String themeId(boolean systemDark) {
        return this == DARK || this == FOLLOW_OS && systemDark ? DARK_THEME : LIGHT_THEME;
    }

    /** The agent's choice; following the OS until they make one. */
    public static Appearance chosen() {
        String saved = preferences().get(KEY, FOLLOW_OS.name());
        for (Appearance appearance : values()) {
            if (appearance.name().equals(saved)) {
                return appearance;
            }
        }
        return FOLLOW_OS;
    }

    /** Keeps this as the agent's choice; the listeners apply it. */
    public void choose() throws BackingStoreException {
        IEclipsePreferences preferences = preferences();
        preferences.put(KEY, name());
        preferences.flush();
    }

    /** Called with every new choice. */
    public static void addListener(IPreferenceChangeListener listener) {
        preferences().addPreferenceChangeListener(listener);
    }

    public static void removeListener(IPreferenceChangeListener listener) {
        preferences().removePreferenceChangeListener(listener);
    }

    /** Called by the application that applies the choice: from then on the settings offer it. */
    public static void offer() {
        offered = true;
    }

    /** Whether the settings offer the choice. */
    public static boolean offered() {
        return offered;
    }

    private static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }
}
