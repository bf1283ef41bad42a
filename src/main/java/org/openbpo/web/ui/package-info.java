/**
 * The server-rendered web UI: layout, navigation, login, the client switcher and the
 * administration pages. Pages call the modules' facades and never touch their tables.
 */
@org.jspecify.annotations.NullMarked
package org.openbpo.web.ui;
