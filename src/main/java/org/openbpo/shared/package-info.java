/**
 * Values and infrastructure every module may use: money, ids, calendars, errors, the database
 * runtime and the tenant scope. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.openbpo.shared;
