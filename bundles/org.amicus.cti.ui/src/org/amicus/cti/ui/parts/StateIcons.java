package org.amicus.cti.ui.parts;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.amicus.cti.ChannelState;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * A coloured dot per channel state, drawn here rather than shipped: amber rings, green talks, red is busy; in the
 * shades of the light or the dark {@link StateColours}.
 */
final class StateIcons {

    private static final int SIZE = 12;
    private final Display display;
    /** Drawn as first shown, for the light and the dark colours. */
    private final Map<StateColours, Map<ChannelState, Image>> images = new HashMap<>();

    StateIcons(Display display) {
        this.display = display;
    }

    Image of(ChannelState state, StateColours colours) {
        return images.computeIfAbsent(colours, c -> new EnumMap<>(ChannelState.class))
                .computeIfAbsent(state, s -> new Image(display, dot(colourOf(s, colours).getRGB())));
    }

    void dispose() {
        images.values().forEach(byState -> byState.values().forEach(Image::dispose));
    }

    private static Color colourOf(ChannelState state, StateColours colours) {
        return switch (state) {
            case RING, RINGING -> colours.ringingDot();
            case UP -> colours.talkingDot();
            case BUSY -> colours.busyDot();
            case DOWN, RESERVED, OFF_HOOK, DIALING, DIALING_OFF_HOOK, PRE_RING -> colours.settingUpDot();
            case UNKNOWN -> colours.otherDot();
        };
    }

    private static ImageData dot(RGB colour) {
        ImageData data = new ImageData(SIZE, SIZE, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        int pixel = data.palette.getPixel(colour);
        double radius = SIZE / 2.0 - 1;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double distance = Math.hypot(x + 0.5 - SIZE / 2.0, y + 0.5 - SIZE / 2.0);
                data.setPixel(x, y, pixel);
                // Full inside, a soft edge one pixel wide, transparent outside.
                data.setAlpha(x, y, (int) Math.round(255 * Math.max(0, Math.min(1, radius + 0.5 - distance))));
            }
        }
        return data;
    }
}
