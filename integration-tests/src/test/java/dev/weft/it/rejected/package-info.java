/**
 * Fixtures the weaver must reject: each offending await or yield carries a {@code // REJECT}
 * marker comment on its line, and {@link dev.weft.it.RejectionTest} reads the source to know the
 * line the message must name. Every class also has methods that must keep working.
 */
package dev.weft.it.rejected;
