package org.openbpo.contracts;

import java.util.UUID;

/**
 * The work types each client has, as the work engine keeps them. A service line runs as one, so a
 * contract naming a work type the client lacks is refused; the engine implements this, since it
 * depends on contracts and not the other way round.
 */
public interface WorkTypeCatalogue {

    boolean has(UUID clientId, String workType);
}
