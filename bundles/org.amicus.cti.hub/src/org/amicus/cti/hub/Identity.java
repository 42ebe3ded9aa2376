package org.amicus.cti.hub;

import static io.nats.client.support.JsonValueUtils.readString;
import static io.nats.client.support.JsonValueUtils.readStringList;

import java.util.List;
import java.util.Map;

import io.nats.client.support.JsonValue;

/**
 * Who the hub knows a desktop's user as: the answer to the {@value #OPERATION} operation.
 *
 * @param user    the roster's user
 * @param role    {@code agent} or {@code supervisor}
 * @param phone   the user's phone, e.g. {@code PJSIP/104}: every action rings it
 * @param buckets the key-value buckets of the channels the user may see
 */
public record Identity(String user, String role, String phone, List<String> buckets) {

    public static final String OPERATION = "whoami";

    public JsonValue toJson() {
        return new JsonValue(Map.of("user", new JsonValue(user), "role", new JsonValue(role), "phone",
                new JsonValue(phone), "buckets", new JsonValue(buckets.stream().map(JsonValue::new).toList())));
    }

    public static Identity of(JsonValue json) {
        return new Identity(readString(json, "user"), readString(json, "role"), readString(json, "phone"),
                readStringList(json, "buckets"));
    }
}
