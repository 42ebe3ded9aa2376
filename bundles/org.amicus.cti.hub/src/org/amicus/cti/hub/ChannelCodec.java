package org.amicus.cti.hub;

import static io.nats.client.support.JsonValueUtils.readBoolean;
import static io.nats.client.support.JsonValueUtils.readString;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelState;
import org.amicus.cti.Party;

import io.nats.client.support.JsonParseException;
import io.nats.client.support.JsonParser;
import io.nats.client.support.JsonValue;

/** A {@link Channel} as the JSON value of its key-value entry, and back. */
public final class ChannelCodec {

    private ChannelCodec() {
    }

    public static byte[] encode(Channel channel) {
        Map<String, JsonValue> json = new LinkedHashMap<>();
        json.put("uniqueId", new JsonValue(channel.uniqueId()));
        json.put("name", new JsonValue(channel.name()));
        json.put("linkedId", new JsonValue(channel.linkedId()));
        json.put("state", new JsonValue(channel.state().name()));
        json.put("callerId", party(channel.callerId()));
        json.put("connectedLine", party(channel.connectedLine()));
        json.put("context", new JsonValue(channel.context()));
        json.put("exten", new JsonValue(channel.exten()));
        json.put("application", new JsonValue(channel.application()));
        json.put("applicationData", new JsonValue(channel.applicationData()));
        json.put("bridgedWith", new JsonValue(channel.bridgedWith()));
        json.put("spying", new JsonValue(channel.spying()));
        json.put("started", new JsonValue(channel.started().toString()));
        if (channel.answered() != null) {
            json.put("answered", new JsonValue(channel.answered().toString()));
        }
        json.put("onHold", new JsonValue(channel.onHold()));
        return new JsonValue(json).toJson().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException if the bytes are not a channel's JSON */
    public static Channel decode(byte[] bytes) {
        try {
            JsonValue json = JsonParser.parse(bytes);
            String answered = readString(json, "answered");
            return new Channel(required(json, "uniqueId"), required(json, "name"), required(json, "linkedId"),
                    ChannelState.valueOf(required(json, "state")), party(json.map.get("callerId")),
                    party(json.map.get("connectedLine")), text(json, "context"), text(json, "exten"),
                    text(json, "application"), text(json, "applicationData"), text(json, "bridgedWith"),
                    text(json, "spying"), Instant.parse(required(json, "started")),
                    answered == null ? null : Instant.parse(answered), readBoolean(json, "onHold", false));
        } catch (JsonParseException | RuntimeException e) {
            throw new IllegalArgumentException("not a channel: " + e.getMessage(), e);
        }
    }

    private static JsonValue party(Party party) {
        return new JsonValue(Map.of("number", new JsonValue(party.number()), "name", new JsonValue(party.name())));
    }

    private static Party party(JsonValue json) {
        return json == null ? Party.UNKNOWN : new Party(text(json, "number"), text(json, "name"));
    }

    private static String text(JsonValue json, String field) {
        return readString(json, field, "");
    }

    private static String required(JsonValue json, String field) {
        String value = readString(json, field);
        if (value == null) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }
}
