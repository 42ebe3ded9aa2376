package org.amicus.cti.hub.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Listener services, as they come and go, handed to a registry of the hub once there is one. */
final class Whiteboard<L> {

    private final List<L> listeners = new ArrayList<>();
    private Consumer<L> adding = listener -> { };
    private Consumer<L> removing = listener -> { };

    synchronized void add(L listener) {
        listeners.add(listener);
        adding.accept(listener);
    }

    synchronized void remove(L listener) {
        listeners.remove(listener);
        removing.accept(listener);
    }

    /** From now on the listeners are those of the registry that adds and removes them so. */
    synchronized void bind(Consumer<L> add, Consumer<L> remove) {
        adding = add;
        removing = remove;
        listeners.forEach(add);
    }
}
