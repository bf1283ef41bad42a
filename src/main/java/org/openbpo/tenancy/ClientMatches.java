package org.openbpo.tenancy;

import java.util.List;

/** The first clients a search found, most relevant first, and how many it found in all. */
public record ClientMatches(List<Client> listed, int found) {

    /** How many found clients are not listed. */
    public int more() {
        return found - listed.size();
    }
}
