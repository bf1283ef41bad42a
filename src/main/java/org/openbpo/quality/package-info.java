/** Quality assurance: sampling completed work of any work type for evaluation. */
@org.jspecify.annotations.NullMarked
package org.openbpo.quality;
