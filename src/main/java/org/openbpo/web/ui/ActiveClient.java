package org.openbpo.web.ui;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.Client;

import java.io.Serializable;
import java.util.UUID;

/**
 * The client a provider user is working for right now, kept in the HTTP session. Only a label
 * and an id: every page still asks the facades, so a stale choice can never widen what is seen.
 */
public record ActiveClient(UUID id, String code, String name) implements Serializable {

    static final String SESSION_KEY = "activeClient";

    static ActiveClient of(Client client) {
        return new ActiveClient(client.id(), client.code(), client.name());
    }

    static @Nullable ActiveClient in(@Nullable HttpSession session) {
        return session == null ? null : (ActiveClient) session.getAttribute(SESSION_KEY);
    }

    void keepIn(HttpSession session) {
        session.setAttribute(SESSION_KEY, this);
    }

    static void forget(HttpSession session) {
        session.removeAttribute(SESSION_KEY);
    }
}
