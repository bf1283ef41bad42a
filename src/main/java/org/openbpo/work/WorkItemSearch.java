package org.openbpo.work;

import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.Clients;
import org.openbpo.work.persistence.TextSearchRows;
import org.openbpo.work.persistence.WorkItemRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Full-text search across one client's work: titles, descriptions and comments. */
@Service
public class WorkItemSearch {

    private final TextSearchRows search;
    private final WorkItemRows items;
    private final Clients clients;

    WorkItemSearch(TextSearchRows search, WorkItemRows items, Clients clients) {
        this.search = search;
        this.items = items;
        this.clients = clients;
    }

    /** The client's items (of one service line, if given) whose words match, newest first, below {@code beforeId}. */
    @Transactional(readOnly = true)
    public List<WorkItem> find(UUID clientId, @Nullable String serviceLine, String text, long beforeId, int limit) {
        clients.get(clientId);
        if (text.isBlank()) {
            return List.of();
        }
        return search.find(clientId, serviceLine, text, beforeId, limit).stream()
                .map(id -> items.find(clientId, id)).flatMap(Optional::stream).toList();
    }
}
