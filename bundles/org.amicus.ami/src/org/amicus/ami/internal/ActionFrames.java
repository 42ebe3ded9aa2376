package org.amicus.ami.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.asteriskjava.manager.AsteriskMapping;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.UserEventAction;
import org.asteriskjava.util.ReflectionUtil;

/**
 * Writes an asterisk-java action as an AMI frame, as asterisk-java would: a header per non-null public property (its
 * name, or the name its {@link AsteriskMapping} gives), a header per entry of a map property ("Variable: name=value"),
 * and the raw entries of an {@code attributes} map. Every value is checked first: a control character, above all CR
 * or LF, would end the header and let the rest of the value inject headers or whole actions of its own.
 */
final class ActionFrames {

    private static final Set<String> NOT_HEADERS = Set.of("class", "action", "actionid", "attributes");

    private ActionFrames() {
    }

    /** The frame, with its blank line; an {@link IllegalArgumentException} naming the field that cannot be sent. */
    static String of(ManagerAction action, String actionId) {
        StringBuilder frame = new StringBuilder();
        header(frame, action.getAction(), "Action", HeaderValues.required("Action", action.getAction()));
        header(frame, action.getAction(), "ActionID", actionId);
        Object bean = action instanceof UserEventAction userEvent && userEvent.getUserEvent() != null
                ? userEvent.getUserEvent() : action;
        if (bean != action) {
            String type = bean.getClass().getSimpleName().replaceFirst("Event$", "");
            header(frame, action.getAction(), "UserEvent", type.toLowerCase(Locale.ENGLISH));
        }
        Map<String, Method> getters = ReflectionUtil.getGetters(bean.getClass());
        getters.forEach((property, getter) -> {
            if (!NOT_HEADERS.contains(property)) {
                properties(frame, action.getAction(), headerName(getter), valueOf(getter, action.getAction(), bean));
            }
        });
        if (getters.get("attributes") != null
                && valueOf(getters.get("attributes"), action.getAction(), bean) instanceof Map<?, ?> attributes) {
            attributes.forEach((name, value) -> header(frame, action.getAction(), String.valueOf(name),
                    String.valueOf(value)));
        }
        return frame.append("\r\n").toString();
    }

    private static void properties(StringBuilder frame, String action, String name, Object value) {
        if (value == null || value instanceof Class) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            String singular = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
            map.forEach((key, entry) -> {
                HeaderValues.singleLine(field(action, name), String.valueOf(key));
                header(frame, action, singular, key + "=" + (entry == null ? "" : entry));
            });
        } else {
            header(frame, action, name, value.toString());
        }
    }

    private static void header(StringBuilder frame, String action, String name, String value) {
        HeaderValues.singleLine(field(action, name), value);
        frame.append(name).append(": ").append(value).append("\r\n");
    }

    /** How an error names a header, e.g. "Hangup Channel". */
    private static String field(String action, String header) {
        return header.isEmpty() ? action : action + " " + Character.toUpperCase(header.charAt(0)) + header.substring(1);
    }

    private static Object valueOf(Method getter, String action, Object bean) {
        try {
            return getter.invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot read " + getter.getName() + " of " + action, e);
        }
    }

    /** The header a getter stands for: its mapping if the getter, setter or field has one, else its property name. */
    private static String headerName(Method getter) {
        String property = getter.getName().replaceFirst("^(get|is)", "");
        String field = Character.toLowerCase(property.charAt(0)) + property.substring(1);
        Class<?> owner = getter.getDeclaringClass();
        AsteriskMapping mapping = getter.getAnnotation(AsteriskMapping.class);
        try {
            mapping = mapping != null ? mapping
                    : owner.getDeclaredMethod("set" + property, getter.getReturnType())
                            .getAnnotation(AsteriskMapping.class);
        } catch (NoSuchMethodException noSetter) {
            // then the field may say
        }
        if (mapping == null) {
            for (Class<?> type = owner; type != null && mapping == null; type = type.getSuperclass()) {
                mapping = fieldMapping(type, field);
            }
        }
        return mapping != null ? mapping.value() : field.toLowerCase(Locale.ENGLISH);
    }

    private static AsteriskMapping fieldMapping(Class<?> type, String field) {
        try {
            Field declared = type.getDeclaredField(field);
            return declared.getAnnotation(AsteriskMapping.class);
        } catch (NoSuchFieldException none) {
            return null;
        }
    }
}
