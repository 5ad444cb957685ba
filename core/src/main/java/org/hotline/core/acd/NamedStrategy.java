package org.hotline.core.acd;

/** A routing strategy that goes by its configuration name, in logs too. */
abstract class NamedStrategy implements RoutingStrategy {
  private final String name;

  NamedStrategy(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String toString() {
    return name;
  }
}
