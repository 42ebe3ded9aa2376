package org.amicus.cti.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.amicus.ami.AmiEvent;
import org.amicus.cti.Colleague;
import org.amicus.cti.ColleagueChange;
import org.amicus.cti.ColleagueChange.Kind;
import org.amicus.cti.ColleagueState;

/**
 * The colleagues' phones as their hints' events describe them. Not thread-safe: its owner serialises access.
 * {@code ExtensionStatus} (live, or listed by {@code ExtensionStateList}) carries the hint's bit mask;
 * {@code DeviceStateChange} the same news for a hint of a single device, sometimes earlier; {@code PresenceStatus}
 * the presence of hints that have one (do not disturb).
 */
final class ColleagueTable implements ListedState {

    static final int REMOVED = -2;
    static final int NOT_FOUND = -1;
    private static final int IN_USE = 1;
    private static final int BUSY = 2;
    private static final int UNAVAILABLE = 4;
    private static final int RINGING = 8;
    private static final int ON_HOLD = 16;
    /** Device states as {@code DeviceStateChange} names them, as the bit mask of a hint of that device alone. */
    private static final Map<String, Integer> DEVICE_STATES = Map.of("NOT_INUSE", 0, "INUSE", IN_USE, "BUSY", BUSY,
            "INVALID", NOT_FOUND, "UNAVAILABLE", UNAVAILABLE, "RINGING", RINGING, "RINGINUSE", RINGING | IN_USE,
            "ONHOLD", ON_HOLD);
    private static final Comparator<Colleague> ORDER = Comparator.comparing(Colleague::extension)
            .thenComparing(Colleague::context);

    private final Map<String, Colleague> colleagues = new HashMap<>();
    private final Set<String> dnd = new HashSet<>();
    private final Set<String> listed = new HashSet<>();
    private String listingId;

    /** The state a hint's bit mask and presence mean. */
    static ColleagueState stateOf(int status, boolean doNotDisturb) {
        if (doNotDisturb) {
            return ColleagueState.DND;
        }
        if (status < 0) {
            return ColleagueState.UNKNOWN;
        }
        if ((status & UNAVAILABLE) != 0) {
            return ColleagueState.UNAVAILABLE;
        }
        if ((status & RINGING) != 0) {
            return ColleagueState.RINGING;
        }
        if ((status & ON_HOLD) != 0) {
            return ColleagueState.ON_HOLD;
        }
        if ((status & BUSY) != 0) {
            return ColleagueState.BUSY;
        }
        return (status & IN_USE) != 0 ? ColleagueState.IN_USE : ColleagueState.IDLE;
    }

    List<Colleague> colleagues() {
        return colleagues.values().stream().sorted(ORDER).toList();
    }

    Optional<Colleague> colleague(String extension) {
        return colleagues.values().stream().filter(c -> c.extension().equals(extension)).min(ORDER);
    }

    @Override
    public void expectListing(String actionId) {
        listingId = actionId;
        listed.clear();
    }

    boolean listingUnderWay() {
        return listingId != null;
    }

    @Override
    public boolean abandonListing(String actionId) {
        if (!actionId.equals(listingId)) {
            return false;
        }
        listingId = null;
        return true;
    }

    /** The changes the event makes; none for events about anything else. */
    List<ColleagueChange> apply(AmiEvent event, Instant now) {
        return switch (event.name()) {
            case "ExtensionStatus" -> extensionStatus(event, now);
            case "DeviceStateChange" -> deviceState(event, now);
            case "PresenceStatus" -> presence(event, now);
            case "ExtensionStateListComplete" -> listingComplete(event);
            default -> List.of();
        };
    }

    private List<ColleagueChange> extensionStatus(AmiEvent event, Instant now) {
        String extension = event.get("Exten").orElse("");
        String context = event.get("Context").orElse("");
        int status = number(event.get("Status").orElse(""));
        if (extension.isEmpty() || status == Integer.MIN_VALUE) {
            return List.of();
        }
        String key = key(extension, context);
        if (answersListing(event)) {
            listed.add(key);
        }
        Colleague before = colleagues.get(key);
        if (status == REMOVED) {
            dnd.remove(key);
            return before == null ? List.of() : List.of(remove(key));
        }
        String hint = event.get("Hint").orElse(before == null ? "" : before.hint());
        return put(key, extension, context, hint, status, now);
    }

    private List<ColleagueChange> deviceState(AmiEvent event, Instant now) {
        String device = event.get("Device").orElse("");
        Integer status = DEVICE_STATES.get(event.get("State").orElse(""));
        if (status == null) {
            return List.of();
        }
        List<ColleagueChange> changes = new ArrayList<>();
        for (Colleague colleague : colleagues()) {
            if (colleague.hint().split(",", 2)[0].equals(device)) {
                changes.addAll(put(key(colleague.extension(), colleague.context()), colleague.extension(),
                        colleague.context(), colleague.hint(), status, now));
            }
        }
        return changes;
    }

    private List<ColleagueChange> presence(AmiEvent event, Instant now) {
        String key = key(event.get("Exten").orElse(""), event.get("Context").orElse(""));
        Colleague before = colleagues.get(key);
        boolean doNotDisturb = "dnd".equalsIgnoreCase(event.get("Status").orElse(""));
        if (doNotDisturb ? !dnd.add(key) : !dnd.remove(key)) {
            return List.of();
        }
        return before == null ? List.of()
                : put(key, before.extension(), before.context(), before.hint(), before.extensionStatus(), now);
    }

    private List<ColleagueChange> listingComplete(AmiEvent event) {
        if (!answersListing(event)) {
            return List.of();
        }
        listingId = null;
        List<ColleagueChange> changes = new ArrayList<>();
        for (String key : List.copyOf(colleagues.keySet())) {
            if (!listed.contains(key)) {
                dnd.remove(key);
                changes.add(remove(key));
            }
        }
        return changes;
    }

    private boolean answersListing(AmiEvent event) {
        String id = event.get("ActionID").orElse("");
        return listingId != null && (id.equals(listingId) || id.endsWith("#" + listingId)); // the session's prefix
    }

    private List<ColleagueChange> put(String key, String extension, String context, String hint, int status,
            Instant now) {
        Colleague before = colleagues.get(key);
        ColleagueState state = stateOf(status, dnd.contains(key));
        boolean inUse = (status & IN_USE) != 0 && status > 0 && state != ColleagueState.IN_USE;
        Instant since = before != null && before.state() == state && before.inUse() == inUse ? before.since() : now;
        Colleague current = new Colleague(extension, context, hint, state, inUse, status, since);
        if (current.equals(before)) {
            return List.of();
        }
        colleagues.put(key, current);
        return List.of(new ColleagueChange(before == null ? Kind.ADDED : Kind.CHANGED, current, before));
    }

    private ColleagueChange remove(String key) {
        return new ColleagueChange(Kind.REMOVED, colleagues.remove(key), null);
    }

    private static String key(String extension, String context) {
        return extension + "@" + context;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }
}
