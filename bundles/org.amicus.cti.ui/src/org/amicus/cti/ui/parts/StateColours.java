package org.amicus.cti.ui.parts;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;

/**
 * The colours that tell a state, one set for a light theme and one for a dark: a ringing row, a good or bad notice,
 * the connection's state, the dot of a channel's state. Each is readable against what it is shown on (contrast ratio
 * of at least 4.5:1, checked by a test against the themes' CSS, whose base colours are {@code window}, {@code table}
 * and {@code text}).
 */
public record StateColours(Color window, Color table, Color text, Color ringingRow, Color goodNotice,
        Color badNotice, Color connected, Color connecting, Color failed, Color ringingDot, Color talkingDot,
        Color busyDot, Color settingUpDot, Color otherDot) {

    public static final StateColours LIGHT = new StateColours(rgb(0xf2f2f2), rgb(0xffffff), rgb(0x1a1a1a),
            rgb(0xffecb3), rgb(0xdcf4dc), rgb(0xffe0cc), rgb(0x006e00), rgb(0x785a00), rgb(0xb40000), rgb(0x965a00),
            rgb(0x00781e), rgb(0xbe1e1e), rgb(0x2850aa), rgb(0x6e6e6e));
    public static final StateColours DARK = new StateColours(rgb(0x2b2b2b), rgb(0x1e1e1e), rgb(0xe6e6e6),
            rgb(0x5c4000), rgb(0x184620), rgb(0x6e2814), rgb(0x6ed26e), rgb(0xe6be50), rgb(0xff786e), rgb(0xf0aa28),
            rgb(0x5ac864), rgb(0xff6e64), rgb(0x82aaff), rgb(0xaaaaaa));

    /** The set for what this control is shown on now: dark under a dark theme, the host's included. */
    public static StateColours on(Control control) {
        return relativeLuminance(control.getBackground().getRGB()) < 0.2 ? DARK : LIGHT;
    }

    /** WCAG 2 contrast ratio of two colours, 1 to 21. */
    public static double contrast(RGB one, RGB other) {
        double a = relativeLuminance(one);
        double b = relativeLuminance(other);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** WCAG 2 relative luminance, 0 (black) to 1 (white). */
    static double relativeLuminance(RGB rgb) {
        return 0.2126 * linear(rgb.red) + 0.7152 * linear(rgb.green) + 0.0722 * linear(rgb.blue);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static Color rgb(int hex) {
        return new Color(hex >> 16 & 0xff, hex >> 8 & 0xff, hex & 0xff);
    }
}
