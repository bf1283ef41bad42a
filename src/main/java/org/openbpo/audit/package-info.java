/** The append-only, hash-chained audit trail every module writes its changes to. */
@org.jspecify.annotations.NullMarked
package org.openbpo.audit;
