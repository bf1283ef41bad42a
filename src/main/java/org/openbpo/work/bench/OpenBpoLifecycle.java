package org.openbpo.work.bench;

import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Priority;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.MoveWorkItem;
import org.openbpo.work.Routing;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * OpenBPO's side of the lifecycle benchmark, through the engine's facades as an agent: raise a
 * support ticket, get next, solve it (new → solved, a move the support-ticket type allows).
 */
final class OpenBpoLifecycle implements LifecycleRun.Engine {

    private final WorkItems workItems;
    private final Routing routing;
    private final List<UUID> clients;
    private final List<AgentDesk> desks;
    private final BooleanSupplier completionsWaiting;

    OpenBpoLifecycle(WorkItems workItems, Routing routing, List<UUID> clients, List<AgentDesk> desks,
                     BooleanSupplier completionsWaiting) {
        this.completionsWaiting = completionsWaiting;
        this.workItems = workItems;
        this.routing = routing;
        this.clients = clients;
        this.desks = desks;
    }

    @Override
    public void create(int worker) throws Exception {
        AgentDesk desk = desks.get(worker);
        UUID client = clients.get(worker % clients.size());
        desk.call(() -> workItems.create(client, new CreateWorkItem(OperationsFloor.SERVICE_LINE, null, Priority.NORMAL,
                "Parcel not delivered", Map.of("description", "Customer reports parcel 4471 missing", "category", "delivery"),
                "EMAIL"), desk.agent()));
    }

    @Override
    public @Nullable Object next(int worker) throws Exception {
        AgentDesk desk = desks.get(worker);
        return desk.call(() -> routing.next(desk.agent()).orElse(null));
    }

    @Override
    public void complete(int worker, Object claimed) throws Exception {
        AgentDesk desk = desks.get(worker);
        WorkItem item = (WorkItem) claimed;
        desk.call(() -> workItems.move(item.clientId(), item.id(), new MoveWorkItem("solved", null), desk.agent()));
    }

    /** Completed work is done once billing, quality and support have taken it from the completion feed. */
    @Override
    public void awaitAfterEffects() throws InterruptedException {
        while (completionsWaiting.getAsBoolean()) {
            Thread.sleep(10);
        }
    }
}
