/** The UI shell (layout, navigation, login), API error handling, request ids and idempotent POSTs. */
@org.jspecify.annotations.NullMarked
package org.openbpo.web;
