package org.openbpo.quality;

/**
 * Why an item is evaluated: it fell in the sample rate, its agent is still new, the agent's weekly
 * minimum was not reached yet, or someone flagged it (a complaint, a suspected error).
 */
public enum SampleReason { SAMPLE_RATE, NEW_AGENT, MINIMUM_PER_WEEK, FLAGGED }
