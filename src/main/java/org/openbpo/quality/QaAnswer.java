package org.openbpo.quality;

/** How the agent's work fared on one question; N/A questions count neither way. */
public enum QaAnswer { YES, NO, NA }
