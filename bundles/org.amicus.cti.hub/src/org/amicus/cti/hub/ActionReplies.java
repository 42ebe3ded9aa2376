package org.amicus.cti.hub;

import static io.nats.client.support.JsonValueUtils.readString;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.MissingResourceException;

import org.amicus.cti.CtiException;

import io.nats.client.support.JsonParseException;
import io.nats.client.support.JsonParser;
import io.nats.client.support.JsonValue;

/**
 * The JSON the hub answers an action with: {@code {"ok":true,"result":…}} with the true outcome (as
 * {@link RecordJson} writes it), or {@code {"ok":false,"error":"…"}} with a message for the person who asked (in
 * English; with its {@code "key"} and {@code "arguments"} where it has them, so that the asker's desktop words it in
 * the agent's language).
 */
public final class ActionReplies {

    private ActionReplies() {
    }

    public static byte[] success(JsonValue result) {
        return json(Map.of("ok", JsonValue.TRUE, "result", result));
    }

    public static byte[] refusal(String message) {
        return json(Map.of("ok", JsonValue.FALSE, "error", new JsonValue(message)));
    }

    /** A refusal with the key and arguments of its words, if it has them. */
    public static byte[] refusal(CtiException refusal) {
        Map<String, JsonValue> json = new LinkedHashMap<>();
        json.put("ok", JsonValue.FALSE);
        json.put("error", new JsonValue(refusal.getMessage()));
        refusal.key().ifPresent(key -> {
            json.put("key", new JsonValue(key));
            json.put("arguments", new JsonValue(refusal.arguments().stream()
                    .map(argument -> new JsonValue(String.valueOf(argument))).toList()));
        });
        return json(json);
    }

    /**
     * The result of a reply.
     *
     * @throws CtiException with the hub's message if it refused, or if the reply is not one
     */
    public static JsonValue result(byte[] reply) {
        JsonValue json;
        try {
            json = JsonParser.parse(reply);
        } catch (JsonParseException e) {
            throw CtiException.of("hubUnreadable", e.getMessage());
        }
        if (json.map == null) {
            throw CtiException.of("hubNotObject");
        }
        JsonValue ok = json.map.get("ok");
        if (ok == null || !Boolean.TRUE.equals(ok.bool)) {
            throw refusal(json);
        }
        return json.map.getOrDefault("result", JsonValue.NULL);
    }

    /** The hub's refusal, in the agent's language where this desktop knows its key. */
    private static CtiException refusal(JsonValue json) {
        String error = readString(json, "error", null);
        String key = readString(json, "key", null);
        JsonValue arguments = json.map.get("arguments");
        if (key != null && arguments != null && arguments.array != null) {
            try {
                return CtiException.of(key, arguments.array.stream().map(argument -> argument.string).toArray());
            } catch (MissingResourceException e) {
                // a newer hub's words: its English ones follow
            }
        }
        return error == null ? CtiException.of("hubRefusedSilently") : new CtiException(error);
    }

    private static byte[] json(Map<String, JsonValue> map) {
        return new JsonValue(map).toJson().getBytes(StandardCharsets.UTF_8);
    }
}
