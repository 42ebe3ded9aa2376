package org.amicus.ami.internal;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.amicus.ami.AmiEvent;
import org.asteriskjava.manager.AsteriskMapping;
import org.asteriskjava.manager.ExpectedResponse;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.event.UserEvent;
import org.asteriskjava.manager.response.CommandResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * asterisk-java's typed events and responses, made from AMI headers through those classes' public constructors and
 * setters: asterisk-java stays the typed vocabulary of Amicus's API without its connection doing any reading. Event
 * classes are found once, by listing asterisk-java's event package in its jar; a header with no setter is skipped.
 */
public final class TypedMessages implements Function<AmiEvent, ManagerEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(TypedMessages.class);
    private static final String EVENT_PACKAGE = ManagerEvent.class.getPackageName();
    private static final ClassValue<Map<String, Method>> SETTERS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            return settersOf(type);
        }
    };

    /** Event classes by their lower-case AMI name (a user event's as "userevent" + its name), found on first use. */
    private static final class EventClasses {
        static final Map<String, Class<? extends ManagerEvent>> BY_NAME = eventClasses();
    }

    /** asterisk-java's event for this one, or {@code null} if it has no class for it. */
    @Override
    public ManagerEvent apply(AmiEvent event) {
        String name = event.name().toLowerCase(Locale.ENGLISH);
        if (name.equals("userevent")) {
            name += event.get("UserEvent").orElse("").toLowerCase(Locale.ENGLISH);
        }
        Class<? extends ManagerEvent> type = EventClasses.BY_NAME.get(name);
        if (type == null) {
            return null;
        }
        try {
            ManagerEvent typed = type.getConstructor(Object.class).newInstance(this);
            fill(typed, attributes(event.headers()));
            if (typed instanceof ResponseEvent answer && answer.getActionId() != null) {
                answer.setActionId(ActionIds.ownPart(answer.getActionId()));
            }
            return typed;
        } catch (ReflectiveOperationException e) {
            LOG.debug("Cannot make a {} of {}", type.getSimpleName(), event.name(), e);
            return null;
        }
    }

    /** The response to an action: the class the action expects, or a {@link ManagerError} for an error. */
    static ManagerResponse response(ManagerAction action, List<Map.Entry<String, String>> headers) {
        Map<String, Object> attributes = attributes(headers);
        ManagerResponse response = "error".equalsIgnoreCase(String.valueOf(attributes.get("response")))
                ? new ManagerError() : newResponse(action);
        fill(response, attributes);
        if (response.getActionId() != null) {
            String callersId = ActionIds.ownPart(response.getActionId());
            response.setActionId(callersId.isEmpty() ? null : callersId);
        }
        if (response instanceof CommandResponse command) {
            command.setResult(values(attributes.get("output")));
        }
        response.setAttributes(attributes);
        return response;
    }

    private static ManagerResponse newResponse(ManagerAction action) {
        ExpectedResponse expected = action.getClass().getAnnotation(ExpectedResponse.class);
        if (expected != null) {
            try {
                return expected.value().getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                LOG.debug("Cannot make a {}: answering with a plain response", expected.value().getSimpleName(), e);
            }
        }
        return new ManagerResponse();
    }

    /** Lower-case header names to values; a repeated header's values as a list, as asterisk-java reads them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(List<Map.Entry<String, String>> headers) {
        Map<String, Object> attributes = new HashMap<>();
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey().toLowerCase(Locale.ENGLISH);
            Object earlier = attributes.putIfAbsent(name, header.getValue());
            if (earlier instanceof List<?> list) {
                ((List<String>) list).add(header.getValue());
            } else if (earlier != null) {
                attributes.put(name, new ArrayList<>(List.of((String) earlier, header.getValue())));
            }
        }
        return attributes;
    }

    private static void fill(Object target, Map<String, Object> attributes) {
        Map<String, Method> setters = SETTERS.get(target.getClass());
        attributes.forEach((name, value) -> {
            Method setter = setterFor(setters, name);
            if (setter == null) {
                return; // a header this class has no property for (Asterisk adds headers over versions)
            }
            try {
                setter.invoke(target, convert(value, setter.getParameterTypes()[0]));
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                LOG.debug("Cannot set {} of {} to {}", name, target.getClass().getSimpleName(), value, e);
            }
        });
    }

    private static Method setterFor(Map<String, Method> setters, String header) {
        String property = switch (header.replaceAll("[^a-z0-9]", "")) {
            case "source" -> "src"; // taken by java.util.EventObject
            case "class" -> "clazz";
            case String other -> other;
        };
        Method setter = setters.get(property);
        if (setter == null) {
            Method plural = setters.get(property + "s"); // "Variable: a=b" headers fill a map of variables
            setter = plural != null && plural.getParameterTypes()[0] == Map.class ? plural : null;
        }
        return setter;
    }

    private static Object convert(Object value, Class<?> type) throws ReflectiveOperationException {
        if (type == Map.class) {
            Map<String, String> map = new LinkedHashMap<>();
            for (String entry : values(value)) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    map.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            return map;
        }
        String text = value instanceof List<?> list ? String.join("\n", values(list)) : (String) value;
        if (type == String.class || type == Object.class) {
            return text;
        }
        if (type == Boolean.class || type == boolean.class) {
            return Set.of("yes", "true", "y", "t", "1", "on", "enabled").contains(text.trim().toLowerCase(Locale.ENGLISH));
        }
        if (text.isBlank()) {
            return null; // no number given; a primitive property then keeps its default
        }
        return switch (type.getName()) {
            case "int", "java.lang.Integer" -> Integer.valueOf(text.trim());
            case "long", "java.lang.Long" -> Long.valueOf(text.trim());
            case "double", "java.lang.Double" -> Double.valueOf(text.trim());
            default -> type.getConstructor(String.class).newInstance(text);
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> values(Object value) {
        return value == null ? List.of() : value instanceof List<?> list ? (List<String>) list : List.of((String) value);
    }

    private static Map<String, Method> settersOf(Class<?> type) {
        Map<String, Method> setters = new HashMap<>();
        for (Method method : type.getMethods()) {
            if (method.getName().startsWith("set") && method.getParameterCount() == 1) {
                String property = method.getName().substring(3).toLowerCase(Locale.ENGLISH);
                Method earlier = setters.get(property);
                // A subclass's setter wins over the one it hides.
                if (earlier == null || earlier.getDeclaringClass().isAssignableFrom(method.getDeclaringClass())) {
                    setters.put(property, method);
                }
            }
        }
        return Map.copyOf(setters);
    }

    private static Map<String, Class<? extends ManagerEvent>> eventClasses() {
        Map<String, Class<? extends ManagerEvent>> classes = new HashMap<>();
        for (String className : eventClassNames()) {
            try {
                Class<?> type = Class.forName(className, false, ManagerEvent.class.getClassLoader());
                if (ManagerEvent.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())
                        && Modifier.isPublic(type.getModifiers())) {
                    classes.put(eventName(type), type.asSubclass(ManagerEvent.class));
                }
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.debug("Skipping {}", className, e);
            }
        }
        if (classes.isEmpty()) {
            LOG.error("Found none of asterisk-java's event classes: events will have no typed form");
        }
        return Map.copyOf(classes);
    }

    /** The AMI name an event class stands for, lower case, as asterisk-java names it. */
    private static String eventName(Class<?> type) {
        AsteriskMapping mapping = type.getAnnotation(AsteriskMapping.class);
        String name = (mapping != null ? mapping.value() : type.getSimpleName().replaceFirst("Event$", ""))
                .toLowerCase(Locale.ENGLISH);
        return UserEvent.class.isAssignableFrom(type) && !name.startsWith("userevent") ? "userevent" + name : name;
    }

    /** The classes of asterisk-java's event package, listed from its jar (or folder) without scanning anything else. */
    private static List<String> eventClassNames() {
        String folder = EVENT_PACKAGE.replace('.', '/') + "/";
        try {
            Path source = sourceOf(ManagerEvent.class);
            List<String> entries = new ArrayList<>();
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.list(source.resolve(folder))) {
                    files.forEach(file -> entries.add(folder + file.getFileName()));
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    jar.stream().forEach(entry -> entries.add(entry.getName()));
                }
            }
            return entries.stream()
                    .filter(entry -> entry.startsWith(folder) && entry.endsWith(".class")
                            && entry.indexOf('/', folder.length()) < 0 && !entry.contains("$"))
                    .map(entry -> entry.substring(0, entry.length() - ".class".length()).replace('/', '.'))
                    .toList();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.error("Cannot list asterisk-java's event classes", e);
            return List.of();
        }
    }

    private static Path sourceOf(Class<?> type) throws URISyntaxException {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        URL location = code == null ? null : code.getLocation();
        if (location == null) {
            throw new IllegalStateException("no code source for " + type.getName());
        }
        return new File(location.toURI()).toPath();
    }
}
