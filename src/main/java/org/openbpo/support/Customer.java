package org.openbpo.support;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One of a client's customers, with every way they have reached the client. */
public record Customer(UUID id, @Nullable String name, @Nullable String organisation, List<Contact> contacts,
                       @Nullable UUID mergedInto, Instant createdAt) {

    public enum ContactKind { EMAIL, PHONE }

    public record Contact(ContactKind kind, String value) {
    }

    public @Nullable String email() {
        return contacts.stream().filter(c -> c.kind() == ContactKind.EMAIL).map(Contact::value).findFirst().orElse(null);
    }

    public @Nullable String phone() {
        return contacts.stream().filter(c -> c.kind() == ContactKind.PHONE).map(Contact::value).findFirst().orElse(null);
    }

    public String displayName() {
        String email = email();
        return name != null ? name : email != null ? email : phone() != null ? phone() : id.toString();
    }
}
