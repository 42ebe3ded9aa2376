package org.amicus.hub;

import java.util.concurrent.CompletableFuture;

import io.nats.client.support.JsonValue;

/**
 * One thing a desktop may ask of the hub, e.g. {@code call}: checked against the asker's role, then done, completing
 * with its result as JSON, or exceptionally with a {@link org.amicus.cti.CtiException} whose message tells the asker
 * why not. A new operation is one more entry in {@link Operations}: the transport needs nothing new.
 */
@FunctionalInterface
interface Operation {

    /**
     * @param asker     who asks, as the subject of the request names it (the broker lets each user publish on its own
     *                  subjects only)
     * @param arguments the request's JSON object
     */
    CompletableFuture<JsonValue> run(Member asker, JsonValue arguments);
}
