/**
 * The class hierarchy as the class files state it: superclass, interfaces and the interface flag
 * of each class, read with ASM from {@code .class} resources ({@link dev.weft.agent.hierarchy.ClassFiles})
 * into a {@link dev.weft.agent.hierarchy.TypeHierarchy}, one cache per class loader, weakly held
 * ({@link dev.weft.agent.hierarchy.LoaderHierarchies}).
 * <p>Below every stage that asks a subtype question (check's promise types, the typed frames,
 * emit's frame computation, verify), so none of them depends on another stage for it.
 * Invariant: nothing here loads or initializes a class (a transformer that loads classes can
 * deadlock or see half-defined types); it depends on nothing in the agent but the stats.
 */
package dev.weft.agent.hierarchy;
