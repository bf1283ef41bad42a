/** The payables REST API under /api/v1/clients/{clientId}/payables. */
@org.jspecify.annotations.NullMarked
package org.openbpo.payables.web;
