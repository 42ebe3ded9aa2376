package org.amicus.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * A channel's and a party's equality, written out for speed, is still a record's: equal exactly when every component
 * is, whatever components the records gain.
 */
class ChannelTest {

    private static final Channel CHANNEL = new Channel("1.1", "PJSIP/104-00000001", "1.0", ChannelState.RINGING,
            new Party("104", "Agent"), new Party("4930", "Customer"), "agents", "104", "Dial", "PJSIP/104",
            "PJSIP/carrier-00000000", "", Instant.ofEpochSecond(10), null, false);

    @Test
    void channelsDifferingInAnyOneComponentDiffer() throws Exception {
        Channel same = copy(CHANNEL, -1, null);
        assertEquals(CHANNEL, same);
        assertEquals(CHANNEL.hashCode(), same.hashCode());
        RecordComponent[] components = Channel.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            Channel other = copy(CHANNEL, i, otherValue(components[i].getType(), components[i].getAccessor()
                    .invoke(CHANNEL)));
            assertNotEquals(CHANNEL, other, components[i].getName());
            assertNotEquals(other, CHANNEL, components[i].getName());
        }
        assertNotEquals(CHANNEL, null);
        assertNotEquals(CHANNEL, "PJSIP/104-00000001");
    }

    @Test
    void partiesDifferingInNumberOrNameDiffer() {
        assertEquals(new Party("104", "Agent"), new Party("104", "Agent"));
        assertEquals(new Party("104", "Agent").hashCode(), new Party("104", "Agent").hashCode());
        assertNotEquals(new Party("104", "Agent"), new Party("105", "Agent"));
        assertNotEquals(new Party("104", "Agent"), new Party("104", "Other"));
        assertNotEquals(new Party("104", null), new Party("104", ""));
        assertEquals(new Party(null, null), new Party(null, null));
    }

    /** The channel with component {@code index} set to {@code value} (none changed for -1). */
    private static Channel copy(Channel channel, int index, Object value) throws Exception {
        RecordComponent[] components = Channel.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = i == index ? value : components[i].getAccessor().invoke(channel);
        }
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return Channel.class.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object otherValue(Class<?> type, Object value) {
        if (type == String.class) {
            return value + "x";
        }
        if (type == Party.class) {
            return new Party(((Party) value).number(), "someone else");
        }
        if (type == ChannelState.class) {
            return value == ChannelState.UP ? ChannelState.RINGING : ChannelState.UP;
        }
        if (type == Instant.class) {
            return value == null ? Instant.EPOCH : null;
        }
        if (type == boolean.class) {
            return !(Boolean) value;
        }
        throw new AssertionError("a component of a type this test does not know: " + type);
    }
}
