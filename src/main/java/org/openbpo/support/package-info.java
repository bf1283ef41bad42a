/**
 * The front office: a client's support channels (email, web form, live chat, phone) turning
 * customers' messages into tickets — work items of the client's support service line — linked to
 * the customer's record, and the agents' tools around them: answers by email in the client's name,
 * the knowledge base and help centre, macros, bulk actions, search, and CSAT for the scorecards.
 */
@org.jspecify.annotations.NullMarked
package org.openbpo.support;
