/**
 * The work engine: work types as data, work items, queues, get-next routing, SLA clocks on the
 * client's calendar, maker-checker, handle time and the timeline.
 */
@org.jspecify.annotations.NullMarked
package org.openbpo.work;
