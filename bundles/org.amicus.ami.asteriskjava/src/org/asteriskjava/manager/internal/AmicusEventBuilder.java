package org.asteriskjava.manager.internal;

import java.util.Map;

import org.asteriskjava.manager.event.ManagerEvent;

/** Lives in asterisk-java's package to reach its package-private event builder, which scans for classes once. */
public final class AmicusEventBuilder {

    private static final class Holder {
        static final EventBuilder BUILDER = new EventBuilderImpl();
    }

    private AmicusEventBuilder() {
    }

    public static synchronized ManagerEvent build(Object source, Map<String, Object> attributes) {
        return Holder.BUILDER.buildEvent(source, attributes);
    }
}
