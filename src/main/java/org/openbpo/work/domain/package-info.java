/**
 * The work engine's model without Spring or SQL: work type definitions, states, transitions,
 * form fields and the SLA clock. Published as a named interface because the facades hand these
 * types out (a work item's SLA state, the moves one may make), and the UI renders them.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("domain")
package org.openbpo.work.domain;
