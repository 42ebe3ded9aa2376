package org.amicus.examples.screenpop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contacts this example looks callers up in: a CSV file in the bundle ({@code contacts.csv}: number, name, company,
 * note). A real CRM would ask its own directory here.
 */
public final class ContactList {

    private static final String BUILT_IN = "/contacts.csv";

    private final Map<String, Contact> byNumber = new HashMap<>();

    /** The contacts of {@code contacts.csv}. */
    public static ContactList builtIn() {
        try (InputStream in = ContactList.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the bundle");
            }
            return parse(BUILT_IN, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + BUILT_IN, e);
        }
    }

    /**
     * Contacts from CSV lines, the first of them a header; fails on a line that does not have the four fields, or a
     * number listed twice, saying which line.
     */
    public static ContactList parse(String source, List<String> lines) {
        ContactList contacts = new ContactList();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", 4); // the note, last, may hold commas
            String where = source + " line " + (i + 1);
            if (fields.length < 4 || normalised(fields[0]).isEmpty()) {
                throw new IllegalArgumentException(where + ": expected number,name,company,note but found \""
                        + line + "\"");
            }
            Contact contact = new Contact(fields[0].trim(), fields[1].trim(), fields[2].trim(), fields[3].trim());
            if (contacts.byNumber.putIfAbsent(normalised(contact.number()), contact) != null) {
                throw new IllegalArgumentException(where + ": " + contact.number() + " is listed twice");
            }
        }
        return contacts;
    }

    /** The contact who calls from that number, however it is written ({@code 06 12-34.56 78}); empty if none. */
    public Optional<Contact> find(String number) {
        return Optional.ofNullable(byNumber.get(normalised(number)));
    }

    private static String normalised(String number) {
        return number.replaceAll("[\\s().-]", "");
    }

    private ContactList() {
    }
}
