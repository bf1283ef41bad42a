/**
 * Delivery centres (shore, time zone, shift calendar, cost rate, data residency) and the agents who
 * work in them (skills, languages, capacity, presence, client certifications). The work engine
 * asks {@link org.openbpo.workforce.Agents#eligibility} what an agent may take.
 */
@org.jspecify.annotations.NullMarked
package org.openbpo.workforce;
