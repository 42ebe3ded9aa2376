package org.amicus.cti.hub;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nats.client.support.JsonValue;

/**
 * The results of the hub's operations as JSON and back, whatever their type: records (by their components' names),
 * lists, optionals, enums (by name), strings, numbers, booleans, instants and durations (ISO-8601). An operation added
 * later answers with any such type and needs no codec of its own.
 */
public final class RecordJson {

    private RecordJson() {
    }

    /** @throws IllegalArgumentException for a type not listed above */
    public static JsonValue of(Object value) {
        return switch (value) {
            case null -> JsonValue.NULL;
            case JsonValue json -> json;
            case String text -> new JsonValue(text);
            case Boolean bool -> new JsonValue(bool);
            case Integer number -> new JsonValue(number);
            case Long number -> new JsonValue(number);
            case Enum<?> constant -> new JsonValue(constant.name());
            case Instant instant -> new JsonValue(instant.toString());
            case Duration duration -> new JsonValue(duration.toString());
            case Optional<?> optional -> of(optional.orElse(null));
            case Collection<?> items -> new JsonValue(items.stream().map(RecordJson::of).toList());
            case Record record -> {
                Map<String, JsonValue> fields = new LinkedHashMap<>();
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    fields.put(component.getName(), of(read(component, record)));
                }
                yield new JsonValue(fields);
            }
            default -> throw new IllegalArgumentException("no JSON for a " + value.getClass().getName());
        };
    }

    /**
     * The value of that type the JSON holds.
     *
     * @throws IllegalArgumentException if it holds none
     */
    @SuppressWarnings("unchecked")
    public static <T> T as(JsonValue json, Class<T> type) {
        return (T) as(json, (Type) type);
    }

    private static Object as(JsonValue json, Type type) {
        if (type instanceof ParameterizedType generic) {
            Type item = generic.getActualTypeArguments()[0];
            if (generic.getRawType() == Optional.class) {
                return json == null || json.type == JsonValue.Type.NULL ? Optional.empty() : Optional.of(as(json, item));
            }
            if (generic.getRawType() == List.class) {
                return require(json, json == null ? null : json.array, type).stream().map(each -> as(each, item))
                        .toList();
            }
        }
        if (json == null || json.type == JsonValue.Type.NULL) {
            return null;
        }
        if (type == String.class) {
            return require(json, json.string, type);
        }
        if (type == boolean.class || type == Boolean.class) {
            return require(json, json.bool, type);
        }
        if (type == int.class || type == Integer.class) {
            return require(json, json.number, type).intValue();
        }
        if (type == long.class || type == Long.class) {
            return require(json, json.number, type).longValue();
        }
        if (type == Instant.class) {
            return Instant.parse(require(json, json.string, type));
        }
        if (type == Duration.class) {
            return Duration.parse(require(json, json.string, type));
        }
        if (type instanceof Class<?> plain && plain.isEnum()) {
            return constant(plain, require(json, json.string, type));
        }
        if (type instanceof Class<?> plain && plain.isRecord()) {
            return record(json, plain);
        }
        throw new IllegalArgumentException("no JSON for a " + type.getTypeName());
    }

    private static Object record(JsonValue json, Class<?> type) {
        Map<String, JsonValue> fields = require(json, json.map, type);
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = as(fields.get(components[i].getName()), components[i].getGenericType());
            if (values[i] == null && components[i].getType().isPrimitive()) {
                throw new IllegalArgumentException("no " + components[i].getName());
            }
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot make a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Object constant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot read " + component.getName() + ": " + e.getMessage(), e);
        }
    }

    private static <V> V require(JsonValue json, V value, Type type) {
        if (value == null) {
            throw new IllegalArgumentException(json + " is not a " + type.getTypeName());
        }
        return value;
    }
}
