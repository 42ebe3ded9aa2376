package org.amicus.cti.ui.parts;

import java.util.EnumMap;
import java.util.Map;

import org.amicus.cti.ChannelState;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/** A coloured dot per channel state, drawn here rather than shipped: amber rings, green talks, red is busy. */
final class StateIcons {

    private static final int SIZE = 12;
    private static final RGB RINGING = new RGB(230, 150, 0);
    private static final RGB TALKING = new RGB(40, 160, 60);
    private static final RGB BUSY = new RGB(200, 40, 40);
    private static final RGB SETTING_UP = new RGB(90, 130, 200);
    private static final RGB OTHER = new RGB(150, 150, 150);

    private final Map<ChannelState, Image> images = new EnumMap<>(ChannelState.class);

    StateIcons(Display display) {
        for (ChannelState state : ChannelState.values()) {
            images.put(state, new Image(display, dot(colourOf(state))));
        }
    }

    Image of(ChannelState state) {
        return images.get(state);
    }

    void dispose() {
        images.values().forEach(Image::dispose);
    }

    private static RGB colourOf(ChannelState state) {
        return switch (state) {
            case RING, RINGING -> RINGING;
            case UP -> TALKING;
            case BUSY -> BUSY;
            case DOWN, RESERVED, OFF_HOOK, DIALING, DIALING_OFF_HOOK, PRE_RING -> SETTING_UP;
            case UNKNOWN -> OTHER;
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
