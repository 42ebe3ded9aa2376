package org.amicus.cti.hub;

import static io.nats.client.support.JsonValueUtils.readString;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.amicus.cti.CtiException;

import io.nats.client.support.JsonParseException;
import io.nats.client.support.JsonParser;
import io.nats.client.support.JsonValue;

/**
 * The JSON the hub answers an action with: {@code {"ok":true,"result":…}} with the true outcome (as
 * {@link RecordJson} writes it), or
 * {@code {"ok":false,"error":"…"}} with a message for the person who asked.
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
            throw new CtiException("The hub's answer cannot be read: " + e.getMessage());
        }
        if (json.map == null) {
            throw new CtiException("The hub's answer is not a JSON object");
        }
        JsonValue ok = json.map.get("ok");
        if (ok == null || !Boolean.TRUE.equals(ok.bool)) {
            throw new CtiException(readString(json, "error", "The hub refused without saying why"));
        }
        return json.map.getOrDefault("result", JsonValue.NULL);
    }

    private static byte[] json(Map<String, JsonValue> map) {
        return new JsonValue(map).toJson().getBytes(StandardCharsets.UTF_8);
    }
}
