package org.openbpo.quality;

/** Why an item is evaluated: it fell in the work type's sample rate, or its agent is still new. */
public enum SampleReason { SAMPLE_RATE, NEW_AGENT }
