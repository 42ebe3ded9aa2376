package org.amicus.examples.screenpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ContactListTest {

    @Test
    void findsABuiltInContactHoweverTheNumberIsWritten() {
        ContactList contacts = ContactList.builtIn();

        Contact alice = contacts.find("06 12-34.56 78").orElseThrow();
        assertEquals(new Contact("0612345678", "Alice Martin", "Martin & Fils Bakery",
                "Key account since 2019; prefers calls before noon"), alice);
        assertEquals(alice, contacts.find("0612345678").orElseThrow());
        assertTrue(contacts.find("0699887766").isEmpty(), "Farid Haddad is not in the list");
        assertTrue(contacts.find("").isEmpty());
    }

    @Test
    void theNoteMayHoldCommas() {
        ContactList contacts = ContactList.parse("test.csv", List.of("number,name,company,note",
                "42,Ada,Engines Ltd,calls early, hangs up late"));

        assertEquals("calls early, hangs up late", contacts.find("42").orElseThrow().note());
    }

    @Test
    void aBrokenLineIsNamed() {
        IllegalArgumentException missingField = assertThrows(IllegalArgumentException.class,
                () -> ContactList.parse("test.csv", List.of("number,name,company,note", "", "42,Ada")));
        assertEquals("test.csv line 3: expected number,name,company,note but found \"42,Ada\"",
                missingField.getMessage());

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ContactList.parse("test.csv", List.of("number,name,company,note", "42,Ada,A,", "4 2,Bob,B,")));
        assertEquals("test.csv line 3: 4 2 is listed twice", twice.getMessage());
    }
}
