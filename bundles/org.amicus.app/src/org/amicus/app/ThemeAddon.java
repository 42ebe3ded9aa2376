package org.amicus.app;

import org.amicus.cti.ui.Appearance;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Display;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Applies the agent's {@link Appearance} through the e4 theme engine: at start (following the OS if so chosen) and
 * whenever the settings change it. The engine keeps the theme applied last, so the next start opens in it.
 */
public class ThemeAddon {

    @Inject
    UISynchronize ui;

    private IThemeEngine engine;
    private final IPreferenceChangeListener listener = event -> ui.asyncExec(this::apply);

    /** The engine comes with the window's styling, after the add-ons are made. */
    @Inject
    @Optional
    void engineReady(IThemeEngine themeEngine) {
        boolean first = engine == null;
        engine = themeEngine;
        if (first) {
            Appearance.offer();
            Appearance.addListener(listener);
        }
        apply();
    }

    private void apply() {
        String theme = Appearance.chosen().themeId(Display.isSystemDarkTheme());
        if (engine.getActiveTheme() == null || !theme.equals(engine.getActiveTheme().getId())) {
            engine.setTheme(theme, true);
        }
    }

    @PreDestroy
    void dispose() {
        Appearance.removeListener(listener);
    }
}
