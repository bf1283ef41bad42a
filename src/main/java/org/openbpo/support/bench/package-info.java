/** The support benchmarks: ticket creation through the REST API, and email intake. */
@org.jspecify.annotations.NullMarked
package org.openbpo.support.bench;
