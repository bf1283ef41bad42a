/** Contracts with clients: service lines, business calendars, SLA policies and KPI targets, versioned. */
@org.jspecify.annotations.NullMarked
package org.openbpo.contracts;
