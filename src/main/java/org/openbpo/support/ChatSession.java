package org.openbpo.support;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/**
 * What the customer's browser keeps to go on with its chat: the chat's id and a secret token;
 * the ticket's reference to quote. A robot caught in the trap gets a session that leads nowhere.
 */
public record ChatSession(UUID chatId, String token, @Nullable String reference) {
}
