package org.openbpo.support;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** What the customer's chat window shows: where the chat stands and the lines it has not shown yet. */
public record ChatView(Chat.Status status, @Nullable String agentName, String reference, List<ChatMessage> messages) {
}
