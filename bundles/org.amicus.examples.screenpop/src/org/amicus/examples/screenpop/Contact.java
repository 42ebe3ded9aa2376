package org.amicus.examples.screenpop;

/**
 * A customer as the CRM knows them.
 *
 * @param number  the phone number they call from, e.g. {@code 0612345678}
 * @param name    e.g. {@code Alice Martin}
 * @param company e.g. {@code Martin & Fils Bakery}
 * @param note    what the agent should know before answering; may be empty
 */
public record Contact(String number, String name, String company, String note) {
}
