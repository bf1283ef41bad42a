/** Clients (the tenants), users and roles, login and API tokens, and the tenant scope of each request. */
@org.jspecify.annotations.NullMarked
package org.openbpo.tenancy;
