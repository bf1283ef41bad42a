/** Money: exact amounts in a currency, rounded only by methods named after the rule that demands it. */
@org.jspecify.annotations.NullMarked
package org.openbpo.shared.money;
