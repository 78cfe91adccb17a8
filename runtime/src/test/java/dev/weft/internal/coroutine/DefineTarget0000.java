package dev.weft.internal.coroutine;

/** A class file that CompanionLoaderOverflowTest defines again and again under other names. */
final class DefineTarget0000 {
    static int answer() {
        return 42;
    }
}
