package org.amicus.cti.hub.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A registry's listeners, told one after another: one that fails is logged, and the others are told still. */
final class Listeners<L> {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<L> listeners = new CopyOnWriteArrayList<>();

    void add(L listener) {
        listeners.add(listener);
    }

    void remove(L listener) {
        listeners.remove(listener);
    }

    void tell(Consumer<L> telling) {
        for (L listener : listeners) {
            try {
                telling.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Listener {} failed", listener, e);
            }
        }
    }
}
