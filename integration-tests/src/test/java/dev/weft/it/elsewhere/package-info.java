/**
 * Types that must live in a package other than the tests' own, for the weaver's access checks
 * (a constructor that dev.weft.it cannot call).
 */
package dev.weft.it.elsewhere;
