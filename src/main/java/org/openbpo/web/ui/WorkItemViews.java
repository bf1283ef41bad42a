package org.openbpo.web.ui;

import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Users;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkTypes;
import org.openbpo.work.domain.WorkTypeDefinition;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds {@link WorkItemView}s for a list in few queries: work types and SLA calendars are cached, names fetched once. */
@Component
class WorkItemViews {

    private final WorkTypes workTypes;
    private final SlaViews slas;
    private final Users users;

    WorkItemViews(WorkTypes workTypes, SlaViews slas, Users users) {
        this.workTypes = workTypes;
        this.slas = slas;
        this.users = users;
    }

    WorkItemView of(WorkItem item, Client client, CurrentUser viewer) {
        return of(List.of(item), List.of(client), viewer).getFirst();
    }

    /** Client users never see who at the provider holds their work, only that the service team does. */
    List<WorkItemView> of(List<WorkItem> items, Collection<Client> clients, CurrentUser viewer) {
        Map<UUID, Client> byId = clients.stream().collect(Collectors.toMap(Client::id, Function.identity(), (a, b) -> a));
        Map<UUID, String> names = viewer.providerStaff()
                ? users.staffNames(items.stream().map(WorkItem::assigneeId).filter(Objects::nonNull).collect(Collectors.toSet()), viewer)
                : Map.of();
        return items.stream().map(item -> {
            Client client = byId.get(item.clientId());
            WorkTypeDefinition type = definition(item);
            String assignee = item.assigneeId() == null ? null : names.getOrDefault(item.assigneeId(), "another agent");
            return new WorkItemView(item, client.name(), type.name(), type.state(item.state()).label(),
                    slas.of(item, client.timeZone(), !viewer.providerStaff()), viewer.providerStaff() ? assignee : null);
        }).toList();
    }

    WorkTypeDefinition definition(WorkItem item) {
        return workTypes.version(item.clientId(), item.workType(), item.workTypeVersion());
    }
}
