package org.amicus.ami;

import java.util.Optional;

/**
 * The secrets of Amicus's other logins by name (e.g. the hub's password), encrypted in the same secure storage as
 * {@link AmiSecrets}: never in plain preferences, never in a log line. Available as an OSGi service.
 */
public interface NamedSecrets {

    /** Stores the secret under this name, replacing any earlier one; fails with an {@link AmiException}. */
    void save(String name, String secret);

    /** The secret of this name, if one is stored. */
    Optional<String> find(String name);

    /** Forgets the secret of this name, if any. */
    void delete(String name);
}
