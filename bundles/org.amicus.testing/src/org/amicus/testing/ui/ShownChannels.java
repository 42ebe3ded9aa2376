package org.amicus.testing.ui;

import java.util.List;

import org.amicus.cti.Channel;

/** The channels a part shows (e.g. {@code ChannelsPart.rows()}), as a test finds one in them. */
public final class ShownChannels {

    private ShownChannels() {
    }

    /** The row of the channel of this name, or -1 if none is shown. */
    public static int indexOf(List<Channel> rows, String name) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the channel of this name is shown ringing (not as it was just before, while it was being set up). */
    public static boolean ringing(List<Channel> rows, String name) {
        return rows.stream().anyMatch(channel -> channel.name().equals(name) && channel.isRinging());
    }
}
