/**
 * The front office: a client's support channels (email in and out today; web form, chat and
 * phone to come) turning customers' messages into tickets — work items of the client's support
 * service line — and agents' answers into threaded replies in the client's name.
 */
@org.jspecify.annotations.NullMarked
package org.openbpo.support;
